package corezero.nic;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static corezero.nic.RawUdpDescriptor.BYTE_ORDER;
import static corezero.nic.RawUdpDescriptor.IP_CHECKSUM_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_DESTINATION_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_FLAGS_FRAGMENT_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_PROTOCOL_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_TOTAL_LENGTH_OFFSET;
import static corezero.nic.RawUdpDescriptor.UDP_CHECKSUM_OFFSET;
import static corezero.nic.RawUdpDescriptor.UDP_DESTINATION_PORT_OFFSET;
import static corezero.nic.RawUdpDescriptor.UDP_LENGTH_OFFSET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builder to parser round trips, and one corrupted frame for every reason the parser gives. */
class RawUdpParserTest
{
    private static final int[] PAYLOAD_LENGTHS = {0, 1, 2, 3, 7, 8, 100, 1471, 1472};
    private static final int IP = 14;
    private static final int UDP = IP + 20;
    private static final int PAYLOAD_LENGTH = 21;

    private final UnsafeBuffer buffer = RawUdpFrames.buffer();
    private final RawUdpParser parser = RawUdpFrames.parser();
    private int frameLength;

    @BeforeEach
    void buildAValidFrame()
    {
        frameLength = RawUdpFrames.frame(RawUdpFrames.builder(), buffer, PAYLOAD_LENGTH);
    }

    @Test
    void roundTripsEveryPayloadLengthWithZeroOneAndTwoTags()
    {
        for (int tags = 0; tags <= 2; tags++)
        {
            for (final boolean udpChecksum : new boolean[]{true, false})
            {
                final RawUdpBuilder builder = RawUdpFrames.builder().udpChecksum(udpChecksum);
                if (1 == tags)
                {
                    builder.vlan(0x0123);
                }
                else if (2 == tags)
                {
                    builder.vlans(0x0456, 0x0789);
                }
                for (final int payloadLength : PAYLOAD_LENGTHS)
                {
                    final String what = tags + " tags, checksum " + udpChecksum + ", payload " + payloadLength;
                    final int length = RawUdpFrames.frame(builder, buffer, payloadLength);
                    assertEquals(14 + 4 * tags + 20 + 8 + payloadLength, length, what);
                    assertEquals(RawUdpReason.OK, parser.parse(buffer, 0, length), what);
                    assertEquals(builder.headersLength(), parser.payloadOffset(), what);
                    assertEquals(payloadLength, parser.payloadLength(), what);
                    assertEquals(RawUdpFrames.SOURCE_ADDRESS, parser.sourceAddress(), what);
                    assertEquals(RawUdpFrames.SOURCE_PORT, parser.sourcePort(), what);
                    assertEquals(RawUdpFrames.DESTINATION_ADDRESS, parser.destinationAddress(), what);
                    assertEquals(RawUdpFrames.DESTINATION_PORT, parser.destinationPort(), what);
                    for (int i = 0; i < payloadLength; i++)
                    {
                        assertEquals((byte)(i * 31 + payloadLength), buffer.getByte(parser.payloadOffset() + i));
                    }
                }
            }
        }
        assertEquals(3 * 2 * PAYLOAD_LENGTHS.length, parser.count(RawUdpReason.OK));
        assertEquals(parser.count(RawUdpReason.OK), parser.frames());
    }

    @Test
    void parsesAFrameAtAnOffsetInTheBuffer()
    {
        final UnsafeBuffer ring = RawUdpFrames.buffer();
        final RawUdpBuilder builder = RawUdpFrames.builder();
        final int length = builder.build(ring, 256, buffer, 42, 5);
        assertEquals(RawUdpReason.OK, parser.parse(ring, 256, length));
        assertEquals(256 + 42, parser.payloadOffset());
        assertEquals(5, parser.payloadLength());
    }

