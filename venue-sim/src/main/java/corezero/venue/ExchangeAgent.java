package corezero.venue;

import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The exchange mode's duty cycle, on one thread: read orders (first, so they are timed and matched at once), drive
 * the capture and the background flow through the engine, deliver the OUCH messages that are due, publish the feed
 * and answer re-requests. It idles in the {@link SelectorIdleStrategy} until its next deadline or a socket wakes it.
 */
final class ExchangeAgent implements Agent
{
    /** Longest interval between two looks at the pacer while the capture is replayed. */
    static final long MAX_CAPTURE_POLL_NS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Shortest interval between two looks at the pacer while the capture is replayed. */
    static final long MIN_CAPTURE_POLL_NS = TimeUnit.MICROSECONDS.toNanos(20);

    private final NanoClock clock;
    private final ExchangeCore core;
    private final CaptureDriver captureDriver;
    private final BackgroundFlow flow;
    private final boolean isFlowFromStart;
    private final OuchServer ouchServer;
    private final LiveFeedPublisher publisher;
    private final RetransmissionServer retransmissionServer;
    private final OuchJournal journal;
    private final ItchJournal feedJournal;
    private final long capturePollNs;

    /**
     * How often to look at the pacer while the capture is replayed (its next due time is not known): one message
     * interval at a fixed rate, so that messages leave close to their time, one or few a packet as a real feed
     * sends them, within {@link #MIN_CAPTURE_POLL_NS}..{@link #MAX_CAPTURE_POLL_NS}.
     *
     * @param settings the feed's settings.
     * @return nanoseconds.
     */
    static long capturePollNs(final FeedSettings settings)
    {
        if (FeedSettings.Timing.RATE != settings.timing())
        {
            return MIN_CAPTURE_POLL_NS * 5;
        }
        return Math.max(MIN_CAPTURE_POLL_NS,
            Math.min(MAX_CAPTURE_POLL_NS, TimeUnit.SECONDS.toNanos(1) / settings.messagesPerSecond()));
    }

    ExchangeAgent(
        final NanoClock clock,
        final ExchangeCore core,
        final CaptureDriver captureDriver,
        final BackgroundFlow flow,
        final boolean isFlowFromStart,
        final OuchServer ouchServer,
        final LiveFeedPublisher publisher,
        final RetransmissionServer retransmissionServer,
        final OuchJournal journal,
        final ItchJournal feedJournal,
        final long capturePollNs)
    {
        this.capturePollNs = capturePollNs;
        this.clock = clock;
        this.core = core;
        this.captureDriver = captureDriver;
        this.flow = flow;
        this.isFlowFromStart = isFlowFromStart;
        this.ouchServer = ouchServer;
        this.publisher = publisher;
        this.retransmissionServer = retransmissionServer;
        this.journal = journal;
        this.feedJournal = feedJournal;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "venue-sim-exchange";
    }

    /**
     * {@inheritDoc}
     */
    public void onStart()
    {
        final long nowNs = clock.nanoTime();
        core.clock().update(nowNs);
        captureDriver.onStart(nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public int doWork() throws IOException
    {
        final long nowNs = clock.nanoTime();
        core.clock().update(nowNs);

        int workCount = ouchServer.poll(nowNs);
        workCount += captureDriver.doWork(nowNs);
        if (null != flow)
        {
            if (!flow.isStarted() && 0 != core.firstLocate() && (isFlowFromStart || captureDriver.isComplete()))
            {
                flow.start(core.firstLocate(), nowNs);
            }
            workCount += flow.doWork(nowNs);
        }
        workCount += ouchServer.deliver(nowNs);
        workCount += publisher.doWork(nowNs);
        workCount += retransmissionServer.doWork();

        return workCount;
    }

    /**
     * @param nowNs the time now.
     * @return when the next delayed OUCH message is due: timed work that must not run late.
     */
    long nextPreciseDeadlineNs(final long nowNs)
    {
        return ouchServer.nextDeadlineNs(nowNs);
    }

    /**
     * @param nowNs the time now.
     * @return when there is other timed work next: feed pace and heartbeat, flow events.
     */
    long nextDeadlineNs(final long nowNs)
    {
        long deadlineNs = publisher.nextHeartbeatNs();
        if (!captureDriver.isComplete() || publisher.hasPendingPacket())
        {
            deadlineNs = Math.min(deadlineNs, nowNs + capturePollNs);
        }
        if (null != flow)
        {
            deadlineNs = Math.min(deadlineNs, flow.isStarted() ? flow.nextEventNs() : nowNs + capturePollNs);
        }

        return deadlineNs;
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        CloseHelper.quietCloseAll(ouchServer, publisher, retransmissionServer::onClose, journal, feedJournal);
    }
}
