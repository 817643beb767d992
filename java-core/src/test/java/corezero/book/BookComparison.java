package corezero.book;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares a {@link BookView} with the {@link ReferenceBooks} model level by level. Messages are built only on
 * a mismatch, so it can run after every one of a million operations.
 */
final class BookComparison
{
    private BookComparison()
    {
    }

    static void assertSameBook(final ReferenceBooks.Book expected, final BookView actual, final String context)
    {
        if (expected == null)
        {
            same(0, actual.bidLevels(), "bid levels of an unknown book", context);
            same(0, actual.askLevels(), "ask levels of an unknown book", context);
            same(0, actual.orderCount(), "orders of an unknown book", context);
            same(BookView.NO_PRICE, actual.bestBidPrice(), "best bid of an unknown book", context);
            same(BookView.NO_PRICE, actual.bestAskPrice(), "best ask of an unknown book", context);
            return;
        }
        assertSameSide(expected.bids, actual, true, context);
        assertSameSide(expected.asks, actual, false, context);
        same(expected.orderCount(), actual.orderCount(), "order count", context);
        same(expected.tradedVolume, actual.tradedVolume(), "traded volume", context);
        same(expected.tradeCount, actual.tradeCount(), "trade count", context);
        same(expected.crossVolume, actual.crossVolume(), "cross volume", context);
        same(expected.lastTradePrice, actual.lastTradePrice(), "last trade price", context);
    }

    /** The queue at one price, oldest first, against {@link OrderBooks#queuePosition} and shares. */
    static void assertSameQueue(
        final ReferenceBooks.Book expected, final OrderBooks books, final boolean bid, final long price,
        final String context)
    {
        final List<ReferenceBooks.Order> queue = expected.side(bid).get(price);
        if (queue == null)
        {
            return;
        }
        for (int i = 0; i < queue.size(); i++)
        {
            final ReferenceBooks.Order order = queue.get(i);
            if (books.queuePosition(order.ref) != i || books.orderShares(order.ref) != order.shares)
            {
                fail("ref " + order.ref + " at " + price + ": expected queue position " + i + " with " +
                    order.shares + " shares but was " + books.queuePosition(order.ref) + " with " +
                    books.orderShares(order.ref) + " (" + context + ")");
            }
        }
    }

    private static void assertSameSide(
        final TreeMap<Long, List<ReferenceBooks.Order>> levels, final BookView actual, final boolean bid,
        final String context)
    {
        final String name = bid ? "bid" : "ask";
        same(levels.size(), bid ? actual.bidLevels() : actual.askLevels(), name + " levels", context);
        int depth = 0;
        for (final Map.Entry<Long, List<ReferenceBooks.Order>> level : levels.entrySet())
        {
            long shares = 0;
            for (final ReferenceBooks.Order order : level.getValue())
            {
                shares += order.shares;
            }
            same(level.getKey(), bid ? actual.bidPrice(depth) : actual.askPrice(depth),
                name + " price at depth " + depth, context);
            same(shares, bid ? actual.bidShares(depth) : actual.askShares(depth),
                name + " shares at depth " + depth, context);
            same(level.getValue().size(), bid ? actual.bidOrderCount(depth) : actual.askOrderCount(depth),
                name + " orders at depth " + depth, context);
            depth++;
        }
        same(BookView.NO_PRICE, bid ? actual.bidPrice(depth) : actual.askPrice(depth),
            name + " price past the depth", context);
        final Map.Entry<Long, List<ReferenceBooks.Order>> best = levels.firstEntry();
        same(best == null ? BookView.NO_PRICE : best.getKey(), bid ? actual.bestBidPrice() : actual.bestAskPrice(),
            "best " + name, context);
        same(best == null ? 0 : (bid ? actual.bidShares(0) : actual.askShares(0)),
            bid ? actual.bestBidShares() : actual.bestAskShares(), "best " + name + " shares", context);
    }

    static void same(final long expected, final long actual, final String what, final String context)
    {
        if (expected != actual)
        {
            fail(what + ": expected " + expected + " but was " + actual + " (" + context + ")");
        }
    }
}
