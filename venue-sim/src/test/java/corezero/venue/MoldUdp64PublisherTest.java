package corezero.venue;

import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static corezero.venue.MoldUdp64Descriptor.*;
import static org.junit.jupiter.api.Assertions.*;

@Timeout(30)
class MoldUdp64PublisherTest
{
    private static final long MILLISECOND_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final CachedNanoClock clock = new CachedNanoClock();
    private final VenueSimCounters counters = new VenueSimCounters();
    private final ByteBuffer received = ByteBuffer.allocateDirect(MAX_UDP_PAYLOAD_LENGTH);
    private final UnsafeBuffer packet = new UnsafeBuffer(received);
    private DatagramChannel receiver;
    private DatagramChannel feedChannel;
    private AgentInvoker invoker;
    private MessageStore store;

    @BeforeEach
    void before() throws IOException
    {
        clock.update(1_000_000_000L);
        receiver = LoopbackUdp.bind();
        feedChannel = LoopbackUdp.bind();
    }

    @AfterEach
    void after() throws IOException
    {
        if (null != invoker)
        {
            invoker.close();
        }
        feedChannel.close();
        receiver.close();
    }

    @Test
    void shouldPublishEveryMessageOfTheRealCaptureInSequenceThenEndTheSession() throws IOException
    {
        final BinaryFileCapture capture = BinaryFileCapture.load(SharedData.aaplCapture());
        final FeedSettings settings = FeedSettings.defaults()
            .withMessagesPerSecond(1_000_000)
            .withEndOfSessionLingerNs(0);
        final MoldUdp64Publisher publisher = start(capture, settings);

        long expectedSequenceNumber = 1;
        int messageIndex = 0;
        int dataPackets = 0;
        int endOfSessionPackets = 0;
        final List<Integer> packetLengths = new ArrayList<>();
        for (int step = 0; step < 10_000 && !invoker.isClosed(); step++)
        {
            clock.advance(MILLISECOND_NS);
            invoker.invoke();

            int length;
            while ((length = poll()) > 0)
            {
                assertTrue(length <= FeedSettings.DEFAULT_MAX_PACKET_LENGTH, "packet of " + length + " bytes");
                assertEquals("CZ00000001", sessionName(packet, 0));
                assertEquals(expectedSequenceNumber, sequenceNumber(packet, 0), "sequence continuity");

                final int count = messageCount(packet, 0);
                if (END_OF_SESSION_MESSAGE_COUNT == count)
                {
                    assertEquals(HEADER_LENGTH, length);
                    endOfSessionPackets++;
                    continue;
                }

                assertNotEquals(HEARTBEAT_MESSAGE_COUNT, count, "no heartbeat while messages flow");
                int blockOffset = HEADER_LENGTH;
                for (int i = 0; i < count; i++)
                {
                    final int messageLength = messageLength(packet, blockOffset);
                    assertEquals(capture.messageLength(messageIndex), messageLength);
                    assertMessageEquals(capture, messageIndex, blockOffset + MESSAGE_LENGTH_FIELD_LENGTH);
                    blockOffset += MESSAGE_LENGTH_FIELD_LENGTH + messageLength;
                    messageIndex++;
                }
                assertEquals(length, blockOffset, "no bytes after the last block");

                expectedSequenceNumber += count;
                dataPackets++;
                packetLengths.add(length);
            }
        }

        assertTrue(invoker.isClosed(), "the agent terminates after the end of session");
        assertTrue(publisher.isComplete());
        assertEquals(10_000, messageIndex);
        assertEquals(10_001, expectedSequenceNumber);
        assertEquals(1, endOfSessionPackets);
        assertEquals(10_000, counters.messagesSent.get());
        assertEquals(dataPackets, counters.packetsSent.get());
        assertEquals(0, counters.feedBackPressure.get());

        // The rate runs well ahead of one packet per duty cycle, so every packet but the last is full: the next
        // message (31 bytes or more with its length field) would not have fitted in 1400 bytes.
        for (int i = 0; i < packetLengths.size() - 1; i++)
        {
            assertTrue(packetLengths.get(i) > FeedSettings.DEFAULT_MAX_PACKET_LENGTH - 2 - 44, "packet " + i);
        }
    }

