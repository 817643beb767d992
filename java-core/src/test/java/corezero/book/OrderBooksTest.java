package corezero.book;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderBooksTest
{
    private static final int AAPL = 13;
    private static final int MSFT = 14;
    private static final byte BUY = 'B';
    private static final byte SELL = 'S';
    private static final long NO_PRICE = BookView.NO_PRICE;

    private final OrderBooks books = new OrderBooks(64, 8);

    @Test
    void bidsDescendAndAsksAscendWithSharesAndCountsPerLevel()
    {
        add(1, BUY, 100, 3_000_000);
        add(2, BUY, 200, 3_010_000);
        add(3, BUY, 300, 2_990_000);
        add(4, BUY, 50, 3_010_000);
        add(5, SELL, 10, 3_030_000);
        add(6, SELL, 20, 3_020_000);
        add(7, SELL, 30, 3_040_000);

        final BookView book = books.book(AAPL);
        assertEquals(AAPL, book.stockLocate());
        assertEquals(3, book.bidLevels());
        assertEquals(3, book.askLevels());
        assertEquals(3_010_000, book.bestBidPrice());
        assertEquals(250, book.bestBidShares());
        assertEquals(3_020_000, book.bestAskPrice());
        assertEquals(20, book.bestAskShares());
        assertEquals(List.of(3_010_000L, 3_000_000L, 2_990_000L),
            List.of(book.bidPrice(0), book.bidPrice(1), book.bidPrice(2)));
        assertEquals(List.of(250L, 100L, 300L), List.of(book.bidShares(0), book.bidShares(1), book.bidShares(2)));
        assertEquals(List.of(2, 1, 1), List.of(book.bidOrderCount(0), book.bidOrderCount(1), book.bidOrderCount(2)));
        assertEquals(List.of(3_020_000L, 3_030_000L, 3_040_000L),
            List.of(book.askPrice(0), book.askPrice(1), book.askPrice(2)));
        assertEquals(List.of(20L, 10L, 30L), List.of(book.askShares(0), book.askShares(1), book.askShares(2)));
        assertEquals(7, book.orderCount());
        assertEquals(7, books.orderCount());
        assertEquals(64 - 7, books.freeOrders());
        assertEquals(123, book.lastUpdateNs());

        assertEquals(NO_PRICE, book.bidPrice(3));
        assertEquals(NO_PRICE, book.askPrice(-1));
        assertEquals(0, book.bidShares(3));
        assertEquals(0, book.askOrderCount(3));
    }

    @Test
    void emptyAndUnknownBooksAnswerSentinelsNotNull()
    {
        for (final int locate : new int[]{0, -1, 99, 65_536, Integer.MAX_VALUE})
        {
            final BookView book = books.book(locate);
            assertNotNull(book);
            assertEquals(locate == 99 ? 99 : 0, book.stockLocate());
            assertEquals("", book.symbol());
            assertEquals(NO_PRICE, book.bestBidPrice());
            assertEquals(NO_PRICE, book.bestAskPrice());
            assertEquals(0, book.bestBidShares());
            assertEquals(0, book.bestAskShares());
            assertEquals(0, book.bidLevels());
            assertEquals(NO_PRICE, book.lastTradePrice());
            assertEquals(BookView.NO_TRADING_STATE, book.tradingState());
        }
        final BookView kept = books.book(AAPL);
        add(1, BUY, 100, 1_000_000);
        assertSame(kept, books.book(AAPL), "a view taken before the first message is the live book");
        assertEquals(1_000_000, kept.bestBidPrice());
        assertEquals(NO_PRICE, books.book(AAPL).bestAskPrice());
        assertEquals(0, books.book(AAPL).askLevels());
    }

    @Test
    void ordersAtOnePriceKeepTimePriority()
    {
        add(10, BUY, 100, 1_000_000);
        add(11, BUY, 200, 1_000_000);
        add(12, BUY, 300, 1_000_000);
        assertEquals(List.of(0, 1, 2), positions(10, 11, 12));

        assertEquals(BookResult.OK, books.deleteOrder(AAPL, 11, 5));
        assertEquals(List.of(0, -1, 1), positions(10, 11, 12));

        add(13, BUY, 50, 1_000_000);
        assertEquals(List.of(0, 1, 2), positions(10, 12, 13));

        assertEquals(BookResult.OK, books.executeOrder(AAPL, 10, 100, 6));
        assertEquals(List.of(0, 1), positions(12, 13));
        assertEquals(350, aapl().bestBidShares());
        assertEquals(2, aapl().bidOrderCount(0));

        assertEquals(BookResult.OK, books.cancelOrder(AAPL, 13, 50, 7));
        assertEquals(List.of(0, -1), positions(12, 13));
    }

    @Test
    void executionsReduceSharesCountVolumeAndRemoveEmptyLevels()
    {
        add(1, SELL, 300, 2_000_000);
        add(2, SELL, 100, 2_010_000);

        assertEquals(BookResult.OK, books.executeOrder(AAPL, 1, 100, 200));
        assertEquals(200, aapl().bestAskShares());
        assertEquals(200, books.orderShares(1));
        assertEquals(100, aapl().tradedVolume());
        assertEquals(1, aapl().tradeCount());
        assertEquals(2_000_000, aapl().lastTradePrice());
        assertEquals(200, aapl().lastUpdateNs());

        assertEquals(BookResult.OK, books.executeOrder(AAPL, 1, 200, 300));
        assertEquals(1, aapl().askLevels());
        assertEquals(2_010_000, aapl().bestAskPrice());
        assertEquals(0, books.orderShares(1));
        assertEquals(-1, books.queuePosition(1));
        assertEquals(300, aapl().tradedVolume());
        assertEquals(1, aapl().orderCount());
        assertEquals(63, books.freeOrders());

        assertEquals(BookResult.UNKNOWN_ORDER, books.executeOrder(AAPL, 1, 1, 400));
        assertEquals(300, aapl().tradedVolume());
        assertEquals(1, books.rejects(BookResult.UNKNOWN_ORDER));
    }

    @Test
    void executionWithPriceCountsOnlyPrintableExecutions()
    {
        add(1, BUY, 500, 1_500_000);
        assertEquals(BookResult.OK, books.executeOrderWithPrice(AAPL, 1, 100, 1_499_900, true, 10));
        assertEquals(100, aapl().tradedVolume());
        assertEquals(1_499_900, aapl().lastTradePrice());

        assertEquals(BookResult.OK, books.executeOrderWithPrice(AAPL, 1, 150, 1_400_000, false, 11));
        assertEquals(100, aapl().tradedVolume());
        assertEquals(1, aapl().tradeCount());
        assertEquals(1_499_900, aapl().lastTradePrice());
        assertEquals(250, aapl().bestBidShares());
        assertEquals(1_500_000, aapl().bestBidPrice());
    }

    @Test
    void oversizedExecutionIsCountedClampedAndRemovesTheOrder()
    {
        add(1, BUY, 100, 1_000_000);
        add(2, BUY, 40, 1_000_000);
        assertEquals(BookResult.EXECUTION_EXCEEDS_SHARES, books.executeOrder(AAPL, 1, 150, 9));
        assertEquals(1, books.rejects(BookResult.EXECUTION_EXCEEDS_SHARES));
        assertEquals(-1, books.queuePosition(1));
        assertEquals(40, aapl().bestBidShares());
        assertEquals(1, aapl().bidOrderCount(0));
        assertEquals(100, aapl().tradedVolume(), "only the open shares traded");

        assertEquals(BookResult.EXECUTION_EXCEEDS_SHARES,
            books.executeOrderWithPrice(AAPL, 2, 41, 999_900, true, 10));
        assertEquals(0, aapl().bidLevels());
        assertEquals(140, aapl().tradedVolume());
        assertEquals(2, books.rejects(BookResult.EXECUTION_EXCEEDS_SHARES));
        assertEquals(0, books.orderCount());
    }

    @Test
    void cancelsReduceRemoveAtZeroAndClampOversizedCancels()
    {
        add(1, SELL, 100, 1_000_000);
        add(2, SELL, 100, 1_000_000);
        assertEquals(BookResult.OK, books.cancelOrder(AAPL, 1, 30, 1));
        assertEquals(70, books.orderShares(1));
        assertEquals(170, aapl().bestAskShares());
        assertEquals(0, aapl().tradedVolume(), "a cancel is not a trade");

        assertEquals(BookResult.OK, books.cancelOrder(AAPL, 1, 70, 2));
        assertEquals(-1, books.queuePosition(1));
        assertEquals(100, aapl().bestAskShares());

        assertEquals(BookResult.CANCEL_EXCEEDS_SHARES, books.cancelOrder(AAPL, 2, 101, 3));
        assertEquals(1, books.rejects(BookResult.CANCEL_EXCEEDS_SHARES));
        assertEquals(0, aapl().askLevels());
        assertEquals(NO_PRICE, aapl().bestAskPrice());
        assertEquals(0, aapl().orderCount());
    }

    @Test
    void deleteRemovesTheOrderAndItsLevelWhenLast()
    {
        add(1, BUY, 100, 1_000_000);
        add(2, BUY, 100, 990_000);
        add(3, BUY, 100, 980_000);
        assertEquals(BookResult.OK, books.deleteOrder(AAPL, 2, 50));
        assertEquals(2, aapl().bidLevels());
        assertEquals(1_000_000, aapl().bidPrice(0));
        assertEquals(980_000, aapl().bidPrice(1));
        assertEquals(50, aapl().lastUpdateNs());
        assertEquals(BookResult.UNKNOWN_ORDER, books.deleteOrder(AAPL, 2, 51));
        assertEquals(50, aapl().lastUpdateNs(), "a reject does not touch the book");
        assertEquals(2, books.orderCount());
    }

    @Test
    void rejectedAddsChangeNothingAndAreCountedPerKind()
    {
        add(1, BUY, 100, 1_000_000);
        assertEquals(BookResult.DUPLICATE_ORDER, books.addOrder(AAPL, 1, SELL, 5, 1_100_000, 2));
        assertEquals(BookResult.DUPLICATE_ORDER, books.addOrder(MSFT, 1, BUY, 5, 1_100_000, 2),
            "references are unique across instruments");
        assertEquals(BookResult.BAD_SIDE, books.addOrder(AAPL, 2, (byte)'X', 5, 1_100_000, 2));
        assertEquals(BookResult.BAD_LOCATE, books.addOrder(0, 3, BUY, 5, 1_100_000, 2));
        assertEquals(BookResult.BAD_LOCATE, books.addOrder(65_536, 4, BUY, 5, 1_100_000, 2));
        assertEquals(BookResult.BAD_LOCATE, books.addOrder(-5, 5, BUY, 5, 1_100_000, 2));

        assertEquals(2, books.rejects(BookResult.DUPLICATE_ORDER));
        assertEquals(1, books.rejects(BookResult.BAD_SIDE));
        assertEquals(3, books.rejects(BookResult.BAD_LOCATE));
        assertEquals(0, books.rejects(BookResult.OK));
        assertEquals(0, books.rejects(99));
        assertEquals(1, books.orderCount());
        assertEquals(1, aapl().bidLevels());
        assertEquals(0, aapl().askLevels());
        assertEquals(100, aapl().bestBidShares());
        assertEquals(0, books.book(MSFT).orderCount());
        assertEquals(-1, books.queuePosition(2));
    }

    @Test
    void operationsNamingAnotherInstrumentAreRejectedAsLocateMismatch()
    {
        add(1, BUY, 100, 1_000_000);
        assertEquals(BookResult.OK, books.addOrder(MSFT, 2, SELL, 10, 2_000_000, 1));

        assertEquals(BookResult.LOCATE_MISMATCH, books.executeOrder(MSFT, 1, 10, 2));
        assertEquals(BookResult.LOCATE_MISMATCH, books.executeOrderWithPrice(MSFT, 1, 10, 1, true, 2));
        assertEquals(BookResult.LOCATE_MISMATCH, books.cancelOrder(MSFT, 1, 10, 2));
        assertEquals(BookResult.LOCATE_MISMATCH, books.deleteOrder(MSFT, 1, 2));
        assertEquals(BookResult.LOCATE_MISMATCH, books.replaceOrder(MSFT, 1, 3, 10, 1_000_000, 2));
        assertEquals(BookResult.LOCATE_MISMATCH, books.deleteOrder(77, 1, 2), "a locate with no book");
        assertEquals(BookResult.BAD_LOCATE, books.deleteOrder(0, 1, 2));

        assertEquals(6, books.rejects(BookResult.LOCATE_MISMATCH));
        assertEquals(1, books.rejects(BookResult.BAD_LOCATE));
        assertEquals(100, aapl().bestBidShares());
        assertEquals(0, aapl().tradedVolume());
        assertEquals(0, books.book(MSFT).tradedVolume());
        assertEquals(10, books.book(MSFT).bestAskShares());
        assertEquals(-1, books.queuePosition(3));
    }

    @Test
    void replaceMovesPriceKeepsSideAndLosesTimePriority()
    {
        add(1, SELL, 100, 2_000_000);
        add(2, SELL, 200, 2_000_000);
        add(3, SELL, 300, 2_100_000);

        assertEquals(BookResult.OK, books.replaceOrder(AAPL, 1, 10, 150, 2_000_000, 7));
        assertEquals(-1, books.queuePosition(1));
        assertEquals(List.of(0, 1), positions(2, 10), "same price, new reference goes behind");
        assertEquals(350, aapl().bestAskShares());

        assertEquals(BookResult.OK, books.replaceOrder(AAPL, 2, 11, 50, 2_100_000, 8));
        assertEquals(List.of(0, 1), positions(3, 11));
        assertEquals(2_000_000, aapl().bestAskPrice());
        assertEquals(150, aapl().bestAskShares());
        assertEquals(350, aapl().askShares(1));
        assertEquals(0, aapl().bidLevels(), "the side is kept");

        assertEquals(BookResult.OK, books.replaceOrder(AAPL, 10, 12, 10, 1_950_000, 9));
        assertEquals(2, aapl().askLevels(), "the emptied level went, a new one came");
        assertEquals(1_950_000, aapl().bestAskPrice());
        assertEquals(10, aapl().bestAskShares());
        assertEquals(2_100_000, aapl().askPrice(1));
        assertEquals(3, aapl().orderCount());
        assertEquals(3, books.orderCount());
        assertEquals(9, aapl().lastUpdateNs());
        assertEquals(0, aapl().tradedVolume());

        assertEquals(BookResult.UNKNOWN_ORDER, books.replaceOrder(AAPL, 10, 13, 1, 1, 10));
        assertEquals(BookResult.DUPLICATE_ORDER, books.replaceOrder(AAPL, 12, 3, 1, 1, 10));
        assertEquals(BookResult.DUPLICATE_ORDER, books.replaceOrder(AAPL, 12, 12, 1, 1, 10));
        assertEquals(10, books.orderShares(12));
        assertEquals(1_950_000, aapl().bestAskPrice());
    }

    @Test
    void levelsExhaustedRefusesNewPricesButNotExistingOnes()
    {
        final OrderBooks small = new OrderBooks(16, 2);
        final BookView book = small.book(AAPL);
        assertEquals(BookResult.OK, small.addOrder(AAPL, 1, BUY, 10, 100, 1));
        assertEquals(BookResult.OK, small.addOrder(AAPL, 2, BUY, 10, 200, 1));
        assertEquals(BookResult.OK, small.addOrder(AAPL, 9, SELL, 10, 900, 1));
        assertEquals(BookResult.LEVELS_EXHAUSTED, small.addOrder(AAPL, 3, BUY, 10, 300, 1));
        assertEquals(BookResult.OK, small.addOrder(AAPL, 4, BUY, 10, 200, 1));
        assertEquals(BookResult.OK, small.addOrder(AAPL, 5, SELL, 10, 300, 1), "the other side has room");
        assertEquals(-1, small.queuePosition(3));

        assertEquals(BookResult.LEVELS_EXHAUSTED, small.replaceOrder(AAPL, 2, 6, 10, 250, 2),
            "its level keeps order 4, so a new level is needed and there is no room");
        assertEquals(List.of(200L, 100L), List.of(book.bidPrice(0), book.bidPrice(1)));
        assertEquals(0, small.queuePosition(2));
        assertEquals(-1, small.queuePosition(6));

        assertEquals(BookResult.OK, small.replaceOrder(AAPL, 1, 7, 10, 150, 3),
            "order 1 is alone at 100, its level is freed for 150");
        assertEquals(List.of(200L, 150L), List.of(book.bidPrice(0), book.bidPrice(1)));
        assertEquals(BookResult.OK, small.replaceOrder(AAPL, 2, 8, 10, 150, 4), "existing level");
        assertEquals(List.of(10L, 20L), List.of(book.bidShares(0), book.bidShares(1)));
        assertEquals(2, small.rejects(BookResult.LEVELS_EXHAUSTED));
        assertEquals(5, small.orderCount());
    }

    @Test
    void poolExhaustionRefusesAddsWithoutCorruptingState()
    {
        final OrderBooks small = new OrderBooks(3, 4);
        final BookView book = small.book(AAPL);
        assertEquals(BookResult.OK, small.addOrder(AAPL, 1, BUY, 10, 100, 1));
        assertEquals(BookResult.OK, small.addOrder(AAPL, 2, BUY, 20, 100, 1));
        assertEquals(BookResult.OK, small.addOrder(AAPL, 3, SELL, 30, 200, 1));
        assertEquals(0, small.freeOrders());

        assertEquals(BookResult.POOL_EXHAUSTED, small.addOrder(AAPL, 4, BUY, 40, 90, 2));
        assertEquals(BookResult.POOL_EXHAUSTED, small.addOrder(MSFT, 5, SELL, 40, 90, 2));
        assertEquals(2, small.rejects(BookResult.POOL_EXHAUSTED));
        assertEquals(1, book.bidLevels());
        assertEquals(30, book.bestBidShares());
        assertEquals(3, small.orderCount());
        assertEquals(-1, small.queuePosition(4));

        assertEquals(BookResult.OK, small.replaceOrder(AAPL, 1, 6, 15, 110, 3), "a replace reuses its entry");
        assertEquals(110, book.bestBidPrice());
        assertEquals(BookResult.OK, small.deleteOrder(AAPL, 3, 4));
        assertEquals(1, small.freeOrders());
        assertEquals(BookResult.OK, small.addOrder(AAPL, 4, SELL, 40, 190, 5));
        assertEquals(190, book.bestAskPrice());
        assertEquals(40, book.bestAskShares());
        assertEquals(List.of(0, 0, 0), List.of(small.queuePosition(6), small.queuePosition(2),
            small.queuePosition(4)));
        assertEquals(3, book.orderCount());
    }

    @Test
    void locatesBeyondTheBookSlotsAreRejected()
    {
        final OrderBooks two = new OrderBooks(8, 4, 2);
        assertEquals(BookResult.OK, two.addOrder(1, 1, BUY, 10, 100, 1));
        assertEquals(BookResult.OK, two.addOrder(2, 2, BUY, 10, 100, 1));
        assertEquals(BookResult.BAD_LOCATE, two.addOrder(3, 3, BUY, 10, 100, 1));
        two.onTrade(3, 100, 100, 2);
        assertEquals(2, two.rejects(BookResult.BAD_LOCATE));
        assertEquals(0, two.book(3).stockLocate());
        assertEquals(0, two.book(3).tradedVolume());
        assertThrows(IllegalArgumentException.class, () -> new OrderBooks(8, 0));
        assertThrows(IllegalArgumentException.class, () -> new OrderBooks(0, 4));
        assertThrows(IllegalArgumentException.class, () -> new OrderBooks(8, 4, 0));
    }

    @Test
    void manyLevelsStaySortedThroughRandomInsertsAndRemovals()
    {
        final OrderBooks deep = new OrderBooks(2_000, 500);
        final BookView book = deep.book(AAPL);
        final List<Long> prices = new ArrayList<>();
        for (long p = 1; p <= 400; p++)
        {
            prices.add(p * 100);
        }
        Collections.shuffle(prices, new Random(7));
        for (int i = 0; i < prices.size(); i++)
        {
            assertEquals(BookResult.OK, deep.addOrder(AAPL, i, BUY, 1, prices.get(i), i));
            assertEquals(BookResult.OK, deep.addOrder(AAPL, 10_000 + i, SELL, 1, prices.get(i), i));
        }
        assertEquals(400, book.bidLevels());
        for (int level = 0; level < 400; level++)
        {
            assertEquals((400 - level) * 100L, book.bidPrice(level));
            assertEquals((level + 1) * 100L, book.askPrice(level));
        }
        for (int i = 0; i < prices.size(); i += 2)
        {
            assertEquals(BookResult.OK, deep.deleteOrder(AAPL, i, 1));
            assertEquals(BookResult.OK, deep.deleteOrder(AAPL, 10_000 + i, 1));
        }
        assertEquals(200, book.bidLevels());
        assertEquals(200, book.askLevels());
        long previousBid = Long.MAX_VALUE;
        long previousAsk = Long.MIN_VALUE;
        for (int level = 0; level < 200; level++)
        {
            assertTrue(book.bidPrice(level) < previousBid);
            assertTrue(book.askPrice(level) > previousAsk);
            previousBid = book.bidPrice(level);
            previousAsk = book.askPrice(level);
            assertTrue(prices.indexOf(book.bidPrice(level)) % 2 == 1, "only the odd adds remain");
        }
    }

    @Test
    void directoryTradingActionTradesAndStaleness()
    {
        final UnsafeBuffer message = new UnsafeBuffer(new byte[39]);
        message.putBytes(11, "AAPL    ".getBytes(StandardCharsets.US_ASCII));
        books.onStockDirectory(AAPL, message, 11, 1_000);
        assertSame(books.book(AAPL), books.book(AAPL));
        assertEquals("AAPL", aapl().symbol());
        assertEquals(AAPL, books.locateOf("AAPL"));
        assertEquals(-1, books.locateOf("AAP"));
        assertEquals(-1, books.locateOf("MSFT"));
        assertEquals(1_000, aapl().lastUpdateNs());

        books.onTradingAction(AAPL, (byte)'H', 2_000);
        assertEquals('H', aapl().tradingState());
        books.onTradingAction(AAPL, (byte)'T', 2_001);
        assertEquals('T', aapl().tradingState());

        books.onTrade(AAPL, 100, 3_000_000, 3_000);
        books.onCrossTrade(AAPL, 5_000, 3_010_000, (byte)'O', 3_001);
        books.onCrossTrade(AAPL, 0, 9_999_999, (byte)'C', 3_002);
        books.onBrokenTrade(AAPL, 42, 3_003);
        assertEquals(5_100, aapl().tradedVolume());
        assertEquals(2, aapl().tradeCount());
        assertEquals(5_000, aapl().crossVolume());
        assertEquals(3_010_000, aapl().lastTradePrice(), "an empty cross is no print");
        assertEquals(1, aapl().brokenTradeCount());
        assertEquals(0, aapl().orderCount(), "trades leave the book alone");

        books.onSystemEvent((byte)'Q', 4_000);
        assertEquals('Q', books.lastSystemEvent());

        assertFalse(aapl().isStale());
        books.markAllStale(true, 5_000);
        assertTrue(aapl().isStale());
        assertTrue(books.book(MSFT).isStale(), "unknown books are stale too");
        assertEquals(5_000, aapl().lastUpdateNs());
        add(1, BUY, 100, 1_000_000);
        assertTrue(books.book(AAPL).isStale(), "updates during recovery leave the flag");
        assertEquals(BookResult.OK, books.addOrder(MSFT, 2, BUY, 1, 1, 5_001));
        assertTrue(books.book(MSFT).isStale(), "a book bound during a gap starts stale");
        books.markAllStale(false, 6_000);
        assertFalse(aapl().isStale());
        assertFalse(books.book(MSFT).isStale());

        books.onTrade(0, 1, 1, 7_000);
        books.onTradingAction(70_000, (byte)'T', 7_000);
        assertEquals(2, books.rejects(BookResult.BAD_LOCATE));
    }

    @Test
    void everyResultCodeIsDescribed()
    {
        for (int result = 0; result < BookResult.COUNT; result++)
        {
            assertFalse(BookResult.describe(result).startsWith("result "), "code " + result);
        }
        assertEquals("result 42", BookResult.describe(42));
    }

    private BookView aapl()
    {
        return books.book(AAPL);
    }

    private void add(final long ref, final byte side, final long shares, final long price)
    {
        assertEquals(BookResult.OK, books.addOrder(AAPL, ref, side, shares, price, 123));
    }

    private List<Integer> positions(final long... refs)
    {
        final List<Integer> positions = new ArrayList<>();
        for (final long ref : refs)
        {
            positions.add(books.queuePosition(ref));
        }
        return positions;
    }
}
