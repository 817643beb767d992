package corezero.venue;

import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.NanoClock;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;

/**
 * The venue simulator's exchange mode assembled (VenueSimMain {@code --ouch}): an OUCH 5.0 port over SoupBinTCP,
 * the price-time {@link MatchingEngine} and an ITCH 5.0 feed over MoldUDP64 that carries what the engine does, with
 * the capture's (and the background flow's) orders driven through the same engine. One thread runs it all; it waits
 * in a {@link Selector} over the TCP and UDP sockets, so an order is read as soon as it arrives.
 * <p>
 * In-process use (the bench, tests): {@link VenueSimMain#start(String...)} parses a command line and returns a
 * started exchange; {@link #close()} stops it. {@link #ouchAddress()}, {@link #rerequestAddress()} and
 * {@link #wireLatencyHistogram()} are readable from any thread.
 * <p>
 * With a state directory ({@code --state-dir}) both sides survive a restart on the same directory and sessions: the
 * {@link OuchJournal} gives back the OUCH session (sequence numbers, the participant's orders, UserRefNums) and the
 * {@link ItchJournal} the feed (its messages, so the MoldUDP64 numbering goes on and old sequence numbers are still
 * answered; the book rebuilt from them; how far the capture had gone, so it goes on from there). The participant's
 * orders are tied to the rebuilt book by {@link OuchOrderEntry#linkRestoredOrders()}.
 */
public final class Exchange implements AutoCloseable
{
    private final VenueSimCounters counters = new VenueSimCounters();
    private final WireLatency wireLatency = new WireLatency();
    private final LiveMessageStore feed;
    private final ParticipantOrders orders = new ParticipantOrders();
    private final InetSocketAddress feedAddress;
    private final InetSocketAddress rerequestAddress;
    private final InetSocketAddress ouchAddress;
    private final OuchSettings settings;
    private final OuchJournal journal;
    private final ItchJournal feedJournal;
    private final int restoredCapturePosition;
    private final ExchangeCore core;
    private final ExchangeAgent agent;
    private final AgentRunner runner;
    private final SelectorIdleStrategy idleStrategy;
    private final Selector selector;
    private Thread thread;

    /**
     * Open and bind the sockets, reload the state directory if any, and build the agent; nothing runs until
     * {@link #start()}.
     *
     * @param capture       of the other participants' messages to drive through the engine, at least one.
     * @param feedSettings  session, pace, heartbeats, packet size and simulated loss of the feed (loop and linger do
     *                      not apply).
     * @param feedAddress   where the feed goes.
     * @param rerequestPort UDP port to bind for re-requests, 0 for an ephemeral one.
     * @param settings      the OUCH port, faults, state and flow.
     * @param clock         time source; System.nanoTime's in a real run, for the wire latency to compare.
     * @param epochMillis   wall-clock time now, for the time of day of timestamps before the capture sets it.
     * @param errorHandler  for errors the duty cycle reports; they are counted too.
     * @throws IOException if a socket cannot be opened or bound, or the state directory cannot be used; the message
     *                     says which.
     */
    public Exchange(
        final BinaryFileCapture capture,
        final FeedSettings feedSettings,
        final InetSocketAddress feedAddress,
        final int rerequestPort,
        final OuchSettings settings,
        final NanoClock clock,
        final long epochMillis,
        final ErrorHandler errorHandler) throws IOException
    {
        final InetAddress target = feedAddress.getAddress();
        final boolean isIpv6 = target instanceof Inet6Address;
        final ProtocolFamily family = isIpv6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        final InetAddress bindAddress = target.isLoopbackAddress() ? target : InetAddress.getByAddress(
            new byte[isIpv6 ? 16 : 4]);

        this.settings = settings;
        DatagramChannel feedChannel = null;
        DatagramChannel rerequestChannel = null;
        ServerSocketChannel ouchChannel = null;
        Selector selector = null;
        OuchJournal journal = null;
        ItchJournal feedJournal = null;
        try
        {
            journal = null == settings.stateDir() ? OuchJournal.inMemory() :
                OuchJournal.open(settings.stateDir(), settings.session());
            feedJournal = null == settings.stateDir() ? ItchJournal.inMemory() :
                ItchJournal.open(settings.stateDir(), feedSettings.session());
            for (long sequenceNumber = 1; sequenceNumber <= journal.count(); sequenceNumber++)
            {
                orders.apply(journal.buffer(), journal.offset(sequenceNumber), journal.length(sequenceNumber));
            }

            selector = Selector.open();
            feedChannel = VenueSim.open(family, new InetSocketAddress(bindAddress, 0), "feed socket");
            rerequestChannel = VenueSim.open(family, new InetSocketAddress(bindAddress, rerequestPort), "re-request port");
            rerequestChannel.register(selector, SelectionKey.OP_READ);
            ouchChannel = ServerSocketChannel.open();
            ouchChannel.configureBlocking(false);
            try
            {
                ouchChannel.bind(settings.address());
            }
            catch (final IOException ex)
            {
                throw new IOException("cannot bind OUCH port " + settings.address() + ": " + ex.getMessage(), ex);
            }

            this.feedAddress = feedAddress;
            this.rerequestAddress = (InetSocketAddress)rerequestChannel.getLocalAddress();
            this.ouchAddress = (InetSocketAddress)ouchChannel.getLocalAddress();
            this.journal = journal;
            this.feedJournal = feedJournal;
            this.restoredCapturePosition = feedJournal.restoredCapturePosition();
            this.selector = selector;
            this.feed = new LiveMessageStore(feedJournal);
            this.core = new ExchangeCore(feed, new ExchangeClock(
                ExchangeClock.timeOfDayNs(epochMillis), clock.nanoTime()), counters);
            core.restore(feedJournal);
            final OuchOrderEntry orderEntry = new OuchOrderEntry(
                core, journal, orders, counters, wireLatency, settings.rejectEvery());
            orderEntry.linkRestoredOrders();
            final OuchServer ouchServer = new OuchServer(
                ouchChannel, selector, settings, journal, orderEntry, clock, counters);
            final LiveFeedPublisher publisher = new LiveFeedPublisher(
                feed, feedSettings, feedChannel, feedAddress, clock, counters, wireLatency);
            final RetransmissionServer retransmissionServer =
                new RetransmissionServer(feed, feedSettings, rerequestChannel, counters);
            final BackgroundFlow flow = 0 == settings.flowEventsPerSecond() ? null : new BackgroundFlow(
                core, settings.flowSeed(), settings.flowEventsPerSecond(), settings.maxFlowOrders(), counters);
            final CaptureDriver captureDriver = new CaptureDriver(
                capture, feedSettings.newPacer(capture), core, feedJournal, restoredCapturePosition);
            this.agent = new ExchangeAgent(clock, core, captureDriver, flow, settings.isFlowFromStart(), ouchServer,
                publisher, retransmissionServer, journal, feedJournal, ExchangeAgent.capturePollNs(feedSettings));
            this.idleStrategy = new SelectorIdleStrategy(
                selector, clock, agent::nextDeadlineNs, agent::nextPreciseDeadlineNs, settings.spinNs());
            this.runner = new AgentRunner(
                idleStrategy,
                errorHandler,
                counters.errors,
                agent);
        }
        catch (final IOException | RuntimeException ex)
        {
            CloseHelper.quietCloseAll(feedChannel, rerequestChannel, ouchChannel, selector, journal, feedJournal);
            throw ex;
        }
    }

