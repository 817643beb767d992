package corezero.venue;

import java.util.concurrent.TimeUnit;

/**
 * How the feed publishes: session, pace, heartbeats, end of session and packet size.
 *
 * @param session              MoldUDP64 session name, 1 to 10 printable ASCII characters.
 * @param messagesPerSecond    pace of the feed, 1 to {@link MessagePacer#MAX_MESSAGES_PER_SECOND}.
 * @param heartbeatIntervalNs  idle time after which a heartbeat goes out; also the end-of-session repeat interval.
 * @param endOfSessionLingerNs how long end-of-session packets repeat, and re-requests are answered, after the last
 *                             message; 0 sends one end-of-session packet and stops.
 * @param loop                 replay the capture again after its end, sequence numbers going on, instead of ending.
 * @param maxPacketLength      largest UDP payload, MoldUDP64 header included.
 */
public record FeedSettings(
    String session,
    long messagesPerSecond,
    long heartbeatIntervalNs,
    long endOfSessionLingerNs,
    boolean loop,
    int maxPacketLength)
{
    /** Default session name. */
    public static final String DEFAULT_SESSION = "CZ00000001";

    /** Default pace. */
    public static final long DEFAULT_MESSAGES_PER_SECOND = 10_000;

    /** Default heartbeat interval: the once per second the MoldUDP64 spec calls typical. */
    public static final long DEFAULT_HEARTBEAT_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    /** Default time for end-of-session packets to repeat. */
    public static final long DEFAULT_END_OF_SESSION_LINGER_NS = TimeUnit.SECONDS.toNanos(2);

    /** Default largest UDP payload: fits a 1500-byte Ethernet MTU with room for IP, UDP and tunnel headers. */
    public static final int DEFAULT_MAX_PACKET_LENGTH = 1400;

    /**
     * Check the settings.
     *
     * @throws IllegalArgumentException naming the setting that is out of range.
     */
    public FeedSettings
    {
        MoldUdp64Descriptor.sessionBytes(session);
        if (messagesPerSecond < 1 || messagesPerSecond > MessagePacer.MAX_MESSAGES_PER_SECOND)
        {
            throw new IllegalArgumentException("messagesPerSecond must be 1.." + MessagePacer.MAX_MESSAGES_PER_SECOND +
                ", got " + messagesPerSecond);
        }
        if (heartbeatIntervalNs < 1)
        {
            throw new IllegalArgumentException("heartbeatIntervalNs must be positive, got " + heartbeatIntervalNs);
        }
        if (endOfSessionLingerNs < 0)
        {
            throw new IllegalArgumentException(
                "endOfSessionLingerNs must not be negative, got " + endOfSessionLingerNs);
        }
        if (maxPacketLength < MoldUdp64Descriptor.HEADER_LENGTH + MoldUdp64Descriptor.MESSAGE_LENGTH_FIELD_LENGTH ||
            maxPacketLength > MoldUdp64Descriptor.MAX_UDP_PAYLOAD_LENGTH)
        {
            throw new IllegalArgumentException("maxPacketLength must be " +
                (MoldUdp64Descriptor.HEADER_LENGTH + MoldUdp64Descriptor.MESSAGE_LENGTH_FIELD_LENGTH) + ".." +
                MoldUdp64Descriptor.MAX_UDP_PAYLOAD_LENGTH + ", got " + maxPacketLength);
        }
    }

    /**
     * @return the default settings.
     */
    public static FeedSettings defaults()
    {
        return new FeedSettings(
            DEFAULT_SESSION,
            DEFAULT_MESSAGES_PER_SECOND,
            DEFAULT_HEARTBEAT_INTERVAL_NS,
            DEFAULT_END_OF_SESSION_LINGER_NS,
            false,
            DEFAULT_MAX_PACKET_LENGTH);
    }

    /**
     * @param messagesPerSecond pace of the feed.
     * @return a copy with that pace.
     */
    public FeedSettings withMessagesPerSecond(final long messagesPerSecond)
    {
        return new FeedSettings(
            session, messagesPerSecond, heartbeatIntervalNs, endOfSessionLingerNs, loop, maxPacketLength);
    }

    /**
     * @param heartbeatIntervalNs idle time before a heartbeat.
     * @return a copy with that interval.
     */
    public FeedSettings withHeartbeatIntervalNs(final long heartbeatIntervalNs)
    {
        return new FeedSettings(
            session, messagesPerSecond, heartbeatIntervalNs, endOfSessionLingerNs, loop, maxPacketLength);
    }

    /**
     * @param endOfSessionLingerNs how long end-of-session packets repeat.
     * @return a copy with that linger.
     */
    public FeedSettings withEndOfSessionLingerNs(final long endOfSessionLingerNs)
    {
        return new FeedSettings(
            session, messagesPerSecond, heartbeatIntervalNs, endOfSessionLingerNs, loop, maxPacketLength);
    }

    /**
     * @param loop replay the capture again after its end.
     * @return a copy with that choice.
     */
    public FeedSettings withLoop(final boolean loop)
    {
        return new FeedSettings(
            session, messagesPerSecond, heartbeatIntervalNs, endOfSessionLingerNs, loop, maxPacketLength);
    }

    /**
     * @param session name.
     * @return a copy with that session.
     */
    public FeedSettings withSession(final String session)
    {
        return new FeedSettings(
            session, messagesPerSecond, heartbeatIntervalNs, endOfSessionLingerNs, loop, maxPacketLength);
    }

    /**
     * @param maxPacketLength largest UDP payload.
     * @return a copy with that packet size.
     */
    public FeedSettings withMaxPacketLength(final int maxPacketLength)
    {
        return new FeedSettings(
            session, messagesPerSecond, heartbeatIntervalNs, endOfSessionLingerNs, loop, maxPacketLength);
    }
}
