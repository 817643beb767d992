package corezero.bench;

import corezero.sys.CpuPinning;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The receiving half of the naive design: a thread on the ops CPU blocks in {@code receive} on a UDP socket, stamps
 * each datagram with {@link System#nanoTime()}, copies it into a new {@code byte[]} and puts it into a
 * {@link BlockingQueue} for the hot thread.
 * <p>
 * It blocks, rather than polling a non-blocking {@link corezero.nic.UdpTransport}, because the ops CPU is shared
 * with the venue's thread, the JIT and GC: a second busy-spinning thread there would take the venue's CPU, and a
 * sleeping one would add the park granularity (tens of microseconds) to every frame. Blocking is also what the
 * naive design does. The socket asks for the same receive buffer as {@code UdpTransport}.
 */
final class QueueFeedReceiver implements AutoCloseable
{
    private static final long JOIN_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(5);

    private final DatagramChannel channel;
    private final BlockingQueue<ReceivedFrame> queue;
    private final ByteBuffer receiveBuffer;
    private final int maxFrameLength;
    private final int opsCpu;
    private final InetSocketAddress localAddress;
    private final Thread thread;
    private volatile long framesReceived;
    private volatile long framesTruncated;
    private volatile Throwable failure;
    /** Receiver thread only, read after it stopped: stamp to {@code put} returned, ns. */
    private final Histogram putLatency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);

    /**
     * Bind the socket; the thread starts with {@link #start()}.
     *
     * @param bindAddress    local address, port 0 for any free one.
     * @param maxFrameLength largest datagram accepted; longer ones are dropped and counted.
     * @param queue          where the frames go.
     * @param opsCpu         CPU the receiver thread pins itself to.
     */
    QueueFeedReceiver(
        final InetSocketAddress bindAddress,
        final int maxFrameLength,
        final BlockingQueue<ReceivedFrame> queue,
        final int opsCpu)
    {
        this.queue = queue;
        this.maxFrameLength = maxFrameLength;
        this.opsCpu = opsCpu;
        this.receiveBuffer = ByteBuffer.allocateDirect(maxFrameLength + 1);
        DatagramChannel opened = null;
        try
        {
            opened = DatagramChannel.open(StandardProtocolFamily.INET);
            opened.setOption(StandardSocketOptions.SO_RCVBUF, corezero.nic.UdpTransport.SOCKET_RECEIVE_BUFFER_BYTES);
            opened.configureBlocking(true);
            opened.bind(bindAddress);
            this.localAddress = (InetSocketAddress)opened.getLocalAddress();
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(opened);
            throw new UncheckedIOException("cannot bind udp " + bindAddress + ": " + ex.getMessage(), ex);
        }
        this.channel = opened;
        this.thread = new Thread(this::run, "cz-naive-receiver");
        this.thread.setDaemon(true);
    }

    /** Start the receiver thread. */
    void start()
    {
        thread.start();
    }

    /** @return the bound address, with the actual port. */
    InetSocketAddress localAddress()
    {
        return localAddress;
    }

    /** @return datagrams put into the queue. */
    long framesReceived()
    {
        return framesReceived;
    }

    /** @return datagrams longer than the largest frame, dropped. */
    long framesTruncated()
    {
        return framesTruncated;
    }

    /**
     * @return a copy of the time from the receive stamp to {@code put} returned, ns; read it after {@link #close()}
     * (the join orders the receiver thread's writes before the copy).
     */
    Histogram putLatency()
    {
        return putLatency.copy();
    }

    /** @return what stopped the thread other than {@link #close()}, or null. */
    Throwable failure()
    {
        return failure;
    }

    private void run()
    {
        try
        {
            CpuPinning.pinCurrentThread(opsCpu);
            while (true)
            {
                receiveBuffer.clear();
                channel.receive(receiveBuffer);
                final long receivedNs = System.nanoTime();
                final int length = receiveBuffer.position();
                if (length > maxFrameLength)
                {
                    framesTruncated++;
                    continue;
                }
                final byte[] bytes = new byte[length];
                receiveBuffer.flip();
                receiveBuffer.get(bytes);
                queue.put(new ReceivedFrame(receivedNs, bytes));
                putLatency.recordValue(Math.min(System.nanoTime() - receivedNs, putLatency.getHighestTrackableValue()));
                framesReceived++;
            }
        }
        catch (final ClosedChannelException | InterruptedException ex)
        {
            // close(): the end of the run.
        }
        catch (final IOException | RuntimeException ex)
        {
            failure = ex;
        }
    }

    /** Close the socket (which ends a blocked receive), stop the thread and wait for it. Idempotent. */
    public void close()
    {
        CloseHelper.quietClose(channel);
        thread.interrupt();
        try
        {
            thread.join(JOIN_TIMEOUT_MS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive())
        {
            throw new IllegalStateException("naive receiver thread did not stop within " + JOIN_TIMEOUT_MS + " ms");
        }
    }
}
