package corezero.venue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        assertBadArgument(new String[]{ "--itch", itch, "--max-packet-bytes", "1421" }, "--max-packet-bytes", "64..1420");
    }

    @Test
    void shouldExitWith2NamingTheBadArgumentOfTheNewModes()
    {
        final String itch = SharedData.aaplCapture().toString();

        assertBadArgument(new String[]{ "--synthetic", "aapl" }, "--synthetic", "SYMBOL[,SYMBOL...]");
        assertBadArgument(new String[]{ "--synthetic", "AAPL,,MSFT" }, "--synthetic", "1 to 8");
        assertBadArgument(new String[]{ "--synthetic", "AAPL,AAPL" }, "--synthetic", "distinct");
        assertBadArgument(new String[]{ "--synthetic" }, "--synthetic", "SYMBOL[,SYMBOL...]");
        assertBadArgument(new String[]{ "--itch", itch, "--synthetic", "AAPL" }, "--synthetic", "one source");
        assertBadArgument(new String[]{ "--itch", itch, "--seed", "3" }, "--seed", "--synthetic");
        assertBadArgument(new String[]{ "--itch", itch, "--messages", "3" }, "--messages", "--synthetic");
        assertBadArgument(new String[]{ "--synthetic", "AAPL", "--seed", "x" }, "--seed", "whole number");
        assertBadArgument(new String[]{ "--synthetic", "AAPL", "--messages", "0" }, "--messages", "1..10000000");
        assertBadArgument(new String[]{ "--synthetic", "AAPL", "--loop" }, "--loop", "order reference numbers");
        assertBadArgument(new String[]{ "--itch", itch, "--timing", "fast" }, "--timing", "rate or original");
        assertBadArgument(new String[]{ "--itch", itch, "--speed", "10" }, "--speed", "--timing original");
        assertBadArgument(new String[]{ "--itch", itch, "--max-idle-ms", "10" }, "--max-idle-ms", "--timing original");
        assertBadArgument(
            new String[]{ "--itch", itch, "--timing", "original", "--speed", "0" }, "--speed", "0.001..1000000");
        assertBadArgument(
            new String[]{ "--itch", itch, "--timing", "original", "--speed", "NaN" }, "--speed", "factor");
        assertBadArgument(
            new String[]{ "--itch", itch, "--timing", "original", "--max-idle-ms", "-1" }, "--max-idle-ms", "0..");
        assertBadArgument(new String[]{ "--itch", itch, "--drop-every", "0" }, "--drop-every", "1 or more");
        assertBadArgument(new String[]{ "--itch", itch, "--drop-sequence", "0" }, "--drop-sequence", "1 or more");
    }

    @Test
    void shouldParseTheNewModes()
    {
        final VenueSimConfig synthetic = VenueSimConfig.parse(
            "--synthetic", "AAPL,MSFT", "--seed", "-7", "--messages", "500", "--timing", "original", "--speed", "2.5",
            "--max-idle-ms", "200", "--drop-every", "10", "--drop-sequence", "42");

        assertTrue(synthetic.isSynthetic());
        assertNull(synthetic.itchPath());
        assertEquals(List.of("AAPL", "MSFT"), synthetic.syntheticSymbols());
        assertEquals(-7, synthetic.seed());
        assertEquals(500, synthetic.syntheticMessages());
        final FeedSettings settings = synthetic.feedSettings();
        assertEquals(FeedSettings.Timing.ORIGINAL, settings.timing());
        assertEquals(2.5, settings.speed());
        assertEquals(TimeUnit.MILLISECONDS.toNanos(200), settings.maxIdleNs());
        assertEquals(10, settings.dropEvery());
        assertEquals(42, settings.dropSequenceNumber());

        final VenueSimConfig defaults = VenueSimConfig.parse("--synthetic", "AAPL");
        assertEquals(VenueSimConfig.DEFAULT_SEED, defaults.seed());
        assertEquals(SyntheticItchGenerator.DEFAULT_ORDER_FLOW_MESSAGES, defaults.syntheticMessages());
        assertEquals(FeedSettings.Timing.RATE, defaults.feedSettings().timing());
        assertEquals(SimulatedLoss.OFF, defaults.feedSettings().dropEvery());
        assertEquals(SimulatedLoss.OFF, defaults.feedSettings().dropSequenceNumber());

        assertEquals(FeedSettings.Timing.ORIGINAL,
            VenueSimConfig.parse("--itch", "x.bin", "--rate", "5", "--timing", "original").feedSettings().timing(),
            "the launcher's --rate does not stand in the way of --timing original");
    }

    @Test
    void shouldPrintTheUsageWithEveryOption()
    {
        assertEquals(VenueSimMain.EXIT_OK, VenueSimMain.run(new String[]{ "--help" }, out, err));

        final String usage = outBytes.toString(StandardCharsets.UTF_8);
        for (final String option : new String[]{ "--itch", "--synthetic", "--seed", "--messages", "--feed",
            "--rerequest-port", "--session", "--timing", "--rate", "--speed", "--max-idle-ms", "--loop",
            "--heartbeat-ms", "--linger-ms", "--max-packet-bytes", "--drop-every", "--drop-sequence" })
        {
            assertTrue(usage.contains("  " + option + " "), option + " in\n" + usage);
        }
    }

    @Test
    void shouldPublishASyntheticSessionToTheEnd() throws Exception
    {
        final BinaryFileCapture expected = SyntheticItchGenerator.generate(List.of("AAPL", "MSFT"), 7, 3_000);
        try (DatagramChannel receiver = LoopbackUdp.bind())
        {
            final AtomicReference<FeedCheck> result = new AtomicReference<>();
            final Thread receiving = new Thread(() ->
            {
                try
                {
                    result.set(new FeedCheck(expected, "SYN1").receiveAll(receiver, TimeUnit.SECONDS.toNanos(30)));
                }
                catch (final Exception ex)
                {
                    throw new IllegalStateException(ex);
                }
            }, "feed-receiver");
            receiving.start();

            final int exitCode = VenueSimMain.run(new String[]{
                "--synthetic", "AAPL,MSFT", "--seed", "7", "--messages", "3000",
                "--feed", "127.0.0.1:" + LoopbackUdp.address(receiver).getPort(),
                "--rerequest-port", "0",
                "--session", "SYN1",
                "--rate", "50000",
                "--heartbeat-ms", "20",
                "--linger-ms", "50" }, out, err);
            receiving.join(TimeUnit.SECONDS.toMillis(30));

            assertEquals(VenueSimMain.EXIT_OK, exitCode, errBytes.toString(StandardCharsets.UTF_8));
            final String[] lines = outBytes.toString(StandardCharsets.UTF_8).split("\n");
            assertTrue(lines[0].matches(
                "venue-sim: ITCH feed udp://127\\.0\\.0\\.1:\\d+ session SYN1, re-request udp 127\\.0\\.0\\.1:\\d+, " +
                "3008 msgs from synthetic AAPL,MSFT seed 7 at 50000 msgs/s, heartbeat 20 ms"), lines[0]);
            assertTrue(lines[1].startsWith("venue-sim: stopped at the end of the session: 3008 messages in "), lines[1]);
            assertNull(result.get().fault, result.get().fault);
            assertEquals(3_008, result.get().messages, "the same seed made the same session in the test");
        }
    }

    @Test
    void shouldReportSimulatedLossInTheReadyAndStopLines() throws Exception
    {
        try (DatagramChannel receiver = LoopbackUdp.bind())
        {
            final int exitCode = VenueSimMain.run(new String[]{
                "--synthetic", "AAPL", "--messages", "2000",
                "--feed", "127.0.0.1:" + LoopbackUdp.address(receiver).getPort(),
                "--rerequest-port", "0",
                "--timing", "original", "--speed", "100", "--max-idle-ms", "5",
                "--drop-every", "5", "--drop-sequence", "3",
                "--heartbeat-ms", "20",
                "--linger-ms", "0" }, out, err);

            assertEquals(VenueSimMain.EXIT_OK, exitCode, errBytes.toString(StandardCharsets.UTF_8));
            final String[] lines = outBytes.toString(StandardCharsets.UTF_8).split("\n");
            assertTrue(lines[0].endsWith("2007 msgs from synthetic AAPL seed 1 at the capture's timing x100 " +
                "(gaps capped at 5 ms), heartbeat 20 ms, dropping every 5th packet, " +
                "dropping the packet with sequence number 3 once"), lines[0]);
            assertTrue(lines[1].matches("venue-sim: stopped at the end of the session: 2007 messages in \\d+ packets, " +
                "[1-9]\\d* packets \\([1-9]\\d* messages\\) dropped on purpose, .*"), lines[1]);
        }
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

    @Test
    void shouldWarnOfADropSequenceNumberPastTheLastMessage() throws Exception
    {
        try (DatagramChannel receiver = LoopbackUdp.bind())
        {
            final int exitCode = VenueSimMain.run(new String[]{
                "--synthetic", "AAPL", "--messages", "1", "--drop-sequence", "9",
                "--feed", "127.0.0.1:" + LoopbackUdp.address(receiver).getPort(),
                "--rerequest-port", "0", "--linger-ms", "0" }, out, err);

            assertEquals(VenueSimMain.EXIT_OK, exitCode);
            assertEquals("venue-sim: warning: --drop-sequence 9 is past the last message (8); no packet will be " +
                "dropped for it\n", errBytes.toString(StandardCharsets.UTF_8));
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
