package corezero.order;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order state machine event by event: every legal transition, the life cycles of the OUCH 5.0 spec
 * (partial fills, cancel pending / cancel reject, replace, reject), unknown and finished UserRefNums, UserRefNum
 * allocation, pool exhaustion and the open-order accounting a risk gate reads.
 */
class OrdersTest
{
    private static final int LOCATE = 13;
    private static final int STRATEGY = 1;
    private static final long PRICE = 1_000_000;

    private final List<String> transitions = new ArrayList<>();
    private Positions positions;
    private Orders orders;
    private long now = 1_000;

    @BeforeEach
    void setUp()
    {
        positions = new Positions(4, 16);
        orders = new Orders(8, 64, 1, positions,
            (userRefNum, strategySlot, from, to) -> transitions.add(userRefNum + ":" + from + "->" + to));
    }

    @Test
    void newOrderIsPendingNewAndCountsAsOpenAtFullQuantity()
    {
        final long ref = buy(500);
        assertEquals(1, ref);
        assertEquals(OrderState.PENDING_NEW, orders.state(ref));
        assertEquals(500, orders.openBuyQuantity(LOCATE));
        assertEquals(0, orders.openSellQuantity(LOCATE));
        assertEquals(1, orders.openOrders());
        assertEquals(1, orders.openOrdersOfStrategy(STRATEGY));
        assertEquals(1, orders.openOrdersOfLocate(LOCATE));
        assertEquals(STRATEGY, orders.strategySlot(ref));
        assertEquals(LOCATE, orders.stockLocate(ref));
        assertEquals('B', orders.side(ref));
        assertEquals(PRICE, orders.price(ref));
        assertEquals(now, orders.sentTimestampNs(ref));
        assertEquals(List.of("1:NONE->PENDING_NEW"), transitions);
    }

    @Test
    void partialFillsToFilledUpdatePositionAndRelease()
    {
        final long ref = acceptedBuy(500);
        assertEquals(OrderState.ACCEPTED, orders.state(ref));
        assertEquals(77, orders.venueOrderRef(ref));
        assertEquals(OrderResult.OK, orders.onExecuted(ref, 100, PRICE, 9001, ++now));
        assertEquals(OrderState.PARTIALLY_FILLED, orders.state(ref));
        assertEquals(400, orders.openBuyQuantity(LOCATE));
        assertEquals(100, orders.position(LOCATE));
        assertEquals(OrderResult.OK, orders.onExecuted(ref, 300, PRICE - 100, 9002, ++now));
        assertEquals(OrderState.PARTIALLY_FILLED, orders.state(ref));
        assertEquals(400, orders.executedQuantity(ref));
        assertEquals(OrderResult.OK, orders.onExecuted(ref, 100, PRICE, 9003, ++now));
        assertEquals(OrderState.NONE, orders.state(ref));
        assertEquals(500, orders.position(LOCATE));
        assertEquals(500, positions.position(STRATEGY, LOCATE));
        assertEquals(PRICE - 60, positions.averageCost(LOCATE));          // (500 × PRICE - 300 × 100) / 500
        assertNothingOpen();
        assertEquals(List.of("1:NONE->PENDING_NEW", "1:PENDING_NEW->ACCEPTED", "1:ACCEPTED->PARTIALLY_FILLED",
            "1:PARTIALLY_FILLED->FILLED"), transitions);
        assertEquals(OrderResult.ORDER_NOT_LIVE, orders.onExecuted(ref, 1, PRICE, 9004, ++now));
        assertEquals(1, orders.rejects(OrderResult.ORDER_NOT_LIVE));
    }

    @Test
    void acceptedQuantityAndPriceMayDifferFromEntered()
    {
        final long ref = buy(500);
        assertEquals(OrderResult.OK, orders.onAccepted(ref, 5, 300, PRICE - 100, ++now));
        assertEquals(300, orders.openQuantity(ref));
        assertEquals(PRICE - 100, orders.price(ref));
        assertEquals(300, orders.openBuyQuantity(LOCATE));
        assertEquals(OrderResult.BAD_QUANTITY, orders.onAccepted(buy(10), 6, 11, PRICE, ++now));
    }

