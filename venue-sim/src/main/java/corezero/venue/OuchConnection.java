package corezero.venue;

import com.paritytrading.nassau.MessageListener;
import com.paritytrading.nassau.soupbintcp.SoupBinTCP;
import com.paritytrading.nassau.soupbintcp.SoupBinTCPServer;
import com.paritytrading.nassau.soupbintcp.SoupBinTCPServerStatusListener;
import org.agrona.CloseHelper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One SoupBinTCP connection of the OUCH server: nassau's {@link SoupBinTCPServer} over a non-blocking socket, and
 * where the connection stands (logged in, next sequence number to send, close requested). Its callbacks come from
 * inside {@link SoupBinTCPServer#receive()} and only record what happened or forward to the {@link OuchServer};
 * the socket is closed by the server after {@code receive} returns.
 */
final class OuchConnection implements SoupBinTCPServerStatusListener, MessageListener
{
    /** Largest inbound SoupBinTCP payload: an Enter Order with a generous appendage. */
    static final int MAX_RX_PAYLOAD_LENGTH = 1024;

    final SocketChannel channel;
    final SoupBinTCPServer session;
    final long acceptedNanoTime;
    private final OuchServer server;
    boolean isLoggedIn;
    long nextSequenceNumber;
    long lastReceiveNanoTime;
    long lastWithheldHeartbeatNanoTime;
    boolean isCloseRequested;
    boolean isDropRequested;
    boolean isClosed;

    OuchConnection(final SocketChannel channel, final OuchServer server, final long nowNanoTime)
    {
        this.channel = channel;
        this.server = server;
        this.acceptedNanoTime = nowNanoTime;
        this.lastReceiveNanoTime = nowNanoTime;
        this.lastWithheldHeartbeatNanoTime = nowNanoTime;
        this.session = new SoupBinTCPServer(server.nassauClock(), channel, MAX_RX_PAYLOAD_LENGTH, this, this);
    }

    /**
     * {@inheritDoc}
     */
    public void heartbeatTimeout(final SoupBinTCPServer session)
    {
        server.onHeartbeatTimeout(this);
    }

    /**
     * {@inheritDoc}
     */
    public void loginRequest(final SoupBinTCPServer session, final SoupBinTCP.LoginRequest request) throws IOException
    {
        server.onLoginRequest(this, request);
    }

    /**
     * {@inheritDoc}
     */
    public void logoutRequest(final SoupBinTCPServer session)
    {
        server.onLogout(this);
    }

    /**
     * {@inheritDoc}
     */
    public void message(final ByteBuffer buffer)
    {
        server.onMessage(this, buffer);
    }

    void close()
    {
        if (!isClosed)
        {
            isClosed = true;
            isLoggedIn = false;
            CloseHelper.quietClose(channel);
        }
    }
}
