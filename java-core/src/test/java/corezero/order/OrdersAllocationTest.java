package corezero.order;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order path allocates nothing after warm-up: sends, every venue event, replaces, broken trades, the reject
 * paths (unknown, finished, illegal, pool exhausted), open-order walks and position reads, measured with this
 * thread's allocation counter (ThreadMXBean) over two million events after two million of warm-up. The driver
 * is primitive only: an xorshift generator and an array of recent UserRefNums.
 */
class OrdersAllocationTest
{
    private static final int WARM_UP_EVENTS = 2_000_000;
    private static final int MEASURED_EVENTS = 2_000_000;
    private static final int MAX_ORDERS = 256;
    private static final int LOCATES = 6;

    private long checksum;
    private final Positions positions = new Positions(4, 16);
    private final Orders orders = new Orders(MAX_ORDERS, 1_024, 1, positions, (ref, slot, from, to) -> checksum++);
    private final long[] recent = new long[512];
    private final long[] resultCounts = new long[OrderResult.COUNT];
    private final OpenOrderConsumer canceller = this::cancel;
    private int recentCount;
    private long seed = 0x2545_F491_4F6C_DD1DL;
    private long now;
    private long match;

    @Test
    void orderEventsAllocateZeroBytesAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        run(WARM_UP_EVENTS);
        final long before = threads.getCurrentThreadAllocatedBytes();
        run(MEASURED_EVENTS);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        System.out.printf("allocation: %,d bytes over %,d order events, %,d open at the end%n",
            allocated, MEASURED_EVENTS, orders.openOrders());
        for (final int needed : new int[] {
            OrderResult.OK, OrderResult.UNKNOWN_ORDER, OrderResult.ORDER_NOT_LIVE, OrderResult.ILLEGAL_TRANSITION,
            OrderResult.POOL_EXHAUSTED, OrderResult.OVERFILL, OrderResult.UNKNOWN_MATCH})
        {
            assertTrue(resultCounts[needed] > 0, "never exercised: " + OrderResult.describe(needed));
        }
        assertTrue(checksum != 0);
        assertEquals(0L, allocated, "bytes allocated over " + MEASURED_EVENTS + " order events");
    }

    private void run(final int events)
    {
        for (int i = 0; i < events; i++)
        {
            now += 10;
            final long ref = recentCount == 0 || next(50) == 0 ? next(1_000_000) : recent[next(recentCount)];
            final int roll = next(100);
            final long result;
            if (roll < 20)
            {
                final long sent = orders.onNewOrderSent(
                    next(4), 1 + next(LOCATES), next(2) == 0 ? (byte)'B' : (byte)'S', 1 + next(500), price(), now);
                remember(sent);
                result = sent > 0 ? 0 : -sent;
            }
            else if (roll < 35)
            {
                result = orders.onAccepted(ref, now, 1 + next(500), price(), now);
            }
            else if (roll < 38)
            {
                result = orders.onRejected(ref, 'X', now);
            }
            else if (roll < 58)
            {
                result = orders.onExecuted(ref, 1 + next(300), price(), ++match, now);
            }
            else if (roll < 66)
            {
                result = orders.onCanceled(ref, 1 + next(300), (byte)'U', now);
            }
            else if (roll < 72)
            {
                result = orders.onCancelRequested(ref, now);
            }
            else if (roll < 74)
            {
                result = orders.onCancelReject(ref, now);
            }
            else if (roll < 80)
            {
                final long replacement = orders.onReplaceRequested(ref, 1 + next(500), price(), now);
                remember(replacement);
                result = replacement > 0 ? 0 : -replacement;
            }
            else if (roll < 88)
            {
                final long replacement = orders.nextUserRefNum() - 1 - next(3);
                result = orders.onReplaced(ref, replacement, now, 1 + next(100), price(), now);
            }
            else if (roll < 91)
            {
                result = orders.onModified(ref, (byte)'B', next(100), now);
            }
            else if (roll < 93)
            {
                result = orders.onRestated(ref, (byte)'R', now);
            }
            else if (roll < 96)
            {
                result = orders.onBrokenTrade(ref, match - next(20), (byte)'E', now);
            }
            else if (roll < 97)
            {
                result = orders.forEachOpen(canceller) >= 0 ? 0 : 1;
            }
            else
            {
                final int locate = 1 + next(LOCATES);
                checksum += orders.position(locate) + orders.openBuyQuantity(locate) + orders.openSellQuantity(locate) +
                    orders.openOrders() + positions.totalPnl(locate, price()) + positions.averageCost(locate) +
                    orders.state(ref).ordinal();
                result = 0;
            }
            resultCounts[(int)result]++;
        }
    }

    private void cancel(
        final long userRefNum, final int strategySlot, final int stockLocate, final byte side, final long openQuantity,
        final long price, final OrderState state)
    {
        if (next(4) == 0)
        {
            orders.onCancelRequested(userRefNum, now);
        }
    }

    private void remember(final long ref)
    {
        if (ref > 0)
        {
            if (recentCount < recent.length)
            {
                recent[recentCount++] = ref;
            }
            else
            {
                recent[next(recent.length)] = ref;
            }
        }
    }

    private long price()
    {
        return 1_000_000 + 100L * next(100);
    }

    private int next(final int bound)
    {
        seed ^= seed << 13;
        seed ^= seed >>> 7;
        seed ^= seed << 17;
        return (int)((seed >>> 33) % bound);
    }
}
