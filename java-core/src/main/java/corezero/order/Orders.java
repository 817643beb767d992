package corezero.order;

import corezero.risk.ExposureView;
import java.util.Arrays;

/**
 * Our orders on one OUCH 5.0 port: UserRefNum allocation, the order state machine driven by venue events given
 * as primitives, open orders and open quantity per strategy slot and per stock locate, and fills into
 * {@link Positions}.
 * <p>
 * Structure (all allocated in the constructor): struct-of-arrays pools indexed by an order slot taken from a
 * free stack; a {@link UserRefIndex} from UserRefNum to slot; an intrusive doubly-linked list of the open orders
 * so {@link #forEachOpen} costs O(open orders); per-locate arrays of open buy / sell shares and open order
 * counts; {@link RecentFills} so a Broken Trade (which carries only the match number) can be reversed even
 * after its order finished.
 * <p>
 * UserRefNums start at a configurable value (1 on a fresh port, the venue's next UserRefNum after recovery), are
 * strictly increasing and never reused, including those of rejected orders and replacements (OUCH requires
 * both). A replace allocates the replacement's UserRefNum when it is requested ({@link #onReplaceRequested}
 * returns it), so the send path never chooses one.
 * <p>
 * <b>Open.</b> An order counts as open (in {@link #openOrders()} and the open quantities) from
 * {@link #onNewOrderSent} until it is finished: PENDING_NEW counts its full quantity, which is the conservative
 * view a risk gate needs. A pending replacement does not count until its Replaced message arrives; until then
 * the original keeps counting with its own open shares.
 * <p>
 * <b>Rejects.</b> Illegal transitions, unknown or finished UserRefNums and bad arguments return an
 * {@link OrderResult} code, change nothing and are counted per kind ({@link #rejects(int)}). Two codes are
 * applied clamped: an {@link OrderResult#OVERFILL} (the venue's fill is the truth, so the position takes it in
 * full) and {@link OrderResult#CANCEL_EXCEEDS_OPEN}. Finished orders (FILLED, CANCELED, REPLACED, REJECTED) are
 * released to the pool at once; later events for them return {@link OrderResult#ORDER_NOT_LIVE}.
 * <p>
 * Not thread-safe: one writer, the hot thread, which is also the only reader.
 */
public final class Orders implements ExposureView
{
    /** Largest UserRefNum (a 4-byte unsigned field). */
    public static final long MAX_USER_REF_NUM = 0xFFFF_FFFFL;

    /** Largest order quantity accepted (keeps every product in {@link Positions} below 2^62). */
    public static final long MAX_QUANTITY = Integer.MAX_VALUE;

    /** Largest price (4 implied decimals): $214,748.3647, the OUCH market-order price. */
    public static final long MAX_PRICE = Integer.MAX_VALUE;

    /** Recent fills kept for Broken Trade reversal by the short constructor. */
    public static final int DEFAULT_RECENT_FILLS = 4096;

    private static final int NONE = -1;
    private static final byte PENDING_NEW = (byte)OrderState.PENDING_NEW.ordinal();
    private static final byte ACCEPTED = (byte)OrderState.ACCEPTED.ordinal();
    private static final byte PARTIALLY_FILLED = (byte)OrderState.PARTIALLY_FILLED.ordinal();
    private static final byte FILLED = (byte)OrderState.FILLED.ordinal();
    private static final byte CANCEL_PENDING = (byte)OrderState.CANCEL_PENDING.ordinal();
    private static final byte CANCELED = (byte)OrderState.CANCELED.ordinal();
    private static final byte REPLACE_PENDING = (byte)OrderState.REPLACE_PENDING.ordinal();
    private static final byte REPLACED = (byte)OrderState.REPLACED.ordinal();
    private static final byte REJECTED = (byte)OrderState.REJECTED.ordinal();

    private final Positions positions;
    private final OrderListener listener;
    private final UserRefIndex index;
    private final int maxStrategySlots;
    private final long firstUserRefNum;
    private long nextUserRefNum;

    // Order pool, struct of arrays indexed by slot.
    private final long[] userRefNum;
    private final long[] venueOrderRef;
    private final int[] strategySlot;
    private final int[] stockLocate;
    private final byte[] side;
    private final long[] price;
    private final long[] originalQuantity;
    private final long[] openQuantity;
    private final long[] executedQuantity;
    private final byte[] state;
    private final long[] sentNs;
    private final long[] updatedNs;
    private final int[] replacement;
    private final int[] replaces;
    private final boolean[] counted;
    private final int[] prevOpen;
    private final int[] nextOpen;
    private final int[] freeSlots;
    private int freeCount;
    private int openHead = NONE;

