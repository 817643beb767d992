package corezero.venue;

import org.agrona.CloseHelper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the exchange's journals ({@link OuchJournal}, {@link ItchJournal}) share: a file that starts with a header
 * naming its kind and session, then records, each written whole.
 */
final class JournalFiles
{
    private JournalFiles()
    {
    }

    /**
     * @param path a journal's path.
     * @return true when there is no journal there yet (no file, or an empty one).
     * @throws IOException if the file cannot be looked at.
     */
    static boolean isNew(final Path path) throws IOException
    {
        return !Files.exists(path) || Files.size(path) == 0;
    }

    /**
     * Start a journal: create (or empty) the file and write its header.
     *
     * @param path   where.
     * @param header the header bytes.
     * @return the file, open for appending records.
     * @throws IOException if it cannot be created or written.
     */
    static FileChannel create(final Path path, final byte[] header) throws IOException
    {
        final FileChannel file = FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try
        {
            writeFully(file, ByteBuffer.wrap(header));
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(file);
            throw ex;
        }
        return file;
    }

    /**
     * Write all of a buffer (a file channel may write less than asked).
     *
     * @param file   the journal.
     * @param source what to write, from its position to its limit.
     * @throws IOException if the write fails.
     */
    static void writeFully(final FileChannel file, final ByteBuffer source) throws IOException
    {
        while (source.hasRemaining())
        {
            file.write(source);
        }
    }
}
