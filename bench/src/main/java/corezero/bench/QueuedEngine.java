package corezero.bench;

import corezero.book.OrderBooks;
import corezero.core.EngineConfig;
import corezero.core.EngineState;
import corezero.core.FeedConfig;
import corezero.core.HandOffSlots;
import corezero.core.MarketDataFeed;
import corezero.core.OrderEntry;
import corezero.core.OrderEntryConfig;
import corezero.core.ParamTable;
import corezero.core.TradingAgent;
import corezero.core.TradingSnapshot;
import corezero.nic.UdpSender;
import corezero.nic.UdpTransport;
import corezero.risk.RiskLimits;
import corezero.strategy.Strategy;
import corezero.strategy.StrategySlots;
import corezero.telemetry.CountersFile;
import corezero.telemetry.CountersFileDescriptor;
import corezero.telemetry.EngineCounter;
import corezero.telemetry.EngineCounters;
import org.HdrHistogram.Histogram;
import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.agrona.BitUtil.CACHE_LINE_LENGTH;

/**
 * The naive peer of the engine: the same components as {@code corezero.core.Engine} assembles (MoldUDP64 session,
 * ITCH decoder, books, strategy slots, risk gate, OUCH over SoupBinTCP, on a {@link TradingAgent} pinned to the hot
 * CPU with a busy-spin idle strategy), from the same {@link EngineConfig}, except that the feed's transport is a
 * {@link QueuedFrameTransport}: a receiver thread on the ops CPU reads the socket and the frames cross a queue.
 * Re-requests and their answers use a {@link UdpTransport} polled by the hot thread, as in the engine.
 * <p>
 * The assembly mirrors {@code Engine}'s constructor, which builds its transport from the {@link FeedConfig} and
 * has no way to be given one. No reply poller and no command client: the harness reads the order path once the
 * hot thread has stopped.
 */
final class QueuedEngine implements TickToTradeRig
{
    private static final String HOT_ROLE_NAME = "cz-hot-naive";
    private static final int FRAMES_PER_POLL = 16;
    private static final long START_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private final EngineConfig config;
    private final CountersFile countersFile;
    private final EngineCounters counters;
    private final MarketDataFeed feed;
    private final OrderEntry orderEntry;
    private final StrategySlots strategies;
    private final TradingAgent agent;
    private final AgentRunner hotRunner;
    private final QueueFeedReceiver receiver;
    private final AtomicReference<Throwable> lastHotError = new AtomicReference<>();
    private boolean hotStopped;
    private boolean closed;

    private QueuedEngine(
        final EngineConfig config,
        final QueuedFrameTransport transport,
        final QueueFeedReceiver receiver,
        final NanoClock nanoClock,
        final EpochClock epochClock)
    {
        this.config = config;
        this.receiver = receiver;
        try
        {
            Files.createDirectories(config.runDir());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create run directory " + config.runDir(), ex);
        }
        countersFile = CountersFile.create(
            config.runDir().resolve(CountersFileDescriptor.FILE_NAME), ProcessHandle.current().pid(),
            epochClock.time());
        counters = new EngineCounters(countersFile.newManager(epochClock));

        final FeedConfig feedConfig = config.feed();
        final UdpTransport recovery = UdpTransport.unicast(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), feedConfig.receiveBufferBytes());
        final UdpSender sender = recovery.newSender(feedConfig.rerequestAddress());
        final OrderBooks books = new OrderBooks(config.maxOrders(), config.maxLevelsPerSide(), config.maxBooks());
        feed = new MarketDataFeed(transport, recovery, sender, FRAMES_PER_POLL, feedConfig, books, counters);

