package corezero.bench;

import corezero.core.TradingSnapshot;
import corezero.telemetry.EngineCounter;
import org.HdrHistogram.Histogram;

import java.time.Duration;

/**
 * An engine under test in the tick-to-trade harness, running against the exchange: the engine itself
 * ({@link DirectRig}) or the same hot path behind a receiver thread and a queue ({@link QueuedEngine}).
 */
interface TickToTradeRig extends AutoCloseable
{
    /**
     * @param counter which.
     * @return its current value, read from the counters on the harness's thread.
     */
    long counter(EngineCounter counter);

    /**
     * The order path's state and its tick-to-trade histogram. The rig may stop the hot thread to take it.
     *
     * @param timeout how long to wait for the hot thread.
     * @return a filled snapshot.
     */
    TradingSnapshot snapshot(Duration timeout);

    /**
     * Apply a strategy change at an event boundary.
     *
     * @param change  the change.
     * @param timeout how long to wait.
     * @return the change, applied.
     */
    corezero.strategy.StrategyChange changeStrategy(corezero.strategy.StrategyChange change, Duration timeout);

    /** @return the hot thread's last error, or null. */
    Throwable hotError();

    /** @return the naive receiver thread's failure, or null (none for the engine). */
    default Throwable receiverFailure()
    {
        return null;
    }

    /**
     * @return the naive receiver's time from its receive stamp to its {@code put} returning, ns, read after
     * {@link #close()}; empty for the engine, which has no hand-off.
     */
    default Histogram handOffLatency()
    {
        return new Histogram(3);
    }

    /** Stop every thread the rig started and close its sockets. Idempotent. */
    void close();
}
