package corezero.core;

import java.nio.charset.StandardCharsets;

/**
 * A copy of the agent's state, made by the hot thread on request. Core 0 allocates it, passes it through
 * {@link HandOffSlots}, and reads it only after the reply to the SNAPSHOT command has arrived: the reply ring's
 * commit is a release and its read an acquire, which orders the plain writes here before the reads.
 */
public final class EngineSnapshot
{
    /** Most parameters a snapshot can hold: the whole table. */
    public static final int MAX_PARAMS = ParamTable.SLOT_COUNT * ParamTable.PARAMS_PER_SLOT;

    private static final int KEY_STRIDE = CommandDescriptor.MAX_KEY_LENGTH;

    private int engineState;
    private long inputSequence;
    private long dutyCycles;
    private long activeCycles;
    private long nanoTime;
    private long epochTimeMs;
    private int hotCpu;
    private long paramsVersion;
    private int paramCount;
    private final int[] paramSlots = new int[MAX_PARAMS];
    private final byte[] paramKeys = new byte[MAX_PARAMS * KEY_STRIDE];
    private final int[] paramKeyLengths = new int[MAX_PARAMS];
    private final long[] paramValues = new long[MAX_PARAMS];

    void fill(
        final int engineState,
        final long inputSequence,
        final long dutyCycles,
        final long activeCycles,
        final long nanoTime,
        final long epochTimeMs,
        final int hotCpu,
        final long paramsVersion)
    {
        this.engineState = engineState;
        this.inputSequence = inputSequence;
        this.dutyCycles = dutyCycles;
        this.activeCycles = activeCycles;
        this.nanoTime = nanoTime;
        this.epochTimeMs = epochTimeMs;
        this.hotCpu = hotCpu;
        this.paramsVersion = paramsVersion;
    }

    void putParam(
        final int index, final int slot, final byte[] keys, final int keyOffset, final int keyLength, final long value)
    {
        paramSlots[index] = slot;
        System.arraycopy(keys, keyOffset, paramKeys, index * KEY_STRIDE, keyLength);
        paramKeyLengths[index] = keyLength;
        paramValues[index] = value;
    }

    void paramCount(final int paramCount)
    {
        this.paramCount = paramCount;
    }

    /** @return {@link EngineState} code at the snapshot. */
    public int engineState()
    {
        return engineState;
    }

    /** @return input sequence of the SNAPSHOT command itself. */
    public long inputSequence()
    {
        return inputSequence;
    }

    /** @return duty cycles completed. */
    public long dutyCycles()
    {
        return dutyCycles;
    }

    /** @return duty cycles that processed inputs (not paused). */
    public long activeCycles()
    {
        return activeCycles;
    }

    /** @return the agent's cached nano clock at the snapshot. */
    public long nanoTime()
    {
        return nanoTime;
    }

    /** @return the agent's cached epoch clock (ms) at the snapshot. */
    public long epochTimeMs()
    {
        return epochTimeMs;
    }

    /** @return CPU the hot thread is pinned to, -1 if unpinned. */
    public int hotCpu()
    {
        return hotCpu;
    }

    /** @return parameter table version. */
    public long paramsVersion()
    {
        return paramsVersion;
    }

    /** @return number of parameters copied. */
    public int paramCount()
    {
        return paramCount;
    }

    /**
     * @param index parameter index in the snapshot.
     * @return its strategy slot.
     */
    public int paramSlot(final int index)
    {
        return paramSlots[index];
    }

    /**
     * @param index parameter index in the snapshot.
     * @return its key (allocates: core 0 only).
     */
    public String paramKey(final int index)
    {
        return new String(paramKeys, index * KEY_STRIDE, paramKeyLengths[index], StandardCharsets.US_ASCII);
    }

    /**
     * @param index parameter index in the snapshot.
     * @return its value.
     */
    public long paramValue(final int index)
    {
        return paramValues[index];
    }
}
