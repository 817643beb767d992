package corezero.venue;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exchange mode's command line and its in-process start, with the wire-to-wire latency hook.
 */
class VenueSimExchangeMainTest
{
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void exitsWith2NamingTheBadExchangeArgument()
    {
        final String itch = "--itch";
        final String path = "x.bin";
        assertBad(new String[]{ itch, path, "--ouch-silent" }, "--ouch-silent", "--ouch HOST:PORT --ouch-silent");
        assertBad(
            new String[]{ itch, path, "--state-dir", "/tmp/x" }, "--state-dir", "--ouch HOST:PORT --state-dir DIR");
        assertBad(new String[]{ itch, path, "--ouch", "nowhere" }, "--ouch", "HOST:PORT");
        assertBad(new String[]{ itch, path, "--ouch", "127.0.0.1:0", "--ouch-session", "TOO-LONG-NAME" },
            "--ouch-session", "1 to 10 ASCII letters and digits");
        assertBad(new String[]{ itch, path, "--ouch", "127.0.0.1:0", "--ouch-user", "toolonguser" },
            "--ouch-user", "1 to 6 ASCII letters and digits");
        assertBad(new String[]{ itch, path, "--ouch", "127.0.0.1:0", "--ouch-latency-us", "-1" },
            "--ouch-latency-us", "microseconds");
        assertBad(new String[]{ itch, path, "--ouch", "127.0.0.1:0", "--reject-every", "0" },
            "--reject-every", "1 or more");
        assertBad(new String[]{ itch, path, "--ouch", "127.0.0.1:0", "--disconnect-after", "x" },
            "--disconnect-after", "1 or more");
        assertBad(new String[]{ itch, path, "--ouch", "127.0.0.1:0", "--flow-rate", "fast" },
            "--flow-rate", "events per second");
        assertBad(new String[]{ itch, path, "--ouch", "127.0.0.1:0", "--loop" }, "--loop", "expected one of them");
    }

    @Test
    void parsesTheExchangeOptions()
    {
        final VenueSimConfig config = VenueSimConfig.parse("--synthetic", "AAPL", "--seed", "9", "--ouch",
            "127.0.0.1:0", "--ouch-session", "S1", "--ouch-user", "u", "--ouch-password", "p", "--ouch-latency-us",
            "250", "--reject-every", "3", "--disconnect-after", "4", "--ouch-silent", "--state-dir", "st",
            "--flow-rate", "500", "--flow-max-orders", "20", "--spin-us", "50");
        final OuchSettings settings = config.ouchSettings();
        assertTrue(config.isExchange());
        assertEquals(0, settings.address().getPort());
        assertEquals("S1", settings.session());
        assertEquals(250_000, settings.latencyNs());
        assertEquals(3, settings.rejectEvery());
        assertEquals(4, settings.disconnectAfter());
        assertTrue(settings.isSilent());
        assertEquals("st", settings.stateDir().toString());
        assertEquals(500, settings.flowEventsPerSecond());
        assertEquals(9, settings.flowSeed());
        assertEquals(20, settings.maxFlowOrders());
        assertTrue(settings.isFlowFromStart());
        assertEquals(50_000, settings.spinNs());

        final VenueSimConfig defaults = VenueSimConfig.parse("--itch", "x.bin", "--ouch", "127.0.0.1:31003",
            "--flow-rate", "10", "--seed", "5");
        assertEquals(OuchSettings.DEFAULT_SESSION, defaults.ouchSettings().session());
        assertEquals("demo", defaults.ouchSettings().username());
        assertEquals(5, defaults.ouchSettings().flowSeed());
        assertTrue(!defaults.ouchSettings().isFlowFromStart());
        assertTrue(!VenueSimConfig.parse("--itch", "x.bin").isExchange());
    }

    @Test
    void printsEveryExchangeOptionInTheUsage()
    {
        assertEquals(VenueSimMain.EXIT_OK, VenueSimMain.run(new String[]{ "--help" }, out, err));
        final String usage = outBytes.toString(StandardCharsets.UTF_8);
        for (final String option : new String[]{ "--ouch", "--ouch-session", "--ouch-user", "--ouch-password",
            "--ouch-latency-us", "--reject-every", "--disconnect-after", "--ouch-silent", "--state-dir", "--flow-rate",
            "--flow-max-orders", "--spin-us" })
        {
            assertTrue(usage.contains("  " + option + " "), option + " in\n" + usage);
        }
    }

