package corezero.strategy;

import corezero.book.BookView;
import corezero.core.ItchMessages;
import corezero.core.OrderEntryHarness;
import corezero.core.ParamTable;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static corezero.core.OrderEntryHarness.AAPL;
import static corezero.core.OrderEntryHarness.BID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Strategy changes applied by the slots between two events: swap with state carried over, rollback, pause and
 * resume, unload, and versions that fail during the change.
 */
class StrategyChangeTest
{
    private final OrderEntryHarness harness = new OrderEntryHarness();
    private final ParamTable params = new ParamTable();
    private final StrategySlots slots = new StrategySlots(params, null, harness.books, harness.clock);
    private final List<String> log = new ArrayList<>();
    private long sequence;
    private long orderRef = 100;

    @AfterEach
    void close()
    {
        harness.close();
    }

    @Test
    void aSwapCarriesTheStateOverAtAnEventBoundaryAndRollbackComesBack()
    {
        final Counter v1 = new Counter("v1", log);
        apply(new StrategyChange(StrategyChange.SWAP, 0, v1, StrategyChange.CANCEL_ORDERS), StrategyChange.OK);
        update();
        update();
        assertEquals(2, v1.count);

        final Counter v2 = new Counter("v2", log);
        final StrategyChange swap = apply(
            new StrategyChange(StrategyChange.SWAP, 0, v2, StrategyChange.HAND_OVER_ORDERS), StrategyChange.OK);
        assertSame(v1, swap.previous());
        assertTrue(swap.applyNanos() > 0, "the stall is measured");
        assertEquals(8, swap.stateBytes());
        assertEquals(2, v2.count, "the count carried over");
        update();
        assertEquals(3, v2.count);
        assertEquals(2, v1.count, "the old version gets nothing after the swap");
        assertSame(v1, slots.previous(0));
        assertEquals(List.of("v1 start", "v1 update", "v1 update", "v1 stop", "v2 start", "v2 update"), log);

        final StrategyChange rollback = apply(
            new StrategyChange(StrategyChange.ROLLBACK, 0, null, StrategyChange.CANCEL_ORDERS), StrategyChange.OK);
        assertSame(v2, rollback.previous());
        assertSame(v1, slots.strategy(0));
        assertEquals(3, v1.count, "state carried back too");
        assertSame(v2, slots.previous(0), "a second rollback would go forward again");
    }

    @Test
    void pauseStopsMarketDataUntilResumeAndUnloadEmptiesTheSlot()
    {
        final Counter v1 = new Counter("v1", log);
        apply(new StrategyChange(StrategyChange.SWAP, 3, v1, StrategyChange.CANCEL_ORDERS), StrategyChange.OK);
        apply(new StrategyChange(StrategyChange.PAUSE, 3, null, 0), StrategyChange.OK);
        assertEquals(StrategySlots.PAUSED, slots.state(3));
        update();
        assertEquals(0, v1.count, "paused: no market data");
        apply(new StrategyChange(StrategyChange.PAUSE, 3, null, 0), StrategyChange.WRONG_STATE);
        apply(new StrategyChange(StrategyChange.RESUME, 3, null, 0), StrategyChange.OK);
        update();
        assertEquals(1, v1.count);

        final StrategyChange unload = apply(new StrategyChange(StrategyChange.UNLOAD, 3, null, 0), StrategyChange.OK);
        assertSame(v1, unload.previous());
        assertEquals(StrategySlots.EMPTY, slots.state(3));
        assertNull(slots.strategy(3));
        assertTrue(log.contains("v1 stop"));
        apply(new StrategyChange(StrategyChange.UNLOAD, 3, null, 0), StrategyChange.WRONG_STATE);
        apply(new StrategyChange(StrategyChange.ROLLBACK, 3, null, StrategyChange.CANCEL_ORDERS), StrategyChange.OK);
        assertSame(v1, slots.strategy(3), "an unloaded version can be brought back");
    }

