package corezero.nic;

import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import static org.agrona.BitUtil.CACHE_LINE_LENGTH;

/**
 * Kernel UDP, unicast or multicast: a non-blocking {@link DatagramChannel} receiving into one direct buffer,
 * allocated once (cache-line aligned) and wrapped once in the {@link UnsafeBuffer} every frame is handed in.
 * Each datagram read is a {@code recvfrom} system call: this is the portable transport, the kernel path by
 * design. {@link XdpTransport} and {@link PacketRingTransport} implement {@link FrameTransport} without one.
 * <p>
 * The buffer holds {@code receiveBufferBytes + 1} bytes, so a datagram longer than {@code receiveBufferBytes}
 * is seen as too long rather than silently cut: it is counted in {@link #truncatedFrames()} and dropped (the
 * feed's sequence numbers show the gap). Receive errors are counted in {@link #receiveErrors()}; nothing is
 * thrown from {@link #poll}.
 * <p>
 * Allocation: the JDK caches the sender address of the last datagram, so receiving from one sender allocates
 * nothing; a datagram from a sender different from the previous one costs one {@link InetSocketAddress}.
 * <p>
 * Counters are written by the polling thread with release stores and may be read from any thread.
 */
public final class UdpTransport implements FrameTransport
{
    /**
     * Kernel socket receive buffer requested (SO_RCVBUF), to absorb bursts while the hot thread is busy;
     * {@code net.core.rmem_max} caps what the kernel grants: see {@link #socketReceiveBufferBytes()}.
     */
    public static final int SOCKET_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

    private static final VarHandle FRAMES_RECEIVED;
    private static final VarHandle BYTES_RECEIVED;
    private static final VarHandle TRUNCATED_FRAMES;
    private static final VarHandle RECEIVE_ERRORS;

