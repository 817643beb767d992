package corezero.itch;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The receive path allocates nothing after warm-up: MoldUDP64 session, gap detection, request encoding, recovery
 * buffering and draining, retries, giving up, buffer overflow, malformed and foreign packets, and ITCH decoding of
 * every delivered message. Measured with the thread's own allocation counter (ThreadMXBean) over windows of
 * 200,000 simulated feed steps ({@link FeedDriver}), each window exercising every one of those paths.
 */
class MoldUdp64AllocationTest
{
    private static final int WARM_UP_STEPS = 300_000;
    private static final int STEPS_PER_WINDOW = 200_000;
    private static final int MAX_WINDOWS = 10;

    @Test
    void receivePathAllocatesNothingAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        final FeedDriver driver = new FeedDriver(
            20200130L, 4 * 1024, 1_000, 2, 0.01, 0.01, 0.01, 0.02, 0.005, FeedDriver.CORRUPT_FRAMING, 0.2, 40);
        final MoldUdp64Session session = driver.session;
        for (int i = 0; i < WARM_UP_STEPS; i++)
        {
            driver.step();
        }

        // A one-off allocation by the JVM itself (deoptimisation re-materialising objects, a late recompilation)
        // can land in any window; an allocation on the receive path lands in every window, since every window
        // takes every path many times. One clean window therefore proves the point.
        final List<Long> allocatedPerWindow = new ArrayList<>();
        for (int window = 0; window < MAX_WINDOWS; window++)
        {
            final long[] before = snapshot(session);
            final long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < STEPS_PER_WINDOW; i++)
            {
                driver.step();
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            final long[] after = snapshot(session);

            final String exercised = describe(before, after);
            assertTrue(after[0] - before[0] >= STEPS_PER_WINDOW, exercised);
            for (int i = 1; i < after.length; i++)
            {
                assertTrue(after[i] > before[i], "every path taken in the window: " + exercised);
            }
            allocatedPerWindow.add(allocated);
            if (0 == allocated)
            {
                break;
            }
        }

        assertEquals(0, driver.orderViolations);
        assertEquals(0L, allocatedPerWindow.get(allocatedPerWindow.size() - 1),
            "bytes allocated per window of " + STEPS_PER_WINDOW + " steps: " + allocatedPerWindow);
    }

    private static final String[] NAMES =
    {
        "packets", "messages", "gaps", "recovered", "unrecoverable", "overflows", "malformed", "foreign", "duplicates",
        "old packets", "heartbeats", "requests",
    };

    private static long[] snapshot(final MoldUdp64Session session)
    {
        return new long[]
        {
            session.packets(),
            session.messages(),
            session.gapsDetected(),
            session.gapsRecovered(),
            session.gapsUnrecoverable(),
            session.recoveryBufferOverflows(),
            session.truncatedPackets() + session.badBlockLengths(),
            session.sessionMismatches(),
            session.duplicatesDropped(),
            session.oldPacketsDropped(),
            session.heartbeats(),
            session.retransmitRequests(),
        };
    }

    private static String describe(final long[] before, final long[] after)
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++)
        {
            text.append(i > 0 ? ", " : "").append(NAMES[i]).append(' ').append(after[i] - before[i]);
        }

        return text.toString();
    }
}
