package corezero.venue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Loopback UDP helpers for tests: ephemeral ports on 127.0.0.1 and receives bounded in time.
 */
final class LoopbackUdp
{
    static final long RECEIVE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);

    private LoopbackUdp()
    {
    }

    /**
     * @return a non-blocking channel bound to an ephemeral port on 127.0.0.1 with a large receive buffer.
     * @throws IOException if it cannot be bound.
     */
    static DatagramChannel bind() throws IOException
    {
        final DatagramChannel channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 * 1024 * 1024);
        channel.configureBlocking(false);
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

        return channel;
    }

    /**
     * @param channel bound channel.
     * @return its local address.
     * @throws IOException if it is closed.
     */
    static InetSocketAddress address(final DatagramChannel channel) throws IOException
    {
        return (InetSocketAddress)channel.getLocalAddress();
    }

    /**
     * Receive one datagram, calling {@code dutyCycle} between polls, for at most {@link #RECEIVE_TIMEOUT_NS}.
     *
     * @param channel   to receive on.
     * @param into      cleared, then filled with the datagram and flipped.
     * @param dutyCycle work to do between polls, e.g. stepping an agent.
     * @return the sender, or null on timeout.
     * @throws IOException if the receive fails.
     */
    static SocketAddress receive(final DatagramChannel channel, final ByteBuffer into, final Runnable dutyCycle)
        throws IOException
    {
        final long deadlineNs = System.nanoTime() + RECEIVE_TIMEOUT_NS;
        while (System.nanoTime() - deadlineNs < 0)
        {
            into.clear();
            final SocketAddress source = channel.receive(into);
            if (null != source)
            {
                into.flip();
                return source;
            }
            dutyCycle.run();
            Thread.onSpinWait();
        }

        return null;
    }

    /**
     * Call {@code step} until {@code isDone} or {@code maxSteps} calls.
     *
     * @param maxSteps bound on the calls.
     * @param isDone   condition to stop on.
     * @param step     work to do.
     * @return true if the condition was met.
     */
    static boolean stepUntil(final int maxSteps, final BooleanSupplier isDone, final Runnable step)
    {
        for (int i = 0; i < maxSteps; i++)
        {
            if (isDone.getAsBoolean())
            {
                return true;
            }
            step.run();
        }

        return isDone.getAsBoolean();
    }
}
