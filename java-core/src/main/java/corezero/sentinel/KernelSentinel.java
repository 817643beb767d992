package corezero.sentinel;

import corezero.nic.RingTransport;
import corezero.telemetry.EngineCounter;
import corezero.telemetry.EngineCounters;
import org.agrona.concurrent.Agent;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The kernel sentinel as a core-0 agent: once the hot thread has published its thread id, it arms
 * {@link KernelEntryCounters} on it, then every {@link #PERIOD_NS} copies the thread's system calls, context
 * switches, page faults and migrations into the engine's counters, where {@code bin/corezero stat} and the REPL
 * read them. If the counters cannot be opened (no library, tracefs not mounted, perf_event_paranoid), it says
 * why once, through {@link #unavailableReason()}, and {@link EngineCounter#SENTINEL_ARMED} stays 0.
 * <p>
 * With a native feed transport it also copies the ring's counters (frames, malformed, ring drops, kicks, frames
 * sent) into the engine's {@code nic-*} counters at the same period.
 * <p>
 * Runs on the engine's core-0 reply thread, beside the reply poller; never on the hot thread.
 */
public final class KernelSentinel implements Agent
{
    /** How often the counts are read: one {@code read} system call per counter on core 0. */
    public static final long PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final EngineCounter[] TARGETS = {
        EngineCounter.HOT_SYSCALLS, EngineCounter.HOT_CONTEXT_SWITCHES, EngineCounter.HOT_PAGE_FAULTS,
        EngineCounter.HOT_MIGRATIONS};

    private final IntSupplier hotThreadId;
    private final EngineCounters counters;
    private final RingTransport ring;
    private final long[] values = new long[TARGETS.length];
    private volatile KernelEntryCounters entries;
    private volatile String unavailableReason;
    private boolean tried;
    private long nextReadNs;

    /**
     * @param hotThreadId the hot thread's id, 0 until it has started.
     * @param counters    where the counts go.
     * @param ring        the feed's ring transport, or null when the feed is not on a ring.
     * @param armed       false to leave the perf counters closed (the ring's counters are still published).
     */
    public KernelSentinel(
        final IntSupplier hotThreadId, final EngineCounters counters, final RingTransport ring, final boolean armed)
    {
        this.hotThreadId = hotThreadId;
        this.counters = counters;
        this.ring = ring;
        if (!armed)
        {
            tried = true;
            unavailableReason = "off in the configuration (:engine :kernel-sentinel false)";
        }
    }

    /** {@inheritDoc} */
    public int doWork()
    {
        if (!tried)
        {
            final int tid = hotThreadId.getAsInt();
            if (0 == tid)
            {
                return 0;
            }
            tried = true;
            try
            {
                entries = KernelEntryCounters.open(tid);
                counters.get(EngineCounter.SENTINEL_ARMED).setRelease(1);
            }
            catch (final RuntimeException ex)
            {
                unavailableReason = ex.getMessage();
            }
            return 1;
        }
        final long nowNs = System.nanoTime();
        if (nowNs - nextReadNs < 0)
        {
            return 0;
        }
        nextReadNs = nowNs + PERIOD_NS;
        if (null != ring)
        {
            counters.get(EngineCounter.NIC_FRAMES).setRelease(ring.framesReceived() + ring.malformedFrames());
            counters.get(EngineCounter.NIC_MALFORMED).setRelease(ring.malformedFrames());
            counters.get(EngineCounter.NIC_RING_DROPS).setRelease(ring.kernelDrops());
            counters.get(EngineCounter.NIC_KICKS).setRelease(ring.kicks());
            counters.get(EngineCounter.NIC_FRAMES_SENT).setRelease(ring.framesSent());
        }
        if (null == entries)
        {
            return 1;
        }
        try
        {
            entries.readAll(values);
        }
        catch (final IllegalStateException ex)
        {
            // The hot thread has exited: keep the last counts.
            return 0;
        }
        for (int i = 0; i < TARGETS.length; i++)
        {
            counters.get(TARGETS[i]).setRelease(values[i]);
        }
        return 1;
    }

    /**
     * Reads the counts now, on the calling core-0 thread, for a caller that needs them exact at an instant.
     *
     * @param into at least four long, indexed as {@link KernelEntryCounters#SYSCALLS} and the rest.
     * @return false when the sentinel is not armed.
     */
    public boolean readNow(final long[] into)
    {
        final KernelEntryCounters entries = this.entries;
        if (null == entries)
        {
            return false;
        }
        entries.readAll(into);
        return true;
    }

    /** @return true once the counters are open on the hot thread. */
    public boolean isArmed()
    {
        return null != entries;
    }

    /**
     * Waits on core 0 until the sentinel has tried to arm (the hot thread published its id and the counters were
     * opened or refused), for the launcher to say the outcome once.
     *
     * @param timeoutMs longest wait.
     * @return null when armed, else the reason it is not (or that it has not tried yet).
     * @throws InterruptedException if interrupted while waiting.
     */
    public String awaitArmed(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!isArmed() && null == unavailableReason && System.nanoTime() < deadline)
        {
            Thread.sleep(5);
        }
        if (isArmed())
        {
            return null;
        }
        final String reason = unavailableReason;
        return null != reason ? reason : "not armed within " + timeoutMs + " ms";
    }

    /** @return why the sentinel could not be armed, or null (armed, or not tried yet). */
    public String unavailableReason()
    {
        return unavailableReason;
    }

    /** {@inheritDoc} */
    public void onClose()
    {
        if (null != entries)
        {
            entries.close();
        }
    }

    /** {@inheritDoc} */
    public String roleName()
    {
        return "cz-kernel-sentinel";
    }
}