    @Test
    void shouldPaceMessagesByTheInjectedClock() throws IOException
    {
        final BinaryFileCapture capture = BinaryFileCapture.load(SharedData.aaplCapture());
        start(capture, FeedSettings.defaults().withMessagesPerSecond(1_000));

        invoker.invoke();
        assertEquals(1, counters.messagesSent.get(), "the first message goes at once");

        invoker.invoke();
        assertEquals(1, counters.messagesSent.get(), "no time passed, nothing more is due");

        clock.advance(10 * MILLISECOND_NS);
        invoker.invoke();
        assertEquals(11, counters.messagesSent.get());

        clock.advance(MILLISECOND_NS / 2);
        invoker.invoke();
        assertEquals(11, counters.messagesSent.get(), "half a message is not due yet");

        clock.advance(MILLISECOND_NS / 2);
        invoker.invoke();
        assertEquals(12, counters.messagesSent.get());
        assertEquals(13, store.nextSequenceNumber());
    }

    @Test
    void shouldReplayTheRealCaptureWithItsOwnGapsScaledBySpeedAndIdleCapped() throws IOException
    {
        final BinaryFileCapture capture = BinaryFileCapture.load(SharedData.aaplCapture());
        final double speed = 10;
        final long maxIdleNs = 1_000 * MILLISECOND_NS;
        start(capture, FeedSettings.defaults().withOriginalTiming(speed, maxIdleNs));

        // When each message is due, from the capture's timestamps read here: the first at once, then each capture gap
        // divided by the speed, but never more than the maximum idle time.
        final int checkedMessages = 600;
        final long[] dueNs = new long[checkedMessages];
        dueNs[0] = clock.nanoTime();
        int cappedGaps = 0;
        int scaledGaps = 0;
        for (int i = 1; i < checkedMessages; i++)
        {
            final long captureGapNs = timestampNs(capture, i) - timestampNs(capture, i - 1);
            final long scaledGapNs = Math.round(captureGapNs / speed);
            cappedGaps += scaledGapNs > maxIdleNs ? 1 : 0;
            scaledGaps += scaledGapNs > 0 && scaledGapNs <= maxIdleNs ? 1 : 0;
            dueNs[i] = dueNs[i - 1] + Math.min(scaledGapNs, maxIdleNs);
        }
        assertTrue(cappedGaps > 0 && scaledGaps > 100,
            "the early-morning capture has quiet stretches and busy ones: " + cappedGaps + " " + scaledGaps);

        long expectedSequenceNumber = 1;
        for (int i = 0; i < checkedMessages; i++)
        {
            if (i > 0 && dueNs[i] == dueNs[i - 1])
            {
                continue;
            }

            clock.update(dueNs[i] - 1);
            invoker.invoke();
            assertEquals(i, counters.messagesSent.get(), "message " + (i + 1) + " not before its time");

            clock.update(dueNs[i]);
            invoker.invoke();
            int dueTogether = 1;
            while (i + dueTogether < checkedMessages && dueNs[i + dueTogether] == dueNs[i])
            {
                dueTogether++;
            }
            assertEquals(i + dueTogether, counters.messagesSent.get(), "message " + (i + 1) + " on time");
            while (poll() > 0)
            {
                assertEquals(expectedSequenceNumber, sequenceNumber(packet, 0), "no gap, nothing early");
                expectedSequenceNumber += HEARTBEAT_MESSAGE_COUNT == messageCount(packet, 0) ? 0 : messageCount(packet, 0);
            }
            assertEquals(i + dueTogether + 1, expectedSequenceNumber, "the due messages went on the wire");
        }
    }

    @Test
    void shouldSendHeartbeatsWithTheNextSequenceNumberWhenIdle() throws IOException
    {
        final BinaryFileCapture capture = BinaryFileCapture.load(SharedData.aaplCapture());
        start(capture, FeedSettings.defaults().withMessagesPerSecond(1).withHeartbeatIntervalNs(100 * MILLISECOND_NS));

        invoker.invoke();
        assertTrue(poll() > 0);
        assertEquals(1, messageCount(packet, 0));

        clock.advance(99 * MILLISECOND_NS);
        invoker.invoke();
        assertEquals(0, poll(), "not idle for a whole interval yet");

        clock.advance(MILLISECOND_NS);
        invoker.invoke();
        assertEquals(HEADER_LENGTH, poll());
        assertEquals(HEARTBEAT_MESSAGE_COUNT, messageCount(packet, 0));
        assertEquals(2, sequenceNumber(packet, 0));

        clock.advance(100 * MILLISECOND_NS);
        invoker.invoke();
        assertEquals(HEADER_LENGTH, poll());
        assertEquals(HEARTBEAT_MESSAGE_COUNT, messageCount(packet, 0));
        assertEquals(2, counters.heartbeatsSent.get());
    }

