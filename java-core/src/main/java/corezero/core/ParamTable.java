package corezero.core;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Long-valued parameters per strategy slot, keyed by short ASCII keys. Owned by the hot thread: it is written
 * only by the agent when it applies SET_PARAM, and read by strategies on the same thread. Fixed capacity,
 * allocation-free after construction, lookups compare key bytes in place.
 */
public final class ParamTable
{
    /** Number of strategy slots. */
    public static final int SLOT_COUNT = 8;

    /** Parameters per slot. */
    public static final int PARAMS_PER_SLOT = 32;

    /** Returned by {@link #set} when the key is new and the slot is full. */
    public static final int FULL = -1;

    private static final int KEY_STRIDE = CommandDescriptor.MAX_KEY_LENGTH;

    private final byte[] keys = new byte[SLOT_COUNT * PARAMS_PER_SLOT * KEY_STRIDE];
    private final int[] keyLengths = new int[SLOT_COUNT * PARAMS_PER_SLOT];
    private final long[] values = new long[SLOT_COUNT * PARAMS_PER_SLOT];
    private final int[] counts = new int[SLOT_COUNT];
    private long version;

    /**
     * Set a parameter, adding the key if the slot does not have it.
     *
     * @param slot      strategy slot, already range-checked.
     * @param keyBuffer buffer holding the key bytes.
     * @param keyOffset offset of the first key byte.
     * @param keyLength key length, already checked against {@link CommandDescriptor#MAX_KEY_LENGTH}.
     * @param value     the new value.
     * @return index of the parameter within the slot, or {@link #FULL}.
     */
    public int set(
        final int slot, final DirectBuffer keyBuffer, final int keyOffset, final int keyLength, final long value)
    {
        int index = indexOf(slot, keyBuffer, keyOffset, keyLength);
        if (index < 0)
        {
            if (counts[slot] == PARAMS_PER_SLOT)
            {
                return FULL;
            }
            index = counts[slot]++;
            final int entry = slot * PARAMS_PER_SLOT + index;
            keyBuffer.getBytes(keyOffset, keys, entry * KEY_STRIDE, keyLength);
            keyLengths[entry] = keyLength;
        }
        values[slot * PARAMS_PER_SLOT + index] = value;
        version++;
        return index;
    }

    /**
     * Control path: set a parameter by a key given as a string (configuration, shadow runs; not the hot thread).
     *
     * @param slot  strategy slot.
     * @param key   printable ASCII, 1..{@link CommandDescriptor#MAX_KEY_LENGTH} characters.
     * @param value the new value.
     * @return index of the parameter within the slot, or {@link #FULL}.
     */
    public int set(final int slot, final String key, final long value)
    {
        final byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
        return set(slot, new UnsafeBuffer(bytes), 0, bytes.length, value);
    }

    /**
     * Find a parameter by key.
     *
     * @param slot      strategy slot.
     * @param keyBuffer buffer holding the key bytes.
     * @param keyOffset offset of the first key byte.
     * @param keyLength key length.
     * @return index within the slot or -1.
     */
    public int indexOf(final int slot, final DirectBuffer keyBuffer, final int keyOffset, final int keyLength)
    {
        final int base = slot * PARAMS_PER_SLOT;
        for (int i = 0, n = counts[slot]; i < n; i++)
        {
            final int entry = base + i;
            if (keyLengths[entry] == keyLength && keyEquals(entry * KEY_STRIDE, keyBuffer, keyOffset, keyLength))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * Find a parameter by key given as characters (a strategy reading its parameters), without allocating.
     *
     * @param slot strategy slot.
     * @param key  the key.
     * @return index within the slot or -1.
     */
    public int indexOf(final int slot, final CharSequence key)
    {
        final int keyLength = key.length();
        final int base = slot * PARAMS_PER_SLOT;
        for (int i = 0, n = counts[slot]; i < n; i++)
        {
            final int entry = base + i;
            if (keyLengths[entry] == keyLength && keyEquals(entry * KEY_STRIDE, key))
            {
                return i;
            }
        }
        return -1;
    }

    private boolean keyEquals(final int at, final CharSequence key)
    {
        for (int i = 0, n = key.length(); i < n; i++)
        {
            if (keys[at + i] != (byte)key.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private boolean keyEquals(final int at, final DirectBuffer keyBuffer, final int keyOffset, final int keyLength)
    {
        for (int i = 0; i < keyLength; i++)
        {
            if (keys[at + i] != keyBuffer.getByte(keyOffset + i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Value of a parameter by index.
     *
     * @param slot  strategy slot.
     * @param index index returned by {@link #set} or {@link #indexOf}.
     * @return the value.
     */
    public long value(final int slot, final int index)
    {
        return values[slot * PARAMS_PER_SLOT + index];
    }

    /**
     * Number of parameters in a slot.
     *
     * @param slot strategy slot.
     * @return count.
     */
    public int count(final int slot)
    {
        return counts[slot];
    }

    /**
     * Incremented on every successful {@link #set}; lets a reader see that something changed.
     *
     * @return version.
     */
    public long version()
    {
        return version;
    }

    /**
     * Copy every parameter into a snapshot, without allocating.
     *
     * @param snapshot destination, sized for the whole table.
     */
    public void copyTo(final EngineSnapshot snapshot)
    {
        int n = 0;
        for (int slot = 0; slot < SLOT_COUNT; slot++)
        {
            for (int i = 0, count = counts[slot]; i < count; i++)
            {
                final int entry = slot * PARAMS_PER_SLOT + i;
                snapshot.putParam(n++, slot, keys, entry * KEY_STRIDE, keyLengths[entry], values[entry]);
            }
        }
        snapshot.paramCount(n);
    }

    /**
     * Key of a parameter as a String: a control-path helper that allocates, never used on the hot thread.
     *
     * @param slot  strategy slot.
     * @param index parameter index.
     * @return the key.
     */
    public String key(final int slot, final int index)
    {
        final int entry = slot * PARAMS_PER_SLOT + index;
        return new String(
            Arrays.copyOfRange(keys, entry * KEY_STRIDE, entry * KEY_STRIDE + keyLengths[entry]),
            StandardCharsets.US_ASCII);
    }
}
