package corezero.risk;

/**
 * Outcome of {@link RiskGate#check} and of {@link RiskLimits#set}. Every check code other than {@link #OK} is
 * counted per kind ({@link RiskGate#rejects(int)}); nothing on the risk path throws. Codes are stable.
 */
public final class RiskResult
{
    /** Accepted (or, for {@link RiskLimits#set}, applied). */
    public static final int OK = 0;

    /** Trading is halted (kill switch): no order passes. */
    public static final int HALTED = 1;

    /** Trading is reducing only, and the order could increase the absolute position or flip it. */
    public static final int REDUCING_ONLY = 2;

    /** The quantity is zero or negative. */
    public static final int QUANTITY_ZERO_OR_NEGATIVE = 3;

    /** The quantity is above {@link RiskLimits#maxOrderQty()}. */
    public static final int MAX_ORDER_QUANTITY = 4;

    /** Price × quantity is above {@link RiskLimits#maxOrderNotional()} (or does not fit in a long). */
    public static final int MAX_ORDER_NOTIONAL = 5;

    /** Filled with every open order on its side, the order would take the position past the limit. */
    public static final int MAX_POSITION = 6;

    /** The price is further through the book than {@link RiskLimits#collarBps()} allows. */
    public static final int PRICE_COLLAR = 7;

    /** The book has no price to collar against and {@link RiskLimits#allowNoReference()} is off. */
    public static final int NO_REFERENCE_PRICE = 8;

    /** The order-rate token bucket is empty. */
    public static final int THROTTLED = 9;

    /** {@link ExposureView#openOrders()} is already at {@link RiskLimits#maxOpenOrders()}. */
    public static final int MAX_OPEN_ORDERS = 10;

    /** The side byte is neither 'B' nor 'S'. */
    public static final int BAD_SIDE = 11;

    /** The price is not in 1..{@link RiskGate#MAX_PRICE}. */
    public static final int BAD_PRICE = 12;

    /** {@link RiskLimits#set}: no limit has this key. Never returned by a check. */
    public static final int UNKNOWN_KEY = 13;

    /** {@link RiskLimits#set} or {@link RiskGate#tradingState(int)}: value out of range. Never returned by a check. */
    public static final int BAD_VALUE = 14;

    /** Number of result codes (for per-kind counters). */
    public static final int COUNT = 15;

    private RiskResult()
    {
    }

    /**
     * Human-readable text for a result code (control path).
     *
     * @param result code.
     * @return description.
     */
    public static String describe(final int result)
    {
        switch (result)
        {
            case OK: return "ok";
            case HALTED: return "trading halted";
            case REDUCING_ONLY: return "reducing only: the order could increase or flip the position";
            case QUANTITY_ZERO_OR_NEGATIVE: return "quantity zero or negative";
            case MAX_ORDER_QUANTITY: return "order quantity above the limit";
            case MAX_ORDER_NOTIONAL: return "order notional (price x quantity) above the limit";
            case MAX_POSITION: return "worst-case position (with open orders) above the limit";
            case PRICE_COLLAR: return "price outside the collar around the book";
            case NO_REFERENCE_PRICE: return "no reference price in the book for the collar";
            case THROTTLED: return "order rate throttled";
            case MAX_OPEN_ORDERS: return "open orders at the limit";
            case BAD_SIDE: return "bad side: expected 'B' or 'S'";
            case BAD_PRICE: return "bad price: expected 1.." + RiskGate.MAX_PRICE;
            case UNKNOWN_KEY: return "unknown risk limit key";
            case BAD_VALUE: return "value out of range for this key";
            default: return "result " + result;
        }
    }
}
