package corezero.bench;

import com.paritytrading.parity.book.OrderBook;
import corezero.book.BookView;

/**
 * Control path for the set-up of {@link ItchBookBenchmark}: checks that our book and the peer's hold the same
 * price levels with the same shares after the same messages, so the two contenders are known to do the same
 * book work before either is timed.
 */
final class ParityDepthCheck
{
    private ParityDepthCheck()
    {
    }

    /**
     * @param ours   our book for the instrument.
     * @param theirs parity-book's book for the same instrument.
     * @throws IllegalStateException at the first difference.
     */
    static void requireSameDepth(final BookView ours, final OrderBook theirs)
    {
        requireSameSide("bid", ours.bidLevels(), theirs.getBidPrices().size(), ours, theirs, true);
        requireSameSide("ask", ours.askLevels(), theirs.getAskPrices().size(), ours, theirs, false);
    }

    private static void requireSameSide(
        final String side, final int ourLevels, final int theirLevels, final BookView ours,
        final OrderBook theirs, final boolean bids)
    {
        if (ourLevels != theirLevels)
        {
            throw new IllegalStateException(side + " levels: ours " + ourLevels + ", parity " + theirLevels);
        }
        for (int level = 0; level < ourLevels; level++)
        {
            final long price = bids ? ours.bidPrice(level) : ours.askPrice(level);
            final long shares = bids ? ours.bidShares(level) : ours.askShares(level);
            final long theirShares = bids ? theirs.getBidSize(price) : theirs.getAskSize(price);
            if (shares != theirShares)
            {
                throw new IllegalStateException(side + " level " + level + " at " + price + ": ours " + shares +
                    " shares, parity " + theirShares);
            }
        }
    }
}
