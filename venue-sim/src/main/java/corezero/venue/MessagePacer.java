package corezero.venue;

import java.util.concurrent.TimeUnit;

/**
 * Paces messages to a fixed rate against time read from an injected clock. Credit accrues with elapsed time in units of
 * message-nanoseconds, so part-messages carry over and there is no rounding drift. A stall turns into at most
 * {@link #MAX_CATCH_UP_NS} of backlog, so that a paused process does not answer with a burst the receivers' socket
 * buffers cannot hold; a caller that polls less often than that loses the excess time, which is why the duty cycle
 * polls at least every millisecond.
 */
public final class MessagePacer implements Pacer
{
    /** Nanoseconds per second: the credit one message costs at a rate of one message per second. */
    static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Longest stretch of elapsed time that turns into credit, so the largest catch-up burst. */
    static final long MAX_CATCH_UP_NS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Highest rate accepted; it keeps {@code elapsed * rate} well inside a long. */
    public static final long MAX_MESSAGES_PER_SECOND = 1_000_000_000L;

    private final long messagesPerSecond;
    private final long maxCredit;
    private long lastNs;
    private long credit;

    /**
     * @param messagesPerSecond 1 to {@link #MAX_MESSAGES_PER_SECOND}.
     */
    public MessagePacer(final long messagesPerSecond)
    {
        if (messagesPerSecond < 1 || messagesPerSecond > MAX_MESSAGES_PER_SECOND)
        {
            throw new IllegalArgumentException(
                "rate must be 1.." + MAX_MESSAGES_PER_SECOND + " messages per second, got " + messagesPerSecond);
        }

        this.messagesPerSecond = messagesPerSecond;
        // Room for a part-message remainder on top of the catch-up, so that capping never eats a remainder.
        this.maxCredit = NANOS_PER_SECOND + MAX_CATCH_UP_NS * messagesPerSecond;
    }

    /**
     * {@inheritDoc}
     */
    public void start(final long nowNs)
    {
        lastNs = nowNs;
        credit = NANOS_PER_SECOND;
    }

    /**
     * {@inheritDoc}
     */
    public int available(final long nowNs, final int maxMessages)
    {
        final long elapsedNs = nowNs - lastNs;
        if (elapsedNs > 0)
        {
            credit = Math.min(maxCredit, credit + Math.min(elapsedNs, MAX_CATCH_UP_NS) * messagesPerSecond);
            lastNs = nowNs;
        }

        return (int)Math.min(maxMessages, credit / NANOS_PER_SECOND);
    }

    /**
     * {@inheritDoc}
     */
    public void consume(final int messages)
    {
        credit -= messages * NANOS_PER_SECOND;
    }

    /**
     * @return the rate in messages per second.
     */
    public long messagesPerSecond()
    {
        return messagesPerSecond;
    }
}
