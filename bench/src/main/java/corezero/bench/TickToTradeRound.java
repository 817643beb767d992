package corezero.bench;

import corezero.core.Engine;
import corezero.core.EngineConfig;
import corezero.core.FeedConfig;
import corezero.core.OrderEntryConfig;
import corezero.core.TradingSnapshot;
import corezero.risk.RiskLimits;
import corezero.strategy.EntryResult;
import corezero.strategy.TouchQuoter;
import corezero.telemetry.EngineCounter;
import corezero.venue.BinaryFileCapture;
import corezero.venue.Exchange;
import corezero.venue.VenueSimConfig;
import corezero.venue.VenueSimCounters;
import org.HdrHistogram.Histogram;
import org.agrona.IoUtil;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One round of the tick-to-trade harness: a fresh exchange on fresh ports replays the capture at the set rate
 * through its matching engine; one variant trades against it with {@link TouchQuoter} probing every N book updates
 * (quoting off), until the capture has been sent, received and every probe timed by the venue; then the in-core
 * histogram (engine) and the wire-to-wire histogram (venue) are taken and everything is stopped.
 * <p>
 * The order of start-up is chosen so that no feed packet is sent before the engine's socket is bound: the exchange
 * is built (its OUCH and re-request ports bound), then the engine is launched against them (its SoupBinTCP connect
 * completes against the listening port), then the exchange starts, which accepts the login and starts the feed in
 * the same duty cycle. Probes triggered before the Login Accepted arrives are refused as not logged in and are not
 * orders; their count is reported.
 */
final class TickToTradeRound
{
    /** The capture's instrument. */
    static final String SYMBOL = "AAPL";

    /** The ops CPU: JVM, venue, naive receiver. */
    static final int OPS_CPU = 0;

    /** The hot CPU. */
    static final int HOT_CPU = 1;
    private static final int MAX_FRAME_BYTES = 65536;
    private static final int QUEUE_CAPACITY = 4096;
    /** Bound on the capture's length for the time-out: the slice has 10,000 messages. */
    private static final long CAPTURE_MESSAGES_BOUND = 100_000;
    private static final long QUIET_NS = TimeUnit.MILLISECONDS.toNanos(300);
    private static final long POLL_MS = 10;
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(5);
    private static final String USER = "demo";
    private static final String PASSWORD = "demo";

    private TickToTradeRound()
    {
    }

    /**
     * What one round measured and counted.
     *
     * @param variant         which design.
     * @param label           "warm-up" or "round N".
     * @param inCore          frame handed over to the Enter Order in the send buffer, ns (engine's histogram).
     * @param toSocket        frame handed over to the TCP write of the order returned, ns.
     * @param wire            venue send of the trigger's packet to venue receipt of the order, ns.
     * @param swapNanos       hot-thread time of each strategy swap made during the round, ns (empty: none).
     * @param ordersSent      Enter Orders the engine wrote.
     * @param probesSent      probes TouchQuoter counted as sent.
     * @param notLoggedIn     probes refused before the login completed.
     * @param riskRejects     orders the risk gate refused.
     * @param venueOrders     Enter Orders the venue accepted or rejected.
     * @param venueMessages   ITCH messages the venue published.
     * @param venueFills      probes that traded (the venue's book had moved to the probe's price): each changes
     *                        the rest of the feed a little, so rounds differ slightly in messages and triggers.
     * @param feedMessages    ITCH messages the engine applied in sequence.
     * @param feedGaps        gaps the engine's MoldUDP64 session saw.
     * @param maxDutyCycleNs  longest hot duty cycle.
     * @param stalls          hot duty cycles above the stall threshold.
     * @param feedSeconds     from exchange start to the last message received.
     * @param gcCount         collections in the JVM during the round (each stops the hot thread).
     * @param gcMillis        their total time.
     * @param handOff         naive only: receiver's stamp to its queue put returned, ns (empty for the engine).
     * @param problems        failed checks, empty when the round is good.
     */
    record Result(
        TickToTradeVariant variant,
        String label,
        Histogram inCore,
        Histogram toSocket,
        Histogram wire,
        long ordersSent,
        long probesSent,
        long notLoggedIn,
        long riskRejects,
        long venueOrders,
        long venueMessages,
        long venueFills,
        long feedMessages,
        long feedGaps,
        long maxDutyCycleNs,
        long stalls,
        double feedSeconds,
        long gcCount,
        long gcMillis,
        Histogram handOff,
        Histogram swapNanos,
        List<String> problems)
    {
    }

