package corezero.core;

import corezero.book.BookSnapshot;
import corezero.book.OrderBooks;
import corezero.risk.RiskResult;
import corezero.strategy.StrategyChange;
import corezero.strategy.StrategySlots;
import corezero.strategy.StrategySlotsSnapshot;
import corezero.sys.CpuPinning;
import corezero.sys.NativeSys;
import corezero.telemetry.DutyCycleTracker;
import corezero.telemetry.EngineCounter;
import corezero.telemetry.EngineCounters;
import net.openhft.affinity.Affinity;
import org.agrona.AsciiSequenceView;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.CachedEpochClock;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The hot thread's duty cycle. Each cycle: read the clocks once into the cached clocks every component uses,
 * track the cycle time, drain a bounded number of commands, then (unless paused) process inputs.
 * <p>
 * Runs pinned to its hot CPU under an {@link org.agrona.concurrent.AgentRunner} with a busy-spin idle strategy,
 * or stepped by hand through an {@link org.agrona.concurrent.AgentInvoker} in tests. After warm-up a cycle
 * allocates nothing, takes no lock and makes no system call.
 */
public final class TradingAgent implements Agent, CommandListener
{
    /** Duty cycles between publications of the trading counters when nothing happened on the session. */
    static final long COUNTER_PUBLISH_CYCLES = 1 << 16;

    private final String roleName;
    private final int hotCpu;
    private final int commandDrainLimit;
    private final NanoClock nanoClock;
    private final EpochClock epochClock;
    private final CachedNanoClock cachedNanoClock = new CachedNanoClock();
    private final CachedEpochClock cachedEpochClock = new CachedEpochClock();
    private final RingBuffer commandRing;
    private final CommandAdapter commandAdapter;
    private final HandOffSlots<Object> handOffSlots;
    private final ParamTable params = new ParamTable();
    private final DutyCycleTracker dutyCycleTracker;
    private final AtomicCounter dutyCycles;
    private final AtomicCounter activeCycles;
    private final AtomicCounter engineStateCounter;
    private final AtomicCounter hotCpuCounter;
    private final AtomicCounter inputSequenceCounter;
    private final MarketDataFeed feed;
    private final boolean hasFeed;

    private final EngineCounters counters;
    private final AsciiSequenceView symbolView = new AsciiSequenceView();
    private OrderEntry orderEntry;
    private StrategySlots strategies;
    private boolean hasOrderEntry;
    private boolean hasStrategies;
    private long countersPublishedAtCycle;

    private int engineState = EngineState.STARTING;
    private long inputSequence;
    private int pinnedCpu = -1;
    private volatile String startFailure;
    private volatile int threadId;

    /**
     * @param roleName          thread and agent name.
     * @param hotCpu            CPU to pin to at start, or -1 to leave the thread unpinned (tests).
     * @param commandDrainLimit most commands applied per duty cycle.
     * @param stallThresholdNs  duty cycles longer than this are counted as stalls.
     * @param nanoClock         source of monotonic time.
     * @param epochClock        source of wall-clock time.
     * @param commandRing       many-to-one ring of commands from core 0.
     * @param replyRing         one-to-one ring of replies to core 0.
     * @param handOffSlots      objects referenced by commands.
     * @param counters          the engine's counters.
     * @param feed              the market-data pipeline, or null for an engine without market data.
     */
    public TradingAgent(
        final String roleName,
        final int hotCpu,
        final int commandDrainLimit,
        final long stallThresholdNs,
        final NanoClock nanoClock,
        final EpochClock epochClock,
        final RingBuffer commandRing,
        final RingBuffer replyRing,
        final HandOffSlots<Object> handOffSlots,
        final EngineCounters counters,
        final MarketDataFeed feed)
    {
        this.feed = feed;
        this.hasFeed = null != feed;
        this.counters = counters;
        this.roleName = roleName;
        this.hotCpu = hotCpu;
        this.commandDrainLimit = commandDrainLimit;
        this.nanoClock = nanoClock;
        this.epochClock = epochClock;
        this.commandRing = commandRing;
        this.handOffSlots = handOffSlots;
        this.dutyCycleTracker = new DutyCycleTracker(
            counters.get(EngineCounter.MAX_DUTY_CYCLE_NS), counters.get(EngineCounter.STALLS), stallThresholdNs);
        this.dutyCycles = counters.get(EngineCounter.DUTY_CYCLES);
        this.activeCycles = counters.get(EngineCounter.ACTIVE_CYCLES);
        this.engineStateCounter = counters.get(EngineCounter.ENGINE_STATE);
        this.hotCpuCounter = counters.get(EngineCounter.HOT_CPU);
        this.inputSequenceCounter = counters.get(EngineCounter.INPUT_SEQUENCE);
        counters.get(EngineCounter.STALL_THRESHOLD_NS).setRelease(stallThresholdNs);
        this.commandAdapter = new CommandAdapter(
            this,
            new ReplyPublisher(replyRing, counters.get(EngineCounter.REPLIES_DROPPED)),
            counters.get(EngineCounter.COMMANDS_APPLIED),
            counters.get(EngineCounter.COMMANDS_REJECTED),
            counters.get(EngineCounter.INPUT_SEQUENCE));
    }

