package corezero.venue;

import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import static corezero.venue.MoldUdp64Descriptor.*;
import static org.junit.jupiter.api.Assertions.*;

@Timeout(30)
class RetransmissionServerTest
{
    private static final byte[] SESSION = sessionBytes(FeedSettings.DEFAULT_SESSION);

    private final VenueSimCounters counters = new VenueSimCounters();
    private final ByteBuffer requestByteBuffer = ByteBuffer.allocateDirect(64);
    private final UnsafeBuffer request = new UnsafeBuffer(requestByteBuffer);
    private final ByteBuffer answerByteBuffer = ByteBuffer.allocateDirect(MAX_UDP_PAYLOAD_LENGTH);
    private final UnsafeBuffer answer = new UnsafeBuffer(answerByteBuffer);
    private BinaryFileCapture capture;
    private MessageStore store;
    private DatagramChannel serverChannel;
    private DatagramChannel client;
    private InetSocketAddress serverAddress;
    private AgentInvoker invoker;

    @BeforeEach
    void before() throws IOException
    {
        capture = BinaryFileCapture.load(SharedData.aaplCapture());
        store = new MessageStore(capture);
        serverChannel = LoopbackUdp.bind();
        serverAddress = LoopbackUdp.address(serverChannel);
        client = LoopbackUdp.bind();
        invoker = new AgentInvoker(
            Throwable::printStackTrace,
            null,
            new RetransmissionServer(store, FeedSettings.defaults(), serverChannel, counters));
        invoker.start();
    }

    @AfterEach
    void after() throws IOException
    {
        invoker.close();
        client.close();
        assertFalse(serverChannel.isOpen(), "the agent closes its channel");
    }

    @Test
    void shouldAnswerARequestWithTheRequestedMessages() throws IOException
    {
        store.onSent(10_000);

        sendRequest(SESSION, 5_000, 10);
        final int length = receiveAnswer();

        assertEquals("CZ00000001", sessionName(answer, 0));
        assertEquals(5_000, sequenceNumber(answer, 0));
        assertEquals(10, messageCount(answer, 0));
        int blockOffset = HEADER_LENGTH;
        for (int i = 0; i < 10; i++)
        {
            final int index = 4_999 + i;
            assertEquals(capture.messageLength(index), messageLength(answer, blockOffset));
            assertBytesEqual(index, blockOffset + MESSAGE_LENGTH_FIELD_LENGTH);
            blockOffset += MESSAGE_LENGTH_FIELD_LENGTH + capture.messageLength(index);
        }
        assertEquals(length, blockOffset);
        assertEquals(1, counters.requestsAnswered.get());
        assertEquals(10, counters.messagesRetransmitted.get());
        assertEquals(0, counters.requestsRejected());
    }

    @Test
    void shouldAnswerOnlyWhatFitsInOnePacket() throws IOException
    {
        store.onSent(10_000);

        sendRequest(SESSION, 1, 0xFFFF);
        final int length = receiveAnswer();

        int expectedCount = 0;
        int expectedLength = HEADER_LENGTH;
        while (expectedLength + MESSAGE_LENGTH_FIELD_LENGTH + capture.messageLength(expectedCount) <=
            FeedSettings.DEFAULT_MAX_PACKET_LENGTH)
        {
            expectedLength += MESSAGE_LENGTH_FIELD_LENGTH + capture.messageLength(expectedCount);
            expectedCount++;
        }

        assertEquals(expectedLength, length);
        assertEquals(expectedCount, messageCount(answer, 0));
        assertEquals(1, sequenceNumber(answer, 0));
        assertBytesEqual(0, HEADER_LENGTH + MESSAGE_LENGTH_FIELD_LENGTH);
    }

