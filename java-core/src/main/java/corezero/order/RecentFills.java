package corezero.order;

/**
 * A ring of our last fills, so that a Broken Trade, which names only the UserRefNum and the match number, can be
 * reversed even after its order finished and was released. Lookup scans from the newest fill back: broken
 * trades are rare and usually recent, and the scan is bounded by the capacity.
 */
final class RecentFills
{
    /** Returned by {@link #find} when the fill is not among the recent ones (or was already broken). */
    static final int MISSING = -1;

    final long[] matchNumber;
    final long[] userRefNum;
    final long[] shares;
    final long[] price;
    final int[] strategySlot;
    final int[] stockLocate;
    final boolean[] buy;
    private long count;

    RecentFills(final int capacity)
    {
        matchNumber = new long[capacity];
        userRefNum = new long[capacity];
        shares = new long[capacity];
        price = new long[capacity];
        strategySlot = new int[capacity];
        stockLocate = new int[capacity];
        buy = new boolean[capacity];
    }

    void add(
        final long matchNumber, final long userRefNum, final long shares, final long price, final int strategySlot,
        final int stockLocate, final boolean buy)
    {
        final int entry = (int)(count++ % this.matchNumber.length);
        this.matchNumber[entry] = matchNumber;
        this.userRefNum[entry] = userRefNum;
        this.shares[entry] = shares;
        this.price[entry] = price;
        this.strategySlot[entry] = strategySlot;
        this.stockLocate[entry] = stockLocate;
        this.buy[entry] = buy;
    }

    /**
     * @return the entry of the newest unbroken fill with this match number and UserRefNum, or {@link #MISSING}.
     */
    int find(final long userRefNum, final long matchNumber)
    {
        final int capacity = this.matchNumber.length;
        final long oldest = Math.max(0, count - capacity);
        for (long i = count - 1; i >= oldest; i--)
        {
            final int entry = (int)(i % capacity);
            if (this.matchNumber[entry] == matchNumber && this.userRefNum[entry] == userRefNum && shares[entry] > 0)
            {
                return entry;
            }
        }
        return MISSING;
    }

    /** Mark a fill broken, so it is not found again. */
    void markBroken(final int entry)
    {
        shares[entry] = 0;
    }
}