    // Open-order aggregates.
    private final int[] openOrdersBySlot;
    private final int[] openOrdersByLocate = new int[Positions.MAX_LOCATE + 1];
    private final long[] openBuyQuantity = new long[Positions.MAX_LOCATE + 1];
    private final long[] openSellQuantity = new long[Positions.MAX_LOCATE + 1];
    private int openOrders;

    private final RecentFills fills;

    private final long[] rejects = new long[OrderResult.COUNT];

    /**
     * Orders without a listener, keeping {@link #DEFAULT_RECENT_FILLS} fills for Broken Trades.
     *
     * @param maxOrders       live orders (including pending replacements) held at once.
     * @param firstUserRefNum the first UserRefNum to issue (1 on a fresh port).
     * @param positions       where fills go; its strategy slot count applies here too.
     */
    public Orders(final int maxOrders, final long firstUserRefNum, final Positions positions)
    {
        this(maxOrders, DEFAULT_RECENT_FILLS, firstUserRefNum, positions, OrderListener.NO_OP);
    }

    /**
     * @param maxOrders       live orders (including pending replacements) held at once.
     * @param maxRecentFills  fills remembered for Broken Trade reversal.
     * @param firstUserRefNum the first UserRefNum to issue, 1..{@link #MAX_USER_REF_NUM}.
     * @param positions       where fills go; its strategy slot count applies here too.
     * @param listener        told of every state change.
     */
    public Orders(
        final int maxOrders, final int maxRecentFills, final long firstUserRefNum, final Positions positions,
        final OrderListener listener)
    {
        if (maxOrders < 1 || maxRecentFills < 1)
        {
            throw new IllegalArgumentException("bad capacity: " + maxOrders + " orders, " + maxRecentFills + " fills");
        }
        if (firstUserRefNum < 1 || firstUserRefNum > MAX_USER_REF_NUM)
        {
            throw new IllegalArgumentException("first UserRefNum must be in 1.." + MAX_USER_REF_NUM);
        }
        this.positions = positions;
        this.listener = listener;
        this.maxStrategySlots = positions.maxStrategySlots();
        this.firstUserRefNum = firstUserRefNum;
        this.nextUserRefNum = firstUserRefNum;
        index = new UserRefIndex(maxOrders);
        userRefNum = new long[maxOrders];
        venueOrderRef = new long[maxOrders];
        strategySlot = new int[maxOrders];
        stockLocate = new int[maxOrders];
        side = new byte[maxOrders];
        price = new long[maxOrders];
        originalQuantity = new long[maxOrders];
        openQuantity = new long[maxOrders];
        executedQuantity = new long[maxOrders];
        state = new byte[maxOrders];
        sentNs = new long[maxOrders];
        updatedNs = new long[maxOrders];
        replacement = new int[maxOrders];
        replaces = new int[maxOrders];
        counted = new boolean[maxOrders];
        prevOpen = new int[maxOrders];
        nextOpen = new int[maxOrders];
        freeSlots = new int[maxOrders];
        for (int i = 0; i < maxOrders; i++)
        {
            freeSlots[i] = maxOrders - 1 - i;
        }
        freeCount = maxOrders;
        openOrdersBySlot = new int[maxStrategySlots];
        fills = new RecentFills(maxRecentFills);
    }

    /**
     * An Enter Order is being sent: allocate its UserRefNum and track it as PENDING_NEW.
     *
     * @param strategySlot 0..maxStrategySlots - 1.
     * @param stockLocate  1..{@link Positions#MAX_LOCATE}.
     * @param side         'B', 'S', 'T' (sell short) or 'E' (sell short exempt).
     * @param quantity     1..{@link #MAX_QUANTITY} shares.
     * @param price        1..{@link #MAX_PRICE}, 4 implied decimals.
     * @param timestampNs  send time.
     * @return the UserRefNum to put in the Enter Order, or a negated {@link OrderResult} code: BAD_STRATEGY_SLOT,
     * BAD_LOCATE, BAD_SIDE, BAD_QUANTITY, BAD_PRICE, USER_REF_NUM_EXHAUSTED, POOL_EXHAUSTED or
     * INSTRUMENTS_EXHAUSTED.
     */
    public long onNewOrderSent(
        final int strategySlot, final int stockLocate, final byte side, final long quantity, final long price,
        final long timestampNs)
    {
        if (strategySlot < 0 || strategySlot >= maxStrategySlots)
        {
            return -reject(OrderResult.BAD_STRATEGY_SLOT);
        }
        if (stockLocate < 1 || stockLocate > Positions.MAX_LOCATE)
        {
            return -reject(OrderResult.BAD_LOCATE);
        }
        if (side != 'B' && side != 'S' && side != 'T' && side != 'E')
        {
            return -reject(OrderResult.BAD_SIDE);
        }
        if (quantity < 1 || quantity > MAX_QUANTITY)
        {
            return -reject(OrderResult.BAD_QUANTITY);
        }
        if (price < 1 || price > MAX_PRICE)
        {
            return -reject(OrderResult.BAD_PRICE);
        }
        final int checked = checkCanAllocate();
        if (checked != OrderResult.OK)
        {
            return -reject(checked);
        }
        final int bound = positions.bind(stockLocate);
        if (bound != OrderResult.OK)
        {
            return -reject(bound);
        }
        final int slot = allocate(strategySlot, stockLocate, side, quantity, price, timestampNs);
        link(slot);
        addOpen(slot, quantity);
        listener.onOrderState(userRefNum[slot], strategySlot, OrderState.NONE, OrderState.PENDING_NEW);
        return userRefNum[slot];
    }

