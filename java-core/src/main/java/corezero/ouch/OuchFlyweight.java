package corezero.ouch;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Base of every OUCH 5.0 flyweight decoder: the buffer, offset and length it is wrapped over, the readers its
 * subclasses use for their fields, and the options appendage that follows the fixed fields of most messages.
 * Every number is big-endian and unsigned unless a getter says otherwise; alpha fields are ASCII, left-justified and
 * padded on the right with spaces.
 * <p>
 * Message shape, whatever the type:
 * <pre>
 *   +--------+------------------------------+------------------+------------------------------+
 *   | Type   | fixed fields, per type       | Appendage Length | TagValue elements ...        |
 *   | 1 byte | up to appendageLengthOffset  | u16, 2 bytes     | Appendage Length bytes       |
 *   +--------+------------------------------+------------------+------------------------------+
 * </pre>
 * Types whose appendage is optional (Canceled, Rejected, Cancel Order...) may end before Appendage Length: then
 * {@link #hasAppendage()} is false and the appendage is empty.
 * <p>
 * A flyweight checks nothing: {@link OuchDecoder} checks the length and the appendage before it wraps one.
 */
public abstract class OuchFlyweight
{
    /** Byte order of every OUCH number. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.BIG_ENDIAN;

    /** Offset of the message type letter. */
    public static final int MESSAGE_TYPE_OFFSET = 0;

    /** Length of the Appendage Length field. */
    public static final int APPENDAGE_LENGTH_SIZE = 2;

    /** Length of Symbol fields. */
    public static final int SYMBOL_LENGTH = 8;

    /** Length of ClOrdID fields. */
    public static final int CL_ORD_ID_LENGTH = 14;

    /** Length of Firm fields. */
    public static final int FIRM_LENGTH = 4;

    /** The padding byte of alpha fields. */
    public static final byte SPACE = ' ';

    private final OuchAppendageReader appendage = new OuchAppendageReader();
    private DirectBuffer buffer;
    private int offset;
    private int length;

    /**
     * Wrap the flyweight over a message.
     *
     * @param buffer holding the message.
     * @param offset of the message type byte.
     * @param length of the whole message, appendage included.
     * @return this flyweight.
     */
    public OuchFlyweight wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;

        return this;
    }

    /**
     * @return offset of the Appendage Length field; the length of the message when it has no appendage.
     */
    public abstract int appendageLengthOffset();

    /**
     * @return the buffer this flyweight is wrapped over, null before the first wrap.
     */
    public final DirectBuffer buffer()
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
     * @return the length of the wrapped message, appendage included.
     */
    public final int length()
    {
        return length;
    }

    /**
     * @return the message type letter.
     */
    public final byte messageType()
    {
        return buffer.getByte(offset + MESSAGE_TYPE_OFFSET);
    }

    /**
     * @return true when the message carries the Appendage Length field (it may still be zero).
     */
    public final boolean hasAppendage()
    {
        return length >= appendageLengthOffset() + APPENDAGE_LENGTH_SIZE;
    }

    /**
     * @return Appendage Length: the number of TagValue bytes after the field, 0 when the field is absent.
     */
    public final int appendageLength()
    {
        return hasAppendage() ? uint16(appendageLengthOffset()) : 0;
    }

    /**
     * @return offset of the first TagValue element from the start of the message.
     */
    public final int appendageOffset()
    {
        return appendageLengthOffset() + APPENDAGE_LENGTH_SIZE;
    }

    /**
     * The appendage reader owned by this flyweight, wrapped over this message's TagValue elements. One reader per
     * flyweight: wrapping it again (another call) restarts the iteration.
     *
     * @return the reader, positioned before the first element.
     */
    public final OuchAppendageReader appendage()
    {
        final int appendageLength = appendageLength();
        final int available = Math.max(0, length - appendageOffset());

        return appendage.wrap(buffer, offset + appendageOffset(), Math.min(appendageLength, available));
    }

    /**
     * @param fieldOffset from the start of the message.
     * @return the byte at that field.
     */
    protected final byte byteAt(final int fieldOffset)
    {
        return buffer.getByte(offset + fieldOffset);
    }

    /**
     * @param fieldOffset from the start of the message.
     * @return the unsigned 2-byte number at that field.
     */
    protected final int uint16(final int fieldOffset)
    {
        return buffer.getShort(offset + fieldOffset, BYTE_ORDER) & 0xFFFF;
    }

    /**
     * @param fieldOffset from the start of the message.
     * @return the unsigned 4-byte number at that field.
     */
    protected final long uint32(final int fieldOffset)
    {
        return buffer.getInt(offset + fieldOffset, BYTE_ORDER) & 0xFFFF_FFFFL;
    }

    /**
     * @param fieldOffset from the start of the message.
     * @return the 8-byte number at that field, signed.
     */
    protected final long int64(final int fieldOffset)
    {
        return buffer.getLong(offset + fieldOffset, BYTE_ORDER);
    }

    /**
     * Copy an alpha field, padding included.
     *
     * @param fieldOffset from the start of the message.
     * @param fieldLength of the field.
     * @param dst         at least {@code fieldLength} bytes long.
     * @return the number of bytes copied: the field length.
     */
    protected final int copyAlpha(final int fieldOffset, final int fieldLength, final byte[] dst)
    {
        buffer.getBytes(offset + fieldOffset, dst, 0, fieldLength);

        return fieldLength;
    }

    /**
     * Control path: an alpha field as a string without its right padding. Allocates.
     *
     * @param fieldOffset from the start of the message.
     * @param fieldLength of the field.
     * @return the trimmed value.
     */
    protected final String alphaAsString(final int fieldOffset, final int fieldLength)
    {
        return OuchAlpha.asString(buffer, offset + fieldOffset, fieldLength);
    }

    /**
     * Does an alpha field hold the given value once padded with spaces? Allocation-free for a String.
     *
     * @param fieldOffset from the start of the message.
     * @param fieldLength of the field.
     * @param value       ASCII characters, at most {@code fieldLength} long.
     * @return true when equal once padded.
     */
    protected final boolean alphaEquals(final int fieldOffset, final int fieldLength, final CharSequence value)
    {
        return OuchAlpha.equals(buffer, offset + fieldOffset, fieldLength, value);
    }
}
