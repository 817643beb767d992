package corezero.nic;

import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import static org.agrona.BitUtil.CACHE_LINE_LENGTH;

/**
 * Sends datagrams from the hot thread to one target (MoldUDP64 re-requests): a non-blocking, unconnected
 * {@link DatagramChannel} bound to an ephemeral port, sending from one direct buffer allocated once.
 * <p>
 * {@link #send} copies the frame into that buffer and makes one {@code sendto} call. It never blocks, throws or
 * allocates: a full socket buffer, an error or an unusable frame returns false and is counted. The channel is
 * left unconnected on purpose: a connected UDP socket turns an ICMP port-unreachable from a target that is down
 * into an exception on the next send; unconnected, the kernel discards it.
 * <p>
 * The target answers to {@link #localAddress()}: whatever reads the answers has to receive there.
 */
public final class UdpSender implements DatagramSender
{
    /** Largest datagram payload over IPv4 (65 535 - 20 byte IP header - 8 byte UDP header). */
    public static final int MAX_DATAGRAM_LENGTH = 65_507;

    private static final VarHandle FRAMES_SENT;
    private static final VarHandle FRAMES_NOT_SENT;

    static
    {
        try
        {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            FRAMES_SENT = lookup.findVarHandle(UdpSender.class, "framesSent", long.class);
            FRAMES_NOT_SENT = lookup.findVarHandle(UdpSender.class, "framesNotSent", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final InetSocketAddress target;
    private final DatagramChannel channel;
    private final ByteBuffer sendByteBuffer;
    private final UnsafeBuffer sendBuffer;
    private final InetSocketAddress localAddress;

    private long framesSent;
    private long framesNotSent;

    /**
     * @param target where every datagram goes.
     * @throws IllegalArgumentException if the target is unresolved or has port 0.
     * @throws UncheckedIOException     if the socket cannot be opened.
     */
    public UdpSender(final InetSocketAddress target)
    {
        this(target, openBound(target));
    }

    /**
     * A sender on an existing socket: answers from the target then arrive where that socket is read, e.g. on a
     * {@link UdpTransport} (see {@link UdpTransport#newSender}).
     */
    UdpSender(final InetSocketAddress target, final DatagramChannel channel)
    {
        UdpTransport.checkResolved(target);
        if (0 == target.getPort())
        {
            throw new IllegalArgumentException("cannot send to port 0 (" + UdpTransport.format(target) + ")");
        }
        this.target = target;
        sendByteBuffer = BufferUtil.allocateDirectAligned(MAX_DATAGRAM_LENGTH, CACHE_LINE_LENGTH);
        sendBuffer = new UnsafeBuffer(sendByteBuffer);
        this.channel = channel;
        try
        {
            this.localAddress = (InetSocketAddress)channel.getLocalAddress();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the local address of a udp sender: " + ex.getMessage(), ex);
        }
    }

    private static DatagramChannel openBound(final InetSocketAddress target)
    {
        UdpTransport.checkResolved(target);
        DatagramChannel channel = null;
        try
        {
            channel = DatagramChannel.open(UdpTransport.familyOf(target));
            channel.configureBlocking(false);
            // Bound now, so that the source port is stable and known before the first send.
            channel.bind(null);
            return channel;
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(channel);
            throw new UncheckedIOException(
                "cannot open a udp sender to " + UdpTransport.format(target) + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Send one datagram holding {@code length} bytes of {@code buffer} from {@code offset}.
     *
     * @param buffer holding the frame.
     * @param offset of the frame in {@code buffer}.
     * @param length 1 to {@link #MAX_DATAGRAM_LENGTH} bytes.
     * @return true if the kernel took the datagram; false if it would have blocked, the send failed, the
     * sender is closed or the range is unusable.
     */
    public boolean send(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < 1 || length > MAX_DATAGRAM_LENGTH || offset < 0 || offset > buffer.capacity() - length)
        {
            return notSent();
        }

        final ByteBuffer sendByteBuffer = this.sendByteBuffer;
        sendBuffer.putBytes(0, buffer, offset, length);
        sendByteBuffer.clear().limit(length);
        try
        {
            // 0 when the socket's send buffer is full: non-blocking UDP sends all or nothing.
            if (channel.send(sendByteBuffer, target) == length)
            {
                FRAMES_SENT.setRelease(this, framesSent + 1);
                return true;
            }
        }
        catch (final IOException ex)
        {
            // Closed, or no route to the target: the caller retries on its own schedule.
        }

        return notSent();
    }

    private boolean notSent()
    {
        FRAMES_NOT_SENT.setRelease(this, framesNotSent + 1);
        return false;
    }

    /** @return the target. */
    public InetSocketAddress target()
    {
        return target;
    }

    /** @return the address datagrams are sent from, where the target answers. */
    public InetSocketAddress localAddress()
    {
        return localAddress;
    }

    /** @return datagrams the kernel took. */
    public long framesSent()
    {
        return (long)FRAMES_SENT.getAcquire(this);
    }

    /** @return sends that returned false. */
    public long framesNotSent()
    {
        return (long)FRAMES_NOT_SENT.getAcquire(this);
    }

    /** {@inheritDoc} */
    public String description()
    {
        return toString();
    }

    /** Close the socket. Idempotent. */
    public void close()
    {
        CloseHelper.quietClose(channel);
    }

    /** {@inheritDoc} */
    public String toString()
    {
        return "udp sender " + UdpTransport.format(localAddress) + " -> " + UdpTransport.format(target);
    }
}
