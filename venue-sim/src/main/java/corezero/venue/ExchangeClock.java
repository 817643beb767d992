package corezero.venue;

import java.util.concurrent.TimeUnit;

/**
 * The exchange's time of day for ITCH and OUCH timestamps (nanoseconds since midnight), read from the injected
 * nanosecond clock once per duty cycle. It runs on from an anchor: at start the wall-clock time of day, then the
 * timestamp of each capture message as it is replayed, so that what the matching engine adds to a replayed capture
 * carries times that fit the capture's own.
 */
final class ExchangeClock
{
    static final long NANOS_PER_DAY = TimeUnit.DAYS.toNanos(1);

    private long anchorTimestampNs;
    private long anchorNanoTime;
    private long nowNanoTime;

    /**
     * @param timeOfDayNs   nanoseconds since midnight at {@code nanoTime}.
     * @param nanoTime      reading of the injected clock at that moment.
     */
    ExchangeClock(final long timeOfDayNs, final long nanoTime)
    {
        anchor(timeOfDayNs, nanoTime);
        this.nowNanoTime = nanoTime;
    }

    /**
     * @param epochMillis wall-clock time.
     * @return nanoseconds since midnight UTC.
     */
    static long timeOfDayNs(final long epochMillis)
    {
        return TimeUnit.MILLISECONDS.toNanos(Math.floorMod(epochMillis, TimeUnit.DAYS.toMillis(1)));
    }

    /**
     * @param nanoTime reading of the injected clock for this duty cycle.
     */
    void update(final long nanoTime)
    {
        nowNanoTime = nanoTime;
    }

    /**
     * @param timestampNs time of day of a replayed message.
     * @param nanoTime    when it was replayed.
     */
    void anchor(final long timestampNs, final long nanoTime)
    {
        anchorTimestampNs = timestampNs;
        anchorNanoTime = nanoTime;
    }

    /**
     * @return the injected clock's reading for this duty cycle.
     */
    long nanoTime()
    {
        return nowNanoTime;
    }

    /**
     * @return nanoseconds since midnight now.
     */
    long timestampNs()
    {
        return Math.floorMod(anchorTimestampNs + (nowNanoTime - anchorNanoTime), NANOS_PER_DAY);
    }
}
