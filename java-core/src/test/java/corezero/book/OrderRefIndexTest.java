package corezero.book;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrderRefIndexTest
{
    @Test
    void everyLongIsAUsableKey()
    {
        final OrderRefIndex index = new OrderRefIndex(8);
        final long[] keys = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1};
        for (int i = 0; i < keys.length; i++)
        {
            assertEquals(OrderRefIndex.MISSING, index.get(keys[i]));
            index.putNew(keys[i], i);
        }
        for (int i = 0; i < keys.length; i++)
        {
            assertEquals(i, index.get(keys[i]));
        }
        assertEquals(2, index.remove(Long.MIN_VALUE));
        assertEquals(OrderRefIndex.MISSING, index.remove(Long.MIN_VALUE));
        assertEquals(OrderRefIndex.MISSING, index.get(Long.MIN_VALUE));
        assertEquals(4, index.size());
        assertEquals(3, index.get(Long.MAX_VALUE));
    }

    @Test
    void matchesHashMapThroughChurnAtFullLoad()
    {
        final int capacity = 1_000;
        final OrderRefIndex index = new OrderRefIndex(capacity);
        final Map<Long, Integer> expected = new HashMap<>();
        final List<Long> keys = new ArrayList<>();
        final Random random = new Random(11);
        long nextSequential = 1;
        for (int op = 0; op < 2_000_000; op++)
        {
            if (keys.size() < capacity && (keys.isEmpty() || random.nextInt(100) < 52))
            {
                // Mostly sequential keys like NASDAQ's, some arbitrary ones.
                final long key = random.nextInt(10) == 0 ? random.nextLong() : nextSequential++;
                if (expected.containsKey(key))
                {
                    continue;
                }
                final int value = random.nextInt(capacity);
                index.putNew(key, value);
                expected.put(key, value);
                keys.add(key);
            }
            else
            {
                final int at = random.nextInt(keys.size());
                final long key = keys.get(at);
                keys.set(at, keys.get(keys.size() - 1));
                keys.remove(keys.size() - 1);
                assertEquals((int)expected.remove(key), index.remove(key));
            }
            if (op % 1_000 == 0)
            {
                for (final Map.Entry<Long, Integer> entry : expected.entrySet())
                {
                    assertEquals((int)entry.getValue(), index.get(entry.getKey()));
                }
                assertEquals(OrderRefIndex.MISSING, index.get(nextSequential));
            }
            assertEquals(expected.size(), index.size());
        }
    }

    @Test
    void refusesImpossibleSizes()
    {
        assertThrows(IllegalArgumentException.class, () -> new OrderRefIndex(0));
        assertThrows(IllegalArgumentException.class, () -> new OrderRefIndex(OrderRefIndex.MAX_ENTRIES + 1));
    }
}
