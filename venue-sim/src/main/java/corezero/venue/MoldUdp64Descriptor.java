package corezero.venue;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Layout of MoldUDP64 1.00 packets, with decode helpers over Agrona buffers for every packet and the encoder of the
 * request packet. Every number is big-endian; byte {@code [0]} of a number is its most significant byte.
 * <p>
 * Downstream packets (the feed and the answers to re-requests) are built by nassau, an implementation written
 * elsewhere; this class is what the simulator checks requests with and what tests read nassau's packets with.
 * <p>
 * Downstream packet: a 20-byte header followed by {@code Message Count} message blocks.
 * <pre>
 *   offset  +--------+--------+--------+--------+
 *        0  | S[0]   | S[1]   | S[2]   | S[3]   |  Session: 10 ASCII bytes, left-justified,
 *           +--------+--------+--------+--------+  padded on the right with spaces
 *        4  | S[4]   | S[5]   | S[6]   | S[7]   |
 *           +--------+--------+--------+--------+
 *        8  | S[8]   | S[9]   | Q[0]   | Q[1]   |  Sequence Number: u64, the sequence number of
 *           +--------+--------+--------+--------+  the first message in the packet; the others
 *       12  | Q[2]   | Q[3]   | Q[4]   | Q[5]   |  follow it implicitly (heartbeat and end of
 *           +--------+--------+--------+--------+  session: the next expected sequence number)
 *       16  | Q[6]   | Q[7]   | C[0]   | C[1]   |  Message Count: u16; 0 = heartbeat,
 *           +--------+--------+--------+--------+  0xFFFF = end of session
 *       20  | message block 0 ...                  blocks follow each other with no gap
 * </pre>
 * Message block, {@code 2 + L} bytes, starting where the previous one ends:
 * <pre>
 *           +--------+--------+--------+-- ... --+--------+
 *        0  | L[0]   | L[1]   | D[0]   |         | D[L-1] |  Message Length: u16, counts the data bytes
 *           +--------+--------+--------+-- ... --+--------+  only; Message Data: L bytes, may be 0
 * </pre>
 * Request packet, client to re-request server, exactly 20 bytes:
 * <pre>
 *   offset  +--------+--------+--------+--------+
 *        0  | S[0]   | S[1]   | S[2]   | S[3]   |  Session: 10 ASCII bytes, as downstream
 *           +--------+--------+--------+--------+
 *        4  | S[4]   | S[5]   | S[6]   | S[7]   |
 *           +--------+--------+--------+--------+
 *        8  | S[8]   | S[9]   | Q[0]   | Q[1]   |  Sequence Number: u64, the first requested
 *           +--------+--------+--------+--------+  message
 *       12  | Q[2]   | Q[3]   | Q[4]   | Q[5]   |
 *           +--------+--------+--------+--------+
 *       16  | Q[6]   | Q[7]   | R[0]   | R[1]   |  Requested Message Count: u16
 *           +--------+--------+--------+--------+
 * </pre>
 * The answer to a request is an ordinary downstream packet holding as many of the requested messages as fit whole.
 */
public final class MoldUdp64Descriptor
{
    /** Byte order of every MoldUDP64 number. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.BIG_ENDIAN;

    /** Offset of the session in a downstream or request packet. */
    public static final int SESSION_OFFSET = 0;

    /** Length of the session field. */
    public static final int SESSION_LENGTH = 10;

    /** Offset of the sequence number of the first message in a downstream packet. */
    public static final int SEQUENCE_NUMBER_OFFSET = 10;

    /** Offset of the message count in a downstream packet. */
    public static final int MESSAGE_COUNT_OFFSET = 18;

    /** Length of the downstream packet header; the first message block starts here. */
    public static final int HEADER_LENGTH = 20;

    /** Length of the message length field that starts every message block. */
    public static final int MESSAGE_LENGTH_FIELD_LENGTH = 2;

    /** Message count of a heartbeat packet. */
    public static final int HEARTBEAT_MESSAGE_COUNT = 0;

    /** Message count of an end-of-session packet. */
    public static final int END_OF_SESSION_MESSAGE_COUNT = 0xFFFF;

    /** Largest message count of a packet that carries messages (0xFFFF means end of session). */
    public static final int MAX_MESSAGE_COUNT = 0xFFFE;

    /** Largest message data length a block can state. */
    public static final int MAX_MESSAGE_LENGTH = 0xFFFF;

    /** Offset of the session in a request packet. */
    public static final int REQUEST_SESSION_OFFSET = 0;

    /** Offset of the first requested sequence number in a request packet. */
    public static final int REQUEST_SEQUENCE_NUMBER_OFFSET = 10;

    /** Offset of the requested message count in a request packet. */
    public static final int REQUESTED_MESSAGE_COUNT_OFFSET = 18;

    /** Length of a request packet. */
    public static final int REQUEST_LENGTH = 20;

    /** Largest UDP payload over IPv4: 65,535 less the 20-byte IP header and the 8-byte UDP header. */
    public static final int MAX_UDP_PAYLOAD_LENGTH = 65_507;

