package corezero.strategy;

import corezero.book.BookView;
import corezero.book.ItchBookAdapter;
import corezero.book.OrderBooks;
import corezero.core.ItchMessages;
import corezero.core.OrderEntryHarness;
import corezero.core.ParamTable;
import corezero.itch.ItchDecoder;
import corezero.order.OrderState;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample strategy against a context this test controls (the book, parameters and their version, position and
 * order states are set by hand; orders and cancels are recorded), and once end to end through {@link StrategySlots},
 * {@link corezero.core.OrderEntry} and a fake venue.
 */
class TouchQuoterTest
{
    private static final int AAPL = 1;
    private static final long BID = 1_000_000;
    private static final long ASK = 1_001_000;

    private final OrderBooks books = new OrderBooks(1024, 64);
    private final ItchBookAdapter adapter = new ItchBookAdapter(books);
    private final ItchDecoder decoder = new ItchDecoder();
    private final FakeContext context = new FakeContext();
    private final TouchQuoter quoter = new TouchQuoter("AAPL");
    private long itchRef = 100;
    private boolean started;

    @Test
    void quotesBothSidesAtTheTouchOnceAndNotBeforeTheBookHasBothSides()
    {
        start();
        assertEquals(0, quoter.locate(), "no Stock Directory yet");
        apply(ItchMessages.stockDirectory(AAPL, "AAPL"));
        add('B', BID);
        assertEquals(AAPL, quoter.locate(), "found on the first update after the Stock Directory");
        assertEquals(List.of(), context.sent, "one side only: no quote");

        add('S', ASK);
        assertEquals(List.of("enter B 100@" + BID + " DAY", "enter S 100@" + ASK + " DAY"), context.sent);
        assertEquals(2, quoter.quotesSent());

        add('B', BID - 100);
        add('S', ASK + 100);
        assertEquals(2, context.sent.size(), "the touch did not move: the quotes stay");
    }

    @Test
    void holdsBackWhileTheGateIsNotActiveAndQuotesAgainAfter()
    {
        start();
        context.tradingState = corezero.risk.TradingState.HALTED;
        apply(ItchMessages.stockDirectory(AAPL, "AAPL"));
        add('B', BID);
        add('S', ASK);
        assertEquals(List.of(), context.sent, "halted: no order is tried");

        context.tradingState = corezero.risk.TradingState.REDUCING;
        add('B', BID - 100);
        assertEquals(List.of(), context.sent, "reducing: a flat quoter adds nothing");
        context.position = 100;
        add('B', BID - 200);
        assertEquals(List.of("enter S 100@" + ASK + " DAY"), context.sent, "reducing a long: only the sell");

        context.position = 0;
        context.tradingState = corezero.risk.TradingState.ACTIVE;
        add('S', ASK + 100);
        assertEquals(List.of("enter S 100@" + ASK + " DAY", "enter B 100@" + BID + " DAY"), context.sent);
    }

    @Test
    void aMovedTouchCancelsTheQuoteAndTheNextUpdateAfterTheCancelRequotes()
    {
        bookWithBothSides();
        final long buy = context.refOf("enter B 100@" + BID + " DAY");
        context.states.put(buy, OrderState.ACCEPTED);
        context.sent.clear();

        add('B', BID + 100);
        assertEquals(List.of("cancel " + buy), context.sent);
        add('B', BID + 200);
        assertEquals(List.of("cancel " + buy), context.sent, "one cancel while it is pending");

        context.states.put(buy, OrderState.NONE);
        quoter.onOrderUpdate(buy, OrderState.CANCEL_PENDING, OrderState.CANCELED);
        add('S', ASK + 500);
        assertEquals(List.of("cancel " + buy, "enter B 100@" + (BID + 200) + " DAY"), context.sent,
            "re-quoted at the new touch; the sell's touch did not move");
    }

    @Test
    void aRefusedCancelLetsTheQuoteBeMovedAgain()
    {
        bookWithBothSides();
        context.states.put(1L, OrderState.ACCEPTED);
        context.sent.clear();
        add('B', BID + 100);
        assertEquals(List.of("cancel 1"), context.sent);

        context.states.put(1L, OrderState.ACCEPTED);
        quoter.onOrderUpdate(1, OrderState.CANCEL_PENDING, OrderState.ACCEPTED);
        add('B', BID + 200);
        assertEquals(List.of("cancel 1", "cancel 1"), context.sent, "the live quote is cancelled again");
    }

    @Test
    void aQuoteStillPendingIsNotCancelledUntilAccepted()
    {
        bookWithBothSides();
        context.sent.clear();
        add('B', BID + 100);
        assertEquals(List.of(), context.sent, "PENDING_NEW cannot be cancelled");
        final long buy = 1;
        context.states.put(buy, OrderState.ACCEPTED);
        add('B', BID + 100);
        assertEquals(List.of("cancel " + buy), context.sent);
    }

