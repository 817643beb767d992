package corezero.venue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

@Timeout(60)
class VenueSimMainTest
{
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void shouldExitWith2NamingTheBadArgumentAndItsForm()
    {
        final String itch = SharedData.aaplCapture().toString();

        assertBadArgument(new String[]{}, "--itch", "PATH");
        assertBadArgument(new String[]{ "--itch" }, "--itch", "PATH");
        assertBadArgument(new String[]{ "--itch", itch, "--rate", "fast" }, "--rate", "messages per second");
        assertBadArgument(new String[]{ "--itch", itch, "--rate", "0" }, "--rate", "1..");
        assertBadArgument(new String[]{ "--itch", itch, "--feed", "localhost" }, "--feed", "HOST:PORT");
        assertBadArgument(new String[]{ "--itch", itch, "--feed", "127.0.0.1:99999" }, "--feed", "1..65535");
        assertBadArgument(new String[]{ "--itch", itch, "--rerequest-port", "-1" }, "--rerequest-port", "0..65535");
        assertBadArgument(new String[]{ "--itch", itch, "--session", "CZ000000001" }, "--session", "1 to 10");
        assertBadArgument(new String[]{ "--itch", itch, "--heartbeat-ms", "0" }, "--heartbeat-ms", "milliseconds");
        assertBadArgument(new String[]{ "--itch", itch, "--bogus" }, "--bogus", "usage");
        assertBadArgument(new String[]{ "--itch", "/nonexistent/x.bin" }, "--itch", "no such file");
        assertBadArgument(new String[]{ "--itch", itch, "--max-packet-bytes", "65" }, "--max-packet-bytes", "66");
    }

    @Test
    void shouldParseDefaults()
    {
        final VenueSimConfig config = VenueSimConfig.parse("--itch", "x.bin");

        assertEquals("127.0.0.1", config.feedAddress().getAddress().getHostAddress());
        assertEquals(31_001, config.feedAddress().getPort());
        assertEquals(31_002, config.rerequestPort());
        assertEquals(FeedSettings.defaults(), config.feedSettings());
        assertEquals("CZ00000001", config.feedSettings().session());
        assertEquals(10_000, config.feedSettings().messagesPerSecond());
        assertFalse(config.feedSettings().loop());
        assertTrue(VenueSimConfig.parse("--itch", "x.bin", "--loop").feedSettings().loop());
        assertTrue(VenueSimConfig.parse("--help").isHelp());
    }

    @Test
    void shouldPublishTheRealCaptureToTheEndThenReportTheCounts() throws Exception
    {
        final BinaryFileCapture capture = BinaryFileCapture.load(SharedData.aaplCapture());
        try (DatagramChannel receiver = LoopbackUdp.bind())
        {
            final AtomicReference<FeedCheck> result = new AtomicReference<>();
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final Thread receiving = new Thread(() ->
            {
                try
                {
                    result.set(new FeedCheck(capture, "TEST1").receiveAll(receiver, TimeUnit.SECONDS.toNanos(30)));
                }
                catch (final Throwable ex)
                {
                    failure.set(ex);
                }
            }, "feed-receiver");
            receiving.start();

            final int exitCode = VenueSimMain.run(new String[]{
                "--itch", SharedData.aaplCapture().toString(),
                "--feed", "127.0.0.1:" + LoopbackUdp.address(receiver).getPort(),
                "--rerequest-port", "0",
                "--session", "TEST1",
                "--rate", "50000",
                "--heartbeat-ms", "20",
                "--linger-ms", "50" }, out, err);
            receiving.join(TimeUnit.SECONDS.toMillis(30));

            assertEquals(VenueSimMain.EXIT_OK, exitCode, errBytes.toString(StandardCharsets.UTF_8));
            assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
            final String[] lines = outBytes.toString(StandardCharsets.UTF_8).split("\n");
            assertEquals(2, lines.length, outBytes.toString(StandardCharsets.UTF_8));
            assertTrue(lines[0].matches(
                "venue-sim: ITCH feed udp://127\\.0\\.0\\.1:\\d+ session TEST1, re-request udp 127\\.0\\.0\\.1:\\d+, " +
                "10000 msgs from .*itch50-aapl-20200130-10k\\.bin at 50000 msgs/s, heartbeat 20 ms"), lines[0]);
            assertTrue(lines[1].startsWith("venue-sim: stopped at the end of the session: 10000 messages in "),
                lines[1]);
            assertTrue(lines[1].contains("retransmissions answered 0 (0 messages); requests rejected 0"), lines[1]);

            assertNull(failure.get());
            assertNull(result.get().fault, result.get().fault);
            assertEquals(10_000, result.get().messages);
            assertEquals(10_001, result.get().endOfSessionSequenceNumber);
        }
    }

    private void assertBadArgument(final String[] args, final String argument, final String expectedForm)
    {
        outBytes.reset();
        errBytes.reset();

        final int exitCode = VenueSimMain.run(args, out, err);

        final String message = errBytes.toString(StandardCharsets.UTF_8);
        assertEquals(VenueSimMain.EXIT_BAD_ARGUMENTS, exitCode, String.join(" ", args));
        assertTrue(message.startsWith("venue-sim: "), message);
        final String firstLine = message.lines().findFirst().orElse("");
        assertTrue(firstLine.contains(argument), firstLine);
        assertTrue(message.contains(expectedForm), message);
        assertEquals("", outBytes.toString(StandardCharsets.UTF_8));
    }
}
