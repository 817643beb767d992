package corezero.nic;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

import static corezero.nic.RawUdpDescriptor.BYTE_ORDER;
import static corezero.nic.RawUdpDescriptor.IP_CHECKSUM_OFFSET;
import static corezero.nic.RawUdpDescriptor.UDP_CHECKSUM_OFFSET;

/** Frames and header surgery shared by the raw UDP tests. */
final class RawUdpFrames
{
    static final long DESTINATION_MAC = 0x01005E010203L;
    static final long SOURCE_MAC = 0x0242AC110002L;
    static final int SOURCE_ADDRESS = 0xC0A80001;
    static final int DESTINATION_ADDRESS = 0xE9363601;
    static final int SOURCE_PORT = 12345;
    static final int DESTINATION_PORT = 26400;
    static final int MAX_FRAME = 2048;

    private RawUdpFrames()
    {
    }

    static UnsafeBuffer buffer()
    {
        return new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_FRAME));
    }

    static RawUdpBuilder builder()
    {
        return new RawUdpBuilder()
            .macs(DESTINATION_MAC, SOURCE_MAC)
            .endpoints(SOURCE_ADDRESS, SOURCE_PORT, DESTINATION_ADDRESS, DESTINATION_PORT)
            .ttl(32)
            .identification(0x1234);
    }

    static RawUdpParser parser()
    {
        return new RawUdpParser(DESTINATION_ADDRESS, DESTINATION_PORT);
    }

    /** Fill the payload with a pattern derived from its length and write the frame; returns its length. */
    static int frame(final RawUdpBuilder builder, final MutableDirectBuffer buffer, final int payloadLength)
    {
        final int payloadOffset = builder.headersLength();
        for (int i = 0; i < payloadLength; i++)
        {
            buffer.putByte(payloadOffset + i, (byte)(i * 31 + payloadLength));
        }
        return builder.encode(buffer, 0, payloadLength);
    }

    /** Recompute the IPv4 header checksum after a test changed the header. */
    static void fixIpChecksum(final MutableDirectBuffer buffer, final int ip)
    {
        final int headerLength = (buffer.getByte(ip) & 0x0F) << 2;
        buffer.putShort(ip + IP_CHECKSUM_OFFSET, (short)0, BYTE_ORDER);
        buffer.putShort(
            ip + IP_CHECKSUM_OFFSET, (short)InternetChecksum.checksum(buffer, ip, headerLength), BYTE_ORDER);
    }

    /** Recompute the UDP checksum after a test changed the datagram. */
    static void fixUdpChecksum(
        final MutableDirectBuffer buffer, final int udp, final int udpLength)
    {
        buffer.putShort(udp + UDP_CHECKSUM_OFFSET, (short)0, BYTE_ORDER);
        final int checksum = InternetChecksum.checksum(InternetChecksum.add(
            InternetChecksum.udpPseudoHeader(SOURCE_ADDRESS, DESTINATION_ADDRESS, udpLength), buffer, udp, udpLength));
        buffer.putShort(udp + UDP_CHECKSUM_OFFSET, (short)(0 == checksum ? 0xFFFF : checksum), BYTE_ORDER);
    }
}
