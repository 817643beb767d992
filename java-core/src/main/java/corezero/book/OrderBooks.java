package corezero.book;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Arrays;

/**
 * L3 order books for every instrument of an ITCH 5.0 feed, fed with decoded primitives by the hot thread.
 * <p>
 * Structure (all allocated in the constructor; nothing allocates afterwards except the control-path methods
 * that say so):
 * <ul>
 *   <li>{@link OrderRefIndex}: one global map from order reference number to pooled order (NASDAQ references
 *       are unique across instruments for the day), open addressing, at most half full.</li>
 *   <li>{@link OrderPool}: shares, level, book and the time-priority links of each live order.</li>
 *   <li>{@link LevelPool}: price, total shares, order count and the head/tail of each level's queue, shared by
 *       all books.</li>
 *   <li>Per book slot, a {@link Book} with two {@link PriceLadder}s: sorted arrays of levels with the best at
 *       the end, so the top of book and any depth index are O(1).</li>
 *   <li>{@code locateSlots}: stock locate → book slot. A locate is bound to the next free slot the first time
 *       a message names it (normally its Stock Directory message at start of day).</li>
 * </ul>
 * Costs: execute, cancel and delete are a hash lookup (and a hash removal when the order goes) plus O(1) list
 * and array updates; an add or replace also finds its level in the ladder, scanning from the top; creating or
 * emptying a level adds an array move of the levels above it (see {@link PriceLadder}). Memory is about {@code maxOrders × (85..120)} bytes (index,
 * order and level pools) plus {@code maxBooks × maxLevelsPerSide × 24} bytes (ladders) plus 256 KiB (locates).
 * <p>
 * Rejected operations change nothing (except the clamping removals described in {@link BookResult}), are
 * counted per kind and never throw. Not thread-safe: one writer thread, which is also the only reader of the
 * {@link BookView}s.
 */
public final class OrderBooks
{
    /** Largest stock locate (a 2-byte field); 0 is not an instrument. */
    public static final int MAX_LOCATE = 0xFFFF;

    /**
     * Book slots of the two-argument constructor: ample for a filtered feed, while the ladders stay at
     * {@code 256 × maxLevelsPerSide × 24} bytes (25 MB at 4096 levels). A full NASDAQ feed (about 9,000 locates)
     * needs the three-argument constructor and a smaller {@code maxLevelsPerSide}.
     */
    public static final int DEFAULT_MAX_BOOKS = 256;

    private static final int NO_SLOT = -1;

    private final OrderRefIndex index;
    private final OrderPool orders;
    private final LevelPool levels;
    private final Book[] books;
    private final Book emptyBook;
    private final int[] locateSlots = new int[MAX_LOCATE + 1];
    private final long[] rejects = new long[BookResult.COUNT];
    private final int maxOrders;
    private int boundBooks;
    private byte lastSystemEvent;

    /**
     * Books for up to {@link #DEFAULT_MAX_BOOKS} instruments.
     *
     * @param maxOrders        live orders held at once, across all instruments.
     * @param maxLevelsPerSide price levels per side of each book.
     */
    public OrderBooks(final int maxOrders, final int maxLevelsPerSide)
    {
        this(maxOrders, maxLevelsPerSide, DEFAULT_MAX_BOOKS);
    }

    /**
     * @param maxOrders        live orders held at once, across all instruments.
     * @param maxLevelsPerSide price levels per side of each book.
     * @param maxBooks         instruments (distinct stock locates) tracked; further locates get
     *                         {@link BookResult#BAD_LOCATE}.
     */
    public OrderBooks(final int maxOrders, final int maxLevelsPerSide, final int maxBooks)
    {
        if (maxLevelsPerSide < 1)
        {
            throw new IllegalArgumentException("maxLevelsPerSide must be at least 1: " + maxLevelsPerSide);
        }
        if (maxBooks < 1 || maxBooks > MAX_LOCATE)
        {
            throw new IllegalArgumentException("maxBooks must be in 1.." + MAX_LOCATE + ": " + maxBooks);
        }
        this.maxOrders = maxOrders;
        index = new OrderRefIndex(maxOrders);
        orders = new OrderPool(maxOrders);
        levels = new LevelPool(maxOrders);
        books = new Book[maxBooks];
        for (int i = 0; i < maxBooks; i++)
        {
            books[i] = new Book(levels, maxLevelsPerSide);
        }
        emptyBook = new Book(levels, 1);
        Arrays.fill(locateSlots, NO_SLOT);
    }

