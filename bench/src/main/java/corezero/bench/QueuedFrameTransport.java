package corezero.bench;

import corezero.nic.FrameHandler;
import corezero.nic.FrameTransport;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.BlockingQueue;

/**
 * The hot thread's half of the naive design: frames are taken from a {@code java.util.concurrent} queue that a
 * {@link QueueFeedReceiver} fills, instead of being read from the socket by the hot thread itself. Each frame is
 * wrapped in place (no second copy) and handed to the feed.
 * <p>
 * {@link #frameReceivedNs()} is the receive stamp of the frame being handed over, which the feed uses as the
 * start of tick-to-trade: the naive variant's in-core span starts when the receiver thread read the datagram,
 * so it includes the queue hop and the copy, as the engine's span includes its own {@code recvfrom} return.
 */
final class QueuedFrameTransport implements FrameTransport
{
    private final BlockingQueue<ReceivedFrame> queue;
    private final QueueFeedReceiver receiver;
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[0]);
    private final String description;
    private long frameReceivedNs;
    private boolean delivering;

    /**
     * @param queue    the queue the receiver fills.
     * @param receiver the receiver; closed with this transport.
     */
    QueuedFrameTransport(final BlockingQueue<ReceivedFrame> queue, final QueueFeedReceiver receiver)
    {
        this.queue = queue;
        this.receiver = receiver;
        this.description = "udp " + receiver.localAddress() + " -> receiver thread -> " +
            queue.getClass().getSimpleName();
    }

    /** {@inheritDoc} */
    public int poll(final FrameHandler handler, final int limit)
    {
        int frames = 0;
        while (frames < limit)
        {
            final ReceivedFrame received = queue.poll();
            if (null == received)
            {
                break;
            }
            frameReceivedNs = received.receivedNs();
            frame.wrap(received.bytes());
            frames++;
            delivering = true;
            try
            {
                handler.onFrame(frame, 0, received.bytes().length);
            }
            finally
            {
                delivering = false;
            }
        }
        return frames;
    }

    /**
     * The feed's frame clock (hot thread). The feed also reads it for frames of its recovery transport (answers
     * to re-requests), which the hot thread reads itself: those are stamped now, as the engine stamps them.
     *
     * @return when the receiver thread read the frame now being handed over, else {@link System#nanoTime()}.
     */
    long frameReceivedNs()
    {
        return delivering ? frameReceivedNs : System.nanoTime();
    }

    /** {@inheritDoc} */
    public String description()
    {
        return description;
    }

    /** {@inheritDoc} */
    public void close()
    {
        receiver.close();
    }
}
