package corezero.order;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two million random venue and send events against a naive reference model kept in this test (a HashMap of
 * plain objects, written from the state table rather than from {@link Orders}): every result code, every
 * order's state and open shares, the open counts and open buy/sell shares per locate and per strategy, and the
 * positions, compared after every event and, in full, every few thousand events.
 */
class OrdersDifferentialTest
{
    private static final int EVENTS = 2_000_000;
    private static final int MAX_ORDERS = 64;
    private static final int SLOTS = 3;
    private static final int LOCATES = 4;
    private static final int RECENT_FILLS = 1 << 12;

    private final SplittableRandom random = new SplittableRandom(20_261_130);
    private final Positions positions = new Positions(SLOTS, 8);
    private final Orders orders = new Orders(MAX_ORDERS, RECENT_FILLS, 1, positions, OrderListener.NO_OP);
    private final Model model = new Model();
    private final List<Long> issued = new ArrayList<>();
    private final long[] resultCounts = new long[OrderResult.COUNT];
    private long matchNumber;

    @Test
    void ordersAgreeWithTheReferenceModel()
    {
        for (int i = 0; i < EVENTS; i++)
        {
            step(i);
            if (i % 4_096 == 0)
            {
                compareAll(i);
            }
        }
        compareAll(EVENTS);
        for (int result = 0; result < OrderResult.COUNT; result++)
        {
            System.out.printf("  %-50s %,10d%n", OrderResult.describe(result), resultCounts[result]);
        }
        for (final int needed : new int[] {
            OrderResult.OK, OrderResult.UNKNOWN_ORDER, OrderResult.ORDER_NOT_LIVE, OrderResult.ILLEGAL_TRANSITION,
            OrderResult.POOL_EXHAUSTED, OrderResult.OVERFILL, OrderResult.CANCEL_EXCEEDS_OPEN,
            OrderResult.REPLACEMENT_MISMATCH, OrderResult.UNKNOWN_MATCH, OrderResult.BAD_QUANTITY})
        {
            assertEquals(true, resultCounts[needed] > 0, "never exercised: " + OrderResult.describe(needed));
        }
    }