    /**
     * Add Order (A / F): the order joins the tail of its price level.
     *
     * @return {@link BookResult#OK}, BAD_LOCATE, BAD_SIDE, DUPLICATE_ORDER, POOL_EXHAUSTED or LEVELS_EXHAUSTED.
     */
    public int addOrder(
        final int stockLocate, final long orderRef, final byte side, final long shares, final long price,
        final long timestampNs)
    {
        if (!isValidLocate(stockLocate))
        {
            return reject(BookResult.BAD_LOCATE);
        }
        final byte sideIndex;
        if (side == 'B')
        {
            sideIndex = PriceLadder.BID;
        }
        else if (side == 'S')
        {
            sideIndex = PriceLadder.ASK;
        }
        else
        {
            return reject(BookResult.BAD_SIDE);
        }
        if (index.get(orderRef) != OrderRefIndex.MISSING)
        {
            return reject(BookResult.DUPLICATE_ORDER);
        }
        if (locateSlots[stockLocate] == NO_SLOT && boundBooks == books.length)
        {
            return reject(BookResult.BAD_LOCATE);
        }
        if (orders.freeCount() == 0)
        {
            return reject(BookResult.POOL_EXHAUSTED);
        }

        // A newly bound book is empty and its ladders hold at least one level, so nothing below fails for it.
        final int slot = slotFor(stockLocate);
        final Book book = books[slot];
        final PriceLadder ladder = book.ladder(sideIndex);
        final long key = ladder.key(price);
        final int position = ladder.find(key);
        final int level;
        if (position >= 0)
        {
            level = ladder.levelAtIndex(position);
        }
        else if (ladder.isFull())
        {
            return reject(BookResult.LEVELS_EXHAUSTED);
        }
        else
        {
            level = levels.allocate(price, sideIndex);
            ladder.insert(-(position + 1), key, level);
        }

        final int order = orders.allocate();
        orders.shares[order] = shares;
        orders.book[order] = slot;
        append(order, level);
        index.putNew(orderRef, order);
        book.orderCount++;
        book.lastUpdateNs = timestampNs;
        return BookResult.OK;
    }

    /**
     * Order Executed (E): counted as a print at the order's price.
     *
     * @return {@link BookResult#OK}, BAD_LOCATE, UNKNOWN_ORDER, LOCATE_MISMATCH or EXECUTION_EXCEEDS_SHARES (the
     * order is removed and only its open shares are counted).
     */
    public int executeOrder(
        final int stockLocate, final long orderRef, final long executedShares, final long timestampNs)
    {
        final int order = lookup(stockLocate, orderRef);
        if (order < 0)
        {
            return reject(-order);
        }
        final Book book = books[orders.book[order]];
        final long price = levels.price[orders.level[order]];
        final long openShares = orders.shares[order];
        reduce(book, order, orderRef, executedShares, timestampNs);
        if (executedShares > openShares)
        {
            book.onPrint(openShares, price);
            return reject(BookResult.EXECUTION_EXCEEDS_SHARES);
        }
        book.onPrint(executedShares, price);
        return BookResult.OK;
    }

    /**
     * Order Executed With Price (C): a print at the execution price only if printable (non-printable executions
     * are reported again in a later bulk print, so counting them would count twice).
     *
     * @return as {@link #executeOrder}.
     */
    public int executeOrderWithPrice(
        final int stockLocate, final long orderRef, final long executedShares, final long executionPrice,
        final boolean printable, final long timestampNs)
    {
        final int order = lookup(stockLocate, orderRef);
        if (order < 0)
        {
            return reject(-order);
        }
        final Book book = books[orders.book[order]];
        final long openShares = orders.shares[order];
        reduce(book, order, orderRef, executedShares, timestampNs);
        final boolean exceeds = executedShares > openShares;
        if (printable)
        {
            book.onPrint(exceeds ? openShares : executedShares, executionPrice);
        }
        return exceeds ? reject(BookResult.EXECUTION_EXCEEDS_SHARES) : BookResult.OK;
    }

    /**
     * Order Cancel (X): partial cancel; the order goes when no shares are left.
     *
     * @return {@link BookResult#OK}, BAD_LOCATE, UNKNOWN_ORDER, LOCATE_MISMATCH or CANCEL_EXCEEDS_SHARES (the
     * order is removed).
     */
    public int cancelOrder(
        final int stockLocate, final long orderRef, final long cancelledShares, final long timestampNs)
    {
        final int order = lookup(stockLocate, orderRef);
        if (order < 0)
        {
            return reject(-order);
        }
        final boolean exceeds = cancelledShares > orders.shares[order];
        reduce(books[orders.book[order]], order, orderRef, cancelledShares, timestampNs);
        return exceeds ? reject(BookResult.CANCEL_EXCEEDS_SHARES) : BookResult.OK;
    }

