package corezero.ouch;

import com.paritytrading.nassau.soupbintcp.SoupBinTCP;
import com.paritytrading.nassau.soupbintcp.SoupBinTCPServer;
import com.paritytrading.nassau.soupbintcp.SoupBinTCPServerStatusListener;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static corezero.ouch.SoupBinTcpTestServer.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client against nassau's SoupBinTCP server (Parity Trading), an implementation nobody here wrote, on loopback.
 * Both sides are stepped by the test's thread and read the same manual clock.
 */
class SoupBinTcpNassauTest
{
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ServerSocketChannel acceptor;
    private final SoupBinTcpRecordingListener listener = new SoupBinTcpRecordingListener();
    private final List<SoupBinTCP.LoginRequest> logins = new ArrayList<>();
    private final List<String> unsequenced = new ArrayList<>();
    /** The session's sequenced messages; message i has sequence number i + 1. */
    private final List<String> stream = new ArrayList<>();
    private SoupBinTCPServer server;
    private SoupBinTcpClient client;
    private long nowNs = 5_000_000_000L;
    private int serverTimeouts;
    private int logouts;
    /** What the server answers a login with: 0 accepts, else the reject code. */
    private byte rejectCode;
    private boolean serverSilent;

    private final SoupBinTCPServerStatusListener status = new SoupBinTCPServerStatusListener()
    {
        @Override
        public void heartbeatTimeout(final SoupBinTCPServer session)
        {
            serverTimeouts++;
        }

        @Override
        public void loginRequest(final SoupBinTCPServer session, final SoupBinTCP.LoginRequest request)
            throws IOException
        {
            final SoupBinTCP.LoginRequest copy = new SoupBinTCP.LoginRequest();
            copy.setUsername(request.getUsername());
            copy.setPassword(request.getPassword());
            copy.setRequestedSession(request.getRequestedSession());
            copy.setRequestedSequenceNumber(request.getRequestedSequenceNumber());
            logins.add(copy);
            if (rejectCode != 0)
            {
                final SoupBinTCP.LoginRejected rejected = new SoupBinTCP.LoginRejected();
                rejected.setRejectReasonCode(rejectCode);
                session.reject(rejected);
                return;
            }
            final long first = request.getRequestedSequenceNumber();
            final SoupBinTCP.LoginAccepted accepted = new SoupBinTCP.LoginAccepted();
            accepted.setSession("NASSAU1");
            accepted.setSequenceNumber(first);
            session.accept(accepted);
            for (long s = first; s <= stream.size(); s++)
            {
                session.send(ascii(stream.get((int)s - 1)));
            }
        }

        @Override
        public void logoutRequest(final SoupBinTCPServer session)
        {
            logouts++;
        }
    };

    SoupBinTcpNassauTest() throws IOException
    {
        acceptor = ServerSocketChannel.open();
        acceptor.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor.configureBlocking(false);
    }

    @AfterEach
    void close() throws IOException
    {
        if (client != null)
        {
            client.close();
        }
        if (server != null)
        {
            server.close();
        }
        acceptor.close();
    }

    private SoupBinTcpClient newClient(final boolean version410)
    {
        client = new SoupBinTcpClient(
            new SoupBinTcpClient.Settings()
                .address((InetSocketAddress)localAddress())
                .credentials("trader", "pa55word")
                .version410(version410)
                .reconnectBackoffNs(50 * MS, 500 * MS),
            listener);
        client.connect(nowNs);
        return client;
    }

