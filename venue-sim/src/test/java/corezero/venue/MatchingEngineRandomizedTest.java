package corezero.venue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static corezero.venue.MatchingEngine.BUY;
import static corezero.venue.MatchingEngine.DAY;
import static corezero.venue.MatchingEngine.IMMEDIATE_OR_CANCEL;
import static corezero.venue.MatchingEngine.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Seeded random operations against the engine and a naive reference matcher (one list of open orders, sorted per
 * side on demand), comparing the result, every fill and the book after each operation, and checking the book an
 * ITCH consumer rebuilds from the book events is the same.
 */
class MatchingEngineRandomizedTest
{
    private static final int OPERATIONS = 250_000;
    private static final int LOCATES = 3;

    /** An open order of the reference; {@code sequence} is its time priority. */
    private static final class ReferenceOrder
    {
        long orderId;
        int locate;
        byte side;
        long qty;
        long price;
        long executedQty;
        long sequence;
    }

    /**
     * The reference: everything in plain lists, recomputed by brute force.
     */
    private static final class ReferenceMatcher
    {
        final List<ReferenceOrder> open = new ArrayList<>();
        final List<String> fills = new ArrayList<>();
        final boolean reducingReplaceKeepsPriority;
        long nextSequence;
        long matchNumber;

        ReferenceMatcher(final boolean reducingReplaceKeepsPriority)
        {
            this.reducingReplaceKeepsPriority = reducingReplaceKeepsPriority;
        }

        ReferenceOrder find(final long orderId)
        {
            for (final ReferenceOrder order : open)
            {
                if (order.orderId == orderId)
                {
                    return order;
                }
            }

            return null;
        }

        List<ReferenceOrder> side(final int locate, final byte side)
        {
            final List<ReferenceOrder> orders = new ArrayList<>();
            for (final ReferenceOrder order : open)
            {
                if (order.locate == locate && order.side == side)
                {
                    orders.add(order);
                }
            }

            final Comparator<ReferenceOrder> byPrice = Comparator.comparingLong((order) -> order.price);
            orders.sort((BUY == side ? byPrice.reversed() : byPrice).thenComparingLong((order) -> order.sequence));
            return orders;
        }

        List<String> book(final int locate)
        {
            final List<String> book = new ArrayList<>();
            for (final byte side : new byte[]{BUY, SELL})
            {
                for (final ReferenceOrder order : side(locate, side))
                {
                    book.add(describe(order.orderId, order.side, order.qty, order.price));
                }
            }

            return book;
        }

        int enter(final long orderId, final int locate, final byte side, final long qty, final long price,
            final byte timeInForce)
        {
            if (null != find(orderId))
            {
                return MatchingResult.DUPLICATE_ID;
            }
            if (locate < 1 || locate > MatchingEngine.MAX_LOCATE)
            {
                return MatchingResult.BAD_LOCATE;
            }
            if (BUY != side && SELL != side)
            {
                return MatchingResult.BAD_SIDE;
            }
            if (qty <= 0)
            {
                return MatchingResult.ZERO_QUANTITY;
            }
            if (!validPrice(price))
            {
                return MatchingResult.BAD_PRICE;
            }
            if (DAY != timeInForce && IMMEDIATE_OR_CANCEL != timeInForce)
            {
                return MatchingResult.BAD_TIME_IN_FORCE;
            }

            final long remaining = match(orderId, locate, side, qty, price);
            if (remaining > 0 && DAY == timeInForce)
            {
                add(orderId, locate, side, remaining, price, qty - remaining);
            }

            return MatchingResult.OK;
        }

        int cancel(final long orderId, final long qty)
        {
            final ReferenceOrder order = find(orderId);
            if (null == order)
            {
                return MatchingResult.UNKNOWN_ORDER;
            }
            if (qty >= order.qty)
            {
                return MatchingResult.NOTHING_TO_CANCEL;
            }

            order.qty = qty;
            if (0 == qty)
            {
                open.remove(order);
            }

            return MatchingResult.OK;
        }

