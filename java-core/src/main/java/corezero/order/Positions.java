package corezero.order;

import java.util.Arrays;

/**
 * Positions and P&amp;L per stock locate (all strategies together) and per strategy slot and stock locate, in
 * fixed point: prices carry 4 implied decimals, quantities are shares, money ({@code *Pnl}, cost) is price ×
 * shares, so 1 unit = $0.0001.
 * <p>
 * <b>Average cost.</b> Each position keeps its signed size and its open cost (|position| × average price,
 * exactly, as a sum of fill costs). A fill on the same side adds its cost. A fill against the position closes
 * {@code min(|position|, shares)} and releases the proportional part of the open cost,
 * {@code floor(openCost × closed / |position|)}; realized P&amp;L is the proceeds minus the released cost (long)
 * or the released cost minus the proceeds (short). Closing the whole position releases the whole open cost,
 * so rounding never leaks: realized plus open cost always equals the exact money flow. Shares beyond the
 * position open a new one on the other side at the fill price. {@link #averageCost} is
 * {@code floor(openCost / |position|)}; unrealized P&amp;L against a mark uses the exact open cost.
 * <p>
 * <b>Overflow.</b> Exact while prices stay below 2^31 (OUCH prices: $214,748.3647 at most) and |position| and
 * fill sizes below 2^31 shares: every product is then below 2^62, and the proportional release is computed as
 * {@code (c / p) × q + (c % p) × q / p} with {@code c % p < p}, so no intermediate exceeds 2^62. Realized P&amp;L
 * sums would need $9 × 10^14 to overflow. {@link Orders} rejects order quantities and prices outside these bounds.
 * <p>
 * Instruments are bound to dense slots on first use (normally at order entry, by {@link Orders}); queries for an
 * unbound locate return 0. Not thread-safe: the hot thread writes and reads.
 */
public final class Positions
{
    /** Largest stock locate (a 2-byte field); 0 is not an instrument. */
    public static final int MAX_LOCATE = 0xFFFF;

    private static final int NO_INSTRUMENT = -1;

    private final int maxStrategySlots;
    private final int maxInstruments;
    private final int[] instrumentOfLocate = new int[MAX_LOCATE + 1];
    private final int[] locateOfInstrument;
    // Row 0 holds the per-instrument totals, row 1 + s strategy slot s: index = row × maxInstruments + instrument.
    private final long[] position;
    private final long[] openCost;
    private final long[] realizedPnl;
    private int boundInstruments;

    /**
     * @param maxStrategySlots strategy slots (0..maxStrategySlots - 1).
     * @param maxInstruments   distinct stock locates tracked.
     */
    public Positions(final int maxStrategySlots, final int maxInstruments)
    {
        if (maxStrategySlots < 1 || maxInstruments < 1 || maxInstruments > MAX_LOCATE)
        {
            throw new IllegalArgumentException(
                "bad capacity: " + maxStrategySlots + " slots, " + maxInstruments + " instruments");
        }
        this.maxStrategySlots = maxStrategySlots;
        this.maxInstruments = maxInstruments;
        locateOfInstrument = new int[maxInstruments];
        final int cells = (maxStrategySlots + 1) * maxInstruments;
        position = new long[cells];
        openCost = new long[cells];
        realizedPnl = new long[cells];
        Arrays.fill(instrumentOfLocate, NO_INSTRUMENT);
    }

    /**
     * @return the number of strategy slots.
     */
    public int maxStrategySlots()
    {
        return maxStrategySlots;
    }

    /**
     * Bind a stock locate to an instrument slot if it is not bound yet.
     *
     * @param stockLocate 1..{@link #MAX_LOCATE}.
     * @return {@link OrderResult#OK}, BAD_LOCATE or INSTRUMENTS_EXHAUSTED.
     */
    public int bind(final int stockLocate)
    {
        if (stockLocate < 1 || stockLocate > MAX_LOCATE)
        {
            return OrderResult.BAD_LOCATE;
        }
        if (instrumentOfLocate[stockLocate] != NO_INSTRUMENT)
        {
            return OrderResult.OK;
        }
        if (boundInstruments == maxInstruments)
        {
            return OrderResult.INSTRUMENTS_EXHAUSTED;
        }
        locateOfInstrument[boundInstruments] = stockLocate;
        instrumentOfLocate[stockLocate] = boundInstruments++;
        return OrderResult.OK;
    }

    /**
     * Apply a fill (or, with the opposite side, the reversal of a broken one).
     *
     * @param strategySlot 0..maxStrategySlots - 1.
     * @param stockLocate  the instrument (bound here if needed).
     * @param buy          true for a buy, false for any sell.
     * @param shares       shares filled, positive.
     * @param price        fill price, 4 implied decimals.
     * @return {@link OrderResult#OK}, BAD_STRATEGY_SLOT, BAD_LOCATE, INSTRUMENTS_EXHAUSTED or BAD_QUANTITY.
     */
    public int onFill(
        final int strategySlot, final int stockLocate, final boolean buy, final long shares, final long price)
    {
        if (strategySlot < 0 || strategySlot >= maxStrategySlots)
        {
            return OrderResult.BAD_STRATEGY_SLOT;
        }
        if (shares <= 0)
        {
            return OrderResult.BAD_QUANTITY;
        }
        final int bound = bind(stockLocate);
        if (bound != OrderResult.OK)
        {
            return bound;
        }
        final int instrument = instrumentOfLocate[stockLocate];
        final long signedShares = buy ? shares : -shares;
        apply(instrument, signedShares, price);
        apply((1 + strategySlot) * maxInstruments + instrument, signedShares, price);
        return OrderResult.OK;
    }