    /**
     * Order Delete (D).
     *
     * @return {@link BookResult#OK}, BAD_LOCATE, UNKNOWN_ORDER or LOCATE_MISMATCH.
     */
    public int deleteOrder(final int stockLocate, final long orderRef, final long timestampNs)
    {
        final int order = lookup(stockLocate, orderRef);
        if (order < 0)
        {
            return reject(-order);
        }
        final Book book = books[orders.book[order]];
        removeOrder(book, order, orderRef);
        book.lastUpdateNs = timestampNs;
        return BookResult.OK;
    }

    /**
     * Order Replace (U): the original leaves the book and the new reference joins the tail of the level at the
     * new price on the same side, losing time priority even at an unchanged price. The pooled entry is reused,
     * so a replace never exhausts the pool.
     *
     * @return {@link BookResult#OK}, BAD_LOCATE, UNKNOWN_ORDER (original), LOCATE_MISMATCH, DUPLICATE_ORDER (new
     * reference already live, including new == original) or LEVELS_EXHAUSTED.
     */
    public int replaceOrder(
        final int stockLocate, final long originalOrderRef, final long newOrderRef, final long shares,
        final long price, final long timestampNs)
    {
        final int order = lookup(stockLocate, originalOrderRef);
        if (order < 0)
        {
            return reject(-order);
        }
        if (index.get(newOrderRef) != OrderRefIndex.MISSING)
        {
            return reject(BookResult.DUPLICATE_ORDER);
        }
        final Book book = books[orders.book[order]];
        final int oldLevel = orders.level[order];
        final PriceLadder ladder = book.ladder(levels.side[oldLevel]);
        final boolean samePrice = levels.price[oldLevel] == price;
        final long key = ladder.key(price);
        if (!samePrice && ladder.isFull() && levels.orderCount[oldLevel] > 1 && ladder.find(key) < 0)
        {
            return reject(BookResult.LEVELS_EXHAUSTED);
        }

        index.remove(originalOrderRef);
        index.putNew(newOrderRef, order);
        unlink(order);
        orders.shares[order] = shares;
        if (samePrice)
        {
            append(order, oldLevel);
        }
        else
        {
            releaseIfEmpty(book, oldLevel);
            final int position = ladder.find(key);
            final int level;
            if (position >= 0)
            {
                level = ladder.levelAtIndex(position);
            }
            else
            {
                level = levels.allocate(price, levels.side[oldLevel]);
                ladder.insert(-(position + 1), key, level);
            }
            append(order, level);
        }
        book.lastUpdateNs = timestampNs;
        return BookResult.OK;
    }

    /**
     * Trade (P): a match of non-displayed orders; statistics only, the book is unchanged.
     */
    public void onTrade(final int stockLocate, final long shares, final long price, final long timestampNs)
    {
        final int slot = boundSlotOrReject(stockLocate);
        if (slot != NO_SLOT)
        {
            final Book book = books[slot];
            book.onPrint(shares, price);
            book.lastUpdateNs = timestampNs;
        }
    }

    /**
     * Cross Trade (Q): the bulk print of a cross; zero shares means no cross took place and is not counted.
     * The cross type ('O', 'C', 'H', 'I') does not change how it is counted.
     */
    public void onCrossTrade(
        final int stockLocate, final long shares, final long crossPrice, final byte crossType, final long timestampNs)
    {
        final int slot = boundSlotOrReject(stockLocate);
        if (slot != NO_SLOT && shares > 0)
        {
            final Book book = books[slot];
            book.crossVolume += shares;
            book.onPrint(shares, crossPrice);
            book.lastUpdateNs = timestampNs;
        }
    }

    /**
     * Broken Trade (B): counted per book; volume is left as printed since match numbers are not tracked.
     */
    public void onBrokenTrade(final int stockLocate, final long matchNumber, final long timestampNs)
    {
        final int slot = boundSlotOrReject(stockLocate);
        if (slot != NO_SLOT)
        {
            final Book book = books[slot];
            book.brokenTradeCount++;
            book.lastUpdateNs = timestampNs;
        }
    }