    /**
     * Give the agent its order path and strategy slots (assembly, before the agent starts). The strategy slots
     * also become the feed's market listener.
     *
     * @param orderEntry the order path, or null for an engine that does not trade.
     * @param strategies the strategy slots, or null for none.
     */
    public void trading(final OrderEntry orderEntry, final StrategySlots strategies)
    {
        this.orderEntry = orderEntry;
        this.hasOrderEntry = null != orderEntry;
        this.strategies = strategies;
        this.hasStrategies = null != strategies;
        if (hasOrderEntry && hasStrategies)
        {
            orderEntry.events(strategies);
        }
        if (hasFeed && hasStrategies)
        {
            feed.marketListener(strategies, nanoClock);
        }
    }

    /** {@inheritDoc} */
    public String roleName()
    {
        return roleName;
    }

    /**
     * Pin to the hot CPU. A failure stops the agent before it runs and is reported through
     * {@link #startFailure()} to the engine, which refuses to start.
     */
    public void onStart()
    {
        if (hotCpu >= 0)
        {
            try
            {
                pinnedCpu = CpuPinning.pinCurrentThread(hotCpu);
            }
            catch (final RuntimeException ex)
            {
                startFailure = "hot thread " + roleName + ": " + ex.getMessage();
                setState(EngineState.STOPPING);
                return;
            }
        }
        // Recorded before RUNNING is published, so core 0 can arm the kernel sentinel on this thread.
        threadId = NativeSys.isAvailable() ? NativeSys.gettid() : Affinity.getThreadId();
        hotCpuCounter.setRelease(pinnedCpu);
        setState(EngineState.RUNNING);
    }

    /** {@inheritDoc} */
    public int doWork()
    {
        final long nowNs = nanoClock.nanoTime();
        cachedNanoClock.update(nowNs);
        cachedEpochClock.update(epochClock.time());
        dutyCycleTracker.update(nowNs);

        int workCount = commandRing.read(commandAdapter, commandDrainLimit);
        if (hasOrderEntry && engineState != EngineState.STOPPING)
        {
            // The order session is polled while paused too: the venue's messages and heartbeats keep coming,
            // and a session left unread would be dropped by the venue.
            final int sessionWork = orderEntry.poll(nowNs);
            workCount += sessionWork;
            if (sessionWork > 0 || dutyCycles.getPlain() - countersPublishedAtCycle > COUNTER_PUBLISH_CYCLES)
            {
                publishTradingCounters();
            }
        }
        if (engineState == EngineState.RUNNING)
        {
            if (hasFeed)
            {
                final int frames = feed.poll(nowNs);
                if (frames > 0)
                {
                    // Each frame is one input; the journal (later) records them under these numbers.
                    inputSequence += frames;
                    inputSequenceCounter.setRelease(inputSequence);
                    workCount += frames;
                }
            }
            if (hasStrategies)
            {
                workCount += strategies.onTimer(nowNs);
            }
            activeCycles.incrementRelease();
        }
        dutyCycles.incrementRelease();
        return workCount;
    }

