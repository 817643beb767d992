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
}
