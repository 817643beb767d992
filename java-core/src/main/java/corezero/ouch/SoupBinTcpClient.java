package corezero.ouch;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static corezero.ouch.SoupBinTcpDescriptor.CLIENT_HEARTBEAT;
import static corezero.ouch.SoupBinTcpDescriptor.DEBUG;
import static corezero.ouch.SoupBinTcpDescriptor.END_OF_SESSION;
import static corezero.ouch.SoupBinTcpDescriptor.HEADER_LENGTH;
import static corezero.ouch.SoupBinTcpDescriptor.LENGTH_FIELD_LENGTH;
import static corezero.ouch.SoupBinTcpDescriptor.LOGIN_ACCEPTED;
import static corezero.ouch.SoupBinTcpDescriptor.LOGIN_ACCEPTED_LENGTH;
import static corezero.ouch.SoupBinTcpDescriptor.LOGIN_ACCEPTED_SEQUENCE_OFFSET;
import static corezero.ouch.SoupBinTcpDescriptor.LOGIN_ACCEPTED_SESSION_OFFSET;
import static corezero.ouch.SoupBinTcpDescriptor.LOGIN_REJECTED;
import static corezero.ouch.SoupBinTcpDescriptor.LOGIN_REJECTED_LENGTH;
import static corezero.ouch.SoupBinTcpDescriptor.LOGIN_REJECTED_REASON_OFFSET;
import static corezero.ouch.SoupBinTcpDescriptor.LOGIN_REQUEST_LENGTH_V4_10;
import static corezero.ouch.SoupBinTcpDescriptor.LOGOUT_REQUEST;
import static corezero.ouch.SoupBinTcpDescriptor.MAX_HEARTBEAT_TIMEOUT_MS;
import static corezero.ouch.SoupBinTcpDescriptor.MAX_MESSAGE_LENGTH;
import static corezero.ouch.SoupBinTcpDescriptor.MAX_PACKET_LENGTH;
import static corezero.ouch.SoupBinTcpDescriptor.NOT_A_NUMBER;
import static corezero.ouch.SoupBinTcpDescriptor.SEQUENCED_DATA;
import static corezero.ouch.SoupBinTcpDescriptor.SEQUENCE_NUMBER_LENGTH;
import static corezero.ouch.SoupBinTcpDescriptor.SERVER_HEARTBEAT;
import static corezero.ouch.SoupBinTcpDescriptor.SESSION_LENGTH;
import static corezero.ouch.SoupBinTcpDescriptor.UNSEQUENCED_DATA;
import static corezero.ouch.SoupBinTcpDescriptor.encodeHeader;
import static corezero.ouch.SoupBinTcpDescriptor.encodeLoginRequest;
import static corezero.ouch.SoupBinTcpDescriptor.packetLengthField;
import static corezero.ouch.SoupBinTcpDescriptor.packetType;
import static corezero.ouch.SoupBinTcpDescriptor.parseNumber;

/**
 * Client side of one SoupBinTCP session, stepped by the hot thread through {@link #poll(long)}. It connects, logs
 * in, frames the server's packets out of a pre-allocated receive buffer (a packet split across reads waits there
 * for its rest), delivers sequenced messages with their sequence numbers, keeps the link alive both ways, and
 * reconnects with backoff, resuming the session at the next sequence number it has not delivered.
 * <ul>
 *   <li><b>Non-blocking only.</b> The connect is started by {@link #connect(long)} or a reconnect and finished
 *   on later polls; reads and writes never block. Bytes a write could not take stay in the send buffer and go out
 *   on later polls; {@link #sendUnsequenced} returns false when the send buffer cannot take a packet.</li>
 *   <li><b>Login.</b> Username and password right-padded with spaces; requested session blank (current) until a
 *   login is accepted, then the accepted one; requested sequence number the next one not yet delivered. The
 *   49-byte 3.00/4.00 form, or the 54-byte 4.10 form carrying the server timeout, per {@link Settings}.</li>
 *   <li><b>Heartbeats.</b> Once logged in, a Client Heartbeat goes out when more than 1 s has passed since the last
 *   packet was queued (spec 1.3). When nothing has arrived for the server timeout (spec: typically 15 s), the
 *   connection is dropped and remade after the backoff; the same timeout bounds the connect and the login.</li>
 *   <li><b>Malformed input.</b> A length field of 0, a fixed-size packet of the wrong size, a Login Accepted with a
 *   bad sequence number, data before the login is accepted or a second Login Accepted: the stream cannot be
 *   trusted, so it is counted, a Logout Request is sent and the client reconnects. A packet of an unknown type is
 *   counted and skipped: its framing is intact. Nothing thrown from {@link #poll} on the server's account.</li>
 *   <li><b>Stops</b> after a rejected login, an end of session (the next {@link #connect} logs into the current
 *   session from sequence number 1), or {@link #logout()}.</li>
 * </ul>
 * Allocation-free after construction on the data path (poll, receive, heartbeats, send); connects and logins
 * allocate (a channel, the session string). Counters are plain fields for the polling thread.
 */
