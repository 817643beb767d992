package corezero.core;

/**
 * Message type ids of the commands that core 0 offers into the agent's command ring.
 * <p>
 * Agrona rings reserve type ids below 1, so every command id is positive.
 */
public final class CommandType
{
    /** Stop processing inputs; commands are still drained. */
    public static final int PAUSE = 1;

    /** Resume processing inputs. */
    public static final int RESUME = 2;

    /** Stop the agent at the next duty-cycle boundary. */
    public static final int SHUTDOWN = 3;

    /** Set a long parameter in a strategy slot's parameter table. */
    public static final int SET_PARAM = 4;

    /** Copy the agent's state into a snapshot object passed through the hand-off slots. */
    public static final int SNAPSHOT = 5;

    /** Set a risk limit (or the trading state) by key; SET_PARAM's layout, slot ignored. */
    public static final int SET_LIMIT = 6;

    /** Kill switch: trading state HALTED and cancel every open order. */
    public static final int KILL = 7;

    /** Release the kill switch: trading state ACTIVE. */
    public static final int UNKILL = 8;

    /** Cancel every open order, trading state unchanged. */
    public static final int CANCEL_ALL = 9;

    /** Cancel an instrument's open orders and close its position; SET_PARAM's layout, the key is the symbol. */
    public static final int FLATTEN = 10;

    /** Apply a {@link corezero.strategy.StrategyChange} passed through the hand-off slots; SNAPSHOT's layout. */
    public static final int STRATEGY = 11;

    private CommandType()
    {
    }

    /**
     * Name of a command type id, for replies and REPL output.
     *
     * @param typeId message type id.
     * @return lower-case name or {@code "unknown"}.
     */
    public static String name(final int typeId)
    {
        switch (typeId)
        {
            case PAUSE: return "pause";
            case RESUME: return "resume";
            case SHUTDOWN: return "shutdown";
            case SET_PARAM: return "set-param";
            case SNAPSHOT: return "snapshot";
            case SET_LIMIT: return "set-limit";
            case KILL: return "kill";
            case UNKILL: return "unkill";
            case CANCEL_ALL: return "cancel-all";
            case FLATTEN: return "flatten";
            case STRATEGY: return "strategy";
            default: return "unknown";
        }
    }
}
