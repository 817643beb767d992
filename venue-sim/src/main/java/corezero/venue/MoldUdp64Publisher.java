package corezero.venue;

import com.paritytrading.nassau.moldudp64.MoldUDP64DownstreamPacket;
import com.paritytrading.nassau.moldudp64.MoldUDP64Server;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.NanoClock;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;

/**
 * Publishes a capture's messages as a MoldUDP64 downstream feed over UDP, paced by a {@link Pacer} reading an injected
 * clock. Sequence numbers start at 1; every message sent stays in the {@link MessageStore} for retransmission. When
 * the feed is idle for a heartbeat interval it sends a heartbeat. At the end of the capture (unless looping) it sends
 * end-of-session packets at the heartbeat interval for the linger time and then terminates its duty cycle.
 * <p>
 * The packets are nassau's: its {@link MoldUDP64DownstreamPacket} holds the message blocks and its
 * {@link MoldUDP64Server} writes the header and keeps the sequence number, into a {@link FeedChannel} that sends them
 * on, loses some on purpose when told to, and holds one back when the socket is full.
 * <p>
 * Runs on the ops core, so a send is a plain syscall; after construction the duty cycle allocates nothing.
 */
public final class MoldUdp64Publisher implements Agent
{
    /** Packets sent at most per duty cycle, so that re-requests on the same thread are not starved. */
    static final int MAX_PACKETS_PER_DUTY_CYCLE = 16;

    private enum State
    {
        PUBLISHING, ENDING_SESSION, COMPLETE
    }

    private final MessageStore store;
    private final NanoClock clock;
    private final VenueSimCounters counters;
    private final Pacer pacer;
    private final FeedChannel feedChannel;
    private final MoldUDP64Server server;
    private final MoldUDP64DownstreamPacket packet = new MoldUDP64DownstreamPacket();
    private final int maxPayloadLength;
    private final long heartbeatIntervalNs;
    private final long endOfSessionLingerNs;
    private final boolean loop;
    private final int messageCount;

    private State state = State.PUBLISHING;
    private long lastFeedSendNs;
    private long endOfSessionStartNs;
    private long nextEndOfSessionNs;

    /**
     * @param store       of the messages to publish; this publisher is its only writer.
     * @param settings    session, pace, heartbeats, linger, loop, packet size and simulated loss.
     * @param channel     to send from, non-blocking and unconnected; closed when the agent closes.
     * @param feedAddress where the feed goes.
     * @param clock       time source for pacing and heartbeats.
     * @param counters    to count what is sent.
     * @throws IllegalArgumentException if a message of the capture cannot fit in one packet.
     */
    public MoldUdp64Publisher(
        final MessageStore store,
        final FeedSettings settings,
        final DatagramChannel channel,
        final InetSocketAddress feedAddress,
        final NanoClock clock,
        final VenueSimCounters counters)
    {
        if (channel.isBlocking())
        {
            throw new IllegalArgumentException("the feed channel must be non-blocking");
        }

        final BinaryFileCapture capture = store.capture();
        this.maxPayloadLength = settings.maxPacketLength() - MoldUdp64Descriptor.HEADER_LENGTH;
        if (MoldUdp64Descriptor.MESSAGE_LENGTH_FIELD_LENGTH + capture.maxMessageLength() > maxPayloadLength)
        {
            throw new IllegalArgumentException("the longest message of " + capture.name() + " (" +
                capture.maxMessageLength() + " bytes) does not fit in a packet of " + settings.maxPacketLength() +
                " bytes");
        }

        this.store = store;
        this.clock = clock;
        this.counters = counters;
        this.pacer = settings.newPacer(capture);
        this.heartbeatIntervalNs = settings.heartbeatIntervalNs();
        this.endOfSessionLingerNs = settings.endOfSessionLingerNs();
        this.loop = settings.loop();
        this.messageCount = capture.messageCount();
        this.feedChannel = new FeedChannel(
            channel, feedAddress, settings.maxPacketLength(), settings.newLoss(), counters);
        // Nassau's own heartbeat timer (keepAlive) is not used; its clock is ours all the same, never the system's.
        this.server = new MoldUDP64Server(
            () -> TimeUnit.NANOSECONDS.toMillis(clock.nanoTime()), feedChannel, settings.session());
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "venue-sim-itch-feed";
    }