    /**
     * Accepted (A): the order is on the book.
     *
     * @param quantity accepted shares, 1..original quantity.
     * @param price    accepted price (may be better than entered).
     * @return {@link OrderResult#OK}, UNKNOWN_ORDER, ORDER_NOT_LIVE, ILLEGAL_TRANSITION (not PENDING_NEW, or a
     * replacement, which is answered by Replaced), BAD_QUANTITY or BAD_PRICE.
     */
    public int onAccepted(
        final long userRefNum, final long venueOrderRef, final long quantity, final long price,
        final long timestampNs)
    {
        final int slot = find(userRefNum);
        if (slot < 0)
        {
            return reject(-slot);
        }
        if (state[slot] != PENDING_NEW || replaces[slot] != NONE)
        {
            return reject(OrderResult.ILLEGAL_TRANSITION);
        }
        if (quantity < 1 || quantity > originalQuantity[slot])
        {
            return reject(OrderResult.BAD_QUANTITY);
        }
        if (price < 1 || price > MAX_PRICE)
        {
            return reject(OrderResult.BAD_PRICE);
        }
        this.venueOrderRef[slot] = venueOrderRef;
        this.price[slot] = price;
        setOpen(slot, quantity);
        transition(slot, ACCEPTED, timestampNs);
        return OrderResult.OK;
    }

    /**
     * Rejected (J): an Enter Order (the order becomes REJECTED and is released) or a Replace Order (named by the
     * replacement's UserRefNum: the replacement is released and the original returns to its live state).
     *
     * @param reason the venue's reject reason (Appendix D), for the record only.
     * @return {@link OrderResult#OK}, UNKNOWN_ORDER, ORDER_NOT_LIVE or ILLEGAL_TRANSITION.
     */
    public int onRejected(final long userRefNum, final int reason, final long timestampNs)
    {
        final int slot = find(userRefNum);
        if (slot < 0)
        {
            return reject(-slot);
        }
        if (state[slot] != PENDING_NEW)
        {
            return reject(OrderResult.ILLEGAL_TRANSITION);
        }
        final int original = replaces[slot];
        if (original != NONE)
        {
            replacement[original] = NONE;
            transition(original, liveState(original), timestampNs);
        }
        finish(slot, REJECTED, timestampNs);
        return OrderResult.OK;
    }

    /**
     * Executed (E): shares executed; the fill goes to {@link Positions} at once. The order becomes
     * PARTIALLY_FILLED (from ACCEPTED), stays CANCEL_PENDING or REPLACE_PENDING, or is FILLED when nothing is
     * open (a pending replacement is then dropped: the venue ignores a replace of a dead order).
     *
     * @param shares      shares just executed, 1..{@link #MAX_QUANTITY}.
     * @param price       execution price.
     * @param matchNumber the venue's match number (kept for Broken Trade).
     * @return {@link OrderResult#OK}, OVERFILL (applied), UNKNOWN_ORDER, ORDER_NOT_LIVE, ILLEGAL_TRANSITION,
     * BAD_QUANTITY or BAD_PRICE.
     */
    public int onExecuted(
        final long userRefNum, final long shares, final long price, final long matchNumber, final long timestampNs)
    {
        final int slot = find(userRefNum);
        if (slot < 0)
        {
            return reject(-slot);
        }
        if (!isOnBook(state[slot]))
        {
            return reject(OrderResult.ILLEGAL_TRANSITION);
        }
        if (shares < 1 || shares > MAX_QUANTITY)
        {
            return reject(OrderResult.BAD_QUANTITY);
        }
        if (price < 1 || price > MAX_PRICE)
        {
            return reject(OrderResult.BAD_PRICE);
        }
        final boolean buy = side[slot] == 'B';
        positions.onFill(strategySlot[slot], stockLocate[slot], buy, shares, price);
        fills.add(matchNumber, userRefNum, shares, price, strategySlot[slot], stockLocate[slot], buy);
        executedQuantity[slot] += shares;
        final long open = openQuantity[slot];
        final int result = shares > open ? OrderResult.OVERFILL : OrderResult.OK;
        setOpen(slot, Math.max(0, open - shares));
        if (openQuantity[slot] == 0)
        {
            finish(slot, FILLED, timestampNs);
        }
        else if (state[slot] == ACCEPTED)
        {
            transition(slot, PARTIALLY_FILLED, timestampNs);
        }
        else
        {
            updatedNs[slot] = timestampNs;
        }
        return result == OrderResult.OK ? OrderResult.OK : reject(result);
    }