    static
    {
        try
        {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            FRAMES_RECEIVED = lookup.findVarHandle(UdpTransport.class, "framesReceived", long.class);
            BYTES_RECEIVED = lookup.findVarHandle(UdpTransport.class, "bytesReceived", long.class);
            TRUNCATED_FRAMES = lookup.findVarHandle(UdpTransport.class, "truncatedFrames", long.class);
            RECEIVE_ERRORS = lookup.findVarHandle(UdpTransport.class, "receiveErrors", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final DatagramChannel channel;
    private final ByteBuffer receiveByteBuffer;
    private final UnsafeBuffer receiveBuffer;
    private final int maxFrameLength;
    private final InetSocketAddress localAddress;
    private final int socketReceiveBufferBytes;
    private final String description;

    private long framesReceived;
    private long bytesReceived;
    private long truncatedFrames;
    private long receiveErrors;

    private UdpTransport(final DatagramChannel channel, final int maxFrameLength, final String interfaceName)
        throws IOException
    {
        this.channel = channel;
        this.maxFrameLength = maxFrameLength;
        receiveByteBuffer = BufferUtil.allocateDirectAligned(maxFrameLength + 1, CACHE_LINE_LENGTH);
        receiveBuffer = new UnsafeBuffer(receiveByteBuffer);
        localAddress = (InetSocketAddress)channel.getLocalAddress();
        socketReceiveBufferBytes = channel.getOption(StandardSocketOptions.SO_RCVBUF);
        description = "udp " + format(localAddress) + (null == interfaceName ? "" : " on " + interfaceName);
    }

    /**
     * Receive unicast datagrams sent to {@code bindAddress}.
     *
     * @param bindAddress        local address and port; port 0 picks a free one ({@link #localAddress()}).
     * @param receiveBufferBytes largest frame accepted; longer datagrams are counted as truncated and dropped.
     * @return the bound transport.
     * @throws IllegalArgumentException if an argument is unusable.
     * @throws UncheckedIOException     if the socket cannot be opened or bound.
     */
    public static UdpTransport unicast(final InetSocketAddress bindAddress, final int receiveBufferBytes)
    {
        checkReceiveBufferBytes(receiveBufferBytes);
        checkResolved(bindAddress);
        if (bindAddress.getAddress().isMulticastAddress())
        {
            throw new IllegalArgumentException(
                format(bindAddress) + " is a multicast group: use UdpTransport.multicast with an interface");
        }

        DatagramChannel channel = null;
        try
        {
            channel = DatagramChannel.open(familyOf(bindAddress));
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_RECEIVE_BUFFER_BYTES);
            channel.configureBlocking(false);
            channel.bind(bindAddress);
            return new UdpTransport(channel, receiveBufferBytes, null);
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(channel);
            throw new UncheckedIOException("cannot bind udp " + format(bindAddress) + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Receive a multicast group's datagrams, joined on one interface. The socket is bound to the group address
     * itself, so that on Linux it receives this group only, and with SO_REUSEADDR, so that other processes on
     * the host may join the same group and port.
     *
     * @param group              group address and port; port 0 picks a free one ({@link #localAddress()}).
     * @param networkInterface   interface to join on; it must be up and multicast-capable.
     * @param receiveBufferBytes largest frame accepted; longer datagrams are counted as truncated and dropped.
     * @return the joined transport.
     * @throws IllegalArgumentException if an argument is unusable, naming what is wrong.
     * @throws UncheckedIOException     if the socket cannot be opened, bound or joined.
     */
    public static UdpTransport multicast(
        final InetSocketAddress group, final NetworkInterface networkInterface, final int receiveBufferBytes)
    {
        checkReceiveBufferBytes(receiveBufferBytes);
        checkResolved(group);
        if (!group.getAddress().isMulticastAddress())
        {
            throw new IllegalArgumentException(format(group) + " is not a multicast group address");
        }
        if (null == networkInterface)
        {
            throw new IllegalArgumentException("no network interface given to join " + format(group) + " on");
        }
        checkMulticastInterface(networkInterface);

        DatagramChannel channel = null;
        try
        {
            channel = DatagramChannel.open(familyOf(group));
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_RECEIVE_BUFFER_BYTES);
            channel.configureBlocking(false);
            channel.bind(group);
            // The membership lives as long as the channel: closing the channel leaves the group.
            channel.join(group.getAddress(), networkInterface);
            return new UdpTransport(channel, receiveBufferBytes, networkInterface.getName());
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(channel);
            throw new UncheckedIOException(
                "cannot join udp " + format(group) + " on " + networkInterface.getName() + ": " + ex.getMessage(), ex);
        }
    }

    /** {@inheritDoc} */
    public int poll(final FrameHandler handler, final int limit)
    {
        final DatagramChannel channel = this.channel;
        if (!channel.isOpen())
        {
            return 0;
        }

        final ByteBuffer receiveByteBuffer = this.receiveByteBuffer;
        int frames = 0;
        // Every datagram read counts against the limit, dropped ones too, so that a flood of oversized
        // datagrams cannot hold the duty cycle here.
        for (int reads = 0; reads < limit; reads++)
        {
            receiveByteBuffer.clear();
            final SocketAddress source;
            try
            {
                source = channel.receive(receiveByteBuffer);
            }
            catch (final IOException ex)
            {
                // Closed under us, or an error the kernel queued on the socket: nothing more to read this cycle.
                RECEIVE_ERRORS.setRelease(this, receiveErrors + 1);
                break;
            }
            if (null == source)
            {
                break;
            }

            final int length = receiveByteBuffer.position();
            if (length > maxFrameLength)
            {
                TRUNCATED_FRAMES.setRelease(this, truncatedFrames + 1);
                continue;
            }

            // Counted before the handler runs, so that a handler that throws leaves the counters exact.
            // Release stores: plain moves on x86, ordered for a reader on another thread.
            FRAMES_RECEIVED.setRelease(this, framesReceived + 1);
            BYTES_RECEIVED.setRelease(this, bytesReceived + length);
            frames++;
            handler.onFrame(receiveBuffer, 0, length);
        }

        return frames;
    }

    /**
     * A sender that sends from this transport's socket, so that whatever the target answers (MoldUDP64
     * retransmissions) is read by {@link #poll} here. Closing the sender closes this transport's socket too.
     *
     * @param target where the sender sends.
     * @return the sender.
     */
    public UdpSender newSender(final InetSocketAddress target)
    {
        return new UdpSender(target, channel);
    }

    /** {@inheritDoc} */
    public String description()
    {
        return description;
    }

    /**
     * @return the bound address: the actual port when bound to port 0; the group for multicast.
     */
    public InetSocketAddress localAddress()
    {
        return localAddress;
    }

    /**
     * @return SO_RCVBUF as the kernel reports it after the request of {@link #SOCKET_RECEIVE_BUFFER_BYTES}
     * (Linux reports twice the granted size, which {@code net.core.rmem_max} caps).
     */
    public int socketReceiveBufferBytes()
    {
        return socketReceiveBufferBytes;
    }

    /** @return frames delivered to handlers. */
    public long framesReceived()
    {
        return (long)FRAMES_RECEIVED.getAcquire(this);
    }

    /** @return bytes of the frames delivered. */
    public long bytesReceived()
    {
        return (long)BYTES_RECEIVED.getAcquire(this);
    }

    /** @return datagrams longer than the receive buffer, dropped. */
    public long truncatedFrames()
    {
        return (long)TRUNCATED_FRAMES.getAcquire(this);
    }

    /** @return receive calls that failed (each ends that poll). */
    public long receiveErrors()
    {
        return (long)RECEIVE_ERRORS.getAcquire(this);
    }

    /** {@inheritDoc} */
    public void close()
    {
        CloseHelper.quietClose(channel);
    }

    /** {@inheritDoc} */
    public String toString()
    {
        return description;
    }

    /**
     * @param address an address and port.
     * @return {@code "10.0.0.1:31001"} or {@code "[::1]:31001"}; the host name when unresolved.
     */
    public static String format(final InetSocketAddress address)
    {
        if (address.isUnresolved())
        {
            return address.getHostString() + ":" + address.getPort();
        }
        final String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet4Address ? host : "[" + host + "]") + ":" + address.getPort();
    }

    static StandardProtocolFamily familyOf(final InetSocketAddress address)
    {
        return address.getAddress() instanceof Inet4Address ?
            StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
    }

    static void checkResolved(final InetSocketAddress address)
    {
        if (null == address)
        {
            throw new IllegalArgumentException("no address given");
        }
        if (address.isUnresolved())
        {
            throw new IllegalArgumentException("address " + format(address) + " is unresolved");
        }
    }

    private static void checkReceiveBufferBytes(final int receiveBufferBytes)
    {
        if (receiveBufferBytes < 1 || receiveBufferBytes > Integer.MAX_VALUE - 2 * CACHE_LINE_LENGTH)
        {
            throw new IllegalArgumentException("receiveBufferBytes is " + receiveBufferBytes +
                ", expected the largest frame: from 1 to " + (Integer.MAX_VALUE - 2 * CACHE_LINE_LENGTH));
        }
    }

    private static void checkMulticastInterface(final NetworkInterface networkInterface)
    {
        try
        {
            if (!networkInterface.isUp())
            {
                throw new IllegalArgumentException("interface " + networkInterface.getName() + " is down");
            }
            if (!networkInterface.supportsMulticast())
            {
                throw new IllegalArgumentException("interface " + networkInterface.getName() +
                    " does not support multicast (its MULTICAST flag is off: ip link set " +
                    networkInterface.getName() + " multicast on)");
            }
        }
        catch (final SocketException ex)
        {
            throw new UncheckedIOException(
                "cannot read the flags of interface " + networkInterface.getName() + ": " + ex.getMessage(), ex);
        }
    }
}
