package corezero.order;

/**
 * Life-cycle state of one of our orders. {@link #NONE} is the sentinel for a UserRefNum that names no live order
 * (never sent, or finished and released to the pool), so queries never return null.
 * <pre>
 *  from                          event                          to
 *  PENDING_NEW                   Accepted                       ACCEPTED
 *  PENDING_NEW                   Rejected                       REJECTED
 *  ACCEPTED                      Executed, shares left          PARTIALLY_FILLED
 *  on the book (*)               Executed, none left            FILLED
 *  on the book (*)               Canceled / Modified, none left CANCELED
 *  ACCEPTED, PARTIALLY_FILLED    cancel sent, Cancel Pending    CANCEL_PENDING
 *  CANCEL_PENDING                Cancel Reject                  ACCEPTED or PARTIALLY_FILLED
 *  ACCEPTED, PARTIALLY_FILLED    replace sent                   REPLACE_PENDING (+ replacement PENDING_NEW)
 *  REPLACE_PENDING               Replaced                       REPLACED (+ replacement ACCEPTED)
 *  REPLACE_PENDING               replacement Rejected           ACCEPTED or PARTIALLY_FILLED
 *  (*) ACCEPTED, PARTIALLY_FILLED, CANCEL_PENDING, REPLACE_PENDING (Modified: not REPLACE_PENDING)
 * </pre>
 * Partial cancels and executions keep an order in its state until nothing is open; FILLED, CANCELED, REPLACED
 * and REJECTED are terminal.
 */
public enum OrderState
{
    /** Not a live order. */
    NONE,
    /** Enter Order sent, no answer yet (or a replacement waiting for its Replaced message). */
    PENDING_NEW,
    /** On the book, nothing executed. */
    ACCEPTED,
    /** On the book, some shares executed. */
    PARTIALLY_FILLED,
    /** Every share executed (terminal). */
    FILLED,
    /** Cancel sent (or the venue's Cancel Pending received); still able to execute. */
    CANCEL_PENDING,
    /** Nothing left open after a cancel (terminal). */
    CANCELED,
    /** Replace sent; the original is still live and able to execute. */
    REPLACE_PENDING,
    /** The original of a completed replace (terminal). */
    REPLACED,
    /** Refused by the venue (terminal). */
    REJECTED;

    private static final OrderState[] VALUES = values();

    /**
     * @return true if no further venue event applies to the order.
     */
    public boolean isTerminal()
    {
        return this == FILLED || this == CANCELED || this == REPLACED || this == REJECTED;
    }

    static OrderState of(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
