package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 AIQ Canceled message ('D', outbound, 32 bytes, or 34 + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 D. The offsets are those of {@link OuchAiqCanceledDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'D'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       4  Decrement Shares                   u32
 *        17       1  Reason                             alpha (1)
 *        18       4  Quantity Prevented From Trading    u32
 *        22       8  Execution Price                    s64 Price (4)
 *        30       1  Liquidity Flag, Appendix D         alpha (1)
 *        31       1  AIQ Strategy                       alpha (1)
 *        32       2  Appendage Length                   u16 (optional)
 *        34     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchAiqCanceledEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchAiqCanceledEncoder()
    {
        super(
            OuchAiqCanceledDecoder.MESSAGE_TYPE,
            OuchAiqCanceledDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchAiqCanceledDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchAiqCanceledEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchAiqCanceledEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchAiqCanceledDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * UserRefNum.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchAiqCanceledEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchAiqCanceledDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Decrement Shares.
     *
     * @param decrementShares unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchAiqCanceledEncoder decrementShares(final long decrementShares)
    {
        putUint32(OuchAiqCanceledDecoder.DECREMENT_SHARES_OFFSET, decrementShares);

        return this;
    }

    /**
     * Reason: always 'Q' (self match prevention).
     *
     * @param reason ASCII byte.
     * @return this encoder.
     */
    public OuchAiqCanceledEncoder reason(final byte reason)
    {
        putByte(OuchAiqCanceledDecoder.REASON_OFFSET, reason);

        return this;
    }

    /**
     * Quantity Prevented From Trading.
     *
     * @param quantityPreventedFromTrading unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchAiqCanceledEncoder quantityPreventedFromTrading(final long quantityPreventedFromTrading)
    {
        putUint32(OuchAiqCanceledDecoder.QUANTITY_PREVENTED_FROM_TRADING_OFFSET, quantityPreventedFromTrading);

        return this;
    }

    /**
     * Execution Price: at which the trade would have occurred.
     *
     * @param executionPrice 4 implied decimals.
     * @return this encoder.
     */
    public OuchAiqCanceledEncoder executionPrice(final long executionPrice)
    {
        putInt64(OuchAiqCanceledDecoder.EXECUTION_PRICE_OFFSET, executionPrice);

        return this;
    }

    /**
     * Liquidity Flag, Appendix D.
     *
     * @param liquidityFlag ASCII byte.
     * @return this encoder.
     */
    public OuchAiqCanceledEncoder liquidityFlag(final byte liquidityFlag)
    {
        putByte(OuchAiqCanceledDecoder.LIQUIDITY_FLAG_OFFSET, liquidityFlag);

        return this;
    }

    /**
     * AIQ Strategy.
     *
     * @param aiqStrategy ASCII byte.
     * @return this encoder.
     */
    public OuchAiqCanceledEncoder aiqStrategy(final byte aiqStrategy)
    {
        putByte(OuchAiqCanceledDecoder.AIQ_STRATEGY_OFFSET, aiqStrategy);

        return this;
    }
}