    /** @return signed position in shares of all strategies together. */
    public long position(final int stockLocate)
    {
        final int cell = totalCell(stockLocate);
        return cell < 0 ? 0 : position[cell];
    }

    /** @return signed position in shares of one strategy slot. */
    public long position(final int strategySlot, final int stockLocate)
    {
        final int cell = slotCell(strategySlot, stockLocate);
        return cell < 0 ? 0 : position[cell];
    }

    /** @return average cost of the open position (4 implied decimals, rounded down), 0 when flat. */
    public long averageCost(final int stockLocate)
    {
        return averageCostOf(totalCell(stockLocate));
    }

    /** @return average cost of one strategy slot's open position, 0 when flat. */
    public long averageCost(final int strategySlot, final int stockLocate)
    {
        return averageCostOf(slotCell(strategySlot, stockLocate));
    }

    /** @return realized P&amp;L in price × shares units ($0.0001). */
    public long realizedPnl(final int stockLocate)
    {
        final int cell = totalCell(stockLocate);
        return cell < 0 ? 0 : realizedPnl[cell];
    }

    /** @return one strategy slot's realized P&amp;L in price × shares units. */
    public long realizedPnl(final int strategySlot, final int stockLocate)
    {
        final int cell = slotCell(strategySlot, stockLocate);
        return cell < 0 ? 0 : realizedPnl[cell];
    }

    /** @return unrealized P&amp;L of the open position marked at {@code markPrice} (e.g. the book mid). */
    public long unrealizedPnl(final int stockLocate, final long markPrice)
    {
        return unrealizedOf(totalCell(stockLocate), markPrice);
    }

    /** @return one strategy slot's unrealized P&amp;L marked at {@code markPrice}. */
    public long unrealizedPnl(final int strategySlot, final int stockLocate, final long markPrice)
    {
        return unrealizedOf(slotCell(strategySlot, stockLocate), markPrice);
    }

    /** @return realized plus unrealized P&amp;L, all strategies together. */
    public long totalPnl(final int stockLocate, final long markPrice)
    {
        return realizedPnl(stockLocate) + unrealizedPnl(stockLocate, markPrice);
    }

    /** @return one strategy slot's realized plus unrealized P&amp;L. */
    public long totalPnl(final int strategySlot, final int stockLocate, final long markPrice)
    {
        return realizedPnl(strategySlot, stockLocate) + unrealizedPnl(strategySlot, stockLocate, markPrice);
    }

    /** @return realized P&amp;L over every instrument and strategy (a loop over bound instruments). */
    public long realizedPnl()
    {
        long sum = 0;
        for (int i = 0; i < boundInstruments; i++)
        {
            sum += realizedPnl[i];
        }
        return sum;
    }

    /** @return the number of stock locates bound so far. */
    public int boundInstruments()
    {
        return boundInstruments;
    }

    /** @return the stock locate bound to instrument slot {@code instrument} (0..boundInstruments - 1). */
    public int locateOf(final int instrument)
    {
        return locateOfInstrument[instrument];
    }

    private void apply(final int cell, final long signedShares, final long price)
    {
        final long held = position[cell];
        if (held == 0 || (held > 0) == (signedShares > 0))
        {
            openCost[cell] += Math.abs(signedShares) * price;
            position[cell] = held + signedShares;
            return;
        }
        final long heldShares = Math.abs(held);
        final long shares = Math.abs(signedShares);
        final long closed = Math.min(heldShares, shares);
        final long cost = openCost[cell];
        final long released = closed == heldShares ? cost : (cost / heldShares) * closed +
            (cost % heldShares) * closed / heldShares;
        final long proceeds = closed * price;
        realizedPnl[cell] += held > 0 ? proceeds - released : released - proceeds;
        openCost[cell] = cost - released + (shares - closed) * price;
        position[cell] = held + signedShares;
    }

    private long averageCostOf(final int cell)
    {
        if (cell < 0 || position[cell] == 0)
        {
            return 0;
        }
        return openCost[cell] / Math.abs(position[cell]);
    }

    private long unrealizedOf(final int cell, final long markPrice)
    {
        if (cell < 0)
        {
            return 0;
        }
        final long held = position[cell];
        return held >= 0 ? held * markPrice - openCost[cell] : openCost[cell] + held * markPrice;
    }

    private int totalCell(final int stockLocate)
    {
        if (stockLocate < 0 || stockLocate > MAX_LOCATE)
        {
            return -1;
        }
        return instrumentOfLocate[stockLocate];
    }

    private int slotCell(final int strategySlot, final int stockLocate)
    {
        final int instrument = totalCell(stockLocate);
        if (instrument < 0 || strategySlot < 0 || strategySlot >= maxStrategySlots)
        {
            return -1;
        }
        return (1 + strategySlot) * maxInstruments + instrument;
    }
}
