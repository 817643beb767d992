package corezero.venue;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * What nassau's {@code MoldUDP64RequestServer} receives its requests from and sends its answers into. The
 * {@link RetransmissionServer} reads the re-request socket itself, checks each request (nassau checks neither the
 * length nor the session) and hands the good ones over one at a time; nassau's answer goes back to the requester
 * from the re-request socket.
 * <p>
 * A requester that cannot be reached, or a full socket, costs the answer, not the server: the send reports the
 * answer written either way (nassau would spin on 0 or stop on an exception) and {@link #isAnswerSent()} tells.
 */
final class RequestChannel extends DatagramChannelAdapter
{
    private final ByteBuffer request = ByteBuffer.allocateDirect(MoldUdp64Descriptor.REQUEST_LENGTH);
    private SocketAddress requester;
    private boolean isAnswerSent;

    /**
     * @param channel the re-request socket, non-blocking; closed with this channel.
     */
    RequestChannel(final DatagramChannel channel)
    {
        super(channel);
    }

    /**
     * Hand over a checked request for nassau's next receive.
     *
     * @param source    holding the request from its position to its limit: exactly one request packet.
     * @param requester who sent it.
     */
    void offer(final ByteBuffer source, final SocketAddress requester)
    {
        request.clear();
        request.put(source).flip();
        this.requester = requester;
        this.isAnswerSent = false;
    }

    /**
     * @return true if an answer to the last request offered went out.
     */
    boolean isAnswerSent()
    {
        return isAnswerSent;
    }

    /**
     * The request offered last, once; null when there is none.
     * <p>
     * {@inheritDoc}
     */
    public SocketAddress receive(final ByteBuffer dst)
    {
        final SocketAddress source = requester;
        if (null != source)
        {
            dst.put(request);
            requester = null;
        }

        return source;
    }

    /**
     * {@inheritDoc}
     */
    public int send(final ByteBuffer src, final SocketAddress target) throws IOException
    {
        final int length = src.remaining();
        try
        {
            isAnswerSent = channel.send(src, target) > 0;
        }
        catch (final ClosedChannelException ex)
        {
            throw ex;
        }
        catch (final IOException ex)
        {
            // A requester we cannot reach is its problem, not the server's: the answer is counted as not sent.
            isAnswerSent = false;
        }

        return length;
    }
}
