package corezero.book;

/**
 * A copy of one book's top levels, made by the hot thread at a command boundary for the REPL. Core 0 creates it
 * with the symbol and depth it wants and hands it over (see corezero.core.HandOffSlots); the hot thread fills it
 * without allocating; core 0 reads it after the reply, whose ring commit orders the writes before the reads.
 */
public final class BookSnapshot
{
    private final String symbol;
    private final int depth;
    private final long[] bidPrices;
    private final long[] bidShares;
    private final int[] bidOrders;
    private final long[] askPrices;
    private final long[] askShares;
    private final int[] askOrders;
    private boolean found;
    private int stockLocate;
    private boolean stale;
    private byte tradingState;
    private long lastUpdateNs;
    private int bidLevels;
    private int askLevels;
    private int totalBidLevels;
    private int totalAskLevels;
    private int orderCount;
    private long lastTradePrice;
    private long tradedVolume;
    private long tradeCount;

    /**
     * @param symbol the instrument, as named by its Stock Directory message.
     * @param depth  levels per side to copy, at least 1.
     */
    public BookSnapshot(final String symbol, final int depth)
    {
        if (depth < 1)
        {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        this.symbol = symbol;
        this.depth = depth;
        bidPrices = new long[depth];
        bidShares = new long[depth];
        bidOrders = new int[depth];
        askPrices = new long[depth];
        askShares = new long[depth];
        askOrders = new int[depth];
    }

    /**
     * Fill from the books (hot thread).
     *
     * @param books the engine's books.
     */
    public void fillFrom(final OrderBooks books)
    {
        final int locate = books.locateOf(symbol);
        found = locate >= 0;
        if (!found)
        {
            return;
        }
        final BookView book = books.book(locate);
        stockLocate = locate;
        stale = book.isStale();
        tradingState = book.tradingState();
        lastUpdateNs = book.lastUpdateNs();
        orderCount = book.orderCount();
        lastTradePrice = book.lastTradePrice();
        tradedVolume = book.tradedVolume();
        tradeCount = book.tradeCount();
        totalBidLevels = book.bidLevels();
        totalAskLevels = book.askLevels();
        bidLevels = Math.min(depth, totalBidLevels);
        askLevels = Math.min(depth, totalAskLevels);
        for (int i = 0; i < bidLevels; i++)
        {
            bidPrices[i] = book.bidPrice(i);
            bidShares[i] = book.bidShares(i);
            bidOrders[i] = book.bidOrderCount(i);
        }
        for (int i = 0; i < askLevels; i++)
        {
            askPrices[i] = book.askPrice(i);
            askShares[i] = book.askShares(i);
            askOrders[i] = book.askOrderCount(i);
        }
    }

    /** @return the symbol asked for. */
    public String symbol()
    {
        return symbol;
    }

    /** @return true when a Stock Directory message named the symbol. */
    public boolean found()
    {
        return found;
    }

    /** @return the instrument's stock locate. */
    public int stockLocate()
    {
        return stockLocate;
    }

    /** @return true while the feed has an open gap. */
    public boolean isStale()
    {
        return stale;
    }

    /** @return trading state letter, 0 when none was seen. */
    public byte tradingState()
    {
        return tradingState;
    }

    /** @return ITCH time of the last update, ns since midnight. */
    public long lastUpdateNs()
    {
        return lastUpdateNs;
    }

    /** @return open orders in the book. */
    public int orderCount()
    {
        return orderCount;
    }

    /** @return last trade price or {@link BookView#NO_PRICE}. */
    public long lastTradePrice()
    {
        return lastTradePrice;
    }

    /** @return traded volume, shares. */
    public long tradedVolume()
    {
        return tradedVolume;
    }

    /** @return trades counted. */
    public long tradeCount()
    {
        return tradeCount;
    }

    /** @return bid levels copied. */
    public int bidLevels()
    {
        return bidLevels;
    }

    /** @return ask levels copied. */
    public int askLevels()
    {
        return askLevels;
    }

    /** @return bid levels in the book. */
    public int totalBidLevels()
    {
        return totalBidLevels;
    }

    /** @return ask levels in the book. */
    public int totalAskLevels()
    {
        return totalAskLevels;
    }

    /**
     * @param level 0 is the best.
     * @return price.
     */
    public long bidPrice(final int level)
    {
        return bidPrices[level];
    }

    /**
     * @param level 0 is the best.
     * @return shares.
     */
    public long bidShares(final int level)
    {
        return bidShares[level];
    }

    /**
     * @param level 0 is the best.
     * @return orders.
     */
    public int bidOrders(final int level)
    {
        return bidOrders[level];
    }

    /**
     * @param level 0 is the best.
     * @return price.
     */
    public long askPrice(final int level)
    {
        return askPrices[level];
    }

    /**
     * @param level 0 is the best.
     * @return shares.
     */
    public long askShares(final int level)
    {
        return askShares[level];
    }

    /**
     * @param level 0 is the best.
     * @return orders.
     */
    public int askOrders(final int level)
    {
        return askOrders[level];
    }
}
