package corezero.core;

import org.agrona.DirectBuffer;

/**
 * What the {@link CommandAdapter} calls once a command has been decoded and its layout checked. Implemented
 * by the agent that owns the state; each method runs on the hot thread, returns a {@link RejectReason} code
 * ({@link RejectReason#NONE} when applied) and never throws or allocates.
 */
public interface CommandListener
{
    /**
     * Assign the next input sequence number to a command being applied.
     *
     * @return the sequence number.
     */
    long nextInputSequence();

    /** @return current {@link EngineState}. */
    int engineState();

    /** @return reason code. */
    int onPause();

    /** @return reason code. */
    int onResume();

    /** @return reason code. */
    int onShutdown();

    /**
     * @param slot      strategy slot, not yet range-checked.
     * @param buffer    buffer holding the key.
     * @param keyOffset offset of the key.
     * @param keyLength key length, already checked for size and bytes.
     * @param value     new value.
     * @return reason code.
     */
    int onSetParam(int slot, DirectBuffer buffer, int keyOffset, int keyLength, long value);

    /**
     * @param handOffIndex index into the hand-off slots.
     * @return reason code.
     */
    int onSnapshot(int handOffIndex);

    /**
     * Set a risk limit, or the trading state under the key "trading-state".
     *
     * @param buffer    holding the key.
     * @param keyOffset first key byte.
     * @param keyLength key bytes.
     * @param value     new value.
     * @return {@link RejectReason#NONE} or the reason for refusing.
     */
    int onSetLimit(DirectBuffer buffer, int keyOffset, int keyLength, long value);

    /**
     * Kill switch on: HALTED and cancel all.
     *
     * @return {@link RejectReason#NONE} or the reason for refusing.
     */
    int onKill();

    /**
     * Kill switch off: ACTIVE.
     *
     * @return {@link RejectReason#NONE} or the reason for refusing.
     */
    int onUnkill();

    /**
     * Cancel every open order.
     *
     * @return {@link RejectReason#NONE} or the reason for refusing.
     */
    int onCancelAll();

    /**
     * Cancel an instrument's open orders and close its position.
     *
     * @param buffer       holding the symbol.
     * @param symbolOffset first symbol byte.
     * @param symbolLength symbol bytes.
     * @return {@link RejectReason#NONE} or the reason for refusing.
     */
    int onFlatten(DirectBuffer buffer, int symbolOffset, int symbolLength);

    /**
     * Apply the strategy change in a hand-off slot; its outcome is written into it.
     *
     * @param handOffIndex the slot holding a {@link corezero.strategy.StrategyChange}.
     * @return {@link RejectReason#NONE} once applied (whatever its outcome), or the reason it could not be.
     */
    int onStrategyChange(int handOffIndex);
}