    /**
     * Canceled (C): shares taken off the order (incremental). CANCELED when nothing is open, otherwise the state
     * stays (a partial cancel).
     *
     * @param canceledShares shares decremented, 1..{@link #MAX_QUANTITY}.
     * @param reason         the venue's cancel reason (Appendix C), for the record only.
     * @return {@link OrderResult#OK}, CANCEL_EXCEEDS_OPEN (applied), UNKNOWN_ORDER, ORDER_NOT_LIVE,
     * ILLEGAL_TRANSITION or BAD_QUANTITY.
     */
    public int onCanceled(
        final long userRefNum, final long canceledShares, final byte reason, final long timestampNs)
    {
        final int slot = find(userRefNum);
        if (slot < 0)
        {
            return reject(-slot);
        }
        if (!isOnBook(state[slot]))
        {
            return reject(OrderResult.ILLEGAL_TRANSITION);
        }
        if (canceledShares < 1 || canceledShares > MAX_QUANTITY)
        {
            return reject(OrderResult.BAD_QUANTITY);
        }
        final long open = openQuantity[slot];
        setOpen(slot, Math.max(0, open - canceledShares));
        if (openQuantity[slot] == 0)
        {
            finish(slot, CANCELED, timestampNs);
        }
        else
        {
            updatedNs[slot] = timestampNs;
        }
        return canceledShares > open ? reject(OrderResult.CANCEL_EXCEEDS_OPEN) : OrderResult.OK;
    }

    /**
     * A Cancel Order is being sent: ACCEPTED or PARTIALLY_FILLED → CANCEL_PENDING. An order still PENDING_NEW
     * cannot be canceled here (wait for its Accepted).
     *
     * @return {@link OrderResult#OK}, UNKNOWN_ORDER, ORDER_NOT_LIVE or ILLEGAL_TRANSITION.
     */
    public int onCancelRequested(final long userRefNum, final long timestampNs)
    {
        final int slot = find(userRefNum);
        if (slot < 0)
        {
            return reject(-slot);
        }
        if (!isLive(state[slot]))
        {
            return reject(OrderResult.ILLEGAL_TRANSITION);
        }
        transition(slot, CANCEL_PENDING, timestampNs);
        return OrderResult.OK;
    }

    /**
     * Cancel Pending (P): the venue will cancel after the cross. ACCEPTED or PARTIALLY_FILLED → CANCEL_PENDING;
     * already CANCEL_PENDING stays.
     *
     * @return {@link OrderResult#OK}, UNKNOWN_ORDER, ORDER_NOT_LIVE or ILLEGAL_TRANSITION.
     */
    public int onCancelPending(final long userRefNum, final long timestampNs)
    {
        final int slot = find(userRefNum);
        if (slot < 0)
        {
            return reject(-slot);
        }
        final byte current = state[slot];
        if (current == CANCEL_PENDING)
        {
            updatedNs[slot] = timestampNs;
            return OrderResult.OK;
        }
        if (!isLive(current))
        {
            return reject(OrderResult.ILLEGAL_TRANSITION);
        }
        transition(slot, CANCEL_PENDING, timestampNs);
        return OrderResult.OK;
    }

    /**
     * Cancel Reject (I): CANCEL_PENDING → ACCEPTED or PARTIALLY_FILLED (whichever its executions say).
     *
     * @return {@link OrderResult#OK}, UNKNOWN_ORDER, ORDER_NOT_LIVE or ILLEGAL_TRANSITION.
     */
    public int onCancelReject(final long userRefNum, final long timestampNs)
    {
        final int slot = find(userRefNum);
        if (slot < 0)
        {
            return reject(-slot);
        }
        if (state[slot] != CANCEL_PENDING)
        {
            return reject(OrderResult.ILLEGAL_TRANSITION);
        }
        transition(slot, liveState(slot), timestampNs);
        return OrderResult.OK;
    }

