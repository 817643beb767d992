package broken;

import corezero.book.BookView;
import corezero.strategy.Strategy;
import corezero.strategy.StrategyContext;

import java.util.Map;

/** Calls a method BookView does not have: javac refuses it. */
public final class CompileError implements Strategy
{
    private long spread;

    public CompileError()
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
        spread = book.bestAsk() - book.bestBidPrice();
    }
}
