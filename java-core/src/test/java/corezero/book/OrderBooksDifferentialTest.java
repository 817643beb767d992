package corezero.book;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static corezero.book.BookComparison.assertSameBook;
import static corezero.book.BookComparison.assertSameQueue;
import static corezero.book.BookComparison.same;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OrderBooks} against the naive {@link ReferenceBooks} over more than a million random operations: adds,
 * executions (with and without price), cancels, deletes and replaces, with unknown and duplicate references,
 * oversized executions and cancels, bad sides, bad and mismatched locates, and phases that fill the order pool
 * and the price ladders to their limits. After every operation the result code, the touched book level by level
 * (prices, shares, order counts, best prices, trade statistics), the time priority of the touched queues and
 * the global order count must agree.
 */
class OrderBooksDifferentialTest
{
    private static final long SEED = 20_200_130L;
    private static final int OPERATIONS = 1_200_000;
    private static final int PHASE_LENGTH = 40_000;
    private static final int MAX_ORDERS = 1_500;
    private static final int MAX_LEVELS = 24;
    private static final int BOOK_SLOTS = 3;
    private static final int NO_SLOT_LOCATE = 4;
    private static final long TICK = 100;
    private static final int PRICE_BAND_TICKS = 40;

    private final Random random = new Random(SEED);
    private final OrderBooks books = new OrderBooks(MAX_ORDERS, MAX_LEVELS, BOOK_SLOTS);
    private final ReferenceBooks reference = new ReferenceBooks(MAX_ORDERS, MAX_LEVELS, BOOK_SLOTS);
    private final long[] midPrice = new long[BOOK_SLOTS + 1];
    private final int[] opCounts = new int[6];
    private long nextRef = 1;
    private long timestampNs;

    @Test
    void matchesNaiveReferenceBookAfterEveryOperation()
    {
        for (int locate = 1; locate <= BOOK_SLOTS; locate++)
        {
            books.book(locate);
            reference.books.put(locate, new ReferenceBooks.Book());
            midPrice[locate] = 1_000_000L * locate;
        }

        int maxLive = 0;
        for (int op = 0; op < OPERATIONS; op++)
        {
            final int phase = (op / PHASE_LENGTH) % 3;
            step(op, phase);
            maxLive = Math.max(maxLive, reference.liveCount());
            if (op % 20_000 == 0)
            {
                assertEverything("op " + op);
            }
        }
        assertEverything("end");

        System.out.printf("differential: %,d operations (add %,d, execute %,d, cancel %,d, delete %,d, replace %,d," +
            " other %,d), most live orders %d%n", OPERATIONS, opCounts[0], opCounts[1], opCounts[2], opCounts[3],
            opCounts[4], opCounts[5], maxLive);
        for (int result = 1; result < BookResult.COUNT; result++)
        {
            System.out.printf("  %-55s %,9d%n", BookResult.describe(result), books.rejects(result));
        }
        for (int result = 1; result < BookResult.COUNT; result++)
        {
            assertTrue(books.rejects(result) > 100, "too few cases of " + BookResult.describe(result));
        }
    }

    private void step(final int op, final int phase)
    {
        timestampNs += 1 + random.nextInt(1_000);
        final int roll = random.nextInt(100);
        final int addShare = phase == 1 ? 60 : phase == 2 ? 15 : 35;
        if (roll < addShare)
        {
            add(op);
        }
        else if (roll < addShare + (100 - addShare) * 3 / 10)
        {
            execute(op);
        }
        else if (roll < addShare + (100 - addShare) * 5 / 10)
        {
            cancel(op);
        }
        else if (roll < addShare + (100 - addShare) * 7 / 10)
        {
            delete(op);
        }
        else if (roll < addShare + (100 - addShare) * 95 / 100)
        {
            replace(op);
        }
        else
        {
            other(op);
        }
    }

