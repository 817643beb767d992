package corezero.venue;

import com.paritytrading.nassau.moldudp64.MoldUDP64DefaultMessageStore;
import com.paritytrading.nassau.moldudp64.MoldUDP64DownstreamPacket;
import com.paritytrading.nassau.moldudp64.MoldUDP64RequestServer;
import com.paritytrading.nassau.moldudp64.MoldUDP64Server;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

import static corezero.venue.MoldUdp64Descriptor.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The descriptor against the spec's tables, and nassau's packets (sent as nassau sends them, over a real loopback
 * socket) against the descriptor: the simulator's packets are nassau's, the descriptor is what reads them here.
 */
@Timeout(30)
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

    /** The same with a sequence number nassau's int setter can reach, and a session it pads: "SESS1" and spaces. */
    private static final byte[] SPEC_PACKET_SESS1 = {
        'S', 'E', 'S', 'S', '1', ' ', ' ', ' ', ' ', ' ',
        0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04,
        0x00, 0x02,
        0x00, 0x03, 'a', 'b', 'c',
        0x00, 0x01, 'z' };

    /** A request packet laid out by hand: session, first sequence number 0x1234, requested count 0xFFFF. */
    private static final byte[] SPEC_REQUEST = {
        'S', 'E', 'S', 'S', '1', ' ', ' ', ' ', ' ', ' ',
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12, 0x34,
        (byte)0xFF, (byte)0xFF };

    private final ByteBuffer receivedByteBuffer = ByteBuffer.allocateDirect(MAX_UDP_PAYLOAD_LENGTH);
    private final UnsafeBuffer received = new UnsafeBuffer(receivedByteBuffer);

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
    void shouldReadNassausPacketsByteForByteAsTheSpecLaysThemOut() throws IOException
    {
        try (DatagramChannel receiver = LoopbackUdp.bind();
            DatagramChannel sender = LoopbackUdp.bind())
        {
            sender.connect(LoopbackUdp.address(receiver));
            final MoldUDP64Server server = new MoldUDP64Server(sender, "SESS1");
            final MoldUDP64DownstreamPacket packet = new MoldUDP64DownstreamPacket();
            server.setNextSequenceNumber(0x01020304);

            packet.put(ByteBuffer.wrap(new byte[]{ 'a', 'b', 'c' }));
            packet.put(ByteBuffer.wrap(new byte[]{ 'z' }));
            server.send(packet);

            assertEquals(SPEC_PACKET_SESS1.length, receive(receiver));
            assertArrayEquals(SPEC_PACKET_SESS1, bytes(SPEC_PACKET_SESS1.length));
            assertEquals("SESS1", sessionName(received, 0));
            assertTrue(sessionEquals(received, 0, sessionBytes("SESS1")));
            assertEquals(0x01020304L, sequenceNumber(received, 0));
            assertEquals(2, messageCount(received, 0));
            assertEquals(3, messageLength(received, HEADER_LENGTH));
            assertEquals(1, messageLength(received, HEADER_LENGTH + MESSAGE_LENGTH_FIELD_LENGTH + 3));

            server.sendHeartbeat();
            assertEquals(HEADER_LENGTH, receive(receiver));
            assertEquals(0x01020306L, sequenceNumber(received, 0), "the next sequence number after two messages");
            assertEquals(HEARTBEAT_MESSAGE_COUNT, messageCount(received, 0));

            server.sendEndOfSession();
            assertEquals(HEADER_LENGTH, receive(receiver));
            assertEquals(0x01020306L, sequenceNumber(received, 0));
            assertEquals(END_OF_SESSION_MESSAGE_COUNT, messageCount(received, 0));
            assertEquals((byte)0xFF, received.getByte(MESSAGE_COUNT_OFFSET));
            assertEquals((byte)0xFF, received.getByte(MESSAGE_COUNT_OFFSET + 1));
        }
    }

    @Test
    void shouldHaveNassausRequestServerAnswerOurRequest() throws IOException
    {
        final MoldUDP64DefaultMessageStore messages = new MoldUDP64DefaultMessageStore();
        for (final String message : new String[]{ "one", "two", "three", "four" })
        {
            messages.put(ByteBuffer.wrap(message.getBytes(StandardCharsets.US_ASCII)));
        }

        try (DatagramChannel client = LoopbackUdp.bind();
            DatagramChannel serverChannel = LoopbackUdp.bind())
        {
            final MoldUDP64RequestServer server = new MoldUDP64RequestServer(serverChannel);
            final ByteBuffer request = ByteBuffer.allocateDirect(REQUEST_LENGTH);
            encodeRequest(new UnsafeBuffer(request), 0, sessionBytes("SESS1"), 2, 2);
            client.send(request, LoopbackUdp.address(serverChannel));

            assertNotNull(LoopbackUdp.receive(client, receivedByteBuffer, () -> serve(server, messages)));

            final byte[] expected = {
                'S', 'E', 'S', 'S', '1', ' ', ' ', ' ', ' ', ' ',
                0, 0, 0, 0, 0, 0, 0, 2,
                0, 2,
                0, 3, 't', 'w', 'o',
                0, 5, 't', 'h', 'r', 'e', 'e' };
            assertEquals(expected.length, receivedByteBuffer.limit());
            assertArrayEquals(expected, bytes(expected.length));
            assertEquals(2, sequenceNumber(received, 0));
            assertEquals(2, messageCount(received, 0));
        }
    }

    @Test
    void shouldAllowPacketsAsLongAsNassausAndNoLonger()
    {
        assertEquals(FeedSettings.MAX_PACKET_LENGTH,
            HEADER_LENGTH + new MoldUDP64DownstreamPacket().payload().capacity());
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

    private int receive(final DatagramChannel receiver) throws IOException
    {
        assertNotNull(LoopbackUdp.receive(receiver, receivedByteBuffer, () -> {}), "a packet in time");

        return receivedByteBuffer.limit();
    }

    private byte[] bytes(final int length)
    {
        final byte[] bytes = new byte[length];
        received.getBytes(0, bytes);

        return bytes;
    }

    private static void serve(final MoldUDP64RequestServer server, final MoldUDP64DefaultMessageStore messages)
    {
        try
        {
            server.serve(messages);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
