package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Base of every OUCH 5.0 encoder: writes a message in place at an offset in a {@link MutableDirectBuffer}, numbers
 * big-endian, alpha fields padded with spaces, and owns the {@link OuchAppendageWriter} for the options.
 * <p>
 * Wrapping writes the type letter and, where the type always carries it, an Appendage Length of zero. Types whose
 * appendage is optional are encoded without Appendage Length until {@link #appendage()} is first called. Fields
 * not set keep whatever bytes the buffer held: set them all. No method allocates.
 */
public abstract class OuchEncoder
{
    private final OuchAppendageWriter appendageWriter = new OuchAppendageWriter();
    private final byte messageType;
    private final int appendageLengthOffset;
    private final int appendageMode;
    private MutableDirectBuffer buffer;
    private int offset;
    private boolean withAppendage;

    /**
     * @param messageType           letter written at offset 0.
     * @param appendageLengthOffset offset of Appendage Length, or the fixed length when the type has none.
     * @param appendageMode         one of the {@code OuchMessageType.APPENDAGE_*} values.
     */
    protected OuchEncoder(final byte messageType, final int appendageLengthOffset, final int appendageMode)
    {
        this.messageType = messageType;
        this.appendageLengthOffset = appendageLengthOffset;
        this.appendageMode = appendageMode;
    }

    /**
     * Wrap the encoder at an offset and write the message type (and a zero Appendage Length where required).
     *
     * @param buffer to encode into, with room for the whole message.
     * @param offset of the message type byte.
     * @return this encoder.
     */
    public OuchEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        buffer.putByte(offset + OuchFlyweight.MESSAGE_TYPE_OFFSET, messageType);
        withAppendage = OuchMessageType.APPENDAGE_REQUIRED == appendageMode;
        if (withAppendage)
        {
            appendageWriter.wrap(buffer, offset + appendageLengthOffset);
        }

        return this;
    }

    /**
     * The writer for this message's options. For a type whose appendage is optional the first call adds the
     * Appendage Length field (zero) to the message.
     *
     * @return the writer, positioned after the options written so far.
     * @throws IllegalStateException for a type without an appendage (System Event).
     */
    public final OuchAppendageWriter appendage()
    {
        if (!withAppendage)
        {
            if (OuchMessageType.APPENDAGE_NONE == appendageMode)
            {
                throw new IllegalStateException("message type has no appendage: " + (char)messageType);
            }
            appendageWriter.wrap(buffer, offset + appendageLengthOffset);
            withAppendage = true;
        }

        return appendageWriter;
    }

    /**
     * @return the length of the message encoded so far: fixed fields, Appendage Length if present, options.
     */
    public final int encodedLength()
    {
        return withAppendage ?
            appendageLengthOffset + OuchFlyweight.APPENDAGE_LENGTH_SIZE + appendageWriter.appendageLength() :
            appendageLengthOffset;
    }

    /**
     * @return the buffer this encoder is wrapped over, null before the first wrap.
     */
    public final MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return the offset of the message type byte in {@link #buffer()}.
     */
    public final int offset()
    {
        return offset;
    }

    /**
     * @param fieldOffset from the start of the message.
     * @param value       the byte.
     */
    protected final void putByte(final int fieldOffset, final byte value)
    {
        buffer.putByte(offset + fieldOffset, value);
    }

    /**
     * @param fieldOffset from the start of the message.
     * @param value       the low 16 bits are written.
     */
    protected final void putUint16(final int fieldOffset, final int value)
    {
        buffer.putShort(offset + fieldOffset, (short)value, OuchFlyweight.BYTE_ORDER);
    }

    /**
     * @param fieldOffset from the start of the message.
     * @param value       the low 32 bits are written.
     */
    protected final void putUint32(final int fieldOffset, final long value)
    {
        buffer.putInt(offset + fieldOffset, (int)value, OuchFlyweight.BYTE_ORDER);
    }

    /**
     * @param fieldOffset from the start of the message.
     * @param value       the 8-byte value.
     */
    protected final void putInt64(final int fieldOffset, final long value)
    {
        buffer.putLong(offset + fieldOffset, value, OuchFlyweight.BYTE_ORDER);
    }

    /**
     * @param fieldOffset from the start of the message.
     * @param fieldLength of the alpha field.
     * @param value       ASCII characters, padded with spaces, truncated to the field.
     */
    protected final void putAlpha(final int fieldOffset, final int fieldLength, final CharSequence value)
    {
        OuchAlpha.put(buffer, offset + fieldOffset, fieldLength, value);
    }
}
