package corezero.venue;

import java.util.concurrent.TimeUnit;

/**
 * How the feed publishes: session, pace, heartbeats, end of session, packet size and simulated loss.
 *
 * @param session              MoldUDP64 session name, 1 to 10 printable ASCII characters.
 * @param messagesPerSecond    pace of the feed with {@link Timing#RATE}, 1 to
 *                             {@link MessagePacer#MAX_MESSAGES_PER_SECOND}.
 * @param heartbeatIntervalNs  idle time after which a heartbeat goes out; also the end-of-session repeat interval.
 * @param endOfSessionLingerNs how long end-of-session packets repeat, and re-requests are answered, after the last
 *                             message; 0 sends one end-of-session packet and stops.
 * @param loop                 replay the capture again after its end, sequence numbers going on, instead of ending.
 * @param maxPacketLength      largest UDP payload, MoldUDP64 header included, up to {@link #MAX_PACKET_LENGTH}.
 * @param timing               a fixed rate, or the capture's own timestamps scaled.
 * @param speed                with {@link Timing#ORIGINAL}: how many times faster than the capture, from
 *                             {@link CaptureTimingPacer#MIN_SPEED} to {@link CaptureTimingPacer#MAX_SPEED}.
 * @param maxIdleNs            with {@link Timing#ORIGINAL}: the longest wall-clock gap between two messages.
 * @param dropEvery            lose every Nth packet carrying messages on purpose; {@link SimulatedLoss#OFF} for none.
 * @param dropSequenceNumber   lose once the packet carrying this sequence number; {@link SimulatedLoss#OFF} for none.
 */
