package corezero.venue;

import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static corezero.venue.MoldUdp64Descriptor.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Simulated loss: the packets lost are the ones configured, their messages leave a gap on the wire, and the
 * re-request server answers the gap with exactly those messages.
 */
@Timeout(30)
class SimulatedLossTest
{
    private static final long MILLISECOND_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final CachedNanoClock clock = new CachedNanoClock();
    private final VenueSimCounters counters = new VenueSimCounters();
    private final ByteBuffer receivedByteBuffer = ByteBuffer.allocateDirect(MAX_UDP_PAYLOAD_LENGTH);
    private final UnsafeBuffer received = new UnsafeBuffer(receivedByteBuffer);
    private BinaryFileCapture capture;
    private DatagramChannel receiver;
    private DatagramChannel feedChannel;
    private DatagramChannel rerequestChannel;
    private InetSocketAddress rerequestAddress;
    private AgentInvoker invoker;
    private MoldUdp64Publisher publisher;

    @BeforeEach
    void before() throws IOException
    {
        clock.update(1_000_000_000L);
        capture = BinaryFileCapture.load(SharedData.aaplCapture());
        receiver = LoopbackUdp.bind();
        feedChannel = LoopbackUdp.bind();
        rerequestChannel = LoopbackUdp.bind();
        rerequestAddress = LoopbackUdp.address(rerequestChannel);
    }

    @AfterEach
    void after() throws IOException
    {
        if (null != invoker)
        {
            invoker.close();
        }
        receiver.close();
    }

    @Test
    void shouldLoseEveryNthPacketCarryingMessages()
    {
        final SimulatedLoss loss = new SimulatedLoss(3, SimulatedLoss.OFF);
        final List<Boolean> drops = new ArrayList<>();
        for (int packet = 0; packet < 9; packet++)
        {
            drops.add(loss.shouldDrop(1 + 10L * packet, 10));
        }

        assertEquals(List.of(false, false, true, false, false, true, false, false, true), drops);
        assertTrue(loss.isActive());
        assertFalse(new SimulatedLoss(SimulatedLoss.OFF, SimulatedLoss.OFF).shouldDrop(1, 1));
        assertFalse(new SimulatedLoss(SimulatedLoss.OFF, SimulatedLoss.OFF).isActive());
    }

    @Test
    void shouldLoseThePacketHoldingTheSequenceNumberOnlyOnce()
    {
        final SimulatedLoss loss = new SimulatedLoss(SimulatedLoss.OFF, 42);

        assertFalse(loss.shouldDrop(1, 41), "1 to 41");
        assertTrue(loss.shouldDrop(42, 1), "42 alone");
        assertFalse(loss.shouldDrop(42, 1), "42 again, as a loop of a capture would not send it: once only");

        final SimulatedLoss inside = new SimulatedLoss(SimulatedLoss.OFF, 42);
        assertFalse(inside.shouldDrop(30, 12), "30 to 41");
        assertTrue(inside.shouldDrop(40, 5), "40 to 44");
    }

    @Test
    void shouldDropEveryThirdPacketAndAnswerEachGapOnReRequest() throws IOException
    {
        start(FeedSettings.defaults().withMessagesPerSecond(1_000_000).withLoss(3, SimulatedLoss.OFF));

        final List<long[]> gaps = receiveUntilEndOfSession();

        final long packets = counters.packetsSent.get();
        assertEquals(10_000, counters.messagesSent.get());
        assertEquals(packets / 3, counters.packetsDropped.get());
        assertEquals(packets / 3, gaps.size(), "every dropped packet is a gap on the wire");
        assertEquals(counters.messagesDropped.get(), gaps.stream().mapToLong((gap) -> gap[1] - gap[0]).sum());

        for (final long[] gap : gaps)
        {
            assertGapAnswered(gap[0], (int)(gap[1] - gap[0]));
        }
        assertEquals(gaps.size(), counters.requestsAnswered.get());
        assertEquals(counters.messagesDropped.get(), counters.messagesRetransmitted.get());
    }

