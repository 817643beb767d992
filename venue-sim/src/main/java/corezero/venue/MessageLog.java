package corezero.venue;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An append-only log of messages in one growing direct buffer, indexed from 0: the exchange's ITCH feed and its
 * sequenced OUCH messages. Messages are laid end to end; message {@code i} spans {@code [start[i], start[i + 1])}.
 * <p>
 * It grows without bound for the life of the venue (a demo day of flow is tens of megabytes); appending allocates
 * only when the buffer or the index doubles. Single-threaded.
 */
final class MessageLog
{
    private static final int INITIAL_CAPACITY = 64 * 1024;
    private static final int INITIAL_MESSAGES = 4096;

    private final ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(INITIAL_CAPACITY);
    private int[] starts = new int[INITIAL_MESSAGES + 1];
    private int count;
    private ByteBuffer view;

    /**
     * @param source holding the message.
     * @param offset of the message in {@code source}.
     * @param length of the message.
     * @return the index of the message, from 0.
     */
    int append(final DirectBuffer source, final int offset, final int length)
    {
        final int start = starts[count];
        if ((long)start + length > Integer.MAX_VALUE - 8)
        {
            throw new IllegalStateException("message log full at " + count + " messages");
        }

        buffer.putBytes(start, source, offset, length);
        if (count + 1 == starts.length - 1)
        {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[count + 1] = start + length;

        return count++;
    }

    /**
     * @return messages appended.
     */
    int count()
    {
        return count;
    }

    /**
     * @param index of a message, from 0.
     * @return its offset in {@link #buffer()}.
     */
    int offset(final int index)
    {
        return starts[index];
    }

    /**
     * @param index of a message, from 0.
     * @return its length.
     */
    int length(final int index)
    {
        return starts[index + 1] - starts[index];
    }

    /**
     * @return the buffer holding every message; the instance stays, its capacity grows.
     */
    MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @param index of a message, from 0.
     * @return a view of the buffer with position and limit around the message; valid until the next append.
     */
    ByteBuffer view(final int index)
    {
        final ByteBuffer current = buffer.byteBuffer();
        if (null == view || view.capacity() != current.capacity())
        {
            view = current.duplicate();
        }
        view.limit(starts[index + 1]).position(starts[index]);

        return view;
    }
}
