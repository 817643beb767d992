package corezero.core;

import corezero.order.OrderResult;
import corezero.order.OrderState;
import corezero.risk.RiskLimits;
import corezero.risk.RiskResult;
import corezero.risk.TradingState;
import corezero.strategy.EntryResult;
import corezero.strategy.StrategyContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;

import static corezero.core.OrderEntryHarness.AAPL;
import static corezero.core.OrderEntryHarness.ASK;
import static corezero.core.OrderEntryHarness.BID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OrderEntry} driven directly against a fake OUCH venue on loopback ({@link FakeOuchVenue}: nassau's
 * SoupBinTCP server, our inbound decoders, our outbound encoders), through {@link OrderEntryHarness}: both sides
 * are stepped by the test's thread on one manual clock that moves a millisecond a step; every wait is a bounded
 * loop of steps.
 */
class OrderEntryTest
{
    private static final int SLOT = 0;

    private final OrderEntryHarness harness = new OrderEntryHarness();
    private final FakeOuchVenue venue = harness.venue;
    private final OrderEntry entry = harness.entry;
    private final RiskLimits limits = harness.limits;
    private final RecordingOrderEvents events = new RecordingOrderEvents();

    @BeforeEach
    void setUp()
    {
        entry.events(events);
    }

    @AfterEach
    void tearDown()
    {
        harness.close();
    }

    @Test
    void anOrderGoesOutWithItsExactFieldsAndIsFollowedToFilledWithPositionAndPnl()
    {
        loginAndReconcile();

        final long ref = entry.enter(SLOT, AAPL, (byte)'B', 300, BID, StrategyContext.DAY, 42, now());
        assertEquals(1, ref);
        assertEquals(OrderState.PENDING_NEW, entry.orders().state(ref));
        assertEquals(List.of("update 0 1 NONE>PENDING_NEW"), events.take());

        until("the venue gets the Enter Order", () -> venue.received('O').size() == 1);
        final FakeOuchVenue.Received sent = venue.received('O').get(0);
        assertEquals(ref, sent.userRefNum);
        assertEquals('B', sent.side);
        assertEquals(300, sent.quantity);
        assertEquals("AAPL    ", sent.symbol);
        assertEquals(BID, sent.price);
        assertEquals((char)StrategyContext.DAY, sent.timeInForce);
        assertEquals("T42           ", sent.clOrdId);

        venue.accept(ref);
        until("accepted", () -> OrderState.ACCEPTED == entry.orders().state(ref));
        assertEquals(List.of("update 0 1 PENDING_NEW>ACCEPTED"), events.take());

        venue.execute(ref, 100, BID);
        until("partially filled", () -> OrderState.PARTIALLY_FILLED == entry.orders().state(ref));
        assertEquals(List.of("update 0 1 ACCEPTED>PARTIALLY_FILLED", "fill 0 1 1 B 100@" + BID), events.take());
        assertEquals(100, entry.positions().position(SLOT, AAPL));
        assertEquals(200, entry.orders().openQuantity(ref));

        venue.execute(ref, 200, BID - 100);
        until("filled", () -> OrderState.NONE == entry.orders().state(ref));
        assertEquals(List.of("update 0 1 PARTIALLY_FILLED>FILLED", "fill 0 1 1 B 200@" + (BID - 100)), events.take());
        assertEquals(300, entry.positions().position(SLOT, AAPL));
        assertEquals((100 * BID + 200 * (BID - 100)) / 300, entry.positions().averageCost(SLOT, AAPL));

        // Sell it all at the ask: the realized P&L is the proceeds minus the exact cost.
        final long sell = entry.enter(SLOT, AAPL, (byte)'S', 300, ASK, StrategyContext.DAY, 0, now());
        assertEquals(2, sell);
        until("the venue gets the sell", () -> venue.received('O').size() == 2);
        assertEquals("              ", venue.received('O').get(1).clOrdId, "no trigger: ClOrdID all spaces");
        venue.accept(sell);
        venue.execute(sell, 300, ASK);
        until("sell filled", () -> OrderState.NONE == entry.orders().state(sell));
        assertEquals(0, entry.positions().position(SLOT, AAPL));
        final long realized = 300 * ASK - (100 * BID + 200 * (BID - 100));
        assertEquals(realized, entry.positions().realizedPnl(SLOT, AAPL));

        final TradingSnapshot snapshot = snapshot();
        assertEquals(0, snapshot.orderRows());
        assertEquals(3, snapshot.fillRows());
        assertEquals(ref, snapshot.fillUserRefNum(0));
        assertEquals('B', snapshot.fillSide(0));
        assertEquals(100, snapshot.fillShares(0));
        assertEquals(BID, snapshot.fillPrice(0));
        assertEquals(AAPL, snapshot.fillLocate(0));
        assertEquals(sell, snapshot.fillUserRefNum(2));
        assertEquals('S', snapshot.fillSide(2));
        assertEquals(1, snapshot.positionRows());
        assertEquals(SLOT, snapshot.positionSlot(0));
        assertEquals(AAPL, snapshot.positionLocate(0));
        assertEquals("AAPL", snapshot.symbol(snapshot.positionLocate(0)));
        assertEquals(0, snapshot.position(0));
        assertEquals(realized, snapshot.realizedPnl(0));
        assertEquals(2, snapshot.ordersSent());
        assertEquals(3, snapshot.fills());
        assertEquals(600, snapshot.filledShares());
        assertEquals(0, snapshot.ouchErrors());
        assertEquals(0, snapshot.ouchUnknownOrders());
        assertEquals(0, snapshot.lostInFlight());
        assertTrue(snapshot.loggedIn());
    }

