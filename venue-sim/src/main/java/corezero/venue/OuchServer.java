package corezero.venue;

import com.paritytrading.nassau.Clock;
import com.paritytrading.nassau.soupbintcp.SoupBinTCP;
import corezero.ouch.OuchDecoder;
import corezero.ouch.OuchInboundDecoder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The exchange's OUCH 5.0 port: SoupBinTCP 4.x sessions served by nassau's {@code SoupBinTCPServer} on non-blocking
 * sockets registered with the exchange's {@link Selector} (so that an order arriving wakes the exchange at once).
 * <ul>
 *     <li>Login: user and password compared case-insensitively, else Login Rejected 'A'. A requested session other
 *     than blank or ours, or a login while another connection is logged in, is Login Rejected 'S' (one participant
 *     at a time; the live one keeps its session). Nassau reads the 49-byte (4.00) Login Request and also takes the
 *     54-byte 4.10 one, whose Heartbeat Timeout field it ignores: the timeout is always 15 s.</li>
 *     <li>Requested sequence number: 0 means "from the next new message"; a number past the next new message
 *     is taken as the next new message; otherwise the sequenced messages from it are sent again, then new ones.</li>
 *     <li>Heartbeats: nassau's, after 1 s without sending; a client silent for 15 s is dropped. With
 *     {@code --ouch-silent} the server sends none (counted as withheld, one a second) but still drops silent
 *     clients. A connection not logged in within 30 s is dropped.</li>
 *     <li>Logout Request: the connection is closed. Unsequenced data before login: counted malformed and closed.</li>
 *     <li>Inbound OUCH messages are decoded by {@link OuchInboundDecoder} into the {@link OuchOrderEntry}; a message
 *     it cannot decode is counted and dropped, the session goes on. A SoupBinTCP packet of unknown type (nassau
 *     throws) closes the connection.</li>
 *     <li>Outbound: the {@link OuchJournal} in sequence; with {@code --ouch-latency-us} each new message is sent
 *     once it is that old, order kept (replayed ones at once).</li>
 *     <li>{@code --disconnect-after N}: right after the Nth inbound OUCH message since start (processed first) the
 *     connection is closed without a logout, once.</li>
 * </ul>
 * Single-threaded: runs on the exchange's thread.
 */
final class OuchServer implements AutoCloseable
{
    static final int MAX_CONNECTIONS = 4;

    private final ServerSocketChannel serverChannel;
    private final Selector selector;
    private final OuchSettings settings;
    private final OuchJournal journal;
    private final OuchOrderEntry orderEntry;
    private final NanoClock clock;
    private final VenueSimCounters counters;
    private final Clock nassauClock;
    private final OuchInboundDecoder decoder = new OuchInboundDecoder();
    private final UnsafeBuffer inbound = new UnsafeBuffer(0, 0);
    private final SoupBinTCP.LoginAccepted loginAccepted = new SoupBinTCP.LoginAccepted();
    private final SoupBinTCP.LoginRejected loginRejected = new SoupBinTCP.LoginRejected();
    private final OuchConnection[] connections = new OuchConnection[MAX_CONNECTIONS];
    private long inboundMessages;
    private boolean isDisconnectDone;
    private long receiptNanoTime;

    /**
     * @param serverChannel bound, non-blocking; closed with this server.
     * @param selector      of the exchange's thread.
     * @param settings      session, credentials and faults.
     * @param journal       of sequenced outbound messages.
     * @param orderEntry    to hand inbound messages to.
     * @param clock         the exchange's clock.
     * @param counters      to count what happens.
     * @throws IOException if the channel cannot be registered.
     */
    OuchServer(
        final ServerSocketChannel serverChannel,
        final Selector selector,
        final OuchSettings settings,
        final OuchJournal journal,
        final OuchOrderEntry orderEntry,
        final NanoClock clock,
        final VenueSimCounters counters) throws IOException
    {
        this.serverChannel = serverChannel;
        this.selector = selector;
        this.settings = settings;
        this.journal = journal;
        this.orderEntry = orderEntry;
        this.clock = clock;
        this.counters = counters;
        this.nassauClock = () -> TimeUnit.NANOSECONDS.toMillis(clock.nanoTime());
        serverChannel.register(selector, SelectionKey.OP_ACCEPT);
    }

    Clock nassauClock()
    {
        return nassauClock;
    }

