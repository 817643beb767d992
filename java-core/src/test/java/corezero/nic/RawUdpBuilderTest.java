package corezero.nic;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A frame written by {@link RawUdpBuilder}, byte for byte against checksums computed by hand. */
class RawUdpBuilderTest
{
    /**
     * 192.168.0.1:12345 to 192.168.0.199:26400, identification 0x1c46, TTL 64, payload "abc".
     * <p>
     * IPv4 header checksum (RFC 1071): the sum of the header's 16-bit words with the checksum field as 0,
     * <pre>
     *   4500 + 001f + 1c46 + 4000 + 4011 + 0000 + c0a8 + 0001 + c0a8 + 00c7
     *   4500 + 001f = 451f;  + 1c46 = 6165;  + 4000 = a165;  + 4011 = e176
     *   + c0a8 = 1a21e;  + 0001 = 1a21f;  + c0a8 = 262c7;  + 00c7 = 2638e
     *   fold: 638e + 2 = 6390;  complement: ~6390 = 9c6f
     * </pre>
     * UDP checksum: pseudo-header (source, destination, 0x0011, UDP length 0x000b), then the UDP header with the
     * checksum as 0 and the payload padded to 61 62 | 63 00,
     * <pre>
     *   c0a8 + 0001 + c0a8 + 00c7 + 0011 + 000b = 18234
     *   + 3039 = 1b26d;  + 6720 = 2198d;  + 000b = 21998;  + 0000;  + 6162 = 27afa;  + 6300 = 2ddfa
     *   fold: ddfa + 2 = ddfc;  complement: ~ddfc = 2203
     * </pre>
     */
    private static final byte[] KNOWN_FRAME = bytes(
        "01005e010203 0242ac110002 0800",
        "4500 001f 1c46 4000 4011 9c6f c0a80001 c0a800c7",
        "3039 6720 000b 2203",
        "616263");

    @Test
    void writesTheKnownFrameByteForByte()
    {
        final UnsafeBuffer buffer = RawUdpFrames.buffer();
        final RawUdpBuilder builder = new RawUdpBuilder()
            .macs(RawUdpFrames.DESTINATION_MAC, RawUdpFrames.SOURCE_MAC)
            .endpoints(0xC0A80001, 12345, 0xC0A800C7, 26400)
            .ttl(64)
            .identification(0x1c46);
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[]{'a', 'b', 'c'});

        final int length = builder.build(buffer, 0, payload, 0, 3);

        assertEquals(KNOWN_FRAME.length, length);
        final byte[] written = new byte[length];
        buffer.getBytes(0, written);
        assertArrayEquals(KNOWN_FRAME, written);

        final RawUdpParser parser = new RawUdpParser(0xC0A800C7, 26400);
        assertEquals(RawUdpReason.OK, parser.parse(new UnsafeBuffer(KNOWN_FRAME), 0, KNOWN_FRAME.length));
        assertEquals(42, parser.payloadOffset());
        assertEquals(3, parser.payloadLength());
    }

    @Test
    void writesTagsAndSendsAComputedZeroAsAllOnes()
    {
        final UnsafeBuffer buffer = RawUdpFrames.buffer();
        final RawUdpBuilder builder = RawUdpFrames.builder().vlans(0x2064, 0x0005);
        assertEquals(50, builder.headersLength());
        final int length = RawUdpFrames.frame(builder, buffer, 2);
        assertEquals(52, length);
        assertEquals(0x88A8, buffer.getShort(12, RawUdpDescriptor.BYTE_ORDER) & 0xFFFF);
        assertEquals(0x2064, buffer.getShort(14, RawUdpDescriptor.BYTE_ORDER) & 0xFFFF);
        assertEquals(0x8100, buffer.getShort(16, RawUdpDescriptor.BYTE_ORDER) & 0xFFFF);
        assertEquals(0x0005, buffer.getShort(18, RawUdpDescriptor.BYTE_ORDER) & 0xFFFF);
        assertEquals(0x0800, buffer.getShort(20, RawUdpDescriptor.BYTE_ORDER) & 0xFFFF);

        // Choose the last payload word so that the UDP sum is exactly 0xFFFF: the checksum would be 0.
        final int udp = 42;
        buffer.putShort(udp + 8, (short)0, RawUdpDescriptor.BYTE_ORDER);
        builder.encode(buffer, 0, 2);
        final int withZeroWord = buffer.getShort(udp + 6, RawUdpDescriptor.BYTE_ORDER) & 0xFFFF;
        // checksum c over a zero word means sum s = ~c; the word that makes the sum 0xFFFF is c itself.
        buffer.putShort(udp + 8, (short)withZeroWord, RawUdpDescriptor.BYTE_ORDER);
        builder.encode(buffer, 0, 2);
        assertEquals(0xFFFF, buffer.getShort(udp + 6, RawUdpDescriptor.BYTE_ORDER) & 0xFFFF);
        final RawUdpParser parser = RawUdpFrames.parser();
        assertEquals(RawUdpReason.OK, parser.parse(buffer, 0, length));
    }

    @Test
    void refusesOutOfRangeSettingsOnTheControlPath()
    {
        final RawUdpBuilder builder = new RawUdpBuilder();
        assertThrows(IllegalArgumentException.class, () -> builder.endpoints(0, 65536, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> builder.ttl(256));
        assertThrows(IllegalArgumentException.class, () -> builder.vlan(-1));
        assertThrows(IllegalArgumentException.class, () -> builder.encode(RawUdpFrames.buffer(), 0, -1));
    }

    private static byte[] bytes(final String... hexLines)
    {
        final String hex = String.join("", hexLines).replace(" ", "");
        final byte[] result = new byte[hex.length() / 2];
        for (int i = 0; i < result.length; i++)
        {
            result[i] = (byte)Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return result;
    }
}
