package corezero.venue;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50.AddOrder;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50.AddOrderMPID;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50.OrderCancel;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50.OrderDelete;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50.OrderExecuted;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50.OrderExecutedWithPrice;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50.OrderReplace;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50.StockDirectory;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50.SystemEvent;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50.Trade;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A synthetic ITCH 5.0 trading session, made up front as an in-memory BinaryFILE capture that the feed publishes
 * like a real one. The messages are encoded by juncture (an ITCH implementation written elsewhere), so the engine's
 * decoder meets bytes nobody here laid out.
 * <p>
 * The session: system event Start of Messages, a Stock Directory per symbol (locate codes 1, 2, ... in the order
 * given), Start of System Hours and Start of Market Hours, then the order flow, then End of Market Hours, End of
 * System Hours and End of Messages. Each order-flow message is for an instrument picked at random and is one of:
 * add order with and without attribution (A, F) around a drifting mid price, execution at the display price or at
 * another (E, C) of at most the open shares, partial cancel (X), delete (D), replace (U), or a trade against a hidden
 * order (P). The flow is valid by construction: it never references an order that is not open, never executes or
 * cancels more than is open, and never locks or crosses a book (a bid goes below the best ask, an ask above the best
 * bid). Timestamps rise through the session from 09:30. The same symbols, seed and length give the same bytes.
 * <p>
 * Setup-time code: it allocates freely.
 */
public final class SyntheticItchGenerator
{
    /** Default number of order-flow messages in a session. */
    public static final int DEFAULT_ORDER_FLOW_MESSAGES = 100_000;

    /** Most order-flow messages in a session: at most about 460 MB of capture. */
    public static final int MAX_ORDER_FLOW_MESSAGES = 10_000_000;

    /** Most instruments in a session. */
    public static final int MAX_SYMBOLS = 1_000;

    /** Timestamp of the first order-flow message: 09:30:00, the start of market hours. */
    static final long MARKET_OPEN_NS = TimeUnit.MINUTES.toNanos(9 * 60 + 30);

    /** Mean gap between two order-flow messages. */
    static final long MEAN_GAP_NS = TimeUnit.MICROSECONDS.toNanos(50);

    /** Longest ITCH message generated (P, Trade) plus its BinaryFILE length field. */
    private static final int MAX_RECORD_LENGTH = 2 + 44;

    /** Messages around the order flow: O, S, Q before; M, E, C after. */
    private static final int SYSTEM_EVENTS = 6;

    /** Books grow to about this many orders; past it, deletes become more likely than adds. */
    private static final int TARGET_ORDERS_PER_BOOK = 300;

    private static final int[] ATTRIBUTIONS = { packMpid("NSDQ"), packMpid("CZMM"), packMpid("GSCO"), packMpid("UBSS") };

    private final SplittableRandom random;
    private final SyntheticBook[] books;
    private final ByteBuffer out;
    private final SystemEvent systemEvent = new SystemEvent();
    private final StockDirectory stockDirectory = new StockDirectory();
    private final AddOrder addOrder = new AddOrder();
    private final AddOrderMPID addOrderMpid = new AddOrderMPID();
    private final OrderExecuted orderExecuted = new OrderExecuted();
    private final OrderExecutedWithPrice orderExecutedWithPrice = new OrderExecutedWithPrice();
    private final OrderCancel orderCancel = new OrderCancel();
    private final OrderDelete orderDelete = new OrderDelete();
    private final OrderReplace orderReplace = new OrderReplace();
    private final Trade trade = new Trade();
    private long timestampNs;
    private long nextOrderReferenceNumber = 1;
    private long nextMatchNumber = 1;

    private SyntheticItchGenerator(final List<String> symbols, final long seed, final int orderFlowMessages)
    {
        random = new SplittableRandom(seed);
        books = new SyntheticBook[symbols.size()];
        for (int i = 0; i < books.length; i++)
        {
            // Start between $10 and $500, on the cent grid.
            final long mid = (1_000 + random.nextInt(49_001)) * SyntheticBook.TICK;
            books[i] = new SyntheticBook(i + 1, symbols.get(i), mid);
        }

        final long capacity = (long)MAX_RECORD_LENGTH * (SYSTEM_EVENTS + books.length + orderFlowMessages) + 2;
        out = ByteBuffer.allocateDirect((int)capacity);
    }

