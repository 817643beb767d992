package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 Order Canceled message ('C', outbound: host to client,
 * 18 bytes, or 20 + appendage; PROTOCOLS-SUMMARY section 2.4 C).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'C'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       4  Quantity                           u32
 *        17       1  Reason                             alpha (1)
 *        18       2  Appendage Length                   u16 (optional)
 *        20     var  Optional Appendage                 TagValue elements
 * </pre>
 */
public final class OuchCanceledDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.ORDER_CANCELED;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 18;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_OPTIONAL;

    /** Offset of Timestamp. */
    public static final int TIMESTAMP_OFFSET = 1;

    /** Offset of UserRefNum. */
    public static final int USER_REF_NUM_OFFSET = 9;

    /** Offset of Quantity. */
    public static final int QUANTITY_OFFSET = 13;

    /** Offset of Reason. */
    public static final int REASON_OFFSET = 17;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchCanceledDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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
     * Quantity: shares decremented (incremental, not the remainder).
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long quantity()
    {
        return uint32(QUANTITY_OFFSET);
    }

    /**
     * Reason: cancel reason, Appendix B ('U' user requested, 'I' IOC, ...).
     *
     * @return the ASCII byte.
     */
    public byte reason()
    {
        return byteAt(REASON_OFFSET);
    }
}
