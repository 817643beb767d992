package corezero.venue;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.SystemNanoClock;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Command line entry of the venue simulator's ITCH feed: publishes a BinaryFILE capture, or a synthetic session, as
 * MoldUDP64 over UDP and answers re-requests, until the end of the messages (plus the end-of-session linger) or
 * SIGINT/SIGTERM.
 * <pre>
 * venue-sim (--itch PATH | --synthetic SYMBOL[,SYMBOL...] [--seed N] [--messages N])
 *           [--feed HOST:PORT] [--rerequest-port N] [--session NAME]
 *           [--timing rate|original] [--rate MSGS_PER_SEC] [--speed FACTOR] [--max-idle-ms N]
 *           [--loop] [--heartbeat-ms N] [--linger-ms N] [--max-packet-bytes N]
 *           [--drop-every N] [--drop-sequence S]
 *           [--ouch HOST:PORT [--ouch-session NAME] [--ouch-user USER] [--ouch-password PASSWORD]
 *            [--ouch-latency-us N] [--reject-every N] [--disconnect-after N] [--ouch-silent]
 *            [--state-dir DIR] [--flow-rate EVENTS_PER_SEC] [--flow-max-orders N] [--spin-us N]]
 * </pre>
 * With {@code --ouch} it runs the exchange mode ({@link Exchange}): an OUCH 5.0 port over SoupBinTCP, a price-time
 * matching engine that the capture's orders (and an optional background flow) go through, and a feed that carries
 * what the engine does; it runs until SIGINT/SIGTERM. {@link #start(String...)} starts the same in-process.
 * Every option is described in {@link VenueSimConfig#USAGE}.
 * Exit codes: 0 done, 1 cannot open the sockets, 2 bad arguments (including an unreadable or malformed capture).
 * Agrona's buffers need {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} on the java command line
 * (the root pom's {@code corezero.jvm.args}).
 */
public final class VenueSimMain
{
    /** Exit code after a clean stop. */
    public static final int EXIT_OK = 0;

    /** Exit code when the sockets cannot be opened. */
    public static final int EXIT_FAILURE = 1;

    /** Exit code for a bad command line. */
    public static final int EXIT_BAD_ARGUMENTS = 2;

    private VenueSimMain()
    {
    }

    /**
     * @param args see {@link VenueSimConfig#USAGE}.
     */
    public static void main(final String[] args)
    {
        final int exitCode = run(args, System.out, System.err);
        if (EXIT_OK != exitCode)
        {
            System.exit(exitCode);
        }
    }

    /**
     * Run the simulator until the end of the session or a signal.
     *
     * @param args see {@link VenueSimConfig#USAGE}.
     * @param out  for the ready line and the final counts.
     * @param err  for warnings and errors.
     * @return the exit code.
     */
    public static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        final VenueSimConfig config;
        try
        {
            config = VenueSimConfig.parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            err.println("venue-sim: " + ex.getMessage());
            err.println(VenueSimConfig.USAGE);
            return EXIT_BAD_ARGUMENTS;
        }

        if (config.isHelp())
        {
            out.println(VenueSimConfig.USAGE);
            return EXIT_OK;
        }

        final BinaryFileCapture capture;
        try
        {
            capture = capture(config);
        }
        catch (final IllegalArgumentException ex)
        {
            err.println("venue-sim: " + ex.getMessage());
            return EXIT_BAD_ARGUMENTS;
        }

        if (config.isExchange())
        {
            return runExchange(config, capture, out, err);
        }

        final FeedSettings settings = config.feedSettings();
        if (SimulatedLoss.OFF != settings.dropSequenceNumber() && !settings.loop() &&
            settings.dropSequenceNumber() > capture.messageCount())
        {
            err.println("venue-sim: warning: --drop-sequence " + settings.dropSequenceNumber() + " is past the last " +
                "message (" + capture.messageCount() + "); no packet will be dropped for it");
        }
        final int longestBlock = capture.maxMessageLength() + MoldUdp64Descriptor.MESSAGE_LENGTH_FIELD_LENGTH;
        if (MoldUdp64Descriptor.HEADER_LENGTH + longestBlock > settings.maxPacketLength())
        {
            err.println("venue-sim: bad value for --max-packet-bytes: expected at least " +
                (MoldUdp64Descriptor.HEADER_LENGTH + longestBlock) + " to carry the longest message of " +
                capture.name() + ", got " + settings.maxPacketLength());
            return EXIT_BAD_ARGUMENTS;
        }

        final VenueSim sim;
        try
        {
            sim = new VenueSim(
                capture,
                settings,
                config.feedAddress(),
                config.rerequestPort(),
                new SystemNanoClock(),
                (throwable) -> err.println("venue-sim: error in the feed duty cycle: " + throwable));
        }
        catch (final IOException ex)
        {
            err.println("venue-sim: " + ex.getMessage());
            return EXIT_FAILURE;
        }

        return runUntilStopped(sim, capture, settings, out, err);
    }

    private static int runUntilStopped(
        final VenueSim sim,
        final BinaryFileCapture capture,
        final FeedSettings settings,
        final PrintStream out,
        final PrintStream err)
    {
        final AtomicBoolean isReported = new AtomicBoolean();
        final Thread shutdownHook = new Thread(
            () ->
            {
                sim.close();
                report(sim, isReported, out);
            },
            "venue-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        if (!sim.feedAddress().getAddress().isLoopbackAddress())
        {
            err.println("venue-sim: warning: feed target " + udp(sim.feedAddress()) +
                " is not a loopback address; packets will leave this host and re-requests are accepted on " +
                udp(sim.rerequestAddress()));
        }

        out.println("venue-sim: ITCH feed udp://" + udp(sim.feedAddress()) + " session " + settings.session() +
            ", re-request udp " + udp(sim.rerequestAddress()) + ", " + capture.messageCount() + " msgs from " +
            capture.name() + " " + settings.describePace() + ", heartbeat " +
            TimeUnit.NANOSECONDS.toMillis(settings.heartbeatIntervalNs()) + " ms" +
            (settings.loop() ? ", looping" : "") + settings.describeLoss());
        out.flush();

        sim.start();
        try
        {
            sim.awaitTermination();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        sim.close();

        try
        {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (final IllegalStateException ex)
        {
            // The JVM is shutting down on a signal: the hook closes the simulator and reports.
            return EXIT_OK;
        }

        report(sim, isReported, out);

        return EXIT_OK;
    }

    /**
     * Start an exchange-mode venue in this process, on a thread of its own, with the same command line as
     * {@link #main(String[])} (which must include {@code --ouch HOST:PORT}; port 0 picks a free port, as
     * {@code --rerequest-port 0} does). Errors of the duty cycle go to System.err.
     *
     * @param args see {@link VenueSimConfig#USAGE}.
     * @return the running exchange: {@link Exchange#ouchAddress()}, {@link Exchange#rerequestAddress()},
     * {@link Exchange#wireLatencyHistogram()}, {@link Exchange#close()}.
     * @throws IllegalArgumentException for a bad command line or capture, naming what is wrong.
     * @throws IOException              if the sockets or the state directory cannot be used.
     */
    public static Exchange start(final String... args) throws IOException
    {
        final VenueSimConfig config = VenueSimConfig.parse(args);
        if (!config.isExchange())
        {
            throw new IllegalArgumentException("missing argument --ouch: start() runs the exchange mode, expected " +
                "--ouch HOST:PORT");
        }

        final Exchange exchange = newExchange(
            config, capture(config), (throwable) -> System.err.println(
                "venue-sim: error in the exchange duty cycle: " + throwable));
        exchange.start();

        return exchange;
    }

    private static Exchange newExchange(
        final VenueSimConfig config, final BinaryFileCapture capture, final ErrorHandler errorHandler)
        throws IOException
    {
        final FeedSettings settings = config.feedSettings();
        final int longestBlock = capture.maxMessageLength() + MoldUdp64Descriptor.MESSAGE_LENGTH_FIELD_LENGTH;
        if (MoldUdp64Descriptor.HEADER_LENGTH + Math.max(longestBlock, 2 + ItchOrderDescriptor.ADD_ORDER_LENGTH) >
            settings.maxPacketLength())
        {
            throw new IllegalArgumentException("bad value for --max-packet-bytes: expected at least " +
                (MoldUdp64Descriptor.HEADER_LENGTH + Math.max(longestBlock, 2 + ItchOrderDescriptor.ADD_ORDER_LENGTH)) +
                " to carry the longest message of " + capture.name() + ", got " + settings.maxPacketLength());
        }

        return new Exchange(capture, settings, config.feedAddress(), config.rerequestPort(), config.ouchSettings(),
            new SystemNanoClock(), System.currentTimeMillis(), errorHandler);
    }

    private static int runExchange(
        final VenueSimConfig config, final BinaryFileCapture capture, final PrintStream out, final PrintStream err)
    {
        final Exchange exchange;
        try
        {
            exchange = newExchange(config, capture,
                (throwable) -> err.println("venue-sim: error in the exchange duty cycle: " + throwable));
        }
        catch (final IllegalArgumentException ex)
        {
            err.println("venue-sim: " + ex.getMessage());
            return EXIT_BAD_ARGUMENTS;
        }
        catch (final IOException ex)
        {
            err.println("venue-sim: " + ex.getMessage());
            return EXIT_FAILURE;
        }

        final AtomicBoolean isReported = new AtomicBoolean();
        final Thread shutdownHook = new Thread(
            () ->
            {
                exchange.close();
                reportExchange(exchange, isReported, out);
            },
            "venue-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        final FeedSettings settings = config.feedSettings();
        final OuchSettings ouch = config.ouchSettings();
        out.println("venue-sim: exchange OUCH tcp://" + udp(exchange.ouchAddress()) + " session " + ouch.session() +
            " user " + ouch.username() + describeRestored(exchange) +
            ", ITCH feed udp://" + udp(exchange.feedAddress()) + " session " + settings.session() +
            ", re-request udp " + udp(exchange.rerequestAddress()) + ", " + capture.messageCount() + " msgs from " +
            capture.name() + " through the matching engine " + settings.describePace() + ", heartbeat " +
            TimeUnit.NANOSECONDS.toMillis(settings.heartbeatIntervalNs()) + " ms" + settings.describeLoss() +
            describeExchange(ouch));
        out.flush();

        exchange.start();
        try
        {
            exchange.awaitTermination();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        exchange.close();

        try
        {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (final IllegalStateException ex)
        {
            return EXIT_OK;
        }

        reportExchange(exchange, isReported, out);

        return EXIT_OK;
    }

    private static String describeRestored(final Exchange exchange)
    {
        if (0 == exchange.restoredOuchMessages() && 0 == exchange.restoredFeedMessages())
        {
            return "";
        }

        return " (" + exchange.restoredOuchMessages() + " sequenced OUCH messages and " +
            exchange.restoredFeedMessages() + " feed messages, capture position " +
            exchange.restoredCapturePosition() + ", reloaded from " + exchange.settings().stateDir() + ")";
    }

    private static String describeExchange(final OuchSettings ouch)
    {
        String text = "";
        if (ouch.flowEventsPerSecond() > 0)
        {
            text += ", background flow " + ouch.flowEventsPerSecond() + " events/s (seed " + ouch.flowSeed() +
                ", at most " + ouch.maxFlowOrders() + " resting)";
        }
        if (ouch.latencyNs() > 0)
        {
            text += ", OUCH latency " + TimeUnit.NANOSECONDS.toMicros(ouch.latencyNs()) + " us";
        }
        if (ouch.rejectEvery() > 0)
        {
            text += ", rejecting every " + ouch.rejectEvery() + ordinal(ouch.rejectEvery()) + " order";
        }
        if (ouch.disconnectAfter() > 0)
        {
            text += ", disconnecting after inbound message " + ouch.disconnectAfter() + " once";
        }
        if (ouch.isSilent())
        {
            text += ", no OUCH heartbeats";
        }
        if (null != ouch.stateDir())
        {
            text += ", state in " + ouch.stateDir();
        }

        return text;
    }

    private static String ordinal(final long n)
    {
        final long lastTwo = n % 100;
        final long last = n % 10;
        return lastTwo >= 11 && lastTwo <= 13 ? "th" : 1 == last ? "st" : 2 == last ? "nd" : 3 == last ? "rd" : "th";
    }

    private static void reportExchange(final Exchange exchange, final AtomicBoolean isReported, final PrintStream out)
    {
        if (isReported.compareAndSet(false, true))
        {
            out.println("venue-sim: stopped by a shutdown signal: " + exchange.counters().summary());
            out.println("venue-sim: " + exchange.counters().exchangeSummary());
            out.println("venue-sim: " + exchange.wireLatencySummary());
            out.flush();
        }
    }

    private static BinaryFileCapture capture(final VenueSimConfig config)
    {
        return config.isSynthetic() ?
            SyntheticItchGenerator.generate(config.syntheticSymbols(), config.seed(), config.syntheticMessages()) :
            loadCapture(config);
    }

    private static BinaryFileCapture loadCapture(final VenueSimConfig config)
    {
        final BinaryFileCapture capture;
        try
        {
            capture = BinaryFileCapture.load(config.itchPath());
        }
        catch (final NoSuchFileException ex)
        {
            throw new IllegalArgumentException("bad value for --itch: no such file " + config.itchPath(), ex);
        }
        catch (final IOException | BinaryFileFormatException ex)
        {
            throw new IllegalArgumentException(
                "bad value for --itch: expected a BinaryFILE capture, " + ex.getMessage(), ex);
        }

        if (0 == capture.messageCount())
        {
            throw new IllegalArgumentException("bad value for --itch: " + config.itchPath() + " holds no messages");
        }

        return capture;
    }

    private static void report(final VenueSim sim, final AtomicBoolean isReported, final PrintStream out)
    {
        if (isReported.compareAndSet(false, true))
        {
            final String why = sim.isComplete() ? "at the end of the session" : "by a shutdown signal";
            out.println("venue-sim: stopped " + why + ": " + sim.counters().summary());
            out.flush();
        }
    }

    private static String udp(final InetSocketAddress address)
    {
        final String host = address.getAddress().getHostAddress();

        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
