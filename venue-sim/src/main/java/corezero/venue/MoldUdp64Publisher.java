package corezero.venue;

import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Publishes a capture's messages as a MoldUDP64 downstream feed over UDP, paced to a rate read from an injected
 * clock. Sequence numbers start at 1; every message sent stays in the {@link MessageStore} for retransmission. When
 * the feed is idle for a heartbeat interval it sends a heartbeat. At the end of the capture (unless looping) it sends
 * end-of-session packets at the heartbeat interval for the linger time and then terminates its duty cycle.
 * <p>
 * Runs on the ops core, so a send is a plain syscall; after construction the duty cycle allocates nothing. The
 * channel is unconnected on purpose: a connected UDP socket reports ICMP port-unreachable as an exception on the
 * next write, and the feed must keep going while no one listens.
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
    private final BinaryFileCapture capture;
    private final DatagramChannel channel;
    private final InetSocketAddress feedAddress;
    private final NanoClock clock;
    private final VenueSimCounters counters;
    private final MessagePacer pacer;
    private final ByteBuffer sendByteBuffer;
    private final MoldUdp64PacketWriter writer;
    private final long heartbeatIntervalNs;
    private final long endOfSessionLingerNs;
    private final boolean loop;
    private final int messageCount;

    private State state = State.PUBLISHING;
    private int nextCaptureIndex;
    private long lastFeedSendNs;
    private long endOfSessionStartNs;
    private long nextEndOfSessionNs;

    /**
     * @param store       of the messages to publish; this publisher is its only writer.
     * @param settings    session, pace, heartbeats, linger, loop and packet size.
     * @param channel     to send from, non-blocking; closed when the agent closes.
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

        this.store = store;
        this.capture = store.capture();
        this.channel = channel;
        this.feedAddress = feedAddress;
        this.clock = clock;
        this.counters = counters;
        this.pacer = new MessagePacer(settings.messagesPerSecond());
        this.heartbeatIntervalNs = settings.heartbeatIntervalNs();
        this.endOfSessionLingerNs = settings.endOfSessionLingerNs();
        this.loop = settings.loop();
        this.messageCount = capture.messageCount();
        this.sendByteBuffer = ByteBuffer.allocateDirect(settings.maxPacketLength());
        this.writer = new MoldUdp64PacketWriter(
            new UnsafeBuffer(sendByteBuffer),
            settings.maxPacketLength(),
            MoldUdp64Descriptor.sessionBytes(settings.session()));

        if (!writer.canCarry(capture.maxMessageLength()))
        {
            throw new IllegalArgumentException("the longest message of " + capture.name() + " (" +
                capture.maxMessageLength() + " bytes) does not fit in a packet of " + settings.maxPacketLength() +
                " bytes");
        }
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
        CloseHelper.quietClose(channel);
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
        for (int i = 0; i < MAX_PACKETS_PER_DUTY_CYCLE; i++)
        {
            if (!loop && nextCaptureIndex == messageCount)
            {
                state = State.ENDING_SESSION;
                endOfSessionStartNs = nowNs;
                nextEndOfSessionNs = nowNs;
                return workCount + endSession(nowNs);
            }

            final long dueMessages = pacer.available(nowNs);
            if (0 == dueMessages)
            {
                break;
            }

            final int sent = sendMessages((int)Math.min(dueMessages, MoldUdp64Descriptor.MAX_MESSAGE_COUNT), nowNs);
            if (0 == sent)
            {
                break;
            }
            workCount += sent;
        }

        if (0 == workCount && nowNs - lastFeedSendNs >= heartbeatIntervalNs)
        {
            if (send(writer.heartbeat(store.nextSequenceNumber())))
            {
                lastFeedSendNs = nowNs;
                counters.heartbeatsSent.incrementRelease();
                workCount = 1;
            }
        }

        return workCount;
    }

    private int sendMessages(final int maxMessages, final long nowNs) throws IOException
    {
        int index = nextCaptureIndex;
        writer.reset(store.nextSequenceNumber());
        while (writer.messageCount() < maxMessages)
        {
            if (index == messageCount)
            {
                if (!loop)
                {
                    break;
                }
                index = 0;
            }

            if (!writer.tryAppend(capture.buffer(), capture.messageOffset(index), capture.messageLength(index)))
            {
                break;
            }
            index++;
        }

        final int sentMessages = writer.messageCount();
        if (!send(writer.finish()))
        {
            return 0;
        }

        nextCaptureIndex = index;
        store.onSent(sentMessages);
        pacer.consume(sentMessages);
        lastFeedSendNs = nowNs;
        counters.messagesSent.getAndAddRelease(sentMessages);
        counters.packetsSent.incrementRelease();

        return sentMessages;
    }

    private int endSession(final long nowNs) throws IOException
    {
        if (nowNs - nextEndOfSessionNs >= 0)
        {
            if (!send(writer.endOfSession(store.nextSequenceNumber())))
            {
                return 0;
            }

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

    private boolean send(final int packetLength) throws IOException
    {
        sendByteBuffer.clear().limit(packetLength);
        if (0 == channel.send(sendByteBuffer, feedAddress))
        {
            counters.feedBackPressure.incrementRelease();
            return false;
        }

        return true;
    }
}