    /**
     * Run one round.
     *
     * @param variant    which design.
     * @param label      for the report.
     * @param itch       the capture.
     * @param rate       feed messages per second.
     * @param probeEvery book updates between probes.
     * @return what was measured; problems are reported in it, not thrown.
     * @throws IOException if a socket or the temporary directory cannot be made.
     */
    static Result run(
        final TickToTradeVariant variant, final String label, final Path itch, final long rate, final long probeEvery)
        throws IOException
    {
        return run(variant, label, itch, rate, probeEvery, 0);
    }

    /**
     * Run one round, swapping the strategy in slot 0 for a fresh instance of the same class {@code swaps} times
     * while the feed runs (orders handed over), evenly spread over the capture's expected duration.
     *
     * @param variant    which design.
     * @param label      for the report.
     * @param itch       the capture.
     * @param rate       feed messages per second.
     * @param probeEvery book updates between probes.
     * @param swaps      strategy swaps during the round, 0 for none.
     * @return what the round measured.
     * @throws IOException if the capture cannot be read or a socket opened.
     */
    static Result run(
        final TickToTradeVariant variant, final String label, final Path itch, final long rate, final long probeEvery,
        final int swaps)
        throws IOException
    {
        final Path runDir = Files.createTempDirectory("cz-t2t-");
        int captureMessages = 0;
        final List<String> problems = new ArrayList<>();
        QueueFeedReceiver receiver = null;
        QueuedFrameTransport queuedTransport = null;
        final InetSocketAddress feedAddress;
        if (TickToTradeVariant.QUEUED == variant)
        {
            final BlockingQueue<ReceivedFrame> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
            receiver = new QueueFeedReceiver(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), MAX_FRAME_BYTES, queue, OPS_CPU);
            queuedTransport = new QueuedFrameTransport(queue, receiver);
            feedAddress = receiver.localAddress();
        }
        else
        {
            feedAddress = freeUdpAddress();
        }

        final Exchange exchange;
        try
        {
            final VenueSimConfig venueConfig = VenueSimConfig.parse(
                "--itch", itch.toString(),
                "--feed", feedAddress.getAddress().getHostAddress() + ":" + feedAddress.getPort(),
                "--rerequest-port", "0",
                "--rate", Long.toString(rate),
                "--ouch", "127.0.0.1:0",
                "--ouch-user", USER,
                "--ouch-password", PASSWORD);
            final BinaryFileCapture capture = BinaryFileCapture.load(venueConfig.itchPath());
            captureMessages = capture.messageCount();
            exchange = new Exchange(capture, venueConfig.feedSettings(),
                venueConfig.feedAddress(), venueConfig.rerequestPort(), venueConfig.ouchSettings(),
                new SystemNanoClock(), System.currentTimeMillis(),
                (ex) -> System.err.println("venue-sim: duty cycle error: " + ex));
        }
        catch (final IOException | RuntimeException ex)
        {
            if (null != receiver)
            {
                receiver.close();
            }
            IoUtil.delete(runDir.toFile(), true);
            throw ex;
        }

