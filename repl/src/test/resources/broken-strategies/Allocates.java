package broken;

import corezero.book.BookView;
import corezero.strategy.Strategy;
import corezero.strategy.StrategyContext;

import java.util.Map;

/** Compiles clean but allocates on every book update (a new array kept in a field): the shadow run refuses it. */
public final class Allocates implements Strategy
{
    private long[] lastSeen;

    public Allocates()
    {
    }

    public static Map<String, long[]> params()
    {
        return Map.of();
    }

    public void onStart(final StrategyContext context)
    {
    }

    public void onStop()
    {
    }

    public void onBookUpdate(final int stockLocate, final BookView book)
    {
        lastSeen = new long[2];
        lastSeen[0] = book.bestBidPrice();
    }
}
