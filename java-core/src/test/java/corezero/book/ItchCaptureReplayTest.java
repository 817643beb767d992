package corezero.book;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import static corezero.book.BookComparison.assertSameBook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Replays the real AAPL capture (10,000 ITCH 5.0 messages of 30 January 2020, BinaryFILE framing), read in
 * place from the shared folder with the test's own parser, into {@link OrderBooks} and the naive
 * {@link ReferenceBooks}: every order message must apply (no unknown references, no rejects of any kind), the
 * book must never be crossed after an update, and the final book must equal the reference level by level.
 */
class ItchCaptureReplayTest
{
    private static final String CAPTURE = "itch50-aapl-20200130-10k.bin";
    private static final int AAPL_LOCATE = 13;

    @Test
    void realCaptureBuildsAnUncrossedBookEqualToTheReference() throws IOException
    {
        final Path file = ItchCapture.sharedDir().resolve("data").resolve(CAPTURE).normalize();
        final List<ItchCapture.Message> messages = ItchCapture.read(file);
        assertEquals(10_000, messages.size());

        final OrderBooks books = new OrderBooks(100_000, 4_096);
        final ReferenceBooks reference = new ReferenceBooks(100_000, 4_096, OrderBooks.DEFAULT_MAX_BOOKS);
        final TreeMap<Character, Integer> typeCounts = new TreeMap<>();
        int index = 0;
        int maxBidLevels = 0;
        int maxAskLevels = 0;
        int maxOrders = 0;
        int updatesWithBothSides = 0;
        for (final ItchCapture.Message m : messages)
        {
            typeCounts.merge((char)m.type, 1, Integer::sum);
            final int expected;
            final int actual;
            switch (m.type)
            {
                case 'A':
                case 'F':
                    expected = reference.add(m.locate, m.ref, m.side, m.shares, m.price);
                    actual = books.addOrder(m.locate, m.ref, m.side, m.shares, m.price, m.timestampNs);
                    break;
                case 'E':
                    expected = reference.execute(m.locate, m.ref, m.shares);
                    actual = books.executeOrder(m.locate, m.ref, m.shares, m.timestampNs);
                    break;
                case 'C':
                    expected = reference.executeWithPrice(m.locate, m.ref, m.shares, m.price, m.printable);
                    actual = books.executeOrderWithPrice(
                        m.locate, m.ref, m.shares, m.price, m.printable, m.timestampNs);
                    break;
                case 'X':
                    expected = reference.cancel(m.locate, m.ref, m.shares);
                    actual = books.cancelOrder(m.locate, m.ref, m.shares, m.timestampNs);
                    break;
                case 'D':
                    expected = reference.delete(m.locate, m.ref);
                    actual = books.deleteOrder(m.locate, m.ref, m.timestampNs);
                    break;
                case 'U':
                    expected = reference.replace(m.locate, m.ref, m.newRef, m.shares, m.price);
                    actual = books.replaceOrder(m.locate, m.ref, m.newRef, m.shares, m.price, m.timestampNs);
                    break;
                case 'P':
                    reference.trade(m.locate, m.shares, m.price);
                    books.onTrade(m.locate, m.shares, m.price, m.timestampNs);
                    expected = actual = BookResult.OK;
                    break;
                case 'Q':
                    reference.cross(m.locate, m.shares, m.price);
                    books.onCrossTrade(m.locate, m.shares, m.price, m.code, m.timestampNs);
                    expected = actual = BookResult.OK;
                    break;
                case 'B':
                    books.onBrokenTrade(m.locate, m.matchNumber, m.timestampNs);
                    expected = actual = BookResult.OK;
                    break;
                case 'R':
                    books.onStockDirectory(m.locate, new UnsafeBuffer(m.raw), 11, m.timestampNs);
                    expected = actual = BookResult.OK;
                    break;
                case 'H':
                    books.onTradingAction(m.locate, m.code, m.timestampNs);
                    expected = actual = BookResult.OK;
                    break;
                case 'S':
                    books.onSystemEvent(m.code, m.timestampNs);
                    expected = actual = BookResult.OK;
                    break;
                default:
                    expected = actual = BookResult.OK;
                    break;
            }
            if (expected != BookResult.OK || actual != BookResult.OK)
            {
                fail("message " + index + " '" + (char)m.type + "' ref " + m.ref + ": expected " +
                    BookResult.describe(expected) + ", was " + BookResult.describe(actual));
            }

            final BookView book = books.book(m.locate);
            if (book.bestBidPrice() != BookView.NO_PRICE && book.bestAskPrice() != BookView.NO_PRICE)
            {
                updatesWithBothSides++;
                if (book.bestBidPrice() >= book.bestAskPrice())
                {
                    fail("crossed book after message " + index + " '" + (char)m.type + "' at " + m.timestampNs +
                        " ns: bid " + book.bestBidPrice() + " ask " + book.bestAskPrice());
                }
            }
            maxBidLevels = Math.max(maxBidLevels, book.bidLevels());
            maxAskLevels = Math.max(maxAskLevels, book.askLevels());
            maxOrders = Math.max(maxOrders, book.orderCount());
            index++;
        }

        final BookView aapl = books.book(AAPL_LOCATE);
        assertSameBook(reference.books.get(AAPL_LOCATE), aapl, "end of capture");
        for (int kind = 1; kind < BookResult.COUNT; kind++)
        {
            assertEquals(0, books.rejects(kind), BookResult.describe(kind));
        }
        assertEquals(AAPL_LOCATE, books.locateOf("AAPL"));
        assertEquals("AAPL", aapl.symbol());
        assertEquals('T', aapl.tradingState());
        assertEquals(reference.liveCount(), books.orderCount());
        assertTrue(updatesWithBothSides > 1_000, "the book must be two-sided for most of the capture");

        final ReferenceBooks.Book expected = reference.books.get(AAPL_LOCATE);
        System.out.printf("capture %s: %,d messages %s%n", file, messages.size(), typeCounts);
        System.out.printf("  final %s top: bid %,d @ %s, ask %,d @ %s (reference bid %s, ask %s)%n", aapl.symbol(),
            aapl.bestBidShares(), price(aapl.bestBidPrice()), aapl.bestAskShares(), price(aapl.bestAskPrice()),
            price(expected.bids.firstKey()), price(expected.asks.firstKey()));
        System.out.printf("  levels: %d bid / %d ask (reference %d / %d), orders %,d (reference %,d)," +
            " at most %d / %d levels and %,d orders%n", aapl.bidLevels(), aapl.askLevels(), expected.bids.size(),
            expected.asks.size(), aapl.orderCount(), reference.liveCount(), maxBidLevels, maxAskLevels, maxOrders);
        System.out.printf("  volume %,d in %,d prints, last %s, last update %,d ns; %,d updates two-sided," +
            " never crossed%n", aapl.tradedVolume(), aapl.tradeCount(), price(aapl.lastTradePrice()),
            aapl.lastUpdateNs(), updatesWithBothSides);
        for (int level = 0; level < 5; level++)
        {
            System.out.printf("  %d: %,7d (%3d) %12s | %-12s %,7d (%3d)%n", level, aapl.bidShares(level),
                aapl.bidOrderCount(level), price(aapl.bidPrice(level)), price(aapl.askPrice(level)),
                aapl.askShares(level), aapl.askOrderCount(level));
        }
    }

    private static String price(final long price)
    {
        return price == BookView.NO_PRICE ? "-" : String.format("%d.%04d", price / 10_000, price % 10_000);
    }
}
