package corezero.venue;

/**
 * Which downstream packets the feed loses on purpose, so that receivers' gap detection and re-requests can be tested
 * against a feed that misbehaves where told to. Only packets carrying messages are counted and lost; heartbeats and
 * end-of-session packets always go. A lost packet's messages keep their sequence numbers and stay answerable by the
 * re-request server: the feed behaves as if the network had dropped it.
 * <p>
 * Single-threaded: the feed's duty cycle asks it about every packet in order.
 */
final class SimulatedLoss
{
    /** The value of a setting that is off. */
    static final long OFF = 0;

    private final long dropEvery;
    private final long dropSequenceNumber;
    private long packetNumber;
    private boolean isSequenceNumberDropped;

    /**
     * @param dropEvery          lose every Nth packet carrying messages, counting from 1; {@link #OFF} for none.
     * @param dropSequenceNumber lose, once, the packet carrying this message sequence number; {@link #OFF} for none.
     */
    SimulatedLoss(final long dropEvery, final long dropSequenceNumber)
    {
        if (dropEvery < 0 || dropSequenceNumber < 0)
        {
            throw new IllegalArgumentException(
                "dropEvery and dropSequenceNumber must not be negative, got " + dropEvery + " and " + dropSequenceNumber);
        }

        this.dropEvery = dropEvery;
        this.dropSequenceNumber = dropSequenceNumber;
    }

    /**
     * Decide the fate of the next packet carrying messages; call once per such packet, in the order they are sent.
     *
     * @param firstSequenceNumber of the packet's first message.
     * @param messageCount        in the packet, at least 1.
     * @return true if the packet is to be lost.
     */
    boolean shouldDrop(final long firstSequenceNumber, final int messageCount)
    {
        packetNumber++;
        boolean drop = OFF != dropEvery && 0 == packetNumber % dropEvery;

        if (!isSequenceNumberDropped && OFF != dropSequenceNumber &&
            dropSequenceNumber >= firstSequenceNumber && dropSequenceNumber - firstSequenceNumber < messageCount)
        {
            isSequenceNumberDropped = true;
            drop = true;
        }

        return drop;
    }

    /**
     * @return true if any packet may be lost.
     */
    boolean isActive()
    {
        return OFF != dropEvery || OFF != dropSequenceNumber;
    }
}