    /**
     * A Replace Order is being sent: ACCEPTED or PARTIALLY_FILLED → REPLACE_PENDING, and a replacement entry is
     * created (PENDING_NEW, not yet open) under a newly allocated UserRefNum.
     *
     * @param quantity the replacement's total shares, 1..{@link #MAX_QUANTITY}.
     * @param price    the replacement's price.
     * @return the replacement's UserRefNum, or a negated {@link OrderResult} code: UNKNOWN_ORDER, ORDER_NOT_LIVE,
     * ILLEGAL_TRANSITION, BAD_QUANTITY, BAD_PRICE, USER_REF_NUM_EXHAUSTED or POOL_EXHAUSTED.
     */
    public long onReplaceRequested(
        final long userRefNum, final long quantity, final long price, final long timestampNs)
    {
        final int slot = find(userRefNum);
        if (slot < 0)
        {
            return -reject(-slot);
        }
        if (!isLive(state[slot]))
        {
            return -reject(OrderResult.ILLEGAL_TRANSITION);
        }
        if (quantity < 1 || quantity > MAX_QUANTITY)
        {
            return -reject(OrderResult.BAD_QUANTITY);
        }
        if (price < 1 || price > MAX_PRICE)
        {
            return -reject(OrderResult.BAD_PRICE);
        }
        final int checked = checkCanAllocate();
        if (checked != OrderResult.OK)
        {
            return -reject(checked);
        }
        final int next = allocate(strategySlot[slot], stockLocate[slot], side[slot], quantity, price, timestampNs);
        replaces[next] = slot;
        replacement[slot] = next;
        listener.onOrderState(this.userRefNum[next], strategySlot[next], OrderState.NONE, OrderState.PENDING_NEW);
        transition(slot, REPLACE_PENDING, timestampNs);
        return this.userRefNum[next];
    }

    /**
     * Replaced (U): the original becomes REPLACED and is released; the replacement becomes ACCEPTED (or CANCELED
     * when the venue reports no shares outstanding) and open with {@code quantity} shares. Executions of the
     * original stay with the original; the position already has them.
     *
     * @param quantity total shares outstanding on the replacement, 0..its requested quantity.
     * @param price    accepted price of the replacement.
     * @return {@link OrderResult#OK}, UNKNOWN_ORDER, ORDER_NOT_LIVE, ILLEGAL_TRANSITION, REPLACEMENT_MISMATCH,
     * BAD_QUANTITY or BAD_PRICE.
     */
    public int onReplaced(
        final long originalUserRefNum, final long userRefNum, final long venueOrderRef, final long quantity,
        final long price, final long timestampNs)
    {
        final int original = find(originalUserRefNum);
        if (original < 0)
        {
            return reject(-original);
        }
        if (state[original] != REPLACE_PENDING)
        {
            return reject(OrderResult.ILLEGAL_TRANSITION);
        }
        final int next = replacement[original];
        if (this.userRefNum[next] != userRefNum)
        {
            return reject(OrderResult.REPLACEMENT_MISMATCH);
        }
        if (quantity < 0 || quantity > originalQuantity[next])
        {
            return reject(OrderResult.BAD_QUANTITY);
        }
        if (price < 1 || price > MAX_PRICE)
        {
            return reject(OrderResult.BAD_PRICE);
        }
        replacement[original] = NONE;
        replaces[next] = NONE;
        finish(original, REPLACED, timestampNs);
        this.venueOrderRef[next] = venueOrderRef;
        this.price[next] = price;
        link(next);
        addOpen(next, quantity);
        transition(next, ACCEPTED, timestampNs);
        if (quantity == 0)
        {
            finish(next, CANCELED, timestampNs);
        }
        return OrderResult.OK;
    }

    /**
     * Order Modified (M): the venue reports the side and total shares outstanding after a modify request. The
     * side may change only among the sells ('S', 'T', 'E'); shares may only go down. CANCELED at 0.
     *
     * @return {@link OrderResult#OK}, UNKNOWN_ORDER, ORDER_NOT_LIVE, ILLEGAL_TRANSITION, BAD_SIDE or BAD_QUANTITY.
     */
    public int onModified(final long userRefNum, final byte side, final long quantity, final long timestampNs)
    {
        final int slot = find(userRefNum);
        if (slot < 0)
        {
            return reject(-slot);
        }
        final byte current = state[slot];
        if (!isLive(current) && current != CANCEL_PENDING)
        {
            return reject(OrderResult.ILLEGAL_TRANSITION);
        }
        final boolean sell = side == 'S' || side == 'T' || side == 'E';
        if (this.side[slot] == 'B' ? side != 'B' : !sell)
        {
            return reject(OrderResult.BAD_SIDE);
        }
        if (quantity < 0 || quantity > openQuantity[slot])
        {
            return reject(OrderResult.BAD_QUANTITY);
        }
        this.side[slot] = side;
        setOpen(slot, quantity);
        if (quantity == 0)
        {
            finish(slot, CANCELED, timestampNs);
        }
        else
        {
            updatedNs[slot] = timestampNs;
        }
        return OrderResult.OK;
    }