    @Test
    void cancelRequestedThenCanceled()
    {
        final long ref = acceptedBuy(500);
        assertEquals(OrderResult.OK, orders.onCancelRequested(ref, ++now));
        assertEquals(OrderState.CANCEL_PENDING, orders.state(ref));
        assertEquals(500, orders.openBuyQuantity(LOCATE));
        assertEquals(OrderResult.OK, orders.onExecuted(ref, 100, PRICE, 1, ++now));
        assertEquals(OrderState.CANCEL_PENDING, orders.state(ref));
        assertEquals(OrderResult.OK, orders.onCanceled(ref, 150, (byte)'U', ++now));
        assertEquals(OrderState.CANCEL_PENDING, orders.state(ref));
        assertEquals(250, orders.openBuyQuantity(LOCATE));
        assertEquals(OrderResult.OK, orders.onCanceled(ref, 250, (byte)'U', ++now));
        assertEquals(OrderState.NONE, orders.state(ref));
        assertTrue(transitions.contains("1:CANCEL_PENDING->CANCELED"));
        assertEquals(100, orders.position(LOCATE));
        assertNothingOpen();
    }

    @Test
    void cancelPendingMessageThenCancelRejectReturnsToTheLiveState()
    {
        final long accepted = acceptedBuy(500);
        assertEquals(OrderResult.OK, orders.onCancelPending(accepted, ++now));
        assertEquals(OrderState.CANCEL_PENDING, orders.state(accepted));
        assertEquals(OrderResult.OK, orders.onCancelPending(accepted, ++now));
        assertEquals(OrderResult.OK, orders.onCancelReject(accepted, ++now));
        assertEquals(OrderState.ACCEPTED, orders.state(accepted));

        assertEquals(OrderResult.OK, orders.onExecuted(accepted, 10, PRICE, 1, ++now));
        assertEquals(OrderResult.OK, orders.onCancelRequested(accepted, ++now));
        assertEquals(OrderResult.OK, orders.onCancelReject(accepted, ++now));
        assertEquals(OrderState.PARTIALLY_FILLED, orders.state(accepted));
        assertEquals(490, orders.openBuyQuantity(LOCATE));
        assertEquals(OrderResult.ILLEGAL_TRANSITION, orders.onCancelReject(accepted, ++now));
    }

    @Test
    void partialCancelKeepsTheOrderAndOverCancelClamps()
    {
        final long ref = acceptedBuy(500);
        assertEquals(OrderResult.OK, orders.onCanceled(ref, 200, (byte)'Z', ++now));
        assertEquals(OrderState.ACCEPTED, orders.state(ref));
        assertEquals(300, orders.openQuantity(ref));
        assertEquals(OrderResult.CANCEL_EXCEEDS_OPEN, orders.onCanceled(ref, 301, (byte)'Z', ++now));
        assertEquals(OrderState.NONE, orders.state(ref));
        assertEquals(1, orders.rejects(OrderResult.CANCEL_EXCEEDS_OPEN));
        assertNothingOpen();
    }

    @Test
    void overfillCountsInFullForThePositionAndFillsTheOrder()
    {
        final long ref = acceptedBuy(100);
        assertEquals(OrderResult.OVERFILL, orders.onExecuted(ref, 150, PRICE, 1, ++now));
        assertEquals(150, orders.position(LOCATE));
        assertEquals(OrderState.NONE, orders.state(ref));
        assertNothingOpen();
    }

