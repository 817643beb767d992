package corezero.book;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A deliberately naive model of {@link OrderBooks} for differential tests: a TreeMap of price → order list per
 * side (bids in descending order, so the first key is always the best), a HashMap of references, and the same
 * rules and reject precedence written the obvious way. It allocates freely and is slow; it is only a referee.
 */
final class ReferenceBooks
{
    static final long NO_PRICE = BookView.NO_PRICE;

    static final class Order
    {
        final long ref;
        final int locate;
        final boolean bid;
        long shares;
        long price;
        int liveIndex;

        Order(final long ref, final int locate, final boolean bid, final long shares, final long price)
        {
            this.ref = ref;
            this.locate = locate;
            this.bid = bid;
            this.shares = shares;
            this.price = price;
        }
    }

    static final class Book
    {
        final TreeMap<Long, List<Order>> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, List<Order>> asks = new TreeMap<>();
        long tradedVolume;
        long tradeCount;
        long crossVolume;
        long lastTradePrice = NO_PRICE;

        TreeMap<Long, List<Order>> side(final boolean bid)
        {
            return bid ? bids : asks;
        }

        int orderCount()
        {
            int n = 0;
            for (final List<Order> level : bids.values())
            {
                n += level.size();
            }
            for (final List<Order> level : asks.values())
            {
                n += level.size();
            }
            return n;
        }

        void print(final long shares, final long price)
        {
            tradedVolume += shares;
            tradeCount++;
            lastTradePrice = price;
        }
    }

    final Map<Integer, Book> books = new HashMap<>();
    final Map<Long, Order> refs = new HashMap<>();
    final long[] rejects = new long[BookResult.COUNT];
    private final List<Order> live = new ArrayList<>();
    private final int maxOrders;
    private final int maxLevelsPerSide;
    private final int maxBooks;

    ReferenceBooks(final int maxOrders, final int maxLevelsPerSide, final int maxBooks)
    {
        this.maxOrders = maxOrders;
        this.maxLevelsPerSide = maxLevelsPerSide;
        this.maxBooks = maxBooks;
    }

    int add(final int locate, final long ref, final byte side, final long shares, final long price)
    {
        if (locate < 1 || locate > 65535)
        {
            return reject(BookResult.BAD_LOCATE);
        }
        if (side != 'B' && side != 'S')
        {
            return reject(BookResult.BAD_SIDE);
        }
        if (refs.containsKey(ref))
        {
            return reject(BookResult.DUPLICATE_ORDER);
        }
        if (!books.containsKey(locate) && books.size() == maxBooks)
        {
            return reject(BookResult.BAD_LOCATE);
        }
        if (refs.size() == maxOrders)
        {
            return reject(BookResult.POOL_EXHAUSTED);
        }
        final Book book = books.computeIfAbsent(locate, l -> new Book());
        final boolean bid = side == 'B';
        final TreeMap<Long, List<Order>> levels = book.side(bid);
        if (!levels.containsKey(price) && levels.size() == maxLevelsPerSide)
        {
            return reject(BookResult.LEVELS_EXHAUSTED);
        }
        final Order order = new Order(ref, locate, bid, shares, price);
        levels.computeIfAbsent(price, p -> new ArrayList<>()).add(order);
        refs.put(ref, order);
        order.liveIndex = live.size();
        live.add(order);
        return BookResult.OK;
    }

    int execute(final int locate, final long ref, final long shares)
    {
        final int found = check(locate, ref);
        if (found != BookResult.OK)
        {
            return reject(found);
        }
        final Order order = refs.get(ref);
        final long done = Math.min(shares, order.shares);
        books.get(locate).print(done, order.price);
        return reduce(order, shares, BookResult.EXECUTION_EXCEEDS_SHARES);
    }

    int executeWithPrice(
        final int locate, final long ref, final long shares, final long price, final boolean printable)
    {
        final int found = check(locate, ref);
        if (found != BookResult.OK)
        {
            return reject(found);
        }
        final Order order = refs.get(ref);
        if (printable)
        {
            books.get(locate).print(Math.min(shares, order.shares), price);
        }
        return reduce(order, shares, BookResult.EXECUTION_EXCEEDS_SHARES);
    }

