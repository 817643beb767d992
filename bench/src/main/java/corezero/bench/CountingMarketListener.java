package corezero.bench;

import com.paritytrading.parity.book.MarketListener;
import com.paritytrading.parity.book.OrderBook;
import com.paritytrading.parity.book.Side;

/**
 * The peer's {@link MarketListener} in {@link ItchBookBenchmark}: parity-book calls it after every book change and
 * for every execution. It only counts, the cheapest listener that still leaves the calls in place; ours has no
 * listener to call.
 */
final class CountingMarketListener implements MarketListener
{
    long updates;
    long bestPriceUpdates;
    long trades;

    /** {@inheritDoc} */
    public void update(final OrderBook book, final boolean bbo)
    {
        updates++;
        if (bbo)
        {
            bestPriceUpdates++;
        }
    }

    /** {@inheritDoc} */
    public void trade(final OrderBook book, final Side side, final long price, final long size)
    {
        trades++;
    }
}
