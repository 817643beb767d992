package corezero.venue;

/**
 * Receives what a {@link MatchingEngine} does, synchronously, in the order it happens. Two audiences:
 * <ul>
 *     <li>order entry (the OUCH server): {@code onAccepted}, {@code onRejected}, {@code onExecuted},
 *     {@code onCanceled}, {@code onReplaced};</li>
 *     <li>the market data feed (ITCH 5.0): the {@code onBook*} events, one per ITCH order message, so that a
 *     consumer applying them in order holds the engine's book (never crossed: executions come before the
 *     aggressor's remainder is added).</li>
 * </ul>
 * An operation produces either one {@code onRejected} or its success events, never both. Callbacks come in the middle
 * of an operation: a listener must not call back into the engine.
 */
interface MatchingListener
{
    /**
     * OUCH Order Accepted: the order entered; executions and its {@code onBookAdd} (if it rests) follow.
     */
    void onAccepted(long orderId, int locate, byte side, long qty, long price, byte timeInForce);

    /**
     * OUCH Rejected (for enter) or the refusal of a cancel or replace.
     *
     * @param reason a {@link MatchingResult} code other than OK.
     */
    void onRejected(long orderId, int reason);

    /**
     * One fill between a resting order and the incoming one, at the resting order's price. Reported once per
     * match; both orders' owners are told from it.
     *
     * @param matchNumber increasing by one per fill across the engine, from 1.
     */
    void onExecuted(long restingOrderId, long aggressorOrderId, long qty, long price, long matchNumber);

    /**
     * OUCH Order Canceled.
     *
     * @param qty    shares taken off.
     * @param reason {@link MatchingEngine#CANCEL_USER_REQUESTED} or {@link MatchingEngine#CANCEL_IMMEDIATE_OR_CANCEL}.
     */
    void onCanceled(long orderId, long qty, byte reason);

    /**
     * OUCH Order Replaced: {@code orderId} is gone, {@code newOrderId} is open with {@code qty} at {@code price};
     * executions of the new order, if it crosses, follow.
     */
    void onReplaced(long orderId, long newOrderId, long qty, long price);

    /** ITCH Add Order ('A'): the order rests. */
    void onBookAdd(long orderId, int locate, byte side, long qty, long price);

    /** ITCH Order Executed ('E'): a resting order lost {@code qty}; at zero it has left the book (no delete follows). */
    void onBookExecute(long orderId, int locate, long qty, long price, long matchNumber);

    /** ITCH Order Cancel ('X'): a resting order lost {@code qty} and still rests. */
    void onBookCancel(long orderId, int locate, long qty);

    /** ITCH Order Delete ('D'): a resting order left the book. */
    void onBookDelete(long orderId, int locate);

    /** ITCH Order Replace ('U'): a resting order is now {@code newOrderId} with {@code qty} at {@code price}. */
    void onBookReplace(long orderId, long newOrderId, int locate, long qty, long price);
}
