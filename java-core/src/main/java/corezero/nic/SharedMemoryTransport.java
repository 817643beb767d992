package corezero.nic;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;

import static corezero.nic.SharedMemoryDescriptor.CONSUMER_LOCK_OFFSET;
import static corezero.nic.SharedMemoryDescriptor.FRAME_MSG_TYPE_ID;

/**
 * Same-host feed: the consuming side of an Agrona {@link OneToOneRingBuffer} in a memory-mapped file
 * ({@link SharedMemoryDescriptor}) that a {@link SharedMemoryPublisher} creates. Frames are handed to the
 * handler in place in the mapping; polling is memory reads and one release store of the head position, with no
 * system call, and (the pages are touched when the file is opened) no page fault on tmpfs. The ring is trusted
 * like the rest of the host: records are delivered as the publisher's headers describe them.
 * <p>
 * Keep the file on tmpfs ({@code /dev/shm}, or a run directory mounted as tmpfs): on a disk file system the
 * kernel's writeback cleans the dirty trailer page now and then, and the next head store takes a write fault.
 * <p>
 * Publisher restarts need nothing from this side: a restarted publisher continues the same ring in place (see
 * {@link SharedMemoryPublisher}), and polling simply goes on. A consumer that restarts continues from the head
 * position its predecessor left in the file, so frames offered while no consumer was attached are delivered
 * (the publisher's offers fail while the ring is full). A publisher that is gone for good looks like an idle
 * feed; whoever supervises the feed watches for silence.
 */
public final class SharedMemoryTransport implements FrameTransport
{
    private static final FrameHandler NO_HANDLER = (buffer, offset, length) -> { };
    private static final VarHandle FRAMES_RECEIVED;
    private static final VarHandle RECORDS_SKIPPED;

    static
    {
        try
        {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            FRAMES_RECEIVED = lookup.findVarHandle(SharedMemoryTransport.class, "framesReceived", long.class);
            RECORDS_SKIPPED = lookup.findVarHandle(SharedMemoryTransport.class, "recordsSkipped", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final SharedMemoryFile file;
    private final OneToOneRingBuffer ring;
    private final MessageHandler recordHandler = this::onRecord;
    private final String description;

    private FrameHandler handler = NO_HANDLER;
    private long framesReceived;
    private long recordsSkipped;
    private boolean closed;

    private SharedMemoryTransport(final SharedMemoryFile file)
    {
        this.file = file;
        ring = new OneToOneRingBuffer(file.ring());
        description = "shm " + file.path();

        file.preFault();
        // The head position is this side's only store: make it once now, so the first poll takes no write fault.
        final AtomicBuffer buffer = file.ring();
        final int headPositionIndex = file.ringCapacity() + RingBufferDescriptor.HEAD_POSITION_OFFSET;
        buffer.putLongRelease(headPositionIndex, buffer.getLongVolatile(headPositionIndex));
    }

    /**
     * Map the ring file as its consumer.
     *
     * @param file path the publisher created.
     * @return the transport, holding the file's consumer lock until closed.
     * @throws IllegalStateException with the reason if the file is missing, not a corezero ring, of another
     *                               layout version, truncated, or already has a consumer.
     */
    public static SharedMemoryTransport open(final Path file)
    {
        final SharedMemoryFile mapped = SharedMemoryFile.open(file, CONSUMER_LOCK_OFFSET, "consumer");
        try
        {
            return new SharedMemoryTransport(mapped);
        }
        catch (final RuntimeException ex)
        {
            mapped.close();
            throw ex;
        }
    }

    /** {@inheritDoc} */
    public int poll(final FrameHandler handler, final int limit)
    {
        if (closed)
        {
            return 0;
        }

        final long framesBefore = framesReceived;
        this.handler = handler;
        // read() acquires each record's length before its bytes, and releases the head once past them, which is
        // what lets the publisher reuse the space.
        ring.read(recordHandler, limit);
        return (int)(framesReceived - framesBefore);
    }

    private void onRecord(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (FRAME_MSG_TYPE_ID == msgTypeId)
        {
            // Counted before the handler runs, so that a handler that throws leaves the count exact.
            FRAMES_RECEIVED.setRelease(this, framesReceived + 1);
            handler.onFrame(buffer, index, length);
        }
        else
        {
            RECORDS_SKIPPED.setRelease(this, recordsSkipped + 1);
        }
    }

    /** {@inheritDoc} */
    public String description()
    {
        return description;
    }

    /** @return frames delivered to handlers. */
    public long framesReceived()
    {
        return (long)FRAMES_RECEIVED.getAcquire(this);
    }

    /** @return records of a type other than a frame, skipped. */
    public long recordsSkipped()
    {
        return (long)RECORDS_SKIPPED.getAcquire(this);
    }

    /** @return the ring's capacity in bytes. */
    public int ringCapacity()
    {
        return ring.capacity();
    }

    /** Unmap the file and release the consumer lock. Idempotent; call it from the polling thread. */
    public void close()
    {
        closed = true;
        file.close();
    }

    /** {@inheritDoc} */
    public String toString()
    {
        return description;
    }
}
