package corezero.venue;

import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Every sequenced OUCH message the exchange has sent on its SoupBinTCP session, in order: message {@code s} of the
 * session is the {@code s}th appended. The OUCH server delivers and replays from it; with a state directory each
 * message is also written to a file as it is appended (one write per message, no user-space buffering, so a killed
 * process loses nothing the OS has), and a venue started on the same directory and session reloads it.
 * <p>
 * The state file, {@code <state-dir>/ouch-<SESSION>.journal}:
 * <pre>
 *   offset  length  field
 *        0       8  magic "CZOUCHJ1"
 *        8      10  SoupBinTCP session, ASCII, space padded on the right
 *       18     ...  records, one per sequenced message, in sequence order:
 *                     +0  2  message length N, u16 big-endian
 *                     +2  N  the OUCH 5.0 message as sent (type byte first, appendage included)
 * </pre>
 * A record cut short by a crash is dropped on reload (and the file truncated to the last whole record).
 * Single-threaded.
 */
final class OuchJournal implements AutoCloseable
{
    static final byte[] MAGIC = "CZOUCHJ1".getBytes(StandardCharsets.US_ASCII);
    static final int SESSION_LENGTH = 10;
    static final int FILE_HEADER_LENGTH = MAGIC.length + SESSION_LENGTH;
    static final int RECORD_HEADER_LENGTH = 2;
    static final int MAX_MESSAGE_LENGTH = 0xFFFF;

    private final MessageLog log = new MessageLog();
    private final FileChannel file;
    private final ByteBuffer record = ByteBuffer.allocateDirect(RECORD_HEADER_LENGTH + MAX_MESSAGE_LENGTH);
    private final UnsafeBuffer recordBuffer = new UnsafeBuffer(record);
    private final Path path;
    private final int restoredCount;
    private long[] appendNanoTimes = new long[4096];

    private OuchJournal(final FileChannel file, final Path path)
    {
        this.file = file;
        this.path = path;
        this.restoredCount = 0;
    }

    private OuchJournal(final FileChannel file, final Path path, final ByteBuffer restored)
    {
        this.file = file;
        this.path = path;
        final UnsafeBuffer buffer = new UnsafeBuffer(restored);
        int offset = FILE_HEADER_LENGTH;
        int count = 0;
        while (offset + RECORD_HEADER_LENGTH <= restored.limit())
        {
            final int length = buffer.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            if (offset + RECORD_HEADER_LENGTH + length > restored.limit())
            {
                break;
            }
            log.append(buffer, offset + RECORD_HEADER_LENGTH, length);
            offset += RECORD_HEADER_LENGTH + length;
            count++;
        }
        this.restoredCount = count;
        this.appendNanoTimes = new long[Math.max(4096, Integer.highestOneBit(count) * 2)];
        this.validLength = offset;
    }

    private long validLength;

    /**
     * A journal in memory only.
     *
     * @return an empty journal.
     */
    static OuchJournal inMemory()
    {
        return new OuchJournal(null, null);
    }

    /**
     * Open the session's journal in a state directory, reloading what it holds.
     *
     * @param stateDir directory, created if missing.
     * @param session  SoupBinTCP session name.
     * @return the journal, with the messages of earlier runs of the session.
     * @throws IOException if the directory or file cannot be used, or the file is not a journal of this session.
     */
    static OuchJournal open(final Path stateDir, final String session) throws IOException
    {
        Files.createDirectories(stateDir);
        final Path path = stateDir.resolve("ouch-" + session + ".journal");
        final byte[] header = header(session);
        if (JournalFiles.isNew(path))
        {
            return new OuchJournal(JournalFiles.create(path, header), path);
        }

        final byte[] bytes = Files.readAllBytes(path);
        if (bytes.length < FILE_HEADER_LENGTH || !Arrays.equals(bytes, 0, FILE_HEADER_LENGTH, header, 0,
            FILE_HEADER_LENGTH))
        {
            throw new IOException(path + " is not an OUCH journal of session " + session);
        }

        final ByteBuffer restored = ByteBuffer.allocateDirect(bytes.length);
        restored.put(bytes).flip();
        final FileChannel file = FileChannel.open(path, StandardOpenOption.WRITE);
        final OuchJournal journal = new OuchJournal(file, path, restored);
        file.truncate(journal.validLength);
        file.position(journal.validLength);

        return journal;
    }

    private static byte[] header(final String session)
    {
        final byte[] header = new byte[FILE_HEADER_LENGTH];
        Arrays.fill(header, (byte)' ');
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        final byte[] name = session.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, header, MAGIC.length, Math.min(name.length, SESSION_LENGTH));

        return header;
    }

    /**
     * Append a message, writing it to the state file first if there is one.
     *
     * @param buffer   holding the message.
     * @param offset   of the message.
     * @param length   of the message, at most {@link #MAX_MESSAGE_LENGTH}.
     * @param nanoTime when it was generated, for delivery with injected latency.
     * @return its sequence number.
     * @throws IOException if the state file cannot be written.
     */
    long append(final DirectBuffer buffer, final int offset, final int length, final long nanoTime)
        throws IOException
    {
        if (null != file)
        {
            recordBuffer.putShort(0, (short)length, ByteOrder.BIG_ENDIAN);
            recordBuffer.putBytes(RECORD_HEADER_LENGTH, buffer, offset, length);
            record.clear().limit(RECORD_HEADER_LENGTH + length);
            JournalFiles.writeFully(file, record);
        }

        final int index = log.append(buffer, offset, length);
        if (index == appendNanoTimes.length)
        {
            appendNanoTimes = Arrays.copyOf(appendNanoTimes, appendNanoTimes.length * 2);
        }
        appendNanoTimes[index] = nanoTime;

        return index + 1L;
    }


    /**
     * @return messages in the journal: the sequence number of the last one.
     */
    long count()
    {
        return log.count();
    }

    /**
     * @return messages reloaded from the state file.
     */
    int restoredCount()
    {
        return restoredCount;
    }

    /**
     * @return the state file, or null for a journal in memory.
     */
    Path path()
    {
        return path;
    }

    /**
     * @param sequenceNumber from 1.
     * @return when it was appended; 0 for a reloaded message.
     */
    long appendNanoTime(final long sequenceNumber)
    {
        return appendNanoTimes[(int)(sequenceNumber - 1)];
    }

    /**
     * @param sequenceNumber from 1.
     * @return a view around the message, valid until the next append.
     */
    ByteBuffer view(final long sequenceNumber)
    {
        return log.view((int)(sequenceNumber - 1));
    }

    DirectBuffer buffer()
    {
        return log.buffer();
    }

    int offset(final long sequenceNumber)
    {
        return log.offset((int)(sequenceNumber - 1));
    }

    int length(final long sequenceNumber)
    {
        return log.length((int)(sequenceNumber - 1));
    }

    /**
     * Close the state file. Safe to call more than once.
     */
    public void close()
    {
        CloseHelper.quietClose(file);
    }
}
