package corezero.telemetry;

/**
 * The engine's counters: each has a stable type id (how readers find it), a short name (the REPL's keyword)
 * and a label (what {@code bin/corezero stat} prints).
 */
public enum EngineCounter
{
    /** Duty cycles completed by the hot thread, paused or not. */
    DUTY_CYCLES(1, "duty-cycles", "duty cycles"),
    /** Duty cycles that processed inputs; frozen while paused. */
    ACTIVE_CYCLES(2, "active-cycles", "active duty cycles (not paused)"),
    /** Commands that took effect. */
    COMMANDS_APPLIED(3, "commands-applied", "commands applied"),
    /** Commands refused: unknown, malformed, out of range. */
    COMMANDS_REJECTED(4, "commands-rejected", "commands rejected"),
    /** Longest duty cycle seen, ns. */
    MAX_DUTY_CYCLE_NS(5, "max-duty-cycle-ns", "max duty cycle ns"),
    /** Duty cycles longer than the stall threshold. */
    STALLS(6, "stalls", "duty-cycle stalls above threshold"),
    /** {@link corezero.core.EngineState} code. */
    ENGINE_STATE(7, "engine-state", "engine state (0 starting 1 running 2 paused 3 stopping 4 stopped)"),
    /** Sequence number of the last input (commands now, market data later). */
    INPUT_SEQUENCE(8, "input-sequence", "input sequence"),
    /** CPU the hot thread is pinned to; -1 until pinned or when pinning failed. */
    HOT_CPU(9, "hot-cpu", "hot thread cpu"),
    /** Replies the agent could not write because the reply ring was full. */
    REPLIES_DROPPED(10, "replies-dropped", "replies dropped (reply ring full)"),
    /** Errors caught by the agent runner. */
    AGENT_ERRORS(11, "agent-errors", "agent errors"),
    /** Stall threshold in force, ns. */
    STALL_THRESHOLD_NS(12, "stall-threshold-ns", "stall threshold ns");

    private final int typeId;
    private final String shortName;
    private final String label;

    EngineCounter(final int typeId, final String shortName, final String label)
    {
        this.typeId = typeId;
        this.shortName = shortName;
        this.label = label;
    }

    /** @return type id stored in the counter's metadata. */
    public int typeId()
    {
        return typeId;
    }

    /** @return short kebab-case name. */
    public String shortName()
    {
        return shortName;
    }

    /** @return label stored in the counter's metadata. */
    public String label()
    {
        return label;
    }

    /**
     * Find by type id.
     *
     * @param typeId type id.
     * @return the counter or null when not an engine counter.
     */
    public static EngineCounter forTypeId(final int typeId)
    {
        for (final EngineCounter counter : values())
        {
            if (counter.typeId == typeId)
            {
                return counter;
            }
        }
        return null;
    }
}
