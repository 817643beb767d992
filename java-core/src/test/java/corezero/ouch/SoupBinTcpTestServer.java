package corezero.ouch;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A hand-written SoupBinTCP peer on loopback, stepped by the test's thread, for what a real server will not do:
 * write arbitrary bytes (malformed, split at any point), stay silent, and show the exact bytes it received. Reads
 * and writes use direct buffers on non-blocking channels, so stepping it allocates nothing.
 */
final class SoupBinTcpTestServer implements AutoCloseable
{
    private final ServerSocketChannel acceptor;
    private final ByteBuffer in = ByteBuffer.allocateDirect(1 << 20);
    private final ByteBuffer out = ByteBuffer.allocateDirect(1 << 16);
    final UnsafeBuffer outBuffer = new UnsafeBuffer(out);
    private SocketChannel channel;
    int connections;
    boolean peerClosed;

    SoupBinTcpTestServer()
    {
        try
        {
            acceptor = ServerSocketChannel.open();
            acceptor.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            acceptor.configureBlocking(false);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    InetSocketAddress address()
    {
        try
        {
            return (InetSocketAddress)acceptor.getLocalAddress();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Accept a waiting connection, if any, replacing the current one; read what has arrived.
     */
    void step()
    {
        try
        {
            final SocketChannel accepted = acceptor.accept();
            if (accepted != null)
            {
                dropConnection();
                accepted.configureBlocking(false);
                // Without it Nagle holds a small write behind the delayed ACK of the previous one (40 ms on Linux).
                accepted.setOption(StandardSocketOptions.TCP_NODELAY, Boolean.TRUE);
                channel = accepted;
                connections++;
                peerClosed = false;
                in.clear();
            }
            if (channel != null && !peerClosed && channel.read(in) < 0)
            {
                peerClosed = true;
            }
        }
        catch (final IOException ex)
        {
            peerClosed = true;
        }
    }

    /**
     * Read what has arrived on the current connection, without looking for new ones (accepting allocates).
     */
    void readOnly()
    {
        try
        {
            if (channel != null && !peerClosed && channel.read(in) < 0)
            {
                peerClosed = true;
            }
        }
        catch (final IOException ex)
        {
            peerClosed = true;
        }
    }

    boolean isConnected()
    {
        return channel != null;
    }

    /** @return bytes received on the current connection, since the last {@link #clearReceived()}. */
    byte[] received()
    {
        final byte[] bytes = new byte[in.position()];
        in.duplicate().flip().get(bytes);
        return bytes;
    }

    int receivedLength()
    {
        return in.position();
    }

    void clearReceived()
    {
        in.clear();
    }

    void write(final byte[] bytes)
    {
        write(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    /**
     * Write the bytes whole; loopback takes them at once unless the client stopped reading.
     */
    void write(final DirectBuffer buffer, final int offset, final int length)
    {
        out.clear();
        outBuffer.putBytes(0, buffer, offset, length);
        writeOut(length);
    }

    /** Write the first {@code length} bytes of {@link #outBuffer}. */
    void writeOut(final int length)
    {
        writeRange(0, length);
    }

    /** Write {@code length} bytes of {@link #outBuffer} from {@code offset}; allocation-free. */
    void writeRange(final int offset, final int length)
    {
        out.limit(offset + length).position(offset);
        try
        {
            for (int i = 0; i < 1_000 && out.hasRemaining(); i++)
            {
                channel.write(out);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        if (out.hasRemaining())
        {
            fail("test server could not write " + length + " bytes");
        }
    }

    void dropConnection()
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignore)
            {
                // Closing is best effort in a test.
            }
            channel = null;
        }
    }

    @Override
    public void close()
    {
        dropConnection();
        try
        {
            acceptor.close();
        }
        catch (final IOException ignore)
        {
            // Closing is best effort in a test.
        }
    }

    /** A packet with the given type and ASCII payload. */
    static byte[] packet(final char type, final String payload)
    {
        final byte[] body = payload.getBytes(StandardCharsets.US_ASCII);
        final byte[] packet = new byte[3 + body.length];
        packet[0] = (byte)((body.length + 1) >> 8);
        packet[1] = (byte)(body.length + 1);
        packet[2] = (byte)type;
        System.arraycopy(body, 0, packet, 3, body.length);
        return packet;
    }

    static byte[] loginAccepted(final String session, final long sequenceNumber)
    {
        return packet('A', String.format("%10s%20d", session, sequenceNumber));
    }

    static byte[] concat(final byte[]... parts)
    {
        byte[] all = new byte[0];
        for (final byte[] part : parts)
        {
            final int at = all.length;
            all = Arrays.copyOf(all, at + part.length);
            System.arraycopy(part, 0, all, at, part.length);
        }
        return all;
    }

    /**
     * Run {@code step} until {@code done}, for at most about five seconds of wall time.
     */
    static void until(final String what, final BooleanSupplier done, final Runnable step)
    {
        for (int i = 0; i < 50_000; i++)
        {
            step.run();
            if (done.getAsBoolean())
            {
                return;
            }
            LockSupport.parkNanos(100_000);
        }
        fail("timed out waiting for " + what);
    }
}
