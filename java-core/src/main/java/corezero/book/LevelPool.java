package corezero.book;

/**
 * Pooled price levels as parallel arrays, shared by every book and side. A level holds the queue of its orders
 * in time priority (oldest at {@link #head}) and their displayed total. Levels never used are handed out in index
 * order; released ones are chained through {@link #head} and reused first.
 * <p>
 * A live level always has at least one order, so a pool with as many levels as there are orders cannot run out
 * before the order pool does.
 */
final class LevelPool
{
    /** No level: end of the free list. */
    static final int NONE = -1;

    /** Price of the level (fixed point, 4 implied decimals). */
    final long[] price;

    /** Sum of the displayed shares of its orders. */
    final long[] shares;

    /** Orders queued at the level. */
    final int[] orderCount;

    /** Oldest order (first to execute); next free level while free. */
    final int[] head;

    /** Newest order. */
    final int[] tail;

    /** {@link PriceLadder#BID} or {@link PriceLadder#ASK}. */
    final byte[] side;

    private int freeHead = NONE;
    private int neverUsed;

    LevelPool(final int capacity)
    {
        price = new long[capacity];
        shares = new long[capacity];
        orderCount = new int[capacity];
        head = new int[capacity];
        tail = new int[capacity];
        side = new byte[capacity];
    }

    /**
     * Take an empty level for a price.
     *
     * @return the level, or {@link #NONE} if the pool is empty (cannot happen when sized as the order pool).
     */
    int allocate(final long levelPrice, final byte levelSide)
    {
        final int level;
        if (freeHead != NONE)
        {
            level = freeHead;
            freeHead = head[level];
        }
        else if (neverUsed < price.length)
        {
            level = neverUsed++;
        }
        else
        {
            return NONE;
        }
        price[level] = levelPrice;
        shares[level] = 0;
        orderCount[level] = 0;
        head[level] = OrderPool.NONE;
        tail[level] = OrderPool.NONE;
        side[level] = levelSide;
        return level;
    }

    void release(final int level)
    {
        head[level] = freeHead;
        freeHead = level;
    }
}