        agent = new TradingAgent(
            HOT_ROLE_NAME,
            config.hotCpu(),
            config.commandDrainLimit(),
            config.stallThresholdNs(),
            nanoClock,
            epochClock,
            new ManyToOneRingBuffer(newRingBuffer(config.commandRingCapacity())),
            new OneToOneRingBuffer(newRingBuffer(config.replyRingCapacity())),
            new HandOffSlots<>(config.handOffSlots()),
            counters,
            feed);
        orderEntry = newOrderEntry(config.orderEntry(), books, nanoClock);
        strategies = new StrategySlots(agent.params(), orderEntry, books, agent.cachedNanoClock());
        agent.trading(orderEntry, strategies);
        // After trading(), which gave the feed the agent's clock: tick-to-trade starts at the receive stamp.
        feed.marketListener(strategies, transport::frameReceivedNs);
        hotRunner = new AgentRunner(
            new BusySpinIdleStrategy(), lastHotError::set, counters.get(EngineCounter.AGENT_ERRORS), agent);
    }

    /**
     * Assemble, start the receiver and the hot thread, and wait until the hot thread runs pinned.
     *
     * @param config     the same settings the engine is launched with (the feed's bind address is the
     *                   receiver's; order entry, strategies and parameters are required).
     * @param transport  the queue transport.
     * @param receiver   its receiver, started here.
     * @param nanoClock  the real clock.
     * @param epochClock the wall clock.
     * @return the running peer.
     */
    static QueuedEngine launch(
        final EngineConfig config,
        final QueuedFrameTransport transport,
        final QueueFeedReceiver receiver,
        final NanoClock nanoClock,
        final EpochClock epochClock)
    {
        final QueuedEngine engine;
        try
        {
            engine = new QueuedEngine(config, transport, receiver, nanoClock, epochClock);
        }
        catch (final RuntimeException ex)
        {
            receiver.close();
            throw ex;
        }
        try
        {
            engine.start();
            return engine;
        }
        catch (final RuntimeException ex)
        {
            engine.close();
            throw ex;
        }
    }

    private void start()
    {
        for (final EngineConfig.Param param : config.params())
        {
            final byte[] key = param.key().getBytes(StandardCharsets.US_ASCII);
            agent.params().set(param.slot(), new UnsafeBuffer(key), 0, key.length, param.value());
        }
        for (int slot = 0; slot < ParamTable.SLOT_COUNT; slot++)
        {
            final Strategy strategy = config.strategy(slot);
            if (null != strategy && !strategies.start(slot, strategy))
            {
                throw new IllegalStateException("strategy in slot " + slot + " failed to start: " +
                    strategies.fault(slot));
            }
        }
        orderEntry.connect(System.nanoTime());
        receiver.start();
        AgentRunner.startOnThread(hotRunner);
        final long deadlineNs = System.nanoTime() + START_TIMEOUT_NS;
        while (counter(EngineCounter.ENGINE_STATE) == EngineState.STARTING)
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new IllegalStateException("naive hot thread did not start within 10 s");
            }
            Thread.onSpinWait();
        }
        final String failure = agent.startFailure();
        if (failure != null)
        {
            throw new IllegalStateException(failure);
        }
    }

    private static OrderEntry newOrderEntry(
        final OrderEntryConfig config, final OrderBooks books, final NanoClock nanoClock)
    {
        final RiskLimits limits = new RiskLimits();
        for (final Map.Entry<String, Long> limit : config.limits().entrySet())
        {
            if (!RiskLimits.TRADING_STATE.equals(limit.getKey()))
            {
                limits.set(limit.getKey(), limit.getValue());
            }
        }
        return new OrderEntry(
            config.sessionSettings(), limits, config.maxLiveOrders(), config.maxInstruments(),
            config.firstUserRefNum(), books, nanoClock);
    }

    private static UnsafeBuffer newRingBuffer(final int capacity)
    {
        return new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            capacity + RingBufferDescriptor.TRAILER_LENGTH, CACHE_LINE_LENGTH));
    }

    /** {@inheritDoc} */
    public long counter(final EngineCounter counter)
    {
        return counters.get(counter).getAcquire();
    }

    /**
     * Stops the hot thread (the order path belongs to it), then fills the snapshot on this thread: the join
     * orders the hot thread's writes before these reads.
     *
     * @param timeout unused: stopping joins the thread.
     * @return the snapshot.
     */
    public synchronized TradingSnapshot snapshot(final Duration timeout)
    {
        stopHotThread();
        final TradingSnapshot snapshot = new TradingSnapshot();
        orderEntry.fill(snapshot);
        return snapshot;
    }

    /** {@inheritDoc} */
    public Throwable hotError()
    {
        return lastHotError.getAndSet(null);
    }

    /** {@inheritDoc} */
    public Throwable receiverFailure()
    {
        return receiver.failure();
    }

    /** {@inheritDoc} */
    public Histogram handOffLatency()
    {
        return receiver.putLatency();
    }

    private void stopHotThread()
    {
        if (!hotStopped)
        {
            hotStopped = true;
            CloseHelper.close(hotRunner);
        }
    }

    /** {@inheritDoc} */
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        stopHotThread();
        // The feed closes the queue transport, which stops the receiver, and the recovery socket.
        CloseHelper.closeAll(feed, orderEntry.session()::close, countersFile);
    }
}
