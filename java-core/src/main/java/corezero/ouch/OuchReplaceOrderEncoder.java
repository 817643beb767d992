package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Replace Order Request message ('U', inbound, 40 bytes + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.3 U. The offsets are those of {@link OuchReplaceOrderDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'U'
 *         1       4  OrigUserRefNum                     u32
 *         5       4  UserRefNum                         u32
 *         9       4  Quantity                           u32
 *        13       8  Price                              s64 Price (4)
 *        21       1  Time In Force                      alpha (1)
 *        22       1  Display                            alpha (1)
 *        23       1  InterMarket Sweep Eligibility      alpha (1)
 *        24      14  ClOrdID of the replacement         alpha (14)
 *        38       2  Appendage Length                   u16
 *        40     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchReplaceOrderEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchReplaceOrderEncoder()
    {
        super(
            OuchReplaceOrderDecoder.MESSAGE_TYPE,
            OuchReplaceOrderDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchReplaceOrderDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchReplaceOrderEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * OrigUserRefNum: of the Enter Order or the last Replace.
     *
     * @param origUserRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchReplaceOrderEncoder origUserRefNum(final long origUserRefNum)
    {
        putUint32(OuchReplaceOrderDecoder.ORIG_USER_REF_NUM_OFFSET, origUserRefNum);

        return this;
    }

    /**
     * UserRefNum: new, strictly increasing.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchReplaceOrderEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchReplaceOrderDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Quantity: total shares liable for the whole chain.
     *
     * @param quantity unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchReplaceOrderEncoder quantity(final long quantity)
    {
        putUint32(OuchReplaceOrderDecoder.QUANTITY_OFFSET, quantity);

        return this;
    }

    /**
     * Price.
     *
     * @param price 4 implied decimals.
     * @return this encoder.
     */
    public OuchReplaceOrderEncoder price(final long price)
    {
        putInt64(OuchReplaceOrderDecoder.PRICE_OFFSET, price);

        return this;
    }

    /**
     * Time In Force: '0', '3', '5' or '6'.
     *
     * @param timeInForce ASCII byte.
     * @return this encoder.
     */
    public OuchReplaceOrderEncoder timeInForce(final byte timeInForce)
    {
        putByte(OuchReplaceOrderDecoder.TIME_IN_FORCE_OFFSET, timeInForce);

        return this;
    }

    /**
     * Display: 'Y', 'N' or 'A'.
     *
     * @param display ASCII byte.
     * @return this encoder.
     */
    public OuchReplaceOrderEncoder display(final byte display)
    {
        putByte(OuchReplaceOrderDecoder.DISPLAY_OFFSET, display);

        return this;
    }

    /**
     * InterMarket Sweep Eligibility: 'Y' or 'N'.
     *
     * @param interMarketSweepEligibility ASCII byte.
     * @return this encoder.
     */
    public OuchReplaceOrderEncoder interMarketSweepEligibility(final byte interMarketSweepEligibility)
    {
        putByte(OuchReplaceOrderDecoder.INTER_MARKET_SWEEP_ELIGIBILITY_OFFSET, interMarketSweepEligibility);

        return this;
    }

    /**
     * ClOrdID of the replacement.
     *
     * @param clOrdId ASCII, padded with spaces, truncated to 14.
     * @return this encoder.
     */
    public OuchReplaceOrderEncoder clOrdId(final CharSequence clOrdId)
    {
        putAlpha(OuchReplaceOrderDecoder.CL_ORD_ID_OFFSET, 14, clOrdId);

        return this;
    }
}
