package corezero.risk;

import corezero.book.BookView;

/**
 * The synchronous pre-trade check, run on the hot thread for every order intent before it is encoded. One call
 * reads the trading state, the {@link RiskLimits}, the instrument's {@link BookView} and the order layer's
 * {@link ExposureView}; it allocates nothing, throws nothing on any input and returns {@link RiskResult#OK} or the
 * first reason to refuse, in this order:
 * <ol>
 *     <li>{@link RiskResult#HALTED} (the kill switch wins over every other reason);</li>
 *     <li>{@link RiskResult#BAD_SIDE}, {@link RiskResult#QUANTITY_ZERO_OR_NEGATIVE}, {@link RiskResult#BAD_PRICE};</li>
 *     <li>{@link RiskResult#REDUCING_ONLY} when {@link TradingState#REDUCING};</li>
 *     <li>{@link RiskResult#MAX_ORDER_QUANTITY}, {@link RiskResult#MAX_ORDER_NOTIONAL};</li>
 *     <li>{@link RiskResult#NO_REFERENCE_PRICE}, {@link RiskResult#PRICE_COLLAR};</li>
 *     <li>{@link RiskResult#MAX_POSITION}, {@link RiskResult#MAX_OPEN_ORDERS};</li>
 *     <li>{@link RiskResult#THROTTLED}, last: a token is taken only by an order that passed everything else, so
 *     the throttle counts orders that reach the venue, and a strategy spraying bad orders does not use up the
 *     rate its good ones need.</li>
 * </ol>
 * <b>Worst-case position.</b> An order is judged as if it and every open order on its side filled: a buy against
 * {@code position + openBuy + quantity}, a sell against {@code position - openSell - quantity}. Open orders on the
 * other side are not counted as relief, since they may be cancelled. Sums saturate instead of overflowing.
 * <p>
 * <b>Reducing.</b> In {@link TradingState#REDUCING} a buy passes only when short and its worst case stays at or
 * below zero, a sell only when long and its worst case stays at or above zero: reducing orders together can
 * bring the position to flat but never past it. A flat instrument takes no orders.
 * <p>
 * <b>Collar.</b> The reference of a buy is the best ask, of a sell the best bid: the price the order would
 * cross. When that side is empty the reference is the last trade price (the mid needs both sides). A buy passes
 * at or below {@code reference × (10,000 + collarBps) / 10,000}, a sell at or above
 * {@code reference × (10,000 - collarBps) / 10,000}, compared exactly in integers (price × 10,000 against
 * reference × (10,000 ± bps), which cannot overflow: a reference outside 1..{@link #MAX_REFERENCE_PRICE} counts
 * as none). With no reference the order is refused with {@link RiskResult#NO_REFERENCE_PRICE}, unless
 * {@link RiskLimits#allowNoReference()} is set, when the collar is skipped. Passive prices (a buy below the ask)
 * are not limited. A stale book is still used as reference: refusing to trade on it is the strategy's job.
 * <p>
 * <b>Notional.</b> price × quantity, exact, in 1/10,000 dollar; a product that does not fit in a long is over any
 * limit (checked with {@link Math#multiplyHigh}).
 * <p>
 * Counters are plain fields of the hot thread, like the limits: other threads read them through a snapshot.
 */
public final class RiskGate
{
    /**
     * Highest limit price accepted, $214,748.3646: one tick below OUCH's market-order price ($214,748.3647,
     * 0x7FFF_FFFF), which no collar can bound.
     */
    public static final long MAX_PRICE = Integer.MAX_VALUE - 1;

    /** Highest reference price used: ITCH prices are unsigned 32-bit ($429,496.7295). */
    public static final long MAX_REFERENCE_PRICE = 0xFFFF_FFFFL;

    private static final long BPS = 10_000;

    private final RiskLimits limits;
    private final TokenBucket throttle = new TokenBucket();
    private final long[] rejects = new long[RiskResult.COUNT];
    private long accepted;
    private long rejected;
    private int tradingState = TradingState.ACTIVE;

    /**
     * @param limits the limits this gate checks, changed in place by limit commands.
     */
    public RiskGate(final RiskLimits limits)
    {
        this.limits = limits;
    }

    /**
     * Check one order intent, and count the outcome.
     *
     * @param stockLocate instrument.
     * @param side        'B' buy or 'S' sell (sell short is the order layer's concern).
     * @param quantity    shares.
     * @param price       limit price, 4 implied decimals.
     * @param nowNs       the injected clock's time, for the throttle.
     * @param book        the instrument's book, for the collar.
     * @param exposure    position and open orders.
     * @return {@link RiskResult#OK} or the reason for refusing.
     */
    public int check(
        final int stockLocate,
        final byte side,
        final long quantity,
        final long price,
        final long nowNs,
        final BookView book,
        final ExposureView exposure)
    {
        final int result = evaluate(stockLocate, side, quantity, price, nowNs, book, exposure);
        if (RiskResult.OK == result)
        {
            accepted++;
        }
        else
        {
            rejects[result]++;
            rejected++;
        }
        return result;
    }

