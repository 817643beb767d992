package corezero.bench;

import corezero.sys.CpuPinning;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the machine itself costs, measured in the same run as the tick-to-trade rounds and on the same hot CPU, so
 * that the engine's figures can be told apart from the platform's (docs BENCHMARKING.md):
 * <ul>
 *     <li><b>spin gaps</b>: a thread pinned to the hot CPU reads {@link System#nanoTime()} in a loop for a while;
 *     every gap between two reads is recorded. Its tail is the virtual machine's and the kernel's interruptions,
 *     which no code on that CPU can avoid.</li>
 *     <li><b>TCP send</b>: the same thread writes an OUCH-sized message (the 3-byte SoupBinTCP header and a
 *     47-byte Enter Order without options, as the engine's client writes it: one {@code write} per message,
 *     TCP_NODELAY, non-blocking) to a loopback TCP connection whose other end a thread on the ops CPU drains,
 *     paced like the probes; each {@code write} call is timed. That call sits inside the in-core span, and this
 *     is its floor. It is measured twice: with the reader blocked in {@code read} (as the venue's thread waits in
 *     its selector: each write also wakes it, an inter-processor interrupt to a CPU that may be halted), and with
 *     the reader spinning on non-blocking reads (no wake-up: the loopback TCP stack alone).</li>
 * </ul>
 * Run only while no engine runs: there is one busy thread on the hot CPU at a time.
 */
final class PlatformFloor
{
    private static final int MESSAGE_BYTES = 3 + 47;
    private static final long MAX_NS = TimeUnit.SECONDS.toNanos(10);

    private PlatformFloor()
    {
    }

    /**
     * @param spinGaps          gaps between successive clock reads of a pinned spin loop, ns.
     * @param tcpSends          durations of the loopback TCP writes to a blocked reader, ns.
     * @param tcpSendsNoWakeUp  the same to a spinning reader, ns.
     */
    record Result(Histogram spinGaps, Histogram tcpSends, Histogram tcpSendsNoWakeUp)
    {
    }

    /**
     * @param hotCpu    the CPU to measure on.
     * @param opsCpu    the CPU of the draining thread.
     * @param spinNs    how long to spin.
     * @param sends     TCP writes to time.
     * @param intervalNs time between two writes.
     * @return the histograms.
     */
    static Result measure(final int hotCpu, final int opsCpu, final long spinNs, final int sends, final long intervalNs)
    {
        final Histogram spinGaps = new Histogram(MAX_NS, 3);
        final Histogram tcpSends = new Histogram(MAX_NS, 3);
        final Histogram tcpSendsNoWakeUp = new Histogram(MAX_NS, 3);
        measure(hotCpu, opsCpu, spinNs, sends, intervalNs, spinGaps, tcpSends, false);
        measure(hotCpu, opsCpu, 0, sends, intervalNs, spinGaps, tcpSendsNoWakeUp, true);
        return new Result(spinGaps, tcpSends, tcpSendsNoWakeUp);
    }

    private static void measure(
        final int hotCpu, final int opsCpu, final long spinNs, final int sends, final long intervalNs,
        final Histogram spinGaps, final Histogram tcpSends, final boolean spinningReader)
    {
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        try (ServerSocketChannel server = ServerSocketChannel.open())
        {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            final Thread drain = new Thread(() -> drain(server, opsCpu, spinningReader, failure), "cz-floor-drain");
            drain.start();
            final Thread hot = new Thread(
                () -> onHotCpu(hotCpu, server, spinNs, sends, intervalNs, spinGaps, tcpSends, failure),
                "cz-floor-hot");
            hot.start();
            join(hot);
            join(drain);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        if (null != failure.get())
        {
            throw new IllegalStateException("platform floor failed: " + failure.get(), failure.get());
        }
    }

    private static void onHotCpu(
        final int hotCpu, final ServerSocketChannel server, final long spinNs, final int sends, final long intervalNs,
        final Histogram spinGaps, final Histogram tcpSends, final AtomicReference<Throwable> failure)
    {
        SocketChannel channel = null;
        try
        {
            CpuPinning.pinCurrentThread(hotCpu);
            final long endNs = System.nanoTime() + spinNs;
            long previousNs = System.nanoTime();
            while (previousNs < endNs)
            {
                final long nowNs = System.nanoTime();
                spinGaps.recordValue(nowNs - previousNs);
                previousNs = nowNs;
            }

            channel = SocketChannel.open(server.getLocalAddress());
            channel.setOption(StandardSocketOptions.TCP_NODELAY, Boolean.TRUE);
            channel.configureBlocking(false);
            final ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE_BYTES);
            long nextNs = System.nanoTime();
            for (int i = 0; i < sends; i++)
            {
                while (System.nanoTime() < nextNs)
                {
                    Thread.onSpinWait();
                }
                nextNs += intervalNs;
                message.clear();
                final long startNs = System.nanoTime();
                final int written = channel.write(message);
                final long durationNs = System.nanoTime() - startNs;
                if (written != MESSAGE_BYTES)
                {
                    throw new IllegalStateException("short write: " + written + " of " + MESSAGE_BYTES);
                }
                tcpSends.recordValue(Math.min(durationNs, MAX_NS));
            }
        }
        catch (final Throwable ex)
        {
            failure.compareAndSet(null, ex);
        }
        finally
        {
            // Closing ends the drain thread's reads; without a connection, closing the server ends its accept.
            CloseHelper.quietClose(null == channel ? server : channel);
        }
    }

    private static void drain(
        final ServerSocketChannel server, final int opsCpu, final boolean spinning,
        final AtomicReference<Throwable> failure)
    {
        try
        {
            CpuPinning.pinCurrentThread(opsCpu);
            try (SocketChannel peer = server.accept())
            {
                peer.configureBlocking(!spinning);
                final ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
                while (peer.read(buffer) >= 0)
                {
                    buffer.clear();
                }
            }
        }
        catch (final Throwable ex)
        {
            failure.compareAndSet(null, ex);
        }
    }

    private static void join(final Thread thread)
    {
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive())
        {
            throw new IllegalStateException(thread.getName() + " did not finish within 30 s");
        }
    }
}
