package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 Order Executed message ('E', outbound: host to client,
 * 36 bytes + appendage; PROTOCOLS-SUMMARY section 2.4 E).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'E'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       4  Quantity                           u32
 *        17       8  Price                              s64 Price (4)
 *        25       1  Liquidity Flag, Appendix D         alpha (1)
 *        26       8  Match Number                       u64
 *        34       2  Appendage Length                   u16
 *        36     var  Optional Appendage                 TagValue elements
 * </pre>
 */
public final class OuchExecutedDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.ORDER_EXECUTED;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 34;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_REQUIRED;

    /** Offset of Timestamp. */
    public static final int TIMESTAMP_OFFSET = 1;

    /** Offset of UserRefNum. */
    public static final int USER_REF_NUM_OFFSET = 9;

    /** Offset of Quantity. */
    public static final int QUANTITY_OFFSET = 13;

    /** Offset of Price. */
    public static final int PRICE_OFFSET = 17;

    /** Offset of Liquidity Flag, Appendix D. */
    public static final int LIQUIDITY_FLAG_OFFSET = 25;

    /** Offset of Match Number. */
    public static final int MATCH_NUMBER_OFFSET = 26;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchExecutedDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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
     * Quantity: shares executed (incremental).
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long quantity()
    {
        return uint32(QUANTITY_OFFSET);
    }

    /**
     * Price: execution price.
     *
     * @return the 8-byte price with 4 implied decimals (1234500 is 123.45).
     */
    public long price()
    {
        return int64(PRICE_OFFSET);
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
     * Match Number: day-unique execution identifier.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long matchNumber()
    {
        return int64(MATCH_NUMBER_OFFSET);
    }
}