        final TouchQuoter strategy = new TouchQuoter(SYMBOL);
        final EngineConfig config = engineConfig(runDir, feedAddress, exchange, strategy, probeEvery);
        TickToTradeRig rig = null;
        try
        {
            rig = TickToTradeVariant.DIRECT == variant ?
                new DirectRig(Engine.launch(config, new SystemNanoClock(), SystemEpochClock.INSTANCE)) :
                QueuedEngine.launch(config, queuedTransport, receiver, new SystemNanoClock(),
                    SystemEpochClock.INSTANCE);
            receiver = null;

            final long gcCountBefore = gcCount();
            final long gcMillisBefore = gcMillis();
            final long startNs = System.nanoTime();
            exchange.start();
            final Swapper swapper = swaps > 0 ? new Swapper(rig, swaps,
                TimeUnit.SECONDS.toNanos(1) * captureMessages / Math.max(rate, 1), problems) : null;
            final long lastMessageNs = awaitQuiet(rig, exchange, rate, problems);
            final Histogram swapNanos = null == swapper ? new Histogram(3) : swapper.finish();
            final double feedSeconds = (lastMessageNs - startNs) / 1e9;
            final long gcCount = gcCount() - gcCountBefore;
            final long gcMillis = gcMillis() - gcMillisBefore;

            final long maxDutyCycleNs = rig.counter(EngineCounter.MAX_DUTY_CYCLE_NS);
            final long stalls = rig.counter(EngineCounter.STALLS);
            final long feedMessages = rig.counter(EngineCounter.FEED_MESSAGES);
            final long feedGaps = rig.counter(EngineCounter.FEED_GAPS);
            final TradingSnapshot snapshot = rig.snapshot(SNAPSHOT_TIMEOUT);
            final Histogram wire = exchange.wireLatencyHistogram();
            final Histogram inCore = snapshot.tickToTrade().copy();
            final Histogram toSocket = snapshot.tickToSocket().copy();
            final VenueSimCounters venue = exchange.counters();
            final long venueOrders = venue.ouchOrdersAccepted.get() + venue.ouchOrdersRejected.get();
            final long venueMessages = venue.messagesSent.get();
            final Throwable hotError = rig.hotError();

            rig.close();
            final Throwable receiverFailure = rig.receiverFailure();
            final Histogram handOff = rig.handOffLatency();
            rig = null;
            exchange.close();
            awaitTermination(exchange);

            final long ordersSent = snapshot.ordersSent();
            final long probesSent = strategy.probesSent() + (null == swapper ? 0 : swapper.probesSent());
            check(problems, ordersSent > 0, "no orders reached the venue (orders sent 0)");
            check(problems, inCore.getTotalCount() == ordersSent,
                "in-core samples " + inCore.getTotalCount() + " != orders sent " + ordersSent);
            check(problems, wire.getTotalCount() == ordersSent,
                "wire-to-wire samples " + wire.getTotalCount() + " != orders sent " + ordersSent);
            check(problems, venueOrders == ordersSent,
                "venue accepted + rejected " + venueOrders + " != orders sent " + ordersSent);
            check(problems, probesSent == ordersSent,
                "probes sent " + probesSent + " != orders sent " + ordersSent + " (quoting should be off)");
            check(problems, feedMessages == venueMessages,
                "engine applied " + feedMessages + " messages, venue sent " + venueMessages);
            check(problems, null == hotError, "hot thread error: " + hotError);
            check(problems, null == receiverFailure, "naive receiver failed: " + receiverFailure);
            check(problems, 0 == venue.errors.get(), "venue duty-cycle errors: " + venue.errors.get());

            return new Result(variant, label, inCore, toSocket, wire, ordersSent, probesSent,
                snapshot.entryRejects(EntryResult.NOT_LOGGED_IN), snapshot.riskRejected(), venueOrders,
                venueMessages, venue.ouchFills.get(), feedMessages, feedGaps, maxDutyCycleNs, stalls, feedSeconds,
                gcCount, gcMillis, handOff, swapNanos, problems);
        }
        finally
        {
            if (null != rig)
            {
                rig.close();
            }
            if (null != receiver)
            {
                receiver.close();
            }
            exchange.close();
            awaitTermination(exchange);
            IoUtil.delete(runDir.toFile(), true);
        }
    }

    /**
     * Wait until the venue has sent the whole capture, the engine has applied all of it, and the venue has timed
     * every order the engine sent; the venue's message count must then stay unchanged for a while.
     *
     * @return System.nanoTime when the last feed message was seen arriving.
     */
    /**
     * Swaps the strategy in slot 0 for fresh instances of {@link TouchQuoter} while the feed runs, from its own
     * thread on the ops CPU, and keeps the hot thread's time for each swap.
     */
    private static final class Swapper
    {
        private final Thread thread;
        private final Histogram swapNanos = new Histogram(3);
        private final List<TouchQuoter> instances = new ArrayList<>();
        private final List<String> problems;

        Swapper(final TickToTradeRig rig, final int swaps, final long durationNs, final List<String> problems)
        {
            this.problems = problems;
            this.thread = new Thread(() -> swap(rig, swaps, durationNs), "cz-swapper");
            thread.setDaemon(true);
            thread.start();
        }

        private void swap(final TickToTradeRig rig, final int swaps, final long durationNs)
        {
            final long intervalNs = durationNs / (swaps + 1);
            for (int i = 0; i < swaps; i++)
            {
                try
                {
                    TimeUnit.NANOSECONDS.sleep(intervalNs);
                    final TouchQuoter next = new TouchQuoter(SYMBOL);
                    final corezero.strategy.StrategyChange change = rig.changeStrategy(
                        new corezero.strategy.StrategyChange(corezero.strategy.StrategyChange.SWAP, 0, next,
                            corezero.strategy.StrategyChange.HAND_OVER_ORDERS), SNAPSHOT_TIMEOUT);
                    synchronized (this)
                    {
                        instances.add(next);
                        swapNanos.recordValue(change.applyNanos());
                        if (corezero.strategy.StrategyChange.OK != change.outcome())
                        {
                            problems.add("swap " + (i + 1) + ": " +
                                corezero.strategy.StrategyChange.describe(change.outcome()));
                        }
                    }
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    return;
                }
                catch (final RuntimeException ex)
                {
                    synchronized (this)
                    {
                        problems.add("swap " + (i + 1) + " failed: " + ex);
                    }
                }
            }
        }

        Histogram finish()
        {
            try
            {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            synchronized (this)
            {
                return swapNanos.copy();
            }
        }

        synchronized long probesSent()
        {
            long sent = 0;
            for (final TouchQuoter instance : instances)
            {
                sent += instance.probesSent();
            }
            return sent;
        }
    }

    private static long awaitQuiet(
        final TickToTradeRig rig, final Exchange exchange, final long rate, final List<String> problems)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(15) +
            TimeUnit.SECONDS.toNanos(1) * CAPTURE_MESSAGES_BOUND / Math.max(rate, 1);
        long lastSent = -1;
        long lastChangeNs = System.nanoTime();
        while (true)
        {
            final long nowNs = System.nanoTime();
            final long sent = exchange.counters().messagesSent.get();
            final long applied = rig.counter(EngineCounter.FEED_MESSAGES);
            final long ordersSent = rig.counter(EngineCounter.ORDERS_SENT);
            final long timed = exchange.counters().wireLatencySamples.get();
            if (sent != lastSent)
            {
                lastSent = sent;
                lastChangeNs = nowNs;
            }
            if (sent > 0 && applied >= sent && timed >= ordersSent && nowNs - lastChangeNs > QUIET_NS)
            {
                return lastChangeNs;
            }
            if (nowNs > deadlineNs)
            {
                problems.add("timed out: venue sent " + sent + " messages, engine applied " + applied +
                    ", orders sent " + ordersSent + ", venue timed " + timed);
                return lastChangeNs;
            }
            try
            {
                Thread.sleep(POLL_MS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                problems.add("interrupted");
                return lastChangeNs;
            }
        }
    }

    private static EngineConfig engineConfig(
        final Path runDir, final InetSocketAddress feedAddress, final Exchange exchange, final TouchQuoter strategy,
        final long probeEvery)
    {
        final FeedConfig feed = new FeedConfig(
            FeedConfig.Transport.UDP, feedAddress, null, null, exchange.rerequestAddress(), MAX_FRAME_BYTES,
            1 << 20, TimeUnit.MILLISECONDS.toNanos(50), 10);
        return EngineConfig.defaults(OPS_CPU, HOT_CPU, runDir)
            .withBooks(65536, 4096, 16)
            .withFeed(feed)
            .withOrderEntry(orderEntryConfig(exchange.ouchAddress()))
            .withStrategy(0, strategy)
            .withParam(0, "quoting", 0)
            .withParam(0, "probe-every", probeEvery);
    }

    /**
     * Limits wide enough that no probe (a one-share IOC buy at the best bid) is refused: a probe refused by the
     * throttle would not be an order. The risk checks still run on every probe.
     */
    private static OrderEntryConfig orderEntryConfig(final InetSocketAddress venue)
    {
        final Map<String, Long> limits = new LinkedHashMap<>();
        limits.put(RiskLimits.MAX_ORDER_QTY, 1_000L);
        limits.put(RiskLimits.MAX_ORDER_NOTIONAL, 10_000_000_000L);
        limits.put(RiskLimits.MAX_POSITION, 1_000_000L);
        limits.put(RiskLimits.COLLAR_BPS, RiskLimits.MAX_COLLAR_BPS);
        limits.put(RiskLimits.ALLOW_NO_REFERENCE, 1L);
        limits.put(RiskLimits.THROTTLE_CAPACITY, RiskLimits.MAX_THROTTLE);
        limits.put(RiskLimits.THROTTLE_REFILL_PER_SECOND, RiskLimits.MAX_THROTTLE);
        limits.put(RiskLimits.MAX_OPEN_ORDERS, 4_000L);
        // 1 ms reconnect backoff: should the first connect race the listening socket, the retry is quick.
        return new OrderEntryConfig(venue, USER, PASSWORD, "", false, TimeUnit.SECONDS.toNanos(15), 15_000,
            TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(10),
            OrderEntryConfig.DEFAULT_MAX_LIVE_ORDERS, OrderEntryConfig.DEFAULT_MAX_INSTRUMENTS, 1, limits);
    }

    /** A loopback UDP port free now: bound, read and released, for the engine to bind next. */
    private static InetSocketAddress freeUdpAddress() throws IOException
    {
        try (DatagramChannel probe = DatagramChannel.open(StandardProtocolFamily.INET))
        {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return (InetSocketAddress)probe.getLocalAddress();
        }
    }

    private static long gcCount()
    {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis()
    {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static void awaitTermination(final Exchange exchange)
    {
        try
        {
            exchange.awaitTermination();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void check(final List<String> problems, final boolean ok, final String problem)
    {
        if (!ok)
        {
            problems.add(problem);
        }
    }
}
