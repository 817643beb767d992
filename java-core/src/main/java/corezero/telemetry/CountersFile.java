package corezero.telemetry;

import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static corezero.telemetry.CountersFileDescriptor.FILE_LENGTH;
import static corezero.telemetry.CountersFileDescriptor.HEADER_LENGTH;
import static corezero.telemetry.CountersFileDescriptor.METADATA_BUFFER_LENGTH;
import static corezero.telemetry.CountersFileDescriptor.METADATA_LENGTH_OFFSET;
import static corezero.telemetry.CountersFileDescriptor.PID_OFFSET;
import static corezero.telemetry.CountersFileDescriptor.START_TIMESTAMP_OFFSET;
import static corezero.telemetry.CountersFileDescriptor.VALUES_BUFFER_LENGTH;
import static corezero.telemetry.CountersFileDescriptor.VALUES_LENGTH_OFFSET;
import static corezero.telemetry.CountersFileDescriptor.VERSION;
import static corezero.telemetry.CountersFileDescriptor.VERSION_OFFSET;

/**
 * The memory-mapped counters file: the engine creates it, other processes map it to read. See
 * {@link CountersFileDescriptor} for the layout.
 */
public final class CountersFile implements AutoCloseable
{
    private final MappedByteBuffer mapped;
    private final AtomicBuffer header;
    private final AtomicBuffer metadata;
    private final AtomicBuffer values;

    private CountersFile(final MappedByteBuffer mapped)
    {
        this.mapped = mapped;
        header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        metadata = new UnsafeBuffer(mapped, HEADER_LENGTH, METADATA_BUFFER_LENGTH);
        values = new UnsafeBuffer(mapped, HEADER_LENGTH + METADATA_BUFFER_LENGTH, VALUES_BUFFER_LENGTH);
    }

    /**
     * Create (or replace) the counters file and write its header; the version goes last, with release
     * semantics, so a reader that sees it sees the rest.
     *
     * @param path             file path.
     * @param pid              engine process id.
     * @param startTimestampMs engine start time.
     * @return the mapped file.
     */
    public static CountersFile create(final Path path, final long pid, final long startTimestampMs)
    {
        final File file = path.toFile();
        IoUtil.deleteIfExists(file);
        final CountersFile countersFile = new CountersFile(IoUtil.mapNewFile(file, FILE_LENGTH, true));
        final AtomicBuffer header = countersFile.header;
        header.putInt(METADATA_LENGTH_OFFSET, METADATA_BUFFER_LENGTH);
        header.putInt(VALUES_LENGTH_OFFSET, VALUES_BUFFER_LENGTH);
        header.putLong(PID_OFFSET, pid);
        header.putLong(START_TIMESTAMP_OFFSET, startTimestampMs);
        header.putIntRelease(VERSION_OFFSET, VERSION);
        return countersFile;
    }

    /**
     * Map an existing counters file to read it.
     *
     * @param path file path.
     * @return the mapped file.
     * @throws IllegalStateException if the file is missing, short, or of another layout version.
     */
    public static CountersFile open(final Path path)
    {
        if (!Files.isRegularFile(path))
        {
            throw new IllegalStateException("no counters file at " + path + ": is the engine running there?");
        }
        final File file = path.toFile();
        if (file.length() < FILE_LENGTH)
        {
            throw new IllegalStateException(
                "counters file " + path + " is " + file.length() + " bytes, expected " + FILE_LENGTH);
        }
        final CountersFile countersFile = new CountersFile(IoUtil.mapExistingFile(file, "corezero counters"));
        final int version = countersFile.header.getIntVolatile(VERSION_OFFSET);
        if (version != VERSION)
        {
            countersFile.close();
            throw new IllegalStateException(
                "counters file " + path + " has layout version " + version + ", this reader knows " + VERSION);
        }
        return countersFile;
    }

    /**
     * A counters manager over the file, for the engine that owns it.
     *
     * @param epochClock clock for counter reuse deadlines.
     * @return the manager.
     */
    public CountersManager newManager(final EpochClock epochClock)
    {
        return new CountersManager(metadata, values, StandardCharsets.US_ASCII, epochClock, 0);
    }

    /** @return a reader over the file, for another process. */
    public CountersReader newReader()
    {
        return new CountersReader(metadata, values, StandardCharsets.US_ASCII);
    }

    /** @return process id of the engine that created the file. */
    public long pid()
    {
        return header.getLong(PID_OFFSET);
    }

    /** @return start time of that engine, epoch ms. */
    public long startTimestampMs()
    {
        return header.getLong(START_TIMESTAMP_OFFSET);
    }

    /** Unmap. */
    public void close()
    {
        IoUtil.unmap(mapped);
    }
}
