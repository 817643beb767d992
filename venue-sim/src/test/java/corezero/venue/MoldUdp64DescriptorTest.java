package corezero.venue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static corezero.venue.MoldUdp64Descriptor.*;
import static org.junit.jupiter.api.Assertions.*;

class MoldUdp64DescriptorTest
{
    private static final byte[] SESSION = sessionBytes("CZ00000001");

    /**
     * A downstream packet laid out by hand from the spec's tables: session at 0 (10), sequence number at 10 (8),
     * message count at 18 (2), then blocks of a 2-byte length and the data.
     */
    private static final byte[] SPEC_PACKET = {
        'C', 'Z', '0', '0', '0', '0', '0', '0', '0', '1',
        0x00, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05,
        0x00, 0x02,
        0x00, 0x03, 'a', 'b', 'c',
        0x00, 0x01, 'z' };

    /** A request packet laid out by hand: session, first sequence number 0x1234, requested count 0xFFFF. */
    private static final byte[] SPEC_REQUEST = {
        'S', 'E', 'S', 'S', '1', ' ', ' ', ' ', ' ', ' ',
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12, 0x34,
        (byte)0xFF, (byte)0xFF };

    @Test
    void shouldDecodeAPacketBuiltByHandFromTheSpec()
    {
        final UnsafeBuffer packet = new UnsafeBuffer(SPEC_PACKET);

        assertEquals("CZ00000001", sessionName(packet, 0));
        assertTrue(sessionEquals(packet, 0, SESSION));
        assertEquals(0x0102030405L, sequenceNumber(packet, 0));
        assertEquals(2, messageCount(packet, 0));
        assertEquals(3, messageLength(packet, HEADER_LENGTH));
        assertEquals('a', packet.getByte(HEADER_LENGTH + MESSAGE_LENGTH_FIELD_LENGTH));
        assertEquals(1, messageLength(packet, HEADER_LENGTH + 5));
        assertEquals('z', packet.getByte(HEADER_LENGTH + 5 + MESSAGE_LENGTH_FIELD_LENGTH));
    }

    @Test
    void shouldEncodeTheSamePacketAsTheSpecLayout()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final MoldUdp64PacketWriter writer = new MoldUdp64PacketWriter(buffer, 64, SESSION);
        final UnsafeBuffer messages = new UnsafeBuffer(new byte[]{ 'a', 'b', 'c', 'z' });

        writer.reset(0x0102030405L);
        assertTrue(writer.tryAppend(messages, 0, 3));
        assertTrue(writer.tryAppend(messages, 3, 1));
        final int length = writer.finish();

        assertEquals(SPEC_PACKET.length, length);
        assertArrayEquals(SPEC_PACKET, Arrays.copyOf(buffer.byteArray(), length));
    }

    @Test
    void shouldRoundTripHeaderFields()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[HEADER_LENGTH + 8]);
        final long[] sequenceNumbers = { 1, 255, 256, 0x7FFF_FFFF_FFFF_FFFFL, 10_001 };
        final int[] counts = { 0, 1, 0x7FFF, 0x8000, END_OF_SESSION_MESSAGE_COUNT };

        for (final long sequenceNumber : sequenceNumbers)
        {
            for (final int count : counts)
            {
                encodeHeader(buffer, 8, SESSION, sequenceNumber, count);

                assertEquals(sequenceNumber, sequenceNumber(buffer, 8));
                assertEquals(count, messageCount(buffer, 8));
                assertTrue(sessionEquals(buffer, 8, SESSION));
            }
        }
    }

    @Test
    void shouldWriteHeartbeatAndEndOfSessionWithTheNextSequenceNumber()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[HEADER_LENGTH]);
        final MoldUdp64PacketWriter writer = new MoldUdp64PacketWriter(buffer, HEADER_LENGTH, SESSION);

        assertEquals(HEADER_LENGTH, writer.heartbeat(77));
        assertEquals(77, sequenceNumber(buffer, 0));
        assertEquals(HEARTBEAT_MESSAGE_COUNT, messageCount(buffer, 0));

        assertEquals(HEADER_LENGTH, writer.endOfSession(10_001));
        assertEquals(10_001, sequenceNumber(buffer, 0));
        assertEquals(0xFFFF, messageCount(buffer, 0));
        assertEquals((byte)0xFF, buffer.getByte(18));
        assertEquals((byte)0xFF, buffer.getByte(19));
    }

    @Test
    void shouldEncodeAndDecodeARequestAsTheSpecLaysItOut()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[REQUEST_LENGTH]);

        encodeRequest(buffer, 0, sessionBytes("SESS1"), 0x1234, 0xFFFF);

        assertArrayEquals(SPEC_REQUEST, buffer.byteArray());
        assertEquals(0x1234, requestSequenceNumber(buffer, 0));
        assertEquals(0xFFFF, requestedMessageCount(buffer, 0));
        assertEquals("SESS1", sessionName(buffer, 0));
    }

    @Test
    void shouldPadSessionsWithSpacesAndRejectBadOnes()
    {
        assertArrayEquals("A         ".getBytes(StandardCharsets.US_ASCII), sessionBytes("A"));
        assertThrows(IllegalArgumentException.class, () -> sessionBytes(""));
        assertThrows(IllegalArgumentException.class, () -> sessionBytes("CZ000000001"));
        assertThrows(IllegalArgumentException.class, () -> sessionBytes("CZ\u00e900001"));
        assertThrows(IllegalArgumentException.class, () -> sessionBytes("CZ\t1"));
    }

    @Test
    void shouldStopAddingBlocksAtTheMaximumPacketLength()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[50]);
        final MoldUdp64PacketWriter writer = new MoldUdp64PacketWriter(buffer, 50, SESSION);
        final UnsafeBuffer message = new UnsafeBuffer(new byte[10]);

        writer.reset(1);
        assertTrue(writer.tryAppend(message, 0, 10));
        assertTrue(writer.tryAppend(message, 0, 10));
        assertFalse(writer.tryAppend(message, 0, 10), "20 + 3 x 12 = 56 > 50");
        assertTrue(writer.tryAppend(message, 0, 4), "20 + 24 + 6 = 50 fits exactly");
        assertFalse(writer.tryAppend(message, 0, 0));

        assertEquals(50, writer.finish());
        assertEquals(3, messageCount(buffer, 0));
        assertTrue(writer.canCarry(28));
        assertFalse(writer.canCarry(29));
    }
}
