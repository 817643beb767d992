package corezero.venue;

import com.paritytrading.nassau.soupbintcp.SoupBinTCP;
import com.paritytrading.nassau.soupbintcp.SoupBinTCPClient;
import com.paritytrading.nassau.soupbintcp.SoupBinTCPClientStatusListener;
import corezero.ouch.OuchAccountQueryRequestEncoder;
import corezero.ouch.OuchCancelOrderEncoder;
import corezero.ouch.OuchEncoder;
import corezero.ouch.OuchEnterOrderEncoder;
import corezero.ouch.OuchModifyOrderEncoder;
import corezero.ouch.OuchReplaceOrderEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A SoupBinTCP client made of nassau's {@link SoupBinTCPClient} (not corezero's), for the exchange tests: it keeps
 * every sequenced message it receives, as bytes, and what the login came to. Polled by the test thread.
 */
final class OuchTestClient implements AutoCloseable, SoupBinTCPClientStatusListener
{
    static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    final SocketChannel channel;
    final SoupBinTCPClient client;
    final List<byte[]> messages = new ArrayList<>();
    long loginSequenceNumber = -1;
    byte loginRejectCode;
    boolean isClosed;
    private final UnsafeBuffer out = new UnsafeBuffer(ByteBuffer.allocate(256));
    private final ByteBuffer outView = out.byteBuffer();

    OuchTestClient(final InetSocketAddress address) throws IOException
    {
        channel = SocketChannel.open(address);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        client = new SoupBinTCPClient(channel, 1024, (buffer) ->
        {
            final byte[] message = new byte[buffer.remaining()];
            buffer.get(message);
            messages.add(message);
        }, this);
    }

    static OuchTestClient loggedIn(final Exchange exchange, final long sequenceNumber) throws IOException
    {
        final OuchTestClient client = new OuchTestClient(exchange.ouchAddress());
        client.login("demo", "demo", "", sequenceNumber);
        if (!client.awaitLogin())
        {
            client.close();
            throw new AssertionError("login not accepted, reject code " + (char)client.loginRejectCode);
        }

        return client;
    }

    void login(final String user, final String password, final String session, final long sequenceNumber)
        throws IOException
    {
        final SoupBinTCP.LoginRequest request = new SoupBinTCP.LoginRequest();
        request.setUsername(user);
        request.setPassword(password);
        request.setRequestedSession(session);
        request.setRequestedSequenceNumber(sequenceNumber);
        client.login(request);
    }

    boolean awaitLogin() throws IOException
    {
        return await(() -> loginSequenceNumber >= 0 || 0 != loginRejectCode || isClosed) && loginSequenceNumber >= 0;
    }

    boolean awaitMessages(final int count) throws IOException
    {
        return await(() -> messages.size() >= count);
    }

    boolean awaitClosed() throws IOException
    {
        return await(() -> isClosed);
    }

    /**
     * Poll for a bounded time until the condition holds.
     */
    boolean await(final BooleanSupplier condition) throws IOException
    {
        final long deadlineNs = System.nanoTime() + TIMEOUT_NS;
        while (!condition.getAsBoolean() && System.nanoTime() - deadlineNs < 0)
        {
            poll();
            Thread.onSpinWait();
        }

        return condition.getAsBoolean();
    }

    void poll() throws IOException
    {
        if (isClosed)
        {
            return;
        }
        try
        {
            if (client.receive() < 0)
            {
                isClosed = true;
            }
        }
        catch (final IOException ex)
        {
            isClosed = true;
        }
    }

    /**
     * Poll for a while, whatever comes.
     */
    void pollFor(final long nanos) throws IOException
    {
        final long deadlineNs = System.nanoTime() + nanos;
        while (System.nanoTime() - deadlineNs < 0)
        {
            poll();
            Thread.onSpinWait();
        }
    }

    void enter(
        final long userRefNum, final char side, final long qty, final String symbol, final long price, final char tif,
        final String clOrdId) throws IOException
    {
        send(new OuchEnterOrderEncoder().wrap(out, 0).userRefNum(userRefNum).side((byte)side).quantity(qty)
            .symbol(symbol).price(price).timeInForce((byte)tif).display((byte)'Y').capacity((byte)'A')
            .interMarketSweepEligibility((byte)'N').crossType((byte)'N').clOrdId(clOrdId));
    }

    void cancel(final long userRefNum, final long qty) throws IOException
    {
        send(new OuchCancelOrderEncoder().wrap(out, 0).userRefNum(userRefNum).quantity(qty));
    }

    void replace(final long origUserRefNum, final long userRefNum, final long qty, final long price)
        throws IOException
    {
        send(new OuchReplaceOrderEncoder().wrap(out, 0).origUserRefNum(origUserRefNum).userRefNum(userRefNum)
            .quantity(qty).price(price).timeInForce((byte)'0').display((byte)'Y')
            .interMarketSweepEligibility((byte)'N').clOrdId("R" + userRefNum));
    }

    void modify(final long userRefNum, final char side, final long qty) throws IOException
    {
        send(new OuchModifyOrderEncoder().wrap(out, 0).userRefNum(userRefNum).side((byte)side).quantity(qty));
    }

    void accountQuery() throws IOException
    {
        send(new OuchAccountQueryRequestEncoder().wrap(out, 0));
    }

    void send(final OuchEncoder encoder) throws IOException
    {
        outView.clear().limit(encoder.encodedLength());
        client.send(outView);
    }

    void sendRaw(final byte[] message) throws IOException
    {
        client.send(ByteBuffer.wrap(message));
    }

    /**
     * {@inheritDoc}
     */
    public void heartbeatTimeout(final SoupBinTCPClient session)
    {
        isClosed = true;
    }

    /**
     * {@inheritDoc}
     */
    public void loginAccepted(final SoupBinTCPClient session, final SoupBinTCP.LoginAccepted accepted)
    {
        loginSequenceNumber = accepted.getSequenceNumber();
    }

    /**
     * {@inheritDoc}
     */
    public void loginRejected(final SoupBinTCPClient session, final SoupBinTCP.LoginRejected rejected)
    {
        loginRejectCode = rejected.getRejectReasonCode();
    }

    /**
     * {@inheritDoc}
     */
    public void endOfSession(final SoupBinTCPClient session)
    {
        isClosed = true;
    }

    /**
     * Log out if still connected, and close the socket.
     */
    public void close()
    {
        try
        {
            if (!isClosed && channel.isOpen())
            {
                client.logout();
            }
        }
        catch (final IOException ex)
        {
            // Already gone: nothing to log out of.
        }
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            // Closing is all that is left to do.
        }
    }
}
