package corezero.venue;

/**
 * Drives a capture's messages through the {@link ExchangeCore} at the feed's pace (the same {@link Pacer} as the
 * replay mode: a fixed rate or the capture's own timing), instead of publishing them raw. Single-threaded.
 */
final class CaptureDriver
{
    /** Messages driven at most per duty cycle, so that orders on the same thread are not kept waiting. */
    static final int MAX_MESSAGES_PER_DUTY_CYCLE = 256;

    private final BinaryFileCapture capture;
    private final Pacer pacer;
    private final ExchangeCore core;
    private int nextIndex;

    /**
     * @param capture of the messages.
     * @param pacer   for the pace, fresh.
     * @param core    to drive them through.
     */
    CaptureDriver(final BinaryFileCapture capture, final Pacer pacer, final ExchangeCore core)
    {
        this.capture = capture;
        this.pacer = pacer;
        this.core = core;
    }

    void onStart(final long nowNs)
    {
        pacer.start(nowNs);
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
        for (int i = 0; i < due; i++)
        {
            core.onCaptureMessage(capture.buffer(), capture.messageOffset(nextIndex), capture.messageLength(nextIndex));
            nextIndex++;
        }
        pacer.consume(due);

        return due;
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
