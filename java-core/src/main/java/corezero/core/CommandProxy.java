package corezero.core;

import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import static corezero.core.CommandDescriptor.BASE_LENGTH;
import static corezero.core.CommandDescriptor.CORRELATION_ID_OFFSET;
import static corezero.core.CommandDescriptor.HAND_OFF_INDEX_OFFSET;
import static corezero.core.CommandDescriptor.KEY_LENGTH_OFFSET;
import static corezero.core.CommandDescriptor.KEY_OFFSET;
import static corezero.core.CommandDescriptor.MAX_KEY_LENGTH;
import static corezero.core.CommandDescriptor.SLOT_OFFSET;
import static corezero.core.CommandDescriptor.SNAPSHOT_LENGTH;
import static corezero.core.CommandDescriptor.VALUE_OFFSET;

/**
 * Core-0 side of the command channel: encodes commands straight into the many-to-one command ring (claim,
 * write, commit). Safe to call from any number of threads. Each method returns false when the ring is full.
 */
public final class CommandProxy
{
    private final RingBuffer commandRing;
    private final AtomicBuffer buffer;

    /**
     * @param commandRing the agent's command ring.
     */
    public CommandProxy(final RingBuffer commandRing)
    {
        this.commandRing = commandRing;
        this.buffer = commandRing.buffer();
    }

    /** @return a fresh correlation id, unique for the ring's lifetime. */
    public long nextCorrelationId()
    {
        return commandRing.nextCorrelationId();
    }

    /**
     * Offer a command that carries only its correlation id.
     *
     * @param commandType   PAUSE, RESUME or SHUTDOWN.
     * @param correlationId correlation id.
     * @return true if offered.
     */
    public boolean offer(final int commandType, final long correlationId)
    {
        final int index = commandRing.tryClaim(commandType, BASE_LENGTH);
        if (index < 0)
        {
            return false;
        }
        buffer.putLong(index + CORRELATION_ID_OFFSET, correlationId);
        commandRing.commit(index);
        return true;
    }

    /**
     * Offer SET_PARAM.
     *
     * @param correlationId correlation id.
     * @param slot          strategy slot.
     * @param key           parameter key: 1..32 printable ASCII characters.
     * @param value         value.
     * @return true if offered.
     * @throws IllegalArgumentException when the key is not encodable.
     */
    public boolean setParam(final long correlationId, final int slot, final String key, final long value)
    {
        return keyed(CommandType.SET_PARAM, correlationId, slot, key, value);
    }

    /**
     * Offer SET_LIMIT.
     *
     * @param correlationId correlation id.
     * @param key           limit key (corezero.risk.RiskLimits) or "trading-state".
     * @param value         value.
     * @return true if offered.
     * @throws IllegalArgumentException when the key is not encodable.
     */
    public boolean setLimit(final long correlationId, final String key, final long value)
    {
        return keyed(CommandType.SET_LIMIT, correlationId, 0, key, value);
    }

    /**
     * Offer FLATTEN.
     *
     * @param correlationId correlation id.
     * @param symbol        the instrument, e.g. "AAPL".
     * @return true if offered.
     * @throws IllegalArgumentException when the symbol is not encodable.
     */
    public boolean flatten(final long correlationId, final String symbol)
    {
        return keyed(CommandType.FLATTEN, correlationId, 0, symbol, 0);
    }

    private boolean keyed(
        final int commandType, final long correlationId, final int slot, final String key, final long value)
    {
        final int keyLength = key.length();
        if (keyLength == 0 || keyLength > MAX_KEY_LENGTH || !isAscii(key))
        {
            throw new IllegalArgumentException(
                "parameter key must be 1.." + MAX_KEY_LENGTH + " ASCII characters: \"" + key + "\"");
        }
        final int index = commandRing.tryClaim(commandType, CommandDescriptor.setParamLength(keyLength));
        if (index < 0)
        {
            return false;
        }
        buffer.putLong(index + CORRELATION_ID_OFFSET, correlationId);
        buffer.putInt(index + SLOT_OFFSET, slot);
        buffer.putLong(index + VALUE_OFFSET, value);
        buffer.putInt(index + KEY_LENGTH_OFFSET, keyLength);
        buffer.putStringWithoutLengthAscii(index + KEY_OFFSET, key);
        commandRing.commit(index);
        return true;
    }

    private static boolean isAscii(final String key)
    {
        for (int i = 0, n = key.length(); i < n; i++)
        {
            if (key.charAt(i) > 0x7f)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Offer SNAPSHOT for an object already placed in the hand-off slots.
     *
     * @param correlationId correlation id.
     * @param handOffIndex  slot index.
     * @return true if offered.
     */
    public boolean snapshot(final long correlationId, final int handOffIndex)
    {
        return handOff(CommandType.SNAPSHOT, correlationId, handOffIndex);
    }

    /**
     * Offer a command that refers to an object in the hand-off slots (SNAPSHOT, STRATEGY).
     *
     * @param commandType   the command.
     * @param correlationId correlation id.
     * @param handOffIndex  slot index.
     * @return true if offered.
     */
    public boolean handOff(final int commandType, final long correlationId, final int handOffIndex)
    {
        final int index = commandRing.tryClaim(commandType, SNAPSHOT_LENGTH);
        if (index < 0)
        {
            return false;
        }
        buffer.putLong(index + CORRELATION_ID_OFFSET, correlationId);
        buffer.putInt(index + HAND_OFF_INDEX_OFFSET, handOffIndex);
        commandRing.commit(index);
        return true;
    }

    /**
     * Offer raw bytes under any type id: for tests and tools that probe the agent's handling of bad input.
     *
     * @param msgTypeId message type id (positive).
     * @param bytes     record body.
     * @return true if offered.
     */
    public boolean offerRaw(final int msgTypeId, final byte[] bytes)
    {
        return commandRing.write(msgTypeId, new UnsafeBuffer(bytes), 0, bytes.length);
    }
}
