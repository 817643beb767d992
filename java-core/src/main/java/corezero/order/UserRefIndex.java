package corezero.order;

/**
 * UserRefNum → pooled order slot: open addressing with linear probing, sized at construction for a load factor
 * of at most one half so it never grows, and backward-shift deletion so there are no tombstones. Keys are
 * spread by Fibonacci hashing, since UserRefNums are sequential. A slot is empty when its stored value is 0
 * (values are kept + 1), so the JVM's zeroed array is the empty table.
 */
final class UserRefIndex
{
    /** Returned by {@link #get} and {@link #remove} for an absent key. */
    static final int MISSING = -1;

    private static final long EMPTY = 0;
    private static final long GOLDEN_RATIO = 0x9E37_79B9_7F4A_7C15L;

    private final long[] keys;
    private final int[] values;
    private final int mask;
    private final int shift;

    UserRefIndex(final int maxEntries)
    {
        if (maxEntries < 1 || maxEntries > 1 << 28)
        {
            throw new IllegalArgumentException("index holds 1.." + (1 << 28) + " entries: " + maxEntries);
        }
        final int capacity = Integer.highestOneBit(Math.max(2, maxEntries) * 2 - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        shift = Long.SIZE - Integer.numberOfTrailingZeros(capacity);
    }

    int get(final long key)
    {
        int slot = home(key);
        while (true)
        {
            final int stored = values[slot];
            if (stored == EMPTY)
            {
                return MISSING;
            }
            if (keys[slot] == key)
            {
                return stored - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Insert a key known to be absent; the table never fills, as it holds at most half its capacity. */
    void putNew(final long key, final int value)
    {
        int slot = home(key);
        while (values[slot] != EMPTY)
        {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value + 1;
    }

    int remove(final long key)
    {
        int slot = home(key);
        while (true)
        {
            final int stored = values[slot];
            if (stored == EMPTY)
            {
                return MISSING;
            }
            if (keys[slot] == key)
            {
                compactFrom(slot);
                return stored - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void compactFrom(final int removedSlot)
    {
        int hole = removedSlot;
        int candidate = removedSlot;
        while (true)
        {
            candidate = (candidate + 1) & mask;
            final int stored = values[candidate];
            if (stored == EMPTY)
            {
                break;
            }
            final long key = keys[candidate];
            final int home = home(key);
            final boolean stays = hole <= candidate ?
                hole < home && home <= candidate :
                hole < home || home <= candidate;
            if (!stays)
            {
                keys[hole] = key;
                values[hole] = stored;
                hole = candidate;
            }
        }
        values[hole] = (int)EMPTY;
    }

    private int home(final long key)
    {
        return (int)((key * GOLDEN_RATIO) >>> shift);
    }
}