    /** {@inheritDoc} */
    public void onClose()
    {
        setState(EngineState.STOPPED);
    }

    /** {@inheritDoc} */
    public long nextInputSequence()
    {
        return ++inputSequence;
    }

    /** {@inheritDoc} */
    public int engineState()
    {
        return engineState;
    }

    /** {@inheritDoc} */
    public int onPause()
    {
        if (engineState == EngineState.STOPPING)
        {
            return RejectReason.SHUTTING_DOWN;
        }
        setState(EngineState.PAUSED);
        return RejectReason.NONE;
    }

    /** {@inheritDoc} */
    public int onResume()
    {
        if (engineState == EngineState.STOPPING)
        {
            return RejectReason.SHUTTING_DOWN;
        }
        setState(EngineState.RUNNING);
        return RejectReason.NONE;
    }

    /** {@inheritDoc} */
    public int onShutdown()
    {
        if (hasOrderEntry && engineState != EngineState.STOPPING)
        {
            // SoupBinTCP's orderly end: a Logout Request before the connection goes (the venue keeps the session,
            // and the next start resumes it). Open orders stay at the venue: cancel them first if they must not.
            orderEntry.session().logout();
        }
        setState(EngineState.STOPPING);
        return RejectReason.NONE;
    }

    /** {@inheritDoc} */
    public int onSetParam(
        final int slot, final DirectBuffer buffer, final int keyOffset, final int keyLength, final long value)
    {
        if (engineState == EngineState.STOPPING)
        {
            return RejectReason.SHUTTING_DOWN;
        }
        if (slot < 0 || slot >= ParamTable.SLOT_COUNT)
        {
            return RejectReason.SLOT_OUT_OF_RANGE;
        }
        return params.set(slot, buffer, keyOffset, keyLength, value) == ParamTable.FULL ?
            RejectReason.PARAM_TABLE_FULL : RejectReason.NONE;
    }

    /** {@inheritDoc} */
    public int onSnapshot(final int handOffIndex)
    {
        final Object handed = handOffSlots.take(handOffIndex);
        if (handed == null)
        {
            return RejectReason.HAND_OFF_EMPTY;
        }
        if (handed instanceof StrategySlotsSnapshot)
        {
            if (!hasStrategies)
            {
                return RejectReason.NO_MARKET_DATA;
            }
            ((StrategySlotsSnapshot)handed).fillFrom(strategies, hasOrderEntry ? orderEntry.orders() : null);
            return RejectReason.NONE;
        }
        if (handed instanceof TradingSnapshot)
        {
            if (!hasOrderEntry)
            {
                return RejectReason.NO_ORDER_ENTRY;
            }
            orderEntry.fill((TradingSnapshot)handed);
            return RejectReason.NONE;
        }
        if (handed instanceof BookSnapshot)
        {
            if (!hasFeed)
            {
                return RejectReason.NO_MARKET_DATA;
            }
            ((BookSnapshot)handed).fillFrom(feed.books());
            return RejectReason.NONE;
        }
        if (!(handed instanceof EngineSnapshot))
        {
            return RejectReason.HAND_OFF_WRONG_TYPE;
        }
        final EngineSnapshot snapshot = (EngineSnapshot)handed;
        snapshot.fill(
            engineState,
            inputSequence,
            dutyCycles.getPlain(),
            activeCycles.getPlain(),
            cachedNanoClock.nanoTime(),
            cachedEpochClock.time(),
            pinnedCpu,
            params.version());
        params.copyTo(snapshot);
        return RejectReason.NONE;
    }

    /** {@inheritDoc} */
    public int onSetLimit(final DirectBuffer buffer, final int keyOffset, final int keyLength, final long value)
    {
        if (!hasOrderEntry)
        {
            return RejectReason.NO_ORDER_ENTRY;
        }
        final int result = orderEntry.setLimit(buffer, keyOffset, keyLength, value);
        publishTradingCounters();
        switch (result)
        {
            case RiskResult.OK: return RejectReason.NONE;
            case RiskResult.UNKNOWN_KEY: return RejectReason.UNKNOWN_LIMIT;
            default: return RejectReason.BAD_LIMIT_VALUE;
        }
    }

