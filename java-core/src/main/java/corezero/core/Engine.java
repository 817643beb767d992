package corezero.core;

import corezero.book.OrderBooks;
import corezero.nic.RingTransport;
import corezero.nic.UdpTransport;
import corezero.risk.RiskLimits;
import corezero.sentinel.KernelSentinel;
import corezero.strategy.Strategy;
import corezero.strategy.StrategySlots;
import corezero.telemetry.CountersFile;
import corezero.telemetry.CountersFileDescriptor;
import corezero.telemetry.EngineCounter;
import corezero.telemetry.EngineCounters;
import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.agrona.BitUtil.CACHE_LINE_LENGTH;

/**
 * Assembles and runs the core: counters file, command and reply rings, the {@link TradingAgent} on its own
 * pinned busy-spin thread, and the core-0 reply poller. {@link #close()} is idempotent.
 */
public final class Engine implements AutoCloseable
{
    /** Name of the hot agent and its thread (Linux shows the first 15 characters). */
    public static final String HOT_ROLE_NAME = "cz-hot-1";

    private static final long START_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private final EngineConfig config;
    private final CountersFile countersFile;
    private final CountersManager countersManager;
    private final EngineCounters counters;
    private final TradingAgent agent;
    private final AgentRunner hotRunner;
    private final AgentRunner replyRunner;
    private final MarketDataFeed feed;
    private final OrderEntry orderEntry;
    private final StrategySlots strategies;
    private final CommandClient commandClient;
    private final KernelSentinel sentinel;
    private final List<String> startupNotes = new ArrayList<>();
    private final AtomicReference<Throwable> lastHotError = new AtomicReference<>();
    private boolean closed;

