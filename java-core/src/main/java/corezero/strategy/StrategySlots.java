package corezero.strategy;

import corezero.book.BookView;
import corezero.book.OrderBooks;
import corezero.core.MarketDataFeed;
import corezero.core.OrderEntry;
import corezero.core.ParamTable;
import corezero.order.OrderState;
import corezero.risk.TradingState;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.CachedNanoClock;

import java.nio.ByteOrder;

/**
 * The hot thread's strategy slots: up to {@link ParamTable#SLOT_COUNT} strategies, each with its own
 * {@link StrategyContext}. Market data, order events and timers are dispatched to the live slots, in slot order,
 * at event boundaries. Every call into a strategy is guarded: whatever it throws quarantines that slot (no more
 * events, its open orders cancelled, the fault kept for the REPL) and the other slots go on.
 * <p>
 * ITCH messages reach the strategies after the books applied them: every book-changing message (A, F, E, C, X,
 * D, U, H) is a book update; executions (E, C) and non-displayed trades (P) are also trades.
 * <pre>
 *  frame ─► MoldUDP64 ─► ITCH ─► OrderBooks ─► onMarketMessage ─► slot 0..7: onBookUpdate / onTrade
 *                                                                      └─► context.enter ─► OrderEntry (risk, OUCH)
 * </pre>
 * Hot thread only; allocation-free.
 */
public final class StrategySlots implements MarketDataFeed.MarketListener, OrderEntry.Events
{
    /** Slot state: empty. */
    public static final int EMPTY = 0;

    /** Slot state: receiving events. */
    public static final int LIVE = 1;

    /** Slot state: stopped by a fault; its orders were cancelled. */
    public static final int QUARANTINED = 2;

    /** Slot state: no market data or timers (order updates still arrive); its orders stay. */
    public static final int PAUSED = 3;

    /** Largest state one version hands to the next at a swap. */
    public static final int MAX_STATE_BYTES = 64 * 1024;

    private static final int SHARES_OFFSET_EXECUTED = 19;
    private static final int PRICE_OFFSET_EXECUTED_WITH_PRICE = 32;
    private static final int SHARES_OFFSET_TRADE = 20;
    private static final int PRICE_OFFSET_TRADE = 32;
    private static final long NO_TIMER = Long.MAX_VALUE;

    private final ParamTable params;
    private final OrderGateway orderEntry;
    private final OrderBooks books;
    private final CachedNanoClock clock;
    private final Strategy[] strategies = new Strategy[ParamTable.SLOT_COUNT];
    private final Strategy[] previous = new Strategy[ParamTable.SLOT_COUNT];
    private final boolean[] rollbackOnFault = new boolean[ParamTable.SLOT_COUNT];
    private final long[] rollbacksOnFault = new long[ParamTable.SLOT_COUNT];
    private final UnsafeBuffer stateBuffer = new UnsafeBuffer(new byte[MAX_STATE_BYTES]);
    private final SlotContext[] contexts = new SlotContext[ParamTable.SLOT_COUNT];
    private final int[] states = new int[ParamTable.SLOT_COUNT];
    private final long[] timerDeadlineNs = new long[ParamTable.SLOT_COUNT];
    private final long[] eventCounts = new long[ParamTable.SLOT_COUNT];
    private final Throwable[] faults = new Throwable[ParamTable.SLOT_COUNT];
    private final long[] faultCounts = new long[ParamTable.SLOT_COUNT];
    private long currentSequence;
    private int liveSlots;

    /**
     * @param params     the parameter table the REPL sets.
     * @param orderEntry the order path, or null for an engine that does not trade (orders are refused).
     * @param books      the books.
     * @param clock      the duty cycle's clock.
     */
    public StrategySlots(
        final ParamTable params, final OrderGateway orderEntry, final OrderBooks books, final CachedNanoClock clock)
    {
        this.params = params;
        this.orderEntry = orderEntry;
        this.books = books;
        this.clock = clock;
        for (int i = 0; i < ParamTable.SLOT_COUNT; i++)
        {
            contexts[i] = new SlotContext(i);
            timerDeadlineNs[i] = NO_TIMER;
        }
    }

