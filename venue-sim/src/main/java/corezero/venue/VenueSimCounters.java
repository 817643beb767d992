package corezero.venue;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.ByteBuffer;

/**
 * The venue simulator's counters, Aeron style: each is an {@link AtomicCounter} in a counters buffer with a label,
 * written by the one agent thread with release stores and readable from any thread while it runs.
 */
public final class VenueSimCounters
{
    private static final int MAX_COUNTERS = 16;

    private final CountersManager countersManager;

    /** Messages published on the feed, those in packets lost on purpose included; retransmissions not counted. */
    public final AtomicCounter messagesSent;
    /** Packets carrying messages published on the feed, those lost on purpose included. */
    public final AtomicCounter packetsSent;
    /** Packets carrying messages lost on purpose (simulated loss): published but never put on the wire. */
    public final AtomicCounter packetsDropped;
    /** Messages in the packets lost on purpose. */
    public final AtomicCounter messagesDropped;
    /** Heartbeat packets sent on the feed. */
    public final AtomicCounter heartbeatsSent;
    /** End-of-session packets sent on the feed. */
    public final AtomicCounter endOfSessionsSent;
    /** Times the feed socket had no room for a packet; the packet is built again on the next duty cycle. */
    public final AtomicCounter feedBackPressure;
    /** Re-requests answered with a packet. */
    public final AtomicCounter requestsAnswered;
    /** Messages sent again in answers to re-requests. */
    public final AtomicCounter messagesRetransmitted;
    /** Re-requests for another session, dropped. */
    public final AtomicCounter requestsUnknownSession;
    /** Re-requests for sequence numbers not sent yet, for 0, or for no messages at all, dropped. */
    public final AtomicCounter requestsOutOfRange;
    /** Re-requests that are not 20 bytes long, dropped. */
    public final AtomicCounter requestsMalformed;
    /** Answers to re-requests that could not be sent (socket full or unreachable requester). */
    public final AtomicCounter answersNotSent;
    /** Errors reported to the agent runner's error handler. */
    public final AtomicCounter errors;

    /**
     * Allocate the counters in a buffer of their own.
     */
    public VenueSimCounters()
    {
        final UnsafeBuffer valuesBuffer =
            new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_COUNTERS * CountersReader.COUNTER_LENGTH));
        final UnsafeBuffer metaDataBuffer =
            new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_COUNTERS * CountersReader.METADATA_LENGTH));
        countersManager = new CountersManager(metaDataBuffer, valuesBuffer);

        messagesSent = countersManager.newCounter("venue-sim feed messages sent");
        packetsSent = countersManager.newCounter("venue-sim feed packets sent");
        packetsDropped = countersManager.newCounter("venue-sim feed packets dropped on purpose");
        messagesDropped = countersManager.newCounter("venue-sim feed messages dropped on purpose");
        heartbeatsSent = countersManager.newCounter("venue-sim feed heartbeats sent");
        endOfSessionsSent = countersManager.newCounter("venue-sim feed end-of-session packets sent");
        feedBackPressure = countersManager.newCounter("venue-sim feed socket back pressure");
        requestsAnswered = countersManager.newCounter("venue-sim re-requests answered");
        messagesRetransmitted = countersManager.newCounter("venue-sim messages retransmitted");
        requestsUnknownSession = countersManager.newCounter("venue-sim re-requests rejected: unknown session");
        requestsOutOfRange = countersManager.newCounter("venue-sim re-requests rejected: out of range");
        requestsMalformed = countersManager.newCounter("venue-sim re-requests rejected: malformed");
        answersNotSent = countersManager.newCounter("venue-sim re-request answers not sent");
        errors = countersManager.newCounter("venue-sim errors");
    }

    /**
     * @return every rejected re-request: unknown session, out of range and malformed.
     */
    public long requestsRejected()
    {
        return requestsUnknownSession.get() + requestsOutOfRange.get() + requestsMalformed.get();
    }

    /**
     * @return the reader over all counters, for tools that list them by label.
     */
    public CountersReader reader()
    {
        return countersManager;
    }

    /**
     * @return one line with every counter, for the end-of-run report.
     */
    public String summary()
    {
        return messagesSent.get() + " messages in " + packetsSent.get() + " packets, " +
            packetsDropped.get() + " packets (" + messagesDropped.get() + " messages) dropped on purpose, " +
            heartbeatsSent.get() + " heartbeats, " + endOfSessionsSent.get() + " end-of-session packets; " +
            "retransmissions answered " + requestsAnswered.get() + " (" + messagesRetransmitted.get() + " messages); " +
            "requests rejected " + requestsRejected() + " (unknown session " + requestsUnknownSession.get() +
            ", out of range " + requestsOutOfRange.get() + ", malformed " + requestsMalformed.get() + "); " +
            "answers not sent " + answersNotSent.get() + ", feed back pressure " + feedBackPressure.get() +
            ", errors " + errors.get();
    }
}