    @Test
    void theSnapshotShowsOpenOrdersWithTheirSymbol()
    {
        loginAndReconcile();
        final long buy = entry.enter(SLOT, AAPL, (byte)'B', 100, BID, StrategyContext.DAY, 0, now());
        final long sell = entry.enter(3, AAPL, (byte)'S', 40, ASK, StrategyContext.DAY, 0, now());
        until("the venue gets both", () -> venue.received('O').size() == 2);
        venue.accept(buy);
        venue.execute(buy, 30, BID);
        until("partially filled", () -> OrderState.PARTIALLY_FILLED == entry.orders().state(buy));

        final TradingSnapshot snapshot = snapshot();
        assertEquals(2, snapshot.orderRows());
        assertEquals(2, snapshot.openOrdersTotal());
        assertEquals(buy, snapshot.orderUserRefNum(0));
        assertEquals(SLOT, snapshot.orderSlot(0));
        assertEquals(AAPL, snapshot.orderLocate(0));
        assertEquals("AAPL", snapshot.symbol(snapshot.orderLocate(0)));
        assertEquals('B', snapshot.orderSide(0));
        assertEquals(BID, snapshot.orderPrice(0));
        assertEquals(100, snapshot.orderOriginalQuantity(0));
        assertEquals(70, snapshot.orderOpenQuantity(0));
        assertEquals(30, snapshot.orderExecutedQuantity(0));
        assertEquals(OrderState.PARTIALLY_FILLED, snapshot.orderState(0));
        assertEquals(sell, snapshot.orderUserRefNum(1));
        assertEquals(3, snapshot.orderSlot(1));
        assertEquals('S', snapshot.orderSide(1));
        assertEquals(OrderState.PENDING_NEW, snapshot.orderState(1));
        assertEquals(1, snapshot.positionRows());
        assertEquals(30, snapshot.position(0));
        assertEquals(BID, snapshot.averageCost(0));
        assertEquals((BID + ASK) / 2, snapshot.markPrice(0));
        assertEquals(30 * ((BID + ASK) / 2 - BID), snapshot.unrealizedPnl(0));
    }

    @Test
    void aVenueRejectionIsListedWithItsReason()
    {
        loginAndReconcile();
        final long ref = entry.enter(SLOT, AAPL, (byte)'S', 25, ASK, StrategyContext.DAY, 0, now());
        until("the venue sees the order", () -> venue.received('O').size() == 1);
        venue.reject(ref, 0x001D);
        until("rejected", () -> OrderState.NONE == entry.orders().state(ref));

        final TradingSnapshot snapshot = snapshot();
        assertEquals(1, snapshot.venueRejected());
        assertEquals(1, snapshot.rejectRows());
        assertEquals(ref, snapshot.rejectUserRefNum(0));
        assertEquals('S', snapshot.rejectSide(0));
        assertEquals(25, snapshot.rejectQuantity(0));
        assertEquals(ASK, snapshot.rejectPrice(0));
        assertEquals(0x001D, snapshot.rejectReason(0));
        assertEquals("Invalid Price", corezero.ouch.OuchRejectReason.describe(snapshot.rejectReason(0)));
        assertEquals("unknown reason 0x00FF", corezero.ouch.OuchRejectReason.describe(0xFF));
    }

