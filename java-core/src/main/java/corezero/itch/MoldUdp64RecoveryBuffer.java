package corezero.itch;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Copies of the MoldUDP64 packets that arrive while a gap is being recovered, kept in arrival order in one
 * pre-allocated buffer until the gap is filled. Records are consumed in any order (a retransmission may make any of
 * them redundant); the space of consumed records is reused once everything before them is consumed, or by
 * compaction when an append would not fit otherwise.
 * <pre>
 *   record  +-----------------------------------------+
 *        0  | Sequence Number of the first message    |  long
 *        8  | Valid Message Count (-1 once consumed)  |  int
 *       12  | Packet Length                           |  int
 *       16  | packet bytes, header included ...       |  padded to 8
 *           +-----------------------------------------+
 * </pre>
 * The valid message count is the number of well-formed blocks the session found in the packet when it arrived.
 */
final class MoldUdp64RecoveryBuffer
{
    static final int END = -1;

    private static final int SEQUENCE_OFFSET = 0;
    private static final int COUNT_OFFSET = 8;
    private static final int LENGTH_OFFSET = 12;
    private static final int RECORD_HEADER_LENGTH = 16;
    private static final int CONSUMED = -1;

    private final UnsafeBuffer buffer;
    private final int capacity;
    private int head;
    private int tail;
    private int liveRecords;

    MoldUdp64RecoveryBuffer(final int capacity)
    {
        this.capacity = capacity;
        this.buffer = new UnsafeBuffer(new byte[capacity]);
    }

    DirectBuffer buffer()
    {
        return buffer;
    }

    boolean isEmpty()
    {
        return 0 == liveRecords;
    }

    /**
     * @return true when the packet was copied; false when it does not fit even after compaction.
     */
    boolean append(
        final DirectBuffer src, final int offset, final int length, final long sequence, final int messageCount)
    {
        final long recordLength = recordLength(length);
        if (tail + recordLength > capacity)
        {
            compact();
            if (tail + recordLength > capacity)
            {
                return false;
            }
        }

        buffer.putLong(tail + SEQUENCE_OFFSET, sequence);
        buffer.putInt(tail + COUNT_OFFSET, messageCount);
        buffer.putInt(tail + LENGTH_OFFSET, length);
        buffer.putBytes(tail + RECORD_HEADER_LENGTH, src, offset, length);
        tail += (int)recordLength;
        liveRecords++;

        return true;
    }

    /**
     * @return position of the oldest record not consumed, or {@link #END}.
     */
    int first()
    {
        return 0 == liveRecords ? END : head;
    }

    /**
     * @return position of the next record not consumed after {@code position}, or {@link #END}.
     */
    int next(final int position)
    {
        int p = position + (int)recordLength(packetLength(position));
        while (p < tail)
        {
            if (CONSUMED != buffer.getInt(p + COUNT_OFFSET))
            {
                return p;
            }
            p += (int)recordLength(packetLength(p));
        }

        return END;
    }

    long sequence(final int position)
    {
        return buffer.getLong(position + SEQUENCE_OFFSET);
    }

    int messageCount(final int position)
    {
        return buffer.getInt(position + COUNT_OFFSET);
    }

    int packetOffset(final int position)
    {
        return position + RECORD_HEADER_LENGTH;
    }

    int packetLength(final int position)
    {
        return buffer.getInt(position + LENGTH_OFFSET);
    }

    void consume(final int position)
    {
        buffer.putInt(position + COUNT_OFFSET, CONSUMED);
        liveRecords--;
        if (0 == liveRecords)
        {
            head = 0;
            tail = 0;
        }
        else if (position == head)
        {
            while (CONSUMED == buffer.getInt(head + COUNT_OFFSET))
            {
                head += (int)recordLength(packetLength(head));
            }
        }
    }

    /**
     * @return the lowest first sequence number among the records not consumed; {@link Long#MAX_VALUE} when none.
     */
    long lowestSequence()
    {
        long lowest = Long.MAX_VALUE;
        for (int p = first(); END != p; p = next(p))
        {
            lowest = Math.min(lowest, sequence(p));
        }

        return lowest;
    }

    private void compact()
    {
        int to = 0;
        int from = head;
        while (from < tail)
        {
            final int recordLength = (int)recordLength(packetLength(from));
            if (CONSUMED != buffer.getInt(from + COUNT_OFFSET))
            {
                if (to != from)
                {
                    // Moves towards lower addresses only, so an overlapping copy reads each byte before writing it.
                    buffer.putBytes(to, buffer, from, recordLength);
                }
                to += recordLength;
            }
            from += recordLength;
        }
        head = 0;
        tail = to;
    }

    private static long recordLength(final int packetLength)
    {
        return BitUtil.align((long)RECORD_HEADER_LENGTH + packetLength, 8);
    }
}
