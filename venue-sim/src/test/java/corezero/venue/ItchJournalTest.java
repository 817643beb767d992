package corezero.venue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed journal's file: its layout byte for byte, reloading, and what a crash can leave at its end.
 */
class ItchJournalTest
{
    private static final String SESSION = "CZ00000001";

    private static UnsafeBuffer message(final char type, final int length)
    {
        final UnsafeBuffer message = new UnsafeBuffer(new byte[length]);
        message.putByte(0, (byte)type);
        for (int i = 1; i < length; i++)
        {
            message.putByte(i, (byte)i);
        }

        return message;
    }

    private static List<byte[]> restored(final ItchJournal journal)
    {
        final List<byte[]> messages = new ArrayList<>();
        journal.forEachRestored((buffer, offset, length) ->
        {
            final byte[] message = new byte[length];
            buffer.getBytes(offset, message);
            messages.add(message);
        });

        return messages;
    }

    private static Path writeTwoMessagesAndABatch(final Path stateDir) throws IOException
    {
        try (ItchJournal journal = ItchJournal.open(stateDir, SESSION))
        {
            journal.append(message('R', 39), 0, 39);
            journal.beginCaptureBatch();
            journal.append(message('A', 36), 0, 36);
            journal.append(message('X', 23), 0, 23);
            journal.endCaptureBatch(7);
            journal.append(message('E', 31), 0, 31);

            return journal.path();
        }
    }

    @Test
    void writesTheLayoutDrawnInItsJavadoc(@TempDir final Path stateDir) throws IOException
    {
        final Path path = writeTwoMessagesAndABatch(stateDir);
        assertEquals(stateDir.resolve("itch-CZ00000001.journal"), path);

        final ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.BIG_ENDIAN);
        final byte[] header = new byte[ItchJournal.FILE_HEADER_LENGTH];
        file.get(header);
        assertEquals("CZITCHJ1CZ00000001", new String(header, StandardCharsets.US_ASCII));
        assertEquals(40, file.getShort());
        assertEquals('M', file.get());
        assertEquals('R', file.get(file.position()));
        file.position(file.position() + 39);
        assertEquals(9, file.getShort());
        assertEquals('P', file.get());
        assertEquals(7, file.getInt(), "capture position");
        assertEquals(2, file.getInt(), "messages in the batch");
        assertEquals(37, file.getShort());
        assertEquals('M', file.get());
        file.position(file.position() + 36);
        assertEquals(24, file.getShort());
        file.position(file.position() + 24);
        assertEquals(32, file.getShort());
        file.position(file.position() + 32);
        assertEquals(0, file.remaining());
    }

    @Test
    void reloadsTheMessagesAndTheCapturePosition(@TempDir final Path stateDir) throws IOException
    {
        writeTwoMessagesAndABatch(stateDir);
        try (ItchJournal journal = ItchJournal.open(stateDir, SESSION))
        {
            assertEquals(4, journal.restoredCount());
            assertEquals(7, journal.restoredCapturePosition());
            final List<byte[]> messages = restored(journal);
            assertEquals("RAXE", ExchangeTestData.types(messages));
            assertArrayEquals(message('X', 23).byteArray(), messages.get(2));
            assertTrue(restored(journal).isEmpty(), "given once");

            journal.append(message('D', 19), 0, 19);
        }
        try (ItchJournal journal = ItchJournal.open(stateDir, SESSION))
        {
            assertEquals("RAXED", ExchangeTestData.types(restored(journal)));
        }
    }

    @Test
    void dropsARecordCutShort(@TempDir final Path stateDir) throws IOException
    {
        final Path path = writeTwoMessagesAndABatch(stateDir);
        final long wholeLength = Files.size(path);
        truncate(path, wholeLength - 5);
        try (ItchJournal journal = ItchJournal.open(stateDir, SESSION))
        {
            assertEquals(3, journal.restoredCount());
            assertEquals(7, journal.restoredCapturePosition());
            assertEquals(wholeLength - 34, Files.size(path), "truncated to the last whole record");
        }
    }

    @Test
    void dropsABatchMissingSomeOfItsMessages(@TempDir final Path stateDir) throws IOException
    {
        final Path path = writeTwoMessagesAndABatch(stateDir);
        // Cut inside the batch's second message: the whole batch goes, position and first message included.
        truncate(path, ItchJournal.FILE_HEADER_LENGTH + 42 + 11 + 39 + 10);
        try (ItchJournal journal = ItchJournal.open(stateDir, SESSION))
        {
            assertEquals(1, journal.restoredCount());
            assertEquals(0, journal.restoredCapturePosition());
            assertEquals("R", ExchangeTestData.types(restored(journal)));
            assertEquals(ItchJournal.FILE_HEADER_LENGTH + 42, Files.size(path));
        }
    }

    @Test
    void refusesAnotherSessionsJournal(@TempDir final Path stateDir) throws IOException
    {
        final Path path = writeTwoMessagesAndABatch(stateDir);
        Files.move(path, stateDir.resolve(ItchJournal.fileName("OTHER")));
        final IOException ex = assertThrows(IOException.class, () -> ItchJournal.open(stateDir, "OTHER"));
        assertTrue(ex.getMessage().contains("not an ITCH feed journal"), ex.getMessage());
    }

    @Test
    void namesTheFileAfterTheSessionWithUnsafeCharactersReplaced()
    {
        assertEquals("itch-CZ00000001.journal", ItchJournal.fileName("CZ00000001"));
        assertEquals("itch-A_B_C.journal", ItchJournal.fileName("A/B C   "));
    }

    @Test
    void inMemoryWritesNothing() throws IOException
    {
        try (ItchJournal journal = ItchJournal.inMemory())
        {
            journal.beginCaptureBatch();
            journal.append(message('A', 36), 0, 36);
            journal.endCaptureBatch(1);
            assertEquals(0, journal.restoredCount());
            assertTrue(restored(journal).isEmpty());
        }
    }

    private static void truncate(final Path path, final long length) throws IOException
    {
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.WRITE))
        {
            file.truncate(length);
        }
    }
}
