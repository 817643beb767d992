package corezero.venue;

/**
 * What the {@link ExchangeCore} tells the order entry side about the participant's own orders (those with ids from
 * {@link ExchangeCore#PARTICIPANT_ORDER_ID_BASE}), synchronously from inside a matching engine operation.
 */
interface ParticipantListener
{
    /**
     * The order entered the book or began matching.
     *
     * @param orderId the exchange's order reference number.
     */
    void onAccepted(long orderId);

    /**
     * One fill of the participant's order.
     *
     * @param liquidityFlag 'A' when the order was resting (added liquidity), 'R' when it was the aggressor.
     */
    void onExecuted(long orderId, long qty, long price, long matchNumber, byte liquidityFlag);

    /**
     * Shares taken off the order: the owner asked, or the unfilled part of an immediate-or-cancel order.
     */
    void onCanceled(long orderId, long qty, byte reason);

    /**
     * The order was replaced; executions of the new order, if it crosses, follow.
     */
    void onReplaced(long orderId, long newOrderId, long qty, long price);
}