    @Test
    void maxInventoryStopsTheSideThatWouldGoPastIt()
    {
        start();
        setParam("max-inventory", 300);
        setParam("size", 100);
        context.position = 250;
        bookWithBothSides();
        assertEquals(List.of("enter S 100@" + ASK + " DAY"), context.sent, "a buy fill would make 350");

        context.sent.clear();
        context.position = -200;
        add('B', BID - 300);
        assertEquals(List.of("enter B 100@" + BID + " DAY"), context.sent, "long side open again");

        final long buy = context.refOf("enter B 100@" + BID + " DAY");
        context.states.put(buy, OrderState.ACCEPTED);
        context.sent.clear();
        context.position = 201;
        add('B', BID - 400);
        assertEquals(List.of("cancel " + buy), context.sent, "the quote is pulled once it could breach");
    }

    @Test
    void edgeTicksQuoteBehindTheTouchAndQuotingZeroPullsEverything()
    {
        start();
        setParam("edge-ticks", 3);
        bookWithBothSides();
        assertEquals(List.of("enter B 100@" + (BID - 300) + " DAY", "enter S 100@" + (ASK + 300) + " DAY"),
            context.sent);

        context.states.put(1L, OrderState.ACCEPTED);
        context.states.put(2L, OrderState.PARTIALLY_FILLED);
        context.sent.clear();
        setParam("quoting", 0);
        add('B', BID - 500);
        assertEquals(List.of("cancel 1", "cancel 2"), context.sent);
        context.sent.clear();
        add('B', BID - 600);
        assertEquals(List.of(), context.sent, "not quoting, nothing more to cancel");
    }

    @Test
    void parametersAreReadAgainOnlyWhenTheirVersionChanges()
    {
        context.version = 1;
        setParam("size", 100);
        bookWithBothSides();
        context.states.put(1L, OrderState.ACCEPTED);
        context.states.put(2L, OrderState.ACCEPTED);
        context.sent.clear();

        setParam("size", 40);
        add('B', BID + 100);
        finishCancel(1);
        add('B', BID + 100);
        assertEquals(List.of("cancel 1", "enter B 100@" + (BID + 100) + " DAY"), context.sent,
            "same version: the size read before is kept");

        context.states.put(3L, OrderState.ACCEPTED);
        context.sent.clear();
        context.version = 2;
        add('B', BID + 200);
        finishCancel(3);
        add('B', BID + 200);
        assertEquals(List.of("cancel 3", "enter B 40@" + (BID + 200) + " DAY"), context.sent);
    }

    @Test
    void aStaleBookPullsTheQuotes()
    {
        bookWithBothSides();
        context.states.put(1L, OrderState.ACCEPTED);
        context.states.put(2L, OrderState.ACCEPTED);
        context.sent.clear();
        books.markAllStale(true, 0);
        add('B', BID - 700);
        assertEquals(List.of("cancel 1", "cancel 2"), context.sent);
    }

    @Test
    void probeEverySendsAnIocForOneShareAtTheBidTaggedWithTheTriggerSequence()
    {
        start();
        setParam("probe-every", 3);
        setParam("quoting", 0);
        apply(ItchMessages.stockDirectory(AAPL, "AAPL"));
        add('B', BID);
        add('S', ASK);
        context.sequence = 777;
        add('S', ASK + 100);
        assertEquals(List.of("enter B 1@" + BID + " IOC seq=777"), context.sent);
        context.sequence = 778;
        add('S', ASK + 200);
        add('S', ASK + 300);
        context.sequence = 780;
        add('S', ASK + 400);
        assertEquals(List.of("enter B 1@" + BID + " IOC seq=777", "enter B 1@" + BID + " IOC seq=780"),
            context.sent);
        assertEquals(2, quoter.probesSent());
    }

    @Test
    void endToEndTheQuotesReachTheVenueAndFollowTheTouch()
    {
        try (OrderEntryHarness harness = new OrderEntryHarness())
        {
            final StrategySlots slots = new StrategySlots(
                new ParamTable(), harness.entry, harness.books, harness.clock);
            harness.entry.events(slots);
            harness.loginAndReconcile();
            final TouchQuoter live = new TouchQuoter("AAPL");
            assertTrue(slots.start(0, live));
            assertEquals(OrderEntryHarness.AAPL, live.locate());

            long sequence = 1;
            dispatch(harness, slots, ItchMessages.addOrder(OrderEntryHarness.AAPL, 50, 'B', 10, "AAPL",
                OrderEntryHarness.BID - 100), sequence++);
            harness.until("both quotes at the venue", () -> harness.venue.received('O').size() == 2);
            assertEquals('B', harness.venue.received('O').get(0).side);
            assertEquals(OrderEntryHarness.BID, harness.venue.received('O').get(0).price);
            assertEquals('S', harness.venue.received('O').get(1).side);
            assertEquals(OrderEntryHarness.ASK, harness.venue.received('O').get(1).price);
            final long buy = harness.venue.received('O').get(0).userRefNum;
            harness.venue.accept(buy);
            harness.venue.accept(harness.venue.received('O').get(1).userRefNum);
            harness.until("accepted", () -> OrderState.ACCEPTED == harness.entry.orders().state(buy));

            // The bid moves up a cent: cancel, then (once cancelled) a new buy at the new bid.
            dispatch(harness, slots, ItchMessages.addOrder(OrderEntryHarness.AAPL, 51, 'B', 10, "AAPL",
                OrderEntryHarness.BID + 100), sequence++);
            harness.until("the cancel at the venue", () -> harness.venue.received('X').size() == 1);
            assertEquals(buy, harness.venue.received('X').get(0).userRefNum);
            harness.venue.cancel(buy, 'U');
            harness.until("cancelled", () -> OrderState.NONE == harness.entry.orders().state(buy));
            dispatch(harness, slots, ItchMessages.addOrder(OrderEntryHarness.AAPL, 52, 'S', 10, "AAPL",
                OrderEntryHarness.ASK + 100), sequence++);
            harness.until("the new buy at the venue", () -> harness.venue.received('O').size() == 3);
            assertEquals('B', harness.venue.received('O').get(2).side);
            assertEquals(OrderEntryHarness.BID + 100, harness.venue.received('O').get(2).price);
            assertEquals(3, live.quotesSent());
            assertEquals(StrategySlots.LIVE, slots.state(0));
        }
    }

