package corezero.nic;

import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static corezero.nic.SharedMemoryDescriptor.CAPACITY_OFFSET;
import static corezero.nic.SharedMemoryDescriptor.HEADER_LENGTH;
import static corezero.nic.SharedMemoryDescriptor.MAGIC;
import static corezero.nic.SharedMemoryDescriptor.MAGIC_OFFSET;
import static corezero.nic.SharedMemoryDescriptor.MAX_RING_CAPACITY;
import static corezero.nic.SharedMemoryDescriptor.MIN_RING_CAPACITY;
import static corezero.nic.SharedMemoryDescriptor.PUBLISHER_LOCK_OFFSET;
import static corezero.nic.SharedMemoryDescriptor.PUBLISHER_PID_OFFSET;
import static corezero.nic.SharedMemoryDescriptor.PUBLISHER_STARTS_OFFSET;
import static corezero.nic.SharedMemoryDescriptor.VERSION;
import static corezero.nic.SharedMemoryDescriptor.VERSION_OFFSET;
import static corezero.nic.SharedMemoryDescriptor.fileLength;
import static corezero.nic.SharedMemoryDescriptor.isValidRingCapacity;

/**
 * One side's hold on a ring file: the open channel, the side's lock and the mapping, with the header checked.
 * Control path only. The channel stays open while mapped because closing any channel on a file drops the
 * process's fcntl locks on it; the mapping is made through the locked channel for the same reason.
 */
final class SharedMemoryFile implements AutoCloseable
{
    private final Path path;
    private final FileChannel channel;
    private final MappedByteBuffer mapped;
    private final AtomicBuffer header;
    private final AtomicBuffer ring;
    private final int ringCapacity;
    private boolean closed;

    private SharedMemoryFile(
        final Path path, final FileChannel channel, final MappedByteBuffer mapped, final int ringCapacity)
    {
        this.path = path;
        this.channel = channel;
        this.mapped = mapped;
        this.ringCapacity = ringCapacity;
        header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        ring = new UnsafeBuffer(mapped, HEADER_LENGTH, ringCapacity + RingBufferDescriptor.TRAILER_LENGTH);
    }

