package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Order Replaced message ('U', outbound, 68 bytes + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 U. The offsets are those of {@link OuchReplacedDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'U'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  OrigUserRefNum                     u32
 *        13       4  UserRefNum of the replacement      u32
 *        17       1  Side                               alpha (1)
 *        18       4  Quantity                           u32
 *        22       8  Symbol                             alpha (8)
 *        30       8  Price                              s64 Price (4)
 *        38       1  Time In Force                      alpha (1)
 *        39       1  Display                            alpha (1)
 *        40       8  Order Reference Number of the replacement  u64
 *        48       1  Capacity                           alpha (1)
 *        49       1  InterMarket Sweep Eligibility      alpha (1)
 *        50       1  CrossType                          alpha (1)
 *        51       1  Order State                        alpha (1)
 *        52      14  ClOrdID of the replacement         alpha (14)
 *        66       2  Appendage Length                   u16
 *        68     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchReplacedEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchReplacedEncoder()
    {
        super(
            OuchReplacedDecoder.MESSAGE_TYPE,
            OuchReplacedDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchReplacedDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchReplacedEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchReplacedEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchReplacedDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * OrigUserRefNum: the order replaced.
     *
     * @param origUserRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchReplacedEncoder origUserRefNum(final long origUserRefNum)
    {
        putUint32(OuchReplacedDecoder.ORIG_USER_REF_NUM_OFFSET, origUserRefNum);

        return this;
    }

    /**
     * UserRefNum of the replacement.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchReplacedEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchReplacedDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Side: 'B', 'S', 'T' or 'E'.
     *
     * @param side ASCII byte.
     * @return this encoder.
     */
    public OuchReplacedEncoder side(final byte side)
    {
        putByte(OuchReplacedDecoder.SIDE_OFFSET, side);

        return this;
    }

    /**
     * Quantity: shares outstanding after the replace.
     *
     * @param quantity unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchReplacedEncoder quantity(final long quantity)
    {
        putUint32(OuchReplacedDecoder.QUANTITY_OFFSET, quantity);

        return this;
    }

    /**
     * Symbol.
     *
     * @param symbol ASCII, padded with spaces, truncated to 8.
     * @return this encoder.
     */
    public OuchReplacedEncoder symbol(final CharSequence symbol)
    {
        putAlpha(OuchReplacedDecoder.SYMBOL_OFFSET, 8, symbol);

        return this;
    }

    /**
     * Price: accepted price of the replacement.
     *
     * @param price 4 implied decimals.
     * @return this encoder.
     */
    public OuchReplacedEncoder price(final long price)
    {
        putInt64(OuchReplacedDecoder.PRICE_OFFSET, price);

        return this;
    }

    /**
     * Time In Force: '0', '3', '5', '6' or 'E'.
     *
     * @param timeInForce ASCII byte.
     * @return this encoder.
     */
    public OuchReplacedEncoder timeInForce(final byte timeInForce)
    {
        putByte(OuchReplacedDecoder.TIME_IN_FORCE_OFFSET, timeInForce);

        return this;
    }

    /**
     * Display: 'Y', 'N', 'A' or 'Z'.
     *
     * @param display ASCII byte.
     * @return this encoder.
     */
    public OuchReplacedEncoder display(final byte display)
    {
        putByte(OuchReplacedDecoder.DISPLAY_OFFSET, display);

        return this;
    }

    /**
     * Order Reference Number of the replacement.
     *
     * @param orderReferenceNumber 8-byte number.
     * @return this encoder.
     */
    public OuchReplacedEncoder orderReferenceNumber(final long orderReferenceNumber)
    {
        putInt64(OuchReplacedDecoder.ORDER_REFERENCE_NUMBER_OFFSET, orderReferenceNumber);

        return this;
    }

    /**
     * Capacity: 'A', 'P', 'R' or 'O'.
     *
     * @param capacity ASCII byte.
     * @return this encoder.
     */
    public OuchReplacedEncoder capacity(final byte capacity)
    {
        putByte(OuchReplacedDecoder.CAPACITY_OFFSET, capacity);

        return this;
    }

    /**
     * InterMarket Sweep Eligibility: 'Y' or 'N'.
     *
     * @param interMarketSweepEligibility ASCII byte.
     * @return this encoder.
     */
    public OuchReplacedEncoder interMarketSweepEligibility(final byte interMarketSweepEligibility)
    {
        putByte(OuchReplacedDecoder.INTER_MARKET_SWEEP_ELIGIBILITY_OFFSET, interMarketSweepEligibility);

        return this;
    }

    /**
     * CrossType.
     *
     * @param crossType ASCII byte.
     * @return this encoder.
     */
    public OuchReplacedEncoder crossType(final byte crossType)
    {
        putByte(OuchReplacedDecoder.CROSS_TYPE_OFFSET, crossType);

        return this;
    }

    /**
     * Order State: 'L' live, 'D' dead.
     *
     * @param orderState ASCII byte.
     * @return this encoder.
     */
    public OuchReplacedEncoder orderState(final byte orderState)
    {
        putByte(OuchReplacedDecoder.ORDER_STATE_OFFSET, orderState);

        return this;
    }

    /**
     * ClOrdID of the replacement.
     *
     * @param clOrdId ASCII, padded with spaces, truncated to 14.
     * @return this encoder.
     */
    public OuchReplacedEncoder clOrdId(final CharSequence clOrdId)
    {
        putAlpha(OuchReplacedDecoder.CL_ORD_ID_OFFSET, 14, clOrdId);

        return this;
    }
}
