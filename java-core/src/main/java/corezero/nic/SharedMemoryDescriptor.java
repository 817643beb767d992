package corezero.nic;

import org.agrona.BitUtil;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import static org.agrona.BitUtil.CACHE_LINE_LENGTH;
import static org.agrona.BitUtil.SIZE_OF_INT;
import static org.agrona.BitUtil.SIZE_OF_LONG;

/**
 * Layout of a shared-memory frame ring file, written by {@link SharedMemoryPublisher} and read by
 * {@link SharedMemoryTransport}: a header, then an Agrona {@code OneToOneRingBuffer} (its records, then its
 * trailer of positions). All fields are little-endian.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 Magic: ASCII "czframes" (long)                |  0
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 Version (written last, release)               |  8
 *  +---------------------------------------------------------------+
 *  |              Ring Capacity (bytes, a power of two)            |  12
 *  +---------------------------------------------------------------+
 *  |               Publisher Process Id (long, latest)             |  16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |        Publisher Starts (1 when created, +1 per restart)      |  24
 *  +---------------------------------------------------------------+
 *  |                          Reserved                            ...  28
 *  +---------------------------------------------------------------+
 *  | Lock bytes: 64 publisher, 65 consumer (fcntl ranges, no data) |  64
 *  +---------------------------------------------------------------+
 *  |                 Pad to HEADER_LENGTH (128)                   ...
 *  +---------------------------------------------------------------+  128
 *  |  Ring records, Ring Capacity bytes. Each record: length      ...
 *  |  (int, header included, not positive until committed), type   ...
 *  |  (int: 1 frame, -1 padding), the frame, padding to 8 bytes    ...
 *  +---------------------------------------------------------------+  128 + capacity
 *  |  Agrona trailer (RingBufferDescriptor.TRAILER_LENGTH bytes):  ...
 *  |  tail position, head cache, head position, correlation        ...
 *  |  counter, consumer heartbeat, each on its own cache lines     ...
 *  +---------------------------------------------------------------+
 * </pre>
 * The publisher holds an exclusive fcntl lock on byte {@link #PUBLISHER_LOCK_OFFSET} for its lifetime and the
 * consumer one on byte {@link #CONSUMER_LOCK_OFFSET}, so that a second publisher or consumer is refused, and a
 * publisher that died is seen as gone (the kernel releases its lock). POSIX locks belong to the process and any
 * close of the file in that process drops them: with publisher and consumer in one process, the JVM still refuses
 * a second of either in that process, but after one side closes, another process would not be refused.
 */
public final class SharedMemoryDescriptor
{
    /** "czframes" in ASCII, read as a little-endian long. */
    public static final long MAGIC = 0x73656D6172667A63L;

    /** Layout version; a reader refuses any other. */
    public static final int VERSION = 1;

    /** Offset of the magic. */
    public static final int MAGIC_OFFSET = 0;

    /** Offset of the version. */
    public static final int VERSION_OFFSET = MAGIC_OFFSET + SIZE_OF_LONG;

    /** Offset of the ring capacity. */
    public static final int CAPACITY_OFFSET = VERSION_OFFSET + SIZE_OF_INT;

    /** Offset of the process id of the publisher that last opened the file. */
    public static final int PUBLISHER_PID_OFFSET = CAPACITY_OFFSET + SIZE_OF_INT;

    /** Offset of the count of publisher starts. */
    public static final int PUBLISHER_STARTS_OFFSET = PUBLISHER_PID_OFFSET + SIZE_OF_LONG;

    /** Byte locked (fcntl, exclusive) by the publisher while it has the file open. */
    public static final int PUBLISHER_LOCK_OFFSET = CACHE_LINE_LENGTH;

    /** Byte locked (fcntl, exclusive) by the consumer while it has the file open. */
    public static final int CONSUMER_LOCK_OFFSET = PUBLISHER_LOCK_OFFSET + 1;

    /** Header length: two cache lines, so the ring starts on a cache-line boundary of a page-aligned mapping. */
    public static final int HEADER_LENGTH = 2 * CACHE_LINE_LENGTH;

    /** Type id of a frame record in the ring. */
    public static final int FRAME_MSG_TYPE_ID = 1;

    /** Smallest ring capacity accepted: one page. */
    public static final int MIN_RING_CAPACITY = 4096;

    /** Largest ring capacity accepted: 1 GiB. */
    public static final int MAX_RING_CAPACITY = 1 << 30;

    private SharedMemoryDescriptor()
    {
    }

    /**
     * @param ringCapacity ring capacity in bytes.
     * @return length of the whole file.
     */
    public static long fileLength(final int ringCapacity)
    {
        return (long)HEADER_LENGTH + ringCapacity + RingBufferDescriptor.TRAILER_LENGTH;
    }

    /**
     * @param ringCapacity ring capacity in bytes.
     * @return largest frame the ring takes (an eighth of the capacity, Agrona's limit).
     */
    public static int maxFrameLength(final int ringCapacity)
    {
        return ringCapacity >> 3;
    }

    /**
     * @param ringCapacity candidate capacity.
     * @return true if it is a power of two from {@link #MIN_RING_CAPACITY} to {@link #MAX_RING_CAPACITY}.
     */
    public static boolean isValidRingCapacity(final int ringCapacity)
    {
        return ringCapacity >= MIN_RING_CAPACITY && ringCapacity <= MAX_RING_CAPACITY &&
            BitUtil.isPowerOfTwo(ringCapacity);
    }
}
