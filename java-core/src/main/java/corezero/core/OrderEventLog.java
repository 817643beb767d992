package corezero.core;

/**
 * The last events of one kind on our orders (fills, or orders that never went live), oldest overwritten, for the
 * REPL's view: UserRefNum, slot, instrument, side, shares, price, a detail (the match number of a fill, the reason
 * of a reject) and the time. The hot thread adds; a {@link TradingSnapshot} copies the last ones in order.
 * Struct of arrays, allocation-free after construction.
 */
final class OrderEventLog
{
    final long[] userRefNum;
    final int[] strategySlot;
    final int[] stockLocate;
    final byte[] side;
    final long[] shares;
    final long[] price;
    final long[] detail;
    final long[] timestampNs;
    /** Events added since the start; the newest is at {@code (count - 1) % capacity}. */
    long count;

    /**
     * @param capacity events kept.
     */
    OrderEventLog(final int capacity)
    {
        userRefNum = new long[capacity];
        strategySlot = new int[capacity];
        stockLocate = new int[capacity];
        side = new byte[capacity];
        shares = new long[capacity];
        price = new long[capacity];
        detail = new long[capacity];
        timestampNs = new long[capacity];
    }

    void add(
        final long ref, final int slot, final int locate, final byte s, final long qty, final long px,
        final long eventDetail, final long timeNs)
    {
        final int i = (int)(count % userRefNum.length);
        userRefNum[i] = ref;
        strategySlot[i] = slot;
        stockLocate[i] = locate;
        side[i] = s;
        shares[i] = qty;
        price[i] = px;
        detail[i] = eventDetail;
        timestampNs[i] = timeNs;
        count++;
    }

    /**
     * Copy the last events, oldest first, into rows 0.. of another log (which then holds them unwrapped).
     *
     * @param target a log of at least this capacity.
     * @return rows copied.
     */
    int copyLastInto(final OrderEventLog target)
    {
        final int capacity = userRefNum.length;
        int rows = 0;
        for (long n = Math.max(0, count - capacity); n < count && rows < target.userRefNum.length; n++)
        {
            final int i = (int)(n % capacity);
            target.userRefNum[rows] = userRefNum[i];
            target.strategySlot[rows] = strategySlot[i];
            target.stockLocate[rows] = stockLocate[i];
            target.side[rows] = side[i];
            target.shares[rows] = shares[i];
            target.price[rows] = price[i];
            target.detail[rows] = detail[i];
            target.timestampNs[rows] = timestampNs[i];
            rows++;
        }
        target.count = rows;
        return rows;
    }
}
