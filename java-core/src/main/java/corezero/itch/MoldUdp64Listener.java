package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * What a {@link MoldUdp64Session} delivers: messages exactly once and in sequence order, and the gaps it finds and
 * fills. Called on the thread that calls the session, synchronously from {@code onPacket} or {@code onTimer};
 * implementations must not call back into the session, block or allocate.
 * <p>
 * Gaps: the session works on one gap at a time. {@link #onGap} says messages are missing, at once, before anything
 * after them is delivered; {@link #onRecovered} with the same arguments says they have all been delivered since,
 * followed by everything that had been buffered behind them. A gap the session gives up on (retries exhausted or
 * recovery buffer full, see {@link MoldUdp64Session}) gets no {@code onRecovered}: its messages are lost, delivery
 * resumes after them, and whoever keeps state from the messages must treat that state as stale until rebuilt. So
 * an {@code onGap} that arrives while an earlier one has had no {@code onRecovered} means the earlier one was given
 * up.
 */
public interface MoldUdp64Listener
{
    /**
     * A message, in sequence order, each sequence number at most once.
     *
     * @param buffer         holding the message; valid during this call only.
     * @param offset         of the message's first byte.
     * @param length         of the message, 0 to 65535.
     * @param sequenceNumber of the message.
     */
    void onMessage(DirectBuffer buffer, int offset, int length, long sequenceNumber);

    /**
     * Messages are missing; a retransmission has been asked for.
     *
     * @param firstMissingSequence first sequence number not received.
     * @param missingCount         how many are missing, from it.
     */
    void onGap(long firstMissingSequence, long missingCount);

    /**
     * A gap reported by {@link #onGap} has been filled and what followed it delivered.
     *
     * @param firstMissingSequence as in the matching {@link #onGap}.
     * @param missingCount         as in the matching {@link #onGap}.
     */
    void onRecovered(long firstMissingSequence, long missingCount);

    /**
     * A gap reported by {@link #onGap} is given up: its messages are lost for good and delivery resumes after
     * them. State kept from the messages stays stale until rebuilt.
     *
     * @param firstMissingSequence as in the matching {@link #onGap}.
     * @param missingCount         as in the matching {@link #onGap}.
     */
    default void onGapUnrecoverable(final long firstMissingSequence, final long missingCount)
    {
    }

    /**
     * The session has ended and every message up to its end has been delivered; called once per session.
     *
     * @param nextSequence the sequence number after the session's last message.
     */
    void onEndOfSession(long nextSequence);
}
