package corezero.core;

import corezero.book.OrderBooks;
import corezero.order.OrderState;
import corezero.risk.RiskLimits;
import corezero.strategy.EntryResult;
import corezero.strategy.StrategyContext;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static corezero.core.OrderEntryHarness.AAPL;
import static corezero.core.OrderEntryHarness.ASK;
import static corezero.core.OrderEntryHarness.BID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The order path allocates nothing per order after warm-up: enter (risk gate, order layer, OUCH encode, send),
 * the venue's Accepted and Executed decoded and applied (position, events), cancel, and the Canceled. The fake
 * venue runs on its own thread (it allocates, and is not measured); this thread's allocation counter
 * (ThreadMXBean) is read over windows of rounds.
 */
class OrderEntryAllocationTest
{
    private static final int WARM_UP_ROUNDS = 3_000;
    private static final int ROUNDS_PER_WINDOW = 500;
    private static final int MAX_WINDOWS = 10;

    private final SystemNanoClock clock = new SystemNanoClock();
    private long updates;
    private long fills;

    private final OrderEntry.Events counting = new OrderEntry.Events()
    {
        @Override
        public void onOrderUpdate(
            final int strategySlot, final long userRefNum, final OrderState from, final OrderState to)
        {
            updates++;
        }

        @Override
        public void onFill(
            final int strategySlot, final long userRefNum, final int stockLocate, final byte side, final long shares,
            final long price)
        {
            fills++;
        }
    };

    @Test
    void enterAcceptedExecutedCancelAllocateNothingAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        try (FakeOuchVenue venue = new FakeOuchVenue())
        {
            venue.autoAccept(true);
            venue.executeOnAccept(1);
            venue.autoCancel(true);
            venue.startThread();

            final OrderBooks books = new OrderBooks(1024, 64);
            OrderEntryHarness.aaplBook(books);
            final RiskLimits limits = OrderEntryHarness.permissiveLimits();
            limits.set(RiskLimits.THROTTLE_CAPACITY, 1_000_000);
            limits.set(RiskLimits.THROTTLE_REFILL_PER_SECOND, 1_000_000);
            final OrderEntry entry = new OrderEntry(OrderEntryHarness.settings(venue), limits, 64, 8, 1, books, clock);
            entry.events(counting);
            try
            {
                entry.connect(clock.nanoTime());
                for (int i = 0; i < 100_000 && !(entry.session().isLoggedIn() && entry.lastNextUserRefNum() > 0); i++)
                {
                    entry.poll(clock.nanoTime());
                    LockSupport.parkNanos(50_000);
                }
                assertTrue(entry.session().isLoggedIn());

                for (int i = 0; i < WARM_UP_ROUNDS; i++)
                {
                    round(entry, i);
                }

                final List<Long> allocatedPerWindow = new ArrayList<>();
                for (int window = 0; window < MAX_WINDOWS; window++)
                {
                    final long fillsBefore = fills;
                    final long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
                    for (int i = 0; i < ROUNDS_PER_WINDOW; i++)
                    {
                        round(entry, i);
                    }
                    final long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
                    assertEquals(ROUNDS_PER_WINDOW, fills - fillsBefore);
                    allocatedPerWindow.add(allocated);
                    if (0 == allocated)
                    {
                        break;
                    }
                }

                assertEquals(0, entry.orders().openOrders());
                assertEquals(0, entry.positions().position(0, AAPL), "alternating sides leave the slot flat");
                assertTrue(updates >= 4L * fills, "updates " + updates + " for " + fills + " fills");
                assertEquals(0L, allocatedPerWindow.get(allocatedPerWindow.size() - 1),
                    "bytes allocated per window of " + ROUNDS_PER_WINDOW + " orders: " + allocatedPerWindow);
            }
            finally
            {
                entry.session().close();
            }
        }
    }

    /** Enter 2 shares (the venue accepts and executes 1), cancel the rest, wait for the Canceled. */
    private void round(final OrderEntry entry, final int i)
    {
        final boolean buy = (i & 1) == 0;
        final long ref = entry.enter(
            0, AAPL, buy ? (byte)'B' : (byte)'S', 2, buy ? BID : ASK, StrategyContext.DAY, 0, clock.nanoTime());
        if (ref <= 0)
        {
            fail("enter refused: " + ref);
        }
        awaitState(entry, ref, OrderState.PARTIALLY_FILLED);
        if (EntryResult.OK != entry.cancel(0, ref, clock.nanoTime()))
        {
            fail("cancel refused");
        }
        awaitState(entry, ref, OrderState.NONE);
    }

    private static void awaitState(final OrderEntry entry, final long ref, final OrderState wanted)
    {
        for (int spin = 0; spin < 2_000_000; spin++)
        {
            entry.poll(System.nanoTime());
            if (wanted == entry.orders().state(ref))
            {
                return;
            }
            if (spin > 100)
            {
                LockSupport.parkNanos(5_000);
            }
        }
        fail("order " + ref + " never reached " + wanted + ": " + entry.orders().state(ref));
    }
}