    private java.net.SocketAddress localAddress()
    {
        try
        {
            return acceptor.getLocalAddress();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void step()
    {
        client.poll(nowNs);
        try
        {
            final SocketChannel accepted = acceptor.accept();
            if (accepted != null)
            {
                if (server != null)
                {
                    server.close();
                }
                accepted.configureBlocking(false);
                server = new SoupBinTCPServer(
                    () -> TimeUnit.NANOSECONDS.toMillis(nowNs),
                    accepted,
                    1 << 16,
                    message -> unsequenced.add(StandardCharsets.US_ASCII.decode(message).toString()),
                    status);
            }
            if (server != null && !serverSilent && server.getChannel().isOpen())
            {
                if (server.receive() < 0)
                {
                    server.close();
                }
                else
                {
                    server.keepAlive();
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void loginWith(final boolean version410)
    {
        newClient(version410);
        until("login", client::isLoggedIn, this::step);
        assertEquals(1, logins.size());
        final SoupBinTCP.LoginRequest login = logins.get(0);
        assertEquals("trader", login.getUsername().strip());
        assertEquals("pa55word", login.getPassword().strip());
        assertEquals("", login.getRequestedSession().strip());
        assertEquals(1, login.getRequestedSequenceNumber());
        assertEquals(List.of("accepted NASSAU1 1"), listener.events);
    }

    @Test
    void logsInWithThe49ByteLoginRequest()
    {
        loginWith(false);
    }

    @Test
    void logsInWithThe54ByteLoginRequest()
    {
        loginWith(true);
    }

    @Test
    void deliversSequencedMessagesInOrderWithTheirSequenceNumbers() throws IOException
    {
        for (int i = 1; i <= 5; i++)
        {
            stream.add("old" + i);
        }
        loginWith(false);
        until("backlog", () -> listener.messages.size() == 5, this::step);
        for (int i = 6; i <= 500; i++)
        {
            stream.add("live" + i);
            server.send(ascii("live" + i));
        }
        until("live messages", () -> listener.messages.size() == 500, this::step);
        for (int i = 0; i < 500; i++)
        {
            assertEquals(stream.get(i), listener.messages.get(i));
            assertEquals(i + 1, listener.sequenceNumbers.get(i));
        }
        assertEquals(501, client.nextSequence());
        assertEquals(500, client.sequencedMessages());
    }

    @Test
    void unsequencedDataReachesTheServer()
    {
        loginWith(true);
        final UnsafeBuffer order = new UnsafeBuffer(ascii("Oenter order"));
        assertTrue(client.sendUnsequenced(order, 0, order.capacity()));
        assertTrue(client.sendUnsequenced(order, 1, 5));
        until("two messages at the server", () -> unsequenced.size() == 2, this::step);
        assertEquals(List.of("Oenter order", "enter"), unsequenced);
    }

    @Test
    void heartbeatsFlowBothWaysOnTheManualClock()
    {
        loginWith(false);
        for (int i = 0; i < 40; i++)
        {
            nowNs += 501 * MS;
            for (int j = 0; j < 5; j++)
            {
                step();
            }
        }
        assertEquals(0, serverTimeouts, "the client's heartbeats keep nassau from timing out over 20 s");
        assertTrue(client.isLoggedIn(), "nassau's heartbeats keep the client from timing out over 20 s");
        assertTrue(client.heartbeatsOut() >= 15, "heartbeats out " + client.heartbeatsOut());
        until("server heartbeats", () -> client.heartbeatsIn() >= 15, this::step);
    }

    @Test
    void silentServerIsDroppedAndTheSessionResumesWhereItLeftOff() throws IOException
    {
        stream.add("one");
        stream.add("two");
        stream.add("three");
        loginWith(false);
        until("three messages", () -> listener.messages.size() == 3, this::step);

        serverSilent = true;
        nowNs += 15_001 * MS;
        step();
        assertFalse(client.isLoggedIn());
        assertEquals(List.of(SoupBinTcpListener.DISCONNECT_SERVER_TIMEOUT), listener.disconnects);

        stream.add("four");
        stream.add("five");
        serverSilent = false;
        nowNs += 50 * MS;
        until("resumed", () -> listener.messages.size() == 5, this::step);
        assertEquals(2, logins.size());
        assertEquals("NASSAU1", logins.get(1).getRequestedSession().strip());
        assertEquals(4, logins.get(1).getRequestedSequenceNumber());
        assertEquals(List.of("one", "two", "three", "four", "five"), listener.messages);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), listener.sequenceNumbers);
        assertEquals(1, client.reconnects());
    }

    @Test
    void endOfSessionStopsTheClient() throws IOException
    {
        stream.add("last");
        loginWith(false);
        until("message", () -> listener.messages.size() == 1, this::step);
        server.endSession();
        until("end of session", client::isStopped, this::step);
        assertEquals(
            List.of("accepted NASSAU1 1", "end of session", "disconnected " + SoupBinTcpListener.DISCONNECT_END_OF_SESSION),
            listener.events);
        assertEquals("", client.session());
        assertEquals(1, client.nextSequence());
    }

    @Test
    void rejectedLoginStopsTheClient()
    {
        rejectCode = SoupBinTCP.LOGIN_REJECT_CODE_NOT_AUTHORIZED;
        newClient(false);
        until("rejected", client::isStopped, this::step);
        assertEquals(
            List.of("rejected A", "disconnected " + SoupBinTcpListener.DISCONNECT_LOGIN_REJECTED), listener.events);
        nowNs += 10_000 * MS;
        for (int i = 0; i < 20; i++)
        {
            step();
        }
        assertEquals(1, logins.size(), "no reconnect after a rejection");
    }

    @Test
    void logoutReachesTheServer()
    {
        loginWith(false);
        client.logout();
        until("logout at the server", () -> logouts == 1, this::step);
        try
        {
            server.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        until("client stopped", client::isStopped, this::step);
        assertEquals(List.of(SoupBinTcpListener.DISCONNECT_LOGOUT), listener.disconnects);
    }

    private static ByteBuffer ascii(final String text)
    {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