    /**
     * Order Restated (R): the venue refreshed the display or the displayed price; the order's limit price,
     * shares and state do not change.
     *
     * @param reason 'R' (refresh of display) or 'P' (displayed price), for the record only.
     * @return {@link OrderResult#OK}, UNKNOWN_ORDER, ORDER_NOT_LIVE or ILLEGAL_TRANSITION (not on the book).
     */
    public int onRestated(final long userRefNum, final byte reason, final long timestampNs)
    {
        final int slot = find(userRefNum);
        if (slot < 0)
        {
            return reject(-slot);
        }
        if (!isOnBook(state[slot]))
        {
            return reject(OrderResult.ILLEGAL_TRANSITION);
        }
        updatedNs[slot] = timestampNs;
        return OrderResult.OK;
    }

    /**
     * Broken Trade (B): the execution with this match number no longer stands. Its position effect is reversed
     * (an offsetting fill at the execution price: exact for the position, and for P&amp;L unless other fills
     * came between) and, if the order is still live, its executed quantity goes down; its open quantity and
     * state do not change (broken shares are not put back on the book). Works after the order finished, as long
     * as the fill is among the last {@code maxRecentFills}.
     *
     * @param reason 'E', 'C', 'S' or 'X', for the record only.
     * @return {@link OrderResult#OK} or UNKNOWN_MATCH.
     */
    public int onBrokenTrade(
        final long userRefNum, final long matchNumber, final byte reason, final long timestampNs)
    {
        final int fill = fills.find(userRefNum, matchNumber);
        if (fill == RecentFills.MISSING)
        {
            return reject(OrderResult.UNKNOWN_MATCH);
        }
        final long shares = fills.shares[fill];
        fills.markBroken(fill);
        positions.onFill(
            fills.strategySlot[fill], fills.stockLocate[fill], !fills.buy[fill], shares, fills.price[fill]);
        final int slot = index.get(userRefNum);
        if (slot != UserRefIndex.MISSING)
        {
            executedQuantity[slot] = Math.max(0, executedQuantity[slot] - shares);
            updatedNs[slot] = timestampNs;
        }
        return OrderResult.OK;
    }

    /**
     * Visit every open order, oldest first, without allocating; the consumer may request cancels.
     *
     * @return the number of orders visited.
     */
    public int forEachOpen(final OpenOrderConsumer consumer)
    {
        return forEachOpen(NONE, consumer);
    }

    /**
     * Visit the open orders of one strategy slot (e.g. to cancel a quarantined strategy's orders).
     *
     * @param strategySlot the slot, or -1 for every slot.
     * @return the number of orders visited.
     */
    public int forEachOpen(final int strategySlot, final OpenOrderConsumer consumer)
    {
        int visited = 0;
        int slot = openHead;
        while (slot != NONE)
        {
            final int next = nextOpen[slot];
            if (strategySlot == NONE || this.strategySlot[slot] == strategySlot)
            {
                visited++;
                consumer.accept(
                    userRefNum[slot], this.strategySlot[slot], stockLocate[slot], side[slot], openQuantity[slot],
                    price[slot], OrderState.of(state[slot]));
            }
            slot = next;
        }
        return visited;
    }

    /** @return signed position in shares for the stock locate, all strategies together. */
    public long position(final int stockLocate)
    {
        return positions.position(stockLocate);
    }

    /** @return open buy shares (orders sent and not finished) for the stock locate. */
    public long openBuyQuantity(final int stockLocate)
    {
        return stockLocate < 0 || stockLocate > Positions.MAX_LOCATE ? 0 : openBuyQuantity[stockLocate];
    }

    /** @return open sell shares (any sell side) for the stock locate. */
    public long openSellQuantity(final int stockLocate)
    {
        return stockLocate < 0 || stockLocate > Positions.MAX_LOCATE ? 0 : openSellQuantity[stockLocate];
    }

    /** @return open orders over every strategy and instrument. */
    public int openOrders()
    {
        return openOrders;
    }