    /**
     * Put a strategy in an empty slot and start it (assembly, or the hot thread between events).
     *
     * @param slot     0..{@link ParamTable#SLOT_COUNT} - 1.
     * @param strategy the strategy.
     * @return true if started; false if the slot is taken or out of range, or the strategy threw in onStart
     * (the slot is then quarantined).
     */
    public boolean start(final int slot, final Strategy strategy)
    {
        if (slot < 0 || slot >= ParamTable.SLOT_COUNT || EMPTY != states[slot] || null == strategy)
        {
            return false;
        }
        strategies[slot] = strategy;
        states[slot] = LIVE;
        liveSlots++;
        try
        {
            strategy.onStart(contexts[slot]);
            return true;
        }
        catch (final Throwable ex)
        {
            quarantine(slot, ex);
            return false;
        }
    }

    /**
     * Stop a slot's strategy and empty the slot; its open orders stay (cancel them through the order entry).
     *
     * @param slot the slot.
     * @return the strategy that was there, or null.
     */
    public Strategy stop(final int slot)
    {
        if (slot < 0 || slot >= ParamTable.SLOT_COUNT || EMPTY == states[slot])
        {
            return null;
        }
        final Strategy strategy = strategies[slot];
        if (LIVE == states[slot] || PAUSED == states[slot])
        {
            if (LIVE == states[slot])
            {
                liveSlots--;
            }
            try
            {
                strategy.onStop();
            }
            catch (final Throwable ex)
            {
                faults[slot] = ex;
                faultCounts[slot]++;
            }
        }
        strategies[slot] = null;
        states[slot] = EMPTY;
        timerDeadlineNs[slot] = NO_TIMER;
        return strategy;
    }

    /**
     * Apply a change from core 0 between two events (the hot thread, on a STRATEGY command); the outcome is
     * written into the change. A swap: the old version's onStop, saveState into a transfer buffer, the new
     * version's loadState and onStart; the old version is kept for {@link StrategyChange#ROLLBACK}. A version
     * that throws during the change is reported and either nothing changes (state transfer) or the slot is
     * quarantined (onStart).
     *
     * @param change the change.
     */
    public void apply(final StrategyChange change)
    {
        final long startNs = System.nanoTime();
        applyChange(change);
        change.applyNanos(System.nanoTime() - startNs);
    }

    private void applyChange(final StrategyChange change)
    {
        final int slot = change.slot();
        if (slot < 0 || slot >= ParamTable.SLOT_COUNT)
        {
            change.complete(StrategyChange.BAD_SLOT, null, null, 0);
            return;
        }
        switch (change.kind())
        {
            case StrategyChange.SWAP:
                swap(change, change.next());
                break;
            case StrategyChange.ROLLBACK:
                if (null == previous[slot])
                {
                    change.complete(StrategyChange.WRONG_STATE, null, null, 0);
                    return;
                }
                swap(change, previous[slot]);
                break;
            case StrategyChange.PAUSE:
                if (LIVE != states[slot])
                {
                    change.complete(StrategyChange.WRONG_STATE, null, null, 0);
                    return;
                }
                states[slot] = PAUSED;
                liveSlots--;
                change.complete(StrategyChange.OK, null, null, 0);
                break;
            case StrategyChange.RESUME:
                if (PAUSED != states[slot])
                {
                    change.complete(StrategyChange.WRONG_STATE, null, null, 0);
                    return;
                }
                states[slot] = LIVE;
                liveSlots++;
                change.complete(StrategyChange.OK, null, null, 0);
                break;
            case StrategyChange.UNLOAD:
                if (EMPTY == states[slot])
                {
                    change.complete(StrategyChange.WRONG_STATE, null, null, 0);
                    return;
                }
                final Strategy unloaded = strategies[slot];
                stop(slot);
                previous[slot] = unloaded;
                cancelOrders(slot);
                change.complete(StrategyChange.OK, unloaded, null, 0);
                break;
            default:
                change.complete(StrategyChange.BAD_CHANGE, null, null, 0);
                break;
        }
    }