    @Test
    void shouldDropThePacketHoldingTheSequenceNumberOnceAndAnswerIt() throws IOException
    {
        start(FeedSettings.defaults().withMessagesPerSecond(1_000_000).withLoss(SimulatedLoss.OFF, 5_000));

        final List<long[]> gaps = receiveUntilEndOfSession();

        assertEquals(1, gaps.size());
        assertEquals(1, counters.packetsDropped.get());
        final long[] gap = gaps.get(0);
        assertTrue(gap[0] <= 5_000 && 5_000 < gap[1], "the gap holds 5000: " + gap[0] + " to " + gap[1]);
        assertEquals(gap[1] - gap[0], counters.messagesDropped.get());

        assertGapAnswered(gap[0], (int)(gap[1] - gap[0]));
    }

    private void start(final FeedSettings settings) throws IOException
    {
        final FeedSettings lingering = settings.withEndOfSessionLingerNs(TimeUnit.SECONDS.toNanos(60));
        final MessageStore store = new MessageStore(capture);
        publisher = new MoldUdp64Publisher(
            store, lingering, feedChannel, LoopbackUdp.address(receiver), clock, counters);
        final RetransmissionServer server = new RetransmissionServer(store, lingering, rerequestChannel, counters);
        invoker = new AgentInvoker(Throwable::printStackTrace, null, new CompositeAgent(publisher, server));
        invoker.start();
    }

    /**
     * @return the gaps on the wire as [first missing, first after] pairs, checking the bytes of every message received.
     */
    private List<long[]> receiveUntilEndOfSession() throws IOException
    {
        final List<long[]> gaps = new ArrayList<>();
        long expectedSequenceNumber = 1;
        boolean isEndOfSession = false;
        for (int step = 0; step < 1_000 && !isEndOfSession; step++)
        {
            clock.advance(MILLISECOND_NS);
            invoker.invoke();
            receivedByteBuffer.clear();
            while (null != receiver.receive(receivedByteBuffer))
            {
                final long sequenceNumber = sequenceNumber(received, 0);
                final int count = messageCount(received, 0);
                if (sequenceNumber > expectedSequenceNumber)
                {
                    gaps.add(new long[]{ expectedSequenceNumber, sequenceNumber });
                }
                assertTrue(sequenceNumber >= expectedSequenceNumber, "no packet twice, none out of order");

                if (END_OF_SESSION_MESSAGE_COUNT == count)
                {
                    isEndOfSession = true;
                    expectedSequenceNumber = sequenceNumber;
                }
                else
                {
                    assertMessagesEqual(sequenceNumber, count, receivedByteBuffer.position());
                    expectedSequenceNumber = sequenceNumber + count;
                }
                receivedByteBuffer.clear();
            }
        }

        assertTrue(isEndOfSession);
        assertEquals(10_001, expectedSequenceNumber);

        return gaps;
    }

    private void assertGapAnswered(final long firstSequenceNumber, final int count) throws IOException
    {
        final ByteBuffer request = ByteBuffer.allocateDirect(REQUEST_LENGTH);
        encodeRequest(new UnsafeBuffer(request), 0, sessionBytes(FeedSettings.DEFAULT_SESSION), firstSequenceNumber, count);
        receiver.send(request, rerequestAddress);

        // End-of-session packets keep arriving on the same socket; the answer is the packet with messages.
        for (int i = 0; i < 1_000; i++)
        {
            assertNotNull(LoopbackUdp.receive(receiver, receivedByteBuffer, invoker::invoke), "an answer in time");
            if (END_OF_SESSION_MESSAGE_COUNT != messageCount(received, 0))
            {
                break;
            }
        }

        assertEquals(firstSequenceNumber, sequenceNumber(received, 0));
        assertEquals(count, messageCount(received, 0), "a lost packet's messages fit in one answer");
        assertMessagesEqual(firstSequenceNumber, count, receivedByteBuffer.limit());
    }

    private void assertMessagesEqual(final long firstSequenceNumber, final int count, final int packetLength)
    {
        int blockOffset = HEADER_LENGTH;
        for (int m = 0; m < count; m++)
        {
            final int index = (int)(firstSequenceNumber - 1 + m);
            final int length = messageLength(received, blockOffset);
            assertEquals(capture.messageLength(index), length);
            for (int b = 0; b < length; b++)
            {
                assertEquals(capture.buffer().getByte(capture.messageOffset(index) + b),
                    received.getByte(blockOffset + MESSAGE_LENGTH_FIELD_LENGTH + b),
                    "message " + (index + 1) + " byte " + b);
            }
            blockOffset += MESSAGE_LENGTH_FIELD_LENGTH + length;
        }
        assertEquals(packetLength, blockOffset, "no bytes after the last block");
    }
}
