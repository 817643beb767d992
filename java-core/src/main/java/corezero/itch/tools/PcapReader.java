package corezero.itch.tools;

import corezero.itch.MoldUdp64Descriptor;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.PrintStream;

/**
 * Reads a classic libpcap capture of a MoldUDP64 feed and hands on the ITCH messages of every packet, in capture
 * order (duplicates and gaps are shown as captured, not repaired).
 * <pre>
 *   file:    global header (24 bytes) then records
 *            magic (4)  a1b2c3d4 microsecond / a1b23c4d nanosecond timestamps, written in the file's byte order
 *            version (2 + 2), thiszone (4), sigfigs (4), snaplen (4), link type (4): 1 = Ethernet
 *   record:  seconds (4), fraction (4), captured length (4), original length (4), then the captured bytes
 *   frame:   Ethernet II: destination (6), source (6), ether type (2)
 *            802.1Q 0x8100 / 802.1ad 0x88a8 / 0x9100 tags: TCI (2), ether type (2), repeated
 *            IPv4 0x0800: header of IHL * 4 bytes, total length at 2, fragment field at 6, protocol at 9
 *            UDP 17: ports (2 + 2), length (2) including its 8-byte header, checksum (2); payload = MoldUDP64
 * </pre>
 * Frames that are not IPv4/UDP, IP fragments and frames cut short by the snap length are counted and skipped, as
 * are UDP payloads that are not well-formed MoldUDP64 (each reported on the warning stream with its offset).
 * Only a broken file structure (a header or record cut short, an impossible record length) is an error.
 * Checksums are not verified: captures taken on the sending host often hold offloaded, unfilled ones.
 */
final class PcapReader
{
    static final int MAGIC_MICROS = 0xA1B2C3D4;
    static final int MAGIC_NANOS = 0xA1B23C4D;
    static final int MAGIC_PCAPNG = 0x0A0D0D0A;
    static final int LINKTYPE_ETHERNET = 1;

    private static final int GLOBAL_HEADER_LENGTH = 24;
    private static final int RECORD_HEADER_LENGTH = 16;
    private static final int MAX_RECORD_LENGTH = 256 * 1024;
    private static final int ETHERNET_HEADER_LENGTH = 14;
    private static final int ETHER_TYPE_IPV4 = 0x0800;
    private static final int ETHER_TYPE_VLAN = 0x8100;
    private static final int ETHER_TYPE_QINQ = 0x88A8;
    private static final int ETHER_TYPE_QINQ_OLD = 0x9100;
    private static final int VLAN_TAG_LENGTH = 4;
    private static final int IPV4_MIN_HEADER_LENGTH = 20;
    private static final int PROTOCOL_UDP = 17;
    private static final int UDP_HEADER_LENGTH = 8;
    private static final int MAX_WARNINGS = 20;