    private int evaluate(
        final int stockLocate,
        final byte side,
        final long quantity,
        final long price,
        final long nowNs,
        final BookView book,
        final ExposureView exposure)
    {
        if (TradingState.HALTED == tradingState)
        {
            return RiskResult.HALTED;
        }
        final boolean buy = 'B' == side;
        if (!buy && 'S' != side)
        {
            return RiskResult.BAD_SIDE;
        }
        if (quantity <= 0)
        {
            return RiskResult.QUANTITY_ZERO_OR_NEGATIVE;
        }
        if (price <= 0 || price > MAX_PRICE)
        {
            return RiskResult.BAD_PRICE;
        }

        // Position along the order's direction: a sell sees a short as positive.
        final long position = exposure.position(stockLocate);
        final long directedPosition = buy ? position : negate(position);
        final long openSameSide = Math.max(0L,
            buy ? exposure.openBuyQuantity(stockLocate) : exposure.openSellQuantity(stockLocate));
        final long worstCase = add(add(directedPosition, openSameSide), quantity);

        if (TradingState.REDUCING == tradingState && (directedPosition >= 0 || worstCase > 0))
        {
            return RiskResult.REDUCING_ONLY;
        }
        if (quantity > limits.maxOrderQty())
        {
            return RiskResult.MAX_ORDER_QUANTITY;
        }
        final long notional = price * quantity;
        if (Math.multiplyHigh(price, quantity) != 0 || notional < 0 || notional > limits.maxOrderNotional())
        {
            return RiskResult.MAX_ORDER_NOTIONAL;
        }

        final long reference = referencePrice(buy, book);
        if (BookView.NO_PRICE == reference)
        {
            if (!limits.allowNoReference())
            {
                return RiskResult.NO_REFERENCE_PRICE;
            }
        }
        else if (buy ?
            price * BPS > reference * (BPS + limits.collarBps()) :
            price * BPS < reference * (BPS - limits.collarBps()))
        {
            return RiskResult.PRICE_COLLAR;
        }

        if (worstCase > limits.maxPosition())
        {
            return RiskResult.MAX_POSITION;
        }
        if (exposure.openOrders() >= limits.maxOpenOrders())
        {
            return RiskResult.MAX_OPEN_ORDERS;
        }
        if (!throttle.tryAcquire(limits.throttleCapacity(), limits.throttleRefillPerSecond(), nowNs))
        {
            return RiskResult.THROTTLED;
        }
        return RiskResult.OK;
    }

    private static long referencePrice(final boolean buy, final BookView book)
    {
        final long touch = buy ? book.bestAskPrice() : book.bestBidPrice();
        if (touch > 0 && touch <= MAX_REFERENCE_PRICE)
        {
            return touch;
        }
        final long last = book.lastTradePrice();
        if (last > 0 && last <= MAX_REFERENCE_PRICE)
        {
            return last;
        }
        return BookView.NO_PRICE;
    }

    private static long negate(final long value)
    {
        return Long.MIN_VALUE == value ? Long.MAX_VALUE : -value;
    }

    private static long add(final long a, final long b)
    {
        final long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0)
        {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    /**
     * Change the trading state (applying a command, or the kill switch).
     *
     * @param state {@link TradingState#ACTIVE}, {@link TradingState#REDUCING} or {@link TradingState#HALTED}.
     * @return {@link RiskResult#OK}, or {@link RiskResult#BAD_VALUE} with nothing changed.
     */
    public int tradingState(final long state)
    {
        if (!TradingState.isValid(state))
        {
            return RiskResult.BAD_VALUE;
        }
        tradingState = (int)state;
        return RiskResult.OK;
    }

    /** @return the trading state, a {@link TradingState} code. */
    public int tradingState()
    {
        return tradingState;
    }

    /** Kill switch: refuse every order from now on, until the state is set again. Idempotent. */
    public void halt()
    {
        tradingState = TradingState.HALTED;
    }

    /** @return true when the kill switch is on. */
    public boolean isHalted()
    {
        return TradingState.HALTED == tradingState;
    }

    /** @return the limits this gate checks. */
    public RiskLimits limits()
    {
        return limits;
    }

    /** @return the order-rate throttle (for reading its tokens). */
    public TokenBucket throttle()
    {
        return throttle;
    }

    /** @return orders accepted. */
    public long accepted()
    {
        return accepted;
    }

    /** @return orders refused, every reason. */
    public long rejected()
    {
        return rejected;
    }

    /**
     * @param reason a {@link RiskResult} code.
     * @return orders refused for that reason; 0 for {@link RiskResult#OK} and codes out of range.
     */
    public long rejects(final int reason)
    {
        return reason > RiskResult.OK && reason < RiskResult.COUNT ? rejects[reason] : 0;
    }
}
