package corezero.core;

import corezero.telemetry.EngineCounter;
import corezero.telemetry.EngineCounters;
import org.agrona.concurrent.CachedEpochClock;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.ByteBuffer;

/**
 * A trading agent wired to real rings and counters in plain memory, unpinned, with hand-driven clocks: the
 * test steps its duty cycle (invoker style) and drives the reply poller itself.
 */
final class AgentFixture
{
    static final long STALL_THRESHOLD_NS = 100_000;

    final CachedNanoClock nanoClock = new CachedNanoClock();
    final CachedEpochClock epochClock = new CachedEpochClock();
    final ManyToOneRingBuffer commandRing;
    final OneToOneRingBuffer replyRing;
    final HandOffSlots<Object> handOffSlots = new HandOffSlots<>(4);
    final EngineCounters counters;
    final TradingAgent agent;
    final ReplyPoller replyPoller;
    final CommandProxy proxy;
    final CommandClient client;

    AgentFixture(final int commandRingCapacity, final int replyRingCapacity, final int drainLimit)
    {
        this(commandRingCapacity, replyRingCapacity, drainLimit, null, null);
    }

    /** With real clocks as the agent's source, for tests that run it free rather than step it. */
    static AgentFixture withSystemClocks()
    {
        return new AgentFixture(
            64 * 1024, 64 * 1024, EngineConfig.DEFAULT_COMMAND_DRAIN_LIMIT,
            new SystemNanoClock(), SystemEpochClock.INSTANCE);
    }

    private AgentFixture(
        final int commandRingCapacity,
        final int replyRingCapacity,
        final int drainLimit,
        final NanoClock sourceNanoClock,
        final EpochClock sourceEpochClock)
    {
        commandRing = new ManyToOneRingBuffer(ring(commandRingCapacity));
        replyRing = new OneToOneRingBuffer(ring(replyRingCapacity));
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(64 * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(64 * CountersReader.COUNTER_LENGTH)));
        counters = new EngineCounters(manager);
        agent = new TradingAgent(
            "test-agent",
            -1,
            drainLimit,
            STALL_THRESHOLD_NS,
            sourceNanoClock == null ? nanoClock : sourceNanoClock,
            sourceEpochClock == null ? epochClock : sourceEpochClock,
            commandRing,
            replyRing,
            handOffSlots,
            counters,
            null);
        replyPoller = new ReplyPoller(replyRing);
        proxy = new CommandProxy(commandRing);
        client = new CommandClient(proxy, replyPoller, handOffSlots);
        agent.onStart();
    }

    AgentFixture()
    {
        this(64 * 1024, 64 * 1024, EngineConfig.DEFAULT_COMMAND_DRAIN_LIMIT);
    }

    long counter(final EngineCounter counter)
    {
        return counters.get(counter).get();
    }

    /** Step the agent n duty cycles, 1 us apart. */
    void step(final int n)
    {
        for (int i = 0; i < n; i++)
        {
            nanoClock.advance(1_000);
            agent.doWork();
        }
    }

    private static UnsafeBuffer ring(final int capacity)
    {
        return new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH));
    }
}
