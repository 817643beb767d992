package corezero.venue;

import com.paritytrading.nassau.moldudp64.MoldUDP64DownstreamPacket;
import com.paritytrading.nassau.moldudp64.MoldUDP64Server;
import org.agrona.CloseHelper;
import org.agrona.concurrent.NanoClock;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;

/**
 * The exchange mode's MoldUDP64 feed: sends what the {@link LiveMessageStore} has that is not sent yet, as soon as
 * it is there (the pace is set where messages are made: the capture driver, the flow, the participant's orders),
 * packing as many whole messages a packet as fit; a heartbeat when idle for the heartbeat interval. There is no end
 * of session: the exchange runs until closed. Just before each packet goes out its sequence numbers and the clock's
 * nanoTime are given to the {@link WireLatency} ring. Packets go through the same {@link FeedChannel} (simulated
 * loss, back pressure) as the replay's.
 */
final class LiveFeedPublisher implements AutoCloseable
{
    private final LiveMessageStore store;
    private final VenueSimCounters counters;
    private final WireLatency wireLatency;
    private final NanoClock clock;
    private final FeedChannel feedChannel;
    private final MoldUDP64Server server;
    private final MoldUDP64DownstreamPacket packet = new MoldUDP64DownstreamPacket();
    private final int maxPayloadLength;
    private final long heartbeatIntervalNs;
    private long lastFeedSendNs;

    /**
     * @param store       of the messages to publish; this publisher marks them sent.
     * @param settings    session, heartbeats, packet size and simulated loss (pace and linger do not apply).
     * @param channel     to send from, non-blocking; closed with this publisher.
     * @param feedAddress where the feed goes.
     * @param clock       the exchange's clock.
     * @param counters    to count what is sent.
     * @param wireLatency to record when each message left.
     */
    LiveFeedPublisher(
        final LiveMessageStore store,
        final FeedSettings settings,
        final DatagramChannel channel,
        final InetSocketAddress feedAddress,
        final NanoClock clock,
        final VenueSimCounters counters,
        final WireLatency wireLatency)
    {
        this.store = store;
        this.counters = counters;
        this.wireLatency = wireLatency;
        this.clock = clock;
        this.maxPayloadLength = settings.maxPacketLength() - MoldUdp64Descriptor.HEADER_LENGTH;
        this.heartbeatIntervalNs = settings.heartbeatIntervalNs();
        this.feedChannel = new FeedChannel(
            channel, feedAddress, settings.maxPacketLength(), settings.newLoss(), counters);
        this.server = new MoldUDP64Server(
            () -> TimeUnit.NANOSECONDS.toMillis(clock.nanoTime()), feedChannel, settings.session());
        // After a restart the store holds the earlier run's messages as sent: the session's numbering goes on.
        server.setNextSequenceNumber(Math.toIntExact(store.nextSequenceNumber()));
        this.lastFeedSendNs = clock.nanoTime();
    }

    /**
     * @param nowNs the exchange's time.
     * @return messages and heartbeats sent.
     * @throws IOException if a send fails.
     */
    int doWork(final long nowNs) throws IOException
    {
        if (!feedChannel.sendPendingPacket())
        {
            return 0;
        }

        int workCount = 0;
        for (int i = 0; i < MoldUdp64Publisher.MAX_PACKETS_PER_DUTY_CYCLE && !feedChannel.hasPendingPacket(); i++)
        {
            final long unsent = store.unsentCount();
            if (0 == unsent)
            {
                break;
            }

            packet.clear();
            final long firstSequenceNumber = store.nextSequenceNumber();
            final int count = store.putMessages(packet, firstSequenceNumber,
                (int)Math.min(unsent, MoldUdp64Descriptor.MAX_MESSAGE_COUNT), maxPayloadLength);
            wireLatency.onPacketSent(firstSequenceNumber, count, clock.nanoTime());
            server.send(packet);
            store.onSent(count);
            lastFeedSendNs = nowNs;
            counters.messagesSent.getAndAddRelease(count);
            counters.packetsSent.incrementRelease();
            workCount += count;
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

    /**
     * @return when the next heartbeat is due if nothing is sent before.
     */
    long nextHeartbeatNs()
    {
        return lastFeedSendNs + heartbeatIntervalNs;
    }

    /**
     * @return true if a packet waits for room in the socket.
     */
    boolean hasPendingPacket()
    {
        return feedChannel.hasPendingPacket();
    }

    /**
     * Close nassau's server and with it the channel.
     */
    public void close()
    {
        CloseHelper.quietClose(server);
    }
}