    @Test
    void shouldRepeatEndOfSessionDuringTheLingerThenTerminate()
    {
        final BinaryFileCapture capture = smallCapture();
        final MoldUdp64Publisher publisher = start(capture, FeedSettings.defaults()
            .withHeartbeatIntervalNs(100 * MILLISECOND_NS)
            .withEndOfSessionLingerNs(250 * MILLISECOND_NS));

        invoker.invoke();
        assertEquals(1, counters.messagesSent.get());
        clock.advance(MILLISECOND_NS);
        invoker.invoke();
        assertEquals(3, counters.messagesSent.get());
        assertTrue(publisher.isEndOfSession());
        assertEquals(1, counters.endOfSessionsSent.get(), "the first end of session goes at once");

        for (int i = 0; i < 30 && !invoker.isClosed(); i++)
        {
            clock.advance(10 * MILLISECOND_NS);
            invoker.invoke();
        }

        assertTrue(invoker.isClosed());
        assertEquals(3, counters.endOfSessionsSent.get(), "at 0, 100 and 200 ms of a 250 ms linger");
        assertEquals(0, counters.heartbeatsSent.get());
    }

    @Test
    void shouldGoOnNumberingWhenLoopingOverTheCapture()
    {
        final BinaryFileCapture capture = smallCapture();
        start(capture, FeedSettings.defaults().withMessagesPerSecond(100).withLoop(true));

        final List<String> messages = new ArrayList<>();
        long expectedSequenceNumber = 1;
        for (int i = 0; i < 20 && messages.size() < 7; i++)
        {
            invoker.invoke();
            clock.advance(10 * MILLISECOND_NS);
            int length;
            while ((length = poll()) > 0)
            {
                assertEquals(expectedSequenceNumber, sequenceNumber(packet, 0));
                int blockOffset = HEADER_LENGTH;
                for (int m = 0, count = messageCount(packet, 0); m < count; m++)
                {
                    final int messageLength = messageLength(packet, blockOffset);
                    messages.add(packet.getStringWithoutLengthAscii(blockOffset + 2, messageLength));
                    blockOffset += 2 + messageLength;
                    expectedSequenceNumber++;
                }
                assertEquals(length, blockOffset);
            }
        }

        assertEquals(List.of("one", "two", "three", "one", "two", "three", "one"), messages);
        assertFalse(invoker.isClosed());
    }

    @Test
    void shouldRefuseACaptureWhoseLongestMessageCannotFitInAPacket()
    {
        final BinaryFileCapture capture = smallCapture();
        final FeedSettings settings = FeedSettings.defaults().withMaxPacketLength(HEADER_LENGTH + 2 + 4);

        assertThrows(IllegalArgumentException.class, () -> new MoldUdp64Publisher(
            new MessageStore(capture), settings, feedChannel, LoopbackUdp.address(receiver), clock, counters));
    }

    private MoldUdp64Publisher start(final BinaryFileCapture capture, final FeedSettings settings)
    {
        try
        {
            store = new MessageStore(capture);
            final MoldUdp64Publisher publisher = new MoldUdp64Publisher(
                store, settings, feedChannel, LoopbackUdp.address(receiver), clock, counters);
            invoker = new AgentInvoker(Throwable::printStackTrace, null, publisher);
            invoker.start();

            return publisher;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private int poll()
    {
        try
        {
            received.clear();
            return null == receiver.receive(received) ? 0 : received.position();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static long timestampNs(final BinaryFileCapture capture, final int index)
    {
        long timestampNs = 0;
        for (int i = 0; i < 6; i++)
        {
            timestampNs = (timestampNs << 8) | (capture.buffer().getByte(capture.messageOffset(index) + 5 + i) & 0xFF);
        }

        return timestampNs;
    }

    private void assertMessageEquals(final BinaryFileCapture capture, final int index, final int offset)
    {
        final int messageOffset = capture.messageOffset(index);
        for (int i = 0, length = capture.messageLength(index); i < length; i++)
        {
            if (capture.buffer().getByte(messageOffset + i) != packet.getByte(offset + i))
            {
                fail("message " + index + " differs at byte " + i);
            }
        }
    }

    /** Three text messages in BinaryFILE framing. */
    private static BinaryFileCapture smallCapture()
    {
        final byte[] bytes = { 0, 3, 'o', 'n', 'e', 0, 3, 't', 'w', 'o', 0, 5, 't', 'h', 'r', 'e', 'e' };
        return BinaryFileCapture.index("small", new UnsafeBuffer(bytes), bytes.length);
    }
}
