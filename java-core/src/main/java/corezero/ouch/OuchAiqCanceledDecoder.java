package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 AIQ Canceled message ('D', outbound: host to client,
 * 32 bytes, or 34 + appendage; PROTOCOLS-SUMMARY section 2.4 D).
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
 */
public final class OuchAiqCanceledDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.AIQ_CANCELED;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 32;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_OPTIONAL;

    /** Offset of Timestamp. */
    public static final int TIMESTAMP_OFFSET = 1;

    /** Offset of UserRefNum. */
    public static final int USER_REF_NUM_OFFSET = 9;

    /** Offset of Decrement Shares. */
    public static final int DECREMENT_SHARES_OFFSET = 13;

    /** Offset of Reason. */
    public static final int REASON_OFFSET = 17;

    /** Offset of Quantity Prevented From Trading. */
    public static final int QUANTITY_PREVENTED_FROM_TRADING_OFFSET = 18;

    /** Offset of Execution Price. */
    public static final int EXECUTION_PRICE_OFFSET = 22;

    /** Offset of Liquidity Flag, Appendix D. */
    public static final int LIQUIDITY_FLAG_OFFSET = 30;

    /** Offset of AIQ Strategy. */
    public static final int AIQ_STRATEGY_OFFSET = 31;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchAiqCanceledDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        super.wrap(buffer, offset, length);

        return this;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int appendageLengthOffset()
    {
        return APPENDAGE_LENGTH_OFFSET;
    }

    /**
     * Timestamp.
     *
     * @return nanoseconds since midnight.
     */
    public long timestampNs()
    {
        return int64(TIMESTAMP_OFFSET);
    }

    /**
     * UserRefNum.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long userRefNum()
    {
        return uint32(USER_REF_NUM_OFFSET);
    }

    /**
     * Decrement Shares.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long decrementShares()
    {
        return uint32(DECREMENT_SHARES_OFFSET);
    }

    /**
     * Reason: always 'Q' (self match prevention).
     *
     * @return the ASCII byte.
     */
    public byte reason()
    {
        return byteAt(REASON_OFFSET);
    }

    /**
     * Quantity Prevented From Trading.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long quantityPreventedFromTrading()
    {
        return uint32(QUANTITY_PREVENTED_FROM_TRADING_OFFSET);
    }

    /**
     * Execution Price: at which the trade would have occurred.
     *
     * @return the 8-byte price with 4 implied decimals (1234500 is 123.45).
     */
    public long executionPrice()
    {
        return int64(EXECUTION_PRICE_OFFSET);
    }

    /**
     * Liquidity Flag, Appendix D.
     *
     * @return the ASCII byte.
     */
    public byte liquidityFlag()
    {
        return byteAt(LIQUIDITY_FLAG_OFFSET);
    }

    /**
     * AIQ Strategy.
     *
     * @return the ASCII byte.
     */
    public byte aiqStrategy()
    {
        return byteAt(AIQ_STRATEGY_OFFSET);
    }
}
