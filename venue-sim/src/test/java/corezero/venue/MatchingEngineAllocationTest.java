package corezero.venue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static corezero.venue.MatchingEngine.BUY;
import static corezero.venue.MatchingEngine.DAY;
import static corezero.venue.MatchingEngine.IMMEDIATE_OR_CANCEL;
import static corezero.venue.MatchingEngine.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Once its pools and maps have grown, the engine allocates nothing per operation: enters that rest and that sweep,
 * IOC, partial and full cancels, replaces that keep and lose priority. Each cycle ends with the books empty, so the
 * state the pools must cover is bounded.
 */
@Timeout(60)
class MatchingEngineAllocationTest
{
    private static final int OPERATIONS_PER_CYCLE = 500;
    private static final int WARM_UP_CYCLES = 2_000;
    private static final int CYCLES_PER_WINDOW = 200;
    private static final int MAX_WINDOWS = 10;

    private static final class CountingListener implements MatchingListener
    {
        long events;
        long executions;

        @Override
        public void onAccepted(
            final long orderId, final int locate, final byte side, final long qty, final long price, final byte tif)
        {
            events++;
        }

        @Override
        public void onRejected(final long orderId, final int reason)
        {
            events++;
        }

        @Override
        public void onExecuted(
            final long restingOrderId, final long aggressorOrderId, final long qty, final long price, final long match)
        {
            executions++;
        }

        @Override
        public void onCanceled(final long orderId, final long qty, final byte reason)
        {
            events++;
        }

        @Override
        public void onReplaced(final long orderId, final long newOrderId, final long qty, final long price)
        {
            events++;
        }

        @Override
        public void onBookAdd(final long orderId, final int locate, final byte side, final long qty, final long price)
        {
            events++;
        }

        @Override
        public void onBookExecute(
            final long orderId, final int locate, final long qty, final long price, final long matchNumber)
        {
            events++;
        }

        @Override
        public void onBookCancel(final long orderId, final int locate, final long qty)
        {
            events++;
        }

        @Override
        public void onBookDelete(final long orderId, final int locate)
        {
            events++;
        }

        @Override
        public void onBookReplace(
            final long orderId, final long newOrderId, final int locate, final long qty, final long price)
        {
            events++;
        }
    }

    private final SplittableRandom random = new SplittableRandom(42);
    private final CountingListener listener = new CountingListener();
    private final MatchingEngine engine = new MatchingEngine(listener);
    private long nextOrderId = 1;

    @Test
    void shouldNotAllocatePerOperationAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(
            threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
            "per-thread allocation counting is not available on this JVM");

        runCycles(WARM_UP_CYCLES);

        // As in MoldUdp64PublisherAllocationTest: a one-off JVM allocation can land in any window, an allocation
        // per operation lands in every one, so one clean window proves the point.
        final List<Long> allocatedPerWindow = new ArrayList<>();
        for (int window = 0; window < MAX_WINDOWS; window++)
        {
            final long executionsBefore = listener.executions;
            final long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            runCycles(CYCLES_PER_WINDOW);
            final long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            assertTrue(listener.executions - executionsBefore > CYCLES_PER_WINDOW, "executions");
            allocatedPerWindow.add(allocated);
            if (0 == allocated)
            {
                break;
            }
        }

        assertEquals(0L, allocatedPerWindow.get(allocatedPerWindow.size() - 1),
            "bytes allocated per window of " + CYCLES_PER_WINDOW * OPERATIONS_PER_CYCLE + " operations: " +
            allocatedPerWindow);
    }

    private void runCycles(final int cycles)
    {
        for (int cycle = 0; cycle < cycles; cycle++)
        {
            final long firstOrderId = nextOrderId;
            for (int operation = 0; operation < OPERATIONS_PER_CYCLE; operation++)
            {
                final int kind = random.nextInt(10);
                final long someOrderId = firstOrderId + random.nextLong(nextOrderId - firstOrderId + 1);
                final long price = 10_0000 + 100L * (random.nextInt(11) - 5);
                if (kind < 5)
                {
                    engine.enter(nextOrderId++, 1 + random.nextInt(2), random.nextBoolean() ? BUY : SELL,
                        1 + random.nextInt(500), price, random.nextInt(4) == 0 ? IMMEDIATE_OR_CANCEL : DAY, operation);
                }
                else if (kind < 7)
                {
                    engine.cancel(someOrderId, random.nextInt(3) == 0 ? 0 : random.nextInt(200));
                }
                else
                {
                    final long openQty = engine.openQty(someOrderId);
                    final boolean keepPriority = random.nextBoolean() && openQty > 1;
                    engine.replace(someOrderId, nextOrderId++, keepPriority ? openQty - 1 : 1 + random.nextInt(500),
                        keepPriority ? engine.openPrice(someOrderId) : price);
                }
            }

            for (long orderId = firstOrderId; orderId < nextOrderId; orderId++)
            {
                if (engine.openQty(orderId) > 0)
                {
                    engine.cancel(orderId, 0);
                }
            }
            assertEquals(0, engine.openOrderCount());
        }
    }
}