        int replace(final long orderId, final long newOrderId, final long qty, final long price)
        {
            final ReferenceOrder order = find(orderId);
            if (null == order)
            {
                return MatchingResult.UNKNOWN_ORDER;
            }
            if (orderId == newOrderId || null != find(newOrderId))
            {
                return MatchingResult.DUPLICATE_ID;
            }
            if (qty <= 0)
            {
                return MatchingResult.ZERO_QUANTITY;
            }
            if (!validPrice(price))
            {
                return MatchingResult.BAD_PRICE;
            }

            if (reducingReplaceKeepsPriority && price == order.price && qty <= order.qty)
            {
                order.orderId = newOrderId;
                order.qty = qty;
                return MatchingResult.OK;
            }

            open.remove(order);
            final long remaining = match(newOrderId, order.locate, order.side, qty, price);
            if (remaining > 0)
            {
                add(newOrderId, order.locate, order.side, remaining, price, order.executedQty + qty - remaining);
            }

            return MatchingResult.OK;
        }

        private long match(final long orderId, final int locate, final byte side, final long qty, final long price)
        {
            long remaining = qty;
            while (remaining > 0)
            {
                final List<ReferenceOrder> opposite = side(locate, BUY == side ? SELL : BUY);
                if (opposite.isEmpty())
                {
                    break;
                }

                final ReferenceOrder best = opposite.get(0);
                if (BUY == side ? price < best.price : price > best.price)
                {
                    break;
                }

                final long fillQty = Math.min(remaining, best.qty);
                fills.add("executed " + best.orderId + " " + orderId + " " + fillQty + "@" + best.price + " #" +
                    ++matchNumber);
                remaining -= fillQty;
                best.qty -= fillQty;
                best.executedQty += fillQty;
                if (0 == best.qty)
                {
                    open.remove(best);
                }
            }

            return remaining;
        }

        private void add(
            final long orderId, final int locate, final byte side, final long qty, final long price, final long executed)
        {
            final ReferenceOrder order = new ReferenceOrder();
            order.orderId = orderId;
            order.locate = locate;
            order.side = side;
            order.qty = qty;
            order.price = price;
            order.executedQty = executed;
            order.sequence = nextSequence++;
            open.add(order);
        }

        private static boolean validPrice(final long price)
        {
            return price >= 1 && price <= 1_999_999_900L && (price < 10_000 || 0 == price % 100);
        }
    }

    private static String describe(final long orderId, final byte side, final long qty, final long price)
    {
        return (char)side + " " + orderId + " " + qty + "@" + price;
    }

    private static List<String> engineBook(final MatchingEngine engine, final int locate)
    {
        final List<String> book = new ArrayList<>();
        final MatchingBook matchingBook = engine.bookOrNull(locate);
        if (null != matchingBook)
        {
            assertFalse(matchingBook.isCrossed(), "crossed book");
            matchingBook.forEachOrder((orderId, side, qty, price) -> book.add(describe(orderId, side, qty, price)));
        }

        return book;
    }

    private static List<String> feedBook(final MatchingEventLog log, final int locate)
    {
        final List<String> book = new ArrayList<>();
        log.feedBook.forEach((orderId, order) ->
        {
            if (order[0] == locate)
            {
                book.add(describe(orderId, (byte)order[1], order[2], order[3]));
            }
        });
        book.sort(null);
        return book;
    }

    @Test
    void agreesWithTheReferenceMatcherOnEveryOperation()
    {
        run(0x5eed_c0de_2026L, true);
    }

    @Test
    void agreesWithTheReferenceMatcherWhenEveryReplaceLosesPriority()
    {
        run(0x0c4_5_0L, false);
    }

    private static void run(final long seed, final boolean reducingReplaceKeepsPriority)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final MatchingEventLog log = new MatchingEventLog();
        final MatchingEngine engine = new MatchingEngine(log, reducingReplaceKeepsPriority);
        final ReferenceMatcher reference = new ReferenceMatcher(reducingReplaceKeepsPriority);
        long nextOrderId = 1;
        int fills = 0;
        int replaces = 0;
        int cancels = 0;

