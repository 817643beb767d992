package corezero.bench;

import corezero.core.CommandProxy;
import corezero.core.CommandReply;
import corezero.core.CommandType;
import corezero.core.ReplyPoller;
import corezero.core.TradingAgent;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One command's full round trip on one thread: core 0 offers it, the agent runs one duty cycle (drains, applies,
 * replies), core 0 drains the reply and checks it was applied. Single-threaded on purpose: this is the cost of
 * the work on both sides, not of the cross-core hand-off, which a pinned two-thread harness measures.
 * <p>
 * Ours: {@code CommandProxy} into the many-to-one ring, {@code TradingAgent.doWork()} through {@code
 * CommandAdapter} and {@code ReplyPublisher} into the one-to-one reply ring, drained without allocation; plus the
 * same PAUSE/RESUME drained through {@link ReplyPoller} as {@code CommandClient} does, minus the blocking wait.
 * Peer, in the same run: command and reply objects through {@code ArrayBlockingQueue} or
 * {@code ConcurrentLinkedQueue} both ways ({@link NaiveCommandChannel}).
 * <p>
 * The forks run with the engine's GC and safepoint flags from bin/corezero. Not final: JMH generates subclasses
 * of benchmark and state classes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {
    "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "-XX:+UseSerialGC", "-XX:+UnlockDiagnosticVMOptions", "-XX:GuaranteedSafepointInterval=0" })
public class CommandChannelBenchmark
{
    static final int PARAM_SLOT = 3;
    static final String PARAM_KEY = "max-order-qty";
    static final int MAX_CYCLES_PER_COMMAND = 4;

    /** Ours: the engine's rings and agent, stepped on the benchmark thread. */
    @State(Scope.Thread)
    public static class RingChannel
    {
        CommandProxy proxy;
        TradingAgent agent;
        OneToOneRingBuffer replyRing;
        ReplyPoller replyPoller;
        final ReplySink sink = new ReplySink();
        long commandCount;

        /** Wire an agent with the engine's default sizes and the system clocks it runs with. */
        @Setup(Level.Trial)
        public void setUp()
        {
            final BenchAgent bench = new BenchAgent(new SystemNanoClock(), SystemEpochClock.INSTANCE);
            proxy = bench.proxy();
            agent = bench.agent();
            replyRing = bench.replyRing();
            replyPoller = new ReplyPoller(replyRing);
        }

        /** PAUSE then RESUME on alternate calls, so every command changes the state and is applied. */
        int nextPauseOrResume()
        {
            return (commandCount++ & 1) == 0 ? CommandType.PAUSE : CommandType.RESUME;
        }

        /**
         * Step the agent and drain the reply ring until the reply to this command is read. One cycle is the
         * rule; a record that wraps past the end of either ring takes one more, because a ring read stops at the
         * end of the buffer and picks up the wrapped record on the next call.
         */
        long awaitApplied(final long correlationId)
        {
            for (int cycle = 0; cycle < MAX_CYCLES_PER_COMMAND; cycle++)
            {
                agent.doWork();
                replyRing.read(sink);
                if (sink.correlationId == correlationId)
                {
                    sink.checkApplied(correlationId);
                    return sink.inputSequence;
                }
            }
            throw new IllegalStateException("no reply to #" + correlationId + " in " + MAX_CYCLES_PER_COMMAND +
                " duty cycles");
        }

        long awaitAppliedViaReplyPoller(final long correlationId, final CompletableFuture<CommandReply> future)
        {
            for (int cycle = 0; cycle < MAX_CYCLES_PER_COMMAND; cycle++)
            {
                agent.doWork();
                replyPoller.doWork();
                final CommandReply reply = future.getNow(null);
                if (reply != null)
                {
                    if (!reply.isApplied())
                    {
                        throw new IllegalStateException("expected applied reply #" + correlationId + ": " + reply);
                    }
                    return reply.inputSequence();
                }
            }
            throw new IllegalStateException("no reply to #" + correlationId + " in " + MAX_CYCLES_PER_COMMAND +
                " duty cycles");
        }
    }

    /** Peer: command and reply objects through a {@code java.util.concurrent} queue each way. */
    @State(Scope.Thread)
    public static class QueueChannel
    {
        /** Queue class used in both directions. */
        @Param({ "ArrayBlockingQueue", "ConcurrentLinkedQueue" })
        public String queue;

        NaiveCommandChannel channel;
        long commandCount;

        /** Build the queues and the naive agent. */
        @Setup(Level.Trial)
        public void setUp()
        {
            channel = new NaiveCommandChannel(queue);
        }

        int nextPauseOrResume()
        {
            return (commandCount++ & 1) == 0 ? CommandType.PAUSE : CommandType.RESUME;
        }

        long awaitApplied(final long correlationId)
        {
            channel.doWork();
            final CommandReply reply = channel.pollReply();
            if (reply == null || reply.correlationId() != correlationId || !reply.isApplied())
            {
                throw new IllegalStateException("expected applied reply #" + correlationId + ", got " + reply);
            }
            return reply.inputSequence();
        }
    }

    /**
     * Ours: PAUSE or RESUME round trip.
     *
     * @param ring the ring channel.
     * @return input sequence of the reply.
     */
    @Benchmark
    public long ringPauseResume(final RingChannel ring)
    {
        final long correlationId = ring.proxy.nextCorrelationId();
        if (!ring.proxy.offer(ring.nextPauseOrResume(), correlationId))
        {
            throw new IllegalStateException("command ring full");
        }
        return ring.awaitApplied(correlationId);
    }

    /**
     * Ours: SET_PARAM round trip, same key and a new value each time (an update in place in the table).
     *
     * @param ring the ring channel.
     * @return input sequence of the reply.
     */
    @Benchmark
    public long ringSetParam(final RingChannel ring)
    {
        final long correlationId = ring.proxy.nextCorrelationId();
        if (!ring.proxy.setParam(correlationId, PARAM_SLOT, PARAM_KEY, ring.commandCount++))
        {
            throw new IllegalStateException("command ring full");
        }
        return ring.awaitApplied(correlationId);
    }

    /**
     * Ours, with the reply taken the way {@code CommandClient} takes it: a future registered with the
     * {@link ReplyPoller} before the offer, completed when the poller drains the reply ring.
     *
     * @param ring the ring channel.
     * @return input sequence of the reply.
     */
    @Benchmark
    public long ringPauseResumeViaReplyPoller(final RingChannel ring)
    {
        final long correlationId = ring.proxy.nextCorrelationId();
        final CompletableFuture<CommandReply> future = ring.replyPoller.expect(correlationId);
        if (!ring.proxy.offer(ring.nextPauseOrResume(), correlationId))
        {
            throw new IllegalStateException("command ring full");
        }
        return ring.awaitAppliedViaReplyPoller(correlationId, future);
    }

    /**
     * Peer: PAUSE or RESUME round trip through queues.
     *
     * @param queue the queue channel.
     * @return input sequence of the reply.
     */
    @Benchmark
    public long queuePauseResume(final QueueChannel queue)
    {
        final long correlationId = queue.channel.nextCorrelationId();
        if (!queue.channel.offer(queue.nextPauseOrResume(), correlationId))
        {
            throw new IllegalStateException("command queue full");
        }
        return queue.awaitApplied(correlationId);
    }

    /**
     * Peer: SET_PARAM round trip through queues.
     *
     * @param queue the queue channel.
     * @return input sequence of the reply.
     */
    @Benchmark
    public long queueSetParam(final QueueChannel queue)
    {
        final long correlationId = queue.channel.nextCorrelationId();
        if (!queue.channel.offerSetParam(correlationId, PARAM_SLOT, PARAM_KEY, queue.commandCount++))
        {
            throw new IllegalStateException("command queue full");
        }
        return queue.awaitApplied(correlationId);
    }
}
