package corezero.risk;

/**
 * What {@link RiskGate} lets through. The kill switch is {@link #HALTED}; cancelling the open orders is the order
 * layer's part.
 */
public final class TradingState
{
    /** Every order that passes the limits. */
    public static final int ACTIVE = 0;

    /** Only orders that cannot increase the absolute position of their instrument, nor flip its sign. */
    public static final int REDUCING = 1;

    /** No order at all. */
    public static final int HALTED = 2;

    private TradingState()
    {
    }

    /**
     * @param state code.
     * @return true for one of the three states.
     */
    public static boolean isValid(final long state)
    {
        return state == ACTIVE || state == REDUCING || state == HALTED;
    }

    /**
     * Name of a state.
     *
     * @param state code.
     * @return lower-case name.
     */
    public static String name(final int state)
    {
        switch (state)
        {
            case ACTIVE: return "active";
            case REDUCING: return "reducing";
            case HALTED: return "halted";
            default: return "unknown";
        }
    }
}
