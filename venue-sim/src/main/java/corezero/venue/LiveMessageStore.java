package corezero.venue;

import com.paritytrading.nassau.moldudp64.MoldUDP64DownstreamPacket;
import com.paritytrading.nassau.moldudp64.MoldUDP64Exception;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The exchange mode's feed: ITCH messages appended as the matching engine and the capture produce them, sequence
 * number {@code s} being the {@code s}th message appended. The {@link LiveFeedPublisher} sends what is appended and
 * the {@link RetransmissionServer} answers from what was sent. Each message goes to the {@link ItchJournal} before
 * it is appended; a restarted venue puts the journal's messages back first ({@link #appendRestored}), as sent, so
 * that the numbering goes on and re-requests for them are answered. Single-threaded: all run on the exchange's
 * thread.
 */
final class LiveMessageStore implements SequencedMessages
{
    private final MessageLog log = new MessageLog();
    private final ItchJournal journal;
    private long sentCount;

    /**
     * A feed kept in memory only.
     */
    LiveMessageStore()
    {
        this(ItchJournal.inMemory());
    }

    /**
     * @param journal to write every appended message to.
     */
    LiveMessageStore(final ItchJournal journal)
    {
        this.journal = journal;
    }

    ItchJournal journal()
    {
        return journal;
    }

    /**
     * Append a message, journaling it first; it is sent on the next duty cycle of the publisher.
     *
     * @param source holding the message.
     * @param offset of the message.
     * @param length of the message.
     * @return its sequence number.
     * @throws UncheckedIOException if the journal cannot be written.
     */
    long append(final DirectBuffer source, final int offset, final int length)
    {
        try
        {
            journal.append(source, offset, length);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the ITCH journal " + journal.path(), ex);
        }

        return log.append(source, offset, length) + 1L;
    }

    /**
     * Put back a message of an earlier run, from the journal: it counts as sent and is not journaled again.
     *
     * @param source holding the message.
     * @param offset of the message.
     * @param length of the message.
     */
    void appendRestored(final DirectBuffer source, final int offset, final int length)
    {
        if (sentCount != log.count())
        {
            throw new IllegalStateException("restored messages go before any new one");
        }
        log.append(source, offset, length);
        sentCount++;
    }

    /**
     * @return messages appended, sent or not: the sequence number of the last one.
     */
    long messageCount()
    {
        return log.count();
    }

    /**
     * @return messages appended and not sent yet.
     */
    long unsentCount()
    {
        return log.count() - sentCount;
    }

    /**
     * {@inheritDoc}
     */
    public long nextSequenceNumber()
    {
        return sentCount + 1;
    }

    /**
     * {@inheritDoc}
     */
    public boolean wasSent(final long sequenceNumber)
    {
        return sequenceNumber >= 1 && sequenceNumber <= sentCount;
    }

    /**
     * @param sequenceNumber of an appended message, from 1.
     * @return its offset in {@link #buffer()}.
     */
    int messageOffset(final long sequenceNumber)
    {
        return log.offset((int)(sequenceNumber - 1));
    }

    /**
     * @param sequenceNumber of an appended message, from 1.
     * @return its length.
     */
    int messageLength(final long sequenceNumber)
    {
        return log.length((int)(sequenceNumber - 1));
    }

    /**
     * @return the buffer holding every message appended.
     */
    DirectBuffer buffer()
    {
        return log.buffer();
    }

    /**
     * {@inheritDoc}
     */
    public int putMessages(
        final MoldUDP64DownstreamPacket packet,
        final long firstSequenceNumber,
        final int maxMessages,
        final int maxPayloadLength) throws MoldUDP64Exception
    {
        final ByteBuffer payload = packet.payload();
        final long available = log.count() - (firstSequenceNumber - 1);
        final int limit = (int)Math.min(maxMessages, available);
        int added = 0;
        while (added < limit)
        {
            final int index = (int)(firstSequenceNumber - 1 + added);
            if (payload.position() + MoldUdp64Descriptor.MESSAGE_LENGTH_FIELD_LENGTH + log.length(index) >
                maxPayloadLength)
            {
                break;
            }

            packet.put(log.view(index));
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
        sentCount += count;
    }
}