    private void step(final int i)
    {
        final long now = i;
        final int kind = random.nextInt(100);
        final long ref = pickRef();
        final long expected;
        final long actual;
        if (kind < 9)
        {
            final int slot = random.nextInt(SLOTS);
            final int locate = 1 + random.nextInt(LOCATES);
            final byte side = "BSTE".getBytes()[random.nextInt(4)];
            final long quantity = 1 + random.nextInt(1_000);
            final long price = price();
            expected = model.newOrder(slot, locate, side, quantity, price);
            actual = orders.onNewOrderSent(slot, locate, side, quantity, price, now);
            if (actual > 0)
            {
                issued.add(actual);
            }
        }
        else if (kind < 26)
        {
            final long quantity = random.nextInt(20) == 0 ? 2_000 : 1 + random.nextInt(1_000);
            final long price = price();
            expected = model.accepted(ref, quantity, price);
            actual = orders.onAccepted(ref, i, quantity, price, now);
        }
        else if (kind < 29)
        {
            expected = model.rejected(ref);
            actual = orders.onRejected(ref, 'X', now);
        }
        else if (kind < 45)
        {
            final long shares = shares(ref);
            final long price = price();
            final long match = ++matchNumber;
            expected = model.executed(ref, shares, price, match);
            actual = orders.onExecuted(ref, shares, price, match, now);
        }
        else if (kind < 55)
        {
            final long shares = shares(ref);
            expected = model.canceled(ref, shares);
            actual = orders.onCanceled(ref, shares, (byte)'U', now);
        }
        else if (kind < 62)
        {
            expected = model.cancelRequested(ref);
            actual = orders.onCancelRequested(ref, now);
        }
        else if (kind < 64)
        {
            expected = model.cancelPending(ref);
            actual = orders.onCancelPending(ref, now);
        }
        else if (kind < 68)
        {
            expected = model.cancelReject(ref);
            actual = orders.onCancelReject(ref, now);
        }
        else if (kind < 76)
        {
            final long quantity = 1 + random.nextInt(1_000);
            final long price = price();
            expected = model.replaceRequested(ref, quantity, price);
            actual = orders.onReplaceRequested(ref, quantity, price, now);
            if (actual > 0)
            {
                issued.add(actual);
            }
        }
        else if (kind < 86)
        {
            final Order original = model.live.get(ref);
            final long replacement = original != null && original.replacement != 0 && random.nextInt(20) != 0 ?
                original.replacement : pickRef();
            final Order next = model.live.get(replacement);
            final long quantity = next == null ? 1 : random.nextInt(30) == 0 ? 0 :
                1 + random.nextLong(next.original);
            final long price = price();
            expected = model.replaced(ref, replacement, quantity, price);
            actual = orders.onReplaced(ref, replacement, i, quantity, price, now);
        }
        else if (kind < 90)
        {
            final Order order = model.live.get(ref);
            final byte side = random.nextInt(10) == 0 ? (byte)'X' : order == null ? (byte)'B' :
                order.side == 'B' ? (byte)(random.nextInt(20) == 0 ? 'S' : 'B') : "STE".getBytes()[random.nextInt(3)];
            final long quantity = order == null ? 0 : random.nextLong(order.open + 2);
            expected = model.modified(ref, side, quantity);
            actual = orders.onModified(ref, side, quantity, now);
        }
        else if (kind < 93)
        {
            expected = model.restated(ref);
            actual = orders.onRestated(ref, (byte)'R', now);
        }
        else
        {
            final long match = random.nextInt(5) == 0 ? random.nextLong(matchNumber + 2) :
                Math.max(0, matchNumber - random.nextInt(50));
            final Fill fill = model.fills.get(match);
            final long owner = fill != null && random.nextInt(10) != 0 ? fill.userRefNum : ref;
            expected = model.broken(owner, match);
            actual = orders.onBrokenTrade(owner, match, (byte)'E', now);
        }
        if (actual != expected)
        {
            throw new AssertionError("event " + i + " kind " + kind + " ref " + ref + ": expected " + expected +
                " got " + actual);
        }
        final boolean returnsRef = kind < 9 || kind >= 68 && kind < 76;
        resultCounts[(int)(returnsRef ? (actual > 0 ? 0 : -actual) : actual)]++;
        compareOrder(i, ref);
        compareAggregates(i);
    }

    private long pickRef()
    {
        final int roll = random.nextInt(100);
        if (roll < 3 || issued.isEmpty())
        {
            return roll == 0 ? 0 : orders.nextUserRefNum() + random.nextInt(5);
        }
        if (roll < 85 && !model.live.isEmpty())
        {
            // Mostly live orders (at most MAX_ORDERS, so walking the model's keys is cheap).
            int skip = random.nextInt(model.live.size());
            for (final long live : model.live.keySet())
            {
                if (skip-- == 0)
                {
                    return live;
                }
            }
        }
        return issued.get(random.nextInt(issued.size()));
    }

    private long shares(final long ref)
    {
        final Order order = model.live.get(ref);
        if (random.nextInt(30) == 0)
        {
            return random.nextInt(3) - 1;
        }
        final long open = order == null ? 10 : Math.max(1, order.open);
        return random.nextInt(8) == 0 ? open + random.nextInt(3) : 1 + random.nextLong(open);
    }

    private long price()
    {
        return random.nextInt(200) == 0 ? 0 : 100_000 + 100L * random.nextInt(100);
    }

    private void compareOrder(final int i, final long ref)
    {
        final Order order = model.live.get(ref);
        final OrderState state = order == null ? OrderState.NONE : order.state;
        assertEquals(state, orders.state(ref), () -> "state of " + ref + " at " + i);
        assertEquals(order == null ? 0 : order.open, orders.openQuantity(ref), () -> "open of " + ref + " at " + i);
        assertEquals(order == null ? 0 : order.executed, orders.executedQuantity(ref),
            () -> "executed of " + ref + " at " + i);
    }

