package corezero.core;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Slots through which core 0 hands objects to the hot thread (a snapshot to fill, later a strategy instance),
 * referenced from a command by index. Core 0 {@link #offer}s, the agent {@link #take}s exactly once; if core 0
 * gives up waiting it {@link #reclaim}s, and whichever side swaps the reference out first owns the object.
 *
 * @param <T> type of object handed over.
 */
public final class HandOffSlots<T>
{
    /** Returned by {@link #offer} when every slot is in use. */
    public static final int NO_SLOT = -1;

    private final AtomicReferenceArray<T> slots;

    /**
     * @param capacity number of slots.
     */
    public HandOffSlots(final int capacity)
    {
        slots = new AtomicReferenceArray<>(capacity);
    }

    /**
     * Place an object in a free slot (core 0).
     *
     * @param value object to hand over.
     * @return slot index or {@link #NO_SLOT}.
     */
    public int offer(final T value)
    {
        for (int i = 0, n = slots.length(); i < n; i++)
        {
            if (slots.get(i) == null && slots.compareAndSet(i, null, value))
            {
                return i;
            }
        }
        return NO_SLOT;
    }

    /**
     * Take the object out of a slot (hot thread); an out-of-range index or an empty slot gives null.
     *
     * @param index slot index from the command.
     * @return the object or null.
     */
    public T take(final int index)
    {
        if (index < 0 || index >= slots.length())
        {
            return null;
        }
        return slots.getAndSet(index, null);
    }

    /**
     * Take back an object the agent has not taken yet (core 0, after a timeout).
     *
     * @param index slot index.
     * @param value the object offered.
     * @return true if core 0 owns it again, false if the agent took it.
     */
    public boolean reclaim(final int index, final T value)
    {
        return slots.compareAndSet(index, value, null);
    }

    /** @return number of slots. */
    public int capacity()
    {
        return slots.length();
    }
}
