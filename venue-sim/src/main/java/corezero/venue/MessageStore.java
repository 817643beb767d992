package corezero.venue;

import com.paritytrading.nassau.moldudp64.MoldUDP64DownstreamPacket;
import com.paritytrading.nassau.moldudp64.MoldUDP64Exception;
import org.agrona.DirectBuffer;

import java.nio.ByteBuffer;

/**
 * Every message sent on the feed, by sequence number, for retransmission. Nothing is copied: sequence number
 * {@code s} is message {@code (s - 1) mod n} of the capture, which also holds when the feed loops over the capture.
 * <p>
 * Messages go into nassau's {@link MoldUDP64DownstreamPacket} from here, for the feed and for re-request answers alike.
 * <p>
 * Single-threaded: the publisher advances it and the retransmission server reads it on the same duty cycle.
 */
public final class MessageStore implements SequencedMessages
{
    private final BinaryFileCapture capture;
    private final int messageCount;
    private final ByteBuffer messageView;
    private long nextSequenceNumber = 1;

    /**
     * @param capture holding the messages; it must hold at least one.
     */
    public MessageStore(final BinaryFileCapture capture)
    {
        if (capture.messageCount() < 1)
        {
            throw new IllegalArgumentException(capture.name() + ": the capture holds no messages");
        }

        this.capture = capture;
        this.messageCount = capture.messageCount();
        this.messageView = capture.newByteBufferView();
    }

    /**
     * @return the capture the messages come from.
     */
    public BinaryFileCapture capture()
    {
        return capture;
    }

    /**
     * @return the buffer holding every message.
     */
    public DirectBuffer buffer()
    {
        return capture.buffer();
    }

    /**
     * @return the sequence number the next message sent will carry; one more than the last one sent.
     */
    public long nextSequenceNumber()
    {
        return nextSequenceNumber;
    }

    /**
     * @param sequenceNumber of a message.
     * @return true if that message has been sent and so can be sent again.
     */
    public boolean wasSent(final long sequenceNumber)
    {
        return sequenceNumber >= 1 && sequenceNumber < nextSequenceNumber;
    }

    /**
     * @param sequenceNumber of a message, from 1.
     * @return index of the message in the capture.
     */
    public int captureIndex(final long sequenceNumber)
    {
        return (int)((sequenceNumber - 1) % messageCount);
    }

    /**
     * @param sequenceNumber of a message, from 1.
     * @return offset of its payload in {@link #buffer()}.
     */
    public int messageOffset(final long sequenceNumber)
    {
        return capture.messageOffset(captureIndex(sequenceNumber));
    }

    /**
     * @param sequenceNumber of a message, from 1.
     * @return length of its payload.
     */
    public int messageLength(final long sequenceNumber)
    {
        return capture.messageLength(captureIndex(sequenceNumber));
    }

    /**
     * Add messages to a packet in sequence while they fit whole, whether sent yet or not: the caller bounds the count.
     *
     * @param packet              nassau's packet to add to, with room up to {@code maxPayloadLength} bytes of blocks.
     * @param firstSequenceNumber of the first message to add, from 1.
     * @param maxMessages         to add at most.
     * @param maxPayloadLength    bytes of message blocks the packet may hold at most, its header not counted.
     * @return the number of messages added; 0 if the first does not fit.
     * @throws MoldUDP64Exception if nassau's packet is shorter than {@code maxPayloadLength}.
     */
    public int putMessages(
        final MoldUDP64DownstreamPacket packet,
        final long firstSequenceNumber,
        final int maxMessages,
        final int maxPayloadLength) throws MoldUDP64Exception
    {
        final ByteBuffer payload = packet.payload();
        int added = 0;
        while (added < maxMessages)
        {
            final int index = captureIndex(firstSequenceNumber + added);
            final int offset = capture.messageOffset(index);
            final int length = capture.messageLength(index);
            if (payload.position() + MoldUdp64Descriptor.MESSAGE_LENGTH_FIELD_LENGTH + length > maxPayloadLength)
            {
                break;
            }

            messageView.limit(offset + length).position(offset);
            packet.put(messageView);
            added++;
        }

        return added;
    }

    /**
     * Record that the next {@code count} messages have been sent.
     *
     * @param count of messages sent.
     */
    void onSent(final int count)
    {
        nextSequenceNumber += count;
    }
}