    private void compareAggregates(final int i)
    {
        int open = 0;
        final long[] buys = new long[LOCATES + 1];
        final long[] sells = new long[LOCATES + 1];
        final int[] byLocate = new int[LOCATES + 1];
        final int[] bySlot = new int[SLOTS];
        for (final Order order : model.live.values())
        {
            if (order.counted)
            {
                open++;
                byLocate[order.locate]++;
                bySlot[order.slot]++;
                if (order.side == 'B')
                {
                    buys[order.locate] += order.open;
                }
                else
                {
                    sells[order.locate] += order.open;
                }
            }
        }
        assertEquals(open, orders.openOrders(), () -> "open orders at " + i);
        assertEquals(model.live.size(), orders.liveOrders(), () -> "live orders at " + i);
        for (int locate = 1; locate <= LOCATES; locate++)
        {
            final int l = locate;
            assertEquals(buys[locate], orders.openBuyQuantity(locate), () -> "open buys of " + l + " at " + i);
            assertEquals(sells[locate], orders.openSellQuantity(locate), () -> "open sells of " + l + " at " + i);
            assertEquals(byLocate[locate], orders.openOrdersOfLocate(locate));
            assertEquals(model.position(0, locate, true), orders.position(locate), () -> "position " + l + " at " + i);
        }
        for (int slot = 0; slot < SLOTS; slot++)
        {
            assertEquals(bySlot[slot], orders.openOrdersOfStrategy(slot));
        }
    }

    private void compareAll(final int i)
    {
        for (final long ref : issued)
        {
            compareOrder(i, ref);
        }
        final Map<Long, Long> walked = new HashMap<>();
        orders.forEachOpen((ref, slot, locate, side, open, price, state) -> walked.put(ref, open));
        final Map<Long, Long> expected = new HashMap<>();
        model.live.forEach((ref, order) ->
        {
            if (order.counted)
            {
                expected.put(ref, order.open);
            }
        });
        assertEquals(expected, walked, () -> "open orders walked at " + i);
        for (int slot = 0; slot < SLOTS; slot++)
        {
            for (int locate = 1; locate <= LOCATES; locate++)
            {
                assertEquals(model.position(slot, locate, false), positions.position(slot, locate));
            }
        }
    }

    /** The reference: one object per live order, rules written out per event. */
    private static final class Order
    {
        long ref;
        int slot;
        int locate;
        byte side;
        long original;
        long open;
        long executed;
        OrderState state = OrderState.PENDING_NEW;
        boolean counted;
        long replacement;
        long replaces;
    }

    private static final class Fill
    {
        long userRefNum;
        int slot;
        int locate;
        long signedShares;
        long sequence;
        boolean broken;
    }

    private final class Model
    {
        final Map<Long, Order> live = new HashMap<>();
        final Map<Long, Fill> fills = new HashMap<>();
        final Map<Long, Long> positionBySlotLocate = new HashMap<>();
        long next = 1;
        long fillCount;

        long newOrder(final int slot, final int locate, final byte side, final long quantity, final long price)
        {
            if (price < 1)
            {
                return -OrderResult.BAD_PRICE;
            }
            if (live.size() == MAX_ORDERS)
            {
                return -OrderResult.POOL_EXHAUSTED;
            }
            final Order order = create(slot, locate, side, quantity);
            order.counted = true;
            order.open = quantity;
            return order.ref;
        }

        long accepted(final long ref, final long quantity, final long price)
        {
            final Order order = live.get(ref);
            if (order == null)
            {
                return missing(ref);
            }
            if (order.state != OrderState.PENDING_NEW || order.replaces != 0)
            {
                return OrderResult.ILLEGAL_TRANSITION;
            }
            if (quantity > order.original)
            {
                return OrderResult.BAD_QUANTITY;
            }
            if (price < 1)
            {
                return OrderResult.BAD_PRICE;
            }
            order.open = quantity;
            order.state = OrderState.ACCEPTED;
            return OrderResult.OK;
        }

