package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Order Accepted message ('A', outbound, 64 bytes + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 A. The offsets are those of {@link OuchAcceptedDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'A'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum of the Enter Order      u32
 *        13       1  Side                               alpha (1)
 *        14       4  Quantity                           u32
 *        18       8  Symbol                             alpha (8)
 *        26       8  Price                              s64 Price (4)
 *        34       1  Time In Force                      alpha (1)
 *        35       1  Display                            alpha (1)
 *        36       8  Order Reference Number             u64
 *        44       1  Capacity                           alpha (1)
 *        45       1  InterMarket Sweep Eligibility      alpha (1)
 *        46       1  CrossType                          alpha (1)
 *        47       1  Order State                        alpha (1)
 *        48      14  ClOrdID                            alpha (14)
 *        62       2  Appendage Length                   u16
 *        64     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchAcceptedEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchAcceptedEncoder()
    {
        super(
            OuchAcceptedDecoder.MESSAGE_TYPE,
            OuchAcceptedDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchAcceptedDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchAcceptedEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchAcceptedEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchAcceptedDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * UserRefNum of the Enter Order.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchAcceptedEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchAcceptedDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Side: 'B', 'S', 'T' or 'E'.
     *
     * @param side ASCII byte.
     * @return this encoder.
     */
    public OuchAcceptedEncoder side(final byte side)
    {
        putByte(OuchAcceptedDecoder.SIDE_OFFSET, side);

        return this;
    }

    /**
     * Quantity: shares accepted.
     *
     * @param quantity unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchAcceptedEncoder quantity(final long quantity)
    {
        putUint32(OuchAcceptedDecoder.QUANTITY_OFFSET, quantity);

        return this;
    }

    /**
     * Symbol.
     *
     * @param symbol ASCII, padded with spaces, truncated to 8.
     * @return this encoder.
     */
    public OuchAcceptedEncoder symbol(final CharSequence symbol)
    {
        putAlpha(OuchAcceptedDecoder.SYMBOL_OFFSET, 8, symbol);

        return this;
    }

    /**
     * Price: accepted price, possibly re-priced on entry.
     *
     * @param price 4 implied decimals.
     * @return this encoder.
     */
    public OuchAcceptedEncoder price(final long price)
    {
        putInt64(OuchAcceptedDecoder.PRICE_OFFSET, price);

        return this;
    }

    /**
     * Time In Force: '0' day, '3' IOC, '5' GTX, '6' GTT, 'E' after hours.
     *
     * @param timeInForce ASCII byte.
     * @return this encoder.
     */
    public OuchAcceptedEncoder timeInForce(final byte timeInForce)
    {
        putByte(OuchAcceptedDecoder.TIME_IN_FORCE_OFFSET, timeInForce);

        return this;
    }

    /**
     * Display: 'Y', 'N', 'A' or 'Z' (conformant).
     *
     * @param display ASCII byte.
     * @return this encoder.
     */
    public OuchAcceptedEncoder display(final byte display)
    {
        putByte(OuchAcceptedDecoder.DISPLAY_OFFSET, display);

        return this;
    }

    /**
     * Order Reference Number: day-unique, as on the market data feeds.
     *
     * @param orderReferenceNumber 8-byte number.
     * @return this encoder.
     */
    public OuchAcceptedEncoder orderReferenceNumber(final long orderReferenceNumber)
    {
        putInt64(OuchAcceptedDecoder.ORDER_REFERENCE_NUMBER_OFFSET, orderReferenceNumber);

        return this;
    }

    /**
     * Capacity: 'A', 'P', 'R' or 'O'.
     *
     * @param capacity ASCII byte.
     * @return this encoder.
     */
    public OuchAcceptedEncoder capacity(final byte capacity)
    {
        putByte(OuchAcceptedDecoder.CAPACITY_OFFSET, capacity);

        return this;
    }

    /**
     * InterMarket Sweep Eligibility: 'Y' or 'N'.
     *
     * @param interMarketSweepEligibility ASCII byte.
     * @return this encoder.
     */
    public OuchAcceptedEncoder interMarketSweepEligibility(final byte interMarketSweepEligibility)
    {
        putByte(OuchAcceptedDecoder.INTER_MARKET_SWEEP_ELIGIBILITY_OFFSET, interMarketSweepEligibility);

        return this;
    }

    /**
     * CrossType: 'N', 'O', 'C', 'H', 'S', 'E', 'A' or 'R'.
     *
     * @param crossType ASCII byte.
     * @return this encoder.
     */
    public OuchAcceptedEncoder crossType(final byte crossType)
    {
        putByte(OuchAcceptedDecoder.CROSS_TYPE_OFFSET, crossType);

        return this;
    }

    /**
     * Order State: 'L' live, 'D' dead (accepted then canceled).
     *
     * @param orderState ASCII byte.
     * @return this encoder.
     */
    public OuchAcceptedEncoder orderState(final byte orderState)
    {
        putByte(OuchAcceptedDecoder.ORDER_STATE_OFFSET, orderState);

        return this;
    }

    /**
     * ClOrdID.
     *
     * @param clOrdId ASCII, padded with spaces, truncated to 14.
     * @return this encoder.
     */
    public OuchAcceptedEncoder clOrdId(final CharSequence clOrdId)
    {
        putAlpha(OuchAcceptedDecoder.CL_ORD_ID_OFFSET, 14, clOrdId);

        return this;
    }
}