    @Test
    void aRiskRejectionReturnsTheNegatedCodeAndSendsNothing()
    {
        loginAndReconcile();
        assertEquals(-RiskResult.MAX_ORDER_QUANTITY,
            entry.enter(SLOT, AAPL, (byte)'B', 1_001, BID, StrategyContext.DAY, 0, now()));
        assertEquals(-RiskResult.PRICE_COLLAR,
            entry.enter(SLOT, AAPL, (byte)'B', 10, ASK * 2, StrategyContext.DAY, 0, now()));
        assertEquals(-RiskResult.BAD_SIDE,
            entry.enter(SLOT, AAPL, (byte)'Z', 10, BID, StrategyContext.DAY, 0, now()));
        assertEquals(-EntryResult.UNKNOWN_INSTRUMENT,
            entry.enter(SLOT, 2, (byte)'B', 10, BID, StrategyContext.DAY, 0, now()));
        assertEquals(-(EntryResult.ORDER_BASE + OrderResult.BAD_STRATEGY_SLOT),
            entry.enter(OrderEntry.SLOTS, AAPL, (byte)'B', 10, BID, StrategyContext.DAY, 0, now()));
        assertTrue(events.take().isEmpty());

        // Let any stray bytes reach the venue: a known-good order marks the end of the stream.
        final long good = entry.enter(SLOT, AAPL, (byte)'B', 10, BID, StrategyContext.DAY, 0, now());
        until("the venue gets the good order", () -> !venue.received('O').isEmpty());
        assertEquals(1, venue.received('O').size());
        assertEquals(good, venue.received('O').get(0).userRefNum);

        final TradingSnapshot snapshot = snapshot();
        assertEquals(1, snapshot.entryRejects(RiskResult.MAX_ORDER_QUANTITY));
        assertEquals(1, snapshot.entryRejects(RiskResult.PRICE_COLLAR));
        assertEquals(1, snapshot.entryRejects(EntryResult.UNKNOWN_INSTRUMENT));
        assertEquals(1, snapshot.riskRejects(RiskResult.MAX_ORDER_QUANTITY));
        assertEquals(1, snapshot.ordersSent());
    }

    @Test
    void nothingIsSentBeforeTheLogin()
    {
        assertEquals(-EntryResult.NOT_LOGGED_IN,
            entry.enter(SLOT, AAPL, (byte)'B', 10, BID, StrategyContext.DAY, 0, now()));
        assertEquals(EntryResult.NOT_OWN_ORDER, entry.cancel(SLOT, 1, now()));
        assertEquals(0, entry.cancelAll(0, now()));
        assertEquals(0, entry.orders().liveOrders());
        assertEquals(1, snapshot().entryRejects(EntryResult.NOT_LOGGED_IN));

        loginAndReconcile();
        assertEquals(1, entry.enter(SLOT, AAPL, (byte)'B', 10, BID, StrategyContext.DAY, 0, now()));
    }

    @Test
    void aCancelGoesOutWithQuantityZeroAndTheCanceledFinishesTheOrder()
    {
        loginAndReconcile();
        final long ref = entry.enter(SLOT, AAPL, (byte)'B', 100, BID, StrategyContext.DAY, 0, now());
        assertEquals(EntryResult.ORDER_BASE + OrderResult.ILLEGAL_TRANSITION,
            entry.cancel(SLOT, ref, now()), "a PENDING_NEW order waits for its Accepted");
        acceptAll(ref);
        events.take();

        assertEquals(EntryResult.NOT_OWN_ORDER, entry.cancel(SLOT + 1, ref, now()));
        assertEquals(EntryResult.OK, entry.cancel(SLOT, ref, now()));
        assertEquals(OrderState.CANCEL_PENDING, entry.orders().state(ref));
        until("the venue gets the Cancel Order", () -> venue.received('X').size() == 1);
        assertEquals(ref, venue.received('X').get(0).userRefNum);
        assertEquals(0, venue.received('X').get(0).quantity);

        venue.cancel(ref, 'U');
        until("canceled", () -> OrderState.NONE == entry.orders().state(ref));
        assertEquals(List.of("update 0 1 ACCEPTED>CANCEL_PENDING", "update 0 1 CANCEL_PENDING>CANCELED"),
            events.take());
        assertEquals(0, entry.orders().openOrders());
        assertEquals(1, snapshot().cancelsSent());
    }