        long rejected(final long ref)
        {
            final Order order = live.get(ref);
            if (order == null)
            {
                return missing(ref);
            }
            if (order.state != OrderState.PENDING_NEW)
            {
                return OrderResult.ILLEGAL_TRANSITION;
            }
            if (order.replaces != 0)
            {
                final Order original = live.get(order.replaces);
                original.replacement = 0;
                original.state = original.executed > 0 ? OrderState.PARTIALLY_FILLED : OrderState.ACCEPTED;
            }
            live.remove(ref);
            return OrderResult.OK;
        }

        long executed(final long ref, final long shares, final long price, final long match)
        {
            final Order order = live.get(ref);
            if (order == null)
            {
                return missing(ref);
            }
            if (!onBook(order))
            {
                return OrderResult.ILLEGAL_TRANSITION;
            }
            if (shares < 1)
            {
                return OrderResult.BAD_QUANTITY;
            }
            if (price < 1)
            {
                return OrderResult.BAD_PRICE;
            }
            final Fill fill = new Fill();
            fill.userRefNum = ref;
            fill.slot = order.slot;
            fill.locate = order.locate;
            fill.signedShares = order.side == 'B' ? shares : -shares;
            fill.sequence = fillCount++;
            fills.put(match, fill);
            addPosition(fill, 1);
            order.executed += shares;
            final long result = shares > order.open ? OrderResult.OVERFILL : OrderResult.OK;
            order.open = Math.max(0, order.open - shares);
            if (order.open == 0)
            {
                finish(order);
            }
            else if (order.state == OrderState.ACCEPTED)
            {
                order.state = OrderState.PARTIALLY_FILLED;
            }
            return result;
        }

        long canceled(final long ref, final long shares)
        {
            final Order order = live.get(ref);
            if (order == null)
            {
                return missing(ref);
            }
            if (!onBook(order))
            {
                return OrderResult.ILLEGAL_TRANSITION;
            }
            if (shares < 1)
            {
                return OrderResult.BAD_QUANTITY;
            }
            final long result = shares > order.open ? OrderResult.CANCEL_EXCEEDS_OPEN : OrderResult.OK;
            order.open = Math.max(0, order.open - shares);
            if (order.open == 0)
            {
                finish(order);
            }
            return result;
        }

        long cancelRequested(final long ref)
        {
            final Order order = live.get(ref);
            if (order == null)
            {
                return missing(ref);
            }
            if (order.state != OrderState.ACCEPTED && order.state != OrderState.PARTIALLY_FILLED)
            {
                return OrderResult.ILLEGAL_TRANSITION;
            }
            order.state = OrderState.CANCEL_PENDING;
            return OrderResult.OK;
        }

        long cancelPending(final long ref)
        {
            final Order order = live.get(ref);
            if (order != null && order.state == OrderState.CANCEL_PENDING)
            {
                return OrderResult.OK;
            }
            return cancelRequested(ref);
        }

        long cancelReject(final long ref)
        {
            final Order order = live.get(ref);
            if (order == null)
            {
                return missing(ref);
            }
            if (order.state != OrderState.CANCEL_PENDING)
            {
                return OrderResult.ILLEGAL_TRANSITION;
            }
            order.state = order.executed > 0 ? OrderState.PARTIALLY_FILLED : OrderState.ACCEPTED;
            return OrderResult.OK;
        }

        long replaceRequested(final long ref, final long quantity, final long price)
        {
            final Order order = live.get(ref);
            if (order == null)
            {
                return -missing(ref);
            }
            if (order.state != OrderState.ACCEPTED && order.state != OrderState.PARTIALLY_FILLED)
            {
                return -OrderResult.ILLEGAL_TRANSITION;
            }
            if (price < 1)
            {
                return -OrderResult.BAD_PRICE;
            }
            if (live.size() == MAX_ORDERS)
            {
                return -OrderResult.POOL_EXHAUSTED;
            }
            final Order next = create(order.slot, order.locate, order.side, quantity);
            next.replaces = ref;
            order.replacement = next.ref;
            order.state = OrderState.REPLACE_PENDING;
            return next.ref;
        }