public record FeedSettings(
    String session,
    long messagesPerSecond,
    long heartbeatIntervalNs,
    long endOfSessionLingerNs,
    boolean loop,
    int maxPacketLength,
    Timing timing,
    double speed,
    long maxIdleNs,
    long dropEvery,
    long dropSequenceNumber)
{
    /**
     * What paces the feed.
     */
    public enum Timing
    {
        /** A fixed number of messages per second. */
        RATE,

        /** The capture's own ITCH timestamps, scaled by a speed factor, with long idle stretches capped. */
        ORIGINAL
    }

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
     * Largest UDP payload: nassau's {@code MoldUDP64DownstreamPacket} holds 1400 bytes of message blocks, and its
     * request server answers in packets of at most this length.
     */
    public static final int MAX_PACKET_LENGTH = MoldUdp64Descriptor.HEADER_LENGTH + 1400;

    /** Default speed of a replay with the capture's own timing. */
    public static final double DEFAULT_SPEED = 1;

    /** Default cap on a gap between two messages when replaying with the capture's own timing. */
    public static final long DEFAULT_MAX_IDLE_NS = TimeUnit.SECONDS.toNanos(1);

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
            maxPacketLength > MAX_PACKET_LENGTH)
        {
            throw new IllegalArgumentException("maxPacketLength must be " +
                (MoldUdp64Descriptor.HEADER_LENGTH + MoldUdp64Descriptor.MESSAGE_LENGTH_FIELD_LENGTH) + ".." +
                MAX_PACKET_LENGTH + ", got " + maxPacketLength);
        }
        if (null == timing)
        {
            throw new IllegalArgumentException("timing must be given");
        }
        if (!(speed >= CaptureTimingPacer.MIN_SPEED && speed <= CaptureTimingPacer.MAX_SPEED))
        {
            throw new IllegalArgumentException("speed must be " + CaptureTimingPacer.MIN_SPEED + ".." +
                CaptureTimingPacer.MAX_SPEED + ", got " + speed);
        }
        if (maxIdleNs < 0)
        {
            throw new IllegalArgumentException("maxIdleNs must not be negative, got " + maxIdleNs);
        }
        if (dropEvery < 0 || dropSequenceNumber < 0)
        {
            throw new IllegalArgumentException("dropEvery and dropSequenceNumber must not be negative, got " +
                dropEvery + " and " + dropSequenceNumber);
        }
    }

    /**
     * @return the default settings: 10,000 messages a second, no loss.
     */
    public static FeedSettings defaults()
    {
        return new FeedSettings(
            DEFAULT_SESSION,
            DEFAULT_MESSAGES_PER_SECOND,
            DEFAULT_HEARTBEAT_INTERVAL_NS,
            DEFAULT_END_OF_SESSION_LINGER_NS,
            false,
            DEFAULT_MAX_PACKET_LENGTH,
            Timing.RATE,
            DEFAULT_SPEED,
            DEFAULT_MAX_IDLE_NS,
            SimulatedLoss.OFF,
            SimulatedLoss.OFF);
    }

    /**
     * @param messagesPerSecond pace of the feed.
     * @return a copy with a fixed rate of that pace.
     */
    public FeedSettings withMessagesPerSecond(final long messagesPerSecond)
    {
        return new FeedSettings(session, messagesPerSecond, heartbeatIntervalNs, endOfSessionLingerNs, loop,
            maxPacketLength, Timing.RATE, speed, maxIdleNs, dropEvery, dropSequenceNumber);
    }

    /**
     * @param speed     how many times faster than the capture.
     * @param maxIdleNs longest wall-clock gap between two messages.
     * @return a copy paced by the capture's own timing.
     */
    public FeedSettings withOriginalTiming(final double speed, final long maxIdleNs)
    {
        return new FeedSettings(session, messagesPerSecond, heartbeatIntervalNs, endOfSessionLingerNs, loop,
            maxPacketLength, Timing.ORIGINAL, speed, maxIdleNs, dropEvery, dropSequenceNumber);
    }

    /**
     * @param heartbeatIntervalNs idle time before a heartbeat.
     * @return a copy with that interval.
     */
    public FeedSettings withHeartbeatIntervalNs(final long heartbeatIntervalNs)
    {
        return new FeedSettings(session, messagesPerSecond, heartbeatIntervalNs, endOfSessionLingerNs, loop,
            maxPacketLength, timing, speed, maxIdleNs, dropEvery, dropSequenceNumber);
    }

    /**
     * @param endOfSessionLingerNs how long end-of-session packets repeat.
     * @return a copy with that linger.
     */
    public FeedSettings withEndOfSessionLingerNs(final long endOfSessionLingerNs)
    {
        return new FeedSettings(session, messagesPerSecond, heartbeatIntervalNs, endOfSessionLingerNs, loop,
            maxPacketLength, timing, speed, maxIdleNs, dropEvery, dropSequenceNumber);
    }

    /**
     * @param loop replay the capture again after its end.
     * @return a copy with that choice.
     */
    public FeedSettings withLoop(final boolean loop)
    {
        return new FeedSettings(session, messagesPerSecond, heartbeatIntervalNs, endOfSessionLingerNs, loop,
            maxPacketLength, timing, speed, maxIdleNs, dropEvery, dropSequenceNumber);
    }

    /**
     * @param session name.
     * @return a copy with that session.
     */
    public FeedSettings withSession(final String session)
    {
        return new FeedSettings(session, messagesPerSecond, heartbeatIntervalNs, endOfSessionLingerNs, loop,
            maxPacketLength, timing, speed, maxIdleNs, dropEvery, dropSequenceNumber);
    }

    /**
     * @param maxPacketLength largest UDP payload.
     * @return a copy with that packet size.
     */
    public FeedSettings withMaxPacketLength(final int maxPacketLength)
    {
        return new FeedSettings(session, messagesPerSecond, heartbeatIntervalNs, endOfSessionLingerNs, loop,
            maxPacketLength, timing, speed, maxIdleNs, dropEvery, dropSequenceNumber);
    }

    /**
     * @param dropEvery          lose every Nth packet carrying messages; {@link SimulatedLoss#OFF} for none.
     * @param dropSequenceNumber lose once the packet carrying this sequence number; {@link SimulatedLoss#OFF} for none.
     * @return a copy with that simulated loss.
     */
    public FeedSettings withLoss(final long dropEvery, final long dropSequenceNumber)
    {
        return new FeedSettings(session, messagesPerSecond, heartbeatIntervalNs, endOfSessionLingerNs, loop,
            maxPacketLength, timing, speed, maxIdleNs, dropEvery, dropSequenceNumber);
    }

    /**
     * @param capture the messages to pace.
     * @return a new pacer for this timing.
     */
    Pacer newPacer(final BinaryFileCapture capture)
    {
        return Timing.ORIGINAL == timing ?
            new CaptureTimingPacer(capture, speed, maxIdleNs, loop) : new MessagePacer(messagesPerSecond);
    }

    /**
     * @return a new loss policy for these settings.
     */
    SimulatedLoss newLoss()
    {
        return new SimulatedLoss(dropEvery, dropSequenceNumber);
    }

    /**
     * @return the pace for the ready line, e.g. "at 10000 msgs/s" or "at the capture's timing x10 (gaps capped at
     * 1000 ms)".
     */
    String describePace()
    {
        return Timing.ORIGINAL == timing ?
            "at the capture's timing x" + speedText() + " (gaps capped at " +
                TimeUnit.NANOSECONDS.toMillis(maxIdleNs) + " ms)" :
            "at " + messagesPerSecond + " msgs/s";
    }

    /**
     * @return the simulated loss for the ready line, empty when there is none.
     */
    String describeLoss()
    {
        String text = "";
        if (1 == dropEvery)
        {
            text += ", dropping every packet";
        }
        else if (SimulatedLoss.OFF != dropEvery)
        {
            text += ", dropping every " + dropEvery + ordinalSuffix(dropEvery) + " packet";
        }
        if (SimulatedLoss.OFF != dropSequenceNumber)
        {
            text += ", dropping the packet with sequence number " + dropSequenceNumber + " once";
        }

        return text;
    }

    private String speedText()
    {
        return speed == Math.rint(speed) ? Long.toString((long)speed) : Double.toString(speed);
    }

    private static String ordinalSuffix(final long n)
    {
        final long lastTwo = n % 100;
        if (lastTwo >= 11 && lastTwo <= 13)
        {
            return "th";
        }

        switch ((int)(n % 10))
        {
            case 1:
                return "st";
            case 2:
                return "nd";
            case 3:
                return "rd";
            default:
                return "th";
        }
    }
}
