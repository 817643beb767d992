package corezero.strategy;

import corezero.order.OrderResult;
import corezero.risk.RiskResult;

/**
 * Why an order call of the {@link StrategyContext} sent nothing. Order calls return the negated code (a
 * UserRefNum is always positive). Codes 1 to {@link RiskResult#COUNT} - 1 are the risk gate's
 * {@link RiskResult} codes unchanged; the order layer's {@link OrderResult} codes are offset by
 * {@link #ORDER_BASE}.
 */
public final class EntryResult
{
    /** Sent. */
    public static final int OK = 0;

    /** The order session is not logged in: nothing can be sent. */
    public static final int NOT_LOGGED_IN = 32;

    /** The order session's send buffer is full (the venue is not reading). */
    public static final int SEND_BUFFER_FULL = 33;

    /** The instrument has no symbol yet (no Stock Directory message), so no OUCH message can name it. */
    public static final int UNKNOWN_INSTRUMENT = 34;

    /** The order is not this slot's, or not open. */
    public static final int NOT_OWN_ORDER = 35;

    /** The engine has no order entry configured. */
    public static final int NO_ORDER_ENTRY = 36;

    /** Base of the order layer's codes: {@code ORDER_BASE + OrderResult code}. */
    public static final int ORDER_BASE = 64;

    /** One past the highest code. */
    public static final int COUNT = ORDER_BASE + OrderResult.COUNT;

    private EntryResult()
    {
    }

    /**
     * @param code an {@link EntryResult} code, or a negative order-call return value.
     * @return a short description.
     */
    public static String describe(final long code)
    {
        final long c = code < 0 ? -code : code;
        if (c == OK)
        {
            return "ok";
        }
        if (c < RiskResult.COUNT)
        {
            return "risk: " + RiskResult.describe((int)c);
        }
        if (c >= ORDER_BASE && c < COUNT)
        {
            return "order: " + OrderResult.describe((int)(c - ORDER_BASE));
        }
        switch ((int)c)
        {
            case NOT_LOGGED_IN: return "order session not logged in";
            case SEND_BUFFER_FULL: return "order session send buffer full";
            case UNKNOWN_INSTRUMENT: return "instrument has no symbol (no Stock Directory yet)";
            case NOT_OWN_ORDER: return "not an open order of this slot";
            case NO_ORDER_ENTRY: return "no order entry configured";
            default: return "unknown entry result " + c;
        }
    }
}
