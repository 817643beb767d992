package corezero.itch;

import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Base of every ITCH 5.0 flyweight decoder: the buffer and offset it is wrapped over, the header that all message
 * types share, and the readers its subclasses use for their fields. Every number is big-endian and unsigned unless
 * a getter says otherwise; alpha fields are ASCII, left-justified and padded on the right with spaces.
 * <p>
 * Common header, 11 bytes:
 * <pre>
 *   offset  +--------+--------+--------+--------+
 *        0  | Type   | Locate[0..1]    | Trk[0] |  Message Type: one ASCII letter ({@link ItchMessageType})
 *           +--------+--------+--------+--------+  Stock Locate: u16, 0 for messages not about one stock
 *        4  | Trk[1] | T[0]   | T[1]   | T[2]   |  Tracking Number: u16, Nasdaq internal
 *           +--------+--------+--------+--------+
 *        8  | T[3]   | T[4]   | T[5]   | body ...  Timestamp: u48, nanoseconds since midnight
 *           +--------+--------+--------+
 * </pre>
 * A flyweight does not check lengths: {@link ItchDecoder} does that before it wraps one. Wrapping over fewer bytes
 * than the type's length and then reading is the caller's error (Agrona's bounds checks may then throw).
 */
public abstract class ItchFlyweight
{
    /** Byte order of every ITCH number. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.BIG_ENDIAN;

    /** Offset of the message type letter. */
    public static final int MESSAGE_TYPE_OFFSET = 0;

    /** Offset of the stock locate code. */
    public static final int STOCK_LOCATE_OFFSET = 1;

    /** Offset of the tracking number. */
    public static final int TRACKING_NUMBER_OFFSET = 3;

    /** Offset of the 6-byte timestamp. */
    public static final int TIMESTAMP_OFFSET = 5;

    /** Length of the common header; the type-specific fields start here. */
    public static final int HEADER_LENGTH = 11;

    /** Length of every Stock field. */
    public static final int STOCK_LENGTH = 8;

    /** The padding byte of alpha fields. */
    public static final byte SPACE = ' ';

    /** ITCH is big-endian; on a little-endian machine every number read is byte-swapped (folded by the JIT). */
    private static final boolean SWAP = ByteOrder.nativeOrder() != BYTE_ORDER;

    private DirectBuffer buffer;
    private int offset;
    private byte[] byteArray;
    private long address;

    /**
     * Wrap the flyweight over a message.
     *
     * @param buffer holding the message.
     * @param offset of the message type byte.
     * @return this flyweight.
     */
    public abstract ItchFlyweight wrap(DirectBuffer buffer, int offset);

    /**
     * @return the exact length of this message type in the specification.
     */
    public abstract int encodedLength();

    /**
     * @param buffer holding the message.
     * @param offset of the message type byte.
     */
    protected final void wrapBuffer(final DirectBuffer buffer, final int offset)
    {
        // One bounds check for the whole message here; the fixed-offset field reads below then need none.
        buffer.boundsCheck(offset, encodedLength());
        this.buffer = buffer;
        this.offset = offset;
        this.byteArray = buffer.byteArray();
        this.address = buffer.addressOffset() + offset;
    }

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
     * @return the message type letter.
     */
    public final byte messageType()
    {
        return buffer.getByte(offset + MESSAGE_TYPE_OFFSET);
    }

    /**
     * @return the stock locate code, 0 to 65535; 0 for messages that are not about one stock.
     */
    public final int stockLocate()
    {
        return uint16(STOCK_LOCATE_OFFSET);
    }

    /**
     * @return Nasdaq's internal tracking number, 0 to 65535.
     */
    public final int trackingNumber()
    {
        return uint16(TRACKING_NUMBER_OFFSET);
    }

    /**
     * @return nanoseconds since midnight, from the 6-byte timestamp.
     */
    public final long timestampNs()
    {
        return uint48(TIMESTAMP_OFFSET);
    }

    /**
     * @param fieldOffset from the start of the message.
     * @return the byte at that field.
     */
    protected final byte byteAt(final int fieldOffset)
    {
        return UnsafeApi.getByte(byteArray, address + fieldOffset);
    }

    /**
     * @param fieldOffset from the start of the message.
     * @return the unsigned 2-byte number at that field.
     */
    protected final int uint16(final int fieldOffset)
    {
        final short value = UnsafeApi.getShort(byteArray, address + fieldOffset);
        return (SWAP ? Short.reverseBytes(value) : value) & 0xFFFF;
    }

    /**
     * @param fieldOffset from the start of the message.
     * @return the unsigned 4-byte number at that field.
     */
    protected final long uint32(final int fieldOffset)
    {
        final int value = UnsafeApi.getInt(byteArray, address + fieldOffset);
        return (SWAP ? Integer.reverseBytes(value) : value) & 0xFFFF_FFFFL;
    }

    /**
     * @param fieldOffset from the start of the message.
     * @return the unsigned 6-byte number at that field.
     */
    protected final long uint48(final int fieldOffset)
    {
        return ((long)uint16(fieldOffset) << 32) | uint32(fieldOffset + 2);
    }

    /**
     * @param fieldOffset from the start of the message.
     * @return the 8-byte number at that field; values of 2^63 and above come out negative.
     */
    protected final long int64(final int fieldOffset)
    {
        final long value = UnsafeApi.getLong(byteArray, address + fieldOffset);
        return SWAP ? Long.reverseBytes(value) : value;
    }

    /**
     * Copy an alpha field, padding included.
     *
     * @param fieldOffset from the start of the message.
     * @param length      of the field.
     * @param dst         at least {@code length} bytes long.
     * @return the number of bytes copied: the field length.
     */
    protected final int copyAlpha(final int fieldOffset, final int length, final byte[] dst)
    {
        buffer.getBytes(offset + fieldOffset, dst, 0, length);

        return length;
    }

    /**
     * Control path: an alpha field as a string without its right padding. Allocates.
     *
     * @param fieldOffset from the start of the message.
     * @param length      of the field.
     * @return the trimmed value.
     */
    protected final String alphaAsString(final int fieldOffset, final int length)
    {
        int end = length;
        while (end > 0 && SPACE == buffer.getByte(offset + fieldOffset + end - 1))
        {
            end--;
        }
        final byte[] bytes = new byte[end];
        buffer.getBytes(offset + fieldOffset, bytes, 0, end);

        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /**
     * Does an alpha field hold the given value? Allocation-free. The value may be given with or without its
     * padding: bytes of the field beyond the value must be spaces.
     *
     * @param fieldOffset from the start of the message.
     * @param length      of the field.
     * @param value       ASCII bytes, at most {@code length} long.
     * @return true when equal once padded.
     */
    protected final boolean alphaEquals(final int fieldOffset, final int length, final byte[] value)
    {
        if (value.length > length)
        {
            return false;
        }

        final int base = offset + fieldOffset;
        for (int i = 0; i < length; i++)
        {
            final byte expected = i < value.length ? value[i] : SPACE;
            if (buffer.getByte(base + i) != expected)
            {
                return false;
            }
        }

        return true;
    }
}
