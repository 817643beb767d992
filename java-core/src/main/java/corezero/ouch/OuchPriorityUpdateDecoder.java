package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 Order Priority Update message ('T', outbound: host to client,
 * 30 bytes, or 32 + appendage; PROTOCOLS-SUMMARY section 2.4 T).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'T'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       8  Price                              s64 Price (4)
 *        21       1  Display                            alpha (1)
 *        22       8  Order Reference Number             u64
 *        30       2  Appendage Length                   u16 (optional)
 *        32     var  Optional Appendage                 TagValue elements
 * </pre>
 */
public final class OuchPriorityUpdateDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.ORDER_PRIORITY_UPDATE;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 30;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_OPTIONAL;

    /** Offset of Timestamp. */
    public static final int TIMESTAMP_OFFSET = 1;

    /** Offset of UserRefNum. */
    public static final int USER_REF_NUM_OFFSET = 9;

    /** Offset of Price. */
    public static final int PRICE_OFFSET = 13;

    /** Offset of Display. */
    public static final int DISPLAY_OFFSET = 21;

    /** Offset of Order Reference Number. */
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 22;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchPriorityUpdateDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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
     * Price: limit price of the order.
     *
     * @return the 8-byte price with 4 implied decimals (1234500 is 123.45).
     */
    public long price()
    {
        return int64(PRICE_OFFSET);
    }

    /**
     * Display: 'Y' = anonymous, price to comply.
     *
     * @return the ASCII byte.
     */
    public byte display()
    {
        return byteAt(DISPLAY_OFFSET);
    }

    /**
     * Order Reference Number: the new one.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long orderReferenceNumber()
    {
        return int64(ORDER_REFERENCE_NUMBER_OFFSET);
    }
}