public final class SoupBinTcpClient
{
    /** Spec 1.3: a heartbeat whenever more than a second has passed since the last packet sent. */
    public static final long HEARTBEAT_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private static final int IDLE = 0;
    private static final int BACKING_OFF = 1;
    private static final int CONNECTING = 2;
    private static final int LOGGING_IN = 3;
    private static final int LOGGED_IN = 4;
    private static final int LOGGING_OUT = 5;

    /**
     * Configuration, set on the control path before construction.
     */
    public static final class Settings
    {
        InetSocketAddress address;
        String username = "";
        String password = "";
        String requestedSession = "";
        long requestedSequenceNumber = 1;
        boolean version410;
        long serverTimeoutNs = TimeUnit.SECONDS.toNanos(15);
        long clientTimeoutMs = 15_000;
        long reconnectMinBackoffNs = TimeUnit.MILLISECONDS.toNanos(100);
        long reconnectMaxBackoffNs = TimeUnit.SECONDS.toNanos(10);
        int sendBufferBytes = 64 * 1024;

        /**
         * @param address server to connect to.
         * @return this.
         */
        public Settings address(final InetSocketAddress address)
        {
            this.address = address;
            return this;
        }

        /**
         * @param username up to 6 ASCII characters.
         * @param password up to 10 ASCII characters.
         * @return this.
         */
        public Settings credentials(final String username, final String password)
        {
            this.username = username;
            this.password = password;
            return this;
        }

        /**
         * @param session        requested on the first login; "" for the current session.
         * @param sequenceNumber next sequenced message wanted on the first login; 0 for the newest.
         * @return this.
         */
        public Settings resumeFrom(final String session, final long sequenceNumber)
        {
            this.requestedSession = session;
            this.requestedSequenceNumber = sequenceNumber;
            return this;
        }

        /**
         * @param version410 true for the 54-byte 4.10 Login Request with its heartbeat timeout, false for the
         *                   49-byte 3.00/4.00 one (the default).
         * @return this.
         */
        public Settings version410(final boolean version410)
        {
            this.version410 = version410;
            return this;
        }

        /**
         * @param serverTimeoutNs silence from the server after which the link is taken as lost (default 15 s).
         * @return this.
         */
        public Settings serverTimeoutNs(final long serverTimeoutNs)
        {
            this.serverTimeoutNs = serverTimeoutNs;
            return this;
        }

        /**
         * @param clientTimeoutMs the 4.10 heartbeat timeout asked of the server, 1 to 99,999 ms (default 15 s).
         * @return this.
         */
        public Settings clientTimeoutMs(final long clientTimeoutMs)
        {
            this.clientTimeoutMs = clientTimeoutMs;
            return this;
        }

        /**
         * @param minNs first reconnect delay; doubled on each failure up to {@code maxNs}, reset on login.
         * @param maxNs longest reconnect delay.
         * @return this.
         */
        public Settings reconnectBackoffNs(final long minNs, final long maxNs)
        {
            this.reconnectMinBackoffNs = minNs;
            this.reconnectMaxBackoffNs = maxNs;
            return this;
        }