    /** @return open orders of one strategy slot. */
    public int openOrdersOfStrategy(final int strategySlot)
    {
        return strategySlot < 0 || strategySlot >= maxStrategySlots ? 0 : openOrdersBySlot[strategySlot];
    }

    /** @return open orders for one stock locate. */
    public int openOrdersOfLocate(final int stockLocate)
    {
        return stockLocate < 0 || stockLocate > Positions.MAX_LOCATE ? 0 : openOrdersByLocate[stockLocate];
    }

    /** @return the UserRefNum the next order or replacement will get. */
    public long nextUserRefNum()
    {
        return nextUserRefNum;
    }

    /**
     * Never issue a UserRefNum below this one (the venue expects a higher one, e.g. after the engine restarted
     * on a port the venue kept). Numbers only ever go up.
     *
     * @param atLeast the lowest UserRefNum to issue next.
     * @return the next UserRefNum now.
     */
    public long advanceUserRefNum(final long atLeast)
    {
        if (atLeast > nextUserRefNum && atLeast <= MAX_USER_REF_NUM + 1)
        {
            nextUserRefNum = atLeast;
        }
        return nextUserRefNum;
    }

    /** @return pooled order entries in use (open orders plus pending replacements). */
    public int liveOrders()
    {
        return freeSlots.length - freeCount;
    }

    /** @return how many operations returned {@code result} (a code other than OK). */
    public long rejects(final int result)
    {
        return rejects[result];
    }

    /** @return the order's state, {@link OrderState#NONE} if it is not live. */
    public OrderState state(final long userRefNum)
    {
        final int slot = index.get(userRefNum);
        return slot == UserRefIndex.MISSING ? OrderState.NONE : OrderState.of(state[slot]);
    }

    /** @return the order's open shares, 0 if it is not live. */
    public long openQuantity(final long userRefNum)
    {
        final int slot = index.get(userRefNum);
        return slot == UserRefIndex.MISSING ? 0 : openQuantity[slot];
    }

    /** @return the order's executed shares, 0 if it is not live. */
    public long executedQuantity(final long userRefNum)
    {
        final int slot = index.get(userRefNum);
        return slot == UserRefIndex.MISSING ? 0 : executedQuantity[slot];
    }

    /** @return the order's original (entered) shares, 0 if it is not live. */
    public long originalQuantity(final long userRefNum)
    {
        final int slot = index.get(userRefNum);
        return slot == UserRefIndex.MISSING ? 0 : originalQuantity[slot];
    }

    /** @return the order's price, 0 if it is not live. */
    public long price(final long userRefNum)
    {
        final int slot = index.get(userRefNum);
        return slot == UserRefIndex.MISSING ? 0 : price[slot];
    }

    /** @return the order's side byte, 0 if it is not live. */
    public byte side(final long userRefNum)
    {
        final int slot = index.get(userRefNum);
        return slot == UserRefIndex.MISSING ? 0 : side[slot];
    }

    /** @return the venue's order reference number, 0 if not yet accepted or not live. */
    public long venueOrderRef(final long userRefNum)
    {
        final int slot = index.get(userRefNum);
        return slot == UserRefIndex.MISSING ? 0 : venueOrderRef[slot];
    }

    /** @return the strategy slot of the order, -1 if it is not live. */
    public int strategySlot(final long userRefNum)
    {
        final int slot = index.get(userRefNum);
        return slot == UserRefIndex.MISSING ? NONE : strategySlot[slot];
    }

    /** @return the stock locate of the order, 0 if it is not live. */
    public int stockLocate(final long userRefNum)
    {
        final int slot = index.get(userRefNum);
        return slot == UserRefIndex.MISSING ? 0 : stockLocate[slot];
    }

    /** @return when the order was sent, 0 if it is not live. */
    public long sentTimestampNs(final long userRefNum)
    {
        final int slot = index.get(userRefNum);
        return slot == UserRefIndex.MISSING ? 0 : sentNs[slot];
    }

    /** @return when the order last changed, 0 if it is not live. */
    public long lastUpdateTimestampNs(final long userRefNum)
    {
        final int slot = index.get(userRefNum);
        return slot == UserRefIndex.MISSING ? 0 : updatedNs[slot];
    }

    private int checkCanAllocate()
    {
        if (nextUserRefNum > MAX_USER_REF_NUM)
        {
            return OrderResult.USER_REF_NUM_EXHAUSTED;
        }
        return freeCount == 0 ? OrderResult.POOL_EXHAUSTED : OrderResult.OK;
    }