    @Test
    void shouldKeepAnswersWithinASmallerMaximumPacketLengthThanNassaus() throws IOException
    {
        invoker.close();
        serverChannel = LoopbackUdp.bind();
        serverAddress = LoopbackUdp.address(serverChannel);
        final int maxPacketLength = 200;
        invoker = new AgentInvoker(
            Throwable::printStackTrace,
            null,
            new RetransmissionServer(
                store, FeedSettings.defaults().withMaxPacketLength(maxPacketLength), serverChannel, counters));
        invoker.start();
        store.onSent(10_000);

        sendRequest(SESSION, 100, 50);
        final int length = receiveAnswer();

        int expectedCount = 0;
        int expectedLength = HEADER_LENGTH;
        while (expectedLength + MESSAGE_LENGTH_FIELD_LENGTH + capture.messageLength(99 + expectedCount) <=
            maxPacketLength)
        {
            expectedLength += MESSAGE_LENGTH_FIELD_LENGTH + capture.messageLength(99 + expectedCount);
            expectedCount++;
        }
        assertEquals(expectedLength, length);
        assertEquals(expectedCount, messageCount(answer, 0));
        assertEquals(expectedCount, counters.messagesRetransmitted.get());
    }

    @Test
    void shouldAnswerOnlyUpToTheLastMessageSent() throws IOException
    {
        store.onSent(100);

        sendRequest(SESSION, 95, 20);
        receiveAnswer();

        assertEquals(95, sequenceNumber(answer, 0));
        assertEquals(6, messageCount(answer, 0));
        assertEquals(6, counters.messagesRetransmitted.get());
    }

    @Test
    void shouldCountBadRequestsAndGoOnServing() throws IOException
    {
        store.onSent(10_000);

        requestByteBuffer.clear().limit(7);
        client.send(requestByteBuffer, serverAddress);
        requestByteBuffer.clear().limit(REQUEST_LENGTH + 1);
        client.send(requestByteBuffer, serverAddress);
        sendRequest(sessionBytes("OTHER"), 1, 1);
        sendRequest(SESSION, 0, 1);
        sendRequest(SESSION, 10_001, 1);
        sendRequest(SESSION, Long.MIN_VALUE, 1);
        sendRequest(SESSION, 1, 0);
        sendRequest(SESSION, 42, 1);

        final int length = receiveAnswer();

        assertEquals(42, sequenceNumber(answer, 0), "only the good request is answered");
        assertEquals(1, messageCount(answer, 0));
        assertEquals(HEADER_LENGTH + MESSAGE_LENGTH_FIELD_LENGTH + capture.messageLength(41), length);
        assertEquals(2, counters.requestsMalformed.get());
        assertEquals(1, counters.requestsUnknownSession.get());
        assertEquals(4, counters.requestsOutOfRange.get());
        assertEquals(7, counters.requestsRejected());
        assertEquals(1, counters.requestsAnswered.get());
        assertEquals(0, counters.errors.get());

        answerByteBuffer.clear();
        invoker.invoke();
        assertNull(client.receive(answerByteBuffer), "no answer to any bad request");
        assertTrue(invoker.isRunning());
    }

    @Test
    void shouldRejectEveryRequestBeforeAnythingWasSent() throws IOException
    {
        sendRequest(SESSION, 1, 1);

        assertTrue(LoopbackUdp.stepUntil(
            1_000_000, () -> 1 == counters.requestsOutOfRange.get(), invoker::invoke));
        assertEquals(0, counters.requestsAnswered.get());
    }

    private void sendRequest(final byte[] session, final long sequenceNumber, final int count) throws IOException
    {
        encodeRequest(request, 0, session, sequenceNumber, count);
        requestByteBuffer.clear().limit(REQUEST_LENGTH);
        assertEquals(REQUEST_LENGTH, client.send(requestByteBuffer, serverAddress));
    }

    private int receiveAnswer() throws IOException
    {
        final SocketAddress source = LoopbackUdp.receive(client, answerByteBuffer, invoker::invoke);
        assertEquals(serverAddress, source, "the answer comes from the re-request port");

        return answerByteBuffer.limit();
    }

    private void assertBytesEqual(final int index, final int offset)
    {
        final int messageOffset = capture.messageOffset(index);
        for (int i = 0, length = capture.messageLength(index); i < length; i++)
        {
            if (capture.buffer().getByte(messageOffset + i) != answer.getByte(offset + i))
            {
                fail("message " + index + " differs at byte " + i);
            }
        }
    }
}