        long replaced(final long ref, final long replacementRef, final long quantity, final long price)
        {
            final Order order = live.get(ref);
            if (order == null)
            {
                return missing(ref);
            }
            if (order.state != OrderState.REPLACE_PENDING)
            {
                return OrderResult.ILLEGAL_TRANSITION;
            }
            if (order.replacement != replacementRef)
            {
                return OrderResult.REPLACEMENT_MISMATCH;
            }
            final Order next = live.get(replacementRef);
            if (price < 1)
            {
                return OrderResult.BAD_PRICE;
            }
            order.replacement = 0;
            next.replaces = 0;
            live.remove(ref);
            next.counted = true;
            next.open = quantity;
            next.state = OrderState.ACCEPTED;
            if (quantity == 0)
            {
                live.remove(replacementRef);
            }
            return OrderResult.OK;
        }

        long modified(final long ref, final byte side, final long quantity)
        {
            final Order order = live.get(ref);
            if (order == null)
            {
                return missing(ref);
            }
            if (order.state != OrderState.ACCEPTED && order.state != OrderState.PARTIALLY_FILLED &&
                order.state != OrderState.CANCEL_PENDING)
            {
                return OrderResult.ILLEGAL_TRANSITION;
            }
            final boolean buy = order.side == 'B';
            if (buy ? side != 'B' : side != 'S' && side != 'T' && side != 'E')
            {
                return OrderResult.BAD_SIDE;
            }
            if (quantity > order.open)
            {
                return OrderResult.BAD_QUANTITY;
            }
            order.side = side;
            order.open = quantity;
            if (quantity == 0)
            {
                finish(order);
            }
            return OrderResult.OK;
        }

        long restated(final long ref)
        {
            final Order order = live.get(ref);
            if (order == null)
            {
                return missing(ref);
            }
            return onBook(order) ? OrderResult.OK : OrderResult.ILLEGAL_TRANSITION;
        }

        long broken(final long ref, final long match)
        {
            final Fill fill = fills.get(match);
            if (fill == null || fill.broken || fill.userRefNum != ref || fillCount - fill.sequence > RECENT_FILLS)
            {
                return OrderResult.UNKNOWN_MATCH;
            }
            fill.broken = true;
            addPosition(fill, -1);
            final Order order = live.get(ref);
            if (order != null)
            {
                order.executed = Math.max(0, order.executed - Math.abs(fill.signedShares));
            }
            return OrderResult.OK;
        }

        long position(final int slot, final int locate, final boolean allSlots)
        {
            long sum = 0;
            for (int s = 0; s < SLOTS; s++)
            {
                if (allSlots || s == slot)
                {
                    sum += positionBySlotLocate.getOrDefault((long)s << 32 | locate, 0L);
                }
            }
            return sum;
        }

        private void addPosition(final Fill fill, final int sign)
        {
            positionBySlotLocate.merge((long)fill.slot << 32 | fill.locate, sign * fill.signedShares, Long::sum);
        }

        private Order create(final int slot, final int locate, final byte side, final long quantity)
        {
            final Order order = new Order();
            order.ref = next++;
            order.slot = slot;
            order.locate = locate;
            order.side = side;
            order.original = quantity;
            live.put(order.ref, order);
            return order;
        }

        private void finish(final Order order)
        {
            live.remove(order.ref);
            if (order.replacement != 0)
            {
                live.remove(order.replacement);
            }
        }

        private boolean onBook(final Order order)
        {
            return order.state == OrderState.ACCEPTED || order.state == OrderState.PARTIALLY_FILLED ||
                order.state == OrderState.CANCEL_PENDING || order.state == OrderState.REPLACE_PENDING;
        }

        private long missing(final long ref)
        {
            return ref >= 1 && ref < next ? OrderResult.ORDER_NOT_LIVE : OrderResult.UNKNOWN_ORDER;
        }
    }
}
