package corezero.bench;

import corezero.core.TradingAgent;
import org.agrona.concurrent.CachedEpochClock;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Cost of one idle duty cycle of the {@link TradingAgent} (no commands waiting), against the floor of a spin loop
 * that does nothing but read {@code System.nanoTime()}. The agent with hand-driven clocks that never move shows
 * how much of the idle cycle is the two clock reads.
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
public class DutyCycleBenchmark
{
    /** An agent on the system clocks, as the engine runs it. */
    @State(Scope.Thread)
    public static class SystemClockAgent
    {
        TradingAgent agent;

        /** Wire and start the agent. */
        @Setup(Level.Trial)
        public void setUp()
        {
            agent = new BenchAgent(new SystemNanoClock(), SystemEpochClock.INSTANCE).agent();
        }
    }

    /** An agent on cached clocks nobody advances: the idle cycle without reading time. */
    @State(Scope.Thread)
    public static class FrozenClockAgent
    {
        TradingAgent agent;

        /** Wire and start the agent. */
        @Setup(Level.Trial)
        public void setUp()
        {
            agent = new BenchAgent(new CachedNanoClock(), new CachedEpochClock()).agent();
        }
    }

    /**
     * Ours: one idle duty cycle.
     *
     * @param state the agent.
     * @return work count (0).
     */
    @Benchmark
    public int idleDoWork(final SystemClockAgent state)
    {
        return state.agent.doWork();
    }

    /**
     * Ours without the clock reads: one idle duty cycle on frozen cached clocks.
     *
     * @param state the agent.
     * @return work count (0).
     */
    @Benchmark
    public int idleDoWorkFrozenClocks(final FrozenClockAgent state)
    {
        return state.agent.doWork();
    }

    /**
     * Peer, the floor: an empty loop iteration that reads the monotonic clock.
     *
     * @return the time read.
     */
    @Benchmark
    public long nanoTimeLoop()
    {
        return System.nanoTime();
    }
}