    private void add(final int op)
    {
        opCounts[0]++;
        final int locate = randomLocate();
        final byte side = random.nextInt(200) == 0 ? (byte)'X' : random.nextBoolean() ? (byte)'B' : (byte)'S';
        final long ref = random.nextInt(50) == 0 ? liveRefOr(nextRef++) : nextRef++;
        final long shares = randomShares();
        final long price = randomPrice(locate, side == 'B');
        final int expected = reference.add(locate, ref, side, shares, price);
        final int actual = books.addOrder(locate, ref, side, shares, price, timestampNs);
        check(op, "add", expected, actual, locate);
        queue(op, locate, side == 'B', price);
    }

    private void execute(final int op)
    {
        opCounts[1]++;
        final long ref = targetRef();
        final int locate = locateFor(ref);
        final ReferenceBooks.Order order = reference.refs.get(ref);
        final long shares = sharesFor(order);
        final int expected;
        final int actual;
        if (random.nextInt(4) == 0)
        {
            final boolean printable = random.nextBoolean();
            final long price = randomPrice(Math.max(1, Math.min(BOOK_SLOTS, locate)), true);
            expected = reference.executeWithPrice(locate, ref, shares, price, printable);
            actual = books.executeOrderWithPrice(locate, ref, shares, price, printable, timestampNs);
        }
        else
        {
            expected = reference.execute(locate, ref, shares);
            actual = books.executeOrder(locate, ref, shares, timestampNs);
        }
        check(op, "execute", expected, actual, locate);
        if (order != null)
        {
            queue(op, order.locate, order.bid, order.price);
        }
    }

    private void cancel(final int op)
    {
        opCounts[2]++;
        final long ref = targetRef();
        final int locate = locateFor(ref);
        final ReferenceBooks.Order order = reference.refs.get(ref);
        final long shares = sharesFor(order);
        check(op, "cancel", reference.cancel(locate, ref, shares), books.cancelOrder(locate, ref, shares, timestampNs),
            locate);
        if (order != null)
        {
            queue(op, order.locate, order.bid, order.price);
        }
    }

    private void delete(final int op)
    {
        opCounts[3]++;
        final long ref = targetRef();
        final int locate = locateFor(ref);
        final ReferenceBooks.Order order = reference.refs.get(ref);
        check(op, "delete", reference.delete(locate, ref), books.deleteOrder(locate, ref, timestampNs), locate);
        if (order != null)
        {
            queue(op, order.locate, order.bid, order.price);
        }
    }

    private void replace(final int op)
    {
        opCounts[4]++;
        final long ref = targetRef();
        final int locate = locateFor(ref);
        final ReferenceBooks.Order order = reference.refs.get(ref);
        final long newRef = random.nextInt(40) == 0 ? liveRefOr(nextRef++) : nextRef++;
        final boolean bid = order == null ? random.nextBoolean() : order.bid;
        final long price = order != null && random.nextInt(3) == 0 ?
            order.price : randomPrice(Math.max(1, Math.min(BOOK_SLOTS, locate)), bid);
        final long shares = randomShares();
        final long oldPrice = order == null ? 0 : order.price;
        check(op, "replace", reference.replace(locate, ref, newRef, shares, price),
            books.replaceOrder(locate, ref, newRef, shares, price, timestampNs), locate);
        if (order != null)
        {
            queue(op, order.locate, bid, oldPrice);
            queue(op, order.locate, bid, price);
        }
    }

    private void other(final int op)
    {
        opCounts[5]++;
        final int locate = randomLocate();
        final long shares = random.nextInt(10) == 0 ? 0 : randomShares();
        final long price = randomPrice(Math.max(1, Math.min(BOOK_SLOTS, locate)), true);
        if (random.nextBoolean())
        {
            reference.trade(locate, shares, price);
            books.onTrade(locate, shares, price, timestampNs);
        }
        else
        {
            reference.cross(locate, shares, price);
            books.onCrossTrade(locate, shares, price, (byte)'O', timestampNs);
        }
        check(op, "trade", BookResult.OK, BookResult.OK, locate);
        for (int l = 1; l <= BOOK_SLOTS; l++)
        {
            if (random.nextInt(50) == 0)
            {
                midPrice[l] += (random.nextInt(3) - 1) * TICK;
            }
        }
    }