    @Test
    void aVersionThatFailsDuringTheChangeIsReportedAndTheSlotStaysSane()
    {
        final Counter v1 = new Counter("v1", log);
        apply(new StrategyChange(StrategyChange.SWAP, 0, v1, StrategyChange.CANCEL_ORDERS), StrategyChange.OK);
        update();

        final Counter badLoad = new Counter("bad-load", log);
        badLoad.failLoad = true;
        final StrategyChange refused = apply(
            new StrategyChange(StrategyChange.SWAP, 0, badLoad, StrategyChange.CANCEL_ORDERS),
            StrategyChange.STATE_TRANSFER_FAILED);
        assertTrue(refused.failure() instanceof IllegalStateException);
        assertSame(v1, slots.strategy(0), "nothing changed: the old version keeps trading");
        update();
        assertEquals(2, v1.count);

        final Counter badStart = new Counter("bad-start", log);
        badStart.failStart = true;
        final StrategyChange failed = apply(
            new StrategyChange(StrategyChange.SWAP, 0, badStart, StrategyChange.CANCEL_ORDERS),
            StrategyChange.START_FAILED);
        assertTrue(failed.failure() instanceof IllegalStateException);
        assertEquals(StrategySlots.QUARANTINED, slots.state(0));
        apply(new StrategyChange(StrategyChange.ROLLBACK, 0, null, StrategyChange.CANCEL_ORDERS), StrategyChange.OK);
        assertSame(v1, slots.strategy(0), "rolled back out of quarantine");
        assertEquals(StrategySlots.LIVE, slots.state(0));

        apply(new StrategyChange(StrategyChange.SWAP, 8, v1, StrategyChange.CANCEL_ORDERS), StrategyChange.BAD_SLOT);
        apply(new StrategyChange(StrategyChange.SWAP, 1, null, StrategyChange.CANCEL_ORDERS),
            StrategyChange.BAD_CHANGE);
        apply(new StrategyChange(StrategyChange.ROLLBACK, 2, null, StrategyChange.CANCEL_ORDERS),
            StrategyChange.WRONG_STATE);
    }

    @Test
    void aVersionSwappedInWithRollbackOnFaultIsReplacedByItsPredecessorWhenItThrows()
    {
        final Counter v1 = new Counter("v1", log);
        apply(new StrategyChange(StrategyChange.SWAP, 0, v1, StrategyChange.CANCEL_ORDERS), StrategyChange.OK);
        update();
        final Counter v2 = new Counter("v2", log);
        v2.throwOnUpdate = 2;
        apply(new StrategyChange(StrategyChange.SWAP, 0, v2, StrategyChange.CANCEL_ORDERS).rollbackOnFault(),
            StrategyChange.OK);
        update();
        update();

        assertSame(v1, slots.strategy(0), "the predecessor is back at the event boundary of the fault");
        assertEquals(StrategySlots.LIVE, slots.state(0));
        assertEquals(1, slots.rollbacksOnFault(0));
        assertTrue(slots.fault(0) instanceof IllegalStateException, "the fault is kept for the REPL");
        assertSame(v2, slots.previous(0));
        assertEquals(0, v1.count, "the predecessor starts without the faulty version's state");
        update();
        assertEquals(1, v1.count, "and trades on");

        final Counter v3 = new Counter("v3", log);
        v3.throwOnUpdate = 1;
        apply(new StrategyChange(StrategyChange.SWAP, 0, v3, StrategyChange.CANCEL_ORDERS), StrategyChange.OK);
        update();
        assertEquals(StrategySlots.QUARANTINED, slots.state(0), "without the option a fault quarantines");
    }

    private StrategyChange apply(final StrategyChange change, final int expectedOutcome)
    {
        slots.apply(change);
        assertEquals(expectedOutcome, change.outcome(), StrategyChange.describe(change.outcome()));
        return change;
    }

    private void update()
    {
        final byte[] message = ItchMessages.addOrder(AAPL, orderRef++, 'B', 100, "AAPL", BID);
        final UnsafeBuffer buffer = harness.apply(message);
        slots.onMarketMessage(buffer, 0, message.length, ++sequence, harness.nowNs());
        slots.onFrameDone();
    }

    /** Counts book updates; the count is its state. */
    private static final class Counter implements Strategy
    {
        final String name;
        final List<String> log;
        long count;
        boolean failLoad;
        boolean failStart;
        long throwOnUpdate;
        long startCount;

        Counter(final String name, final List<String> log)
        {
            this.name = name;
            this.log = log;
        }

        public void onStart(final StrategyContext context)
        {
            if (failStart)
            {
                throw new IllegalStateException(name + " cannot start");
            }
            log.add(name + " start");
            startCount = count;
        }

        public void onStop()
        {
            log.add(name + " stop");
        }

        public int saveState(final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, count);
            return Long.BYTES;
        }

        public void loadState(final DirectBuffer buffer, final int offset, final int length)
        {
            if (failLoad)
            {
                throw new IllegalStateException(name + " cannot read the state");
            }
            count = length == Long.BYTES ? buffer.getLong(offset) : 0;
        }

        public void onBookUpdate(final int stockLocate, final BookView book)
        {
            count++;
            log.add(name + " update");
            if (throwOnUpdate > 0 && count - startCount == throwOnUpdate)
            {
                throw new IllegalStateException(name + " broken on its update " + throwOnUpdate);
            }
        }
    }
}