    /**
     * Accept connections and read what clients sent, handling every whole packet.
     *
     * @param nowNs the exchange's time for this duty cycle.
     * @return work done.
     */
    int poll(final long nowNs)
    {
        int workCount = accept(nowNs);
        for (int i = 0; i < MAX_CONNECTIONS; i++)
        {
            final OuchConnection connection = connections[i];
            if (null == connection)
            {
                continue;
            }

            workCount += receive(connection, nowNs);
            if (!connection.isClosed)
            {
                keepAlive(connection, nowNs);
            }
            if (connection.isClosed)
            {
                connections[i] = null;
            }
        }

        return workCount;
    }

    /**
     * Send the logged-in client the sequenced messages that are due.
     *
     * @param nowNs the exchange's time for this duty cycle.
     * @return messages sent.
     */
    int deliver(final long nowNs)
    {
        int workCount = 0;
        for (int i = 0; i < MAX_CONNECTIONS; i++)
        {
            final OuchConnection connection = connections[i];
            if (null == connection || !connection.isLoggedIn)
            {
                continue;
            }

            try
            {
                while (connection.nextSequenceNumber <= journal.count() && isDue(connection.nextSequenceNumber, nowNs))
                {
                    final long sequenceNumber = connection.nextSequenceNumber;
                    connection.session.send(journal.view(sequenceNumber));
                    connection.nextSequenceNumber++;
                    counters.ouchMessagesSent.incrementRelease();
                    if (settings.latencyNs() > 0 && sequenceNumber > journal.restoredCount())
                    {
                        counters.ouchMessagesDelayed.incrementRelease();
                    }
                    workCount++;
                }
            }
            catch (final IOException ex)
            {
                close(connection, i);
            }
        }

        return workCount;
    }

    /**
     * @param nowNs the exchange's time.
     * @return when the next delayed message falls due, or {@link Long#MAX_VALUE} if none waits.
     */
    long nextDeadlineNs(final long nowNs)
    {
        long deadlineNs = Long.MAX_VALUE;
        for (final OuchConnection connection : connections)
        {
            if (null != connection && connection.isLoggedIn && connection.nextSequenceNumber <= journal.count())
            {
                final long dueNs = isDue(connection.nextSequenceNumber, nowNs) ? nowNs :
                    journal.appendNanoTime(connection.nextSequenceNumber) + settings.latencyNs();
                deadlineNs = Math.min(deadlineNs, dueNs);
            }
        }

        return deadlineNs;
    }

    /**
     * @return true if a client is logged in.
     */
    boolean isLoggedIn()
    {
        for (final OuchConnection connection : connections)
        {
            if (null != connection && connection.isLoggedIn)
            {
                return true;
            }
        }

        return false;
    }

    private boolean isDue(final long sequenceNumber, final long nowNs)
    {
        return sequenceNumber <= journal.restoredCount() ||
            journal.appendNanoTime(sequenceNumber) + settings.latencyNs() - nowNs <= 0;
    }

    private int accept(final long nowNs)
    {
        int workCount = 0;
        while (true)
        {
            final SocketChannel channel;
            try
            {
                channel = serverChannel.accept();
            }
            catch (final IOException ex)
            {
                counters.errors.incrementRelease();
                return workCount;
            }
            if (null == channel)
            {
                return workCount;
            }

            final int slot = freeSlot();
            if (slot < 0)
            {
                CloseHelper.quietClose(channel);
                continue;
            }

            try
            {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.register(selector, SelectionKey.OP_READ);
                connections[slot] = new OuchConnection(channel, this, nowNs);
                counters.ouchConnections.incrementRelease();
                workCount++;
            }
            catch (final IOException ex)
            {
                CloseHelper.quietClose(channel);
            }
        }
    }

    private int freeSlot()
    {
        for (int i = 0; i < MAX_CONNECTIONS; i++)
        {
            if (null == connections[i])
            {
                return i;
            }
        }

        return -1;
    }

