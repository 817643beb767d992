package corezero.telemetry;

import org.agrona.concurrent.status.CountersReader;

import static org.agrona.BitUtil.CACHE_LINE_LENGTH;
import static org.agrona.BitUtil.SIZE_OF_INT;
import static org.agrona.BitUtil.SIZE_OF_LONG;

/**
 * Layout of the memory-mapped counters file ({@code counters.dat} in the run directory), read by
 * {@code bin/corezero stat} from another process in the way AeronStat reads Aeron's CnC file.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 Version (written last, release)               |  0
 *  +---------------------------------------------------------------+
 *  |                    Metadata Buffer Length                     |  4
 *  +---------------------------------------------------------------+
 *  |                     Values Buffer Length                      |  8
 *  +---------------------------------------------------------------+
 *  |                          Reserved                             |  12
 *  +---------------------------------------------------------------+
 *  |                       Process Id (long)                       |  16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 Start Timestamp, epoch ms (long)              |  24
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |             Pad to {@link #HEADER_LENGTH} (two cache lines)  ...
 *  +---------------------------------------------------------------+
 *  |  Metadata Buffer: {@link CountersReader#METADATA_LENGTH} bytes ...
 *  |  per counter (state, type id, key, label)                     ...
 *  +---------------------------------------------------------------+
 *  |  Values Buffer: {@link CountersReader#COUNTER_LENGTH} bytes   ...
 *  |  per counter (value padded to its own cache lines)            ...
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class CountersFileDescriptor
{
    /** Layout version; a reader refuses any other. */
    public static final int VERSION = 1;

    /** Offset of the version field. */
    public static final int VERSION_OFFSET = 0;

    /** Offset of the metadata buffer length. */
    public static final int METADATA_LENGTH_OFFSET = VERSION_OFFSET + SIZE_OF_INT;

    /** Offset of the values buffer length. */
    public static final int VALUES_LENGTH_OFFSET = METADATA_LENGTH_OFFSET + SIZE_OF_INT;

    /** Offset of the engine's process id. */
    public static final int PID_OFFSET = VALUES_LENGTH_OFFSET + 2 * SIZE_OF_INT;

    /** Offset of the engine's start time. */
    public static final int START_TIMESTAMP_OFFSET = PID_OFFSET + SIZE_OF_LONG;

    /** Header length: the buffers start on a cache-line boundary. */
    public static final int HEADER_LENGTH = 2 * CACHE_LINE_LENGTH;

    /** Number of counters the file has room for. */
    public static final int MAX_COUNTERS = 128;

    /** Length of the metadata buffer. */
    public static final int METADATA_BUFFER_LENGTH = MAX_COUNTERS * CountersReader.METADATA_LENGTH;

    /** Length of the values buffer. */
    public static final int VALUES_BUFFER_LENGTH = MAX_COUNTERS * CountersReader.COUNTER_LENGTH;

    /** Whole file length. */
    public static final int FILE_LENGTH = HEADER_LENGTH + METADATA_BUFFER_LENGTH + VALUES_BUFFER_LENGTH;

    /** File name inside the run directory. */
    public static final String FILE_NAME = "counters.dat";

    private CountersFileDescriptor()
    {
    }
}
