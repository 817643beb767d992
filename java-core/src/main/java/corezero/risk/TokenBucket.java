package corezero.risk;

/**
 * Order-rate throttle: a token bucket on the injected nanosecond clock, in integers only. The bucket counts
 * token-nanoseconds-per-second ("units", a billion to a token), so that {@code elapsedNs × refillPerSecond}
 * units are added exactly: the fraction of a token earned between two calls is kept, and refilling in many
 * small steps gives the same count as in one step (no drift).
 * <p>
 * Capacity and rate are passed on every call, read from {@link RiskLimits}, so a limit change takes effect at the
 * next call without telling the bucket: tokens above a lowered capacity are dropped; a raised capacity is earned
 * at the refill rate, not granted at once. The time since the previous call is refilled at the rate in force
 * now. A capacity of 0 never holds a whole token: nothing passes, whatever the rate. The bucket starts full at
 * its first call. A clock that goes backwards adds nothing and the bucket waits
 * for the clock to pass its last time again.
 */
public final class TokenBucket
{
    /** Units in one token. */
    public static final long UNITS_PER_TOKEN = 1_000_000_000L;

    private long units;
    private long lastNs;
    private boolean started;

    /**
     * Refill up to {@code nowNs}, then take one token if there is one.
     *
     * @param capacity        bucket size in tokens, 0..{@link RiskLimits#MAX_THROTTLE}.
     * @param refillPerSecond tokens gained per second, 0..{@link RiskLimits#MAX_THROTTLE}.
     * @param nowNs           the injected clock's time.
     * @return true if a token was taken.
     */
    public boolean tryAcquire(final long capacity, final long refillPerSecond, final long nowNs)
    {
        refill(capacity, refillPerSecond, nowNs);
        if (units >= UNITS_PER_TOKEN)
        {
            units -= UNITS_PER_TOKEN;
            return true;
        }
        return false;
    }

    /**
     * Refill up to {@code nowNs} without taking a token.
     *
     * @param capacity        bucket size in tokens, 0..{@link RiskLimits#MAX_THROTTLE}.
     * @param refillPerSecond tokens gained per second, 0..{@link RiskLimits#MAX_THROTTLE}.
     * @param nowNs           the injected clock's time.
     */
    public void refill(final long capacity, final long refillPerSecond, final long nowNs)
    {
        final long capacityUnits = capacity * UNITS_PER_TOKEN;
        if (!started)
        {
            started = true;
            units = capacityUnits;
            lastNs = nowNs;
            return;
        }
        if (units > capacityUnits)
        {
            units = capacityUnits;
        }
        if (nowNs > lastNs)
        {
            // The difference of two longs can overflow: such a gap fills any bucket.
            final long elapsedNs = nowNs - lastNs;
            final long deficit = capacityUnits - units;
            final long gained = elapsedNs * refillPerSecond;
            if (elapsedNs < 0 || Math.multiplyHigh(elapsedNs, refillPerSecond) != 0 || gained < 0 ||
                gained >= deficit)
            {
                units = capacityUnits;
            }
            else
            {
                units += gained;
            }
            lastNs = nowNs;
        }
    }

    /** @return whole tokens held as of the last call. */
    public long tokens()
    {
        return units / UNITS_PER_TOKEN;
    }

    /** @return units held as of the last call ({@link #UNITS_PER_TOKEN} to a token). */
    public long units()
    {
        return units;
    }

    /** Forget the state: the next call finds the bucket full. */
    public void reset()
    {
        started = false;
        units = 0;
        lastNs = 0;
    }
}
