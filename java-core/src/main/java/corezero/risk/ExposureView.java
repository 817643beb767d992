package corezero.risk;

/**
 * What {@link RiskGate} needs to know of the orders already out, implemented by the order layer on the hot thread.
 * Quantities are shares; open quantities are what is still working (not yet filled nor cancelled).
 */
public interface ExposureView
{
    /**
     * @param stockLocate instrument.
     * @return signed position in shares: positive long, negative short.
     */
    long position(int stockLocate);

    /**
     * @param stockLocate instrument.
     * @return shares still open on buy orders, 0 or more.
     */
    long openBuyQuantity(int stockLocate);

    /**
     * @param stockLocate instrument.
     * @return shares still open on sell orders, 0 or more.
     */
    long openSellQuantity(int stockLocate);

    /** @return open orders over every instrument. */
    int openOrders();
}
