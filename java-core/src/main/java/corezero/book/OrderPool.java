package corezero.book;

/**
 * Pooled order entries as parallel arrays (struct of arrays), indexed by an int that the
 * {@link OrderRefIndex} maps each live reference number to. An order is linked into its price level's queue in
 * time priority through {@link #prev} / {@link #next}. Entries never used are handed out in index order; released
 * ones are chained through {@link #next} and reused first (most recently released, so still in cache).
 */
final class OrderPool
{
    /** No order: end of a queue or of the free list. */
    static final int NONE = -1;

    /** Displayed shares still open. */
    final long[] shares;

    /** Pooled price level the order rests on. */
    final int[] level;

    /** Older order on the same level, or {@link #NONE} at the head. */
    final int[] prev;

    /** Newer order on the same level ({@link #NONE} at the tail); next free entry while free. */
    final int[] next;

    /** Book slot of the order's instrument. */
    final int[] book;

    private int freeHead = NONE;
    private int neverUsed;
    private int freeCount;

    OrderPool(final int capacity)
    {
        shares = new long[capacity];
        level = new int[capacity];
        prev = new int[capacity];
        next = new int[capacity];
        book = new int[capacity];
        freeCount = capacity;
    }

    /**
     * @return a free entry, or {@link #NONE} when all are in use.
     */
    int allocate()
    {
        final int order = freeHead;
        if (order != NONE)
        {
            freeHead = next[order];
            freeCount--;
            return order;
        }
        if (neverUsed < shares.length)
        {
            freeCount--;
            return neverUsed++;
        }
        return NONE;
    }

    void release(final int order)
    {
        next[order] = freeHead;
        freeHead = order;
        freeCount++;
    }

    int freeCount()
    {
        return freeCount;
    }
}
