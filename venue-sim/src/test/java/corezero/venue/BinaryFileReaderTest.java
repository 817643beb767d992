package corezero.venue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

class BinaryFileReaderTest
{
    /** Counts per ITCH message type in the AAPL capture, found by decoding the file's bytes by hand. */
    private static final Map<Character, Integer> AAPL_COUNTS_BY_TYPE = new TreeMap<>(Map.ofEntries(
        Map.entry('A', 4758), Map.entry('D', 4083), Map.entry('E', 849), Map.entry('F', 2), Map.entry('H', 1),
        Map.entry('L', 52), Map.entry('P', 240), Map.entry('R', 1), Map.entry('U', 7), Map.entry('X', 6),
        Map.entry('Y', 1)));

    /** Message lengths from the ITCH 5.0 specification's tables, for the types in the capture. */
    private static final Map<Character, Integer> ITCH_LENGTH_BY_TYPE = Map.ofEntries(
        Map.entry('A', 36), Map.entry('D', 19), Map.entry('E', 31), Map.entry('F', 40), Map.entry('H', 25),
        Map.entry('L', 26), Map.entry('P', 44), Map.entry('R', 39), Map.entry('U', 35), Map.entry('X', 23),
        Map.entry('Y', 20));

    @TempDir
    Path tempDir;

    @Test
    void shouldIndexEveryMessageOfTheRealCapture() throws IOException
    {
        final BinaryFileCapture capture = BinaryFileCapture.load(SharedData.aaplCapture());

        assertEquals(10_000, capture.messageCount());
        assertEquals(44, capture.maxMessageLength());
        assertFalse(capture.hasEndOfSessionRecord());
        assertEquals(307_643, capture.buffer().capacity());
    }

    @Test
    void shouldCountMessageTypesAsAnIndependentDecodeDoes() throws IOException
    {
        final Map<Character, Integer> independent = new TreeMap<>();
        try (DataInputStream in = new DataInputStream(
            new BufferedInputStream(Files.newInputStream(SharedData.aaplCapture()))))
        {
            while (true)
            {
                final int length;
                try
                {
                    length = in.readUnsignedShort();
                }
                catch (final EOFException ex)
                {
                    break;
                }
                final byte[] message = new byte[length];
                in.readFully(message);
                independent.merge((char)message[0], 1, Integer::sum);
            }
        }

        final BinaryFileCapture capture = BinaryFileCapture.load(SharedData.aaplCapture());
        final Map<Character, Integer> byReader = new TreeMap<>();
        final BinaryFileReader reader = new BinaryFileReader().wrap(capture.buffer(), 0, capture.buffer().capacity());
        while (reader.next())
        {
            final char type = (char)capture.buffer().getByte(reader.messageOffset());
            byReader.merge(type, 1, Integer::sum);
            assertEquals(ITCH_LENGTH_BY_TYPE.get(type), reader.messageLength(), "length of an ITCH '" + type + "'");
        }

        assertEquals(AAPL_COUNTS_BY_TYPE, independent);
        assertEquals(independent, byReader);
    }

    @Test
    void shouldStartWithTheAaplStockDirectoryThenTradingActionThenRegSho() throws IOException
    {
        final BinaryFileCapture capture = BinaryFileCapture.load(SharedData.aaplCapture());
        final byte[] file = Files.readAllBytes(SharedData.aaplCapture());

        assertArrayEquals(new byte[]{ 0, 39, 'R', 0, 13 }, Arrays.copyOfRange(file, 0, 5));
        assertEquals("AAPL    ", new String(file, 2 + 11, 8, StandardCharsets.US_ASCII));
        assertEquals(2, capture.messageOffset(0));
        assertEquals(39, capture.messageLength(0));

        assertEquals('H', capture.buffer().getByte(capture.messageOffset(1)));
        assertEquals(25, capture.messageLength(1));
        assertEquals('T', capture.buffer().getByte(capture.messageOffset(1) + 19), "trading state: trading");
        assertEquals('Y', capture.buffer().getByte(capture.messageOffset(2)));
        assertEquals(41 + 27 + 2, capture.messageOffset(2));

        for (int i = 0; i < capture.messageCount(); i++)
        {
            final int offset = capture.messageOffset(i);
            assertEquals(13, capture.buffer().getShort(offset + 1, ByteOrder.BIG_ENDIAN), "stock locate");
        }
    }

    @Test
    void shouldNameTheOffsetWhenAMessageRunsPastTheEnd()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[]{ 0, 3, 'a', 'b', 'c', 0, 10, 'x', 'y', 'z', 'w' });
        final BinaryFileReader reader = new BinaryFileReader().wrap(buffer, 0, buffer.capacity());

        assertTrue(reader.next());
        final BinaryFileFormatException ex = assertThrows(BinaryFileFormatException.class, reader::next);

        assertEquals(5, ex.offset());
        assertTrue(ex.getMessage().contains("offset 5"), ex.getMessage());
        assertTrue(ex.getMessage().contains("message length 10"), ex.getMessage());
    }

    @Test
    void shouldNameTheOffsetWhenTheLengthFieldIsCut()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[]{ 0, 1, 'a', 0 });
        final BinaryFileReader reader = new BinaryFileReader().wrap(buffer, 0, buffer.capacity());

        assertTrue(reader.next());
        final BinaryFileFormatException ex = assertThrows(BinaryFileFormatException.class, reader::next);

        assertEquals(3, ex.offset());
        assertTrue(ex.getMessage().contains("offset 3"), ex.getMessage());
    }

    @Test
    void shouldStopAtTheEndOfSessionRecord()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[]{ 0, 2, 'a', 'b', 0, 0 });
        final BinaryFileCapture capture = BinaryFileCapture.index("marked", buffer, buffer.capacity());

        assertEquals(1, capture.messageCount());
        assertTrue(capture.hasEndOfSessionRecord());
        assertEquals(2, capture.messageLength(0));
    }

    @Test
    void shouldRejectDataAfterTheEndOfSessionRecord()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[]{ 0, 1, 'a', 0, 0, 0, 1, 'b' });

        final BinaryFileFormatException ex = assertThrows(
            BinaryFileFormatException.class, () -> BinaryFileCapture.index("trailing", buffer, buffer.capacity()));

        assertEquals(5, ex.offset());
    }

    @Test
    void shouldNameTheFileAndOffsetWhenACaptureFileIsCut() throws IOException
    {
        final byte[] real = Files.readAllBytes(SharedData.aaplCapture());
        final Path cut = tempDir.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(real, 41 + 27 + 10));

        final BinaryFileFormatException ex = assertThrows(
            BinaryFileFormatException.class, () -> BinaryFileCapture.load(cut));

        assertEquals(68, ex.offset());
        assertTrue(ex.getMessage().contains(cut.toString()), ex.getMessage());
        assertTrue(ex.getMessage().contains("offset 68"), ex.getMessage());
    }

    @Test
    void shouldReadAnEmptyFileAsNoMessages() throws IOException
    {
        final Path empty = Files.createFile(tempDir.resolve("empty.bin"));

        final BinaryFileCapture capture = BinaryFileCapture.load(empty);

        assertEquals(0, capture.messageCount());
        assertFalse(capture.hasEndOfSessionRecord());
    }
}
