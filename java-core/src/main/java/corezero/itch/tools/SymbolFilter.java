package corezero.itch.tools;

import corezero.itch.ItchFlyweight;
import corezero.itch.ItchStockFlyweight;
import corezero.itch.StockSymbol;

import java.util.BitSet;

/**
 * Keeps the messages about one stock, and the market-wide ones.
 * <ul>
 *   <li>A message whose Stock field names the symbol is kept, and its stock locate (when not 0) is selected: the
 *   Stock Directory message does this at the start of the day, and any other message with a Stock field does it
 *   for a capture that starts later.</li>
 *   <li>A message with a non-zero stock locate is kept when that locate is selected (executions, cancels, deletes
 *   and replaces carry no Stock field).</li>
 *   <li>A message with stock locate 0 and no Stock field (System Event, MWCB Decline Level, MWCB Status) is
 *   market-wide and kept, since it applies to every stock.</li>
 * </ul>
 */
final class SymbolFilter implements MessageFilter
{
    private final byte[] symbol;
    private final BitSet locates = new BitSet(1 << 16);

    /**
     * @param symbol 1 to 8 characters.
     * @throws IllegalArgumentException when not a valid symbol.
     */
    SymbolFilter(final String symbol)
    {
        this.symbol = StockSymbol.bytes(symbol);
    }

    /**
     * @param symbol to check.
     * @throws IllegalArgumentException when not 1 to 8 printable ASCII characters without spaces.
     */
    static void validate(final String symbol)
    {
        StockSymbol.bytes(symbol);
    }

    /**
     * {@inheritDoc}
     */
    public boolean accept(final ItchFlyweight message)
    {
        final int locate = message.stockLocate();
        if (message instanceof ItchStockFlyweight)
        {
            if (((ItchStockFlyweight)message).stockEquals(symbol))
            {
                if (0 != locate)
                {
                    locates.set(locate);
                }
                return true;
            }
            return 0 != locate && locates.get(locate);
        }

        return 0 == locate || locates.get(locate);
    }
}
