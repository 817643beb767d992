package corezero.strategy;

import corezero.book.BookView;
import corezero.core.ItchMessages;
import corezero.core.OrderEntryHarness;
import corezero.core.ParamTable;
import corezero.order.OrderState;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static corezero.core.OrderEntryHarness.AAPL;
import static corezero.core.OrderEntryHarness.ASK;
import static corezero.core.OrderEntryHarness.BID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link StrategySlots}: ITCH messages reach the strategies after the books applied them, as book updates and
 * trades with the right locate, shares and price; a strategy that throws is quarantined (its orders cancelled)
 * while the other slots go on; parameters and timers reach the right slot.
 */
class StrategySlotsTest
{
    private final OrderEntryHarness harness = new OrderEntryHarness();
    private final ParamTable params = new ParamTable();
    private long sequence = 100;

    @AfterEach
    void close()
    {
        harness.close();
    }

    @Test
    void itchMessagesBecomeBookUpdatesAndTradesAfterTheBooksApplyThem()
    {
        final StrategySlots slots = new StrategySlots(params, null, harness.books, harness.clock);
        final Recorder recorder = new Recorder();
        assertTrue(slots.start(0, recorder));

        dispatch(slots, ItchMessages.addOrder(AAPL, 10, 'B', 300, "AAPL", BID + 100));
        dispatch(slots, ItchMessages.executed(AAPL, 10, 120, 1));
        dispatch(slots, ItchMessages.executedWithPrice(AAPL, 10, 80, 2, BID + 50));
        dispatch(slots, ItchMessages.cancel(AAPL, 10, 50));
        dispatch(slots, ItchMessages.replace(AAPL, 10, 11, 40, BID - 100));
        dispatch(slots, ItchMessages.delete(AAPL, 11));
        dispatch(slots, ItchMessages.trade(AAPL, 'B', 25, "AAPL", BID + 200, 3));
        dispatch(slots, ItchMessages.tradingAction(AAPL, "AAPL", 'H'));
        dispatch(slots, ItchMessages.addOrder(AAPL, 12, 'S', 7, "AAPL", ASK - 100));
        dispatch(slots, ItchMessages.systemEvent('O'));
        dispatch(slots, ItchMessages.stockDirectory(2, "MSFT"));

        assertEquals(List.of(
            "book 1 bid=" + (BID + 100) + " ask=" + ASK + " seq=101",
            "book 1 bid=" + (BID + 100) + " ask=" + ASK + " seq=102",
            "trade 1 120@" + (BID + 100) + " seq=102",
            "book 1 bid=" + (BID + 100) + " ask=" + ASK + " seq=103",
            "trade 1 80@" + (BID + 50) + " seq=103",
            "book 1 bid=" + (BID + 100) + " ask=" + ASK + " seq=104",
            "book 1 bid=" + BID + " ask=" + ASK + " seq=105",
            "book 1 bid=" + BID + " ask=" + ASK + " seq=106",
            "trade 1 25@" + (BID + 200) + " seq=107",
            "book 1 bid=" + BID + " ask=" + ASK + " seq=108",
            "book 1 bid=" + BID + " ask=" + (ASK - 100) + " seq=109"), recorder.events);
        assertEquals(9, slots.eventCount(0));
        assertEquals(0, slots.context(0).currentSequence(), "no message is being handled");
    }

    @Test
    void aStrategyThatThrowsIsQuarantinedAndTheOtherSlotsGoOn()
    {
        final StrategySlots slots = new StrategySlots(params, null, harness.books, harness.clock);
        final Thrower thrower = new Thrower(3);
        final Recorder recorder = new Recorder();
        assertTrue(slots.start(2, thrower));
        assertTrue(slots.start(5, recorder));

        for (int i = 0; i < 5; i++)
        {
            dispatch(slots, ItchMessages.addOrder(AAPL, 20 + i, 'B', 100, "AAPL", BID - 100 * (i + 1)));
        }

        assertEquals(StrategySlots.QUARANTINED, slots.state(2));
        assertEquals(StrategySlots.LIVE, slots.state(5));
        assertSame(thrower.thrown, slots.fault(2));
        assertEquals(1, slots.faultCount(2));
        assertEquals(3, thrower.updates, "no events after the fault");
        assertTrue(thrower.stopped, "onStop is called on quarantine");
        assertEquals(5, recorder.events.size(), "the other slot saw every update");
        assertEquals(-EntryResult.NOT_OWN_ORDER,
            slots.context(2).enter(AAPL, (byte)'B', 1, BID, StrategyContext.DAY), "a quarantined slot sends nothing");
        assertEquals(-EntryResult.NO_ORDER_ENTRY,
            slots.context(5).enter(AAPL, (byte)'B', 1, BID, StrategyContext.DAY), "no order entry: refused");
        assertEquals(EntryResult.NO_ORDER_ENTRY, slots.context(5).cancel(1));
        assertEquals(0, slots.context(5).position(AAPL));
        assertEquals(OrderState.NONE, slots.context(5).orderState(1));
        assertFalse(slots.start(2, new Recorder()), "a quarantined slot is not empty");
        assertSame(thrower, slots.stop(2));
        assertEquals(StrategySlots.EMPTY, slots.state(2));
        assertTrue(slots.start(2, new Recorder()), "an emptied slot takes a new strategy");
    }

