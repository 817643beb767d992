package corezero.venue;

/**
 * What a {@link MatchingEngine} operation did: {@link #OK} or why it was rejected. The same code is passed to
 * {@link MatchingListener#onRejected}. Codes are small ints so the OUCH server can map them to its own reasons.
 */
final class MatchingResult
{
    /** Applied. */
    static final int OK = 0;

    /** Cancel or replace of an order that is not open (never entered, filled, canceled or replaced). */
    static final int UNKNOWN_ORDER = 1;

    /** Enter or replace naming an order id that is already open. */
    static final int DUPLICATE_ID = 2;

    /** Quantity of zero or less on enter or replace. */
    static final int ZERO_QUANTITY = 3;

    /** Side other than 'B' or 'S'. */
    static final int BAD_SIDE = 4;

    /** Price out of range or off the tick grid, see {@link MatchingEngine#isValidPrice}. */
    static final int BAD_PRICE = 5;

    /** Time in force other than 'D' (day) or 'I' (immediate or cancel). */
    static final int BAD_TIME_IN_FORCE = 6;

    /** Stock locate outside 1 to 65,535. */
    static final int BAD_LOCATE = 7;

    /** Cancel whose intended quantity is not below the open quantity: nothing to take off. */
    static final int NOTHING_TO_CANCEL = 8;

    private MatchingResult()
    {
    }

    /**
     * @param result a code of this class.
     * @return its name, for logs and test messages.
     */
    static String name(final int result)
    {
        switch (result)
        {
            case OK: return "OK";
            case UNKNOWN_ORDER: return "UNKNOWN_ORDER";
            case DUPLICATE_ID: return "DUPLICATE_ID";
            case ZERO_QUANTITY: return "ZERO_QUANTITY";
            case BAD_SIDE: return "BAD_SIDE";
            case BAD_PRICE: return "BAD_PRICE";
            case BAD_TIME_IN_FORCE: return "BAD_TIME_IN_FORCE";
            case BAD_LOCATE: return "BAD_LOCATE";
            case NOTHING_TO_CANCEL: return "NOTHING_TO_CANCEL";
            default: return "UNKNOWN(" + result + ")";
        }
    }
}
