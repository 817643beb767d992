package corezero.strategy;

import corezero.book.BookView;

/**
 * A strategy's handle on the engine: its slot, the clock, the books, its parameters, its position, and the
 * order API. Every order call runs the risk gate synchronously on the hot thread, then encodes the OUCH
 * message straight into the order session's send buffer; nothing reaches the venue any other way.
 * <p>
 * Order calls return a UserRefNum (positive) or a negated {@link EntryResult} code, which says why nothing was
 * sent (a risk rejection, the session being down, the order pool being full). Hot thread only; nothing here
 * allocates.
 */
public interface StrategyContext
{
    /** Time in force: Day. */
    byte DAY = '0';

    /** Time in force: Immediate or Cancel. */
    byte IOC = '3';

    /** {@link #paramsVersion()} of a context that does not track versions. */
    long UNKNOWN_VERSION = Long.MIN_VALUE;

    /** @return this strategy's slot, 0..{@link corezero.core.ParamTable#SLOT_COUNT} - 1. */
    int slot();

    /** @return the duty cycle's time (the injected nano clock, read once per cycle). */
    long nowNs();

    /**
     * @param stockLocate an instrument.
     * @return its book, never null: an empty book when nothing was seen of the locate (check {@code isStale()},
     * the sides and {@code stockLocate()}).
     */
    BookView book(int stockLocate);

    /**
     * Control path (a linear search): the locate of a symbol.
     *
     * @param symbol e.g. "AAPL".
     * @return the locate, or 0 when no Stock Directory message named the symbol yet.
     */
    int locateOf(CharSequence symbol);

    /**
     * A parameter of this slot, set by {@code (set-param! slot key value)} from the REPL.
     *
     * @param key          parameter key.
     * @param defaultValue returned when the key was never set.
     * @return the value.
     */
    long param(CharSequence key, long defaultValue);

    /**
     * Changes whenever any parameter is set: a strategy may keep its parameters in fields and read them again
     * only when this changed, instead of looking each one up on every event.
     *
     * @return the parameter table's version, or {@link #UNKNOWN_VERSION} from a context that cannot tell (the
     * strategy must then read its parameters on every event).
     */
    default long paramsVersion()
    {
        return UNKNOWN_VERSION;
    }

    /**
     * @param stockLocate an instrument.
     * @return this slot's signed position in shares.
     */
    long position(int stockLocate);

    /**
     * @param userRefNum one of this slot's orders.
     * @return its state, {@link corezero.order.OrderState#NONE} once it is finished or if it is unknown.
     */
    corezero.order.OrderState orderState(long userRefNum);

    /**
     * @return the risk gate's trading state, a {@link corezero.risk.TradingState} code: while it is not ACTIVE new
     * orders are refused (HALTED: all; REDUCING: all that would not reduce a position), so a strategy may stop
     * trying.
     */
    default int tradingState()
    {
        return corezero.risk.TradingState.ACTIVE;
    }

    /** @return this slot's open (live) orders. */
    int openOrders();

    /**
     * Enter a limit order.
     *
     * @param stockLocate  instrument.
     * @param side         'B' buy or 'S' sell.
     * @param quantity     shares.
     * @param price        limit price, 4 implied decimals.
     * @param timeInForce  {@link #DAY} or {@link #IOC}.
     * @return the order's UserRefNum, or a negated {@link EntryResult} code.
     */
    long enter(int stockLocate, byte side, long quantity, long price, byte timeInForce);

    /**
     * Enter a limit order tagged with the feed sequence number of the message that triggered it: the ClOrdID
     * carries it ("T" and the number), which lets the venue measure wire-to-wire latency.
     *
     * @param stockLocate     instrument.
     * @param side            'B' or 'S'.
     * @param quantity        shares.
     * @param price           limit price.
     * @param timeInForce     {@link #DAY} or {@link #IOC}.
     * @param triggerSequence MoldUDP64 sequence number of the triggering message.
     * @return the order's UserRefNum, or a negated {@link EntryResult} code.
     */
    long enter(int stockLocate, byte side, long quantity, long price, byte timeInForce, long triggerSequence);

    /**
     * Cancel one of this slot's orders entirely.
     *
     * @param userRefNum the order.
     * @return {@link EntryResult#OK} or an {@link EntryResult} code.
     */
    int cancel(long userRefNum);

    /** @return the feed sequence number of the message being handled, 0 outside market data events. */
    long currentSequence();

    /**
     * Ask for one {@link Strategy#onTimer} call at or after a time; a later call replaces the earlier deadline.
     *
     * @param deadlineNs on the {@link #nowNs()} clock.
     */
    void scheduleTimer(long deadlineNs);
}
