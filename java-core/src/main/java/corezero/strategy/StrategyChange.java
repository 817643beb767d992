package corezero.strategy;

/**
 * A change to one strategy slot, made by core 0 and handed to the hot thread through the hand-off slots with a
 * STRATEGY command; the hot thread applies it between two events and writes the outcome back here before it
 * replies. Core 0 reads the outcome after the reply (the reply ring orders the writes).
 * <pre>
 *  core 0: new StrategyChange(SWAP, slot, next, CANCEL_ORDERS) ─► hand-off slot ─► STRATEGY command
 *  hot:    StrategySlots.apply(change): old.onStop, old.saveState → next.loadState, next.onStart ─► reply
 *  core 0: change.outcome(), change.previous(), change.inputSequence()
 * </pre>
 */
public final class StrategyChange
{
    /** Replace the slot's strategy (or start one in an empty slot), carrying its state over. */
    public static final int SWAP = 1;

    /** Stop delivering events to the slot; its orders stay. */
    public static final int PAUSE = 2;

    /** Deliver events to a paused slot again. */
    public static final int RESUME = 3;

    /** Stop the slot's strategy, cancel its orders and empty the slot (the strategy is kept for rollback). */
    public static final int UNLOAD = 4;

    /** Go back to the slot's previous strategy the way {@link #SWAP} goes forward. */
    public static final int ROLLBACK = 5;

    /** Open orders of the old version are cancelled at the swap. */
    public static final int CANCEL_ORDERS = 1;

    /** Open orders of the old version stay with the slot: the new version gets their updates. */
    public static final int HAND_OVER_ORDERS = 2;

    /** Applied. */
    public static final int OK = 0;

    /** The slot is out of range. */
    public static final int BAD_SLOT = 1;

    /** The change does not apply to the slot's state (e.g. resume of a live slot, rollback with no previous). */
    public static final int WRONG_STATE = 2;

    /** The old version threw in saveState, or the new one in loadState: nothing changed. */
    public static final int STATE_TRANSFER_FAILED = 3;

    /** The new version threw in onStart: the slot is quarantined (its orders cancelled). */
    public static final int START_FAILED = 4;

    /** The state the old version saved does not fit the transfer buffer: nothing changed. */
    public static final int STATE_TOO_LARGE = 5;

    /** A bad kind, order policy or a missing strategy. */
    public static final int BAD_CHANGE = 6;

    private final int kind;
    private final int slot;
    private final Strategy next;
    private final int orderPolicy;
    private boolean rollbackOnFault;

    private int outcome = -1;
    private Strategy previous;
    private Throwable failure;
    private int stateBytes;
    private long inputSequence;
    private long applyNanos;

    /**
     * @param kind        {@link #SWAP}, {@link #PAUSE}, {@link #RESUME}, {@link #UNLOAD} or {@link #ROLLBACK}.
     * @param slot        the strategy slot.
     * @param next        the new version for {@link #SWAP}, else null.
     * @param orderPolicy {@link #CANCEL_ORDERS} or {@link #HAND_OVER_ORDERS} for {@link #SWAP} and
     *                    {@link #ROLLBACK}.
     */
    public StrategyChange(final int kind, final int slot, final Strategy next, final int orderPolicy)
    {
        this.kind = kind;
        this.slot = slot;
        this.next = next;
        this.orderPolicy = orderPolicy;
    }

    /**
     * @param outcome a code of this class.
     * @return a short description.
     */
    public static String describe(final int outcome)
    {
        switch (outcome)
        {
            case OK: return "applied";
            case BAD_SLOT: return "strategy slot out of range";
            case WRONG_STATE: return "the change does not apply to the slot's state";
            case STATE_TRANSFER_FAILED: return "state transfer failed (saveState or loadState threw); nothing changed";
            case START_FAILED: return "the new version threw in onStart; the slot is quarantined";
            case STATE_TOO_LARGE: return "the saved state does not fit the transfer buffer; nothing changed";
            case BAD_CHANGE: return "bad change (kind, order policy or strategy missing)";
            default: return "not applied";
        }
    }

    /**
     * For {@link #SWAP}: if the new version throws on the hot thread later, go back to the version it replaced at
     * once (its orders cancelled, the previous version started with no state) instead of leaving the slot
     * quarantined.
     *
     * @return this change.
     */
    public StrategyChange rollbackOnFault()
    {
        this.rollbackOnFault = true;
        return this;
    }

    /** @return true when a fault of the new version rolls the slot back. */
    public boolean isRollbackOnFault()
    {
        return rollbackOnFault;
    }

    /** @return the kind of change. */
    public int kind()
    {
        return kind;
    }

    /** @return the slot. */
    public int slot()
    {
        return slot;
    }

    /** @return the new version, or null. */
    public Strategy next()
    {
        return next;
    }

    /** @return what happens to the old version's open orders. */
    public int orderPolicy()
    {
        return orderPolicy;
    }

    /** @return the outcome code, -1 before the hot thread applied it. */
    public int outcome()
    {
        return outcome;
    }

    /** @return the version that left the slot (kept for rollback), or null. */
    public Strategy previous()
    {
        return previous;
    }

    /** @return what a strategy threw during the change, or null. */
    public Throwable failure()
    {
        return failure;
    }

    /** @return bytes of state carried from the old version to the new one. */
    public int stateBytes()
    {
        return stateBytes;
    }

    /** @return how long the hot thread spent applying the change (its stall), ns. */
    public long applyNanos()
    {
        return applyNanos;
    }

    void applyNanos(final long applyNanos)
    {
        this.applyNanos = applyNanos;
    }

    /** @return the input sequence at which the change took effect (set by the engine). */
    public long inputSequence()
    {
        return inputSequence;
    }

    void complete(final int outcome, final Strategy previous, final Throwable failure, final int stateBytes)
    {
        this.outcome = outcome;
        this.previous = previous;
        this.failure = failure;
        this.stateBytes = stateBytes;
    }

    /**
     * Set by the agent: the input sequence of the command that applied the change.
     *
     * @param inputSequence the sequence.
     */
    public void inputSequence(final long inputSequence)
    {
        this.inputSequence = inputSequence;
    }
}
