package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 System Event message ('S', outbound, exactly 10 bytes, no appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 S. The offsets are those of {@link OuchSystemEventDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'S'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       1  Event Code                         alpha (1)
 *        10          (end)
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchSystemEventEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchSystemEventEncoder()
    {
        super(
            OuchSystemEventDecoder.MESSAGE_TYPE,
            OuchSystemEventDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchSystemEventDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchSystemEventEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchSystemEventEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchSystemEventDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * Event Code: 'S' start of day, 'E' end of day.
     *
     * @param eventCode ASCII byte.
     * @return this encoder.
     */
    public OuchSystemEventEncoder eventCode(final byte eventCode)
    {
        putByte(OuchSystemEventDecoder.EVENT_CODE_OFFSET, eventCode);

        return this;
    }
}
