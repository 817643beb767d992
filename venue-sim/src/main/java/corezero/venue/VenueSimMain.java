package corezero.venue;

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
 * </pre>
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

        final BinaryFileCapture capture = config.isSynthetic() ?
            SyntheticItchGenerator.generate(config.syntheticSymbols(), config.seed(), config.syntheticMessages()) :
            loadCapture(config, err);
        if (null == capture)
        {
            return EXIT_BAD_ARGUMENTS;
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

    private static BinaryFileCapture loadCapture(final VenueSimConfig config, final PrintStream err)
    {
        final BinaryFileCapture capture;
        try
        {
            capture = BinaryFileCapture.load(config.itchPath());
        }
        catch (final NoSuchFileException ex)
        {
            err.println("venue-sim: bad value for --itch: no such file " + config.itchPath());
            return null;
        }
        catch (final IOException | BinaryFileFormatException ex)
        {
            err.println("venue-sim: bad value for --itch: expected a BinaryFILE capture, " + ex.getMessage());
            return null;
        }

        if (0 == capture.messageCount())
        {
            err.println("venue-sim: bad value for --itch: " + config.itchPath() + " holds no messages");
            return null;
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