        /**
         * @param sendBufferBytes bytes of packets waiting to be written; at least one Login Request.
         * @return this.
         */
        public Settings sendBufferBytes(final int sendBufferBytes)
        {
            this.sendBufferBytes = sendBufferBytes;
            return this;
        }
    }

    private final SoupBinTcpListener listener;
    private final InetSocketAddress address;
    private final byte[] username;
    private final byte[] password;
    private final byte[] requestedSession = new byte[SESSION_LENGTH];
    private final long heartbeatTimeoutMs;
    private final long serverTimeoutNs;
    private final long minBackoffNs;
    private final long maxBackoffNs;

    /** Receive buffer: unframed bytes sit at [0, position); holds the largest packet whole. */
    private final ByteBuffer receiveByteBuffer = ByteBuffer.allocateDirect(MAX_PACKET_LENGTH);
    private final UnsafeBuffer receiveBuffer = new UnsafeBuffer(receiveByteBuffer);
    /** Send buffer: packets not yet written sit at [0, position). */
    private final ByteBuffer sendByteBuffer;
    private final UnsafeBuffer sendBuffer;

    private SocketChannel channel;
    private int state = IDLE;
    /** Bumped at every disconnect so a receive loop knows the connection under it went. */
    private int connectionEpoch;
    private long nextSequence;
    private long backoffNs;
    private long reconnectAtNs;
    private long lastReceiveNs;
    private long lastSendNs;
    /** Time of the latest poll or connect: the clock for calls that are not given one. */
    private long nowNs;
    private boolean everConnected;

    private long packetsIn;
    private long packetsOut;
    private long sequencedMessages;
    private long unsequencedMessagesIn;
    private long heartbeatsIn;
    private long heartbeatsOut;
    private long debugPackets;
    private long reconnects;
    private long malformedPackets;
    private long unknownPackets;
    private long sendBufferFull;
    private long sendsRefused;

    /**
     * @param settings the session's configuration.
     * @param listener receives messages and session events.
     * @throws IllegalArgumentException when a setting is out of range.
     */
    public SoupBinTcpClient(final Settings settings, final SoupBinTcpListener listener)
    {
        if (settings.address == null || settings.serverTimeoutNs <= 0 || settings.requestedSequenceNumber < 0 ||
            settings.clientTimeoutMs < 1 || settings.clientTimeoutMs > MAX_HEARTBEAT_TIMEOUT_MS ||
            settings.reconnectMinBackoffNs <= 0 || settings.reconnectMaxBackoffNs < settings.reconnectMinBackoffNs ||
            settings.sendBufferBytes < LOGIN_REQUEST_LENGTH_V4_10)
        {
            throw new IllegalArgumentException("bad SoupBinTCP settings: address=" + settings.address +
                " serverTimeoutNs=" + settings.serverTimeoutNs + " sequence=" + settings.requestedSequenceNumber +
                " clientTimeoutMs=" + settings.clientTimeoutMs + " backoffNs=" + settings.reconnectMinBackoffNs +
                ".." + settings.reconnectMaxBackoffNs + " sendBufferBytes=" + settings.sendBufferBytes);
        }

        this.listener = listener;
        this.address = settings.address;
        this.username = settings.username.getBytes(StandardCharsets.US_ASCII);
        this.password = settings.password.getBytes(StandardCharsets.US_ASCII);
        setRequestedSession(settings.requestedSession.getBytes(StandardCharsets.US_ASCII));
        this.nextSequence = settings.requestedSequenceNumber;
        this.heartbeatTimeoutMs = settings.version410 ? settings.clientTimeoutMs : -1;
        this.serverTimeoutNs = settings.serverTimeoutNs;
        this.minBackoffNs = settings.reconnectMinBackoffNs;
        this.maxBackoffNs = settings.reconnectMaxBackoffNs;
        this.backoffNs = minBackoffNs;
        this.sendByteBuffer = ByteBuffer.allocateDirect(settings.sendBufferBytes);
        this.sendBuffer = new UnsafeBuffer(sendByteBuffer);
    }

