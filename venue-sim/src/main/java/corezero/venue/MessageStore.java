package corezero.venue;

import org.agrona.DirectBuffer;

/**
 * Every message sent on the feed, by sequence number, for retransmission. Nothing is copied: sequence number
 * {@code s} is message {@code (s - 1) mod n} of the capture, which also holds when the feed loops over the capture.
 * <p>
 * Single-threaded: the publisher advances it and the retransmission server reads it on the same duty cycle.
 */
public final class MessageStore
{
    private final BinaryFileCapture capture;
    private final int messageCount;
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
     * Record that the next {@code count} messages have been sent.
     *
     * @param count of messages sent.
     */
    void onSent(final int count)
    {
        nextSequenceNumber += count;
    }
}
