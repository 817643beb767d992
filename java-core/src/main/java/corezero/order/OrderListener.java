package corezero.order;

/**
 * Told of every state change of an order, on the hot thread, before a finished order is released (so its
 * UserRefNum can still be looked up inside the call). Must not allocate, block or throw.
 */
@FunctionalInterface
public interface OrderListener
{
    /** Ignores every change. */
    OrderListener NO_OP = (userRefNum, strategySlot, from, to) -> {};

    /**
     * @param userRefNum   the order.
     * @param strategySlot the strategy slot that sent it.
     * @param from         previous state ({@link OrderState#NONE} for a new order).
     * @param to           new state.
     */
    void onOrderState(long userRefNum, int strategySlot, OrderState from, OrderState to);
}