    int cancel(final int locate, final long ref, final long shares)
    {
        final int found = check(locate, ref);
        if (found != BookResult.OK)
        {
            return reject(found);
        }
        return reduce(refs.get(ref), shares, BookResult.CANCEL_EXCEEDS_SHARES);
    }

    int delete(final int locate, final long ref)
    {
        final int found = check(locate, ref);
        if (found != BookResult.OK)
        {
            return reject(found);
        }
        remove(refs.get(ref));
        return BookResult.OK;
    }

    int replace(final int locate, final long oldRef, final long newRef, final long shares, final long price)
    {
        final int found = check(locate, oldRef);
        if (found != BookResult.OK)
        {
            return reject(found);
        }
        if (refs.containsKey(newRef))
        {
            return reject(BookResult.DUPLICATE_ORDER);
        }
        final Order old = refs.get(oldRef);
        final TreeMap<Long, List<Order>> levels = books.get(locate).side(old.bid);
        final List<Order> oldLevel = levels.get(old.price);
        final int oldPosition = oldLevel.indexOf(old);
        oldLevel.remove(oldPosition);
        if (oldLevel.isEmpty())
        {
            levels.remove(old.price);
        }
        if (!levels.containsKey(price) && levels.size() == maxLevelsPerSide)
        {
            // Put everything back exactly as it was: the replace is refused.
            levels.computeIfAbsent(old.price, p -> new ArrayList<>()).add(oldPosition, old);
            return reject(BookResult.LEVELS_EXHAUSTED);
        }
        unlist(old);
        refs.remove(oldRef);
        final Order replacement = new Order(newRef, locate, old.bid, shares, price);
        levels.computeIfAbsent(price, p -> new ArrayList<>()).add(replacement);
        refs.put(newRef, replacement);
        replacement.liveIndex = live.size();
        live.add(replacement);
        return BookResult.OK;
    }

    void trade(final int locate, final long shares, final long price)
    {
        final Book book = bookOrReject(locate);
        if (book != null)
        {
            book.print(shares, price);
        }
    }

    void cross(final int locate, final long shares, final long price)
    {
        final Book book = bookOrReject(locate);
        if (book != null && shares > 0)
        {
            book.crossVolume += shares;
            book.print(shares, price);
        }
    }

    /** A live reference chosen at random, or -1 when the book is empty. */
    long randomLiveRef(final Random random)
    {
        return live.isEmpty() ? -1 : live.get(random.nextInt(live.size())).ref;
    }

    int liveCount()
    {
        return live.size();
    }

    private Book bookOrReject(final int locate)
    {
        if (locate < 1 || locate > 65535 || (!books.containsKey(locate) && books.size() == maxBooks))
        {
            reject(BookResult.BAD_LOCATE);
            return null;
        }
        return books.computeIfAbsent(locate, l -> new Book());
    }

    private int check(final int locate, final long ref)
    {
        if (locate < 1 || locate > 65535)
        {
            return BookResult.BAD_LOCATE;
        }
        final Order order = refs.get(ref);
        if (order == null)
        {
            return BookResult.UNKNOWN_ORDER;
        }
        return order.locate == locate ? BookResult.OK : BookResult.LOCATE_MISMATCH;
    }

    private int reduce(final Order order, final long shares, final int exceedsResult)
    {
        if (shares > order.shares)
        {
            remove(order);
            return reject(exceedsResult);
        }
        order.shares -= shares;
        if (order.shares == 0)
        {
            remove(order);
        }
        return BookResult.OK;
    }

    private void remove(final Order order)
    {
        final TreeMap<Long, List<Order>> levels = books.get(order.locate).side(order.bid);
        final List<Order> level = levels.get(order.price);
        level.remove(order);
        if (level.isEmpty())
        {
            levels.remove(order.price);
        }
        refs.remove(order.ref);
        unlist(order);
    }

    private void unlist(final Order order)
    {
        final Order last = live.remove(live.size() - 1);
        if (last != order)
        {
            live.set(order.liveIndex, last);
            last.liveIndex = order.liveIndex;
        }
    }

    private int reject(final int result)
    {
        rejects[result]++;
        return result;
    }
}
