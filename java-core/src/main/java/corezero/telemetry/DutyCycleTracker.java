package corezero.telemetry;

import org.agrona.concurrent.status.AtomicCounter;

/**
 * Tracks the time between successive duty cycles of one agent: the maximum seen, and how many exceeded a
 * stall threshold. Called once per duty cycle on the hot thread with the cycle's cached time; no allocation.
 */
public final class DutyCycleTracker
{
    private final AtomicCounter maxCycleNs;
    private final AtomicCounter stalls;
    private final long stallThresholdNs;
    private long lastTimestampNs;
    private long maxNs;
    private boolean started;

    /**
     * @param maxCycleNs       counter receiving the longest cycle, ns.
     * @param stalls           counter of cycles above the threshold.
     * @param stallThresholdNs threshold, ns.
     */
    public DutyCycleTracker(final AtomicCounter maxCycleNs, final AtomicCounter stalls, final long stallThresholdNs)
    {
        this.maxCycleNs = maxCycleNs;
        this.stalls = stalls;
        this.stallThresholdNs = stallThresholdNs;
    }

    /**
     * Record the start of a duty cycle.
     *
     * @param nowNs time of this cycle.
     */
    public void update(final long nowNs)
    {
        if (started)
        {
            final long cycleNs = nowNs - lastTimestampNs;
            if (cycleNs > maxNs)
            {
                maxNs = cycleNs;
                maxCycleNs.setRelease(cycleNs);
            }
            if (cycleNs > stallThresholdNs)
            {
                stalls.incrementRelease();
            }
        }
        else
        {
            started = true;
        }
        lastTimestampNs = nowNs;
    }

    /**
     * Forget the maximum, e.g. once warm-up is over (hot thread only).
     */
    public void resetMax()
    {
        maxNs = 0;
        maxCycleNs.setRelease(0);
    }

    /** @return stall threshold, ns. */
    public long stallThresholdNs()
    {
        return stallThresholdNs;
    }
}
