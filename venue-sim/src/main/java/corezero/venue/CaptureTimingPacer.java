package corezero.venue;

/**
 * Paces a capture by its own ITCH timestamps, scaled by a speed factor: the wall-clock gap before a message is the
 * capture's gap divided by the speed, capped at a maximum idle time so that a quiet stretch of the trading day does
 * not stop the feed for minutes. Due times accumulate from the previous message's, so the schedule follows the
 * capture exactly however often it is polled. A gap that is negative (timestamps going back, or a loop back to the
 * start of the capture) or unknown (a message shorter than the ITCH header) counts as none.
 * <p>
 * As with {@link MessagePacer}, a stall turns into at most {@link MessagePacer#MAX_CATCH_UP_NS} of backlog: the rest
 * of the schedule moves later instead of arriving as a burst. Reads time only from its caller's clock.
 */
public final class CaptureTimingPacer implements Pacer
{
    /** Slowest replay accepted: a thousand times slower than the capture. */
    public static final double MIN_SPEED = 0.001;

    /** Fastest replay accepted. */
    public static final double MAX_SPEED = 1_000_000;

    private final BinaryFileCapture capture;
    private final double speed;
    private final long maxIdleNs;
    private final boolean loop;
    private final int messageCount;
    private int nextIndex;
    private long nextDueNs;
    private long consumed;

    /**
     * @param capture   whose messages are paced, at least one.
     * @param speed     {@link #MIN_SPEED} to {@link #MAX_SPEED}: 10 replays ten times faster than the capture.
     * @param maxIdleNs longest wall-clock gap between two messages, 0 or more.
     * @param loop      whether the capture repeats after its last message.
     */
    public CaptureTimingPacer(final BinaryFileCapture capture, final double speed, final long maxIdleNs, final boolean loop)
    {
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED))
        {
            throw new IllegalArgumentException("speed must be " + MIN_SPEED + ".." + MAX_SPEED + ", got " + speed);
        }
        if (maxIdleNs < 0)
        {
            throw new IllegalArgumentException("maxIdleNs must not be negative, got " + maxIdleNs);
        }
        if (capture.messageCount() < 1)
        {
            throw new IllegalArgumentException(capture.name() + ": the capture holds no messages");
        }

        this.capture = capture;
        this.speed = speed;
        this.maxIdleNs = maxIdleNs;
        this.loop = loop;
        this.messageCount = capture.messageCount();
    }

    /**
     * {@inheritDoc}
     */
    public void start(final long nowNs)
    {
        nextIndex = 0;
        nextDueNs = nowNs;
        consumed = 0;
    }

    /**
     * {@inheritDoc}
     */
    public void start(final long nowNs, final int firstIndex)
    {
        start(nowNs);
        nextIndex = firstIndex % messageCount;
        consumed = firstIndex;
    }

    /**
     * {@inheritDoc}
     */
    public int available(final long nowNs, final int maxMessages)
    {
        if (nowNs - nextDueNs > MessagePacer.MAX_CATCH_UP_NS)
        {
            nextDueNs = nowNs - MessagePacer.MAX_CATCH_UP_NS;
        }

        final long limit = loop ? maxMessages : Math.min(maxMessages, messageCount - consumed);
        int due = 0;
        int index = nextIndex;
        long dueNs = nextDueNs;
        while (due < limit && dueNs - nowNs <= 0)
        {
            due++;
            final int following = following(index);
            dueNs += wallGapNs(index, following);
            index = following;
        }

        return due;
    }

    /**
     * {@inheritDoc}
     */
    public void consume(final int messages)
    {
        for (int i = 0; i < messages; i++)
        {
            final int following = following(nextIndex);
            nextDueNs += wallGapNs(nextIndex, following);
            nextIndex = following;
        }
        consumed += messages;
    }

    /**
     * @param fromIndex capture index of a message.
     * @param toIndex   capture index of the message after it.
     * @return the wall-clock nanoseconds between the two: the capture's gap divided by the speed, capped.
     */
    long wallGapNs(final int fromIndex, final int toIndex)
    {
        final long fromNs = timestampNs(fromIndex);
        final long toNs = timestampNs(toIndex);
        if (ItchHeaderDescriptor.NO_TIMESTAMP == fromNs || ItchHeaderDescriptor.NO_TIMESTAMP == toNs || toNs <= fromNs)
        {
            return 0;
        }

        return Math.min(maxIdleNs, Math.round((toNs - fromNs) / speed));
    }

    /**
     * @return the speed factor.
     */
    public double speed()
    {
        return speed;
    }

    /**
     * @return the longest wall-clock gap between two messages.
     */
    public long maxIdleNs()
    {
        return maxIdleNs;
    }

    private long timestampNs(final int index)
    {
        return ItchHeaderDescriptor.timestampNs(
            capture.buffer(), capture.messageOffset(index), capture.messageLength(index));
    }

    private int following(final int index)
    {
        return index + 1 == messageCount ? 0 : index + 1;
    }
}
