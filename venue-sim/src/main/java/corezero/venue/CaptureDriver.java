package corezero.venue;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Drives a capture's messages through the {@link ExchangeCore} at the feed's pace (the same {@link Pacer} as the
 * replay mode: a fixed rate or the capture's own timing), instead of publishing them raw. What one duty cycle
 * publishes is a capture batch of the {@link ItchJournal}, written with the number of capture messages driven so
 * far, so that a restarted venue goes on from exactly there. Single-threaded.
 */
final class CaptureDriver
{
    /** Messages driven at most per duty cycle, so that orders on the same thread are not kept waiting. */
    static final int MAX_MESSAGES_PER_DUTY_CYCLE = 256;

    private final BinaryFileCapture capture;
    private final Pacer pacer;
    private final ExchangeCore core;
    private final ItchJournal journal;
    private int nextIndex;

    /**
     * @param capture    of the messages.
     * @param pacer      for the pace, fresh.
     * @param core       to drive them through.
     * @param journal    the feed's, to write each duty cycle's messages and position to.
     * @param firstIndex capture messages already driven before a restart, 0 for a fresh start.
     */
    CaptureDriver(
        final BinaryFileCapture capture,
        final Pacer pacer,
        final ExchangeCore core,
        final ItchJournal journal,
        final int firstIndex)
    {
        this.capture = capture;
        this.pacer = pacer;
        this.core = core;
        this.journal = journal;
        this.nextIndex = Math.max(0, Math.min(firstIndex, capture.messageCount()));
    }

    void onStart(final long nowNs)
    {
        pacer.start(nowNs, nextIndex);
    }

    /**
     * @param nowNs the exchange's time.
     * @return messages driven.
     */
    int doWork(final long nowNs)
    {
        final int remaining = capture.messageCount() - nextIndex;
        if (0 == remaining)
        {
            return 0;
        }

        final int due = pacer.available(nowNs, Math.min(remaining, MAX_MESSAGES_PER_DUTY_CYCLE));
        if (0 == due)
        {
            return 0;
        }

        journal.beginCaptureBatch();
        try
        {
            for (int i = 0; i < due; i++)
            {
                core.onCaptureMessage(
                    capture.buffer(), capture.messageOffset(nextIndex), capture.messageLength(nextIndex));
                nextIndex++;
            }
        }
        finally
        {
            endBatch();
        }
        pacer.consume(due);

        return due;
    }

    private void endBatch()
    {
        try
        {
            journal.endCaptureBatch(nextIndex);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the ITCH journal " + journal.path(), ex);
        }
    }

    /**
     * @return true once every message has been driven.
     */
    boolean isComplete()
    {
        return nextIndex == capture.messageCount();
    }

    /**
     * @return messages driven so far.
     */
    int driven()
    {
        return nextIndex;
    }
}