    private Engine(final EngineConfig config, final NanoClock nanoClock, final EpochClock epochClock)
    {
        this.config = config;
        createRunDir(config.runDir());
        countersFile = CountersFile.create(
            config.runDir().resolve(CountersFileDescriptor.FILE_NAME), ProcessHandle.current().pid(),
            epochClock.time());
        countersManager = countersFile.newManager(epochClock);
        counters = new EngineCounters(countersManager);

        final ManyToOneRingBuffer commandRing = new ManyToOneRingBuffer(newRingBuffer(config.commandRingCapacity()));
        final OneToOneRingBuffer replyRing = new OneToOneRingBuffer(newRingBuffer(config.replyRingCapacity()));
        final HandOffSlots<Object> handOffSlots = new HandOffSlots<>(config.handOffSlots());
        feed = null == config.feed() ? null : newFeed(config, counters, startupNotes);
        if (null != config.orderEntry() && null == feed)
        {
            throw new IllegalArgumentException(
                "config :order-entry needs a :feed: orders name instruments by the feed's Stock Directory symbols");
        }

        agent = new TradingAgent(
            HOT_ROLE_NAME,
            config.hotCpu(),
            config.commandDrainLimit(),
            config.stallThresholdNs(),
            nanoClock,
            epochClock,
            commandRing,
            replyRing,
            handOffSlots,
            counters,
            feed);
        orderEntry = null == config.orderEntry() ? null : newOrderEntry(config.orderEntry(), feed.books(), nanoClock);
        strategies = null == feed ? null :
            new StrategySlots(agent.params(), orderEntry, feed.books(), agent.cachedNanoClock());
        agent.trading(orderEntry, strategies);
        if (null != strategies && null != config.frameClock())
        {
            feed.marketListener(strategies, config.frameClock());
        }
        // The error handler runs on the hot thread: it only stores the error for core 0 to report.
        hotRunner = new AgentRunner(
            new BusySpinIdleStrategy(), lastHotError::set, counters.get(EngineCounter.AGENT_ERRORS), agent);

        final ReplyPoller replyPoller = new ReplyPoller(replyRing);
        sentinel = new KernelSentinel(agent::threadId, counters,
            null != feed && feed.transport() instanceof RingTransport ? (RingTransport)feed.transport() : null,
            config.kernelSentinel());
        replyRunner = new AgentRunner(
            new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1)),
            Throwable::printStackTrace, null, new CompositeAgent(replyPoller, sentinel));
        commandClient = new CommandClient(new CommandProxy(commandRing), replyPoller, handOffSlots);
    }

    /**
     * Start the engine and wait until the hot thread is pinned and running.
     *
     * @param config     settings.
     * @param nanoClock  monotonic clock for the agent.
     * @param epochClock wall clock for the agent.
     * @return the running engine.
     * @throws IllegalStateException when the hot thread cannot start (e.g. pinning refused), with the reason.
     */
    public static Engine launch(final EngineConfig config, final NanoClock nanoClock, final EpochClock epochClock)
    {
        final Engine engine = new Engine(config, nanoClock, epochClock);
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
        // Before the hot thread starts, core 0 may write its parameter table: Thread.start orders the writes.
        for (final EngineConfig.Param param : config.params())
        {
            agent.params().set(param.slot(), param.key(), param.value());
        }
        if (null != strategies)
        {
            for (int slot = 0; slot < ParamTable.SLOT_COUNT; slot++)
            {
                final Strategy strategy = config.strategy(slot);
                if (null != strategy && !strategies.start(slot, strategy))
                {
                    throw new IllegalStateException("strategy in slot " + slot + " failed to start: " +
                        strategies.fault(slot));
                }
            }
        }
        if (null != orderEntry)
        {
            orderEntry.connect(System.nanoTime());
        }
        AgentRunner.startOnThread(replyRunner);
        AgentRunner.startOnThread(hotRunner);
        if (null != strategies)
        {
            // Compile the swap path on core 0 in the background (its own scratch books, nothing shared with the hot
            // thread), so that a first swap does not run interpreted; it costs the start-up nothing.
            final Thread warm = new Thread(
                () -> StrategySlots.warmChangePath(new OrderBooks(64, 16, 1), SWAP_WARM_UP), "cz-warm-swap");
            warm.setDaemon(true);
            warm.start();
        }
        final long deadlineNs = System.nanoTime() + START_TIMEOUT_NS;
        while (engineState() == EngineState.STARTING)
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new IllegalStateException("hot thread did not start within 10 s");
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
        final OrderEntry entry = new OrderEntry(
            config.sessionSettings(), limits, config.maxLiveOrders(), config.maxInstruments(),
            config.firstUserRefNum(), books, nanoClock);
        entry.pollIntervalNs(config.sessionPollIntervalNs());
        final Long state = config.limits().get(RiskLimits.TRADING_STATE);
        if (null != state)
        {
            entry.gate().tradingState(state);
        }
        return entry;
    }

    /** Swaps the change path is exercised with at start, so the hot thread's first real swap runs compiled. */
    private static final int SWAP_WARM_UP = 20_000;

    /** Frames taken from each transport per duty cycle. */
    private static final int FRAMES_PER_POLL = 16;

    private static MarketDataFeed newFeed(
        final EngineConfig config, final EngineCounters counters, final List<String> notes)
    {
        final FeedConfig feedConfig = config.feed();
        final FeedTransports.Opened opened = FeedTransports.open(feedConfig, config.feedTransport(), notes);
        try
        {
            final OrderBooks books = new OrderBooks(config.maxOrders(), config.maxLevelsPerSide(), config.maxBooks());
            return new MarketDataFeed(
                opened.transport, opened.recovery, opened.sender, FRAMES_PER_POLL, feedConfig, books, counters);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(opened.sender, opened.transport, opened.recovery);
            throw ex;
        }
    }

    private static UnsafeBuffer newRingBuffer(final int capacity)
    {
        return new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            capacity + RingBufferDescriptor.TRAILER_LENGTH, CACHE_LINE_LENGTH));
    }

    private static void createRunDir(final Path runDir)
    {
        try
        {
            Files.createDirectories(runDir);
            // 0700: the REPL socket inside grants code execution to whoever can reach it.
            Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwx------"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create run directory " + runDir, ex);
        }
    }

    /** @return settings. */
    public EngineConfig config()
    {
        return config;
    }

    /** @return the command client used by the REPL. */
    public CommandClient commands()
    {
        return commandClient;
    }

    /** @return a reader over this engine's counters. */
    public CountersReader counters()
    {
        return countersManager;
    }

    /**
     * @param counter which.
     * @return its current value (acquire load).
     */
    public long counter(final EngineCounter counter)
    {
        return counters.get(counter).getAcquire();
    }

    /** @return {@link EngineState} code, from its counter. */
    public int engineState()
    {
        return (int)counter(EngineCounter.ENGINE_STATE);
    }

    /** @return the local address the feed receives on when it is kernel UDP, else null. */
    public InetSocketAddress feedLocalAddress()
    {
        return null != feed && feed.transport() instanceof UdpTransport ?
            ((UdpTransport)feed.transport()).localAddress() : null;
    }

    /**
     * What could not be done as configured, one sentence each, for the launcher to print once: a native feed
     * transport that fell back to kernel UDP and why.
     *
     * @return the notes, possibly empty.
     */
    public List<String> startupNotes()
    {
        return List.copyOf(startupNotes);
    }

    /** @return the hot thread's Linux thread id, 0 before it started. */
    public int hotThreadId()
    {
        return agent.threadId();
    }

    /** @return the kernel sentinel counting the hot thread's kernel entries (core 0). */
    public KernelSentinel kernelSentinel()
    {
        return sentinel;
    }

    /** @return what the feed reads from, or "none". */
    public String feedDescription()
    {
        return null == feed ? "none" : feed.transport().description();
    }

    /** @return true when the engine has an order path. */
    public boolean hasOrderEntry()
    {
        return null != orderEntry;
    }

    /** @return the order path's settings, or null. */
    public OrderEntryConfig orderEntryConfig()
    {
        return config.orderEntry();
    }

    /** @return true when the engine has a market-data feed. */
    public boolean hasFeed()
    {
        return null != feed;
    }

    /** @return the hot thread, or null before start. */
    public Thread hotThread()
    {
        return hotRunner.thread();
    }

    /**
     * The last error the hot thread's runner caught, taken (so it is reported once).
     *
     * @return the error or null.
     */
    public Throwable takeLastHotError()
    {
        return lastHotError.getAndSet(null);
    }

    /** @return true once shutdown has been applied by the agent or the engine is closed. */
    public boolean isStopRequested()
    {
        final int state = engineState();
        return state == EngineState.STOPPING || state == EngineState.STOPPED;
    }

    /**
     * Stop the hot thread (joining it) and the reply poller. Idempotent. The counters stay mapped, with their
     * last values, until the engine is unreachable: REPL threads may still be reading them, and unmapping under
     * a reader would crash the process.
     */
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        CloseHelper.closeAll(hotRunner, replyRunner, feed);
        if (null != orderEntry)
        {
            // The hot thread has stopped: the session is closed from here (no logout: the venue keeps the
            // session, and the next start resumes it).
            orderEntry.session().close();
        }
        counters.get(EngineCounter.ENGINE_STATE).setRelease(EngineState.STOPPED);
    }
}