    /**
     * Stock Directory (R): binds the locate to a book and records its symbol.
     *
     * @param buffer       holding the message.
     * @param symbolOffset offset of the 8-byte, space-padded symbol.
     */
    public void onStockDirectory(
        final int stockLocate, final DirectBuffer buffer, final int symbolOffset, final long timestampNs)
    {
        final int slot = boundSlotOrReject(stockLocate);
        if (slot != NO_SLOT)
        {
            final Book book = books[slot];
            buffer.getBytes(symbolOffset, book.symbol, 0, Book.SYMBOL_LENGTH);
            book.lastUpdateNs = timestampNs;
        }
    }

    /**
     * Stock Trading Action (H).
     *
     * @param tradingState 'H' halted, 'P' paused, 'Q' quotation only, 'T' trading.
     */
    public void onTradingAction(final int stockLocate, final byte tradingState, final long timestampNs)
    {
        final int slot = boundSlotOrReject(stockLocate);
        if (slot != NO_SLOT)
        {
            final Book book = books[slot];
            book.tradingState = tradingState;
            book.lastUpdateNs = timestampNs;
        }
    }

    /**
     * System Event (S): recorded; the books do not change ('E' end of system hours can still be followed by
     * deletes and broken trades).
     */
    public void onSystemEvent(final byte eventCode, final long timestampNs)
    {
        lastSystemEvent = eventCode;
    }

    /**
     * Mark every book stale on a feed gap, or fresh again once recovered. Books bound later, and the empty book
     * of unknown locates, carry the same flag. O(maxBooks).
     */
    public void markAllStale(final boolean stale, final long timestampNs)
    {
        for (final Book book : books)
        {
            book.stale = stale;
        }
        for (int i = 0; i < boundBooks; i++)
        {
            books[i].lastUpdateNs = timestampNs;
        }
        emptyBook.stale = stale;
    }

    /**
     * The view of one instrument's book, the same object for the life of this instance, so it can be kept. A
     * valid locate not seen yet is bound to a book slot here (still empty until its messages arrive); an
     * invalid locate, or one arriving when every slot is bound, gets a shared empty book with locate 0.
     *
     * @param stockLocate 1..{@link #MAX_LOCATE}.
     * @return the book, never null.
     */
    public BookView book(final int stockLocate)
    {
        final int slot = isValidLocate(stockLocate) ? slotFor(stockLocate) : NO_SLOT;
        return slot == NO_SLOT ? emptyBook : books[slot];
    }

    /**
     * Copy an instrument's 8-byte, space-padded symbol, as its Stock Directory message gave it (hot path: the
     * OUCH encoder names the instrument this way). Binds nothing.
     *
     * @param stockLocate the instrument.
     * @param dst         destination buffer.
     * @param index       where the 8 bytes go.
     * @return false, copying nothing, when no Stock Directory message named the locate.
     */
    public boolean copySymbol(final int stockLocate, final MutableDirectBuffer dst, final int index)
    {
        final int slot = isValidLocate(stockLocate) ? locateSlots[stockLocate] : NO_SLOT;
        if (slot == NO_SLOT || books[slot].symbol[0] == 0)
        {
            return false;
        }
        dst.putBytes(index, books[slot].symbol, 0, Book.SYMBOL_LENGTH);
        return true;
    }

    /**
     * Control path: the symbol of a locate.
     *
     * @param stockLocate the instrument.
     * @return the symbol without padding, or null when no Stock Directory message named the locate.
     */
    public String symbolOf(final int stockLocate)
    {
        final int slot = isValidLocate(stockLocate) ? locateSlots[stockLocate] : NO_SLOT;
        return slot == NO_SLOT || books[slot].symbol[0] == 0 ? null : books[slot].symbol();
    }

    /**
     * Control path: a linear search of the bound books' symbols.
     *
     * @param symbol without padding, e.g. "AAPL".
     * @return its stock locate, or -1 if no Stock Directory message named it.
     */
    public int locateOf(final CharSequence symbol)
    {
        for (int i = 0; i < boundBooks; i++)
        {
            if (books[i].symbolEquals(symbol))
            {
                return books[i].stockLocate;
            }
        }
        return -1;
    }

    /** @return live orders across all books. */
    public int orderCount()
    {
        return maxOrders - orders.freeCount();
    }

    /** @return order entries still free. */
    public int freeOrders()
    {
        return orders.freeCount();
    }

    /**
     * @param bookResult a {@link BookResult} code other than OK.
     * @return how many operations ended with it (0 for OK or an unknown code).
     */
    public long rejects(final int bookResult)
    {
        return bookResult > BookResult.OK && bookResult < BookResult.COUNT ? rejects[bookResult] : 0;
    }

