package corezero.risk;

/**
 * Exposure of one instrument set by hand (any locate answers the same), for unit tests.
 */
final class FixedExposure implements ExposureView
{
    long position;
    long openBuy;
    long openSell;
    int openOrders;

    FixedExposure set(final long position, final long openBuy, final long openSell)
    {
        this.position = position;
        this.openBuy = openBuy;
        this.openSell = openSell;
        return this;
    }

    @Override
    public long position(final int stockLocate)
    {
        return position;
    }

    @Override
    public long openBuyQuantity(final int stockLocate)
    {
        return openBuy;
    }

    @Override
    public long openSellQuantity(final int stockLocate)
    {
        return openSell;
    }

    @Override
    public int openOrders()
    {
        return openOrders;
    }
}
