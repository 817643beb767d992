package corezero.risk;

import corezero.book.BookView;

/**
 * A book reduced to what the gate reads: best bid, best ask and last trade, set by hand. Any of them may be
 * {@link BookView#NO_PRICE}, or an out-of-range value a broken view could answer.
 */
final class StubBook implements BookView
{
    long bestBid = NO_PRICE;
    long bestAsk = NO_PRICE;
    long lastTrade = NO_PRICE;

    StubBook quote(final long bid, final long ask, final long last)
    {
        bestBid = bid;
        bestAsk = ask;
        lastTrade = last;
        return this;
    }

    @Override
    public int stockLocate()
    {
        return 1;
    }

    @Override
    public String symbol()
    {
        return "AAPL";
    }

    @Override
    public boolean isStale()
    {
        return false;
    }

    @Override
    public long lastUpdateNs()
    {
        return 0;
    }

    @Override
    public byte tradingState()
    {
        return 'T';
    }

    @Override
    public long bestBidPrice()
    {
        return bestBid;
    }

    @Override
    public long bestBidShares()
    {
        return NO_PRICE == bestBid ? 0 : 100;
    }

    @Override
    public long bestAskPrice()
    {
        return bestAsk;
    }

    @Override
    public long bestAskShares()
    {
        return NO_PRICE == bestAsk ? 0 : 100;
    }

    @Override
    public int bidLevels()
    {
        return NO_PRICE == bestBid ? 0 : 1;
    }

    @Override
    public int askLevels()
    {
        return NO_PRICE == bestAsk ? 0 : 1;
    }

    @Override
    public long bidPrice(final int level)
    {
        return 0 == level ? bestBid : NO_PRICE;
    }

    @Override
    public long bidShares(final int level)
    {
        return 0 == level ? bestBidShares() : 0;
    }

    @Override
    public int bidOrderCount(final int level)
    {
        return 0 == level ? bidLevels() : 0;
    }

    @Override
    public long askPrice(final int level)
    {
        return 0 == level ? bestAsk : NO_PRICE;
    }

    @Override
    public long askShares(final int level)
    {
        return 0 == level ? bestAskShares() : 0;
    }

    @Override
    public int askOrderCount(final int level)
    {
        return 0 == level ? askLevels() : 0;
    }

    @Override
    public int orderCount()
    {
        return bidLevels() + askLevels();
    }

    @Override
    public long lastTradePrice()
    {
        return lastTrade;
    }

    @Override
    public long tradedVolume()
    {
        return 0;
    }

    @Override
    public long tradeCount()
    {
        return 0;
    }

    @Override
    public long crossVolume()
    {
        return 0;
    }

    @Override
    public long brokenTradeCount()
    {
        return 0;
    }
}