    @Test
    void acceptsAnyDestinationWhenConfiguredSo()
    {
        final RawUdpParser any = new RawUdpParser(RawUdpParser.ANY, RawUdpParser.ANY);
        buffer.putInt(IP + IP_DESTINATION_OFFSET, 0x0A000001, BYTE_ORDER);
        RawUdpFrames.fixIpChecksum(buffer, IP);
        buffer.putShort(UDP + UDP_CHECKSUM_OFFSET, (short)0, BYTE_ORDER);
        assertEquals(RawUdpReason.OK, any.parse(buffer, 0, frameLength));
        assertEquals(0x0A000001, any.destinationAddress());
        assertEquals(RawUdpReason.WRONG_DESTINATION, parser.parse(buffer, 0, frameLength));
    }

    @Test
    void acceptsEthernetPaddingPastTheDatagram()
    {
        final int length = RawUdpFrames.frame(RawUdpFrames.builder(), buffer, 1);
        assertEquals(43, length);
        buffer.setMemory(length, 60 - length, (byte)0);
        assertEquals(RawUdpReason.OK, parser.parse(buffer, 0, 60));
        assertEquals(1, parser.payloadLength());
    }

    @Test
    void skipsIpv4Options()
    {
        final UnsafeBuffer withOptions = RawUdpFrames.buffer();
        withOptions.putBytes(0, buffer, 0, UDP);
        withOptions.putInt(UDP, 0x01010100, BYTE_ORDER);
        withOptions.putBytes(UDP + 4, buffer, UDP, frameLength - UDP);
        withOptions.putByte(IP, (byte)0x46);
        withOptions.putShort(IP + IP_TOTAL_LENGTH_OFFSET, (short)(frameLength - IP + 4), BYTE_ORDER);
        RawUdpFrames.fixIpChecksum(withOptions, IP);

        assertEquals(RawUdpReason.OK, parser.parse(withOptions, 0, frameLength + 4));
        assertEquals(UDP + 4 + 8, parser.payloadOffset());
        assertEquals(PAYLOAD_LENGTH, parser.payloadLength());
    }

    @Test
    void acceptsUdpChecksumZeroWithoutComputingIt()
    {
        buffer.putShort(UDP + UDP_CHECKSUM_OFFSET, (short)0, BYTE_ORDER);
        buffer.putByte(UDP + 8, (byte)(buffer.getByte(UDP + 8) + 1));
        assertEquals(RawUdpReason.OK, parser.parse(buffer, 0, frameLength));
        assertEquals(PAYLOAD_LENGTH, parser.payloadLength());
    }

    @Test
    void truncatedAtEveryLengthIsCountedAndNeverThrows()
    {
        for (int tags = 0; tags <= 2; tags++)
        {
            final RawUdpBuilder builder = RawUdpFrames.builder();
            if (1 == tags)
            {
                builder.vlan(7);
            }
            else if (2 == tags)
            {
                builder.vlans(7, 8);
            }
            final RawUdpParser fresh = RawUdpFrames.parser();
            final int length = RawUdpFrames.frame(builder, buffer, PAYLOAD_LENGTH);
            for (int cut = 0; cut < length; cut++)
            {
                assertEquals(RawUdpReason.TRUNCATED, fresh.parse(buffer, 0, cut), tags + " tags, cut at " + cut);
            }
            assertEquals(length, fresh.count(RawUdpReason.TRUNCATED));
            assertEquals(RawUdpReason.OK, fresh.parse(buffer, 0, length));
            assertEquals(length + 1, fresh.frames());
        }
    }

