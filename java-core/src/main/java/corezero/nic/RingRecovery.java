package corezero.nic;

import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import static org.agrona.BitUtil.align;
import static org.agrona.concurrent.ringbuffer.RecordDescriptor.ALIGNMENT;
import static org.agrona.concurrent.ringbuffer.RecordDescriptor.HEADER_LENGTH;
import static org.agrona.concurrent.ringbuffer.RecordDescriptor.lengthOffset;
import static org.agrona.concurrent.ringbuffer.RecordDescriptor.typeOffset;

/**
 * Makes a one-to-one ring usable again after its publisher died, while its consumer may still be reading.
 * <p>
 * Agrona's single producer advances the tail position first, then writes the record with a negative (or still
 * zero) length, then releases the positive length. A publisher that dies between the two leaves a record the
 * consumer waits on forever. Walking the committed records from the head finds the first one that is not
 * committed; everything from there to the tail is the dead publisher's last claim (a record, with padding to the
 * end of the ring before it if it wrapped), and becomes padding, which the consumer skips.
 * <p>
 * Only a new publisher, holding the publisher lock, may call this: nothing else writes the ring meanwhile, and
 * the consumer only reads records and moves the head forward over committed ones.
 */
final class RingRecovery
{
    private RingRecovery()
    {
    }

    /**
     * @param buffer ring records followed by the Agrona trailer.
     * @param path   file name, for messages.
     * @return bytes of uncommitted claim turned into padding, 0 when the ring was consistent.
     * @throws IllegalStateException if the positions or records are not a ring's.
     */
    static int recover(final AtomicBuffer buffer, final Object path)
    {
        final int capacity = buffer.capacity() - RingBufferDescriptor.TRAILER_LENGTH;
        final int mask = capacity - 1;
        final long tail = buffer.getLongVolatile(capacity + RingBufferDescriptor.TAIL_POSITION_OFFSET);
        final long head = buffer.getLongVolatile(capacity + RingBufferDescriptor.HEAD_POSITION_OFFSET);
        // A claim always leaves room for the next record's header, so a sane ring never holds more than this.
        if (head < 0 || tail < head || tail - head > capacity - HEADER_LENGTH ||
            0 != (head & (ALIGNMENT - 1)) || 0 != (tail & (ALIGNMENT - 1)))
        {
            throw corrupt(path, "head position " + head + ", tail position " + tail);
        }

        long position = head;
        while (position < tail)
        {
            final int index = (int)position & mask;
            // Acquire: pairs with the release of the length by whoever committed the record.
            final int length = buffer.getIntVolatile(lengthOffset(index));
            if (length <= 0)
            {
                break;
            }
            final int alignedLength = align(length, ALIGNMENT);
            if (length < HEADER_LENGTH || alignedLength > capacity - index || position + alignedLength > tail)
            {
                throw corrupt(path, "record of length " + length + " at position " + position);
            }
            position += alignedLength;
        }

        final int unfinishedLength = (int)(tail - position);
        if (0 == unfinishedLength)
        {
            return 0;
        }

        // The consumer stops at the header after the claim until the next record is committed there: make sure
        // it reads zero, not a record of an earlier lap. It is not the head's (see the check above).
        buffer.putLong((int)tail & mask, 0L);
        final int index = (int)position & mask;
        final int toEndLength = capacity - index;
        if (unfinishedLength > toEndLength)
        {
            // Second part first: the consumer reaches the start of the ring only through the first part.
            pad(buffer, 0, unfinishedLength - toEndLength);
            pad(buffer, index, toEndLength);
        }
        else
        {
            pad(buffer, index, unfinishedLength);
        }

        return unfinishedLength;
    }

    private static void pad(final AtomicBuffer buffer, final int index, final int length)
    {
        buffer.putInt(typeOffset(index), RingBuffer.PADDING_MSG_TYPE_ID);
        // Release: the consumer that sees this positive length (acquire) sees the padding type with it.
        buffer.putIntRelease(lengthOffset(index), length);
    }

    private static IllegalStateException corrupt(final Object path, final String what)
    {
        return new IllegalStateException(
            "shared-memory frame ring " + path + " is corrupt (" + what + "): remove it and restart both sides");
    }
}