    private int receive(final OuchConnection connection, final long nowNs)
    {
        int workCount = 0;
        try
        {
            // Taken before the read: the bytes were there when the exchange looked, so this is when it saw them.
            receiptNanoTime = clock.nanoTime();
            final int bytesRead = connection.session.receive();
            if (bytesRead < 0)
            {
                connection.close();
                return 1;
            }
            if (bytesRead > 0)
            {
                connection.lastReceiveNanoTime = nowNs;
                workCount++;
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            counters.ouchMessagesMalformed.incrementRelease();
            connection.close();
            return 1;
        }

        if (connection.isDropRequested)
        {
            counters.ouchDisconnectsInjected.incrementRelease();
            connection.close();
        }
        else if (connection.isCloseRequested)
        {
            connection.close();
        }

        return workCount;
    }

    private void keepAlive(final OuchConnection connection, final long nowNs)
    {
        if (!connection.isLoggedIn)
        {
            if (nowNs - connection.acceptedNanoTime > OuchSettings.LOGIN_TIMEOUT_NS)
            {
                connection.close();
            }
            return;
        }

        if (!settings.isSilent())
        {
            try
            {
                connection.session.keepAlive();
            }
            catch (final IOException ex)
            {
                connection.close();
            }
            return;
        }

        if (nowNs - connection.lastWithheldHeartbeatNanoTime >= OuchSettings.HEARTBEAT_INTERVAL_NS)
        {
            connection.lastWithheldHeartbeatNanoTime = nowNs;
            counters.ouchHeartbeatsWithheld.incrementRelease();
        }
        if (nowNs - connection.lastReceiveNanoTime > OuchSettings.CLIENT_TIMEOUT_NS)
        {
            onHeartbeatTimeout(connection);
            connection.close();
        }
    }

    void onHeartbeatTimeout(final OuchConnection connection)
    {
        counters.ouchHeartbeatTimeouts.incrementRelease();
        connection.isCloseRequested = true;
        connection.close();
    }

    void onLoginRequest(final OuchConnection connection, final SoupBinTCP.LoginRequest request) throws IOException
    {
        final String username = request.getUsername().trim();
        final String password = request.getPassword().trim();
        final String session = request.getRequestedSession().trim();
        if (connection.isLoggedIn)
        {
            counters.ouchMessagesMalformed.incrementRelease();
            return;
        }
        if (!username.equalsIgnoreCase(settings.username()) || !password.equalsIgnoreCase(settings.password()))
        {
            rejectLogin(connection, SoupBinTCP.LOGIN_REJECT_CODE_NOT_AUTHORIZED);
            return;
        }
        if ((!session.isEmpty() && !session.equals(settings.session())) || isLoggedIn())
        {
            rejectLogin(connection, SoupBinTCP.LOGIN_REJECT_CODE_SESSION_NOT_AVAILABLE);
            return;
        }

        final long nextNew = journal.count() + 1;
        final long requested = request.getRequestedSequenceNumber();
        final long sequenceNumber = 0 == requested || requested > nextNew ? nextNew : Math.max(1, requested);
        loginAccepted.setSession(settings.session());
        loginAccepted.setSequenceNumber(sequenceNumber);
        connection.session.accept(loginAccepted);
        connection.isLoggedIn = true;
        connection.nextSequenceNumber = sequenceNumber;
        counters.ouchLoginsAccepted.incrementRelease();
    }

    private void rejectLogin(final OuchConnection connection, final byte code) throws IOException
    {
        loginRejected.setRejectReasonCode(code);
        connection.session.reject(loginRejected);
        connection.isCloseRequested = true;
        counters.ouchLoginsRejected.incrementRelease();
    }

    void onLogout(final OuchConnection connection)
    {
        counters.ouchLogouts.incrementRelease();
        connection.isCloseRequested = true;
    }

    void onMessage(final OuchConnection connection, final ByteBuffer buffer)
    {
        if (!connection.isLoggedIn)
        {
            counters.ouchMessagesMalformed.incrementRelease();
            connection.isCloseRequested = true;
            return;
        }

        counters.ouchMessagesReceived.incrementRelease();
        inbound.wrap(buffer, buffer.position(), buffer.remaining());
        orderEntry.receiptNanoTime(receiptNanoTime);
        if (OuchDecoder.OK != decoder.decode(inbound, 0, buffer.remaining(), orderEntry))
        {
            counters.ouchMessagesMalformed.incrementRelease();
        }

        inboundMessages++;
        if (!isDisconnectDone && settings.disconnectAfter() > 0 && inboundMessages == settings.disconnectAfter())
        {
            isDisconnectDone = true;
            connection.isDropRequested = true;
        }
    }

    private void close(final OuchConnection connection, final int slot)
    {
        connection.close();
        connections[slot] = null;
    }

    /**
     * Close every connection and the listening socket.
     */
    public void close()
    {
        for (int i = 0; i < MAX_CONNECTIONS; i++)
        {
            if (null != connections[i])
            {
                close(connections[i], i);
            }
        }
        CloseHelper.quietClose(serverChannel);
    }
}
