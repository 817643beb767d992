package corezero.strategy;

import corezero.core.ParamTable;
import corezero.order.Orders;

/**
 * A copy of the strategy slots for the REPL's {@code (strategies)}: per slot its state, the strategy and the
 * previous version (object references: core 0 names them), events delivered, faults caught and the last one, and
 * open orders. Filled by the hot thread on a SNAPSHOT command without allocating.
 */
public final class StrategySlotsSnapshot
{
    private final int[] states = new int[ParamTable.SLOT_COUNT];
    private final Strategy[] strategies = new Strategy[ParamTable.SLOT_COUNT];
    private final Strategy[] previous = new Strategy[ParamTable.SLOT_COUNT];
    private final long[] events = new long[ParamTable.SLOT_COUNT];
    private final long[] faultCounts = new long[ParamTable.SLOT_COUNT];
    private final Throwable[] faults = new Throwable[ParamTable.SLOT_COUNT];
    private final int[] openOrders = new int[ParamTable.SLOT_COUNT];
    private final long[] rollbacksOnFault = new long[ParamTable.SLOT_COUNT];
    private boolean filled;

    /**
     * Hot thread: copy the slots.
     *
     * @param slots  the strategy slots.
     * @param orders the order layer, or null when the engine does not trade.
     */
    public void fillFrom(final StrategySlots slots, final Orders orders)
    {
        for (int slot = 0; slot < ParamTable.SLOT_COUNT; slot++)
        {
            states[slot] = slots.state(slot);
            strategies[slot] = slots.strategy(slot);
            previous[slot] = slots.previous(slot);
            events[slot] = slots.eventCount(slot);
            faultCounts[slot] = slots.faultCount(slot);
            faults[slot] = slots.fault(slot);
            openOrders[slot] = null == orders ? 0 : orders.openOrdersOfStrategy(slot);
            rollbacksOnFault[slot] = slots.rollbacksOnFault(slot);
        }
        filled = true;
    }

    /** @return true once filled. */
    public boolean isFilled()
    {
        return filled;
    }

    /**
     * @param slot a slot.
     * @return {@link StrategySlots#EMPTY}, {@link StrategySlots#LIVE}, {@link StrategySlots#PAUSED} or
     * {@link StrategySlots#QUARANTINED}.
     */
    public int state(final int slot)
    {
        return states[slot];
    }

    /** @param slot a slot. @return its strategy, or null. */
    public Strategy strategy(final int slot)
    {
        return strategies[slot];
    }

    /** @param slot a slot. @return the version before the last swap or unload, or null. */
    public Strategy previous(final int slot)
    {
        return previous[slot];
    }

    /** @param slot a slot. @return market data events delivered to it. */
    public long events(final int slot)
    {
        return events[slot];
    }

    /** @param slot a slot. @return faults caught in it. */
    public long faultCount(final int slot)
    {
        return faultCounts[slot];
    }

    /** @param slot a slot. @return the last fault, or null. */
    public Throwable fault(final int slot)
    {
        return faults[slot];
    }

    /** @param slot a slot. @return times a fault rolled it back to its previous version. */
    public long rollbacksOnFault(final int slot)
    {
        return rollbacksOnFault[slot];
    }

    /** @param slot a slot. @return its open orders. */
    public int openOrders(final int slot)
    {
        return openOrders[slot];
    }

    /**
     * @param state a slot state code.
     * @return its name.
     */
    public static String stateName(final int state)
    {
        switch (state)
        {
            case StrategySlots.EMPTY: return "empty";
            case StrategySlots.LIVE: return "live";
            case StrategySlots.PAUSED: return "paused";
            case StrategySlots.QUARANTINED: return "quarantined";
            default: return "unknown";
        }
    }
}
