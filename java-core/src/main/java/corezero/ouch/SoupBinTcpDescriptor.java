package corezero.ouch;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Layout of SoupBinTCP 3.00, 4.00 and 4.10 logical packets. Every packet is framed the same way: a big-endian u16
 * {@code Packet Length} counting the bytes after it (the type byte plus the payload), a 1-byte ASCII
 * {@code Packet Type}, then the payload. Packets do not map to TCP segments: a reader must reassemble them.
 * <pre>
 *   0               1               2               3
 *  +---------------+---------------+---------------+-------------------
 *  |     Packet Length (u16)       |  Packet Type  |  Payload ...     ...  (Packet Length - 1 bytes)
 *  +---------------+---------------+---------------+-------------------
 * </pre>
 * Server to client:
 * <pre>
 *  '+' Debug            3 + n  | len | '+' | Text (n, free-form ASCII; ignored by applications)          |
 *  'A' Login Accepted   33     | len | 'A' | Session (10 @3, left-padded with spaces)                   |
 *                              |           | Sequence Number (20 @13, ASCII digits, left-padded spaces)  |
 *                              |           |   = the next sequenced message the server will send         |
 *  'J' Login Rejected   4      | len | 'J' | Reject Reason Code (1 @3): 'A' not authorized,             |
 *                              |           |                            'S' session not available        |
 *  'S' Sequenced Data   3 + n  | len | 'S' | Message (n @3); its sequence number is implicit: the login  |
 *                              |           |   accepted number for the first, + 1 for each after it      |
 *  'U' Unsequenced Data 3 + n  | len | 'U' | Message (n @3); not counted in the sequence (4.00 on)       |
 *  'H' Server Heartbeat 3      | len | 'H' |
 *  'Z' End of Session   3      | len | 'Z' |
 * </pre>
 * Client to server:
 * <pre>
 *  'L' Login Request    49 (3.00/4.00), 54 (4.10)
 *      0       2     3          9                19                 29                          49        54
 *      +-------+-----+----------+-----------------+------------------+---------------------------+---------+
 *      |  len  | 'L' | Username | Password        | Requested        | Requested Sequence Number | HB      |
 *      | 47/52 |     | (6)      | (10)            | Session (10)     | (20, ASCII digits)        | Timeout |
 *      +-------+-----+----------+-----------------+------------------+---------------------------+---------+
 *      Username and password: right-padded with spaces, case-insensitive. Requested session: all spaces for
 *      the current session, else the session as a Login Accepted carried it (left-padded). Requested
 *      sequence number: the next one wanted, 0 for the newest. Heartbeat timeout (4.10 only, 5 ASCII
 *      digits): milliseconds of client silence after which the server closes.
 *  'U' Unsequenced Data 3 + n  | len | 'U' | Message (n @3) |
 *  'R' Client Heartbeat 3      | len | 'R' |
 *  'O' Logout Request   3      | len | 'O' |
 * </pre>
 * The ASCII numbers are written here right-aligned, left-padded with spaces, as the Login Accepted packet is; they
 * are read leniently: leading and trailing spaces around the digits.
 */
public final class SoupBinTcpDescriptor
{
    /** Byte order of the length field. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.BIG_ENDIAN;

    /** Offset of the packet length. */
    public static final int LENGTH_OFFSET = 0;

    /** Size of the packet length field. */
    public static final int LENGTH_FIELD_LENGTH = 2;

    /** Offset of the packet type. */
    public static final int TYPE_OFFSET = 2;

    /** Length field plus type: the size of an empty packet, and the offset of every payload. */
    public static final int HEADER_LENGTH = 3;

    /** Largest value of the length field. */
    public static final int MAX_PACKET_LENGTH_FIELD = 0xFFFF;

    /** Largest whole packet. */
    public static final int MAX_PACKET_LENGTH = LENGTH_FIELD_LENGTH + MAX_PACKET_LENGTH_FIELD;

    /** Largest message an Unsequenced or Sequenced Data packet can carry. */
    public static final int MAX_MESSAGE_LENGTH = MAX_PACKET_LENGTH_FIELD - 1;

    public static final byte DEBUG = '+';
    public static final byte LOGIN_ACCEPTED = 'A';
    public static final byte LOGIN_REJECTED = 'J';
    public static final byte SEQUENCED_DATA = 'S';
    public static final byte UNSEQUENCED_DATA = 'U';
    public static final byte SERVER_HEARTBEAT = 'H';
    public static final byte END_OF_SESSION = 'Z';
    public static final byte LOGIN_REQUEST = 'L';
    public static final byte CLIENT_HEARTBEAT = 'R';
    public static final byte LOGOUT_REQUEST = 'O';

