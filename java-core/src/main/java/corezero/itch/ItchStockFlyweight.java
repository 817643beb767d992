package corezero.itch;

/**
 * Base of the decoders whose message carries an 8-byte Stock field: the symbol, right-padded with spaces. On the
 * data path compare symbols with {@link #stockCode()} against {@link StockSymbol#code(CharSequence)} computed once,
 * or with {@link #stockEquals(byte[])}; {@link #stockAsString()} allocates and is for the control path.
 */
public abstract class ItchStockFlyweight extends ItchFlyweight
{
    private final int stockOffset;

    /**
     * @param stockOffset where the Stock field starts in this message type.
     */
    protected ItchStockFlyweight(final int stockOffset)
    {
        this.stockOffset = stockOffset;
    }

    /**
     * @return where the Stock field starts, from the start of the message.
     */
    public final int stockOffset()
    {
        return stockOffset;
    }

    /**
     * @return the 8 bytes of the Stock field as one big-endian number, padding included: equal codes mean equal
     * symbols (see {@link StockSymbol}).
     */
    public final long stockCode()
    {
        return int64(stockOffset);
    }

    /**
     * Allocation-free comparison.
     *
     * @param symbol ASCII bytes of the symbol, 1 to 8, with or without the padding.
     * @return true when the Stock field holds exactly this symbol.
     */
    public final boolean stockEquals(final byte[] symbol)
    {
        return alphaEquals(stockOffset, STOCK_LENGTH, symbol);
    }

    /**
     * Copy the 8 bytes of the Stock field, padding included.
     *
     * @param dst at least 8 bytes long.
     * @return the number of bytes copied, 8.
     */
    public final int stock(final byte[] dst)
    {
        return copyAlpha(stockOffset, STOCK_LENGTH, dst);
    }

    /**
     * Control path.
     *
     * @return the symbol without its padding.
     */
    public final String stockAsString()
    {
        return alphaAsString(stockOffset, STOCK_LENGTH);
    }
}