    @Test
    void killCancelsEverythingOpenAndCancelsAnOrderAcceptedAfterItUntilUnkill()
    {
        loginAndReconcile();
        final long first = entry.enter(SLOT, AAPL, (byte)'B', 100, BID, StrategyContext.DAY, 0, now());
        final long second = entry.enter(1, AAPL, (byte)'S', 100, ASK, StrategyContext.DAY, 0, now());
        acceptAll(first, second);
        final long inFlight = entry.enter(SLOT, AAPL, (byte)'B', 50, BID - 100, StrategyContext.DAY, 0, now());
        until("the venue gets the third order", () -> venue.received('O').size() == 3);

        assertEquals(2, entry.kill(now()));
        assertTrue(entry.gate().isHalted());
        assertEquals(-RiskResult.HALTED, entry.enter(SLOT, AAPL, (byte)'B', 10, BID, StrategyContext.DAY, 0, now()));
        until("the venue gets two cancels", () -> venue.received('X').size() == 2);
        assertEquals(List.of(first, second),
            List.of(venue.received('X').get(0).userRefNum, venue.received('X').get(1).userRefNum));

        venue.accept(inFlight);
        until("the order accepted while halted is cancelled", () -> venue.received('X').size() == 3);
        assertEquals(inFlight, venue.received('X').get(2).userRefNum);
        assertEquals(OrderState.CANCEL_PENDING, entry.orders().state(inFlight));

        venue.cancel(first, 'U');
        venue.cancel(second, 'U');
        venue.cancel(inFlight, 'U');
        until("nothing open", () -> 0 == entry.orders().openOrders());
        final TradingSnapshot halted = snapshot();
        assertEquals(TradingState.HALTED, halted.tradingState());
        assertEquals(0, halted.orderRows());
        assertEquals(1, halted.canceledOnAccept());
        assertEquals(3, halted.cancelsSent());
        assertEquals(1, halted.riskRejects(RiskResult.HALTED));

        entry.unkill();
        assertEquals(TradingState.ACTIVE, entry.gate().tradingState());
        final long after = entry.enter(SLOT, AAPL, (byte)'B', 10, BID, StrategyContext.DAY, 0, now());
        assertTrue(after > inFlight, "trading again after unkill: " + after);
    }

    @Test
    void anOrderInFlightWhenItsSlotIsEmptiedIsCancelledWhenAccepted()
    {
        loginAndReconcile();
        final long resting = entry.enter(SLOT, AAPL, (byte)'B', 100, BID, StrategyContext.DAY, 0, now());
        final long otherSlot = entry.enter(1, AAPL, (byte)'S', 100, ASK, StrategyContext.DAY, 0, now());
        acceptAll(resting, otherSlot);
        final long inFlight = entry.enter(SLOT, AAPL, (byte)'B', 50, BID - 100, StrategyContext.DAY, 0, now());
        until("the venue gets the third order", () -> venue.received('O').size() == 3);

        // The slot is emptied (unload) while its last order is still in flight.
        assertEquals(1, entry.cancelSlot(SLOT, now()));
        until("the venue gets the resting order's cancel", () -> venue.received('X').size() == 1);
        assertEquals(resting, venue.received('X').get(0).userRefNum);

        venue.accept(inFlight);
        until("the order accepted after its slot was emptied is cancelled", () -> venue.received('X').size() == 2);
        assertEquals(inFlight, venue.received('X').get(1).userRefNum);
        assertEquals(1, snapshot().canceledOnAccept());
        assertEquals(OrderState.ACCEPTED, entry.orders().state(otherSlot), "another slot's order is left alone");

        // A new version in the same slot trades on: its orders are not cancelled when accepted.
        final long next = entry.enter(SLOT, AAPL, (byte)'B', 10, BID, StrategyContext.DAY, 0, now());
        acceptAll(next);
        assertEquals(2, venue.received('X').size(), "no cancel for the new version's order");
        assertFalse(entry.gate().isHalted());
    }