    @Test
    void replaceFlowMovesTheOpenQuantityToTheReplacement()
    {
        final long original = acceptedSell(500);
        assertEquals(OrderResult.OK, orders.onExecuted(original, 100, PRICE, 1, ++now));
        final long replacement = orders.onReplaceRequested(original, 500, PRICE + 100, ++now);
        assertEquals(original + 1, replacement);
        assertEquals(OrderState.REPLACE_PENDING, orders.state(original));
        assertEquals(OrderState.PENDING_NEW, orders.state(replacement));
        assertEquals(1, orders.openOrders());
        assertEquals(400, orders.openSellQuantity(LOCATE));
        assertEquals(2, orders.liveOrders());

        // An execution in flight while the replace travels, as in the spec's second example.
        assertEquals(OrderResult.OK, orders.onExecuted(original, 50, PRICE, 2, ++now));
        assertEquals(OrderState.REPLACE_PENDING, orders.state(original));
        assertEquals(350, orders.openSellQuantity(LOCATE));
        assertEquals(OrderResult.REPLACEMENT_MISMATCH,
            orders.onReplaced(original, replacement + 1, 88, 350, PRICE + 100, ++now));
        assertEquals(OrderResult.OK, orders.onReplaced(original, replacement, 88, 350, PRICE + 100, ++now));
        assertEquals(OrderState.NONE, orders.state(original));
        assertEquals(OrderState.ACCEPTED, orders.state(replacement));
        assertEquals(350, orders.openQuantity(replacement));
        assertEquals(PRICE + 100, orders.price(replacement));
        assertEquals(88, orders.venueOrderRef(replacement));
        assertEquals(350, orders.openSellQuantity(LOCATE));
        assertEquals(1, orders.openOrders());
        assertEquals(1, orders.liveOrders());
        assertEquals(-150, orders.position(LOCATE));
        assertTrue(transitions.contains(original + ":REPLACE_PENDING->REPLACED"));
        assertTrue(transitions.contains(replacement + ":PENDING_NEW->ACCEPTED"));

        assertEquals(OrderResult.OK, orders.onExecuted(replacement, 350, PRICE + 100, 3, ++now));
        assertEquals(-500, orders.position(LOCATE));
        assertNothingOpen();
    }

    @Test
    void rejectedReplaceReturnsTheOriginalToItsLiveState()
    {
        final long original = acceptedBuy(500);
        final long replacement = orders.onReplaceRequested(original, 200, PRICE, ++now);
        assertEquals(OrderResult.ILLEGAL_TRANSITION, orders.onAccepted(replacement, 1, 200, PRICE, ++now));
        assertEquals(OrderResult.OK, orders.onRejected(replacement, 'Z', ++now));
        assertEquals(OrderState.NONE, orders.state(replacement));
        assertEquals(OrderState.ACCEPTED, orders.state(original));
        assertEquals(1, orders.liveOrders());
        assertEquals(500, orders.openBuyQuantity(LOCATE));
        assertEquals(OrderResult.ILLEGAL_TRANSITION, orders.onReplaced(original, replacement, 1, 200, PRICE, ++now));
    }

    @Test
    void originalFinishedWhileReplacePendingDropsTheReplacement()
    {
        final long original = acceptedBuy(500);
        final long replacement = orders.onReplaceRequested(original, 200, PRICE, ++now);
        assertEquals(OrderResult.OK, orders.onCanceled(original, 500, (byte)'U', ++now));
        assertEquals(OrderState.NONE, orders.state(original));
        assertEquals(OrderState.NONE, orders.state(replacement));
        assertEquals(0, orders.liveOrders());
        assertEquals(OrderResult.ORDER_NOT_LIVE, orders.onReplaced(original, replacement, 1, 200, PRICE, ++now));
        assertNothingOpen();
    }

    @Test
    void rejectedOrderIsReleasedAndItsUserRefNumNeverReused()
    {
        final long ref = buy(500);
        assertEquals(OrderResult.OK, orders.onRejected(ref, 'H', ++now));
        assertEquals(OrderState.NONE, orders.state(ref));
        assertTrue(transitions.contains("1:PENDING_NEW->REJECTED"));
        assertNothingOpen();
        assertEquals(ref + 1, buy(10));
        assertEquals(OrderResult.ORDER_NOT_LIVE, orders.onAccepted(ref, 1, 500, PRICE, ++now));
    }

