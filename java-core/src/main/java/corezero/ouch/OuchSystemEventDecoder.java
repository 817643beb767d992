package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 System Event message ('S', outbound: host to client,
 * exactly 10 bytes, no appendage; PROTOCOLS-SUMMARY section 2.4 S).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'S'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       1  Event Code                         alpha (1)
 *        10          (end)
 * </pre>
 */
public final class OuchSystemEventDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.SYSTEM_EVENT;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 10;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_NONE;

    /** Offset of Timestamp. */
    public static final int TIMESTAMP_OFFSET = 1;

    /** Offset of Event Code. */
    public static final int EVENT_CODE_OFFSET = 9;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchSystemEventDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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
     * Event Code: 'S' start of day, 'E' end of day.
     *
     * @return the ASCII byte.
     */
    public byte eventCode()
    {
        return byteAt(EVENT_CODE_OFFSET);
    }
}