    @Test
    void setLimitTakesKeyBytesIncludingTheTradingState()
    {
        loginAndReconcile();
        assertEquals(RiskResult.OK, setLimit("max-order-qty", 50));
        assertEquals(50, limits.maxOrderQty());
        assertEquals(-RiskResult.MAX_ORDER_QUANTITY,
            entry.enter(SLOT, AAPL, (byte)'B', 60, BID, StrategyContext.DAY, 0, now()));
        assertTrue(entry.enter(SLOT, AAPL, (byte)'B', 50, BID, StrategyContext.DAY, 0, now()) > 0);

        assertEquals(RiskResult.BAD_VALUE, setLimit("max-order-qty", -1));
        assertEquals(50, limits.maxOrderQty());
        assertEquals(RiskResult.UNKNOWN_KEY, setLimit("max-order-qt", 10));
        assertEquals(RiskResult.UNKNOWN_KEY, setLimit("no-such-limit", 10));
        assertEquals(RiskResult.UNKNOWN_KEY, setLimit("", 10));

        assertEquals(RiskResult.OK, setLimit("trading-state", TradingState.REDUCING));
        assertEquals(TradingState.REDUCING, entry.gate().tradingState());
        assertEquals(-RiskResult.REDUCING_ONLY,
            entry.enter(SLOT, AAPL, (byte)'B', 10, BID, StrategyContext.DAY, 0, now()));
        assertEquals(RiskResult.BAD_VALUE, setLimit("trading-state", 7));
        assertEquals(TradingState.REDUCING, entry.gate().tradingState());
        assertEquals(RiskResult.OK, setLimit("trading-state", TradingState.HALTED));
        assertTrue(entry.gate().isHalted());
        assertEquals(RiskResult.OK, setLimit("trading-state", TradingState.ACTIVE));
        assertFalse(entry.gate().isHalted());

        final TradingSnapshot snapshot = snapshot();
        assertEquals(50, snapshot.limit(List.of(RiskLimits.KEYS).indexOf(RiskLimits.MAX_ORDER_QTY)));
    }

    @Test
    void flattenCancelsTheInstrumentsOrdersAndSellsALongAtTheBestBid()
    {
        loginAndReconcile();
        assertEquals(0, entry.flatten(AAPL, now()), "flat: nothing to send");
        final long buy = entry.enter(SLOT, AAPL, (byte)'B', 200, BID, StrategyContext.DAY, 0, now());
        final long resting = entry.enter(SLOT, AAPL, (byte)'B', 100, BID - 100, StrategyContext.DAY, 0, now());
        acceptAll(buy, resting);
        venue.execute(buy, 200, BID);
        until("long 200", () -> 200 == entry.positions().position(SLOT, AAPL));

        assertEquals(1, entry.flatten(AAPL, now()));
        until("the venue gets the cancel and the closing order",
            () -> venue.received('X').size() == 1 && venue.received('O').size() == 3);
        assertEquals(resting, venue.received('X').get(0).userRefNum);
        final FakeOuchVenue.Received closing = venue.received('O').get(2);
        assertEquals('S', closing.side);
        assertEquals(200, closing.quantity);
        assertEquals(BID, closing.price);
        assertEquals((char)StrategyContext.IOC, closing.timeInForce);
        assertEquals("AAPL    ", closing.symbol);
        assertEquals(SLOT, entry.orders().strategySlot(closing.userRefNum));

        venue.accept(closing.userRefNum);
        venue.execute(closing.userRefNum, 200, BID);
        until("flat", () -> 0 == entry.positions().position(SLOT, AAPL));
    }

    @Test
    void flattenBuysBackAShortAtTheBestAsk()
    {
        loginAndReconcile();
        final long sell = entry.enter(2, AAPL, (byte)'S', 70, ASK, StrategyContext.DAY, 0, now());
        acceptAll(sell);
        venue.execute(sell, 70, ASK);
        until("short 70", () -> -70 == entry.positions().position(2, AAPL));

        assertEquals(1, entry.flatten(AAPL, now()));
        until("the venue gets the closing order", () -> venue.received('O').size() == 2);
        final FakeOuchVenue.Received closing = venue.received('O').get(1);
        assertEquals('B', closing.side);
        assertEquals(70, closing.quantity);
        assertEquals(ASK, closing.price);
        assertEquals((char)StrategyContext.IOC, closing.timeInForce);
        assertEquals(2, entry.orders().strategySlot(closing.userRefNum));
    }

