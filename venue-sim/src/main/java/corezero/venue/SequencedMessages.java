package corezero.venue;

import com.paritytrading.nassau.moldudp64.MoldUDP64DownstreamPacket;
import com.paritytrading.nassau.moldudp64.MoldUDP64Exception;

/**
 * The messages a MoldUDP64 feed has sent, by sequence number, as the {@link RetransmissionServer} reads them: the
 * static {@link MessageStore} over a capture, or the {@link LiveMessageStore} the exchange mode appends to as the
 * matching engine works.
 */
public interface SequencedMessages
{
    /**
     * @return the sequence number the next message sent will carry; one more than the last one sent.
     */
    long nextSequenceNumber();

    /**
     * @param sequenceNumber of a message.
     * @return true if that message has been sent and so can be sent again.
     */
    boolean wasSent(long sequenceNumber);

    /**
     * Add messages to a packet in sequence while they fit whole; the caller bounds the count to messages stored.
     *
     * @param packet              nassau's packet to add to.
     * @param firstSequenceNumber of the first message to add, from 1.
     * @param maxMessages         to add at most.
     * @param maxPayloadLength    bytes of message blocks the packet may hold at most, its header not counted.
     * @return the number of messages added; 0 if the first does not fit.
     * @throws MoldUDP64Exception if nassau's packet is shorter than {@code maxPayloadLength}.
     */
    int putMessages(MoldUDP64DownstreamPacket packet, long firstSequenceNumber, int maxMessages, int maxPayloadLength)
        throws MoldUDP64Exception;
}