    @Test
    void offsetAndLengthOutsideTheBufferAreTruncated()
    {
        assertEquals(RawUdpReason.TRUNCATED, parser.parse(buffer, -1, frameLength));
        assertEquals(RawUdpReason.TRUNCATED, parser.parse(buffer, 0, -1));
        assertEquals(RawUdpReason.TRUNCATED, parser.parse(buffer, buffer.capacity() - 10, frameLength));
        assertEquals(RawUdpReason.TRUNCATED, parser.parse(buffer, Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(4, parser.count(RawUdpReason.TRUNCATED));
    }

    @Test
    void notIpv4()
    {
        buffer.putShort(12, (short)0x86DD, BYTE_ORDER);
        expect(RawUdpReason.NOT_IPV4);
    }

    @Test
    void threeVlanTagsAreNotIpv4()
    {
        final RawUdpBuilder builder = RawUdpFrames.builder().vlans(1, 2);
        final int length = RawUdpFrames.frame(builder, buffer, PAYLOAD_LENGTH);
        // Turn the EtherType after two tags into a third tag.
        buffer.putShort(20, (short)0x8100, BYTE_ORDER);
        assertEquals(RawUdpReason.NOT_IPV4, parser.parse(buffer, 0, length));
    }

    @Test
    void badIpVersion()
    {
        buffer.putByte(IP, (byte)0x65);
        RawUdpFrames.fixIpChecksum(buffer, IP);
        expect(RawUdpReason.BAD_IP_HEADER);
    }

    @Test
    void ihlBelowFive()
    {
        buffer.putByte(IP, (byte)0x44);
        expect(RawUdpReason.BAD_IP_HEADER);
    }

    @Test
    void totalLengthShorterThanTheHeader()
    {
        buffer.putShort(IP + IP_TOTAL_LENGTH_OFFSET, (short)19, BYTE_ORDER);
        RawUdpFrames.fixIpChecksum(buffer, IP);
        expect(RawUdpReason.BAD_IP_HEADER);
    }

    @Test
    void totalLengthPastTheFrame()
    {
        buffer.putShort(IP + IP_TOTAL_LENGTH_OFFSET, (short)(frameLength - IP + 1), BYTE_ORDER);
        RawUdpFrames.fixIpChecksum(buffer, IP);
        expect(RawUdpReason.TRUNCATED);
    }

    @Test
    void ipHeaderWithOptionsCutShort()
    {
        buffer.putByte(IP, (byte)0x4F);
        buffer.putShort(IP + IP_TOTAL_LENGTH_OFFSET, (short)(60 + 8 + PAYLOAD_LENGTH), BYTE_ORDER);
        assertEquals(RawUdpReason.TRUNCATED, parser.parse(buffer, 0, IP + 40));
    }

    @Test
    void flippedIpChecksum()
    {
        buffer.putShort(IP + IP_CHECKSUM_OFFSET, (short)~buffer.getShort(IP + IP_CHECKSUM_OFFSET), BYTE_ORDER);
        expect(RawUdpReason.BAD_IP_CHECKSUM);
    }

    @Test
    void flippedBitInTheSourceAddressIsABadChecksum()
    {
        buffer.putByte(IP + 12, (byte)(buffer.getByte(IP + 12) ^ 0x10));
        expect(RawUdpReason.BAD_IP_CHECKSUM);
    }

    @Test
    void moreFragments()
    {
        buffer.putShort(IP + IP_FLAGS_FRAGMENT_OFFSET, (short)0x2000, BYTE_ORDER);
        RawUdpFrames.fixIpChecksum(buffer, IP);
        expect(RawUdpReason.FRAGMENT);
    }

    @Test
    void lastFragment()
    {
        buffer.putShort(IP + IP_FLAGS_FRAGMENT_OFFSET, (short)0x00B9, BYTE_ORDER);
        RawUdpFrames.fixIpChecksum(buffer, IP);
        expect(RawUdpReason.FRAGMENT);
    }

    @Test
    void dontFragmentAloneIsWhole()
    {
        buffer.putShort(IP + IP_FLAGS_FRAGMENT_OFFSET, (short)0, BYTE_ORDER);
        RawUdpFrames.fixIpChecksum(buffer, IP);
        expect(RawUdpReason.OK);
    }

    @Test
    void notUdp()
    {
        buffer.putByte(IP + IP_PROTOCOL_OFFSET, (byte)6);
        RawUdpFrames.fixIpChecksum(buffer, IP);
        expect(RawUdpReason.NOT_UDP);
    }

    @Test
    void wrongAddress()
    {
        buffer.putInt(IP + IP_DESTINATION_OFFSET, RawUdpFrames.DESTINATION_ADDRESS + 1, BYTE_ORDER);
        RawUdpFrames.fixIpChecksum(buffer, IP);
        expect(RawUdpReason.WRONG_DESTINATION);
    }

    @Test
    void wrongPort()
    {
        buffer.putShort(UDP + UDP_DESTINATION_PORT_OFFSET, (short)(RawUdpFrames.DESTINATION_PORT + 1), BYTE_ORDER);
        RawUdpFrames.fixUdpChecksum(buffer, UDP, 8 + PAYLOAD_LENGTH);
        expect(RawUdpReason.WRONG_DESTINATION);
    }

    @Test
    void noRoomForTheUdpHeader()
    {
        buffer.putShort(IP + IP_TOTAL_LENGTH_OFFSET, (short)(20 + 7), BYTE_ORDER);
        RawUdpFrames.fixIpChecksum(buffer, IP);
        expect(RawUdpReason.BAD_UDP_LENGTH);
    }

    @Test
    void udpLengthBelowTheHeader()
    {
        buffer.putShort(UDP + UDP_LENGTH_OFFSET, (short)7, BYTE_ORDER);
        expect(RawUdpReason.BAD_UDP_LENGTH);
    }

    @Test
    void udpLengthPastTheDatagram()
    {
        buffer.putShort(UDP + UDP_LENGTH_OFFSET, (short)(8 + PAYLOAD_LENGTH + 1), BYTE_ORDER);
        expect(RawUdpReason.BAD_UDP_LENGTH);
    }

    @Test
    void udpLengthShortOfTheDatagramTrimsThePayload()
    {
        buffer.putShort(UDP + UDP_LENGTH_OFFSET, (short)(8 + PAYLOAD_LENGTH - 3), BYTE_ORDER);
        RawUdpFrames.fixUdpChecksum(buffer, UDP, 8 + PAYLOAD_LENGTH - 3);
        expect(RawUdpReason.OK);
        assertEquals(PAYLOAD_LENGTH - 3, parser.payloadLength());
    }

    @Test
    void corruptedPayloadIsABadUdpChecksum()
    {
        buffer.putByte(UDP + 8 + PAYLOAD_LENGTH - 1, (byte)(buffer.getByte(UDP + 8 + PAYLOAD_LENGTH - 1) ^ 1));
        expect(RawUdpReason.BAD_UDP_CHECKSUM);
    }

    @Test
    void flippedUdpChecksum()
    {
        buffer.putShort(UDP + UDP_CHECKSUM_OFFSET, (short)~buffer.getShort(UDP + UDP_CHECKSUM_OFFSET), BYTE_ORDER);
        expect(RawUdpReason.BAD_UDP_CHECKSUM);
    }

    @Test
    void everyReasonHasItsOwnDescription()
    {
        final Set<String> descriptions = new HashSet<>();
        for (int reason = 0; reason < RawUdpReason.COUNT; reason++)
        {
            final String description = RawUdpReason.describe(reason);
            assertFalse(description.startsWith("unknown"), description);
            assertTrue(descriptions.add(description), description);
        }
        assertTrue(RawUdpReason.describe(RawUdpReason.COUNT).startsWith("unknown"));
        assertEquals(0, parser.count(-1));
        assertEquals(0, parser.count(RawUdpReason.COUNT));
    }

    private void expect(final int reason)
    {
        assertEquals(RawUdpReason.describe(reason), RawUdpReason.describe(parser.parse(buffer, 0, frameLength)));
        assertEquals(1, parser.count(reason));
        assertEquals(1, parser.frames());
    }
}