    @Test
    void flattenClosesAPositionLargerThanOneOrderInPiecesOfTheOrderSizeLimit()
    {
        loginAndReconcile();
        final long buy = entry.enter(SLOT, AAPL, (byte)'B', 1_000, BID, StrategyContext.DAY, 0, now());
        acceptAll(buy);
        venue.execute(buy, 1_000, BID);
        until("long 1,000", () -> 1_000 == entry.positions().position(SLOT, AAPL));

        harness.limits.set(RiskLimits.MAX_ORDER_QTY, 300);
        assertEquals(4, entry.flatten(AAPL, now()), "300 + 300 + 300 + 100");
        until("the venue gets the pieces", () -> venue.received('O').size() == 5);
        final List<FakeOuchVenue.Received> pieces = venue.received('O').subList(1, 5);
        assertEquals(List.of(300L, 300L, 300L, 100L), pieces.stream().map((r) -> r.quantity).toList());
        assertTrue(pieces.stream().allMatch((r) -> 'S' == r.side && BID == r.price), pieces.toString());
    }

    @Test
    void afterADroppedConnectionAnOrderTheVenueNeverGotIsLostAndAPendingCancelIsSentAgain()
    {
        loginAndReconcile();
        final long kept = entry.enter(SLOT, AAPL, (byte)'B', 100, BID, StrategyContext.DAY, 0, now());
        acceptAll(kept);
        final int streamBeforeDrop = venue.streamLength();

        venue.ignoreNextEnters(1);
        venue.ignoreNextCancels(1);
        final long lost = entry.enter(SLOT, AAPL, (byte)'B', 100, BID - 100, StrategyContext.DAY, 0, now());
        assertEquals(EntryResult.OK, entry.cancel(SLOT, kept, now()));
        until("the venue dropped the order and the cancel",
            () -> 1 == venue.ignoredEnters() && 1 == venue.ignoredCancels());
        assertTrue(venue.received('X').isEmpty());
        events.take();

        venue.dropConnection();
        // While the client is down the venue executes part of the order: the login replays it.
        venue.execute(kept, 40, BID);
        until("logged in again and reconciled", () -> 2 == entry.logins() && 2 == entry.lastNextUserRefNum() &&
            OrderState.NONE == entry.orders().state(lost));

        assertEquals(List.of(1L, (long)streamBeforeDrop + 1), venue.requestedSequences());
        assertEquals(2, venue.connections());
        final List<String> seen = events.take();
        assertTrue(seen.contains("update 0 2 PENDING_NEW>REJECTED"), seen.toString());
        assertTrue(seen.contains("fill 0 1 1 B 40@" + BID), seen.toString());
        assertEquals(40, entry.positions().position(SLOT, AAPL));

        until("the cancel is sent again", () -> venue.received('X').size() == 1);
        assertEquals(kept, venue.received('X').get(0).userRefNum);
        assertEquals(2, venue.received('X').get(0).connection);
        assertEquals(OrderState.CANCEL_PENDING, entry.orders().state(kept));

        final TradingSnapshot snapshot = snapshot();
        assertEquals(1, snapshot.lostInFlight());
        assertEquals(1, snapshot.rejectRows(), "the lost order is listed with its reason");
        assertEquals(2, snapshot.rejectUserRefNum(0));
        assertEquals(OrderEntry.LOST_IN_FLIGHT, snapshot.rejectReason(0));
        assertEquals("AAPL", snapshot.symbol(snapshot.rejectLocate(0)));
        assertEquals(1, snapshot.cancelsResent());
        assertEquals(2, snapshot.venueNextUserRefNum());
        assertTrue(snapshot.reconnects() >= 1);
        assertEquals(2, snapshot.logins());
        assertTrue(snapshot.loggedIn());
        assertEquals(1, snapshot.orderRows());
        assertEquals(0, snapshot.ouchUnknownOrders());
    }

