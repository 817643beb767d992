package corezero.book;

/**
 * Read-only view of one instrument's L3 book, owned by the thread that feeds {@link OrderBooks} (reads are
 * plain loads of that thread's state; other threads must ask for a copy). Nothing here returns null: an empty
 * side answers {@link #NO_PRICE} for prices and 0 for shares and order counts, and so does a level index past
 * the depth. Depth is indexed from the best price: level 0 is the best bid (highest) or best ask (lowest).
 * Prices are fixed-point longs with the feed's 4 implied decimals.
 */
public interface BookView
{
    /**
     * Price reported for an empty side, a level past the depth, or no trade yet. Long.MIN_VALUE never occurs
     * as an ITCH price (unsigned 32-bit); test {@code price != NO_PRICE} before doing arithmetic with it.
     */
    long NO_PRICE = Long.MIN_VALUE;

    /** {@link #tradingState()} before any Stock Trading Action message for the instrument. */
    byte NO_TRADING_STATE = 0;

    /** @return stock locate of the instrument, or 0 for the empty book returned for unknown locates. */
    int stockLocate();

    /** @return symbol from the Stock Directory message without padding, "" if none seen (allocates). */
    String symbol();

    /** @return true while the feed is in a gap or recovering ({@link OrderBooks#markAllStale}). */
    boolean isStale();

    /** @return feed timestamp (ns since midnight) of the last change to this book, 0 if none. */
    long lastUpdateNs();

    /** @return 'H' halted, 'P' paused, 'Q' quotation only, 'T' trading, or {@link #NO_TRADING_STATE}. */
    byte tradingState();

    /** @return best bid price or {@link #NO_PRICE}. */
    long bestBidPrice();

    /** @return shares at the best bid, 0 if none. */
    long bestBidShares();

    /** @return best ask price or {@link #NO_PRICE}. */
    long bestAskPrice();

    /** @return shares at the best ask, 0 if none. */
    long bestAskShares();

    /** @return number of bid price levels. */
    int bidLevels();

    /** @return number of ask price levels. */
    int askLevels();

    /**
     * @param level 0 for the best bid.
     * @return price of that level or {@link #NO_PRICE}.
     */
    long bidPrice(int level);

    /**
     * @param level 0 for the best bid.
     * @return shares displayed at that level, 0 past the depth.
     */
    long bidShares(int level);

    /**
     * @param level 0 for the best bid.
     * @return orders at that level, 0 past the depth.
     */
    int bidOrderCount(int level);

    /**
     * @param level 0 for the best ask.
     * @return price of that level or {@link #NO_PRICE}.
     */
    long askPrice(int level);

    /**
     * @param level 0 for the best ask.
     * @return shares displayed at that level, 0 past the depth.
     */
    long askShares(int level);

    /**
     * @param level 0 for the best ask.
     * @return orders at that level, 0 past the depth.
     */
    int askOrderCount(int level);

    /** @return live orders in this book, both sides. */
    int orderCount();

    /** @return price of the last printable execution, trade or non-empty cross, or {@link #NO_PRICE}. */
    long lastTradePrice();

    /** @return printed volume: executions (printable ones for C), non-displayed trades (P) and crosses (Q). */
    long tradedVolume();

    /** @return number of prints counted in {@link #tradedVolume()}. */
    long tradeCount();

    /** @return shares of the crosses (Q), also included in {@link #tradedVolume()}. */
    long crossVolume();

    /** @return Broken Trade messages seen; volume is not adjusted, as match numbers are not tracked. */
    long brokenTradeCount();
}
