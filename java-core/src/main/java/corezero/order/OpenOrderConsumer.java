package corezero.order;

/**
 * Visits one open order during {@link Orders#forEachOpen}; primitives only, so walking the open orders (for
 * cancel-all) allocates nothing. The consumer may send a cancel ({@link Orders#onCancelRequested}) for the
 * order it is given.
 */
@FunctionalInterface
public interface OpenOrderConsumer
{
    /**
     * @param userRefNum   the order.
     * @param strategySlot the strategy slot that sent it.
     * @param stockLocate  the instrument.
     * @param side         'B', 'S', 'T' (sell short) or 'E' (sell short exempt).
     * @param openQuantity shares still open.
     * @param price        limit price, 4 implied decimals.
     * @param state        current state.
     */
    void accept(
        long userRefNum, int strategySlot, int stockLocate, byte side, long openQuantity, long price,
        OrderState state);
}
