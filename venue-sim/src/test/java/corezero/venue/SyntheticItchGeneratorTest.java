package corezero.venue;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50Listener;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The synthetic session is the same for the same seed, every message is what juncture's own parser reads back at
 * the length the ITCH 5.0 spec gives, and the order flow replayed into a naive book written here is valid: no
 * unknown or reused order reference, executions and cancels within the open shares, and never a locked or crossed
 * book.
 */
class SyntheticItchGeneratorTest
{
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "BRK.B");

    /** Message lengths from the ITCH 5.0 spec's tables. */
    private static final Map<Character, Integer> SPEC_LENGTHS = Map.of(
        'S', 12, 'R', 39, 'A', 36, 'F', 40, 'E', 31, 'C', 36, 'X', 23, 'D', 19, 'U', 35, 'P', 44);

    @Test
    void shouldMakeTheSameSessionForTheSameSeed()
    {
        final BinaryFileCapture first = SyntheticItchGenerator.generate(SYMBOLS, 42, 5_000);
        final BinaryFileCapture second = SyntheticItchGenerator.generate(SYMBOLS, 42, 5_000);
        final BinaryFileCapture otherSeed = SyntheticItchGenerator.generate(SYMBOLS, 43, 5_000);

        assertArrayEquals(bytes(first), bytes(second));
        assertFalse(Arrays.equals(bytes(first), bytes(otherSeed)));
        assertEquals("synthetic AAPL,MSFT,BRK.B seed 42", first.name());
        assertEquals(6 + SYMBOLS.size() + 5_000, first.messageCount());
        assertTrue(first.hasEndOfSessionRecord());
    }

    @Test
    void shouldEncodeEveryMessageSoThatJuncturesParserReadsItBackWhole() throws IOException
    {
        final BinaryFileCapture capture = SyntheticItchGenerator.generate(SYMBOLS, 7, 20_000);
        final ReferenceBook book = new ReferenceBook();
        final ITCH50Parser parser = new ITCH50Parser(book);
        final ByteBuffer view = capture.newByteBufferView();
        final Map<Character, Integer> counts = new TreeMap<>();

        long lastTimestampNs = -1;
        for (int i = 0; i < capture.messageCount(); i++)
        {
            final int offset = capture.messageOffset(i);
            final int length = capture.messageLength(i);
            final char type = (char)capture.buffer().getByte(offset);
            assertEquals(SPEC_LENGTHS.get(type), length, "message " + (i + 1) + " of type " + type);

            view.limit(offset + length).position(offset);
            book.expectedType = type;
            parser.message(view);
            assertEquals(0, view.remaining(), "juncture read message " + (i + 1) + " whole and no further");
            assertEquals(type, book.lastType, "juncture read message " + (i + 1) + " as its type");

            final long timestampNs = ItchHeaderDescriptor.timestampNs(capture.buffer(), offset, length);
            assertTrue(timestampNs >= lastTimestampNs, "timestamps never go back, message " + (i + 1));
            lastTimestampNs = timestampNs;
            counts.merge(type, 1, Integer::sum);
        }

        for (final char type : "SRAFECXDUP".toCharArray())
        {
            assertTrue(counts.getOrDefault(type, 0) > 0, "the session has " + type + " messages: " + counts);
        }
        assertEquals(6, counts.get('S'));
        assertEquals(SYMBOLS.size(), counts.get('R'));
        assertEquals(List.of('O', 'S', 'Q', 'M', 'E', 'C'), book.systemEvents);
        assertEquals(SYMBOLS, book.directory);
    }

    @Test
    void shouldMakeAValidOrderFlowThatNeverCrossesABook() throws IOException
    {
        for (final long seed : new long[]{ 1, 2, 3 })
        {
            final BinaryFileCapture capture = SyntheticItchGenerator.generate(SYMBOLS, seed, 30_000);
            final ReferenceBook book = new ReferenceBook();
            final ITCH50Parser parser = new ITCH50Parser(book);
            final ByteBuffer view = capture.newByteBufferView();
            for (int i = 0; i < capture.messageCount(); i++)
            {
                view.limit(capture.messageOffset(i) + capture.messageLength(i)).position(capture.messageOffset(i));
                book.expectedType = (char)capture.buffer().getByte(capture.messageOffset(i));
                parser.message(view);
            }

            assertTrue(book.orders.size() > 50, "books are not empty at the close: " + book.orders.size());
            assertTrue(book.maxLevelsBothSides > 10, "books are deep on both sides: " + book.maxLevelsBothSides);
            assertTrue(book.fullExecutions > 0 && book.partialExecutions > 0, "executions both whole and partial");
        }
    }

    @Test
    void shouldRefuseSymbolsItCannotEncode()
    {
        assertThrows(IllegalArgumentException.class, () -> SyntheticItchGenerator.checkSymbol(""));
        assertThrows(IllegalArgumentException.class, () -> SyntheticItchGenerator.checkSymbol("aapl"));
        assertThrows(IllegalArgumentException.class, () -> SyntheticItchGenerator.checkSymbol("ABCDEFGHI"));
        assertThrows(IllegalArgumentException.class, () -> SyntheticItchGenerator.checkSymbol("1ABC"));
        assertThrows(IllegalArgumentException.class, () -> SyntheticItchGenerator.checkSymbol("AB CD"));
        SyntheticItchGenerator.checkSymbol("BRK.B");
        SyntheticItchGenerator.checkSymbol("ABCDEFGH");
        assertThrows(IllegalArgumentException.class,
            () -> SyntheticItchGenerator.generate(List.of("AAPL", "AAPL"), 1, 10));
        assertThrows(IllegalArgumentException.class, () -> SyntheticItchGenerator.generate(List.of(), 1, 10));
        assertThrows(IllegalArgumentException.class, () -> SyntheticItchGenerator.generate(SYMBOLS, 1, 0));
    }

    private static byte[] bytes(final BinaryFileCapture capture)
    {
        final ByteBuffer view = capture.newByteBufferView();
        final byte[] bytes = new byte[view.remaining()];
        view.get(bytes);

        return bytes;
    }

    private static String symbol(final long stock)
    {
        final byte[] bytes = ByteBuffer.allocate(8).putLong(stock).array();
        return new String(bytes, StandardCharsets.US_ASCII).stripTrailing();
    }

    /**
     * A deliberately naive L3 book over juncture's decoded messages, failing at the first invalid event.
     */
    private static final class ReferenceBook implements ITCH50Listener
    {
        private static final class Order
        {
            final int stockLocate;
            final boolean isBuy;
            final long price;
            long shares;

            Order(final int stockLocate, final boolean isBuy, final long price, final long shares)
            {
                this.stockLocate = stockLocate;
                this.isBuy = isBuy;
                this.price = price;
                this.shares = shares;
            }
        }

        final Map<Long, Order> orders = new HashMap<>();
        final Map<Integer, TreeMap<Long, Long>> bids = new HashMap<>();
        final Map<Integer, TreeMap<Long, Long>> asks = new HashMap<>();
        final Map<Integer, String> symbols = new HashMap<>();
        final List<Character> systemEvents = new ArrayList<>();
        final List<String> directory = new ArrayList<>();
        char expectedType;
        char lastType;
        long lastOrderReferenceNumber;
        long lastMatchNumber;
        int maxLevelsBothSides;
        int fullExecutions;
        int partialExecutions;

        public void systemEvent(final ITCH50.SystemEvent message)
        {
            seen('S');
            assertEquals(0, message.stockLocate);
            systemEvents.add((char)message.eventCode);
        }

        public void stockDirectory(final ITCH50.StockDirectory message)
        {
            seen('R');
            assertEquals(directory.size() + 1, message.stockLocate, "locate codes 1, 2, ... in order");
            final String symbol = symbol(message.stock);
            directory.add(symbol);
            symbols.put(message.stockLocate, symbol);
            bids.put(message.stockLocate, new TreeMap<>());
            asks.put(message.stockLocate, new TreeMap<>());
            assertEquals(100, message.roundLotSize);
        }

        public void addOrder(final ITCH50.AddOrder message)
        {
            seen('A');
            add(message.stockLocate, message.orderReferenceNumber, message.buySellIndicator, message.shares,
                message.stock, message.price);
        }

        public void addOrderMPID(final ITCH50.AddOrderMPID message)
        {
            seen('F');
            add(message.stockLocate, message.orderReferenceNumber, message.buySellIndicator, message.shares,
                message.stock, message.price);
            assertNotEquals(0, message.attribution);
        }

        public void orderExecuted(final ITCH50.OrderExecuted message)
        {
            seen('E');
            execute(message.stockLocate, message.orderReferenceNumber, message.executedShares, message.matchNumber);
        }

        public void orderExecutedWithPrice(final ITCH50.OrderExecutedWithPrice message)
        {
            seen('C');
            final Order order = open(message.stockLocate, message.orderReferenceNumber);
            assertNotEquals(order.price, message.executionPrice, "C is at a price other than the display price");
            assertTrue(message.executionPrice > 0);
            assertTrue(message.printable == ITCH50.YES || message.printable == ITCH50.NO);
            execute(message.stockLocate, message.orderReferenceNumber, message.executedShares, message.matchNumber);
        }

        public void orderCancel(final ITCH50.OrderCancel message)
        {
            seen('X');
            final Order order = open(message.stockLocate, message.orderReferenceNumber);
            assertTrue(message.canceledShares >= 1 && message.canceledShares < order.shares,
                "a partial cancel of " + message.canceledShares + " out of " + order.shares);
            reduce(message.orderReferenceNumber, order, message.canceledShares);
        }

        public void orderDelete(final ITCH50.OrderDelete message)
        {
            seen('D');
            final Order order = open(message.stockLocate, message.orderReferenceNumber);
            reduce(message.orderReferenceNumber, order, order.shares);
        }

        public void orderReplace(final ITCH50.OrderReplace message)
        {
            seen('U');
            final Order order = open(message.stockLocate, message.originalOrderReferenceNumber);
            reduce(message.originalOrderReferenceNumber, order, order.shares);
            add(message.stockLocate, message.newOrderReferenceNumber, order.isBuy ? ITCH50.BUY : ITCH50.SELL,
                message.shares, SyntheticBook.packSymbol(symbols.get(message.stockLocate)), message.price);
        }

        public void trade(final ITCH50.Trade message)
        {
            seen('P');
            assertTrue(symbols.containsKey(message.stockLocate));
            assertEquals(symbols.get(message.stockLocate), symbol(message.stock));
            assertEquals(0, message.orderReferenceNumber, "a hidden order has no reference");
            assertEquals(ITCH50.BUY, message.buySellIndicator);
            assertTrue(message.shares > 0 && message.price > 0);
            match(message.matchNumber);
        }

        public void stockTradingAction(final ITCH50.StockTradingAction message)
        {
            unexpected('H');
        }

        public void regSHORestriction(final ITCH50.RegSHORestriction message)
        {
            unexpected('Y');
        }

        public void marketParticipantPosition(final ITCH50.MarketParticipantPosition message)
        {
            unexpected('L');
        }

        public void mwcbDeclineLevel(final ITCH50.MWCBDeclineLevel message)
        {
            unexpected('V');
        }

        public void mwcbStatus(final ITCH50.MWCBStatus message)
        {
            unexpected('W');
        }

        public void ipoQuotingPeriodUpdate(final ITCH50.IPOQuotingPeriodUpdate message)
        {
            unexpected('K');
        }

        public void luldAuctionCollar(final ITCH50.LULDAuctionCollar message)
        {
            unexpected('J');
        }

        public void operationalHalt(final ITCH50.OperationalHalt message)
        {
            unexpected('h');
        }

        public void crossTrade(final ITCH50.CrossTrade message)
        {
            unexpected('Q');
        }

        public void brokenTrade(final ITCH50.BrokenTrade message)
        {
            unexpected('B');
        }

        public void noii(final ITCH50.NOII message)
        {
            unexpected('I');
        }

        public void rpii(final ITCH50.RPII message)
        {
            unexpected('N');
        }

        private void seen(final char type)
        {
            assertEquals(expectedType, type, "the type byte and the message juncture decoded agree");
            lastType = type;
        }

        private void unexpected(final char type)
        {
            fail("the generator makes no " + type + " messages");
        }

        private void add(
            final int stockLocate,
            final long orderReferenceNumber,
            final byte side,
            final long shares,
            final long stock,
            final long price)
        {
            assertTrue(symbols.containsKey(stockLocate), "a stock directory came first for locate " + stockLocate);
            assertEquals(symbols.get(stockLocate), symbol(stock));
            assertFalse(orders.containsKey(orderReferenceNumber), "order " + orderReferenceNumber + " is new");
            assertTrue(orderReferenceNumber > lastOrderReferenceNumber, "order reference numbers rise");
            lastOrderReferenceNumber = orderReferenceNumber;
            assertTrue(side == ITCH50.BUY || side == ITCH50.SELL);
            assertTrue(shares > 0 && price > 0 && price <= 2_000_000_000L, shares + " at " + price);

            final boolean isBuy = side == ITCH50.BUY;
            orders.put(orderReferenceNumber, new Order(stockLocate, isBuy, price, shares));
            (isBuy ? bids : asks).get(stockLocate).merge(price, shares, Long::sum);
            assertNotCrossed(stockLocate);
        }

        private void execute(
            final int stockLocate, final long orderReferenceNumber, final long shares, final long matchNumber)
        {
            final Order order = open(stockLocate, orderReferenceNumber);
            assertTrue(shares >= 1 && shares <= order.shares, "executed " + shares + " of " + order.shares);
            if (shares == order.shares)
            {
                fullExecutions++;
            }
            else
            {
                partialExecutions++;
            }
            reduce(orderReferenceNumber, order, shares);
            match(matchNumber);
        }

        private Order open(final int stockLocate, final long orderReferenceNumber)
        {
            final Order order = orders.get(orderReferenceNumber);
            assertNotNull(order, "order " + orderReferenceNumber + " is open");
            assertEquals(order.stockLocate, stockLocate, "order " + orderReferenceNumber + " is in its own book");

            return order;
        }

        private void reduce(final long orderReferenceNumber, final Order order, final long shares)
        {
            order.shares -= shares;
            final TreeMap<Long, Long> side = (order.isBuy ? bids : asks).get(order.stockLocate);
            final long left = side.get(order.price) - shares;
            if (0 == left)
            {
                side.remove(order.price);
            }
            else
            {
                side.put(order.price, left);
            }
            if (0 == order.shares)
            {
                orders.remove(orderReferenceNumber);
            }
        }

        private void match(final long matchNumber)
        {
            assertTrue(matchNumber > lastMatchNumber, "match numbers rise");
            lastMatchNumber = matchNumber;
        }

        private void assertNotCrossed(final int stockLocate)
        {
            final TreeMap<Long, Long> bidLevels = bids.get(stockLocate);
            final TreeMap<Long, Long> askLevels = asks.get(stockLocate);
            if (!bidLevels.isEmpty() && !askLevels.isEmpty())
            {
                assertTrue(bidLevels.lastKey() < askLevels.firstKey(), symbols.get(stockLocate) + " crossed or locked: " +
                    bidLevels.lastKey() + " bid, " + askLevels.firstKey() + " ask");
                maxLevelsBothSides = Math.max(maxLevelsBothSides, Math.min(bidLevels.size(), askLevels.size()));
            }
        }
    }
}