    /**
     * @param orderRef a live order's reference.
     * @return its open displayed shares, 0 if no such order is live.
     */
    public long orderShares(final long orderRef)
    {
        final int order = index.get(orderRef);
        return order == OrderRefIndex.MISSING ? 0 : orders.shares[order];
    }

    /**
     * Time priority of an order within its price level. Walks the queue ahead of it: O(position).
     *
     * @param orderRef a live order's reference.
     * @return orders ahead of it at its level (0 = next to execute), -1 if no such order is live.
     */
    public int queuePosition(final long orderRef)
    {
        int order = index.get(orderRef);
        if (order == OrderRefIndex.MISSING)
        {
            return -1;
        }
        int ahead = 0;
        while ((order = orders.prev[order]) != OrderPool.NONE)
        {
            ahead++;
        }
        return ahead;
    }

    /** @return event code of the last System Event message, 0 before the first. */
    public byte lastSystemEvent()
    {
        return lastSystemEvent;
    }

    private static boolean isValidLocate(final int stockLocate)
    {
        return stockLocate > 0 && stockLocate <= MAX_LOCATE;
    }

    private int reject(final int result)
    {
        rejects[result]++;
        return result;
    }

    /**
     * @return the live order with this reference in this locate's book, or minus a {@link BookResult} code.
     */
    private int lookup(final int stockLocate, final long orderRef)
    {
        if (!isValidLocate(stockLocate))
        {
            return -BookResult.BAD_LOCATE;
        }
        final int order = index.get(orderRef);
        if (order == OrderRefIndex.MISSING)
        {
            return -BookResult.UNKNOWN_ORDER;
        }
        if (orders.book[order] != locateSlots[stockLocate])
        {
            return -BookResult.LOCATE_MISMATCH;
        }
        return order;
    }

    /**
     * @return the slot of a valid locate, binding a free one if needed; {@link #NO_SLOT} if none is left.
     */
    private int slotFor(final int stockLocate)
    {
        int slot = locateSlots[stockLocate];
        if (slot == NO_SLOT && boundBooks < books.length)
        {
            slot = boundBooks++;
            locateSlots[stockLocate] = slot;
            books[slot].stockLocate = stockLocate;
        }
        return slot;
    }

    private int boundSlotOrReject(final int stockLocate)
    {
        final int slot = isValidLocate(stockLocate) ? slotFor(stockLocate) : NO_SLOT;
        if (slot == NO_SLOT)
        {
            reject(BookResult.BAD_LOCATE);
        }
        return slot;
    }

    /** Take shares off an order, removing it when none are left (or fewer than asked). */
    private void reduce(
        final Book book, final int order, final long orderRef, final long shares, final long timestampNs)
    {
        if (shares >= orders.shares[order])
        {
            removeOrder(book, order, orderRef);
        }
        else
        {
            orders.shares[order] -= shares;
            levels.shares[orders.level[order]] -= shares;
        }
        book.lastUpdateNs = timestampNs;
    }

    private void removeOrder(final Book book, final int order, final long orderRef)
    {
        final int level = unlink(order);
        releaseIfEmpty(book, level);
        orders.release(order);
        index.remove(orderRef);
        book.orderCount--;
    }

    /** Queue an order at the tail of a level (newest, last in time priority). */
    private void append(final int order, final int level)
    {
        final int tail = levels.tail[level];
        orders.level[order] = level;
        orders.prev[order] = tail;
        orders.next[order] = OrderPool.NONE;
        if (tail == OrderPool.NONE)
        {
            levels.head[level] = order;
        }
        else
        {
            orders.next[tail] = order;
        }
        levels.tail[level] = order;
        levels.shares[level] += orders.shares[order];
        levels.orderCount[level]++;
    }

    /**
     * Take an order out of its level's queue and totals.
     *
     * @return the level it was on.
     */
    private int unlink(final int order)
    {
        final int level = orders.level[order];
        final int prev = orders.prev[order];
        final int next = orders.next[order];
        if (prev == OrderPool.NONE)
        {
            levels.head[level] = next;
        }
        else
        {
            orders.next[prev] = next;
        }
        if (next == OrderPool.NONE)
        {
            levels.tail[level] = prev;
        }
        else
        {
            orders.prev[next] = prev;
        }
        levels.shares[level] -= orders.shares[order];
        levels.orderCount[level]--;
        return level;
    }

    private void releaseIfEmpty(final Book book, final int level)
    {
        if (levels.orderCount[level] == 0)
        {
            final PriceLadder ladder = book.ladder(levels.side[level]);
            ladder.removeAt(ladder.find(ladder.key(levels.price[level])));
            levels.release(level);
        }
    }
}