    @Test
    void modifiedReducesSharesAndMayOnlySwitchAmongSells()
    {
        final long sell = acceptedSell(500);
        assertEquals(OrderResult.OK, orders.onModified(sell, (byte)'T', 300, ++now));
        assertEquals('T', orders.side(sell));
        assertEquals(300, orders.openSellQuantity(LOCATE));
        assertEquals(OrderResult.BAD_SIDE, orders.onModified(sell, (byte)'B', 300, ++now));
        assertEquals(OrderResult.BAD_QUANTITY, orders.onModified(sell, (byte)'S', 301, ++now));
        assertEquals(OrderResult.OK, orders.onModified(sell, (byte)'S', 0, ++now));
        assertEquals(OrderState.NONE, orders.state(sell));
        assertNothingOpen();
    }

    @Test
    void restatedChangesNothingButTheUpdateTime()
    {
        final long ref = acceptedBuy(500);
        assertEquals(OrderResult.OK, orders.onRestated(ref, (byte)'P', 5_000));
        assertEquals(OrderState.ACCEPTED, orders.state(ref));
        assertEquals(500, orders.openQuantity(ref));
        assertEquals(5_000, orders.lastUpdateTimestampNs(ref));
    }

    @Test
    void brokenTradeReversesThePositionEvenAfterTheOrderFinished()
    {
        final long ref = acceptedBuy(100);
        assertEquals(OrderResult.OK, orders.onExecuted(ref, 40, PRICE, 501, ++now));
        assertEquals(OrderResult.OK, orders.onBrokenTrade(ref, 501, (byte)'E', ++now));
        assertEquals(0, orders.position(LOCATE));
        assertEquals(0, orders.executedQuantity(ref));
        assertEquals(60, orders.openQuantity(ref));
        assertEquals(OrderResult.UNKNOWN_MATCH, orders.onBrokenTrade(ref, 501, (byte)'E', ++now));
        assertEquals(OrderResult.OK, orders.onExecuted(ref, 60, PRICE, 502, ++now));
        assertEquals(OrderState.NONE, orders.state(ref));
        assertEquals(OrderResult.UNKNOWN_MATCH, orders.onBrokenTrade(ref + 1, 502, (byte)'E', ++now));
        assertEquals(OrderResult.OK, orders.onBrokenTrade(ref, 502, (byte)'C', ++now));
        assertEquals(0, orders.position(LOCATE));
        assertEquals(0, positions.realizedPnl(LOCATE));
    }

    @Test
    void unknownUserRefNumIsRejectedForEveryEvent()
    {
        acceptedBuy(100);
        final long unknown = 999;
        assertEquals(OrderResult.UNKNOWN_ORDER, orders.onAccepted(unknown, 1, 1, PRICE, now));
        assertEquals(OrderResult.UNKNOWN_ORDER, orders.onRejected(unknown, 'X', now));
        assertEquals(OrderResult.UNKNOWN_ORDER, orders.onExecuted(unknown, 1, PRICE, 1, now));
        assertEquals(OrderResult.UNKNOWN_ORDER, orders.onCanceled(unknown, 1, (byte)'U', now));
        assertEquals(OrderResult.UNKNOWN_ORDER, orders.onCancelRequested(unknown, now));
        assertEquals(OrderResult.UNKNOWN_ORDER, orders.onCancelPending(unknown, now));
        assertEquals(OrderResult.UNKNOWN_ORDER, orders.onCancelReject(unknown, now));
        assertEquals(-OrderResult.UNKNOWN_ORDER, orders.onReplaceRequested(unknown, 1, PRICE, now));
        assertEquals(OrderResult.UNKNOWN_ORDER, orders.onReplaced(unknown, unknown + 1, 1, 1, PRICE, now));
        assertEquals(OrderResult.UNKNOWN_ORDER, orders.onModified(unknown, (byte)'B', 1, now));
        assertEquals(OrderResult.UNKNOWN_ORDER, orders.onRestated(unknown, (byte)'R', now));
        assertEquals(OrderResult.UNKNOWN_MATCH, orders.onBrokenTrade(unknown, 1, (byte)'E', now));
        assertEquals(11, orders.rejects(OrderResult.UNKNOWN_ORDER));
        assertEquals(OrderResult.UNKNOWN_ORDER, orders.onAccepted(0, 1, 1, PRICE, now));
        assertEquals(100, orders.openBuyQuantity(LOCATE));
        assertEquals(2, orders.nextUserRefNum());
    }

