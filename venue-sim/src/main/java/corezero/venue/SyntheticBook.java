package corezero.venue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One instrument's order book as the synthetic generator builds it: the open orders, the price levels of each side
 * in time priority, and the drifting mid price new orders are placed around. Prices are ITCH Price(4) integers
 * (1 = $0.0001); orders are placed on a one-cent grid.
 * <p>
 * It answers what a valid next event may be (the best bid and ask, the highest price a bid may take without crossing,
 * the oldest order at the top of a side) and applies the events the generator chose. Setup-time code: it allocates.
 */
final class SyntheticBook
{
    /** One cent in Price(4). */
    static final long TICK = 100;

    /** Lowest mid price: one dollar. */
    static final long MIN_MID = 100 * TICK;

    /** Highest mid price: ten thousand dollars, well inside the 200,000.0000 the ITCH spec allows. */
    static final long MAX_MID = 1_000_000 * TICK;

    /** Best price of an empty side. */
    static final long NO_PRICE = -1;

    /**
     * An open order.
     */
    static final class Order
    {
        final long orderReferenceNumber;
        final boolean isBuy;
        final long price;
        long shares;
        int index;

        Order(final long orderReferenceNumber, final boolean isBuy, final long price, final long shares)
        {
            this.orderReferenceNumber = orderReferenceNumber;
            this.isBuy = isBuy;
            this.price = price;
            this.shares = shares;
        }
    }

    final int stockLocate;
    final String symbol;
    final long stock;
    private final List<Order> orders = new ArrayList<>();
    private final TreeMap<Long, ArrayDeque<Order>> bids = new TreeMap<>();
    private final TreeMap<Long, ArrayDeque<Order>> asks = new TreeMap<>();
    private long mid;

    /**
     * @param stockLocate the instrument's locate code, from 1.
     * @param symbol      1 to 8 characters.
     * @param mid         starting mid price, on the cent grid, {@link #MIN_MID} to {@link #MAX_MID}.
     */
    SyntheticBook(final int stockLocate, final String symbol, final long mid)
    {
        this.stockLocate = stockLocate;
        this.symbol = symbol;
        this.stock = packSymbol(symbol);
        this.mid = mid;
    }

    /**
     * @param symbol 1 to 8 ASCII characters.
     * @return the 8-byte ITCH stock field, left-justified and padded with spaces, as a big-endian long.
     */
    static long packSymbol(final String symbol)
    {
        long packed = 0;
        for (int i = 0; i < 8; i++)
        {
            packed = (packed << 8) | (i < symbol.length() ? symbol.charAt(i) : ' ');
        }

        return packed;
    }

    /**
     * Move the mid price a cent up or down now and then, staying within {@link #MIN_MID} and {@link #MAX_MID}.
     *
     * @param random the generator's.
     */
    void drift(final SplittableRandom random)
    {
        if (random.nextInt(10) == 0)
        {
            mid = Math.max(MIN_MID, Math.min(MAX_MID, mid + (random.nextBoolean() ? TICK : -TICK)));
        }
    }

    /**
     * @return the mid price new orders are placed around.
     */
    long mid()
    {
        return mid;
    }

    /**
     * @return number of open orders.
     */
    int orderCount()
    {
        return orders.size();
    }

    /**
     * @param random the generator's.
     * @return an open order picked uniformly; the book must not be empty.
     */
    Order randomOrder(final SplittableRandom random)
    {
        return orders.get(random.nextInt(orders.size()));
    }

    /**
     * @param isBuy which side.
     * @return the oldest order at the best price of that side, or null if the side is empty.
     */
    Order topOrder(final boolean isBuy)
    {
        final Map.Entry<Long, ArrayDeque<Order>> level = isBuy ? bids.lastEntry() : asks.firstEntry();

        return null == level ? null : level.getValue().peekFirst();
    }

    /**
     * @return best bid price, or {@link #NO_PRICE}.
     */
    long bestBid()
    {
        return bids.isEmpty() ? NO_PRICE : bids.lastKey();
    }

    /**
     * @return best ask price, or {@link #NO_PRICE}.
     */
    long bestAsk()
    {
        return asks.isEmpty() ? NO_PRICE : asks.firstKey();
    }

    /**
     * @param isBuy which side.
     * @param price wanted for an order on that side.
     * @return the price moved just inside the other side's best if it would lock or cross it, or
     * {@link #NO_PRICE} if no price on the cent grid above zero would do.
     */
    long uncrossedPrice(final boolean isBuy, final long price)
    {
        if (isBuy)
        {
            final long bestAsk = bestAsk();
            final long allowed = NO_PRICE == bestAsk ? price : Math.min(price, bestAsk - TICK);
            return allowed >= TICK ? allowed : NO_PRICE;
        }

        final long bestBid = bestBid();
        return NO_PRICE == bestBid ? Math.max(price, TICK) : Math.max(Math.max(price, TICK), bestBid + TICK);
    }

    /**
     * @param order to add, at a price that neither locks nor crosses the other side.
     */
    void add(final Order order)
    {
        final long oppositeBest = order.isBuy ? bestAsk() : bestBid();
        if (NO_PRICE != oppositeBest && (order.isBuy ? order.price >= oppositeBest : order.price <= oppositeBest))
        {
            throw new IllegalStateException(symbol + ": order " + order.orderReferenceNumber + " at " + order.price +
                " would cross the other side's best " + oppositeBest);
        }

        order.index = orders.size();
        orders.add(order);
        (order.isBuy ? bids : asks).computeIfAbsent(order.price, (price) -> new ArrayDeque<>()).addLast(order);
    }

    /**
     * @param order  open.
     * @param shares to take off it, at most its open shares; it leaves the book when none are left.
     */
    void reduce(final Order order, final long shares)
    {
        if (shares < 1 || shares > order.shares)
        {
            throw new IllegalStateException(
                symbol + ": cannot take " + shares + " of order " + order.orderReferenceNumber + "'s " + order.shares);
        }

        order.shares -= shares;
        if (0 == order.shares)
        {
            remove(order);
        }
    }

    /**
     * @param order open; it leaves the book.
     */
    void remove(final Order order)
    {
        final Order last = orders.remove(orders.size() - 1);
        if (last != order)
        {
            orders.set(order.index, last);
            last.index = order.index;
        }

        final TreeMap<Long, ArrayDeque<Order>> side = order.isBuy ? bids : asks;
        final ArrayDeque<Order> level = side.get(order.price);
        level.remove(order);
        if (level.isEmpty())
        {
            side.remove(order.price);
        }
    }
}
