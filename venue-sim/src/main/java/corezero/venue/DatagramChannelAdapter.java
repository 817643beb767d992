package corezero.venue;

import org.agrona.CloseHelper;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.nio.channels.spi.SelectorProvider;
import java.util.Set;

/**
 * The channel nassau's MoldUDP64 servers are given instead of a socket, so that nassau builds every byte of every
 * packet while the simulator keeps the socket: where a packet goes, what happens when the socket is full, and which
 * packets are lost on purpose. Subclasses implement the few operations nassau calls; every other operation is refused.
 * <p>
 * Nassau's servers retry a write or send that returns 0 in a busy loop, so the subclasses never return 0: they keep
 * what the socket could not take and say so instead.
 */
abstract class DatagramChannelAdapter extends DatagramChannel
{
    /** The real socket, non-blocking; closed with this channel. */
    protected final DatagramChannel channel;

    /**
     * @param channel the real socket, non-blocking.
     */
    protected DatagramChannelAdapter(final DatagramChannel channel)
    {
        super(SelectorProvider.provider());
        if (channel.isBlocking())
        {
            throw new IllegalArgumentException("the channel must be non-blocking");
        }

        this.channel = channel;
    }

    /**
     * {@inheritDoc}
     */
    public SocketAddress getLocalAddress() throws IOException
    {
        return channel.getLocalAddress();
    }

    /**
     * {@inheritDoc}
     */
    public DatagramChannel bind(final SocketAddress local)
    {
        throw unsupported("bind");
    }

    /**
     * {@inheritDoc}
     */
    public <T> DatagramChannel setOption(final SocketOption<T> name, final T value)
    {
        throw unsupported("setOption");
    }

    /**
     * {@inheritDoc}
     */
    public <T> T getOption(final SocketOption<T> name)
    {
        throw unsupported("getOption");
    }

    /**
     * {@inheritDoc}
     */
    public Set<SocketOption<?>> supportedOptions()
    {
        return Set.of();
    }

    /**
     * {@inheritDoc}
     */
    public DatagramSocket socket()
    {
        throw unsupported("socket");
    }

    /**
     * {@inheritDoc}
     */
    public boolean isConnected()
    {
        return false;
    }

    /**
     * {@inheritDoc}
     */
    public DatagramChannel connect(final SocketAddress remote)
    {
        throw unsupported("connect");
    }

    /**
     * {@inheritDoc}
     */
    public DatagramChannel disconnect()
    {
        throw unsupported("disconnect");
    }

    /**
     * {@inheritDoc}
     */
    public SocketAddress getRemoteAddress()
    {
        return null;
    }

    /**
     * {@inheritDoc}
     */
    public SocketAddress receive(final ByteBuffer dst) throws IOException
    {
        throw unsupported("receive");
    }

    /**
     * {@inheritDoc}
     */
    public int send(final ByteBuffer src, final SocketAddress target) throws IOException
    {
        throw unsupported("send");
    }

    /**
     * {@inheritDoc}
     */
    public int read(final ByteBuffer dst)
    {
        throw unsupported("read");
    }

    /**
     * {@inheritDoc}
     */
    public long read(final ByteBuffer[] dsts, final int offset, final int length)
    {
        throw unsupported("read");
    }

    /**
     * {@inheritDoc}
     */
    public int write(final ByteBuffer src) throws IOException
    {
        throw unsupported("write");
    }

    /**
     * {@inheritDoc}
     */
    public long write(final ByteBuffer[] srcs, final int offset, final int length) throws IOException
    {
        throw unsupported("write");
    }

    /**
     * {@inheritDoc}
     */
    public MembershipKey join(final InetAddress group, final NetworkInterface networkInterface)
    {
        throw unsupported("join");
    }

    /**
     * {@inheritDoc}
     */
    public MembershipKey join(final InetAddress group, final NetworkInterface networkInterface, final InetAddress source)
    {
        throw unsupported("join");
    }

    /**
     * {@inheritDoc}
     */
    protected void implCloseSelectableChannel()
    {
        CloseHelper.quietClose(channel);
    }

    /**
     * {@inheritDoc}
     */
    protected void implConfigureBlocking(final boolean block)
    {
        throw unsupported("configureBlocking");
    }

    private UnsupportedOperationException unsupported(final String operation)
    {
        return new UnsupportedOperationException(
            getClass().getSimpleName() + " carries nassau's packets only; " + operation + " is not one of its operations");
    }
}
