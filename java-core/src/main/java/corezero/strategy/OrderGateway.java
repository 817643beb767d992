package corezero.strategy;

import corezero.order.OrderState;

/**
 * The order path as the strategy slots see it: the live one ({@link corezero.core.OrderEntry}: risk gate, order
 * state, OUCH over SoupBinTCP) or a recording one for shadow runs ({@link ShadowRun}), behind the same
 * {@link StrategyContext}, so that a strategy runs the same code in both.
 */
public interface OrderGateway
{
    /**
     * @return see {@link corezero.core.OrderEntry#enter}.
     */
    long enter(
        int strategySlot, int stockLocate, byte side, long quantity, long price, byte timeInForce,
        long triggerSequence, long nowNs);

    /**
     * @return see {@link corezero.core.OrderEntry#cancel}.
     */
    int cancel(int strategySlot, long userRefNum, long nowNs);

    /**
     * Cancel every open order of a slot; its orders still in flight are cancelled when the venue accepts them.
     *
     * @param strategySlot the slot.
     * @param nowNs        the clock.
     * @return cancels sent.
     */
    int cancelSlot(int strategySlot, long nowNs);

    /**
     * The frame being handled (its hand-over time), or 0 when it is done: what was sent on it may leave.
     *
     * @param tickNs the frame's time, or 0.
     */
    void tick(long tickNs);

    /**
     * @param strategySlot a slot.
     * @param stockLocate  an instrument.
     * @return the slot's signed position.
     */
    long position(int strategySlot, int stockLocate);

    /**
     * @param strategySlot a slot.
     * @return its open orders.
     */
    int openOrders(int strategySlot);

    /**
     * @param strategySlot the asking slot.
     * @param userRefNum   an order.
     * @return its state, NONE if it is not the slot's or not live.
     */
    OrderState orderState(int strategySlot, long userRefNum);

    /** @return the risk gate's {@link corezero.risk.TradingState}. */
    int tradingState();
}