    /**
     * {@inheritDoc}
     */
    public void onStart()
    {
        final long nowNs = clock.nanoTime();
        pacer.start(nowNs);
        lastFeedSendNs = nowNs;
    }

    /**
     * {@inheritDoc}
     */
    public int doWork() throws IOException
    {
        final long nowNs = clock.nanoTime();

        // A packet the socket had no room for goes before anything else, or the feed would reorder.
        if (!feedChannel.sendPendingPacket())
        {
            return 0;
        }

        switch (state)
        {
            case PUBLISHING:
                return publish(nowNs);

            case ENDING_SESSION:
                return endSession(nowNs);

            default:
                throw new AgentTerminationException("end of session", true);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        CloseHelper.quietClose(server);
    }

    /**
     * @return true once the last message of the capture has been sent (never when looping).
     */
    public boolean isEndOfSession()
    {
        return State.PUBLISHING != state;
    }

    /**
     * @return true once the end-of-session linger is over; the next duty cycle terminates the agent.
     */
    public boolean isComplete()
    {
        return State.COMPLETE == state;
    }

    private int publish(final long nowNs) throws IOException
    {
        int workCount = 0;
        for (int i = 0; i < MAX_PACKETS_PER_DUTY_CYCLE && !feedChannel.hasPendingPacket(); i++)
        {
            final long unsent = messageCount - (store.nextSequenceNumber() - 1);
            if (!loop && 0 == unsent)
            {
                state = State.ENDING_SESSION;
                endOfSessionStartNs = nowNs;
                nextEndOfSessionNs = nowNs;
                return workCount + endSession(nowNs);
            }

            final int maxMessages = loop ?
                MoldUdp64Descriptor.MAX_MESSAGE_COUNT : (int)Math.min(unsent, MoldUdp64Descriptor.MAX_MESSAGE_COUNT);
            final int dueMessages = pacer.available(nowNs, maxMessages);
            if (0 == dueMessages)
            {
                break;
            }

            workCount += sendMessages(dueMessages, nowNs);
        }

        if (0 == workCount && nowNs - lastFeedSendNs >= heartbeatIntervalNs && !feedChannel.hasPendingPacket())
        {
            server.sendHeartbeat();
            lastFeedSendNs = nowNs;
            counters.heartbeatsSent.incrementRelease();
            workCount = 1;
        }

        return workCount;
    }

    private int sendMessages(final int maxMessages, final long nowNs) throws IOException
    {
        packet.clear();
        final int sentMessages = store.putMessages(packet, store.nextSequenceNumber(), maxMessages, maxPayloadLength);
        server.send(packet);

        store.onSent(sentMessages);
        pacer.consume(sentMessages);
        lastFeedSendNs = nowNs;
        counters.messagesSent.getAndAddRelease(sentMessages);
        counters.packetsSent.incrementRelease();

        return sentMessages;
    }

    private int endSession(final long nowNs) throws IOException
    {
        if (feedChannel.hasPendingPacket())
        {
            return 0;
        }

        if (nowNs - nextEndOfSessionNs >= 0)
        {
            server.sendEndOfSession();
            nextEndOfSessionNs = nowNs + heartbeatIntervalNs;
            lastFeedSendNs = nowNs;
            counters.endOfSessionsSent.incrementRelease();

            return 1;
        }

        if (nowNs - endOfSessionStartNs >= endOfSessionLingerNs)
        {
            state = State.COMPLETE;
            return 1;
        }

        return 0;
    }
}
