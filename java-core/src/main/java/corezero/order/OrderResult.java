package corezero.order;

/**
 * Outcome of an {@link Orders} or {@link Positions} operation. Every code other than {@link #OK} is counted per
 * kind ({@link Orders#rejects(int)}); nothing throws. Methods that return a UserRefNum return the negated code
 * instead when they fail. Codes are stable.
 */
public final class OrderResult
{
    /** Applied. */
    public static final int OK = 0;

    /** The UserRefNum was never issued in this session; nothing changed. */
    public static final int UNKNOWN_ORDER = 1;

    /** The UserRefNum was issued but its order is finished and released; nothing changed. */
    public static final int ORDER_NOT_LIVE = 2;

    /** The event does not apply in the order's state; nothing changed. */
    public static final int ILLEGAL_TRANSITION = 3;

    /** Every pooled order entry is in use; nothing changed. */
    public static final int POOL_EXHAUSTED = 4;

    /** The next UserRefNum would exceed 2^32 - 1; nothing changed. */
    public static final int USER_REF_NUM_EXHAUSTED = 5;

    /** Side is not 'B', 'S', 'T' or 'E', or a modify changes buy to sell or back; nothing changed. */
    public static final int BAD_SIDE = 6;

    /** Quantity out of range for the event; nothing changed. */
    public static final int BAD_QUANTITY = 7;

    /** Price outside 1..{@link Orders#MAX_PRICE}; nothing changed. */
    public static final int BAD_PRICE = 8;

    /** Stock locate outside 1..{@link Positions#MAX_LOCATE}; nothing changed. */
    public static final int BAD_LOCATE = 9;

    /** Strategy slot outside 0..maxStrategySlots - 1; nothing changed. */
    public static final int BAD_STRATEGY_SLOT = 10;

    /** A new stock locate and every instrument slot of {@link Positions} is bound; nothing changed. */
    public static final int INSTRUMENTS_EXHAUSTED = 11;

    /** More shares executed than were open: the fill counts in full for the position, the order is FILLED. */
    public static final int OVERFILL = 12;

    /** More shares canceled than were open: the order is CANCELED (clamped). */
    public static final int CANCEL_EXCEEDS_OPEN = 13;

    /** Replaced names a replacement that is not the pending one of the original; nothing changed. */
    public static final int REPLACEMENT_MISMATCH = 14;

    /** Broken Trade for a match number not among the recent fills of that order (or already broken). */
    public static final int UNKNOWN_MATCH = 15;

    /** Number of result codes (for per-kind counters). */
    public static final int COUNT = 16;

    private OrderResult()
    {
    }

    /**
     * Human-readable text for a result code (control path).
     *
     * @param result code (or a negated code returned in place of a UserRefNum).
     * @return description.
     */
    public static String describe(final int result)
    {
        switch (Math.abs(result))
        {
            case OK: return "ok";
            case UNKNOWN_ORDER: return "unknown UserRefNum";
            case ORDER_NOT_LIVE: return "order no longer live";
            case ILLEGAL_TRANSITION: return "illegal transition for the order's state";
            case POOL_EXHAUSTED: return "order pool exhausted";
            case USER_REF_NUM_EXHAUSTED: return "UserRefNums exhausted";
            case BAD_SIDE: return "bad side";
            case BAD_QUANTITY: return "bad quantity";
            case BAD_PRICE: return "bad price";
            case BAD_LOCATE: return "bad stock locate";
            case BAD_STRATEGY_SLOT: return "bad strategy slot";
            case INSTRUMENTS_EXHAUSTED: return "instrument slots exhausted";
            case OVERFILL: return "executed more than open (applied, order filled)";
            case CANCEL_EXCEEDS_OPEN: return "canceled more than open (order canceled)";
            case REPLACEMENT_MISMATCH: return "replacement is not the pending one";
            case UNKNOWN_MATCH: return "unknown or already broken match number";
            default: return "result " + result;
        }
    }
}
