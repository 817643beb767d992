package corezero.bench;

import corezero.itch.MoldUdp64Descriptor;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The packet of the feed-receive benchmark: a MoldUDP64 packet holding one ITCH 5.0 Add Order (36 bytes), the
 * shape and size of a real feed packet, 58 bytes of UDP payload. Two ITCH fields carry the clocks: the order
 * reference number is the sender's {@link System#nanoTime()} read just before the send, and the 6-byte ITCH
 * timestamp the low 48 bits of the time the packet was scheduled for (both on the host's one monotonic clock,
 * shared by the two network namespaces). Big-endian, as the feed.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 Session "CZFEEDLAT " (10 bytes)               |  0
 *  |                               +-------------------------------+
 *  |                               |  Sequence Number (u64), one   |  8
 *  +-------------------------------+                               |
 *  |           per packet, from 1 in each phase                    |  12
 *  |                               +-------------------------------+
 *  |                               |   Message Count = 1           |  16
 *  +-------------------------------+-------------------------------+
 *  |   Message Length = 36         |  ITCH Add Order ...          ...  20
 *  +-------------------------------+--------------------------------
 * </pre>
 * The Add Order, offsets in the packet:
 * <pre>
 *   22  Message Type 'A'              1
 *   23  Stock Locate = 1              2
 *   25  Tracking Number = 0           2
 *   27  Timestamp                     6   scheduled send time, ns, low 48 bits
 *   33  Order Reference Number        8   send time, System.nanoTime() just before the send
 *   41  Buy/Sell Indicator 'B'        1
 *   42  Shares = 100                  4
 *   46  Stock "CZBENCH "              8
 *   54  Price = 1000000 (100.0000)    4
 *   58  end
 * </pre>
 */
final class FeedLatencyDescriptor
{
    /** UDP payload length of every packet. */
    static final int PACKET_LENGTH = 58;

    /** ITCH Add Order length. */
    static final int MESSAGE_LENGTH = 36;

    /** Offset of the ITCH message. */
    static final int MESSAGE_OFFSET = MoldUdp64Descriptor.HEADER_LENGTH + MoldUdp64Descriptor.BLOCK_HEADER_LENGTH;

    /** Offset of the 48-bit timestamp: the scheduled send time. */
    static final int SCHEDULED_OFFSET = MESSAGE_OFFSET + 5;

    /** Offset of the order reference number: the send time. */
    static final int SENT_OFFSET = MESSAGE_OFFSET + 11;

    private static final long LOW_48_BITS = (1L << 48) - 1;
    private static final byte[] SESSION = "CZFEEDLAT ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STOCK = "CZBENCH ".getBytes(StandardCharsets.US_ASCII);

    private FeedLatencyDescriptor()
    {
    }

    /**
     * Writes the fields that never change; {@link #stamp} fills in the rest of each packet.
     *
     * @param buffer at least {@link #PACKET_LENGTH} bytes.
     */
    static void encodeTemplate(final MutableDirectBuffer buffer)
    {
        MoldUdp64Descriptor.encodeHeader(buffer, 0, SESSION, 0, 1);
        buffer.putShort(MoldUdp64Descriptor.HEADER_LENGTH, (short)MESSAGE_LENGTH, MoldUdp64Descriptor.BYTE_ORDER);
        buffer.putByte(MESSAGE_OFFSET, (byte)'A');
        buffer.putShort(MESSAGE_OFFSET + 1, (short)1, MoldUdp64Descriptor.BYTE_ORDER);
        buffer.putShort(MESSAGE_OFFSET + 3, (short)0, MoldUdp64Descriptor.BYTE_ORDER);
        buffer.putByte(MESSAGE_OFFSET + 19, (byte)'B');
        buffer.putInt(MESSAGE_OFFSET + 20, 100, MoldUdp64Descriptor.BYTE_ORDER);
        buffer.putBytes(MESSAGE_OFFSET + 24, STOCK);
        buffer.putInt(MESSAGE_OFFSET + 32, 1_000_000, MoldUdp64Descriptor.BYTE_ORDER);
    }

    /**
     * @param buffer      holding a template.
     * @param sequence    the packet's sequence number.
     * @param scheduledNs when the packet was due.
     * @param sentNs      now, just before the send.
     */
    static void stamp(final MutableDirectBuffer buffer, final long sequence, final long scheduledNs, final long sentNs)
    {
        buffer.putLong(MoldUdp64Descriptor.SEQUENCE_NUMBER_OFFSET, sequence, MoldUdp64Descriptor.BYTE_ORDER);
        buffer.putShort(SCHEDULED_OFFSET, (short)(scheduledNs >>> 32), MoldUdp64Descriptor.BYTE_ORDER);
        buffer.putInt(SCHEDULED_OFFSET + 2, (int)scheduledNs, MoldUdp64Descriptor.BYTE_ORDER);
        buffer.putLong(SENT_OFFSET, sentNs, MoldUdp64Descriptor.BYTE_ORDER);
    }

    /**
     * @param buffer holding a packet.
     * @param offset of the packet.
     * @return its send time.
     */
    static long sentNs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SENT_OFFSET, MoldUdp64Descriptor.BYTE_ORDER);
    }

    /**
     * @param buffer holding a packet.
     * @param offset of the packet.
     * @param sentNs its send time, which gives the high 16 bits (the schedule is at most 2^48 ns, 3 days, earlier).
     * @return its scheduled send time.
     */
    static long scheduledNs(final DirectBuffer buffer, final int offset, final long sentNs)
    {
        final long low = ((buffer.getShort(offset + SCHEDULED_OFFSET, MoldUdp64Descriptor.BYTE_ORDER) & 0xFFFFL) << 32) |
            (buffer.getInt(offset + SCHEDULED_OFFSET + 2, MoldUdp64Descriptor.BYTE_ORDER) & 0xFFFF_FFFFL);
        return sentNs - ((sentNs - low) & LOW_48_BITS);
    }
}
