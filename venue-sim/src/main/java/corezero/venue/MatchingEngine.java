package corezero.venue;

import java.util.ArrayDeque;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * A price-time priority matching engine for the simulated venue: one {@link MatchingBook} per stock locate, pure and
 * deterministic (no I/O, no clock: time comes in with the order). Every effect is reported to the
 * {@link MatchingListener} synchronously and each operation also returns a {@link MatchingResult} code.
 * <p>
 * Semantics, following NASDAQ OUCH 5.0 where it has something to say:
 * <ul>
 *     <li>An incoming order trades against the opposite side best price first, then oldest first, while it crosses;
 *     every fill is at the resting order's price and takes the next match number. What is left rests (day) or is
 *     canceled with reason {@link #CANCEL_IMMEDIATE_OR_CANCEL} (IOC). No self-trade prevention.</li>
 *     <li>{@code cancel(orderId, qty)}: {@code qty} is the new intended open quantity (OUCH's "intended order
 *     size" less the chain's executed shares); 0 cancels the whole order. A quantity at or above the open quantity
 *     is rejected with {@link MatchingResult#NOTHING_TO_CANCEL} (OUCH ignores such a cancel silently; the OUCH
 *     server should drop that reject). A partial cancel keeps time priority.</li>
 *     <li>{@code replace(orderId, newOrderId, qty, price)}: {@code qty} is the new open quantity. By default the
 *     order keeps its time priority only if the price is unchanged and the quantity does not increase; otherwise it
 *     goes to the back of its (new) price level, and a new price that crosses trades at once as an incoming day
 *     order. The OUCH 5.0 specification is stricter ("Replacing an order always gives it a new timestamp for its
 *     time priority"; a partial cancel is how to keep it): {@link #MatchingEngine(MatchingListener, boolean)} with
 *     {@code false} gives that. Either way the feed sees an ITCH Order Replace, which consumers apply as a new order
 *     at the back of the level, so only the strict mode keeps their queue order equal to the engine's.</li>
 *     <li>OUCH's own cancel and replace quantities count shares already executed on the order chain; the engine
 *     works in open shares and keeps {@link #executedQty} per chain so the OUCH server can convert.</li>
 *     <li>Order ids must be unique among open orders (not across the day: the OUCH server's UserRefNum check is
 *     where the strictly increasing rule belongs).</li>
 *     <li>Prices: 1 to {@link #MAX_PRICE}; at or above $1 only whole cents (Reg NMS rule 612, as NASDAQ enforces).</li>
 * </ul>
 * Allocation: orders and levels are pooled and reused; the id map and a side's level array grow when needed.
 * Single-threaded.
 */
final class MatchingEngine
{
    static final byte BUY = 'B';
    static final byte SELL = 'S';
    static final byte DAY = 'D';
    static final byte IMMEDIATE_OR_CANCEL = 'I';

    /** OUCH cancel reason 'U': the owner asked. */
    static final byte CANCEL_USER_REQUESTED = 'U';

    /** OUCH cancel reason 'I': the unfilled part of an immediate-or-cancel order. */
    static final byte CANCEL_IMMEDIATE_OR_CANCEL = 'I';

    /** Highest price an order may have: $199,999.99, whole cents just under ITCH Price(4)'s $200,000 ceiling. */
    static final long MAX_PRICE = 1_999_999_900L;

    /** $1 in Price(4): at and above it prices must be whole cents. */
    static final long ONE_DOLLAR = 10_000;

    /** One cent in Price(4). */
    static final long CENT = 100;

    static final int MAX_LOCATE = 65_535;

    private final MatchingListener listener;
    private final MatchingBook[] books = new MatchingBook[MAX_LOCATE + 1];
    private final Long2ObjectHashMap<MatchingOrder> openOrders = new Long2ObjectHashMap<>();
    private final ArrayDeque<MatchingOrder> freeOrders = new ArrayDeque<>();
    private final boolean reducingReplaceKeepsPriority;
    private long lastMatchNumber;

    /**
     * An engine whose replaces keep time priority when only the quantity goes down at the same price.
     *
     * @param listener told of everything, synchronously.
     */
    MatchingEngine(final MatchingListener listener)
    {
        this(listener, true);
    }

    /**
     * @param listener                     told of everything, synchronously.
     * @param reducingReplaceKeepsPriority true: a replace at the same price with no more shares keeps its place in
     *                                     the queue; false: every replace goes to the back (OUCH 5.0 as written).
     */
    MatchingEngine(final MatchingListener listener, final boolean reducingReplaceKeepsPriority)
    {
        this.listener = listener;
        this.reducingReplaceKeepsPriority = reducingReplaceKeepsPriority;
    }

    /**
     * Enter a limit order.
     *
     * @param orderId     unique among open orders.
     * @param locate      stock locate, 1 to 65,535.
     * @param side        {@link #BUY} or {@link #SELL}.
     * @param qty         shares, above zero.
     * @param price       limit, see {@link #isValidPrice}.
     * @param timeInForce {@link #DAY} or {@link #IMMEDIATE_OR_CANCEL}.
     * @param nowNs       entry time, kept with the order (and its replacements) for the simulator; matching does
     *                    not read it, priority is arrival order.
     * @return a {@link MatchingResult} code.
     */
    int enter(
        final long orderId,
        final int locate,
        final byte side,
        final long qty,
        final long price,
        final byte timeInForce,
        final long nowNs)
    {
        final int result = validateEnter(orderId, locate, side, qty, price, timeInForce);
        if (MatchingResult.OK != result)
        {
            listener.onRejected(orderId, result);
            return result;
        }

        listener.onAccepted(orderId, locate, side, qty, price, timeInForce);
        final MatchingBook book = book(locate);
        final long remaining = match(book, orderId, side, qty, price);
        if (remaining > 0)
        {
            if (DAY == timeInForce)
            {
                rest(book, orderId, side, remaining, price, nowNs).executedQty = qty - remaining;
            }
            else
            {
                listener.onCanceled(orderId, remaining, CANCEL_IMMEDIATE_OR_CANCEL);
            }
        }

        return MatchingResult.OK;
    }

    /**
     * Put a day order straight on the book at the back of its level, without matching: a restarted venue rebuilds
     * its book from the feed it published, which never showed a crossed book. Only {@link
     * MatchingListener#onBookAdd} is told.
     *
     * @param orderId unique among open orders.
     * @param locate  stock locate, 1 to 65,535.
     * @param side    {@link #BUY} or {@link #SELL}.
     * @param qty     shares, above zero.
     * @param price   limit, see {@link #isValidPrice}.
     * @param nowNs   entry time, kept with the order.
     * @return a {@link MatchingResult} code.
     */
    int restoreResting(
        final long orderId, final int locate, final byte side, final long qty, final long price, final long nowNs)
    {
        final int result = validateEnter(orderId, locate, side, qty, price, DAY);
        if (MatchingResult.OK == result)
        {
            rest(book(locate), orderId, side, qty, price, nowNs);
        }

        return result;
    }

    /**
     * Reduce or cancel an open order.
     *
     * @param orderId open.
     * @param qty     the new intended open quantity, below the current one; 0 cancels the whole order (negative:
     *                {@link MatchingResult#ZERO_QUANTITY}).
     * @return a {@link MatchingResult} code.
     */
    int cancel(final long orderId, final long qty)
    {
        final MatchingOrder order = openOrders.get(orderId);
        final int result = null == order ? MatchingResult.UNKNOWN_ORDER :
            qty < 0 ? MatchingResult.ZERO_QUANTITY :
            qty >= order.qty ? MatchingResult.NOTHING_TO_CANCEL : MatchingResult.OK;
        if (MatchingResult.OK != result)
        {
            listener.onRejected(orderId, result);
            return result;
        }

        final long canceledQty = order.qty - qty;
        listener.onCanceled(orderId, canceledQty, CANCEL_USER_REQUESTED);
        if (0 == qty)
        {
            listener.onBookDelete(orderId, order.locate);
            remove(order);
        }
        else
        {
            order.qty = qty;
            listener.onBookCancel(orderId, order.locate, canceledQty);
        }

        return MatchingResult.OK;
    }

    /**
     * Replace an open order with a new one of the same instrument and side.
     *
     * @param orderId    open.
     * @param newOrderId not open (and not {@code orderId}).
     * @param qty        the new open quantity, above zero.
     * @param price      the new limit, see {@link #isValidPrice}.
     * @return a {@link MatchingResult} code.
     */
    int replace(final long orderId, final long newOrderId, final long qty, final long price)
    {
        final MatchingOrder order = openOrders.get(orderId);
        final int result = null == order ? MatchingResult.UNKNOWN_ORDER :
            orderId == newOrderId || openOrders.containsKey(newOrderId) ? MatchingResult.DUPLICATE_ID :
            qty <= 0 ? MatchingResult.ZERO_QUANTITY :
            !isValidPrice(price) ? MatchingResult.BAD_PRICE : MatchingResult.OK;
        if (MatchingResult.OK != result)
        {
            listener.onRejected(orderId, result);
            return result;
        }

        listener.onReplaced(orderId, newOrderId, qty, price);
        final int locate = order.locate;
        final MatchingBook book = book(locate);
        openOrders.remove(orderId);
        if (reducingReplaceKeepsPriority && price == order.price && qty <= order.qty)
        {
            // Same price, no more shares: the order keeps its place in the queue under its new id.
            order.orderId = newOrderId;
            order.qty = qty;
            openOrders.put(newOrderId, order);
            listener.onBookReplace(orderId, newOrderId, locate, qty, price);
            return MatchingResult.OK;
        }

        final byte side = order.side;
        final long enteredNs = order.enteredNs;
        final long executedQty = order.executedQty;
        removeFromLevel(book, order);
        freeOrders.addFirst(order);

        final MatchingLevel oppositeBest = book.opposite(side).best();
        if (null != oppositeBest && crosses(side, price, oppositeBest.price))
        {
            // The feed must lose the old order before the new one trades, or it would see a crossed book.
            listener.onBookDelete(orderId, locate);
            final long remaining = match(book, newOrderId, side, qty, price);
            if (remaining > 0)
            {
                rest(book, newOrderId, side, remaining, price, enteredNs).executedQty = executedQty + qty - remaining;
            }
        }
        else
        {
            final MatchingOrder replacement = newOrder(newOrderId, locate, side, qty, price, enteredNs);
            replacement.executedQty = executedQty;
            book.side(side).levelFor(price).append(replacement);
            openOrders.put(newOrderId, replacement);
            listener.onBookReplace(orderId, newOrderId, locate, qty, price);
        }

        return MatchingResult.OK;
    }

    /**
     * @param locate stock locate.
     * @return its book, or null if no order has been entered for it.
     */
    MatchingBook bookOrNull(final int locate)
    {
        return locate < 1 || locate > MAX_LOCATE ? null : books[locate];
    }

    /**
     * @return the number of open orders across all books.
     */
    int openOrderCount()
    {
        return openOrders.size();
    }

    /**
     * @param orderId any.
     * @return its open quantity, or 0 if it is not open.
     */
    long openQty(final long orderId)
    {
        final MatchingOrder order = openOrders.get(orderId);
        return null == order ? 0 : order.qty;
    }

    /**
     * @param orderId any.
     * @return shares executed on its chain (this order and the orders it replaced), or 0 if it is not open.
     */
    long executedQty(final long orderId)
    {
        final MatchingOrder order = openOrders.get(orderId);
        return null == order ? 0 : order.executedQty;
    }

    /**
     * @param orderId any.
     * @return its limit price, or {@link MatchingBook#NO_PRICE} if it is not open.
     */
    long openPrice(final long orderId)
    {
        final MatchingOrder order = openOrders.get(orderId);
        return null == order ? MatchingBook.NO_PRICE : order.price;
    }

    /**
     * @param orderId any.
     * @return its side, or 0 if it is not open.
     */
    byte openSide(final long orderId)
    {
        final MatchingOrder order = openOrders.get(orderId);
        return null == order ? 0 : order.side;
    }

    /**
     * @return the match number of the last fill, 0 before the first.
     */
    long lastMatchNumber()
    {
        return lastMatchNumber;
    }

    /**
     * @param price Price(4).
     * @return true if 1 to {@link #MAX_PRICE} and, from $1 up, a whole number of cents.
     */
    static boolean isValidPrice(final long price)
    {
        return price >= 1 && price <= MAX_PRICE && (price < ONE_DOLLAR || 0 == price % CENT);
    }

    private int validateEnter(
        final long orderId, final int locate, final byte side, final long qty, final long price, final byte timeInForce)
    {
        if (openOrders.containsKey(orderId))
        {
            return MatchingResult.DUPLICATE_ID;
        }
        if (locate < 1 || locate > MAX_LOCATE)
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
        if (!isValidPrice(price))
        {
            return MatchingResult.BAD_PRICE;
        }
        if (DAY != timeInForce && IMMEDIATE_OR_CANCEL != timeInForce)
        {
            return MatchingResult.BAD_TIME_IN_FORCE;
        }

        return MatchingResult.OK;
    }

    /**
     * Trade an incoming order against the opposite side while it crosses.
     *
     * @return the quantity left.
     */
    private long match(final MatchingBook book, final long orderId, final byte side, final long qty, final long price)
    {
        final MatchingSide opposite = book.opposite(side);
        long remaining = qty;
        MatchingLevel level;
        while (remaining > 0 && null != (level = opposite.best()) && crosses(side, price, level.price))
        {
            final MatchingOrder resting = level.head;
            final long fillQty = Math.min(remaining, resting.qty);
            final long matchNumber = ++lastMatchNumber;
            remaining -= fillQty;
            resting.qty -= fillQty;
            resting.executedQty += fillQty;
            listener.onExecuted(resting.orderId, orderId, fillQty, level.price, matchNumber);
            listener.onBookExecute(resting.orderId, book.locate, fillQty, level.price, matchNumber);
            if (0 == resting.qty)
            {
                remove(resting);
            }
        }

        return remaining;
    }

    private static boolean crosses(final byte side, final long price, final long oppositePrice)
    {
        return BUY == side ? price >= oppositePrice : price <= oppositePrice;
    }

    /**
     * @return the order now resting, for the caller to set its executed quantity.
     */
    private MatchingOrder rest(
        final MatchingBook book, final long orderId, final byte side, final long qty, final long price, final long nowNs)
    {
        final MatchingOrder order = newOrder(orderId, book.locate, side, qty, price, nowNs);
        book.side(side).levelFor(price).append(order);
        openOrders.put(orderId, order);
        listener.onBookAdd(orderId, book.locate, side, qty, price);
        return order;
    }

    private MatchingOrder newOrder(
        final long orderId, final int locate, final byte side, final long qty, final long price, final long nowNs)
    {
        final MatchingOrder order = freeOrders.isEmpty() ? new MatchingOrder() : freeOrders.pollFirst();
        order.set(orderId, locate, side, qty, price, nowNs);
        return order;
    }

    /**
     * Take an open order out of its level and the id map and pool it.
     */
    private void remove(final MatchingOrder order)
    {
        openOrders.remove(order.orderId);
        removeFromLevel(books[order.locate], order);
        freeOrders.addFirst(order);
    }

    private static void removeFromLevel(final MatchingBook book, final MatchingOrder order)
    {
        final MatchingLevel level = order.level;
        level.remove(order);
        if (level.isEmpty())
        {
            book.side(order.side).removeLevel(level);
        }
    }

    private MatchingBook book(final int locate)
    {
        MatchingBook book = books[locate];
        if (null == book)
        {
            book = new MatchingBook(locate);
            books[locate] = book;
        }

        return book;
    }
}