        for (int operation = 0; operation < OPERATIONS; operation++)
        {
            final int kind = random.nextInt(100);
            final int expected;
            final int actual;
            int locate = 1 + random.nextInt(LOCATES);
            final String what;

            if (kind < 55 || reference.open.isEmpty())
            {
                final long orderId = random.nextInt(50) == 0 && !reference.open.isEmpty() ?
                    reference.open.get(random.nextInt(reference.open.size())).orderId : nextOrderId++;
                final int badLocate = random.nextInt(200);
                if (0 == badLocate)
                {
                    locate = random.nextBoolean() ? 0 : 65_536;
                }
                final byte side = random.nextInt(200) == 0 ? (byte)'T' : random.nextBoolean() ? BUY : SELL;
                final long qty = random.nextInt(100) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 100 : 1000);
                final long price = randomPrice(random);
                final byte timeInForce = random.nextInt(200) == 0 ? (byte)'G' :
                    random.nextInt(4) == 0 ? IMMEDIATE_OR_CANCEL : DAY;
                what = "enter " + orderId + " " + locate + " " + (char)side + " " + qty + "@" + price + " " +
                    (char)timeInForce;
                expected = reference.enter(orderId, locate, side, qty, price, timeInForce);
                actual = engine.enter(orderId, locate, side, qty, price, timeInForce, operation);
            }
            else if (kind < 80)
            {
                final ReferenceOrder order = reference.open.get(random.nextInt(reference.open.size()));
                final long orderId = random.nextInt(50) == 0 ? nextOrderId + 1_000_000 : order.orderId;
                final int choice = random.nextInt(10);
                final long qty = choice < 4 ? 0 : choice < 9 ? random.nextLong(order.qty) : order.qty + random.nextInt(2);
                locate = order.locate;
                what = "cancel " + orderId + " to " + qty;
                expected = reference.cancel(orderId, qty);
                actual = engine.cancel(orderId, qty);
                cancels++;
            }
            else
            {
                final ReferenceOrder order = reference.open.get(random.nextInt(reference.open.size()));
                final long orderId = random.nextInt(50) == 0 ? nextOrderId + 1_000_000 : order.orderId;
                final long newOrderId = random.nextInt(50) == 0 ?
                    reference.open.get(random.nextInt(reference.open.size())).orderId : nextOrderId++;
                final int choice = random.nextInt(4);
                final long qty = choice == 0 ? Math.max(0, order.qty - random.nextInt(3)) :
                    random.nextInt(100) == 0 ? 0 : 1 + random.nextInt(1000);
                final long price = choice <= 1 ? order.price : randomPrice(random);
                locate = order.locate;
                what = "replace " + orderId + " with " + newOrderId + " " + qty + "@" + price;
                expected = reference.replace(orderId, newOrderId, qty, price);
                actual = engine.replace(orderId, newOrderId, qty, price);
                replaces++;
            }

            final String context = "operation " + operation + ": " + what;
            assertEquals(MatchingResult.name(expected), MatchingResult.name(actual), context);

            final List<String> executed = new ArrayList<>();
            for (final String event : log.take())
            {
                if (event.startsWith("executed"))
                {
                    executed.add(event);
                }
            }
            assertEquals(reference.fills, executed, context);
            fills += executed.size();
            reference.fills.clear();

            if (locate >= 1 && locate <= LOCATES)
            {
                final List<String> book = engineBook(engine, locate);
                assertEquals(reference.book(locate), book, context);
                final List<String> sorted = new ArrayList<>(book);
                sorted.sort(null);
                assertEquals(sorted, feedBook(log, locate), context);
            }
            assertEquals(reference.open.size(), engine.openOrderCount(), context);
            assertEquals(reference.matchNumber, engine.lastMatchNumber(), context);
            for (final ReferenceOrder order : reference.open)
            {
                assertEquals(order.executedQty, engine.executedQty(order.orderId), context);
            }
        }

        // The run must have exercised what it claims to.
        assertFalse(fills < OPERATIONS / 10, "fills " + fills);
        assertFalse(replaces < OPERATIONS / 10, "replaces " + replaces);
        assertFalse(cancels < OPERATIONS / 10, "cancels " + cancels);
    }

    /**
     * Mostly whole cents around $10 so orders meet, sometimes sub-dollar, sometimes an invalid price.
     */
    private static long randomPrice(final SplittableRandom random)
    {
        final int choice = random.nextInt(100);
        if (0 == choice)
        {
            return random.nextBoolean() ? 0 : 10_0001;
        }
        if (choice < 3)
        {
            return 9_000 + random.nextInt(1_000);
        }

        return 10_0000 + 100L * (random.nextInt(21) - 10);
    }
}