    @Test
    void aKillWhileTheSessionIsDownCancelsOnceItIsBack()
    {
        loginAndReconcile();
        final long ref = entry.enter(SLOT, AAPL, (byte)'B', 100, BID, StrategyContext.DAY, 0, now());
        acceptAll(ref);

        venue.dropConnection();
        until("the client sees the drop", () -> !entry.session().isLoggedIn());
        assertEquals(0, entry.kill(now()), "nothing can be sent while down");
        assertTrue(entry.gate().isHalted());
        assertEquals(OrderState.ACCEPTED, entry.orders().state(ref));

        until("the cancel reaches the venue after the login", () -> venue.received('X').size() == 1);
        assertEquals(ref, venue.received('X').get(0).userRefNum);
        assertEquals(2, venue.received('X').get(0).connection);
        venue.cancel(ref, 'U');
        until("canceled", () -> OrderState.NONE == entry.orders().state(ref));
        assertTrue(entry.gate().isHalted(), "still halted until unkill");
    }

    @Test
    void userRefNumsContinuePastTheVenuesNextExpectedOne()
    {
        venue.nextUserRefNum(500);
        loginAndReconcile();
        assertEquals(500, entry.enter(SLOT, AAPL, (byte)'B', 10, BID, StrategyContext.DAY, 0, now()));
        until("the venue gets it", () -> venue.received('O').size() == 1);
        assertEquals(500, venue.received('O').get(0).userRefNum);
    }

    @Test
    void anOrderSentBeforeTheAccountQueryIsAnsweredIsNotTakenForLost()
    {
        venue.autoAccept(true);
        entry.connect(now());
        until("logged in", () -> entry.session().isLoggedIn());
        // The Account Query is on its way; this order follows it on the same stream, so the venue's answer
        // (next UserRefNum 1) is about the time before this order.
        final long ref = entry.enter(SLOT, AAPL, (byte)'B', 100, BID, StrategyContext.DAY, 0, now());
        until("reconciled and accepted", () -> 1 == entry.lastNextUserRefNum() &&
            OrderState.ACCEPTED == entry.orders().state(ref));
        assertEquals(0, entry.lostInFlight());
        assertEquals(0, entry.ouchUnknownOrders());
    }

    @Test
    void badInputFromTheVenueIsCountedAndThrowsNothing()
    {
        loginAndReconcile();
        venue.execute(999, 10, BID);
        venue.sendRaw(new byte[]{'Z', 1, 2, 3});
        venue.sendRaw(new byte[]{'A', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        venue.sendRaw(new byte[0]);
        until("all four delivered", () -> snapshot().sequencedMessages() >= venue.streamLength());

        final TradingSnapshot snapshot = snapshot();
        assertEquals(1, snapshot.ouchUnknownOrders());
        assertEquals(3, snapshot.ouchErrors());
        assertEquals(0, snapshot.fills());
        assertTrue(snapshot.loggedIn());

        final long ref = entry.enter(SLOT, AAPL, (byte)'B', 10, BID, StrategyContext.DAY, 0, now());
        acceptAll(ref);
        assertEquals(OrderState.ACCEPTED, entry.orders().state(ref));
    }

    private int setLimit(final String key, final long value)
    {
        final byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[bytes.length + 5]);
        buffer.putBytes(3, bytes);
        return entry.setLimit(buffer, 3, bytes.length, value);
    }

    private void acceptAll(final long... refs)
    {
        until("the venue gets " + refs.length + " orders", () ->
        {
            final List<FakeOuchVenue.Received> got = venue.received('O');
            for (final long ref : refs)
            {
                if (got.stream().noneMatch((r) -> r.userRefNum == ref))
                {
                    return false;
                }
            }
            return true;
        });
        for (final long ref : refs)
        {
            venue.accept(ref);
        }
        until("accepted", () ->
        {
            for (final long ref : refs)
            {
                if (OrderState.ACCEPTED != entry.orders().state(ref))
                {
                    return false;
                }
            }
            return true;
        });
    }

    private TradingSnapshot snapshot()
    {
        final TradingSnapshot snapshot = new TradingSnapshot();
        entry.fill(snapshot);
        assertTrue(snapshot.isFilled());
        return snapshot;
    }

    private void loginAndReconcile()
    {
        harness.loginAndReconcile();
        assertEquals(1, venue.received('Q').size());
    }

    private long now()
    {
        return harness.nowNs();
    }

    private void until(final String what, final BooleanSupplier done)
    {
        harness.until(what, done);
    }
}