    private final byte[] bytes = new byte[MAX_RECORD_LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private final PrintStream warnings;
    private boolean bigEndian;
    private int warningCount;

    /**
     * @param warnings where to report skipped MoldUDP64 packets.
     */
    PcapReader(final PrintStream warnings)
    {
        this.warnings = warnings;
    }

    /**
     * @param magic the first 4 bytes of a file, read big-endian.
     * @return true when they are a classic pcap magic number in either byte order.
     */
    static boolean isPcap(final int magic)
    {
        return magic == MAGIC_MICROS || magic == MAGIC_NANOS ||
            magic == Integer.reverseBytes(MAGIC_MICROS) || magic == Integer.reverseBytes(MAGIC_NANOS);
    }

    /**
     * @throws MalformedCaptureException when the file structure is broken or the link type is not Ethernet.
     */
    void read(final CaptureInput in, final MessageSink sink, final CaptureStats stats)
        throws IOException, MalformedCaptureException
    {
        stats.format = "pcap";
        if (in.read(bytes, 0, GLOBAL_HEADER_LENGTH) < GLOBAL_HEADER_LENGTH)
        {
            throw new MalformedCaptureException(0, "pcap global header cut short");
        }

        final int magic = (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | bytes[3] & 0xFF;
        bigEndian = magic == MAGIC_MICROS || magic == MAGIC_NANOS;
        final int linkType = int32(20) & 0xFFFF;
        if (LINKTYPE_ETHERNET != linkType)
        {
            throw new MalformedCaptureException(20, "pcap link type " + linkType + " is not Ethernet (1)");
        }

        while (true)
        {
            final long recordOffset = in.position();
            final int headerRead = in.read(bytes, 0, RECORD_HEADER_LENGTH);
            if (0 == headerRead)
            {
                return;
            }
            if (headerRead < RECORD_HEADER_LENGTH)
            {
                throw new MalformedCaptureException(recordOffset, "pcap record header cut short");
            }

            final int capturedLength = int32(8);
            if (capturedLength < 0 || capturedLength > MAX_RECORD_LENGTH)
            {
                throw new MalformedCaptureException(recordOffset,
                    "pcap record length " + Integer.toUnsignedString(capturedLength) + " is impossible");
            }
            final int read = in.read(bytes, 0, capturedLength);
            if (read < capturedLength)
            {
                throw new MalformedCaptureException(recordOffset,
                    "pcap record of " + capturedLength + " bytes with only " + read + " left in the file");
            }

            stats.frames++;
            if (!onFrame(capturedLength, recordOffset + RECORD_HEADER_LENGTH, sink, stats))
            {
                return;
            }
        }
    }

    private boolean onFrame(final int length, final long frameOffset, final MessageSink sink, final CaptureStats stats)
    {
        if (length < ETHERNET_HEADER_LENGTH)
        {
            stats.truncatedFrames++;
            return true;
        }

        int position = ETHERNET_HEADER_LENGTH;
        int etherType = uint16(12);
        while (ETHER_TYPE_VLAN == etherType || ETHER_TYPE_QINQ == etherType || ETHER_TYPE_QINQ_OLD == etherType)
        {
            if (length < position + VLAN_TAG_LENGTH)
            {
                stats.truncatedFrames++;
                return true;
            }
            etherType = uint16(position + 2);
            position += VLAN_TAG_LENGTH;
        }
        if (ETHER_TYPE_IPV4 != etherType)
        {
            stats.skippedFrames++;
            return true;
        }

        if (length < position + IPV4_MIN_HEADER_LENGTH)
        {
            stats.truncatedFrames++;
            return true;
        }
        final int versionAndLength = bytes[position] & 0xFF;
        final int ipHeaderLength = (versionAndLength & 0x0F) * 4;
        final int ipTotalLength = uint16(position + 2);
        if (4 != versionAndLength >> 4 || (uint16(position + 6) & 0x3FFF) != 0 ||
            PROTOCOL_UDP != (bytes[position + 9] & 0xFF))
        {
            stats.skippedFrames++;
            return true;
        }
        final int ipEnd = position + ipTotalLength;
        if (ipHeaderLength < IPV4_MIN_HEADER_LENGTH || ipTotalLength < ipHeaderLength + UDP_HEADER_LENGTH ||
            ipEnd > length)
        {
            stats.truncatedFrames++;
            return true;
        }

        final int udp = position + ipHeaderLength;
        final int udpLength = uint16(udp + 4);
        if (udpLength < UDP_HEADER_LENGTH || udp + udpLength > ipEnd)
        {
            stats.truncatedFrames++;
            return true;
        }

        return onMoldPacket(udp + UDP_HEADER_LENGTH, udpLength - UDP_HEADER_LENGTH, frameOffset, sink, stats);
    }

    private boolean onMoldPacket(
        final int offset, final int length, final long frameOffset, final MessageSink sink, final CaptureStats stats)
    {
        stats.moldPackets++;
        if (length < MoldUdp64Descriptor.HEADER_LENGTH)
        {
            return badMoldPacket(frameOffset + offset, "shorter than its 20-byte header", stats);
        }

        final int count = MoldUdp64Descriptor.messageCount(buffer, offset);
        if (MoldUdp64Descriptor.HEARTBEAT_COUNT == count)
        {
            stats.heartbeats++;
            return true;
        }
        if (MoldUdp64Descriptor.END_OF_SESSION_COUNT == count)
        {
            stats.endOfSessionPackets++;
            return true;
        }

        final int end = offset + length;
        int block = offset + MoldUdp64Descriptor.HEADER_LENGTH;
        for (int i = 0; i < count; i++)
        {
            if (end - block < MoldUdp64Descriptor.BLOCK_HEADER_LENGTH)
            {
                return badMoldPacket(frameOffset + block, "ends before message " + (i + 1) + " of " + count, stats);
            }
            final int messageLength = MoldUdp64Descriptor.messageLength(buffer, block);
            final int messageOffset = block + MoldUdp64Descriptor.BLOCK_HEADER_LENGTH;
            if (messageLength > end - messageOffset)
            {
                return badMoldPacket(
                    frameOffset + block, "block length " + messageLength + " runs past its end", stats);
            }
            if (!sink.onMessage(buffer, messageOffset, messageLength, frameOffset + messageOffset))
            {
                return false;
            }
            block = messageOffset + messageLength;
        }

        return true;
    }

    private boolean badMoldPacket(final long fileOffset, final String problem, final CaptureStats stats)
    {
        stats.badMoldPackets++;
        if (warningCount++ < MAX_WARNINGS)
        {
            warnings.println("itch-dump: skipped MoldUDP64 packet: " + problem + " at offset " + fileOffset);
        }

        return true;
    }

    private int uint16(final int offset)
    {
        return (bytes[offset] & 0xFF) << 8 | (bytes[offset + 1] & 0xFF);
    }

    private int int32(final int offset)
    {
        final int value = (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 |
            (bytes[offset + 2] & 0xFF) << 8 | (bytes[offset + 3] & 0xFF);

        return bigEndian ? value : Integer.reverseBytes(value);
    }
}