    /**
     * Control path: start connecting now (also after the client stopped). Does nothing while connected.
     *
     * @param nowNs the injected clock.
     */
    public void connect(final long nowNs)
    {
        this.nowNs = nowNs;
        if (state == IDLE || state == BACKING_OFF)
        {
            startConnect(nowNs);
        }
    }

    /**
     * Send a Logout Request and stop once the server closes (or the server timeout passes). Before the login, just
     * closes.
     */
    public void logout()
    {
        if (state == LOGGED_IN)
        {
            if (!queuePacket(LOGOUT_REQUEST, nowNs))
            {
                disconnect(SoupBinTcpListener.DISCONNECT_LOGOUT, false);
                return;
            }
            state = LOGGING_OUT;
            flush();
        }
        else if (state != IDLE && state != LOGGING_OUT)
        {
            disconnect(SoupBinTcpListener.DISCONNECT_LOGOUT, false);
        }
    }

    /**
     * One step of the session: finish a connect, read and deliver what has arrived, flush, heartbeat, time out,
     * reconnect.
     *
     * @param nowNs the injected clock.
     * @return work done: packets received plus connection steps taken.
     */
    public int poll(final long nowNs)
    {
        this.nowNs = nowNs;
        switch (state)
        {
            case IDLE:
                return 0;
            case BACKING_OFF:
                if (nowNs - reconnectAtNs >= 0)
                {
                    reconnects++;
                    startConnect(nowNs);
                    return 1;
                }
                return 0;
            case CONNECTING:
                return finishConnect(nowNs);
            default:
                return pollConnected(nowNs);
        }
    }

    /**
     * Queue one Unsequenced Data packet and try to write it.
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message, 0 to {@link SoupBinTcpDescriptor#MAX_MESSAGE_LENGTH}.
     * @return false when not logged in, the message is too long, or the send buffer cannot take it
     * ({@link #sendBufferFull()}).
     */
    public boolean sendUnsequenced(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!queueUnsequenced(buffer, offset, length))
        {
            return false;
        }
        flush();

