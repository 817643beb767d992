package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 Cancel Reject message ('I', outbound: host to client,
 * 13 bytes, or 15 + appendage; PROTOCOLS-SUMMARY section 2.4 I).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'I'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       2  Appendage Length                   u16 (optional)
 *        15     var  Optional Appendage                 TagValue elements
 * </pre>
 */
public final class OuchCancelRejectDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.CANCEL_REJECT;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 13;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_OPTIONAL;

    /** Offset of Timestamp. */
    public static final int TIMESTAMP_OFFSET = 1;

    /** Offset of UserRefNum. */
    public static final int USER_REF_NUM_OFFSET = 9;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchCancelRejectDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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
     * UserRefNum: partial cancel of a cross order refused.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long userRefNum()
    {
        return uint32(USER_REF_NUM_OFFSET);
    }
}
