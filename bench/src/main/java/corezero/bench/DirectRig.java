package corezero.bench;

import corezero.core.Engine;
import corezero.core.TradingSnapshot;
import corezero.telemetry.EngineCounter;

import java.time.Duration;

/**
 * The engine as it runs in production: {@link Engine#launch} with its own kernel UDP transport, read by the hot
 * thread; the snapshot goes through the command channel, as the REPL's does. {@link QueuedEngine} is the same
 * engine over a queue transport.
 */
class DirectRig implements TickToTradeRig
{
    private final Engine engine;

    /**
     * @param engine the launched engine; closed with the rig.
     */
    DirectRig(final Engine engine)
    {
        this.engine = engine;
    }

    /** {@inheritDoc} */
    public long counter(final EngineCounter counter)
    {
        return engine.counter(counter);
    }

    /** {@inheritDoc} */
    public TradingSnapshot snapshot(final Duration timeout)
    {
        return engine.commands().fill(new TradingSnapshot(), timeout);
    }

    /** {@inheritDoc} */
    public corezero.strategy.StrategyChange changeStrategy(
        final corezero.strategy.StrategyChange change, final Duration timeout)
    {
        return engine.commands().changeStrategy(change, timeout);
    }

    /** {@inheritDoc} */
    public Throwable hotError()
    {
        return engine.takeLastHotError();
    }

    /** {@inheritDoc} */
    public void close()
    {
        engine.close();
    }
}