    @Test
    void userRefNumsAreStrictlyIncreasingFromTheConfiguredStart()
    {
        final Orders recovered = new Orders(4, 1_000_000, positions);
        long previous = 999_999;
        for (int i = 0; i < 100; i++)
        {
            final long ref = recovered.onNewOrderSent(0, LOCATE, (byte)'B', 10, PRICE, i);
            assertTrue(ref > previous, "strictly increasing");
            previous = ref;
            assertEquals(OrderResult.OK, recovered.onAccepted(ref, i, 10, PRICE, i));
            final long replacement = recovered.onReplaceRequested(ref, 5, PRICE, i);
            assertTrue(replacement > previous, "replacement strictly increasing");
            previous = replacement;
            if (i % 2 == 0)
            {
                assertEquals(OrderResult.OK, recovered.onReplaced(ref, replacement, i, 5, PRICE, i));
                assertEquals(OrderResult.OK, recovered.onCanceled(replacement, 5, (byte)'U', i));
            }
            else
            {
                assertEquals(OrderResult.OK, recovered.onRejected(replacement, 'Z', i));
                assertEquals(OrderResult.OK, recovered.onCanceled(ref, 10, (byte)'U', i));
            }
            assertEquals(-OrderResult.BAD_QUANTITY, recovered.onNewOrderSent(0, LOCATE, (byte)'B', 0, PRICE, i));
        }
        assertEquals(1_000_200, recovered.nextUserRefNum());

        final Orders nearTheEnd = new Orders(4, Orders.MAX_USER_REF_NUM, positions);
        assertEquals(Orders.MAX_USER_REF_NUM, nearTheEnd.onNewOrderSent(0, LOCATE, (byte)'B', 10, PRICE, 0));
        assertEquals(-OrderResult.USER_REF_NUM_EXHAUSTED,
            nearTheEnd.onNewOrderSent(0, LOCATE, (byte)'B', 10, PRICE, 0));
    }

    @Test
    void poolExhaustionReturnsACodeUntilAnOrderFinishes()
    {
        for (int i = 0; i < 8; i++)
        {
            assertTrue(buy(10) > 0);
        }
        final long next = orders.nextUserRefNum();
        assertEquals(-OrderResult.POOL_EXHAUSTED, orders.onNewOrderSent(STRATEGY, LOCATE, (byte)'B', 10, PRICE, now));
        assertEquals(next, orders.nextUserRefNum(), "a refused order consumes no UserRefNum");
        assertEquals(OrderResult.OK, orders.onAccepted(1, 1, 10, PRICE, now));
        assertEquals(-OrderResult.POOL_EXHAUSTED, orders.onReplaceRequested(1, 5, PRICE, now));
        assertEquals(OrderState.ACCEPTED, orders.state(1));
        assertEquals(2, orders.rejects(OrderResult.POOL_EXHAUSTED));
        assertEquals(OrderResult.OK, orders.onRejected(2, 'X', now));
        assertEquals(next, buy(10));
        assertEquals(8, orders.openOrders());
    }