    private MoldUdp64Descriptor()
    {
    }

    /**
     * Encode a session name as the 10 bytes of the session field: printable ASCII, padded with spaces.
     *
     * @param session 1 to 10 printable ASCII characters.
     * @return the 10 bytes of the field.
     * @throws IllegalArgumentException if the name is empty, too long or not printable ASCII.
     */
    public static byte[] sessionBytes(final String session)
    {
        if (session.isEmpty() || session.length() > SESSION_LENGTH)
        {
            throw new IllegalArgumentException(
                "session must be 1 to " + SESSION_LENGTH + " ASCII characters, got \"" + session + "\"");
        }

        final byte[] bytes = new byte[SESSION_LENGTH];
        for (int i = 0; i < SESSION_LENGTH; i++)
        {
            final char c = i < session.length() ? session.charAt(i) : ' ';
            if (c < 0x20 || c > 0x7E)
            {
                throw new IllegalArgumentException("session must be printable ASCII, got \"" + session + "\"");
            }
            bytes[i] = (byte)c;
        }

        return bytes;
    }

    /**
     * Does the session field equal the given session, byte for byte?
     *
     * @param buffer       to read from.
     * @param packetOffset where the packet starts.
     * @param session      10 bytes from {@link #sessionBytes(String)}.
     * @return true when all 10 bytes are equal.
     */
    public static boolean sessionEquals(final DirectBuffer buffer, final int packetOffset, final byte[] session)
    {
        for (int i = 0; i < SESSION_LENGTH; i++)
        {
            if (buffer.getByte(packetOffset + SESSION_OFFSET + i) != session[i])
            {
                return false;
            }
        }

        return true;
    }

    /**
     * Read the session field as a string with the padding removed: for logs and tests, it allocates.
     *
     * @param buffer       to read from.
     * @param packetOffset where the packet starts.
     * @return the session name.
     */
    public static String sessionName(final DirectBuffer buffer, final int packetOffset)
    {
        final byte[] bytes = new byte[SESSION_LENGTH];
        buffer.getBytes(packetOffset + SESSION_OFFSET, bytes);

        return new String(bytes, StandardCharsets.US_ASCII).stripTrailing();
    }

    /**
     * @param buffer       to read from.
     * @param packetOffset where the downstream packet starts.
     * @return the sequence number of the first message, or the next expected one for heartbeat and end of session.
     */
    public static long sequenceNumber(final DirectBuffer buffer, final int packetOffset)
    {
        return buffer.getLong(packetOffset + SEQUENCE_NUMBER_OFFSET, BYTE_ORDER);
    }

    /**
     * @param buffer       to read from.
     * @param packetOffset where the downstream packet starts.
     * @return the message count, 0 to 0xFFFF.
     */
    public static int messageCount(final DirectBuffer buffer, final int packetOffset)
    {
        return buffer.getShort(packetOffset + MESSAGE_COUNT_OFFSET, BYTE_ORDER) & 0xFFFF;
    }

    /**
     * @param buffer      to read from.
     * @param blockOffset where the message block starts.
     * @return the number of data bytes in the block.
     */
    public static int messageLength(final DirectBuffer buffer, final int blockOffset)
    {
        return buffer.getShort(blockOffset, BYTE_ORDER) & 0xFFFF;
    }

    /**
     * Write a whole request packet.
     *
     * @param buffer                to write into.
     * @param packetOffset          where the request starts.
     * @param session               10 bytes from {@link #sessionBytes(String)}.
     * @param sequenceNumber        first requested.
     * @param requestedMessageCount 0 to 0xFFFF.
     */
    public static void encodeRequest(
        final MutableDirectBuffer buffer,
        final int packetOffset,
        final byte[] session,
        final long sequenceNumber,
        final int requestedMessageCount)
    {
        buffer.putBytes(packetOffset + REQUEST_SESSION_OFFSET, session, 0, SESSION_LENGTH);
        buffer.putLong(packetOffset + REQUEST_SEQUENCE_NUMBER_OFFSET, sequenceNumber, BYTE_ORDER);
        buffer.putShort(packetOffset + REQUESTED_MESSAGE_COUNT_OFFSET, (short)requestedMessageCount, BYTE_ORDER);
    }

    /**
     * @param buffer       to read from.
     * @param packetOffset where the request starts.
     * @return the first requested sequence number.
     */
    public static long requestSequenceNumber(final DirectBuffer buffer, final int packetOffset)
    {
        return buffer.getLong(packetOffset + REQUEST_SEQUENCE_NUMBER_OFFSET, BYTE_ORDER);
    }

    /**
     * @param buffer       to read from.
     * @param packetOffset where the request starts.
     * @return the requested message count, 0 to 0xFFFF.
     */
    public static int requestedMessageCount(final DirectBuffer buffer, final int packetOffset)
    {
        return buffer.getShort(packetOffset + REQUESTED_MESSAGE_COUNT_OFFSET, BYTE_ORDER) & 0xFFFF;
    }
}
