package corezero.venue;

import org.agrona.LangUtil;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongUnaryOperator;

/**
 * Idles the exchange's thread in {@link Selector#select(long)} rather than a fixed park, so that a client's order (or
 * a re-request) wakes it the moment it arrives; the wait is bounded by the agent's next deadline (feed pace,
 * heartbeat, flow event, delayed OUCH message). Select counts whole milliseconds, so a deadline under a millisecond
 * away is waited for in one of two ways: the feed's and the flow's with a 1 ms select that a waker thread ends at
 * the deadline ({@link Selector#wakeup()}; messages leave within tens of microseconds of their time, one or few a
 * packet, as a real feed sends them, and an order still ends the select at once), a delayed OUCH message's by
 * spinning on {@link Selector#selectNow()} so that injected latencies of microseconds hold.
 * <p>
 * Before blocking at all it polls with {@code selectNow} for a spin window after the last duty cycle that did work:
 * an engine on the same machine answers a feed packet within that window, and its order is then read without the
 * tens to hundreds of microseconds a blocked thread takes to be woken and scheduled.
 */
final class SelectorIdleStrategy implements IdleStrategy, AutoCloseable
{
    /** Longest wait: the agent's keep-alive checks run at least this often. */
    static final long MAX_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private static final long NO_WAKE = Long.MAX_VALUE;

    private final Selector selector;
    private final NanoClock clock;
    private final LongUnaryOperator nextDeadlineNs;
    private final LongUnaryOperator nextPreciseDeadlineNs;
    private final long spinNs;
    private long lastWorkNs;
    private final Thread waker;
    private volatile long wakeAtNs = NO_WAKE;
    private volatile boolean running = true;

    /**
     * @param selector              with every channel of the agent registered.
     * @param clock                 the agent's clock.
     * @param nextDeadlineNs        from the time now, when the agent next has timed work that may run up to a
     *                              millisecond late; {@link Long#MAX_VALUE} for none.
     * @param nextPreciseDeadlineNs the same for work that must not run late.
     * @param spinNs                how long to poll after work before blocking.
     */
    SelectorIdleStrategy(
        final Selector selector,
        final NanoClock clock,
        final LongUnaryOperator nextDeadlineNs,
        final LongUnaryOperator nextPreciseDeadlineNs,
        final long spinNs)
    {
        this.spinNs = spinNs;
        this.selector = selector;
        this.clock = clock;
        this.nextDeadlineNs = nextDeadlineNs;
        this.nextPreciseDeadlineNs = nextPreciseDeadlineNs;
        this.waker = new Thread(this::wake, "venue-sim-waker");
        waker.setDaemon(true);
        waker.start();
    }

    /**
     * Stop the waker thread (after the agent stopped).
     */
    public void close()
    {
        running = false;
        LockSupport.unpark(waker);
        try
        {
            waker.join(TimeUnit.SECONDS.toMillis(1));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void wake()
    {
        long wokenFor = NO_WAKE;
        while (running)
        {
            final long atNs = wakeAtNs;
            if (NO_WAKE == atNs || atNs == wokenFor)
            {
                LockSupport.park();
                continue;
            }
            final long delayNs = atNs - clock.nanoTime();
            if (delayNs > 0)
            {
                LockSupport.parkNanos(delayNs);
                continue;
            }
            wokenFor = atNs;
            selector.wakeup();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            lastWorkNs = clock.nanoTime();
            return;
        }

        idle();
    }

    /**
     * {@inheritDoc}
     */
    public void idle()
    {
        final long nowNs = clock.nanoTime();
        final long preciseWaitNs = nextPreciseDeadlineNs.applyAsLong(nowNs) - nowNs;
        final long waitNs = Math.min(MAX_WAIT_NS, Math.min(preciseWaitNs, nextDeadlineNs.applyAsLong(nowNs) - nowNs));
        try
        {
            if (waitNs <= 0)
            {
                return;
            }
            if (preciseWaitNs < NANOS_PER_MILLI || nowNs - lastWorkNs < spinNs)
            {
                selector.selectNow();
                Thread.onSpinWait();
            }
            else if (waitNs < NANOS_PER_MILLI)
            {
                // A feed or flow deadline under a millisecond away: select counts milliseconds and would hold every
                // message due meanwhile for one packet, so the waker thread ends the select at the deadline; a
                // socket still ends it at once.
                wakeAtNs = nowNs + waitNs;
                LockSupport.unpark(waker);
                selector.select(1);
                wakeAtNs = NO_WAKE;
            }
            else
            {
                selector.select(Math.max(1, waitNs / NANOS_PER_MILLI));
            }
            selector.selectedKeys().clear();
        }
        catch (final IOException ex)
        {
            LangUtil.rethrowUnchecked(ex);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void reset()
    {
    }

    /**
     * {@inheritDoc}
     */
    public String alias()
    {
        return "selector";
    }
}
