package corezero.book.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookReplayTest
{
    private static final Path CAPTURE =
        Path.of(System.getProperty("corezero.shared.dir", "../../shared"), "data", "itch50-aapl-20200130-10k.bin");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args)
    {
        return BookReplay.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheFinalAaplBookOfTheRealCapture()
    {
        assertEquals(0, run(CAPTURE.toString(), "--symbol", "AAPL", "--depth", "3"), err.toString());
        final String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        // Final top of book, also checked against an independent reference replay in ItchCaptureReplayTest.
        assertTrue(lines[0].startsWith("AAPL (locate 13)  trading T  orders 215  levels 79/63  last 320.2000"),
            lines[0]);
        assertTrue(lines[2].matches("\\s+1\\s+25\\s+320\\.1400 \\| 320\\.3000\\s+100\\s+1"), lines[2]);
        assertEquals(1 + 1 + 3 + 2, lines.length, out.toString());
        assertTrue(out.toString().contains("10000 messages: 10000 decoded, 0 unknown types, 0 bad lengths"));
        assertTrue(out.toString().contains("book rejects: none"));
    }

    @Test
    void unknownSymbolAndBadUsageAreClearErrors(@TempDir final Path dir) throws IOException
    {
        assertEquals(1, run(CAPTURE.toString(), "--symbol", "MSFT"));
        assertTrue(err.toString().contains("no Stock Directory message in"), err.toString());

        assertEquals(2, run(CAPTURE.toString()));
        assertTrue(err.toString().contains("missing --symbol S"));
        assertEquals(2, run(CAPTURE.toString(), "--symbol", "AAPL", "--depth", "0"));
        assertTrue(err.toString().contains("--depth expects a positive integer"));

        final Path cut = dir.resolve("cut.bin");
        Files.write(cut, new byte[] {0, 40, 'S', 0});
        assertEquals(1, run(cut.toString(), "--symbol", "AAPL"));
        assertTrue(err.toString().contains(cut.toString()), err.toString());
    }
}
