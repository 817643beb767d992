package corezero.itch;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Layout of MoldUDP64 1.00 packets as a receiver reads them, and the request packet it sends. Every number is
 * big-endian.
 * <p>
 * Downstream packet: a 20-byte header, then {@code Message Count} message blocks back to back.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |             Session: 10 ASCII bytes, right-padded             |  0
 *  |                          with spaces                          |
 *  |                               +-------------------------------+
 *  |                               |   Sequence Number (u64) of    |  8
 *  +-------------------------------+                               |
 *  |     the first message; heartbeat and end of session: the      |  12
 *  |                               +-------------------------------+
 *  |   next sequence number        |   Message Count (u16)         |  16
 *  +-------------------------------+-------------------------------+
 *  |   Message Length (u16)        |   Message Data ...           ...  20, first block
 *  +-------------------------------+--------------------------------
 * </pre>
 * Message Count 0 is a heartbeat and 0xFFFF is end of session; neither carries blocks. A block is
 * {@code 2 + Message Length} bytes; the length counts the data only and may be 0. Messages after the first are
 * numbered implicitly: the block at index i has sequence number {@code Sequence Number + i}.
 * <p>
 * Request packet, receiver to re-request server, 20 bytes:
 * <pre>
 *  +---------------------------------------------------------------+
 *  |                       Session (10 bytes)                      |  0
 *  |                               +-------------------------------+
 *  |                               |   Sequence Number (u64) of    |  8
 *  +-------------------------------+                               |
 *  |                   the first message requested                 |  12
 *  |                               +-------------------------------+
 *  |                               | Requested Message Count (u16) |  16
 *  +-------------------------------+-------------------------------+
 * </pre>
 * The server answers with an ordinary downstream packet holding as many of the requested messages as fit whole.
 */
public final class MoldUdp64Descriptor
{
    /** Byte order of every MoldUDP64 number. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.BIG_ENDIAN;

    /** Offset of the session. */
    public static final int SESSION_OFFSET = 0;

    /** Length of the session. */
    public static final int SESSION_LENGTH = 10;

    /** Offset of the sequence number. */
    public static final int SEQUENCE_NUMBER_OFFSET = 10;

    /** Offset of the message count in a downstream packet. */
    public static final int MESSAGE_COUNT_OFFSET = 18;

    /** Length of the downstream header; the first block starts here. */
    public static final int HEADER_LENGTH = 20;

    /** Length of the Message Length field that starts a block. */
    public static final int BLOCK_HEADER_LENGTH = 2;

    /** Message count of a heartbeat. */
    public static final int HEARTBEAT_COUNT = 0;

    /** Message count of an end-of-session packet. */
    public static final int END_OF_SESSION_COUNT = 0xFFFF;

    /** Offset of the requested message count in a request packet. */
    public static final int REQUESTED_COUNT_OFFSET = 18;

    /** Length of a request packet. */
    public static final int REQUEST_LENGTH = 20;

    /** Largest count one request can ask for: the field is a u16. */
    public static final int MAX_REQUESTED_COUNT = 0xFFFF;

    private MoldUdp64Descriptor()
    {
    }

    /**
     * @param buffer holding the packet.
     * @param offset of the packet.
     * @return the sequence number of the first message, or the next one for heartbeat and end of session.
     */
    public static long sequenceNumber(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SEQUENCE_NUMBER_OFFSET, BYTE_ORDER);
    }

    /**
     * @param buffer holding the packet.
     * @param offset of the packet.
     * @return the message count, 0 to 0xFFFF.
     */
    public static int messageCount(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + MESSAGE_COUNT_OFFSET, BYTE_ORDER) & 0xFFFF;
    }

    /**
     * @param buffer      holding the packet.
     * @param blockOffset of the message block.
     * @return the number of data bytes in the block, 0 to 0xFFFF.
     */
    public static int messageLength(final DirectBuffer buffer, final int blockOffset)
    {
        return buffer.getShort(blockOffset, BYTE_ORDER) & 0xFFFF;
    }

    /**
     * Does the packet's session equal the given one, byte for byte? Allocation-free.
     *
     * @param buffer  holding the packet.
     * @param offset  of the packet.
     * @param session the 10 bytes of a session field.
     * @param sessionOffset where they start in {@code session}.
     * @return true when all 10 bytes are equal.
     */
    public static boolean sessionEquals(
        final DirectBuffer buffer, final int offset, final DirectBuffer session, final int sessionOffset)
    {
        return buffer.getLong(offset + SESSION_OFFSET) == session.getLong(sessionOffset) &&
            buffer.getShort(offset + SESSION_OFFSET + 8) == session.getShort(sessionOffset + 8);
    }

    /**
     * Write the header of a downstream packet.
     *
     * @param buffer         to write into.
     * @param offset         of the packet.
     * @param session        the 10 bytes of the session field.
     * @param sequenceNumber of the first message, or the next one.
     * @param messageCount   0 to 0xFFFF.
     */
    public static void encodeHeader(
        final MutableDirectBuffer buffer,
        final int offset,
        final byte[] session,
        final long sequenceNumber,
        final int messageCount)
    {
        buffer.putBytes(offset + SESSION_OFFSET, session, 0, SESSION_LENGTH);
        buffer.putLong(offset + SEQUENCE_NUMBER_OFFSET, sequenceNumber, BYTE_ORDER);
        buffer.putShort(offset + MESSAGE_COUNT_OFFSET, (short)messageCount, BYTE_ORDER);
    }

    /**
     * Write the sequence number and count of a request whose session field is already in place.
     *
     * @param buffer         to write into.
     * @param offset         of the request packet.
     * @param sequenceNumber first message requested.
     * @param requestedCount 1 to {@link #MAX_REQUESTED_COUNT}.
     */
    public static void encodeRequest(
        final MutableDirectBuffer buffer, final int offset, final long sequenceNumber, final int requestedCount)
    {
        buffer.putLong(offset + SEQUENCE_NUMBER_OFFSET, sequenceNumber, BYTE_ORDER);
        buffer.putShort(offset + REQUESTED_COUNT_OFFSET, (short)requestedCount, BYTE_ORDER);
    }
}