    /**
     * Make a session.
     *
     * @param symbols           1 to {@link #MAX_SYMBOLS} distinct symbols, each valid by {@link #checkSymbol(String)}.
     * @param seed              of the random choices: the same seed gives the same session.
     * @param orderFlowMessages 1 to {@link #MAX_ORDER_FLOW_MESSAGES}: the messages between market open and close.
     * @return the session as a capture named after the symbols and the seed.
     * @throws IllegalArgumentException naming the symbol or number that is out of range.
     */
    public static BinaryFileCapture generate(final List<String> symbols, final long seed, final int orderFlowMessages)
    {
        if (symbols.isEmpty() || symbols.size() > MAX_SYMBOLS)
        {
            throw new IllegalArgumentException("expected 1 to " + MAX_SYMBOLS + " symbols, got " + symbols.size());
        }
        if (symbols.stream().distinct().count() != symbols.size())
        {
            throw new IllegalArgumentException("symbols must be distinct, got " + symbols);
        }
        symbols.forEach(SyntheticItchGenerator::checkSymbol);
        if (orderFlowMessages < 1 || orderFlowMessages > MAX_ORDER_FLOW_MESSAGES)
        {
            throw new IllegalArgumentException(
                "expected 1 to " + MAX_ORDER_FLOW_MESSAGES + " order-flow messages, got " + orderFlowMessages);
        }

        final SyntheticItchGenerator generator = new SyntheticItchGenerator(symbols, seed, orderFlowMessages);
        generator.session(orderFlowMessages);

        return BinaryFileCapture.index(
            "synthetic " + String.join(",", symbols) + " seed " + seed, generator.out.flip());
    }

    /**
     * @param symbol to check: 1 to 8 characters, upper-case letters first, then letters, digits or '.'.
     * @throws IllegalArgumentException if it is not such a symbol.
     */
    public static void checkSymbol(final String symbol)
    {
        boolean isValid = symbol.length() >= 1 && symbol.length() <= 8 && isUpperLetter(symbol.charAt(0));
        for (int i = 1; isValid && i < symbol.length(); i++)
        {
            final char c = symbol.charAt(i);
            isValid = isUpperLetter(c) || (c >= '0' && c <= '9') || c == '.';
        }

        if (!isValid)
        {
            throw new IllegalArgumentException(
                "a symbol is 1 to 8 of A-Z, 0-9 and '.', starting with a letter, got \"" + symbol + "\"");
        }
    }

    private void session(final int orderFlowMessages)
    {
        timestampNs = MARKET_OPEN_NS - TimeUnit.MILLISECONDS.toNanos(10);
        systemEvent(ITCH50.EVENT_CODE_START_OF_MESSAGES);
        for (final SyntheticBook book : books)
        {
            stockDirectory(book);
        }
        systemEvent(ITCH50.EVENT_CODE_START_OF_SYSTEM_HOURS);
        timestampNs = MARKET_OPEN_NS;
        systemEvent(ITCH50.EVENT_CODE_START_OF_MARKET_HOURS);

        for (int i = 0; i < orderFlowMessages; i++)
        {
            // StrictMath: the same bits on every JVM, so a seed makes the same session everywhere.
            timestampNs += 1 + (long)(-StrictMath.log(1 - random.nextDouble()) * MEAN_GAP_NS);
            orderFlowMessage(books[random.nextInt(books.length)]);
        }

        for (final byte eventCode : new byte[]{
            ITCH50.EVENT_CODE_END_OF_MARKET_HOURS, ITCH50.EVENT_CODE_END_OF_SYSTEM_HOURS, ITCH50.EVENT_CODE_END_OF_MESSAGES })
        {
            timestampNs += TimeUnit.MILLISECONDS.toNanos(1);
            systemEvent(eventCode);
        }

        // BinaryFILE's zero-length record: the end of the session.
        out.putShort((short)0);
    }

