package corezero.core;

/**
 * Why the agent refused a command. Codes travel in replies and are stable.
 */
public final class RejectReason
{
    /** Not rejected. */
    public static final int NONE = 0;

    /** The message type id is not a known command. */
    public static final int UNKNOWN_COMMAND = 1;

    /** The record is shorter or longer than the command's layout. */
    public static final int MALFORMED = 2;

    /** The strategy slot is outside the parameter table. */
    public static final int SLOT_OUT_OF_RANGE = 3;

    /** The parameter key is empty, too long or has bytes outside printable ASCII. */
    public static final int BAD_KEY = 4;

    /** The slot already holds the maximum number of parameters. */
    public static final int PARAM_TABLE_FULL = 5;

    /** The hand-off slot named by the command holds nothing (core 0 gave up, or a bad index). */
    public static final int HAND_OFF_EMPTY = 6;

    /** The hand-off slot holds an object of the wrong kind for this command. */
    public static final int HAND_OFF_WRONG_TYPE = 7;

    /** The engine is stopping and accepts no more commands. */
    public static final int SHUTTING_DOWN = 8;

    /** A book was asked for but the engine has no market-data feed. */
    public static final int NO_MARKET_DATA = 9;

    /** An order command reached an engine without order entry. */
    public static final int NO_ORDER_ENTRY = 10;

    /** SET_LIMIT named no known limit. */
    public static final int UNKNOWN_LIMIT = 11;

    /** SET_LIMIT's value is out of the limit's range. */
    public static final int BAD_LIMIT_VALUE = 12;

    /** FLATTEN named a symbol no Stock Directory message named. */
    public static final int UNKNOWN_SYMBOL = 13;

    /** FLATTEN could not send its closing order (no price on the opposite side, risk, session down). */
    public static final int FLATTEN_FAILED = 14;

    private RejectReason()
    {
    }

    /**
     * Human-readable sentence for a reason code.
     *
     * @param reason code.
     * @return description.
     */
    public static String describe(final int reason)
    {
        switch (reason)
        {
            case NONE: return "none";
            case UNKNOWN_COMMAND: return "unknown command type";
            case MALFORMED: return "malformed command: length does not match its layout";
            case SLOT_OUT_OF_RANGE: return "strategy slot out of range";
            case BAD_KEY: return "bad parameter key: 1.." + CommandDescriptor.MAX_KEY_LENGTH +
                " printable ASCII bytes, no spaces";
            case PARAM_TABLE_FULL: return "parameter table of this slot is full";
            case HAND_OFF_EMPTY: return "hand-off slot is empty";
            case HAND_OFF_WRONG_TYPE: return "hand-off slot holds an object of the wrong type";
            case SHUTTING_DOWN: return "engine is shutting down";
            case NO_MARKET_DATA: return "this engine has no market-data feed (no :feed in its configuration)";
            case NO_ORDER_ENTRY: return "this engine has no order entry (no :order-entry in its configuration)";
            case UNKNOWN_LIMIT: return "unknown limit key (see (risk) for the keys)";
            case BAD_LIMIT_VALUE: return "limit value out of range";
            case UNKNOWN_SYMBOL: return "unknown symbol: no Stock Directory message named it";
            case FLATTEN_FAILED: return "flatten: the closing order could not be sent (no opposite price, risk " +
                "refused it, or the order session is down); open orders were cancelled";
            default: return "reason " + reason;
        }
    }
}