    private void swap(final StrategyChange change, final Strategy next)
    {
        final int slot = change.slot();
        final int policy = change.orderPolicy();
        if (null == next || (StrategyChange.CANCEL_ORDERS != policy && StrategyChange.HAND_OVER_ORDERS != policy))
        {
            change.complete(StrategyChange.BAD_CHANGE, null, null, 0);
            return;
        }
        final Strategy old = strategies[slot];
        int stateBytes = 0;
        if (null != old && QUARANTINED != states[slot])
        {
            try
            {
                stateBytes = old.saveState(stateBuffer, 0);
            }
            catch (final Throwable ex)
            {
                change.complete(StrategyChange.STATE_TRANSFER_FAILED, null, ex, 0);
                return;
            }
            if (stateBytes < 0 || stateBytes > MAX_STATE_BYTES)
            {
                change.complete(StrategyChange.STATE_TOO_LARGE, null, null, stateBytes);
                return;
            }
        }
        try
        {
            next.loadState(stateBuffer, 0, stateBytes);
        }
        catch (final Throwable ex)
        {
            change.complete(StrategyChange.STATE_TRANSFER_FAILED, null, ex, stateBytes);
            return;
        }

        if (null != old)
        {
            stop(slot);
            previous[slot] = old;
            if (StrategyChange.CANCEL_ORDERS == policy)
            {
                cancelOrders(slot);
            }
        }
        faults[slot] = null;
        rollbackOnFault[slot] = change.isRollbackOnFault() && null != old;
        if (start(slot, next))
        {
            change.complete(StrategyChange.OK, old, null, stateBytes);
        }
        else
        {
            change.complete(StrategyChange.START_FAILED, old, faults[slot], stateBytes);
        }
    }

    private void cancelOrders(final int slot)
    {
        if (null != orderEntry)
        {
            orderEntry.cancelSlot(slot, clock.nanoTime());
        }
    }

    /**
     * Compile the change path before it is needed (core 0, at engine start): a swap is rare, so without this the
     * hot thread would run its first swaps interpreted, for tens of microseconds each. Swaps and rolls back
     * do-nothing strategies in a scratch set of slots until the JIT has compiled the path.
     *
     * @param books any books (the scratch slots only read them).
     * @param times swaps and rollbacks to run (10,000 or more reach the optimizing compiler).
     */
    public static void warmChangePath(final OrderBooks books, final int times)
    {
        final StrategySlots scratch = new StrategySlots(new ParamTable(), null, books, new CachedNanoClock());
        // Several strategy classes, so that the call sites into strategies compile as megamorphic: a real swap
        // brings a class the JIT has never seen, which must not hit a speculation trap and deoptimize.
        final Strategy[] versions = { new Noop(), new Noop() { }, new Noop() { }, new Noop() { } };
        scratch.apply(new StrategyChange(StrategyChange.SWAP, 0, versions[0], StrategyChange.HAND_OVER_ORDERS));
        for (int i = 0; i < times; i++)
        {
            final Strategy next = versions[1 + (i % (versions.length - 1))];
            scratch.apply(new StrategyChange(StrategyChange.SWAP, 0, next, StrategyChange.HAND_OVER_ORDERS));
            scratch.apply(new StrategyChange(StrategyChange.ROLLBACK, 0, null, StrategyChange.CANCEL_ORDERS));
            scratch.apply(new StrategyChange(StrategyChange.PAUSE, 0, null, 0));
            scratch.apply(new StrategyChange(StrategyChange.RESUME, 0, null, 0));
        }
    }

    /** Does nothing: the strategies of the warm-up. */
    private static class Noop implements Strategy
    {
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

    /**
     * @param slot a slot.
     * @return the version that was there before the last swap or unload, or null.
     */
    public Strategy previous(final int slot)
    {
        return previous[slot];
    }

