package corezero.venue;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The 11 bytes every ITCH 5.0 message starts with, of which the simulator reads the timestamp to replay a capture
 * with its own timing. Numbers are big-endian.
 * <pre>
 *   offset  +--------+--------+--------+--------+
 *        0  | type   | L[0]   | L[1]   | N[0]   |  Message Type: 1 ASCII byte; Stock Locate: u16 (0 for
 *           +--------+--------+--------+--------+  system-wide messages); Tracking Number: u16
 *        4  | N[1]   | T[0]   | T[1]   | T[2]   |  Timestamp: u48, nanoseconds since midnight
 *           +--------+--------+--------+--------+
 *        8  | T[3]   | T[4]   | T[5]   | body ...
 *           +--------+--------+--------+
 * </pre>
 */
public final class ItchHeaderDescriptor
{
    /** Offset of the message type. */
    public static final int MESSAGE_TYPE_OFFSET = 0;

    /** Offset of the stock locate code. */
    public static final int STOCK_LOCATE_OFFSET = 1;

    /** Offset of the tracking number. */
    public static final int TRACKING_NUMBER_OFFSET = 3;

    /** Offset of the 6-byte timestamp. */
    public static final int TIMESTAMP_OFFSET = 5;

    /** Length of the common header; every ITCH 5.0 message is at least this long. */
    public static final int HEADER_LENGTH = 11;

    /** Returned for a message too short to carry a timestamp. */
    public static final long NO_TIMESTAMP = -1;

    private ItchHeaderDescriptor()
    {
    }

    /**
     * @param buffer        holding the message.
     * @param messageOffset where the message starts.
     * @param messageLength of the message.
     * @return nanoseconds since midnight, or {@link #NO_TIMESTAMP} if the message is shorter than the header.
     */
    public static long timestampNs(final DirectBuffer buffer, final int messageOffset, final int messageLength)
    {
        if (messageLength < HEADER_LENGTH)
        {
            return NO_TIMESTAMP;
        }

        final int offset = messageOffset + TIMESTAMP_OFFSET;
        final long high = buffer.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFFL;
        final long low = buffer.getInt(offset + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;

        return (high << 32) | low;
    }
}
