package corezero.bench;

import corezero.core.Engine;
import corezero.core.EngineConfig;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;

/**
 * The naive peer of the engine: the very same {@link Engine} (MoldUDP64 session, ITCH decoder, books, strategy
 * slots, risk gate, OUCH over SoupBinTCP on a busy-spin agent pinned to the hot CPU), from the same
 * {@link EngineConfig}, except that its feed transport is a {@link QueuedFrameTransport}: a receiver thread on the
 * ops CPU reads the socket and the frames cross a queue ({@link EngineConfig#withFeedTransport}). Tick-to-trade
 * starts at the receiver's stamp, not at the dequeue. Re-requests and their answers use the engine's own recovery
 * socket, polled by the hot thread.
 */
final class QueuedEngine extends DirectRig
{
    private final QueueFeedReceiver receiver;

    private QueuedEngine(final Engine engine, final QueueFeedReceiver receiver)
    {
        super(engine);
        this.receiver = receiver;
    }

    /**
     * Start the receiver, launch the engine over the queue transport and wait until its hot thread runs pinned.
     *
     * @param config     the same settings the direct engine is launched with (the feed's bind address is the
     *                   receiver's).
     * @param transport  the queue transport.
     * @param receiver   its receiver, started here and stopped with the rig.
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
        receiver.start();
        try
        {
            final Engine engine = Engine.launch(
                config.withFeedTransport(transport, transport::frameReceivedNs), nanoClock, epochClock);
            return new QueuedEngine(engine, receiver);
        }
        catch (final RuntimeException ex)
        {
            receiver.close();
            throw ex;
        }
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

    /** {@inheritDoc} */
    @Override
    public void close()
    {
        // The engine closes the feed, which closes the queue transport; the receiver is stopped after it.
        super.close();
        receiver.close();
    }
}