    @Test
    void exitsWith1WhenTheOuchPortIsTaken() throws IOException
    {
        try (ServerSocketChannel taken = ServerSocketChannel.open())
        {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            final int exitCode = VenueSimMain.run(new String[]{ "--synthetic", "AAPL", "--rerequest-port", "0",
                "--ouch", "127.0.0.1:" + ((InetSocketAddress)taken.getLocalAddress()).getPort() }, out, err);
            assertEquals(VenueSimMain.EXIT_FAILURE, exitCode);
            assertTrue(errBytes.toString(StandardCharsets.UTF_8).startsWith("venue-sim: cannot bind OUCH port"),
                errBytes.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void startRefusesTheReplayMode()
    {
        assertThrows(IllegalArgumentException.class, () -> VenueSimMain.start("--synthetic", "AAPL"));
    }

    /**
     * Orders named after the feed message they answer: the venue times packet sent to order read. The test also
     * times its own write to the venue's read; both are printed, not asserted.
     */
    @Test
    void timesOrdersWireToWireAgainstTheFeedPacketTheyAnswer() throws IOException
    {
        final int orders = 200;
        try (FeedReceiver feed = new FeedReceiver();
            Exchange exchange = VenueSimMain.start("--itch", SharedData.aaplCapture().toString(),
                "--feed", "127.0.0.1:" + LoopbackUdp.address(feed.channel).getPort(), "--rerequest-port", "0",
                "--rate", "20000", "--ouch", "127.0.0.1:0", "--flow-rate", "5000", "--seed", "3");
            OuchTestClient client = OuchTestClient.loggedIn(exchange, 1))
        {
            final Histogram writeToRead = new Histogram(3);
            long lastSequenceNumber = 0;
            for (int i = 1; i <= orders; i++)
            {
                // Drain what queued while the last order was answered, then answer the next packet as it comes.
                while (feed.poll())
                {
                    Thread.onSpinWait();
                }
                final long previous = Math.max(lastSequenceNumber, feed.lastPacketSequenceNumber);
                assertTrue(feed.await(() -> feed.lastPacketSequenceNumber > previous));
                lastSequenceNumber = feed.lastPacketSequenceNumber;
                final long writeNs = System.nanoTime();
                client.enter(i, 'B', 100, "AAPL", 10_000, '3', "T" + lastSequenceNumber);
                assertTrue(client.awaitMessages(2 * i), "Accepted and Canceled (IOC) of order " + i);
                writeToRead.recordValue(Math.max(0, exchange.wireLatency().lastReceiptNanoTime() - writeNs));
            }

            final Histogram wire = exchange.wireLatencyHistogram();
            assertEquals(orders, wire.getTotalCount());
            assertEquals(orders, exchange.counters().wireLatencySamples.get());
            assertTrue(feed.fault == null, feed.fault);
            System.out.println("venue-sim exchange over loopback, " + orders + " orders: " +
                "packet sent to order read us " +
                "p50 " + wire.getValueAtPercentile(50) / 1000.0 + " p99 " + wire.getValueAtPercentile(99) / 1000.0 +
                "; client write to venue read us p50 " + writeToRead.getValueAtPercentile(50) / 1000.0 + " p99 " +
                writeToRead.getValueAtPercentile(99) / 1000.0 + " max " + writeToRead.getMaxValue() / 1000.0);
            System.out.println(exchange.wireLatencySummary());
        }
    }

    private void assertBad(final String[] args, final String argument, final String expected)
    {
        outBytes.reset();
        errBytes.reset();
        final int exitCode = VenueSimMain.run(args, out, err);
        final String message = errBytes.toString(StandardCharsets.UTF_8);
        assertEquals(VenueSimMain.EXIT_BAD_ARGUMENTS, exitCode, String.join(" ", args));
        final String firstLine = message.lines().findFirst().orElse("");
        assertTrue(firstLine.startsWith("venue-sim: ") && firstLine.contains(argument), firstLine);
        assertTrue(message.contains(expected), message);
    }
}
