package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Enter Order message ('O', inbound, 47 bytes + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.3 O. The offsets are those of {@link OuchEnterOrderDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'O'
 *         1       4  UserRefNum                         u32
 *         5       1  Side                               alpha (1)
 *         6       4  Quantity                           u32
 *        10       8  Symbol                             alpha (8)
 *        18       8  Price                              s64 Price (4)
 *        26       1  Time In Force                      alpha (1)
 *        27       1  Display                            alpha (1)
 *        28       1  Capacity                           alpha (1)
 *        29       1  InterMarket Sweep Eligibility      alpha (1)
 *        30       1  CrossType                          alpha (1)
 *        31      14  ClOrdID (not unique-checked)       alpha (14)
 *        45       2  Appendage Length                   u16
 *        47     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchEnterOrderEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchEnterOrderEncoder()
    {
        super(
            OuchEnterOrderDecoder.MESSAGE_TYPE,
            OuchEnterOrderDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchEnterOrderDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchEnterOrderEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * UserRefNum: unique, strictly increasing per port (or per UserRefIdx channel).
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchEnterOrderEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchEnterOrderDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Side: 'B' buy, 'S' sell, 'T' sell short, 'E' sell short exempt.
     *
     * @param side ASCII byte.
     * @return this encoder.
     */
    public OuchEnterOrderEncoder side(final byte side)
    {
        putByte(OuchEnterOrderDecoder.SIDE_OFFSET, side);

        return this;
    }

    /**
     * Quantity: above 0 and below 1,000,000.
     *
     * @param quantity unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchEnterOrderEncoder quantity(final long quantity)
    {
        putUint32(OuchEnterOrderDecoder.QUANTITY_OFFSET, quantity);

        return this;
    }

    /**
     * Symbol.
     *
     * @param symbol ASCII, padded with spaces, truncated to 8.
     * @return this encoder.
     */
    public OuchEnterOrderEncoder symbol(final CharSequence symbol)
    {
        putAlpha(OuchEnterOrderDecoder.SYMBOL_OFFSET, 8, symbol);

        return this;
    }

    /**
     * Price.
     *
     * @param price 4 implied decimals.
     * @return this encoder.
     */
    public OuchEnterOrderEncoder price(final long price)
    {
        putInt64(OuchEnterOrderDecoder.PRICE_OFFSET, price);

        return this;
    }

    /**
     * Time In Force: '0' day, '3' IOC, '5' GTX, '6' GTT, 'E' after hours.
     *
     * @param timeInForce ASCII byte.
     * @return this encoder.
     */
    public OuchEnterOrderEncoder timeInForce(final byte timeInForce)
    {
        putByte(OuchEnterOrderDecoder.TIME_IN_FORCE_OFFSET, timeInForce);

        return this;
    }

    /**
     * Display: 'Y' visible, 'N' hidden, 'A' attributable.
     *
     * @param display ASCII byte.
     * @return this encoder.
     */
    public OuchEnterOrderEncoder display(final byte display)
    {
        putByte(OuchEnterOrderDecoder.DISPLAY_OFFSET, display);

        return this;
    }

    /**
     * Capacity: 'A' agency, 'P' principal, 'R' riskless, 'O' other.
     *
     * @param capacity ASCII byte.
     * @return this encoder.
     */
    public OuchEnterOrderEncoder capacity(final byte capacity)
    {
        putByte(OuchEnterOrderDecoder.CAPACITY_OFFSET, capacity);

        return this;
    }

    /**
     * InterMarket Sweep Eligibility: 'Y' or 'N'.
     *
     * @param interMarketSweepEligibility ASCII byte.
     * @return this encoder.
     */
    public OuchEnterOrderEncoder interMarketSweepEligibility(final byte interMarketSweepEligibility)
    {
        putByte(OuchEnterOrderDecoder.INTER_MARKET_SWEEP_ELIGIBILITY_OFFSET, interMarketSweepEligibility);

        return this;
    }

    /**
     * CrossType: 'N' continuous, 'O', 'C', 'H', 'S', 'E', 'A', 'R'.
     *
     * @param crossType ASCII byte.
     * @return this encoder.
     */
    public OuchEnterOrderEncoder crossType(final byte crossType)
    {
        putByte(OuchEnterOrderDecoder.CROSS_TYPE_OFFSET, crossType);

        return this;
    }

    /**
     * ClOrdID (not unique-checked).
     *
     * @param clOrdId ASCII, padded with spaces, truncated to 14.
     * @return this encoder.
     */
    public OuchEnterOrderEncoder clOrdId(final CharSequence clOrdId)
    {
        putAlpha(OuchEnterOrderDecoder.CL_ORD_ID_OFFSET, 14, clOrdId);

        return this;
    }
}
