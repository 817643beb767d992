package corezero.bench;

import corezero.core.CommandProxy;
import corezero.core.EngineConfig;
import corezero.core.HandOffSlots;
import corezero.core.TradingAgent;
import corezero.telemetry.EngineCounter;
import corezero.telemetry.EngineCounters;
import org.agrona.BufferUtil;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import static org.agrona.BitUtil.CACHE_LINE_LENGTH;

/**
 * A {@link TradingAgent} wired as the engine wires it (cache-line aligned direct rings, counters allocated by a
 * {@link CountersManager}, default drain limit and stall threshold) but in plain memory rather than the counters
 * file, unpinned, and stepped by the caller one {@link TradingAgent#doWork()} at a time.
 */
public final class BenchAgent
{
    private final OneToOneRingBuffer replyRing;
    private final TradingAgent agent;
    private final CommandProxy proxy;

    /**
     * Wire an agent with the engine's default ring sizes and started (state RUNNING).
     *
     * @param nanoClock  the agent's monotonic clock.
     * @param epochClock the agent's wall clock.
     */
    public BenchAgent(final NanoClock nanoClock, final EpochClock epochClock)
    {
        final ManyToOneRingBuffer commandRing = new ManyToOneRingBuffer(ring(EngineConfig.DEFAULT_RING_CAPACITY));
        replyRing = new OneToOneRingBuffer(ring(EngineConfig.DEFAULT_RING_CAPACITY));
        final int counterCount = EngineCounter.values().length;
        final EngineCounters counters = new EngineCounters(new CountersManager(
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(
                counterCount * CountersReader.METADATA_LENGTH, CACHE_LINE_LENGTH)),
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(
                counterCount * CountersReader.COUNTER_LENGTH, CACHE_LINE_LENGTH))));
        agent = new TradingAgent(
            "cz-bench",
            -1,
            EngineConfig.DEFAULT_COMMAND_DRAIN_LIMIT,
            EngineConfig.DEFAULT_STALL_THRESHOLD_NS,
            nanoClock,
            epochClock,
            commandRing,
            replyRing,
            new HandOffSlots<>(EngineConfig.DEFAULT_HAND_OFF_SLOTS),
            counters,
            null);
        proxy = new CommandProxy(commandRing);
        agent.onStart();
    }

    /** @return the agent, to step with {@link TradingAgent#doWork()}. */
    public TradingAgent agent()
    {
        return agent;
    }

    /** @return the core-0 side encoder into the command ring. */
    public CommandProxy proxy()
    {
        return proxy;
    }

    /** @return the ring the agent publishes replies into. */
    public OneToOneRingBuffer replyRing()
    {
        return replyRing;
    }

    private static UnsafeBuffer ring(final int capacity)
    {
        return new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            capacity + RingBufferDescriptor.TRAILER_LENGTH, CACHE_LINE_LENGTH));
    }
}