    /**
     * Create a new file (never replacing one), lock it for the publisher and write its header, version last.
     *
     * @throws FileAlreadyExistsException if the path exists.
     */
    static SharedMemoryFile create(final Path path, final int ringCapacity, final long pid)
        throws FileAlreadyExistsException
    {
        final FileChannel channel;
        try
        {
            channel = FileChannel.open(
                path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        catch (final FileAlreadyExistsException ex)
        {
            throw ex;
        }
        catch (final NoSuchFileException ex)
        {
            throw new IllegalStateException("cannot create shared-memory frame ring " + path + ": directory " +
                path.getParent() + " does not exist", ex);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(
                "cannot create shared-memory frame ring " + path + ": " + ex.getMessage(), ex);
        }

        MappedByteBuffer mapped = null;
        try
        {
            lock(channel, path, PUBLISHER_LOCK_OFFSET, "publisher");
            final long length = fileLength(ringCapacity);
            // Extend by writing the last byte: the file is sparse, its pages zero until first touched.
            channel.write(ByteBuffer.wrap(new byte[1]), length - 1);
            mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
            final SharedMemoryFile file = new SharedMemoryFile(path, channel, mapped, ringCapacity);
            final AtomicBuffer header = file.header;
            header.putLong(MAGIC_OFFSET, MAGIC);
            header.putInt(CAPACITY_OFFSET, ringCapacity);
            header.putLong(PUBLISHER_PID_OFFSET, pid);
            header.putInt(PUBLISHER_STARTS_OFFSET, 1);
            // Release: a consumer that reads this version (acquire) sees every header field above.
            header.putIntRelease(VERSION_OFFSET, VERSION);
            return file;
        }
        catch (final IOException ex)
        {
            discard(path, channel, mapped);
            throw new UncheckedIOException(
                "cannot create shared-memory frame ring " + path + ": " + ex.getMessage(), ex);
        }
        catch (final RuntimeException ex)
        {
            discard(path, channel, mapped);
            throw ex;
        }
    }

    /** Leave no half-made file behind: the next publisher would have to be told to remove it. */
    private static void discard(final Path path, final FileChannel channel, final MappedByteBuffer mapped)
    {
        closeQuietly(channel, mapped);
        IoUtil.deleteIfExists(path.toFile());
    }

    /**
     * Open an existing file for one side: take that side's lock, then check and map it.
     *
     * @param lockOffset {@link SharedMemoryDescriptor#PUBLISHER_LOCK_OFFSET} or
     *                   {@link SharedMemoryDescriptor#CONSUMER_LOCK_OFFSET}.
     * @param side       "publisher" or "consumer", for messages.
     * @throws IllegalStateException naming the problem: missing, taken by another of the same side, foreign,
     *                               of another version, truncated.
     */
    static SharedMemoryFile open(final Path path, final int lockOffset, final String side)
    {
        FileChannel channel = null;
        MappedByteBuffer mapped = null;
        try
        {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            lock(channel, path, lockOffset, side);
            final long size = channel.size();
            if (size < HEADER_LENGTH)
            {
                throw new IllegalStateException("shared-memory frame ring " + path + " is " + size +
                    " bytes, shorter than its header: not a corezero ring, or its publisher is still creating it");
            }
            if (size > fileLength(MAX_RING_CAPACITY))
            {
                throw new IllegalStateException(path + " is " + size + " bytes: not a corezero shared-memory ring");
            }

            mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
            final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
            final int ringCapacity = checkHeader(path, header, size);
            return new SharedMemoryFile(path, channel, mapped, ringCapacity);
        }
        catch (final NoSuchFileException ex)
        {
            CloseHelper.quietClose(channel);
            throw new IllegalStateException("no shared-memory frame ring at " + path +
                ": the publisher creates it, is it running with that path?", ex);
        }
        catch (final IOException ex)
        {
            closeQuietly(channel, mapped);
            throw new UncheckedIOException("cannot open shared-memory frame ring " + path + ": " + ex.getMessage(), ex);
        }
        catch (final RuntimeException ex)
        {
            closeQuietly(channel, mapped);
            throw ex;
        }
    }

    private static int checkHeader(final Path path, final AtomicBuffer header, final long size)
    {
        // Acquire: pairs with the publisher's release of the version, written after every other field.
        final int version = header.getIntVolatile(VERSION_OFFSET);
        final long magic = header.getLong(MAGIC_OFFSET);
        if (MAGIC != magic)
        {
            if (0 == magic && 0 == version)
            {
                throw new IllegalStateException("shared-memory frame ring " + path +
                    " has no header yet: its publisher is still creating it, or died doing so (then remove it)");
            }
            throw new IllegalStateException(path + " is not a corezero shared-memory frame ring (magic 0x" +
                Long.toHexString(magic) + ", expected 0x" + Long.toHexString(MAGIC) + ")");
        }
        if (VERSION != version)
        {
            throw new IllegalStateException("shared-memory frame ring " + path + " has layout version " + version +
                ", this build reads version " + VERSION + ": run publisher and consumer from the same release");
        }

        final int ringCapacity = header.getInt(CAPACITY_OFFSET);
        if (!isValidRingCapacity(ringCapacity))
        {
            throw new IllegalStateException("shared-memory frame ring " + path + " has ring capacity " +
                ringCapacity + ", not a power of two from " + MIN_RING_CAPACITY + " to " + MAX_RING_CAPACITY +
                ": corrupt");
        }
        if (size != fileLength(ringCapacity))
        {
            throw new IllegalStateException("shared-memory frame ring " + path + " is " + size +
                " bytes, its ring capacity of " + ringCapacity + " needs " + fileLength(ringCapacity) +
                ": truncated or corrupt");
        }

        return ringCapacity;
    }

    private static void lock(final FileChannel channel, final Path path, final int lockOffset, final String side)
        throws IOException
    {
        FileLock lock;
        try
        {
            lock = channel.tryLock(lockOffset, 1, false);
        }
        catch (final OverlappingFileLockException ex)
        {
            lock = null;
        }
        if (null == lock)
        {
            throw new IllegalStateException("shared-memory frame ring " + path + " already has a " + side +
                " (a one-to-one ring takes one of each)");
        }
        // The lock is released when the channel closes, or by the kernel when the process dies.
    }

    private static void closeQuietly(final FileChannel channel, final MappedByteBuffer mapped)
    {
        if (null != mapped)
        {
            IoUtil.unmap(mapped);
        }
        CloseHelper.quietClose(channel);
    }

    Path path()
    {
        return path;
    }

    AtomicBuffer header()
    {
        return header;
    }

    AtomicBuffer ring()
    {
        return ring;
    }

    int ringCapacity()
    {
        return ringCapacity;
    }

    /**
     * Touch every page, so that the side that polls takes no page fault on its first pass over the ring.
     */
    void preFault()
    {
        mapped.load();
    }

    /** Unmap, then close the channel, which releases this side's lock. Idempotent. */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            closeQuietly(channel, mapped);
        }
    }
}