    private void orderFlowMessage(final SyntheticBook book)
    {
        book.drift(random);
        if (0 == book.orderCount())
        {
            add(book);
            return;
        }

        final int addWeight = book.orderCount() < TARGET_ORDERS_PER_BOOK ? 45 : 25;
        final int choice = random.nextInt(100);
        if (choice < addWeight)
        {
            add(book);
        }
        else if (choice < addWeight + 15)
        {
            execute(book);
        }
        else if (choice < addWeight + 23)
        {
            cancel(book, book.randomOrder(random));
        }
        else if (choice < addWeight + 28)
        {
            replace(book, book.randomOrder(random));
        }
        else if (choice < addWeight + 33)
        {
            hiddenTrade(book);
        }
        else
        {
            delete(book, book.randomOrder(random));
        }
    }

    private void add(final SyntheticBook book)
    {
        boolean isBuy = random.nextBoolean();
        long price = book.uncrossedPrice(isBuy, placementPrice(book, isBuy));
        if (SyntheticBook.NO_PRICE == price)
        {
            // No bid fits below an ask at one cent: an ask always fits.
            isBuy = false;
            price = book.uncrossedPrice(false, placementPrice(book, false));
        }

        final SyntheticBook.Order order = new SyntheticBook.Order(nextOrderReferenceNumber++, isBuy, price, shares());
        book.add(order);

        if (random.nextInt(10) == 0)
        {
            header(addOrderMpid, book);
            addOrderMpid.orderReferenceNumber = order.orderReferenceNumber;
            addOrderMpid.buySellIndicator = isBuy ? ITCH50.BUY : ITCH50.SELL;
            addOrderMpid.shares = order.shares;
            addOrderMpid.stock = book.stock;
            addOrderMpid.price = order.price;
            addOrderMpid.attribution = ATTRIBUTIONS[random.nextInt(ATTRIBUTIONS.length)];
            put(addOrderMpid);
        }
        else
        {
            header(addOrder, book);
            addOrder.orderReferenceNumber = order.orderReferenceNumber;
            addOrder.buySellIndicator = isBuy ? ITCH50.BUY : ITCH50.SELL;
            addOrder.shares = order.shares;
            addOrder.stock = book.stock;
            addOrder.price = order.price;
            put(addOrder);
        }
    }

    /** An incoming order takes liquidity from the top of one side: the oldest order at the best price. */
    private void execute(final SyntheticBook book)
    {
        final boolean isBuySide = random.nextBoolean();
        SyntheticBook.Order order = book.topOrder(isBuySide);
        if (null == order)
        {
            order = book.topOrder(!isBuySide);
        }

        final long shares = random.nextBoolean() ? order.shares : 1 + random.nextLong(order.shares);
        // A price other than the display price: better for the resting order, as a hidden midpoint match would be.
        final long otherPrice = order.isBuy ? order.price - SyntheticBook.TICK : order.price + SyntheticBook.TICK;
        if (random.nextInt(5) == 0 && otherPrice > 0)
        {
            header(orderExecutedWithPrice, book);
            orderExecutedWithPrice.orderReferenceNumber = order.orderReferenceNumber;
            orderExecutedWithPrice.executedShares = shares;
            orderExecutedWithPrice.matchNumber = nextMatchNumber++;
            orderExecutedWithPrice.printable = random.nextInt(10) == 0 ? ITCH50.NO : ITCH50.YES;
            orderExecutedWithPrice.executionPrice = otherPrice;
            put(orderExecutedWithPrice);
        }
        else
        {
            header(orderExecuted, book);
            orderExecuted.orderReferenceNumber = order.orderReferenceNumber;
            orderExecuted.executedShares = shares;
            orderExecuted.matchNumber = nextMatchNumber++;
            put(orderExecuted);
        }

        book.reduce(order, shares);
    }

