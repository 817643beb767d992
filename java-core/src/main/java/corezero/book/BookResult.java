package corezero.book;

/**
 * Outcome of an {@link OrderBooks} operation. Every code other than {@link #OK} is also counted per kind
 * ({@link OrderBooks#rejects(int)}); nothing on the book path throws. Codes are stable.
 */
public final class BookResult
{
    /** Applied. */
    public static final int OK = 0;

    /** No live order has this reference number; nothing changed. */
    public static final int UNKNOWN_ORDER = 1;

    /** An add (or the new reference of a replace) reuses a live reference number; nothing changed. */
    public static final int DUPLICATE_ORDER = 2;

    /** More shares executed than the order had: the order was removed (clamped) and the rest ignored. */
    public static final int EXECUTION_EXCEEDS_SHARES = 3;

    /** More shares cancelled than the order had: the order was removed (clamped). */
    public static final int CANCEL_EXCEEDS_SHARES = 4;

    /** Every pooled order entry is in use; the add was refused and nothing changed. */
    public static final int POOL_EXHAUSTED = 5;

    /** The side byte is neither 'B' nor 'S'; nothing changed. */
    public static final int BAD_SIDE = 6;

    /**
     * The stock locate is outside 1..{@link OrderBooks#MAX_LOCATE}, or it is new and every book slot is bound to
     * another locate; nothing changed.
     */
    public static final int BAD_LOCATE = 7;

    /** The order belongs to another stock locate than the one given; nothing changed. */
    public static final int LOCATE_MISMATCH = 8;

    /** The order needs a new price level and its side already holds the maximum; nothing changed. */
    public static final int LEVELS_EXHAUSTED = 9;

    /** Number of result codes (for per-kind counters). */
    public static final int COUNT = 10;

    private BookResult()
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
            case UNKNOWN_ORDER: return "unknown order reference";
            case DUPLICATE_ORDER: return "duplicate order reference";
            case EXECUTION_EXCEEDS_SHARES: return "execution exceeds the order's shares (order removed)";
            case CANCEL_EXCEEDS_SHARES: return "cancel exceeds the order's shares (order removed)";
            case POOL_EXHAUSTED: return "order pool exhausted";
            case BAD_SIDE: return "bad side: expected 'B' or 'S'";
            case BAD_LOCATE: return "bad stock locate: out of range or no book slot left";
            case LOCATE_MISMATCH: return "stock locate does not match the order's";
            case LEVELS_EXHAUSTED: return "price levels exhausted on this side";
            default: return "result " + result;
        }
    }
}
