package corezero.venue;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The price levels of one side of a book, kept sorted worst to best so the best level is the last element: matching
 * takes from the end and removing an emptied best level moves nothing. Levels are pooled.
 */
final class MatchingSide
{
    final boolean isBuy;
    private MatchingLevel[] levels = new MatchingLevel[16];
    private int levelCount;
    private final ArrayDeque<MatchingLevel> freeLevels = new ArrayDeque<>();

    MatchingSide(final boolean isBuy)
    {
        this.isBuy = isBuy;
    }

    /**
     * @return the best level, or null if the side is empty.
     */
    MatchingLevel best()
    {
        return 0 == levelCount ? null : levels[levelCount - 1];
    }

    int levelCount()
    {
        return levelCount;
    }

    /**
     * @param rank 0 for the best level.
     * @return the level at that rank from the best.
     */
    MatchingLevel level(final int rank)
    {
        return levels[levelCount - 1 - rank];
    }

    /**
     * @param price of the level wanted.
     * @return the level at that price, created empty if there was none.
     */
    MatchingLevel levelFor(final long price)
    {
        final int index = indexOf(price);
        if (index >= 0)
        {
            return levels[index];
        }

        final int insertAt = -index - 1;
        if (levelCount == levels.length)
        {
            levels = Arrays.copyOf(levels, levels.length * 2);
        }
        System.arraycopy(levels, insertAt, levels, insertAt + 1, levelCount - insertAt);

        final MatchingLevel level = freeLevels.isEmpty() ? new MatchingLevel() : freeLevels.pollFirst();
        level.price = price;
        level.head = null;
        level.tail = null;
        levels[insertAt] = level;
        levelCount++;

        return level;
    }

    /**
     * @param level of this side, empty; it is removed and pooled.
     */
    void removeLevel(final MatchingLevel level)
    {
        final int index = indexOf(level.price);
        System.arraycopy(levels, index + 1, levels, index, levelCount - index - 1);
        levels[--levelCount] = null;
        freeLevels.addFirst(level);
    }

    /**
     * Binary search on a key that ascends from worst to best: the price for bids, its negation for asks.
     */
    private int indexOf(final long price)
    {
        final long key = isBuy ? price : -price;
        int low = 0;
        int high = levelCount - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midKey = isBuy ? levels[mid].price : -levels[mid].price;
            if (midKey < key)
            {
                low = mid + 1;
            }
            else if (midKey > key)
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
}