    private void cancel(final SyntheticBook book, final SyntheticBook.Order order)
    {
        if (order.shares < 2)
        {
            delete(book, order);
            return;
        }

        final long shares = 1 + random.nextLong(order.shares - 1);
        header(orderCancel, book);
        orderCancel.orderReferenceNumber = order.orderReferenceNumber;
        orderCancel.canceledShares = shares;
        put(orderCancel);

        book.reduce(order, shares);
    }

    private void delete(final SyntheticBook book, final SyntheticBook.Order order)
    {
        header(orderDelete, book);
        orderDelete.orderReferenceNumber = order.orderReferenceNumber;
        put(orderDelete);

        book.remove(order);
    }

    private void replace(final SyntheticBook book, final SyntheticBook.Order order)
    {
        book.remove(order);
        final long wanted = order.price + (random.nextInt(7) - 3) * SyntheticBook.TICK;
        long price = book.uncrossedPrice(order.isBuy, Math.max(SyntheticBook.TICK, wanted));
        if (SyntheticBook.NO_PRICE == price)
        {
            price = order.price;
        }

        final SyntheticBook.Order replacement =
            new SyntheticBook.Order(nextOrderReferenceNumber++, order.isBuy, price, shares());
        book.add(replacement);

        header(orderReplace, book);
        orderReplace.originalOrderReferenceNumber = order.orderReferenceNumber;
        orderReplace.newOrderReferenceNumber = replacement.orderReferenceNumber;
        orderReplace.shares = replacement.shares;
        orderReplace.price = replacement.price;
        put(orderReplace);
    }

    /** A match between hidden orders: no order of the book is referenced, and the book is not changed. */
    private void hiddenTrade(final SyntheticBook book)
    {
        final long bestBid = book.bestBid();
        final long bestAsk = book.bestAsk();
        final long price;
        if (SyntheticBook.NO_PRICE != bestBid && SyntheticBook.NO_PRICE != bestAsk)
        {
            price = bestBid + ((bestAsk - bestBid) / 2 / SyntheticBook.TICK) * SyntheticBook.TICK;
        }
        else
        {
            price = book.mid();
        }

        header(trade, book);
        trade.orderReferenceNumber = 0;
        trade.buySellIndicator = ITCH50.BUY;
        trade.shares = shares();
        trade.stock = book.stock;
        trade.price = price;
        trade.matchNumber = nextMatchNumber++;
        put(trade);
    }

    private long placementPrice(final SyntheticBook book, final boolean isBuy)
    {
        // Most orders near the top of the book, a few further out.
        final long ticksAway = (long)(-StrictMath.log(1 - random.nextDouble()) * 4);
        return isBuy ?
            book.mid() - Math.min(ticksAway, 50) * SyntheticBook.TICK :
            book.mid() + (1 + Math.min(ticksAway, 50)) * SyntheticBook.TICK;
    }

    private long shares()
    {
        final int kind = random.nextInt(10);
        if (kind < 7)
        {
            return 100L * (1 + random.nextInt(10));
        }
        if (kind < 9)
        {
            return 1 + random.nextInt(99);
        }

        return 100L * (10 + random.nextInt(91));
    }

    private void systemEvent(final byte eventCode)
    {
        systemEvent.stockLocate = 0;
        systemEvent.trackingNumber = 0;
        timestamp(systemEvent);
        systemEvent.eventCode = eventCode;
        put(systemEvent);
    }

