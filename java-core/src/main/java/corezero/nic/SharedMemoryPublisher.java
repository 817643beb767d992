package corezero.nic;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

import static corezero.nic.SharedMemoryDescriptor.FRAME_MSG_TYPE_ID;
import static corezero.nic.SharedMemoryDescriptor.MAX_RING_CAPACITY;
import static corezero.nic.SharedMemoryDescriptor.MIN_RING_CAPACITY;
import static corezero.nic.SharedMemoryDescriptor.PUBLISHER_LOCK_OFFSET;
import static corezero.nic.SharedMemoryDescriptor.PUBLISHER_PID_OFFSET;
import static corezero.nic.SharedMemoryDescriptor.PUBLISHER_STARTS_OFFSET;
import static corezero.nic.SharedMemoryDescriptor.isValidRingCapacity;

/**
 * The writing side of a shared-memory frame ring (layout: {@link SharedMemoryDescriptor}), read by one
 * {@link SharedMemoryTransport}, usually in another process on the same host. One thread offers.
 * <p>
 * Restarts: {@link #create} makes the file if it does not exist. If it exists with the same layout and capacity
 * and no live publisher holds it, the new publisher continues the same ring in place: a consumer that has it
 * mapped keeps polling and sees the new frames after the old ones, with nothing to reopen. A frame the previous
 * publisher was writing when it died is dropped (turned into padding that the consumer skips); frames it had
 * committed are still delivered. The file is not removed on close, so that a restarted publisher finds it; a
 * file of another capacity or version is refused, never replaced, because a consumer mapped to it would wait on
 * it forever.
 */
public final class SharedMemoryPublisher implements AutoCloseable
{
    private final SharedMemoryFile file;
    private final OneToOneRingBuffer ring;
    private final int maxFrameLength;
    private final int publisherStarts;
    private final int bytesRecovered;
    private boolean closed;

    private SharedMemoryPublisher(final SharedMemoryFile file, final int bytesRecovered)
    {
        this.file = file;
        this.ring = new OneToOneRingBuffer(file.ring());
        this.maxFrameLength = ring.maxMsgLength();
        this.publisherStarts = file.header().getIntVolatile(PUBLISHER_STARTS_OFFSET);
        this.bytesRecovered = bytesRecovered;
    }

    /**
     * Create the ring file, or take over the one a previous publisher left.
     *
     * @param file              path of the file, in a directory that exists (the run directory, or {@code /dev/shm}
     *                          to keep the ring off disk).
     * @param ringCapacityBytes ring capacity, a power of two from {@link SharedMemoryDescriptor#MIN_RING_CAPACITY}
     *                          to {@link SharedMemoryDescriptor#MAX_RING_CAPACITY}; frames up to an eighth of it.
     * @return the publisher, holding the file's publisher lock until closed.
     * @throws IllegalArgumentException if the capacity is not valid.
     * @throws IllegalStateException    if the file exists and cannot be taken over, with the reason.
     */
    public static SharedMemoryPublisher create(final Path file, final int ringCapacityBytes)
    {
        if (!isValidRingCapacity(ringCapacityBytes))
        {
            throw new IllegalArgumentException("ring capacity is " + ringCapacityBytes +
                ", expected a power of two from " + MIN_RING_CAPACITY + " to " + MAX_RING_CAPACITY);
        }

        final long pid = ProcessHandle.current().pid();
        try
        {
            return new SharedMemoryPublisher(SharedMemoryFile.create(file, ringCapacityBytes, pid), 0);
        }
        catch (final FileAlreadyExistsException ex)
        {
            return takeOver(file, ringCapacityBytes, pid);
        }
    }

    private static SharedMemoryPublisher takeOver(final Path path, final int ringCapacityBytes, final long pid)
    {
        final SharedMemoryFile file = SharedMemoryFile.open(path, PUBLISHER_LOCK_OFFSET, "publisher");
        try
        {
            if (file.ringCapacity() != ringCapacityBytes)
            {
                throw new IllegalStateException("shared-memory frame ring " + path + " exists with ring capacity " +
                    file.ringCapacity() + ", not " + ringCapacityBytes + ": use that capacity, or remove the file " +
                    "while no consumer has it open");
            }

            final int bytesRecovered = RingRecovery.recover(file.ring(), path);
            final AtomicBuffer header = file.header();
            header.putLong(PUBLISHER_PID_OFFSET, pid);
            header.putIntRelease(PUBLISHER_STARTS_OFFSET, header.getInt(PUBLISHER_STARTS_OFFSET) + 1);
            return new SharedMemoryPublisher(file, bytesRecovered);
        }
        catch (final RuntimeException ex)
        {
            file.close();
            throw ex;
        }
    }

    /**
     * Copy one frame into the ring. Never blocks, allocates nothing.
     *
     * @param buffer holding the frame.
     * @param offset of the frame in {@code buffer}.
     * @param length 0 to {@link #maxFrameLength()} bytes.
     * @return true if written, false if the ring is full (the consumer is behind).
     * @throws IllegalArgumentException if the frame is longer than {@link #maxFrameLength()}.
     * @throws IllegalStateException    if the publisher is closed (its mapping is gone).
     */
    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        if (closed)
        {
            throw new IllegalStateException("shm publisher " + file.path() + " is closed");
        }
        if (length > maxFrameLength)
        {
            throw new IllegalArgumentException(
                "frame of " + length + " bytes is longer than the ring takes (" + maxFrameLength + ")");
        }

        // write() releases the record length after the bytes: the consumer that sees the record sees its bytes.
        return ring.write(FRAME_MSG_TYPE_ID, buffer, offset, length);
    }

    /** @return largest frame {@link #offer} takes: an eighth of the ring capacity. */
    public int maxFrameLength()
    {
        return maxFrameLength;
    }

    /** @return bytes of a previous publisher's unfinished frame dropped when this one took over, or 0. */
    public int bytesRecovered()
    {
        return bytesRecovered;
    }

    /** @return 1 if this publisher created the file, n if it is the n-th to open it. */
    public int publisherStarts()
    {
        return publisherStarts;
    }

    /** @return the file. */
    public Path file()
    {
        return file.path();
    }

    /** Unmap the file and release the publisher lock; the file stays. Idempotent; call it from the offering thread. */
    public void close()
    {
        closed = true;
        file.close();
    }

    /** {@inheritDoc} */
    public String toString()
    {
        return "shm publisher " + file.path();
    }
}
