package corezero.book;

/**
 * Order reference number → pooled order index: open addressing with linear probing, sized at construction for
 * a load factor of at most one half so it never grows, and backward-shift deletion so there are no tombstones
 * and probe lengths stay short through a day of adds and deletes.
 * <p>
 * Key and value share one {@code long[]} (key at {@code 2i}, value + 1 at {@code 2i + 1}), so a probe reads one
 * cache line. A slot is empty when its stored value is 0, which leaves every 64-bit key usable (ITCH references
 * are unsigned 64-bit) and lets the JVM's zeroed array be the empty table. Keys are spread by Fibonacci hashing:
 * references arrive nearly sequential.
 */
final class OrderRefIndex
{
    /** Returned by {@link #get} and {@link #remove} for an absent key. */
    static final int MISSING = -1;

    /** Most keys an index can be sized for (its table then takes 8 GiB). */
    static final int MAX_ENTRIES = 1 << 28;

    private static final long EMPTY = 0;
    private static final long GOLDEN_RATIO = 0x9E37_79B9_7F4A_7C15L;

    private final long[] entries;
    private final int mask;
    private final int shift;
    private int size;

    /**
     * @param maxEntries most keys held at once.
     */
    OrderRefIndex(final int maxEntries)
    {
        if (maxEntries < 1 || maxEntries > MAX_ENTRIES)
        {
            throw new IllegalArgumentException("order index holds 1.." + MAX_ENTRIES + " entries: " + maxEntries);
        }
        final int capacity = Integer.highestOneBit(Math.max(2, maxEntries) * 2 - 1) << 1;
        entries = new long[capacity * 2];
        mask = capacity - 1;
        shift = Long.SIZE - Integer.numberOfTrailingZeros(capacity);
    }

    int get(final long key)
    {
        final long[] entries = this.entries;
        int slot = home(key);
        while (true)
        {
            final long stored = entries[(slot << 1) + 1];
            if (stored == EMPTY)
            {
                return MISSING;
            }
            if (entries[slot << 1] == key)
            {
                return (int)stored - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Insert a key known to be absent (the caller has checked with {@link #get}); the table never fills, as it
     * holds at most half its capacity.
     */
    void putNew(final long key, final int value)
    {
        final long[] entries = this.entries;
        int slot = home(key);
        while (entries[(slot << 1) + 1] != EMPTY)
        {
            slot = (slot + 1) & mask;
        }
        entries[slot << 1] = key;
        entries[(slot << 1) + 1] = value + 1L;
        size++;
    }

    /**
     * @return the value removed, or {@link #MISSING}.
     */
    int remove(final long key)
    {
        final long[] entries = this.entries;
        int slot = home(key);
        while (true)
        {
            final long stored = entries[(slot << 1) + 1];
            if (stored == EMPTY)
            {
                return MISSING;
            }
            if (entries[slot << 1] == key)
            {
                compactFrom(slot);
                size--;
                return (int)stored - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size()
    {
        return size;
    }

    /**
     * Fill the hole at {@code hole} by moving back later entries of the same probe run whose home slot is not in
     * the cyclic range (hole, candidate]; then the last hole becomes empty.
     */
    private void compactFrom(final int removedSlot)
    {
        final long[] entries = this.entries;
        int hole = removedSlot;
        int candidate = removedSlot;
        while (true)
        {
            candidate = (candidate + 1) & mask;
            final long stored = entries[(candidate << 1) + 1];
            if (stored == EMPTY)
            {
                break;
            }
            final long key = entries[candidate << 1];
            final int home = home(key);
            final boolean stays = hole <= candidate ?
                hole < home && home <= candidate :
                hole < home || home <= candidate;
            if (!stays)
            {
                entries[hole << 1] = key;
                entries[(hole << 1) + 1] = stored;
                hole = candidate;
            }
        }
        entries[(hole << 1) + 1] = EMPTY;
    }

    private int home(final long key)
    {
        return (int)((key * GOLDEN_RATIO) >>> shift);
    }
}