    /** {@inheritDoc} */
    public int onStrategyChange(final int handOffIndex)
    {
        final Object handed = handOffSlots.take(handOffIndex);
        if (handed == null)
        {
            return RejectReason.HAND_OFF_EMPTY;
        }
        if (!(handed instanceof StrategyChange))
        {
            return RejectReason.HAND_OFF_WRONG_TYPE;
        }
        if (!hasStrategies)
        {
            return RejectReason.NO_MARKET_DATA;
        }
        final StrategyChange change = (StrategyChange)handed;
        change.inputSequence(inputSequence);
        strategies.apply(change);
        if (hasOrderEntry)
        {
            publishTradingCounters();
        }
        return RejectReason.NONE;
    }

    /** {@inheritDoc} */
    public int onKill()
    {
        if (!hasOrderEntry)
        {
            return RejectReason.NO_ORDER_ENTRY;
        }
        orderEntry.kill(cachedNanoClock.nanoTime());
        publishTradingCounters();
        return RejectReason.NONE;
    }

    /** {@inheritDoc} */
    public int onUnkill()
    {
        if (!hasOrderEntry)
        {
            return RejectReason.NO_ORDER_ENTRY;
        }
        orderEntry.unkill();
        publishTradingCounters();
        return RejectReason.NONE;
    }

    /** {@inheritDoc} */
    public int onCancelAll()
    {
        if (!hasOrderEntry)
        {
            return RejectReason.NO_ORDER_ENTRY;
        }
        orderEntry.cancelAll(0, cachedNanoClock.nanoTime());
        return RejectReason.NONE;
    }

    /** {@inheritDoc} */
    public int onFlatten(final DirectBuffer buffer, final int symbolOffset, final int symbolLength)
    {
        if (!hasOrderEntry)
        {
            return RejectReason.NO_ORDER_ENTRY;
        }
        if (!hasFeed)
        {
            return RejectReason.NO_MARKET_DATA;
        }
        final OrderBooks books = feed.books();
        final int locate = books.locateOf(symbolView.wrap(buffer, symbolOffset, symbolLength));
        if (locate <= 0)
        {
            return RejectReason.UNKNOWN_SYMBOL;
        }
        return orderEntry.flatten(locate, cachedNanoClock.nanoTime()) < 0 ?
            RejectReason.FLATTEN_FAILED : RejectReason.NONE;
    }

    /** @return the order path, or null (hot thread only). */
    public OrderEntry orderEntry()
    {
        return orderEntry;
    }

    /** @return the strategy slots, or null (hot thread only). */
    public StrategySlots strategies()
    {
        return strategies;
    }

    private void publishTradingCounters()
    {
        countersPublishedAtCycle = dutyCycles.getPlain();
        orderEntry.publishCounters(counters);
        if (hasStrategies)
        {
            long faults = 0;
            for (int slot = 0; slot < ParamTable.SLOT_COUNT; slot++)
            {
                faults += strategies.faultCount(slot);
            }
            counters.get(EngineCounter.STRATEGY_FAULTS).setRelease(faults);
        }
    }

    /**
     * Why the agent could not start, or null; read by the engine on core 0 while it waits for the start.
     *
     * @return reason or null.
     */
    public String startFailure()
    {
        return startFailure;
    }

    /**
     * The hot thread's Linux thread id, for perf counters on it; read on core 0 once the engine is RUNNING.
     *
     * @return thread id, or 0 before the thread started.
     */
    public int threadId()
    {
        return threadId;
    }

    /** @return the parameter table (hot thread only). */
    public ParamTable params()
    {
        return params;
    }

    /** @return the clock every hot-thread component reads, updated once per duty cycle. */
    public CachedNanoClock cachedNanoClock()
    {
        return cachedNanoClock;
    }

    /** @return the wall clock, updated once per duty cycle. */
    public CachedEpochClock cachedEpochClock()
    {
        return cachedEpochClock;
    }

    private void setState(final int state)
    {
        engineState = state;
        engineStateCounter.setRelease(state);
    }
}
