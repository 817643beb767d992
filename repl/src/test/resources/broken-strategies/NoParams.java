package broken;

import corezero.book.BookView;
import corezero.strategy.Strategy;
import corezero.strategy.StrategyContext;

/** Compiles clean but declares no params(): the convention refuses it. */
public final class NoParams implements Strategy
{
    public NoParams()
    {
    }

    public void onStart(final StrategyContext context)
    {
    }

    public void onStop()
    {
    }

    public void onBookUpdate(final int stockLocate, final BookView book)
    {
    }
}