    @Test
    void badArgumentsAreRejectedWithTheirCodes()
    {
        assertEquals(-OrderResult.BAD_STRATEGY_SLOT, orders.onNewOrderSent(4, LOCATE, (byte)'B', 1, PRICE, now));
        assertEquals(-OrderResult.BAD_STRATEGY_SLOT, orders.onNewOrderSent(-1, LOCATE, (byte)'B', 1, PRICE, now));
        assertEquals(-OrderResult.BAD_LOCATE, orders.onNewOrderSent(0, 0, (byte)'B', 1, PRICE, now));
        assertEquals(-OrderResult.BAD_LOCATE, orders.onNewOrderSent(0, 65_536, (byte)'B', 1, PRICE, now));
        assertEquals(-OrderResult.BAD_SIDE, orders.onNewOrderSent(0, LOCATE, (byte)'X', 1, PRICE, now));
        assertEquals(-OrderResult.BAD_QUANTITY, orders.onNewOrderSent(0, LOCATE, (byte)'B', 0, PRICE, now));
        assertEquals(-OrderResult.BAD_QUANTITY,
            orders.onNewOrderSent(0, LOCATE, (byte)'B', Orders.MAX_QUANTITY + 1, PRICE, now));
        assertEquals(-OrderResult.BAD_PRICE, orders.onNewOrderSent(0, LOCATE, (byte)'B', 1, 0, now));
        assertEquals(OrderResult.OK, positions.bind(LOCATE));
        for (int locate = 100; locate < 115; locate++)
        {
            assertTrue(positions.bind(locate) == OrderResult.OK);
        }
        assertEquals(-OrderResult.INSTRUMENTS_EXHAUSTED, orders.onNewOrderSent(0, 200, (byte)'B', 1, PRICE, now));
        assertEquals(1, orders.nextUserRefNum());
        final long ref = acceptedBuy(10);
        assertEquals(OrderResult.BAD_QUANTITY, orders.onExecuted(ref, 0, PRICE, 1, now));
        assertEquals(OrderResult.BAD_PRICE, orders.onExecuted(ref, 1, 0, 1, now));
        assertEquals(OrderResult.BAD_QUANTITY, orders.onCanceled(ref, 0, (byte)'U', now));
        assertEquals(-OrderResult.BAD_QUANTITY, orders.onReplaceRequested(ref, 0, PRICE, now));
        assertEquals(-OrderResult.BAD_PRICE, orders.onReplaceRequested(ref, 1, 0, now));
        assertEquals(OrderState.ACCEPTED, orders.state(ref));
        assertEquals(10, orders.openBuyQuantity(LOCATE));
    }

    @Test
    void forEachOpenWalksOldestFirstAndSupportsCancelAll()
    {
        final long a = acceptedBuy(10);
        final long b = buy(20);
        final long c = acceptedSell(30);
        final long d = orders.onNewOrderSent(2, LOCATE + 1, (byte)'S', 40, PRICE, ++now);
        assertEquals(OrderResult.OK, orders.onAccepted(d, 9, 40, PRICE, now));
        final long r = orders.onReplaceRequested(c, 25, PRICE, ++now);
        assertTrue(r > 0);
        final List<Long> seen = new ArrayList<>();
        assertEquals(4, orders.forEachOpen((ref, slot, locate, side, open, price, state) -> seen.add(ref)));
        assertEquals(List.of(a, b, c, d), seen);
        seen.clear();
        assertEquals(1, orders.forEachOpen(2, (ref, slot, locate, side, open, price, state) -> seen.add(ref)));
        assertEquals(List.of(d), seen);

        final int[] sent = new int[1];
        orders.forEachOpen((ref, slot, locate, side, open, price, state) ->
        {
            if (orders.onCancelRequested(ref, now) == OrderResult.OK)
            {
                sent[0]++;
            }
        });
        assertEquals(2, sent[0], "A and D are cancelable; B is pending new, C pending replace");
        assertEquals(OrderState.CANCEL_PENDING, orders.state(a));
        assertEquals(OrderState.CANCEL_PENDING, orders.state(d));
        assertEquals(OrderResult.OK, orders.onCanceled(a, 10, (byte)'U', ++now));
        seen.clear();
        orders.forEachOpen((ref, slot, locate, side, open, price, state) -> seen.add(ref));
        assertEquals(List.of(b, c, d), seen);
    }