    /** Reject reason: bad username and password. */
    public static final byte REJECT_NOT_AUTHORIZED = 'A';

    /** Reject reason: the requested session is invalid or not available. */
    public static final byte REJECT_SESSION_NOT_AVAILABLE = 'S';

    public static final int SESSION_LENGTH = 10;
    public static final int SEQUENCE_NUMBER_LENGTH = 20;

    public static final int LOGIN_ACCEPTED_SESSION_OFFSET = 3;
    public static final int LOGIN_ACCEPTED_SEQUENCE_OFFSET = 13;
    public static final int LOGIN_ACCEPTED_LENGTH = 33;

    public static final int LOGIN_REJECTED_REASON_OFFSET = 3;
    public static final int LOGIN_REJECTED_LENGTH = 4;

    public static final int USERNAME_OFFSET = 3;
    public static final int USERNAME_LENGTH = 6;
    public static final int PASSWORD_OFFSET = 9;
    public static final int PASSWORD_LENGTH = 10;
    public static final int REQUESTED_SESSION_OFFSET = 19;
    public static final int REQUESTED_SEQUENCE_OFFSET = 29;
    public static final int HEARTBEAT_TIMEOUT_OFFSET = 49;
    public static final int HEARTBEAT_TIMEOUT_LENGTH = 5;

    /** Login Request of 3.00 and 4.00. */
    public static final int LOGIN_REQUEST_LENGTH_V4_00 = 49;

    /** Login Request of 4.10, with the heartbeat timeout. */
    public static final int LOGIN_REQUEST_LENGTH_V4_10 = 54;

    /** Largest value of a 20-digit field that this side handles: a long. */
    public static final long MAX_SEQUENCE_NUMBER = Long.MAX_VALUE;

    /** Largest heartbeat timeout the 5-digit field holds, in milliseconds. */
    public static final long MAX_HEARTBEAT_TIMEOUT_MS = 99_999;

    /** Returned by {@link #parseNumber} for a field that is not a number. */
    public static final long NOT_A_NUMBER = -1;

    private SoupBinTcpDescriptor()
    {
    }