        return true;
    }

    /**
     * Put one Unsequenced Data packet in the send buffer without writing it to the socket yet: the caller
     * {@link #flush()}es (an order path that times the two steps apart, or batches several messages per write).
     * Unflushed bytes are also written by the next {@link #poll(long)}.
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message, 0 to {@link SoupBinTcpDescriptor#MAX_MESSAGE_LENGTH}.
     * @return false when not logged in, the message is too long, or the send buffer cannot take it.
     */
    public boolean queueUnsequenced(final DirectBuffer buffer, final int offset, final int length)
    {
        if (state != LOGGED_IN || length < 0 || length > MAX_MESSAGE_LENGTH)
        {
            sendsRefused++;
            return false;
        }
        final int position = sendByteBuffer.position();
        if (sendByteBuffer.capacity() - position < HEADER_LENGTH + length)
        {
            flush();
            if (sendByteBuffer.capacity() - sendByteBuffer.position() < HEADER_LENGTH + length)
            {
                sendBufferFull++;
                return false;
            }
        }
        final int start = sendByteBuffer.position();
        encodeHeader(sendBuffer, start, UNSEQUENCED_DATA, length);
        sendBuffer.putBytes(start + HEADER_LENGTH, buffer, offset, length);
        sendByteBuffer.position(start + HEADER_LENGTH + length);
        packetsOut++;
        lastSendNs = nowNs;

        return true;
    }

    private void startConnect(final long nowNs)
    {
        lastReceiveNs = nowNs;
        lastSendNs = nowNs;
        try
        {
            final SocketChannel channel = SocketChannel.open();
            this.channel = channel;
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, Boolean.TRUE);
            state = CONNECTING;
            if (channel.connect(address))
            {
                loginNow(nowNs);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            disconnect(SoupBinTcpListener.DISCONNECT_CONNECT_FAILED, true);
        }
    }

    private int finishConnect(final long nowNs)
    {
        try
        {
            if (channel.finishConnect())
            {
                loginNow(nowNs);
                return 1;
            }
        }
        catch (final IOException ex)
        {
            disconnect(SoupBinTcpListener.DISCONNECT_CONNECT_FAILED, true);
            return 1;
        }
        if (nowNs - lastReceiveNs > serverTimeoutNs)
        {
            disconnect(SoupBinTcpListener.DISCONNECT_CONNECT_FAILED, true);
            return 1;
        }

        return 0;
    }

    private void loginNow(final long nowNs)
    {
        everConnected = true;
        state = LOGGING_IN;
        receiveByteBuffer.clear();
        sendByteBuffer.clear();
        final int length = encodeLoginRequest(
            sendBuffer, 0, username, password, requestedSession, nextSequence, heartbeatTimeoutMs);
        sendByteBuffer.position(length);
        packetsOut++;
        lastSendNs = nowNs;
        flush();
    }

    private int pollConnected(final long nowNs)
    {
        final int epoch = connectionEpoch;
        int work = 0;
        if (sendByteBuffer.position() > 0)
        {
            flush();
            if (epoch != connectionEpoch)
            {
                return 1;
            }
        }

        final int read;
        try
        {
            read = channel.read(receiveByteBuffer);
        }
        catch (final IOException ex)
        {
            disconnect(closeReason(), state != LOGGING_OUT);
            return 1;
        }
        if (read < 0)
        {
            disconnect(closeReason(), state != LOGGING_OUT);
            return 1;
        }
        if (read > 0)
        {
            lastReceiveNs = nowNs;
            work += frame(epoch);
            if (epoch != connectionEpoch)
            {
                return work + 1;
            }
        }

        if (nowNs - lastReceiveNs > serverTimeoutNs)
        {
            disconnect(
                state == LOGGING_OUT ? SoupBinTcpListener.DISCONNECT_LOGOUT : SoupBinTcpListener.DISCONNECT_SERVER_TIMEOUT,
                state != LOGGING_OUT);
            return work + 1;
        }
        if (state == LOGGED_IN && nowNs - lastSendNs > HEARTBEAT_INTERVAL_NS && sendByteBuffer.position() == 0)
        {
            if (queuePacket(CLIENT_HEARTBEAT, nowNs))
            {
                heartbeatsOut++;
                flush();
                work++;
            }
        }

        return work;
    }

    private int closeReason()
    {
        return state == LOGGING_OUT ? SoupBinTcpListener.DISCONNECT_LOGOUT : SoupBinTcpListener.DISCONNECT_CLOSED_BY_SERVER;
    }

    /**
     * Deliver every whole packet in the receive buffer, then move a partial one to its start.
     */
    private int frame(final int epoch)
    {
        final UnsafeBuffer buffer = receiveBuffer;
        final int end = receiveByteBuffer.position();
        int offset = 0;
        int packets = 0;
        while (end - offset >= LENGTH_FIELD_LENGTH)
        {
            final int lengthField = packetLengthField(buffer, offset);
            if (lengthField == 0)
            {
                protocolViolation();
                return packets;
            }
            final int packetLength = LENGTH_FIELD_LENGTH + lengthField;
            if (end - offset < packetLength)
            {
                break;
            }
            packetsIn++;
            packets++;
            onPacket(buffer, offset, packetLength);
            if (epoch != connectionEpoch)
            {
                return packets;
            }
            offset += packetLength;
        }

        if (offset > 0)
        {
            // Move the partial packet to the front; the buffer holds the largest packet, so it always fits.
            final int remaining = end - offset;
            buffer.putBytes(0, buffer, offset, remaining);
            receiveByteBuffer.position(remaining);
        }

        return packets;
    }

    private void onPacket(final UnsafeBuffer buffer, final int offset, final int packetLength)
    {
        final byte type = packetType(buffer, offset);
        switch (type)
        {
            case SEQUENCED_DATA:
                if (state == LOGGING_IN)
                {
                    protocolViolation();
                    return;
                }
                sequencedMessages++;
                final long sequence = nextSequence++;
                listener.onSequencedMessage(buffer, offset + HEADER_LENGTH, packetLength - HEADER_LENGTH, sequence);
                break;
            case SERVER_HEARTBEAT:
                if (packetLength != HEADER_LENGTH)
                {
                    protocolViolation();
                    return;
                }
                heartbeatsIn++;
                break;
            case UNSEQUENCED_DATA:
                if (state == LOGGING_IN)
                {
                    protocolViolation();
                    return;
                }
                unsequencedMessagesIn++;
                listener.onUnsequencedMessage(buffer, offset + HEADER_LENGTH, packetLength - HEADER_LENGTH);
                break;
            case DEBUG:
                debugPackets++;
                break;
            case LOGIN_ACCEPTED:
                onLoginAccepted(buffer, offset, packetLength);
                break;
            case LOGIN_REJECTED:
                if (packetLength != LOGIN_REJECTED_LENGTH || state != LOGGING_IN)
                {
                    protocolViolation();
                    return;
                }
                listener.onLoginRejected(buffer.getByte(offset + LOGIN_REJECTED_REASON_OFFSET));
                disconnect(SoupBinTcpListener.DISCONNECT_LOGIN_REJECTED, false);
                break;
            case END_OF_SESSION:
                if (packetLength != HEADER_LENGTH || state == LOGGING_IN)
                {
                    protocolViolation();
                    return;
                }
                // The next login joins whatever session is current, from its start (spec 1.4).
                Arrays.fill(requestedSession, (byte)' ');
                nextSequence = 1;
                listener.onEndOfSession();
                disconnect(SoupBinTcpListener.DISCONNECT_END_OF_SESSION, false);
                break;
            default:
                unknownPackets++;
                malformedPackets++;
                break;
        }
    }

    private void onLoginAccepted(final UnsafeBuffer buffer, final int offset, final int packetLength)
    {
        final long sequence = packetLength == LOGIN_ACCEPTED_LENGTH ?
            parseNumber(buffer, offset + LOGIN_ACCEPTED_SEQUENCE_OFFSET, SEQUENCE_NUMBER_LENGTH) : NOT_A_NUMBER;
        if (state != LOGGING_IN || sequence == NOT_A_NUMBER)
        {
            protocolViolation();
            return;
        }
        state = LOGGED_IN;
        backoffNs = minBackoffNs;
        nextSequence = sequence;
        buffer.getBytes(offset + LOGIN_ACCEPTED_SESSION_OFFSET, requestedSession, 0, SESSION_LENGTH);
        listener.onLoginAccepted(new String(requestedSession, StandardCharsets.US_ASCII).strip(), sequence);
    }

    /**
     * The server's stream cannot be framed or breaks the protocol: count, ask to log out, reconnect.
     */
    private void protocolViolation()
    {
        malformedPackets++;
        if (state == LOGGED_IN && queuePacket(LOGOUT_REQUEST, nowNs))
        {
            flush();
        }
        disconnect(SoupBinTcpListener.DISCONNECT_MALFORMED, true);
    }

    private boolean queuePacket(final byte type, final long nowNs)
    {
        final int position = sendByteBuffer.position();
        if (sendByteBuffer.capacity() - position < HEADER_LENGTH)
        {
            sendBufferFull++;
            return false;
        }
        encodeHeader(sendBuffer, position, type, 0);
        sendByteBuffer.position(position + HEADER_LENGTH);
        packetsOut++;
        lastSendNs = nowNs;
        return true;
    }

    /**
     * Write what the send buffer holds, as much as the socket takes (one non-blocking write); keep the rest at
     * the front for the next flush or poll. A write error disconnects (and reconnects as configured).
     */
    public void flush()
    {
        final ByteBuffer sendByteBuffer = this.sendByteBuffer;
        if (sendByteBuffer.position() == 0 || state < LOGGING_IN)
        {
            return;
        }
        sendByteBuffer.flip();
        try
        {
            channel.write(sendByteBuffer);
        }
        catch (final IOException ex)
        {
            sendByteBuffer.clear();
            disconnect(closeReason(), state != LOGGING_OUT);
            return;
        }
        sendByteBuffer.compact();
    }

    private void disconnect(final int reason, final boolean reconnect)
    {
        connectionEpoch++;
        final SocketChannel channel = this.channel;
        this.channel = null;
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignore)
            {
                // Closing a failed socket can fail too; it is gone either way.
            }
        }
        receiveByteBuffer.clear();
        sendByteBuffer.clear();
        if (reconnect)
        {
            state = BACKING_OFF;
            reconnectAtNs = nowNs + backoffNs;
            backoffNs = Math.min(maxBackoffNs, backoffNs * 2);
        }
        else
        {
            state = IDLE;
        }
        listener.onDisconnected(reason);
    }

    private void setRequestedSession(final byte[] session)
    {
        SoupBinTcpDescriptor.putAlphaRight(new UnsafeBuffer(requestedSession), 0, SESSION_LENGTH, session);
    }

    /**
     * Control path: release the socket without a logout. The client stops.
     */
    public void close()
    {
        if (state != IDLE)
        {
            disconnect(SoupBinTcpListener.DISCONNECT_LOGOUT, false);
        }
    }

    /**
     * @return true between a Login Accepted and the end of that connection (while logging out too).
     */
    public boolean isLoggedIn()
    {
        return state == LOGGED_IN || state == LOGGING_OUT;
    }

    /**
     * @return true once stopped: never connected, logged out, rejected, or the session ended.
     */
    public boolean isStopped()
    {
        return state == IDLE;
    }

    /**
     * @return the sequence number of the next sequenced message to deliver; the one a reconnect asks for.
     */
    public long nextSequence()
    {
        return nextSequence;
    }

    /**
     * Control path.
     *
     * @return the session the next login asks for without padding, "" for the current one.
     */
    public String session()
    {
        return new String(requestedSession, StandardCharsets.US_ASCII).strip();
    }

    /**
     * @return true once a connect has completed at least once.
     */
    public boolean hasConnected()
    {
        return everConnected;
    }

    /**
     * @return bytes queued but not yet written.
     */
    public int pendingSendBytes()
    {
        return sendByteBuffer.position();
    }

    /** @return whole packets received, of every type. */
    public long packetsIn()
    {
        return packetsIn;
    }

    /** @return packets queued for sending: logins, data, heartbeats, logouts. */
    public long packetsOut()
    {
        return packetsOut;
    }

    /** @return sequenced messages delivered. */
    public long sequencedMessages()
    {
        return sequencedMessages;
    }

    /** @return unsequenced messages from the server delivered. */
    public long unsequencedMessagesIn()
    {
        return unsequencedMessagesIn;
    }

    /** @return Server Heartbeats received. */
    public long heartbeatsIn()
    {
        return heartbeatsIn;
    }

    /** @return Client Heartbeats sent. */
    public long heartbeatsOut()
    {
        return heartbeatsOut;
    }

    /** @return Debug packets received and ignored. */
    public long debugPackets()
    {
        return debugPackets;
    }

    /** @return connects started after the first: after a failure, a timeout or a protocol violation. */
    public long reconnects()
    {
        return reconnects;
    }

    /** @return packets the server got wrong: bad lengths, unknown types, out-of-order login packets. */
    public long malformedPackets()
    {
        return malformedPackets;
    }

    /** @return the part of {@link #malformedPackets()} that were of an unknown type and skipped. */
    public long unknownPackets()
    {
        return unknownPackets;
    }

    /** @return packets refused because the send buffer was full. */
    public long sendBufferFull()
    {
        return sendBufferFull;
    }

    /** @return {@link #sendUnsequenced} calls refused because not logged in or the message too long. */
    public long sendsRefused()
    {
        return sendsRefused;
    }
}