    private void check(final int op, final String what, final int expected, final int actual, final int locate)
    {
        if (expected != actual)
        {
            same(expected, actual, "result of " + what + " (" + BookResult.describe(expected) + " vs " +
                BookResult.describe(actual) + ")", "op " + op + " locate " + locate);
        }
        final ReferenceBooks.Book expectedBook =
            locate >= 1 && locate <= BOOK_SLOTS ? reference.books.get(locate) : null;
        assertSameBook(expectedBook, books.book(locate), what);
        same(reference.liveCount(), books.orderCount(), "live orders", what);
        same(MAX_ORDERS - reference.liveCount(), books.freeOrders(), "free orders", what);
    }

    private void queue(final int op, final int locate, final boolean bid, final long price)
    {
        final ReferenceBooks.Book book = reference.books.get(locate);
        if (book != null)
        {
            assertSameQueue(book, books, bid, price, "queue after op");
        }
    }

    private void assertEverything(final String context)
    {
        for (int locate = 1; locate <= BOOK_SLOTS; locate++)
        {
            assertSameBook(reference.books.get(locate), books.book(locate), context);
            final ReferenceBooks.Book book = reference.books.get(locate);
            for (final long price : book.bids.keySet())
            {
                assertSameQueue(book, books, true, price, context);
            }
            for (final long price : book.asks.keySet())
            {
                assertSameQueue(book, books, false, price, context);
            }
        }
        for (int result = 0; result < BookResult.COUNT; result++)
        {
            same(result == 0 ? 0 : reference.rejects[result], books.rejects(result),
                "rejects of " + BookResult.describe(result), context);
        }
    }

    /** Mostly a live order; sometimes a reference that was never used or is gone. */
    private long targetRef()
    {
        final int roll = random.nextInt(100);
        if (roll < 3)
        {
            return nextRef + 1_000 + random.nextInt(1_000);
        }
        if (roll < 6)
        {
            return anyKnownRef();
        }
        return reference.randomLiveRef(random);
    }

    private long liveRefOr(final long fallback)
    {
        final long ref = reference.randomLiveRef(random);
        return ref < 0 ? fallback : ref;
    }

    private long anyKnownRef()
    {
        return 1 + (long)random.nextInt((int)Math.min(Integer.MAX_VALUE, nextRef));
    }

    /** The order's own locate, or sometimes another one (mismatch), out of range, or without a book slot. */
    private int locateFor(final long ref)
    {
        final ReferenceBooks.Order order = reference.refs.get(ref);
        final int roll = random.nextInt(100);
        if (order == null || roll < 3)
        {
            return randomLocate();
        }
        if (roll < 6)
        {
            return 1 + (order.locate % BOOK_SLOTS);
        }
        return order.locate;
    }

    private int randomLocate()
    {
        final int roll = random.nextInt(200);
        if (roll == 0)
        {
            return 0;
        }
        if (roll == 1)
        {
            return 70_000;
        }
        if (roll == 2)
        {
            return NO_SLOT_LOCATE;
        }
        return 1 + random.nextInt(BOOK_SLOTS);
    }

    private long sharesFor(final ReferenceBooks.Order order)
    {
        if (order == null || order.shares < 1)
        {
            return randomShares();
        }
        if (random.nextInt(10) == 0)
        {
            return order.shares + 1 + random.nextInt(100);
        }
        return random.nextInt(3) == 0 ? order.shares : 1 + (long)random.nextInt((int)order.shares);
    }

    private long randomShares()
    {
        return random.nextInt(4) == 0 ? 1 + random.nextInt(99) : 100L * (1 + random.nextInt(10));
    }

    /** Prices in a band around the locate's mid on the order's side, crossing it a little now and then. */
    private long randomPrice(final int locate, final boolean bid)
    {
        final long mid = midPrice[Math.max(1, Math.min(BOOK_SLOTS, locate))];
        final int ticks = random.nextInt(PRICE_BAND_TICKS) - 2;
        return bid ? mid - ticks * TICK : mid + ticks * TICK;
    }
}
