package corezero.book;

import java.nio.charset.StandardCharsets;

/**
 * One instrument's book: two {@link PriceLadder}s over the shared {@link LevelPool}, plus the instrument's
 * state and trade statistics. {@link OrderBooks} is its only writer; readers see it as a {@link BookView}.
 */
final class Book implements BookView
{
    /** Length of an ITCH symbol field. */
    static final int SYMBOL_LENGTH = 8;

    final PriceLadder bids;
    final PriceLadder asks;
    final byte[] symbol = new byte[SYMBOL_LENGTH];
    private final LevelPool levels;

    int stockLocate;
    boolean stale;
    long lastUpdateNs;
    byte tradingState = NO_TRADING_STATE;
    int orderCount;
    long lastTradePrice = NO_PRICE;
    long tradedVolume;
    long tradeCount;
    long crossVolume;
    long brokenTradeCount;

    Book(final LevelPool levels, final int maxLevelsPerSide)
    {
        this.levels = levels;
        bids = new PriceLadder(PriceLadder.BID, maxLevelsPerSide);
        asks = new PriceLadder(PriceLadder.ASK, maxLevelsPerSide);
    }

    PriceLadder ladder(final byte side)
    {
        return side == PriceLadder.BID ? bids : asks;
    }

    /** Count one print. */
    void onPrint(final long shares, final long price)
    {
        tradedVolume += shares;
        tradeCount++;
        lastTradePrice = price;
    }

    /** {@inheritDoc} */
    public int stockLocate()
    {
        return stockLocate;
    }

    /** {@inheritDoc} */
    public String symbol()
    {
        int length = SYMBOL_LENGTH;
        while (length > 0 && (symbol[length - 1] == ' ' || symbol[length - 1] == 0))
        {
            length--;
        }
        return new String(symbol, 0, length, StandardCharsets.US_ASCII);
    }

    /**
     * Compare the stored symbol, without padding, to a name (control path).
     */
    boolean symbolEquals(final CharSequence name)
    {
        final int length = name.length();
        if (length == 0 || length > SYMBOL_LENGTH)
        {
            return false;
        }
        for (int i = 0; i < SYMBOL_LENGTH; i++)
        {
            final int expected = i < length ? name.charAt(i) : ' ';
            if ((symbol[i] & 0xFF) != expected)
            {
                return false;
            }
        }
        return true;
    }

    /** {@inheritDoc} */
    public boolean isStale()
    {
        return stale;
    }

    /** {@inheritDoc} */
    public long lastUpdateNs()
    {
        return lastUpdateNs;
    }

    /** {@inheritDoc} */
    public byte tradingState()
    {
        return tradingState;
    }

    /** {@inheritDoc} */
    public long bestBidPrice()
    {
        return bids.priceAtDepth(0);
    }

    /** {@inheritDoc} */
    public long bestBidShares()
    {
        return bidShares(0);
    }

    /** {@inheritDoc} */
    public long bestAskPrice()
    {
        return asks.priceAtDepth(0);
    }

    /** {@inheritDoc} */
    public long bestAskShares()
    {
        return askShares(0);
    }

    /** {@inheritDoc} */
    public int bidLevels()
    {
        return bids.depth();
    }

    /** {@inheritDoc} */
    public int askLevels()
    {
        return asks.depth();
    }

    /** {@inheritDoc} */
    public long bidPrice(final int level)
    {
        return bids.priceAtDepth(level);
    }

    /** {@inheritDoc} */
    public long bidShares(final int level)
    {
        return sharesAt(bids, level);
    }

    /** {@inheritDoc} */
    public int bidOrderCount(final int level)
    {
        return orderCountAt(bids, level);
    }

    /** {@inheritDoc} */
    public long askPrice(final int level)
    {
        return asks.priceAtDepth(level);
    }

    /** {@inheritDoc} */
    public long askShares(final int level)
    {
        return sharesAt(asks, level);
    }

    /** {@inheritDoc} */
    public int askOrderCount(final int level)
    {
        return orderCountAt(asks, level);
    }

    /** {@inheritDoc} */
    public int orderCount()
    {
        return orderCount;
    }

    /** {@inheritDoc} */
    public long lastTradePrice()
    {
        return lastTradePrice;
    }

    /** {@inheritDoc} */
    public long tradedVolume()
    {
        return tradedVolume;
    }

    /** {@inheritDoc} */
    public long tradeCount()
    {
        return tradeCount;
    }

    /** {@inheritDoc} */
    public long crossVolume()
    {
        return crossVolume;
    }

    /** {@inheritDoc} */
    public long brokenTradeCount()
    {
        return brokenTradeCount;
    }

    /** {@inheritDoc} */
    public String toString()
    {
        return "Book{locate=" + stockLocate + ", symbol=" + symbol() + ", bid=" + bestBidShares() + "@" +
            bestBidPrice() + ", ask=" + bestAskShares() + "@" + bestAskPrice() + ", levels=" + bidLevels() + "/" +
            askLevels() + ", orders=" + orderCount + ", stale=" + stale + "}";
    }

    private long sharesAt(final PriceLadder ladder, final int depth)
    {
        return depth >= 0 && depth < ladder.depth() ? levels.shares[ladder.levelAtDepth(depth)] : 0;
    }

    private int orderCountAt(final PriceLadder ladder, final int depth)
    {
        return depth >= 0 && depth < ladder.depth() ? levels.orderCount[ladder.levelAtDepth(depth)] : 0;
    }
}