    /** {@inheritDoc} */
    public void onMarketMessage(
        final DirectBuffer buffer, final int offset, final int length, final long sequenceNumber, final long frameNs)
    {
        if (0 == liveSlots)
        {
            return;
        }
        final byte type = buffer.getByte(offset);
        final boolean bookUpdate;
        long shares = 0;
        long price = 0;
        switch (type)
        {
            case 'A':
            case 'F':
            case 'X':
            case 'D':
            case 'U':
            case 'H':
                bookUpdate = true;
                break;
            case 'E':
                bookUpdate = true;
                shares = uint32(buffer, offset + SHARES_OFFSET_EXECUTED);
                break;
            case 'C':
                bookUpdate = true;
                shares = uint32(buffer, offset + SHARES_OFFSET_EXECUTED);
                price = uint32(buffer, offset + PRICE_OFFSET_EXECUTED_WITH_PRICE);
                break;
            case 'P':
                bookUpdate = false;
                shares = uint32(buffer, offset + SHARES_OFFSET_TRADE);
                price = uint32(buffer, offset + PRICE_OFFSET_TRADE);
                break;
            default:
                return;
        }
        final int locate = buffer.getShort(offset + 1, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        final BookView book = books.book(locate);
        if ('E' == type)
        {
            price = book.lastTradePrice();
        }

        currentSequence = sequenceNumber;
        if (null != orderEntry)
        {
            orderEntry.tick(frameNs);
        }
        for (int slot = 0; slot < ParamTable.SLOT_COUNT; slot++)
        {
            if (LIVE != states[slot])
            {
                continue;
            }
            final Strategy strategy = strategies[slot];
            eventCounts[slot]++;
            try
            {
                if (bookUpdate)
                {
                    strategy.onBookUpdate(locate, book);
                }
                if (shares > 0)
                {
                    strategy.onTrade(locate, shares, price);
                }
            }
            catch (final Throwable ex)
            {
                quarantine(slot, ex);
            }
        }
        currentSequence = 0;
    }

    /** {@inheritDoc} */
    public void onFrameDone()
    {
        if (null != orderEntry)
        {
            orderEntry.tick(0);
        }
    }

    /**
     * Fire the timers that are due (once per duty cycle).
     *
     * @param nowNs the duty cycle's time.
     * @return timers fired.
     */
    public int onTimer(final long nowNs)
    {
        if (0 == liveSlots)
        {
            return 0;
        }
        int fired = 0;
        for (int slot = 0; slot < ParamTable.SLOT_COUNT; slot++)
        {
            if (LIVE == states[slot] && nowNs >= timerDeadlineNs[slot])
            {
                timerDeadlineNs[slot] = NO_TIMER;
                fired++;
                try
                {
                    strategies[slot].onTimer(nowNs);
                }
                catch (final Throwable ex)
                {
                    quarantine(slot, ex);
                }
            }
        }
        return fired;
    }

    /** {@inheritDoc} */
    public void onOrderUpdate(final int strategySlot, final long userRefNum, final OrderState from, final OrderState to)
    {
        if (strategySlot >= 0 && strategySlot < ParamTable.SLOT_COUNT &&
            (LIVE == states[strategySlot] || PAUSED == states[strategySlot]))
        {
            try
            {
                strategies[strategySlot].onOrderUpdate(userRefNum, from, to);
            }
            catch (final Throwable ex)
            {
                quarantine(strategySlot, ex);
            }
        }
    }

    /** {@inheritDoc} */
    public void onFill(
        final int strategySlot, final long userRefNum, final int stockLocate, final byte side, final long shares,
        final long price)
    {
        if (strategySlot >= 0 && strategySlot < ParamTable.SLOT_COUNT &&
            (LIVE == states[strategySlot] || PAUSED == states[strategySlot]))
        {
            try
            {
                strategies[strategySlot].onFill(userRefNum, stockLocate, side, shares, price);
            }
            catch (final Throwable ex)
            {
                quarantine(strategySlot, ex);
            }
        }
    }

    /**
     * @param slot a slot.
     * @return {@link #EMPTY}, {@link #LIVE}, {@link #PAUSED} or {@link #QUARANTINED}.
     */
    public int state(final int slot)
    {
        return states[slot];
    }

    /**
     * @param slot a slot.
     * @return its strategy, or null.
     */
    public Strategy strategy(final int slot)
    {
        return strategies[slot];
    }

    /**
     * @param slot a slot.
     * @return the last fault it threw, or null.
     */
    public Throwable fault(final int slot)
    {
        return faults[slot];
    }

    /**
     * @param slot a slot.
     * @return faults caught in it.
     */
    public long faultCount(final int slot)
    {
        return faultCounts[slot];
    }

    /**
     * @param slot a slot.
     * @return market data events delivered to it.
     */
    public long eventCount(final int slot)
    {
        return eventCounts[slot];
    }

    /**
     * @param slot a slot.
     * @return the slot's context (for tests and tools).
     */
    public StrategyContext context(final int slot)
    {
        return contexts[slot];
    }

    private void quarantine(final int slot, final Throwable ex)
    {
        faults[slot] = ex;
        faultCounts[slot]++;
        if (LIVE == states[slot])
        {
            liveSlots--;
        }
        states[slot] = QUARANTINED;
        timerDeadlineNs[slot] = NO_TIMER;
        try
        {
            strategies[slot].onStop();
        }
        catch (final Throwable ignore)
        {
            // The strategy is already quarantined for its first fault; a second one in onStop changes nothing.
        }
        if (null != orderEntry)
        {
            orderEntry.cancelSlot(slot, clock.nanoTime());
        }
        if (rollbackOnFault[slot] && null != previous[slot])
        {
            // Configured at the swap: back to the version this one replaced, with no state (the faulty version's
            // state is not trusted), at this same event boundary.
            rollbackOnFault[slot] = false;
            rollbacksOnFault[slot]++;
            final Strategy faulty = strategies[slot];
            final Strategy back = previous[slot];
            strategies[slot] = null;
            states[slot] = EMPTY;
            previous[slot] = faulty;
            try
            {
                back.loadState(stateBuffer, 0, 0);
            }
            catch (final Throwable ignore)
            {
                // Starting without state is what a version must cope with anyway.
            }
            start(slot, back);
        }
    }

    /**
     * @param slot a slot.
     * @return times a fault rolled the slot back to its previous version.
     */
    public long rollbacksOnFault(final int slot)
    {
        return rollbacksOnFault[slot];
    }

    private static long uint32(final DirectBuffer buffer, final int index)
    {
        return buffer.getInt(index, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
    }

    private final class SlotContext implements StrategyContext
    {
        private final int slot;

        SlotContext(final int slot)
        {
            this.slot = slot;
        }

        public int slot()
        {
            return slot;
        }

        public long nowNs()
        {
            return clock.nanoTime();
        }

        public BookView book(final int stockLocate)
        {
            return books.book(stockLocate);
        }

        public int locateOf(final CharSequence symbol)
        {
            // The books answer -1 for an unknown symbol; the context promises 0, never a valid locate.
            return Math.max(0, books.locateOf(symbol));
        }

        public long param(final CharSequence key, final long defaultValue)
        {
            final int index = params.indexOf(slot, key);
            return index < 0 ? defaultValue : params.value(slot, index);
        }

        public long paramsVersion()
        {
            return params.version();
        }

        public long position(final int stockLocate)
        {
            return null == orderEntry ? 0 : orderEntry.position(slot, stockLocate);
        }

        public OrderState orderState(final long userRefNum)
        {
            return null == orderEntry ? OrderState.NONE : orderEntry.orderState(slot, userRefNum);
        }

        public int tradingState()
        {
            return null == orderEntry ? TradingState.HALTED : orderEntry.tradingState();
        }

        public int openOrders()
        {
            return null == orderEntry ? 0 : orderEntry.openOrders(slot);
        }

        public long enter(
            final int stockLocate, final byte side, final long quantity, final long price, final byte timeInForce)
        {
            return enter(stockLocate, side, quantity, price, timeInForce, 0);
        }

        public long enter(
            final int stockLocate,
            final byte side,
            final long quantity,
            final long price,
            final byte timeInForce,
            final long triggerSequence)
        {
            if (LIVE != states[slot])
            {
                return -EntryResult.NOT_OWN_ORDER;
            }
            if (null == orderEntry)
            {
                return -EntryResult.NO_ORDER_ENTRY;
            }
            return orderEntry.enter(
                slot, stockLocate, side, quantity, price, timeInForce, triggerSequence, clock.nanoTime());
        }

        public int cancel(final long userRefNum)
        {
            if (null == orderEntry)
            {
                return EntryResult.NO_ORDER_ENTRY;
            }
            return orderEntry.cancel(slot, userRefNum, clock.nanoTime());
        }

        public long currentSequence()
        {
            return currentSequence;
        }

        public void scheduleTimer(final long deadlineNs)
        {
            timerDeadlineNs[slot] = deadlineNs;
        }
    }
}
