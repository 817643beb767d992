package corezero.book;

/**
 * The price levels of one side of one book, kept sorted so the best price and every depth index are O(1).
 * <pre>
 *   index:   0                                   count-1
 *   keys:  [ worst ... ... ... ... ... ... ... ...  best ]   ascending rank key
 *   levels:[ pooled level index for each key            ]
 * </pre>
 * The rank key is the price for bids and its bitwise complement ({@code ~price}, order-reversing without
 * overflow) for asks, so one ascending array serves both sides and "better" always means "larger key".
 * <p>
 * Why the best sits at the end: levels are created and emptied mostly at or near the inside of the book, and
 * inserting or removing at index {@code i} moves the {@code count - i} entries above it. Keeping the best at the
 * end makes that the distance from the top, usually a handful, instead of the whole depth. Lookups first scan
 * down from the top ({@link #TOP_SCAN} keys, one or two cache lines) and fall back to a binary search, so a
 * lookup is O(1) near the top and O(log n) anywhere; an insert or removal far from the top costs one
 * {@code System.arraycopy} of the levels above it (12 bytes each).
 */
final class PriceLadder
{
    /** Side index of bids. */
    static final byte BID = 0;

    /** Side index of asks. */
    static final byte ASK = 1;

    /** Keys scanned linearly from the top before binary search. */
    static final int TOP_SCAN = 8;

    private final byte side;
    private final long[] keys;
    private final int[] levels;
    private int count;

    PriceLadder(final byte side, final int capacity)
    {
        this.side = side;
        keys = new long[capacity];
        levels = new int[capacity];
    }

    /**
     * @return rank key of a price on this side: larger is better.
     */
    long key(final long price)
    {
        return side == BID ? price : ~price;
    }

    /**
     * Find the position of a key.
     *
     * @return its index if present, otherwise {@code -(insertionIndex + 1)}.
     */
    int find(final long key)
    {
        final long[] keys = this.keys;
        int i = count - 1;
        final int scanEnd = Math.max(-1, i - TOP_SCAN);
        while (i > scanEnd)
        {
            final long k = keys[i];
            if (k == key)
            {
                return i;
            }
            if (k < key)
            {
                return -(i + 2);
            }
            i--;
        }

        int low = 0;
        int high = i;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long k = keys[mid];
            if (k < key)
            {
                low = mid + 1;
            }
            else if (k > key)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -(low + 1);
    }

    /**
     * @return the pooled level at an index returned by {@link #find}.
     */
    int levelAtIndex(final int index)
    {
        return levels[index];
    }

    boolean isFull()
    {
        return count == keys.length;
    }

    /**
     * Insert a level at the insertion index {@link #find} gave for its key; the ladder must not be full.
     */
    void insert(final int index, final long key, final int level)
    {
        final int above = count - index;
        System.arraycopy(keys, index, keys, index + 1, above);
        System.arraycopy(levels, index, levels, index + 1, above);
        keys[index] = key;
        levels[index] = level;
        count++;
    }

    void removeAt(final int index)
    {
        final int above = count - index - 1;
        System.arraycopy(keys, index + 1, keys, index, above);
        System.arraycopy(levels, index + 1, levels, index, above);
        count--;
    }

    int depth()
    {
        return count;
    }

    /**
     * @param depth 0 for the best level, must be below {@link #depth()}.
     * @return the pooled level.
     */
    int levelAtDepth(final int depth)
    {
        return levels[count - 1 - depth];
    }

    /**
     * @param depth 0 for the best level.
     * @return price at that depth or {@link BookView#NO_PRICE}.
     */
    long priceAtDepth(final int depth)
    {
        if (depth < 0 || depth >= count)
        {
            return BookView.NO_PRICE;
        }
        final long key = keys[count - 1 - depth];
        return side == BID ? key : ~key;
    }
}