    /**
     * Start the agent on a thread of its own.
     */
    public void start()
    {
        thread = AgentRunner.startOnThread(runner);
    }

    /**
     * Stop the agent, waiting for its thread, and close the sockets and the state files. Sequenced OUCH and ITCH
     * messages are already on file; nothing else is written. Safe to call more than once, from any thread.
     */
    public void close()
    {
        if (selector.isOpen())
        {
            selector.wakeup();
        }
        runner.close();
        idleStrategy.close();
        CloseHelper.quietClose(selector);
    }

    /**
     * Wait until the agent stops, which is after {@link #close()}: the exchange has no end of session.
     *
     * @throws InterruptedException if the waiting thread is interrupted.
     */
    public void awaitTermination() throws InterruptedException
    {
        if (null != thread)
        {
            thread.join();
        }
    }

    /**
     * @return where the OUCH server listens, with the actual port.
     */
    public InetSocketAddress ouchAddress()
    {
        return ouchAddress;
    }

    /**
     * @return where the feed goes.
     */
    public InetSocketAddress feedAddress()
    {
        return feedAddress;
    }

    /**
     * @return the address the re-request server is bound to, with the actual port.
     */
    public InetSocketAddress rerequestAddress()
    {
        return rerequestAddress;
    }

    /**
     * @return the OUCH port's session, credentials, faults, state and flow.
     */
    public OuchSettings settings()
    {
        return settings;
    }

    /**
     * @return a copy of the wire-to-wire latencies in nanoseconds: feed packet sent to the Enter Order naming its
     * sequence number (ClOrdID {@code T<seq>}) read. Safe from any thread.
     */
    public Histogram wireLatencyHistogram()
    {
        return wireLatency.histogram();
    }

    /**
     * @return the wire latency percentiles for the final counts.
     */
    public String wireLatencySummary()
    {
        return wireLatency.summary();
    }

    /**
     * @return the counters; exact once the agent has stopped, and readable while it runs.
     */
    public VenueSimCounters counters()
    {
        return counters;
    }

    /**
     * @return sequenced OUCH messages reloaded from the state directory at start.
     */
    public int restoredOuchMessages()
    {
        return journal.restoredCount();
    }

    /**
     * @return feed messages reloaded from the state directory at start: the first new one takes the next sequence
     * number.
     */
    public int restoredFeedMessages()
    {
        return feedJournal.restoredCount();
    }

    /**
     * @return capture messages driven before the restart, from the state directory: the capture goes on after them.
     */
    public int restoredCapturePosition()
    {
        return restoredCapturePosition;
    }

    WireLatency wireLatency()
    {
        return wireLatency;
    }

    LiveMessageStore feed()
    {
        return feed;
    }

    ParticipantOrders orders()
    {
        return orders;
    }

    OuchJournal journal()
    {
        return journal;
    }

    ExchangeCore core()
    {
        return core;
    }

    ExchangeAgent agent()
    {
        return agent;
    }
}
