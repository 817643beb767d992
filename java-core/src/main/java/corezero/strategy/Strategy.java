package corezero.strategy;

import corezero.book.BookView;
import corezero.order.OrderState;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A trading strategy, run on the hot thread inside one strategy slot. Every method is called by the hot thread
 * only, between two inputs (an event boundary), and must return quickly without blocking, allocating after
 * warm-up, locking, logging or making a system call. Whatever a method throws is caught at the slot boundary:
 * the slot is quarantined (its orders are cancelled, it gets no more events) and the engine keeps running.
 * <p>
 * Orders go out only through the {@link StrategyContext} handed to {@link #onStart}: every order passes the
 * risk gate, which answers synchronously.
 * <p>
 * Lifecycle: {@link #onStart} once, then events, then {@link #onStop} once. {@link #saveState} and
 * {@link #loadState} carry state from one version of a strategy to the next when it is swapped.
 */
public interface Strategy
{
    /**
     * The strategy is live from now on.
     *
     * @param context the strategy's handle on the engine, valid until {@link #onStop()}.
     */
    void onStart(StrategyContext context);

    /**
     * The strategy gets no more events after this call. Its open orders stay with the slot (the engine cancels
     * or hands them on, as configured).
     */
    void onStop();

    /**
     * Write the state a successor needs.
     *
     * @param buffer to write into.
     * @param offset where to start.
     * @return bytes written, 0 for no state.
     */
    default int saveState(final MutableDirectBuffer buffer, final int offset)
    {
        return 0;
    }

    /**
     * Read state written by a predecessor's {@link #saveState}, before {@link #onStart}.
     *
     * @param buffer holding the state.
     * @param offset of the first byte.
     * @param length bytes of state, 0 for none.
     */
    default void loadState(final DirectBuffer buffer, final int offset, final int length)
    {
    }

    /**
     * A market data message changed (or may have changed) an instrument's book: add, execute, cancel, delete,
     * replace, a trading action, or the book went stale or live again.
     *
     * @param stockLocate the instrument.
     * @param book        its book, after the change.
     */
    void onBookUpdate(int stockLocate, BookView book);

    /**
     * A trade printed on the feed (an execution of a displayed order, or a non-displayed trade), after the book
     * was updated.
     *
     * @param stockLocate the instrument.
     * @param shares      shares traded.
     * @param price       trade price, 4 implied decimals.
     */
    default void onTrade(final int stockLocate, final long shares, final long price)
    {
    }

    /**
     * One of this strategy's orders changed state.
     *
     * @param userRefNum the order.
     * @param from       previous state.
     * @param to         new state.
     */
    default void onOrderUpdate(final long userRefNum, final OrderState from, final OrderState to)
    {
    }

    /**
     * One of this strategy's orders was executed (after the order's state and the position were updated).
     *
     * @param userRefNum  the order.
     * @param stockLocate the instrument.
     * @param side        'B' or 'S'.
     * @param shares      executed shares.
     * @param price       execution price, 4 implied decimals.
     */
    default void onFill(
        final long userRefNum, final int stockLocate, final byte side, final long shares, final long price)
    {
    }

    /**
     * The timer set by {@link StrategyContext#scheduleTimer(long)} expired.
     *
     * @param nowNs the duty cycle's time.
     */
    default void onTimer(final long nowNs)
    {
    }
}