    /** The table of events against the live states: OK where legal, ILLEGAL_TRANSITION (and no change) elsewhere. */
    @Test
    void everyEventInEveryLiveState()
    {
        final OrderState[] states = {
            OrderState.PENDING_NEW, OrderState.ACCEPTED, OrderState.PARTIALLY_FILLED, OrderState.CANCEL_PENDING,
            OrderState.REPLACE_PENDING};
        final String[] events = {
            "accepted", "rejected", "executed", "canceled", "cancelRequested", "cancelPending", "cancelReject",
            "replaceRequested", "replaced", "modified", "restated"};
        //                       PENDING_NEW ACCEPTED PARTIAL CANCEL_P REPLACE_P
        final boolean[][] legal = {
            {true,  false, false, false, false},   // accepted
            {true,  false, false, false, false},   // rejected
            {false, true,  true,  true,  true},    // executed
            {false, true,  true,  true,  true},    // canceled
            {false, true,  true,  false, false},   // cancelRequested
            {false, true,  true,  true,  false},   // cancelPending
            {false, false, false, true,  false},   // cancelReject
            {false, true,  true,  false, false},   // replaceRequested
            {false, false, false, false, true},    // replaced
            {false, true,  true,  true,  false},   // modified
            {false, true,  true,  true,  true},    // restated
        };
        final List<String> failures = new ArrayList<>();
        for (int e = 0; e < events.length; e++)
        {
            for (int s = 0; s < states.length; s++)
            {
                setUp();
                final long ref = orderIn(states[s]);
                final long pendingReplacement = orders.nextUserRefNum() - 1;
                final long openBefore = orders.openBuyQuantity(LOCATE);
                final long illegalBefore = orders.rejects(OrderResult.ILLEGAL_TRANSITION);
                final long result = apply(events[e], ref, pendingReplacement);
                final String cell = events[e] + " in " + states[s];
                if (legal[e][s])
                {
                    if (result != OrderResult.OK && !(events[e].equals("replaceRequested") && result > 0))
                    {
                        failures.add(cell + ": expected legal, got " + OrderResult.describe((int)result));
                    }
                }
                else if (result != OrderResult.ILLEGAL_TRANSITION && result != -OrderResult.ILLEGAL_TRANSITION)
                {
                    failures.add(cell + ": expected illegal, got " + result);
                }
                else if (orders.state(ref) != states[s] || orders.openBuyQuantity(LOCATE) != openBefore ||
                    orders.rejects(OrderResult.ILLEGAL_TRANSITION) != illegalBefore + 1)
                {
                    failures.add(cell + ": illegal but changed the order or was not counted");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyEventOnAFinishedOrderIsNotLive()
    {
        for (final OrderState terminal : new OrderState[] {
            OrderState.FILLED, OrderState.CANCELED, OrderState.REPLACED, OrderState.REJECTED})
        {
            setUp();
            final long ref = finishedIn(terminal);
            assertEquals(OrderState.NONE, orders.state(ref));
            for (final String event : new String[] {
                "accepted", "rejected", "executed", "canceled", "cancelRequested", "cancelPending", "cancelReject",
                "replaceRequested", "replaced", "modified", "restated"})
            {
                final long result = apply(event, ref, ref + 1);
                assertEquals(OrderResult.ORDER_NOT_LIVE, Math.abs(result), event + " after " + terminal);
            }
            assertEquals(11, orders.rejects(OrderResult.ORDER_NOT_LIVE));
        }
    }

    private long orderIn(final OrderState state)
    {
        final long ref = buy(500);
        switch (state)
        {
            case PENDING_NEW:
                break;
            case ACCEPTED:
                accept(ref, 500);
                break;
            case PARTIALLY_FILLED:
                accept(ref, 500);
                assertEquals(OrderResult.OK, orders.onExecuted(ref, 100, PRICE, 1, ++now));
                break;
            case CANCEL_PENDING:
                accept(ref, 500);
                assertEquals(OrderResult.OK, orders.onCancelRequested(ref, ++now));
                break;
            case REPLACE_PENDING:
                accept(ref, 500);
                assertTrue(orders.onReplaceRequested(ref, 400, PRICE, ++now) > 0);
                break;
            default:
                throw new IllegalArgumentException(state.toString());
        }
        assertEquals(state, orders.state(ref));
        return ref;
    }

    private long finishedIn(final OrderState terminal)
    {
        final long ref = buy(500);
        switch (terminal)
        {
            case FILLED:
                accept(ref, 500);
                assertEquals(OrderResult.OK, orders.onExecuted(ref, 500, PRICE, 1, ++now));
                break;
            case CANCELED:
                accept(ref, 500);
                assertEquals(OrderResult.OK, orders.onCanceled(ref, 500, (byte)'U', ++now));
                break;
            case REPLACED:
                accept(ref, 500);
                final long replacement = orders.onReplaceRequested(ref, 400, PRICE, ++now);
                assertEquals(OrderResult.OK, orders.onReplaced(ref, replacement, 2, 400, PRICE, ++now));
                break;
            case REJECTED:
                assertEquals(OrderResult.OK, orders.onRejected(ref, 'X', ++now));
                break;
            default:
                throw new IllegalArgumentException(terminal.toString());
        }
        assertTrue(transitions.stream().anyMatch(t -> t.startsWith(ref + ":") && t.endsWith("->" + terminal)));
        return ref;
    }

    private long apply(final String event, final long ref, final long replacement)
    {
        switch (event)
        {
            case "accepted": return orders.onAccepted(ref, 7, 500, PRICE, ++now);
            case "rejected": return orders.onRejected(ref, 'X', ++now);
            case "executed": return orders.onExecuted(ref, 50, PRICE, 99, ++now);
            case "canceled": return orders.onCanceled(ref, 50, (byte)'U', ++now);
            case "cancelRequested": return orders.onCancelRequested(ref, ++now);
            case "cancelPending": return orders.onCancelPending(ref, ++now);
            case "cancelReject": return orders.onCancelReject(ref, ++now);
            case "replaceRequested": return orders.onReplaceRequested(ref, 300, PRICE, ++now);
            case "replaced": return orders.onReplaced(ref, replacement, 8, 300, PRICE, ++now);
            case "modified": return orders.onModified(ref, (byte)'B', 300, ++now);
            case "restated": return orders.onRestated(ref, (byte)'R', ++now);
            default: throw new IllegalArgumentException(event);
        }
    }

    private void assertNothingOpen()
    {
        assertEquals(0, orders.openOrders());
        assertEquals(0, orders.openOrdersOfStrategy(STRATEGY));
        assertEquals(0, orders.openOrdersOfLocate(LOCATE));
        assertEquals(0, orders.openBuyQuantity(LOCATE));
        assertEquals(0, orders.openSellQuantity(LOCATE));
        assertEquals(0, orders.forEachOpen((ref, slot, locate, side, open, price, state) -> {}));
    }

    private long buy(final long quantity)
    {
        final long ref = orders.onNewOrderSent(STRATEGY, LOCATE, (byte)'B', quantity, PRICE, ++now);
        assertTrue(ref > 0, () -> OrderResult.describe((int)ref));
        return ref;
    }

    private long acceptedBuy(final long quantity)
    {
        final long ref = buy(quantity);
        accept(ref, quantity);
        return ref;
    }

    private long acceptedSell(final long quantity)
    {
        final long ref = orders.onNewOrderSent(STRATEGY, LOCATE, (byte)'S', quantity, PRICE, ++now);
        assertTrue(ref > 0);
        accept(ref, quantity);
        return ref;
    }

    private void accept(final long ref, final long quantity)
    {
        assertEquals(OrderResult.OK, orders.onAccepted(ref, 77, quantity, PRICE, ++now));
    }
}