    /**
     * @param buffer holding the packet.
     * @param offset of the packet.
     * @return the length field: bytes after it, 0 to 0xFFFF.
     */
    public static int packetLengthField(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + LENGTH_OFFSET, BYTE_ORDER) & 0xFFFF;
    }

    /**
     * @param buffer holding the packet.
     * @param offset of the packet.
     * @return the packet type byte.
     */
    public static byte packetType(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + TYPE_OFFSET);
    }

    /**
     * Write the length and type of a packet.
     *
     * @param buffer        to write into.
     * @param offset        of the packet.
     * @param type          packet type.
     * @param payloadLength bytes after the type, 0 to {@link #MAX_MESSAGE_LENGTH}.
     * @return the whole packet's length.
     */
    public static int encodeHeader(
        final MutableDirectBuffer buffer, final int offset, final byte type, final int payloadLength)
    {
        buffer.putShort(offset + LENGTH_OFFSET, (short)(payloadLength + 1), BYTE_ORDER);
        buffer.putByte(offset + TYPE_OFFSET, type);
        return HEADER_LENGTH + payloadLength;
    }

    /**
     * Write a Login Request. Text longer than its field is cut; shorter is right-padded with spaces.
     *
     * @param buffer                  to write into.
     * @param offset                  of the packet.
     * @param username                up to 6 ASCII bytes.
     * @param password                up to 10 ASCII bytes.
     * @param requestedSession        exactly 10 ASCII bytes, as a Login Accepted carries it; all spaces for the
     *                                current session.
     * @param requestedSequenceNumber next sequence number wanted, 0 for the newest.
     * @param heartbeatTimeoutMs      the 4.10 field; negative writes the 49-byte 3.00/4.00 form.
     * @return the packet's length, 49 or 54.
     */
    public static int encodeLoginRequest(
        final MutableDirectBuffer buffer,
        final int offset,
        final byte[] username,
        final byte[] password,
        final byte[] requestedSession,
        final long requestedSequenceNumber,
        final long heartbeatTimeoutMs)
    {
        final boolean v410 = heartbeatTimeoutMs >= 0;
        final int length = v410 ? LOGIN_REQUEST_LENGTH_V4_10 : LOGIN_REQUEST_LENGTH_V4_00;
        encodeHeader(buffer, offset, LOGIN_REQUEST, length - HEADER_LENGTH);
        putAlpha(buffer, offset + USERNAME_OFFSET, USERNAME_LENGTH, username);
        putAlpha(buffer, offset + PASSWORD_OFFSET, PASSWORD_LENGTH, password);
        buffer.putBytes(offset + REQUESTED_SESSION_OFFSET, requestedSession, 0, SESSION_LENGTH);
        putNumber(buffer, offset + REQUESTED_SEQUENCE_OFFSET, SEQUENCE_NUMBER_LENGTH, requestedSequenceNumber);
        if (v410)
        {
            putNumber(buffer, offset + HEARTBEAT_TIMEOUT_OFFSET, HEARTBEAT_TIMEOUT_LENGTH, heartbeatTimeoutMs);
        }

        return length;
    }

    /**
     * Write a Login Accepted packet (for test servers and tools).
     *
     * @param buffer         to write into.
     * @param offset         of the packet.
     * @param session        up to 10 ASCII bytes; left-padded with spaces as the spec draws it.
     * @param sequenceNumber next sequenced message the server will send.
     * @return 33.
     */
    public static int encodeLoginAccepted(
        final MutableDirectBuffer buffer, final int offset, final byte[] session, final long sequenceNumber)
    {
        encodeHeader(buffer, offset, LOGIN_ACCEPTED, LOGIN_ACCEPTED_LENGTH - HEADER_LENGTH);
        putAlphaRight(buffer, offset + LOGIN_ACCEPTED_SESSION_OFFSET, SESSION_LENGTH, session);
        putNumber(buffer, offset + LOGIN_ACCEPTED_SEQUENCE_OFFSET, SEQUENCE_NUMBER_LENGTH, sequenceNumber);
        return LOGIN_ACCEPTED_LENGTH;
    }

    /**
     * Write {@code value} right-aligned in {@code length} ASCII bytes, left-padded with spaces.
     *
     * @param buffer to write into.
     * @param offset of the field.
     * @param length of the field; the value must fit.
     * @param value  0 or more.
     */
    public static void putNumber(final MutableDirectBuffer buffer, final int offset, final int length, final long value)
    {
        long remaining = value;
        int i = offset + length - 1;
        do
        {
            buffer.putByte(i--, (byte)('0' + remaining % 10));
            remaining /= 10;
        }
        while (remaining != 0 && i >= offset);
        while (i >= offset)
        {
            buffer.putByte(i--, (byte)' ');
        }
    }

    /**
     * Read an ASCII number padded with spaces on either side. Allocation-free.
     *
     * @param buffer holding the field.
     * @param offset of the field.
     * @param length of the field.
     * @return the value, or {@link #NOT_A_NUMBER} when the field holds no digits, anything but digits and padding,
     * or more than a long.
     */
    public static long parseNumber(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int i = offset;
        while (i < end && buffer.getByte(i) == ' ')
        {
            i++;
        }
        if (i == end)
        {
            return NOT_A_NUMBER;
        }
        long value = 0;
        while (i < end)
        {
            final byte b = buffer.getByte(i);
            if (b == ' ')
            {
                break;
            }
            if (b < '0' || b > '9' || value > (Long.MAX_VALUE - (b - '0')) / 10)
            {
                return NOT_A_NUMBER;
            }
            value = value * 10 + (b - '0');
            i++;
        }
        while (i < end)
        {
            if (buffer.getByte(i++) != ' ')
            {
                return NOT_A_NUMBER;
            }
        }

        return value;
    }

    /**
     * Write text right-aligned into a fixed field, left-padded with spaces, as sessions are; text longer than the
     * field keeps its first bytes.
     *
     * @param buffer to write into.
     * @param offset of the field.
     * @param length of the field.
     * @param text   ASCII bytes.
     */
    public static void putAlphaRight(
        final MutableDirectBuffer buffer, final int offset, final int length, final byte[] text)
    {
        final int n = Math.min(length, text.length);
        buffer.setMemory(offset, length - n, (byte)' ');
        buffer.putBytes(offset + length - n, text, 0, n);
    }

    /**
     * Write text into a fixed field, right-padded with spaces; text longer than the field is cut.
     *
     * @param buffer to write into.
     * @param offset of the field.
     * @param length of the field.
     * @param text   ASCII bytes.
     */
    public static void putAlpha(final MutableDirectBuffer buffer, final int offset, final int length, final byte[] text)
    {
        final int n = Math.min(length, text.length);
        buffer.putBytes(offset, text, 0, n);
        buffer.setMemory(offset + n, length - n, (byte)' ');
    }
}