    private void stockDirectory(final SyntheticBook book)
    {
        timestampNs += TimeUnit.MICROSECONDS.toNanos(1);
        header(stockDirectory, book);
        stockDirectory.stock = book.stock;
        stockDirectory.marketCategory = ITCH50.MARKET_CATEGORY_NASDAQ_GLOBAL_SELECT_MARKET;
        stockDirectory.financialStatusIndicator = ITCH50.FINANCIAL_STATUS_INDICATOR_NORMAL;
        stockDirectory.roundLotSize = 100;
        stockDirectory.roundLotsOnly = ITCH50.NO;
        stockDirectory.issueClassification = 'C';
        stockDirectory.issueSubType = (short)('Z' << 8 | ' ');
        // Production, not test: an engine may rightly hide test issues, and these are meant to be traded.
        stockDirectory.authenticity = ITCH50.AUTHENTICITY_PRODUCTION;
        stockDirectory.shortSaleThresholdIndicator = ITCH50.NO;
        stockDirectory.ipoFlag = ITCH50.NO;
        stockDirectory.luldReferencePriceTier = ITCH50.LULD_REFERENCE_PRICE_TIER_1;
        stockDirectory.etpFlag = ITCH50.NO;
        stockDirectory.etpLeverageFactor = 0;
        stockDirectory.inverseIndicator = ITCH50.NO;
        put(stockDirectory);
    }

    private void header(final AddOrder message, final SyntheticBook book)
    {
        message.stockLocate = book.stockLocate;
        message.trackingNumber = 0;
        message.timestampHigh = timestampHigh();
        message.timestampLow = timestampLow();
    }

    private void header(final AddOrderMPID message, final SyntheticBook book)
    {
        message.stockLocate = book.stockLocate;
        message.trackingNumber = 0;
        message.timestampHigh = timestampHigh();
        message.timestampLow = timestampLow();
    }

    private void header(final OrderExecuted message, final SyntheticBook book)
    {
        message.stockLocate = book.stockLocate;
        message.trackingNumber = 0;
        message.timestampHigh = timestampHigh();
        message.timestampLow = timestampLow();
    }

    private void header(final OrderExecutedWithPrice message, final SyntheticBook book)
    {
        message.stockLocate = book.stockLocate;
        message.trackingNumber = 0;
        message.timestampHigh = timestampHigh();
        message.timestampLow = timestampLow();
    }

    private void header(final OrderCancel message, final SyntheticBook book)
    {
        message.stockLocate = book.stockLocate;
        message.trackingNumber = 0;
        message.timestampHigh = timestampHigh();
        message.timestampLow = timestampLow();
    }

    private void header(final OrderDelete message, final SyntheticBook book)
    {
        message.stockLocate = book.stockLocate;
        message.trackingNumber = 0;
        message.timestampHigh = timestampHigh();
        message.timestampLow = timestampLow();
    }

    private void header(final OrderReplace message, final SyntheticBook book)
    {
        message.stockLocate = book.stockLocate;
        message.trackingNumber = 0;
        message.timestampHigh = timestampHigh();
        message.timestampLow = timestampLow();
    }

    private void header(final Trade message, final SyntheticBook book)
    {
        message.stockLocate = book.stockLocate;
        message.trackingNumber = 0;
        message.timestampHigh = timestampHigh();
        message.timestampLow = timestampLow();
    }

    private void header(final StockDirectory message, final SyntheticBook book)
    {
        message.stockLocate = book.stockLocate;
        message.trackingNumber = 0;
        message.timestampHigh = timestampHigh();
        message.timestampLow = timestampLow();
    }

    private void timestamp(final SystemEvent message)
    {
        message.timestampHigh = timestampHigh();
        message.timestampLow = timestampLow();
    }

    private int timestampHigh()
    {
        return (int)(timestampNs >>> 32);
    }

    private long timestampLow()
    {
        return timestampNs & 0xFFFF_FFFFL;
    }

    /** One BinaryFILE record: the length, then juncture's encoding of the message. */
    private void put(final ITCH50.Message message)
    {
        final int lengthOffset = out.position();
        out.position(lengthOffset + BinaryFileReader.LENGTH_FIELD_LENGTH);
        message.put(out);
        out.putShort(lengthOffset, (short)(out.position() - lengthOffset - BinaryFileReader.LENGTH_FIELD_LENGTH));
    }

    private static boolean isUpperLetter(final char c)
    {
        return c >= 'A' && c <= 'Z';
    }

    private static int packMpid(final String mpid)
    {
        return mpid.charAt(0) << 24 | mpid.charAt(1) << 16 | mpid.charAt(2) << 8 | mpid.charAt(3);
    }
}
