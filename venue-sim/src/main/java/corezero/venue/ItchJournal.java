package corezero.venue;

import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
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
 * The exchange's feed on file: every sequenced ITCH message the {@link LiveMessageStore} takes, in sequence order,
 * and how far the capture has been driven through the engine, so that a venue restarted on the same state directory
 * and feed session goes on with the same sequence numbers, the same book and the rest of the capture. Written as the
 * messages are appended, with no user-space buffering between two writes: a killed process loses nothing the OS has.
 * <p>
 * The state file, {@code <state-dir>/itch-<SESSION>.journal} (the MoldUDP64 session, see {@link #fileName}):
 * <pre>
 *   offset  length  field
 *        0       8  magic "CZITCHJ1"
 *        8      10  MoldUDP64 session, ASCII, space padded on the right
 *       18     ...  records:
 *                     +0  2  record length N, u16 big-endian, of what follows
 *                     +2  1  kind: 'M' message or 'P' capture position
 *   'M' message (one write each, except in a capture batch):
 *                     +3  N-1  the ITCH 5.0 message as published (type byte first)
 *   'P' capture position, N = 9, the head of a capture batch:
 *                     +3  4  capture messages driven through the engine after this batch, u32 big-endian
 *                     +7  4  'M' records that follow and belong to the batch, u32 big-endian
 * </pre>
 * A capture batch is what one duty cycle of the {@link CaptureDriver} publishes: its 'P' record and its messages go
 * out in one write, so the position on file is exactly that of the messages on file. On reload a record cut short,
 * or a batch missing some of its messages, is dropped (and the file truncated to the last whole record or batch).
 * Single-threaded.
 */
final class ItchJournal implements AutoCloseable
{
    static final byte[] MAGIC = "CZITCHJ1".getBytes(StandardCharsets.US_ASCII);
    static final int SESSION_LENGTH = 10;
    static final int FILE_HEADER_LENGTH = MAGIC.length + SESSION_LENGTH;
    static final int RECORD_HEADER_LENGTH = 3;
    static final byte MESSAGE = 'M';
    static final byte CAPTURE_POSITION = 'P';
    static final int CAPTURE_POSITION_LENGTH = 9;

    /** Longest message journaled: the record length counts the kind byte too. */
    static final int MAX_MESSAGE_LENGTH = 0xFFFF - 1;

    /**
     * Takes the reloaded messages in order.
     */
    @FunctionalInterface
    interface MessageConsumer
    {
        /**
         * @param buffer holding the message.
         * @param offset of its type byte.
         * @param length of the message.
         */
        void accept(DirectBuffer buffer, int offset, int length);
    }

    private final FileChannel file;
    private final Path path;
    private final ExpandableDirectByteBuffer pending = new ExpandableDirectByteBuffer(64 * 1024);
    private ByteBuffer pendingView;
    private int pendingLength;
    private int batchStart = -1;
    private int batchMessages;
    private UnsafeBuffer restored;
    private int restoredEnd;
    private int restoredCount;
    private int restoredCapturePosition;

    private ItchJournal(final FileChannel file, final Path path)
    {
        this.file = file;
        this.path = path;
    }

    /**
     * A journal that writes nothing and reloads nothing.
     *
     * @return it.
     */
    static ItchJournal inMemory()
    {
        return new ItchJournal(null, null);
    }

    /**
     * @param session MoldUDP64 session name.
     * @return the state file's name: letters, digits, '-' and '_' kept, other characters '_', trailing spaces gone.
     */
    static String fileName(final String session)
    {
        final String trimmed = session.stripTrailing();
        final StringBuilder name = new StringBuilder("itch-");
        for (int i = 0; i < trimmed.length(); i++)
        {
            final char c = trimmed.charAt(i);
            final boolean isKept = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                '-' == c || '_' == c;
            name.append(isKept ? c : '_');
        }

        return name.append(".journal").toString();
    }

    /**
     * Open the feed session's journal in a state directory, reloading what it holds.
     *
     * @param stateDir directory, created if missing.
     * @param session  MoldUDP64 session name.
     * @return the journal; {@link #forEachRestored} gives the messages of earlier runs of the session.
     * @throws IOException if the directory or file cannot be used, or the file is not a feed journal of this session.
     */
    static ItchJournal open(final Path stateDir, final String session) throws IOException
    {
        Files.createDirectories(stateDir);
        final Path path = stateDir.resolve(fileName(session));
        final byte[] header = header(session);
        if (JournalFiles.isNew(path))
        {
            return new ItchJournal(JournalFiles.create(path, header), path);
        }

        final byte[] bytes = Files.readAllBytes(path);
        if (bytes.length < FILE_HEADER_LENGTH ||
            !Arrays.equals(bytes, 0, FILE_HEADER_LENGTH, header, 0, FILE_HEADER_LENGTH))
        {
            throw new IOException(path + " is not an ITCH feed journal of session \"" + session + "\"");
        }

        final FileChannel file = FileChannel.open(path, StandardOpenOption.WRITE);
        final ItchJournal journal = new ItchJournal(file, path);
        try
        {
            journal.reload(new UnsafeBuffer(bytes));
            file.truncate(journal.restoredEnd);
            file.position(journal.restoredEnd);
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(file);
            throw ex;
        }

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
     * Find the end of the last whole record or batch, counting messages and taking the last capture position.
     */
    private void reload(final UnsafeBuffer bytes) throws IOException
    {
        final int limit = bytes.capacity();
        int offset = FILE_HEADER_LENGTH;
        int validEnd = offset;
        int messages = 0;
        int validMessages = 0;
        int position = 0;
        int validPosition = 0;
        int batchRemaining = 0;
        while (offset + RECORD_HEADER_LENGTH <= limit)
        {
            final int length = bytes.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            if (length < 1 || offset + 2 + length > limit)
            {
                break;
            }

            final byte kind = bytes.getByte(offset + 2);
            if (MESSAGE == kind)
            {
                messages++;
                if (batchRemaining > 0)
                {
                    batchRemaining--;
                }
            }
            else if (CAPTURE_POSITION == kind && CAPTURE_POSITION_LENGTH == length && 0 == batchRemaining)
            {
                position = bytes.getInt(offset + RECORD_HEADER_LENGTH, ByteOrder.BIG_ENDIAN);
                batchRemaining = bytes.getInt(offset + RECORD_HEADER_LENGTH + 4, ByteOrder.BIG_ENDIAN);
            }
            else
            {
                throw new IOException(path + " is corrupt: record of kind " + kind + " and length " + length +
                    " at offset " + offset);
            }

            offset += 2 + length;
            if (0 == batchRemaining)
            {
                validEnd = offset;
                validMessages = messages;
                validPosition = position;
            }
        }

        restored = bytes;
        restoredEnd = validEnd;
        restoredCount = validMessages;
        restoredCapturePosition = validPosition;
    }

    /**
     * Give every reloaded message, in sequence order, then forget them.
     *
     * @param consumer to take them.
     */
    void forEachRestored(final MessageConsumer consumer)
    {
        if (null == restored)
        {
            return;
        }

        int offset = FILE_HEADER_LENGTH;
        while (offset < restoredEnd)
        {
            final int length = restored.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            if (MESSAGE == restored.getByte(offset + 2))
            {
                consumer.accept(restored, offset + RECORD_HEADER_LENGTH, length - 1);
            }
            offset += 2 + length;
        }
        restored = null;
    }

    /**
     * @return messages reloaded from the state file.
     */
    int restoredCount()
    {
        return restoredCount;
    }

    /**
     * @return capture messages driven through the engine before the restart: where the capture goes on.
     */
    int restoredCapturePosition()
    {
        return restoredCapturePosition;
    }

    /**
     * @return the state file, or null for a journal in memory.
     */
    Path path()
    {
        return path;
    }

    /**
     * Journal a message: written at once, or with its batch at {@link #endCaptureBatch(int)}.
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message, at most {@link #MAX_MESSAGE_LENGTH}.
     * @throws IOException if the state file cannot be written.
     */
    void append(final DirectBuffer buffer, final int offset, final int length) throws IOException
    {
        if (null == file)
        {
            return;
        }
        if (length > MAX_MESSAGE_LENGTH)
        {
            throw new IOException("an ITCH message of " + length + " bytes is too long to journal");
        }

        pending.putShort(pendingLength, (short)(length + 1), ByteOrder.BIG_ENDIAN);
        pending.putByte(pendingLength + 2, MESSAGE);
        pending.putBytes(pendingLength + RECORD_HEADER_LENGTH, buffer, offset, length);
        pendingLength += RECORD_HEADER_LENGTH + length;
        if (batchStart < 0)
        {
            flush();
        }
        else
        {
            batchMessages++;
        }
    }

    /**
     * Hold what is appended until {@link #endCaptureBatch(int)}, which writes it after a capture position record.
     */
    void beginCaptureBatch()
    {
        if (null == file)
        {
            return;
        }

        batchStart = pendingLength;
        batchMessages = 0;
        pendingLength += 2 + CAPTURE_POSITION_LENGTH;
    }

    /**
     * Write the batch: its capture position and its messages in one write.
     *
     * @param captureDriven capture messages driven through the engine so far, this batch's included.
     * @throws IOException if the state file cannot be written.
     */
    void endCaptureBatch(final int captureDriven) throws IOException
    {
        if (null == file || batchStart < 0)
        {
            return;
        }

        pending.putShort(batchStart, (short)CAPTURE_POSITION_LENGTH, ByteOrder.BIG_ENDIAN);
        pending.putByte(batchStart + 2, CAPTURE_POSITION);
        pending.putInt(batchStart + RECORD_HEADER_LENGTH, captureDriven, ByteOrder.BIG_ENDIAN);
        pending.putInt(batchStart + RECORD_HEADER_LENGTH + 4, batchMessages, ByteOrder.BIG_ENDIAN);
        batchStart = -1;
        flush();
    }

    private void flush() throws IOException
    {
        final ByteBuffer current = pending.byteBuffer();
        if (null == pendingView || pendingView.capacity() != current.capacity())
        {
            pendingView = current.duplicate();
        }
        pendingView.limit(pendingLength).position(0);
        pendingLength = 0;
        JournalFiles.writeFully(file, pendingView);
    }


    /**
     * Close the state file. Safe to call more than once.
     */
    public void close()
    {
        CloseHelper.quietClose(file);
    }
}
