package corezero.venue;

import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.CachedNanoClock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The feed's duty cycle allocates nothing after warm-up: packing into nassau's packet, nassau's header, sending,
 * pacing by rate or by the capture's timing, simulated loss, heartbeats and counters.
 */
@Timeout(60)
class MoldUdp64PublisherAllocationTest
{
    private static final int WARM_UP_ROUNDS = 20_000;
    private static final int ROUNDS_PER_WINDOW = 5_000;
    private static final int MAX_WINDOWS = 10;

    @Test
    void shouldNotAllocateInTheSendLoop() throws IOException
    {
        assertNoAllocation(
            FeedSettings.defaults().withMessagesPerSecond(100_000).withLoop(true).withHeartbeatIntervalNs(1), 100);
    }

    @Test
    void shouldNotAllocateReplayingTheCapturesTimingWithSimulatedLoss() throws IOException
    {
        // At x1000 with gaps capped at 10 us, a round's 1 ms holds at least 100 messages; every 7th packet is lost.
        assertNoAllocation(FeedSettings.defaults()
            .withOriginalTiming(1_000, TimeUnit.MICROSECONDS.toNanos(10))
            .withLoop(true)
            .withHeartbeatIntervalNs(1)
            .withLoss(7, 5_000), -1);
    }

    /**
     * @param expectedMessagesPerRound messages each round sends, or -1 for at least one.
     */
    private static void assertNoAllocation(final FeedSettings settings, final long expectedMessagesPerRound)
        throws IOException
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assumeAllocationCounting(threads);

        final BinaryFileCapture capture = BinaryFileCapture.load(SharedData.aaplCapture());
        final CachedNanoClock clock = new CachedNanoClock();
        final VenueSimCounters counters = new VenueSimCounters();

        // The receiver is never read: once its buffer is full the kernel drops what arrives, and sends still succeed.
        try (DatagramChannel receiver = LoopbackUdp.bind();
            DatagramChannel feedChannel = LoopbackUdp.bind())
        {
            final MoldUdp64Publisher publisher = new MoldUdp64Publisher(
                new MessageStore(capture),
                settings,
                feedChannel,
                LoopbackUdp.address(receiver),
                clock,
                counters);
            final AgentInvoker invoker = new AgentInvoker(Throwable::printStackTrace, null, publisher);
            invoker.start();

            runRounds(invoker, clock, WARM_UP_ROUNDS);

            // A one-off allocation by the JVM itself (a late JIT recompilation or deoptimisation) can land in any
            // window; an allocation per event lands in every window. One clean window therefore proves the point.
            final List<Long> allocatedPerWindow = new ArrayList<>();
            for (int window = 0; window < MAX_WINDOWS; window++)
            {
                final long messagesBefore = counters.messagesSent.get();
                final long heartbeatsBefore = counters.heartbeatsSent.get();
                final long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
                runRounds(invoker, clock, ROUNDS_PER_WINDOW);
                final long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

                final long messages = counters.messagesSent.get() - messagesBefore;
                final long heartbeats = counters.heartbeatsSent.get() - heartbeatsBefore;
                if (expectedMessagesPerRound > 0)
                {
                    assertEquals(expectedMessagesPerRound * ROUNDS_PER_WINDOW, messages, 100);
                    assertEquals(ROUNDS_PER_WINDOW, heartbeats, 100);
                }
                else
                {
                    assertTrue(messages >= ROUNDS_PER_WINDOW && heartbeats > 0, messages + " messages, " + heartbeats);
                }
                allocatedPerWindow.add(allocated);
                if (0 == allocated)
                {
                    break;
                }
            }

            assertEquals(0L, allocatedPerWindow.get(allocatedPerWindow.size() - 1),
                "bytes allocated per window of " + 2 * ROUNDS_PER_WINDOW + " duty cycles: " + allocatedPerWindow);
            invoker.close();
        }
    }

    /**
     * A round is two duty cycles: after 1 ms, messages are due and go out in packets (100 at 100,000 a second);
     * 1 ns later nothing is due and the feed has been idle for longer than the 1 ns heartbeat interval, so a
     * heartbeat goes out.
     */
    private static void runRounds(final AgentInvoker invoker, final CachedNanoClock clock, final int rounds)
    {
        for (int i = 0; i < rounds; i++)
        {
            clock.advance(TimeUnit.MILLISECONDS.toNanos(1));
            invoker.invoke();
            clock.advance(1);
            invoker.invoke();
        }
    }

    private static void assumeAllocationCounting(final com.sun.management.ThreadMXBean threads)
    {
        Assumptions.assumeTrue(
            threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
            "per-thread allocation counting is not available on this JVM");
    }
}