    @Test
    void quarantineCancelsTheSlotsOpenOrdersAndOnlyThose()
    {
        final StrategySlots slots = new StrategySlots(params, harness.entry, harness.books, harness.clock);
        harness.entry.events(slots);
        harness.loginAndReconcile();
        final Thrower thrower = new Thrower(2);
        final Recorder recorder = new Recorder();
        assertTrue(slots.start(0, thrower));
        assertTrue(slots.start(1, recorder));

        dispatch(slots, ItchMessages.addOrder(AAPL, 30, 'B', 100, "AAPL", BID - 100));
        assertTrue(thrower.ref > 0, "the thrower entered an order: " + thrower.ref);
        final long other = slots.context(1).enter(AAPL, (byte)'S', 10, ASK, StrategyContext.DAY);
        assertTrue(other > 0);
        harness.until("the venue gets both orders", () -> harness.venue.received('O').size() == 2);
        harness.venue.accept(thrower.ref);
        harness.venue.accept(other);
        harness.until("both accepted", () -> OrderState.ACCEPTED == harness.entry.orders().state(thrower.ref) &&
            OrderState.ACCEPTED == harness.entry.orders().state(other));
        assertEquals(OrderState.ACCEPTED, slots.context(0).orderState(thrower.ref));
        assertEquals(OrderState.NONE, slots.context(0).orderState(other), "not slot 0's order");
        assertEquals(1, slots.context(0).openOrders());
        assertTrue(recorder.events.contains("order " + other + " PENDING_NEW>ACCEPTED"), recorder.events.toString());

        dispatch(slots, ItchMessages.addOrder(AAPL, 31, 'B', 100, "AAPL", BID - 200));
        assertEquals(StrategySlots.QUARANTINED, slots.state(0));
        assertEquals(OrderState.CANCEL_PENDING, harness.entry.orders().state(thrower.ref));
        assertEquals(OrderState.ACCEPTED, harness.entry.orders().state(other));
        harness.until("the venue gets the cancel", () -> harness.venue.received('X').size() == 1);
        assertEquals(thrower.ref, harness.venue.received('X').get(0).userRefNum);

        // Order events for a quarantined slot go nowhere; a fill still reaches the live slot.
        harness.venue.cancel(thrower.ref, 'U');
        harness.venue.execute(other, 10, ASK);
        harness.until("both finished", () -> OrderState.NONE == harness.entry.orders().state(thrower.ref) &&
            OrderState.NONE == harness.entry.orders().state(other));
        assertTrue(recorder.events.contains("fill " + other + " 1 S 10@" + ASK), recorder.events.toString());
        assertEquals(-10, slots.context(1).position(AAPL));
        assertEquals(1, slots.faultCount(0));
    }

    @Test
    void aThrowInAnOrderEventQuarantinesTheSlot()
    {
        final StrategySlots slots = new StrategySlots(params, harness.entry, harness.books, harness.clock);
        final Strategy failsOnFill = new Recorder()
        {
            @Override
            public void onFill(
                final long userRefNum, final int stockLocate, final byte side, final long shares, final long price)
            {
                throw new IllegalStateException("fill");
            }
        };
        assertTrue(slots.start(4, failsOnFill));
        slots.onOrderUpdate(4, 77, OrderState.PENDING_NEW, OrderState.ACCEPTED);
        assertEquals(StrategySlots.LIVE, slots.state(4));
        slots.onFill(4, 77, AAPL, (byte)'B', 10, BID);
        assertEquals(StrategySlots.QUARANTINED, slots.state(4));
        assertEquals("fill", slots.fault(4).getMessage());
        slots.onFill(-1, 77, AAPL, (byte)'B', 10, BID);
        slots.onOrderUpdate(ParamTable.SLOT_COUNT, 77, OrderState.PENDING_NEW, OrderState.ACCEPTED);
    }

    @Test
    void startRefusesTakenOrBadSlotsAndQuarantinesAStrategyThatThrowsOnStart()
    {
        final StrategySlots slots = new StrategySlots(params, null, harness.books, harness.clock);
        assertTrue(slots.start(0, new Recorder()));
        assertFalse(slots.start(0, new Recorder()));
        assertFalse(slots.start(-1, new Recorder()));
        assertFalse(slots.start(ParamTable.SLOT_COUNT, new Recorder()));
        assertFalse(slots.start(1, null));
        final Strategy failsOnStart = new Recorder()
        {
            @Override
            public void onStart(final StrategyContext context)
            {
                throw new IllegalArgumentException("bad params");
            }
        };
        assertFalse(slots.start(1, failsOnStart));
        assertEquals(StrategySlots.QUARANTINED, slots.state(1));
        assertEquals("bad params", slots.fault(1).getMessage());
        assertNull(slots.stop(7));
        assertEquals(StrategySlots.EMPTY, slots.state(7));
    }

