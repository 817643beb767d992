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
    private static final int MAX_COUNTERS = 48;

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
    /** Exchange mode: capture order messages skipped because the order was gone or too small (our fills took it). */
    public final AtomicCounter captureMessagesSkipped;
    /** Exchange mode: capture orders or replaces that crossed the book (changed by our orders) and traded. */
    public final AtomicCounter captureOrdersCrossed;
    /** Exchange mode: background flow events (adds, cancels, marketable orders). */
    public final AtomicCounter flowEvents;
    /** OUCH TCP connections accepted. */
    public final AtomicCounter ouchConnections;
    /** SoupBinTCP logins accepted. */
    public final AtomicCounter ouchLoginsAccepted;
    /** SoupBinTCP logins rejected: bad credentials, unknown session, or a session already logged in. */
    public final AtomicCounter ouchLoginsRejected;
    /** SoupBinTCP logout requests (the connection is closed). */
    public final AtomicCounter ouchLogouts;
    /** Connections dropped after 15 s without a packet from the client. */
    public final AtomicCounter ouchHeartbeatTimeouts;
    /** Inbound OUCH messages (unsequenced data packets) received while logged in. */
    public final AtomicCounter ouchMessagesReceived;
    /** Inbound OUCH messages of unknown type, bad length or bad appendage, or sent before login; dropped. */
    public final AtomicCounter ouchMessagesMalformed;
    /** Inbound OUCH messages the exchange does not support (mass cancel, disable/enable order entry); dropped. */
    public final AtomicCounter ouchMessagesUnsupported;
    /** Sequenced OUCH messages generated (journaled), whether delivered yet or not. */
    public final AtomicCounter ouchMessagesSequenced;
    /** Sequenced OUCH messages written to a client, replays included. */
    public final AtomicCounter ouchMessagesSent;
    /** Enter Orders accepted. */
    public final AtomicCounter ouchOrdersAccepted;
    /** Enter Orders rejected (Rejected message sent), injected rejects included. */
    public final AtomicCounter ouchOrdersRejected;
    /** Cancel, replace and modify requests ignored: unknown or dead UserRefNum, nothing to cancel, spent UserRefNum. */
    public final AtomicCounter ouchRequestsIgnored;
    /** Executed messages sent for the participant's fills. */
    public final AtomicCounter ouchFills;
    /** Injected: Enter Orders rejected by --reject-every. */
    public final AtomicCounter ouchRejectsInjected;
    /** Injected: connections dropped by --disconnect-after. */
    public final AtomicCounter ouchDisconnectsInjected;
    /** Injected: outbound OUCH messages held back by --ouch-latency-us before sending. */
    public final AtomicCounter ouchMessagesDelayed;
    /** Injected: server heartbeats not sent because of --ouch-silent. */
    public final AtomicCounter ouchHeartbeatsWithheld;
    /** Enter Orders whose ClOrdID named a feed sequence number (T&lt;seq&gt;) and were timed wire to wire. */
    public final AtomicCounter wireLatencySamples;

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
        captureMessagesSkipped = countersManager.newCounter("venue-sim exchange capture messages skipped");
        captureOrdersCrossed = countersManager.newCounter("venue-sim exchange capture orders crossed");
        flowEvents = countersManager.newCounter("venue-sim exchange background flow events");
        ouchConnections = countersManager.newCounter("venue-sim ouch connections");
        ouchLoginsAccepted = countersManager.newCounter("venue-sim ouch logins accepted");
        ouchLoginsRejected = countersManager.newCounter("venue-sim ouch logins rejected");
        ouchLogouts = countersManager.newCounter("venue-sim ouch logouts");
        ouchHeartbeatTimeouts = countersManager.newCounter("venue-sim ouch heartbeat timeouts");
        ouchMessagesReceived = countersManager.newCounter("venue-sim ouch messages received");
        ouchMessagesMalformed = countersManager.newCounter("venue-sim ouch messages malformed");
        ouchMessagesUnsupported = countersManager.newCounter("venue-sim ouch messages unsupported");
        ouchMessagesSequenced = countersManager.newCounter("venue-sim ouch messages sequenced");
        ouchMessagesSent = countersManager.newCounter("venue-sim ouch messages sent");
        ouchOrdersAccepted = countersManager.newCounter("venue-sim ouch orders accepted");
        ouchOrdersRejected = countersManager.newCounter("venue-sim ouch orders rejected");
        ouchRequestsIgnored = countersManager.newCounter("venue-sim ouch requests ignored");
        ouchFills = countersManager.newCounter("venue-sim ouch fills");
        ouchRejectsInjected = countersManager.newCounter("venue-sim ouch rejects injected");
        ouchDisconnectsInjected = countersManager.newCounter("venue-sim ouch disconnects injected");
        ouchMessagesDelayed = countersManager.newCounter("venue-sim ouch messages delayed");
        ouchHeartbeatsWithheld = countersManager.newCounter("venue-sim ouch heartbeats withheld");
        wireLatencySamples = countersManager.newCounter("venue-sim wire latency samples");
    }

    /**
     * @return every rejected re-request: unknown session, out of range and malformed.
     */
    public long requestsRejected()
    {
        return requestsUnknownSession.get() + requestsOutOfRange.get() + requestsMalformed.get();
    }

    /**
     * @return one line with the exchange mode's counters, for the end-of-run report after {@link #summary()}.
     */
    public String exchangeSummary()
    {
        return "exchange: capture messages skipped " + captureMessagesSkipped.get() + ", capture orders crossed " +
            captureOrdersCrossed.get() + ", flow events " + flowEvents.get() + "; OUCH: connections " +
            ouchConnections.get() + ", logins " + ouchLoginsAccepted.get() + " accepted " +
            ouchLoginsRejected.get() + " rejected, logouts " + ouchLogouts.get() + ", heartbeat timeouts " +
            ouchHeartbeatTimeouts.get() + ", received " + ouchMessagesReceived.get() + " (malformed " +
            ouchMessagesMalformed.get() + ", unsupported " + ouchMessagesUnsupported.get() + ", ignored " +
            ouchRequestsIgnored.get() + "), orders accepted " + ouchOrdersAccepted.get() + " rejected " +
            ouchOrdersRejected.get() + ", fills " + ouchFills.get() + ", sequenced " + ouchMessagesSequenced.get() +
            ", sent " + ouchMessagesSent.get() + "; injected: rejects " + ouchRejectsInjected.get() +
            ", disconnects " + ouchDisconnectsInjected.get() + ", delayed messages " + ouchMessagesDelayed.get() +
            ", heartbeats withheld " + ouchHeartbeatsWithheld.get() + "; wire latency samples " +
            wireLatencySamples.get();
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
