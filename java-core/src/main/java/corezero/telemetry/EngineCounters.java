package corezero.telemetry;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * The engine's counters allocated in the shared counters file. The hot thread writes them with release
 * stores (single writer each); readers on core 0 or in other processes read them with acquire loads.
 */
public final class EngineCounters implements AutoCloseable
{
    private final AtomicCounter[] counters = new AtomicCounter[EngineCounter.values().length];

    /**
     * Allocate every {@link EngineCounter}.
     *
     * @param manager the counters manager over the counters file.
     */
    public EngineCounters(final CountersManager manager)
    {
        for (final EngineCounter counter : EngineCounter.values())
        {
            counters[counter.ordinal()] = manager.newCounter(counter.label(), counter.typeId());
        }
        get(EngineCounter.HOT_CPU).setRelease(-1);
    }

    /**
     * @param counter which.
     * @return its atomic counter.
     */
    public AtomicCounter get(final EngineCounter counter)
    {
        return counters[counter.ordinal()];
    }

    /** Free the counters. */
    public void close()
    {
        for (final AtomicCounter counter : counters)
        {
            counter.close();
        }
    }
}