    private static void dispatch(
        final OrderEntryHarness harness, final StrategySlots slots, final byte[] message, final long sequence)
    {
        final UnsafeBuffer buffer = harness.apply(message);
        slots.onMarketMessage(buffer, 0, message.length, sequence, harness.nowNs());
        slots.onFrameDone();
    }

    private void bookWithBothSides()
    {
        if (!started)
        {
            start();
        }
        apply(ItchMessages.stockDirectory(AAPL, "AAPL"));
        add('B', BID);
        add('S', ASK);
    }

    private void start()
    {
        quoter.onStart(context);
        started = true;
    }

    private void finishCancel(final long ref)
    {
        context.states.put(ref, OrderState.NONE);
        quoter.onOrderUpdate(ref, OrderState.CANCEL_PENDING, OrderState.CANCELED);
    }

    private void setParam(final String key, final long value)
    {
        context.params.put(key, value);
    }

    private void add(final char side, final long price)
    {
        apply(ItchMessages.addOrder(AAPL, itchRef++, side, 100, "AAPL", price));
        quoter.onBookUpdate(AAPL, books.book(AAPL));
    }

    private void apply(final byte[] message)
    {
        assertEquals(ItchDecoder.OK, decoder.decode(new UnsafeBuffer(message), 0, message.length, adapter));
    }

    /** A context over this test's books, with parameters, position and order states set by the test. */
    private final class FakeContext implements StrategyContext
    {
        final List<String> sent = new ArrayList<>();
        final Map<String, Long> refs = new HashMap<>();
        final Map<String, Long> params = new HashMap<>();
        final Map<Long, OrderState> states = new HashMap<>();
        long position;
        long sequence;
        long nextRef = 1;
        long version = UNKNOWN_VERSION;
        int tradingState = corezero.risk.TradingState.ACTIVE;

        @Override
        public int tradingState()
        {
            return tradingState;
        }

        long refOf(final String entered)
        {
            return refs.get(entered);
        }

        @Override
        public int slot()
        {
            return 0;
        }

        @Override
        public long nowNs()
        {
            return 0;
        }

        @Override
        public BookView book(final int stockLocate)
        {
            return books.book(stockLocate);
        }

        @Override
        public int locateOf(final CharSequence symbol)
        {
            return books.locateOf(symbol);
        }

        @Override
        public long param(final CharSequence key, final long defaultValue)
        {
            return params.getOrDefault(key.toString(), defaultValue);
        }

        @Override
        public long paramsVersion()
        {
            return version;
        }

        @Override
        public long position(final int stockLocate)
        {
            return position;
        }

        @Override
        public OrderState orderState(final long userRefNum)
        {
            return states.getOrDefault(userRefNum, OrderState.NONE);
        }

        @Override
        public int openOrders()
        {
            return states.size();
        }

        @Override
        public long enter(
            final int stockLocate, final byte side, final long quantity, final long price, final byte timeInForce)
        {
            return enter(stockLocate, side, quantity, price, timeInForce, 0);
        }

        @Override
        public long enter(
            final int stockLocate, final byte side, final long quantity, final long price, final byte timeInForce,
            final long triggerSequence)
        {
            assertEquals(AAPL, stockLocate);
            final String entered = "enter " + (char)side + " " + quantity + "@" + price + " " +
                (IOC == timeInForce ? "IOC" : "DAY") + (0 == triggerSequence ? "" : " seq=" + triggerSequence);
            sent.add(entered);
            final long ref = nextRef++;
            refs.put(entered, ref);
            states.put(ref, OrderState.PENDING_NEW);
            return ref;
        }

        @Override
        public int cancel(final long userRefNum)
        {
            sent.add("cancel " + userRefNum);
            states.put(userRefNum, OrderState.CANCEL_PENDING);
            return EntryResult.OK;
        }

        @Override
        public long currentSequence()
        {
            return sequence;
        }

        @Override
        public void scheduleTimer(final long deadlineNs)
        {
        }
    }
}