    @Test
    void aSlotReadsItsOwnParameters()
    {
        final StrategySlots slots = new StrategySlots(params, null, harness.books, harness.clock);
        setParam(3, "size", 250);
        setParam(3, "edge-ticks", 2);
        setParam(4, "size", 7);
        setParam(3, "size", 300);

        final StrategyContext three = slots.context(3);
        assertEquals(3, three.slot());
        assertEquals(300, three.param("size", 100));
        assertEquals(2, three.param("edge-ticks", 0));
        assertEquals(-5, three.param("quoting", -5), "never set: the default");
        assertEquals(7, slots.context(4).param("size", 100));
        assertEquals(100, slots.context(5).param("size", 100));
        assertEquals(AAPL, three.locateOf("AAPL"));
        assertEquals(0, three.locateOf("MSFT"));
        assertEquals(BID, three.book(AAPL).bestBidPrice());
        assertEquals(harness.nowNs(), three.nowNs());
    }

    @Test
    void aTimerFiresOnceAtItsDeadlineAndALaterScheduleReplacesIt()
    {
        final StrategySlots slots = new StrategySlots(params, null, harness.books, harness.clock);
        final Recorder early = new Recorder();
        final Recorder late = new Recorder();
        assertTrue(slots.start(0, early));
        assertTrue(slots.start(6, late));
        final long now = harness.nowNs();
        slots.context(0).scheduleTimer(now + 10);
        slots.context(6).scheduleTimer(now + 5);
        slots.context(6).scheduleTimer(now + 20);

        assertEquals(0, slots.onTimer(now + 9));
        assertEquals(1, slots.onTimer(now + 10));
        assertEquals(List.of("timer " + (now + 10)), early.events);
        assertEquals(0, slots.onTimer(now + 15), "fired once; slot 6's first deadline was replaced");
        assertEquals(1, slots.onTimer(now + 25));
        assertEquals(List.of("timer " + (now + 25)), late.events);
        assertEquals(0, slots.onTimer(now + 1_000));

        final Strategy failsOnTimer = new Recorder()
        {
            @Override
            public void onTimer(final long nowNs)
            {
                throw new IllegalStateException("timer");
            }
        };
        assertTrue(slots.start(1, failsOnTimer));
        slots.context(1).scheduleTimer(now);
        assertEquals(1, slots.onTimer(now + 2_000));
        assertEquals(StrategySlots.QUARANTINED, slots.state(1));
        slots.context(1).scheduleTimer(now);
        assertEquals(0, slots.onTimer(now + 3_000), "a quarantined slot's timer never fires");
    }

    private void setParam(final int slot, final String key, final long value)
    {
        final byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
        assertTrue(params.set(slot, new UnsafeBuffer(bytes), 0, bytes.length, value) >= 0);
    }

    private void dispatch(final StrategySlots slots, final byte[] message)
    {
        final UnsafeBuffer buffer = harness.apply(message);
        slots.onMarketMessage(buffer, 0, message.length, ++sequence, harness.nowNs());
        slots.onFrameDone();
    }

    /** Records what it is told, with the feed sequence seen through its context. */
    private static class Recorder implements Strategy
    {
        final List<String> events = new ArrayList<>();
        StrategyContext context;

        @Override
        public void onStart(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onStop()
        {
            events.add("stop");
        }

        @Override
        public void onBookUpdate(final int stockLocate, final BookView book)
        {
            events.add("book " + stockLocate + " bid=" + book.bestBidPrice() + " ask=" + book.bestAskPrice() +
                " seq=" + context.currentSequence());
        }

        @Override
        public void onTrade(final int stockLocate, final long shares, final long price)
        {
            events.add("trade " + stockLocate + " " + shares + "@" + price + " seq=" + context.currentSequence());
        }

        @Override
        public void onOrderUpdate(final long userRefNum, final OrderState from, final OrderState to)
        {
            events.add("order " + userRefNum + " " + from + ">" + to);
        }

        @Override
        public void onFill(
            final long userRefNum, final int stockLocate, final byte side, final long shares, final long price)
        {
            events.add("fill " + userRefNum + " " + stockLocate + " " + (char)side + " " + shares + "@" + price);
        }

        @Override
        public void onTimer(final long nowNs)
        {
            events.add("timer " + nowNs);
        }
    }

    /** Enters one order on its first book update, throws on its Nth. */
    private static final class Thrower implements Strategy
    {
        private final int throwOn;
        private StrategyContext context;
        int updates;
        long ref;
        boolean stopped;
        RuntimeException thrown;

        Thrower(final int throwOn)
        {
            this.throwOn = throwOn;
        }

        @Override
        public void onStart(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onStop()
        {
            stopped = true;
        }

        @Override
        public void onBookUpdate(final int stockLocate, final BookView book)
        {
            updates++;
            if (1 == updates)
            {
                ref = context.enter(stockLocate, (byte)'B', 100, book.bestBidPrice(), StrategyContext.DAY);
            }
            if (throwOn == updates)
            {
                thrown = new IllegalStateException("update " + updates);
                throw thrown;
            }
        }
    }
}