    private int allocate(
        final int strategySlot, final int stockLocate, final byte side, final long quantity, final long price,
        final long timestampNs)
    {
        final int slot = freeSlots[--freeCount];
        final long ref = nextUserRefNum++;
        userRefNum[slot] = ref;
        venueOrderRef[slot] = 0;
        this.strategySlot[slot] = strategySlot;
        this.stockLocate[slot] = stockLocate;
        this.side[slot] = side;
        this.price[slot] = price;
        originalQuantity[slot] = quantity;
        openQuantity[slot] = 0;
        executedQuantity[slot] = 0;
        state[slot] = PENDING_NEW;
        sentNs[slot] = timestampNs;
        updatedNs[slot] = timestampNs;
        replacement[slot] = NONE;
        replaces[slot] = NONE;
        counted[slot] = false;
        index.putNew(ref, slot);
        return slot;
    }

    /** Find a live order's slot, or the negated code: ORDER_NOT_LIVE if issued this session, else UNKNOWN_ORDER. */
    private int find(final long userRefNum)
    {
        final int slot = index.get(userRefNum);
        if (slot != UserRefIndex.MISSING)
        {
            return slot;
        }
        return userRefNum >= firstUserRefNum && userRefNum < nextUserRefNum ?
            -OrderResult.ORDER_NOT_LIVE : -OrderResult.UNKNOWN_ORDER;
    }

    private void transition(final int slot, final byte to, final long timestampNs)
    {
        final byte from = state[slot];
        state[slot] = to;
        updatedNs[slot] = timestampNs;
        listener.onOrderState(userRefNum[slot], strategySlot[slot], OrderState.of(from), OrderState.of(to));
    }

    /** Move to a terminal state, take the order out of the open aggregates and release it (and any replacement). */
    private void finish(final int slot, final byte terminal, final long timestampNs)
    {
        transition(slot, terminal, timestampNs);
        final int pending = replacement[slot];
        if (pending != NONE)
        {
            replacement[slot] = NONE;
            replaces[pending] = NONE;
            transition(pending, REJECTED, timestampNs);
            release(pending);
        }
        release(slot);
    }

    private void release(final int slot)
    {
        if (counted[slot])
        {
            setOpen(slot, 0);
            unlink(slot);
        }
        index.remove(userRefNum[slot]);
        freeSlots[freeCount++] = slot;
    }

    private void link(final int slot)
    {
        counted[slot] = true;
        prevOpen[slot] = NONE;
        nextOpen[slot] = NONE;
        if (openHead == NONE)
        {
            openHead = slot;
            prevOpen[slot] = slot;
        }
        else
        {
            // The head's prev points at the tail, so appending is O(1) and iteration runs oldest first.
            final int tail = prevOpen[openHead];
            nextOpen[tail] = slot;
            prevOpen[slot] = tail;
            prevOpen[openHead] = slot;
        }
        openOrders++;
        openOrdersBySlot[strategySlot[slot]]++;
        openOrdersByLocate[stockLocate[slot]]++;
    }

    private void unlink(final int slot)
    {
        counted[slot] = false;
        final int prev = prevOpen[slot];
        final int next = nextOpen[slot];
        if (slot == openHead)
        {
            openHead = next;
            if (next != NONE)
            {
                prevOpen[next] = prev;
            }
        }
        else
        {
            nextOpen[prev] = next;
            if (next != NONE)
            {
                prevOpen[next] = prev;
            }
            else
            {
                prevOpen[openHead] = prev;
            }
        }
        openOrders--;
        openOrdersBySlot[strategySlot[slot]]--;
        openOrdersByLocate[stockLocate[slot]]--;
    }

    private void addOpen(final int slot, final long quantity)
    {
        openQuantity[slot] = quantity;
        adjustSide(slot, quantity);
    }

    private void setOpen(final int slot, final long quantity)
    {
        final long delta = quantity - openQuantity[slot];
        openQuantity[slot] = quantity;
        if (counted[slot])
        {
            adjustSide(slot, delta);
        }
    }

    private void adjustSide(final int slot, final long delta)
    {
        if (side[slot] == 'B')
        {
            openBuyQuantity[stockLocate[slot]] += delta;
        }
        else
        {
            openSellQuantity[stockLocate[slot]] += delta;
        }
    }

    private byte liveState(final int slot)
    {
        return executedQuantity[slot] > 0 ? PARTIALLY_FILLED : ACCEPTED;
    }

    private int reject(final int result)
    {
        rejects[result]++;
        return result;
    }

    private static boolean isLive(final byte state)
    {
        return state == ACCEPTED || state == PARTIALLY_FILLED;
    }

    private static boolean isOnBook(final byte state)
    {
        return state == ACCEPTED || state == PARTIALLY_FILLED || state == CANCEL_PENDING || state == REPLACE_PENDING;
    }
}
