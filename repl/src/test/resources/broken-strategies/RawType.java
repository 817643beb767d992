package broken;

import corezero.book.BookView;
import corezero.strategy.Strategy;
import corezero.strategy.StrategyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compiles, but with a raw type: -Xlint:all -Werror refuses it. */
public final class RawType implements Strategy
{
    private final List seen = new ArrayList<Integer>();

    public RawType()
    {
    }

    public static Map<String, long[]> params()
    {
        return Map.of();
    }

    public void onStart(final StrategyContext context)
    {
        seen.clear();
    }

    public void onStop()
    {
    }

    public void onBookUpdate(final int stockLocate, final BookView book)
    {
    }
}
