package corezero.venue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The venue simulator's command line, parsed and checked. A bad argument is an {@link IllegalArgumentException}
 * whose message names the argument, the expected form and what was given.
 */
public final class VenueSimConfig
{
    /** Default feed target. */
    public static final String DEFAULT_FEED = "127.0.0.1:31001";

    /** Default re-request port. */
    public static final int DEFAULT_REREQUEST_PORT = 31002;

    /** Smallest --max-packet-bytes: a header and one block of up to 42 bytes. */
    static final int MIN_PACKET_LENGTH = 64;

    private static final int MAX_PACKET_LENGTH = MoldUdp64Descriptor.MAX_UDP_PAYLOAD_LENGTH;

    /** The command line forms, for the usage message. */
    public static final String USAGE =
        "usage: venue-sim --itch PATH [--feed HOST:PORT] [--rerequest-port N] [--session NAME]\n" +
        "                 [--rate MSGS_PER_SEC] [--loop] [--heartbeat-ms N] [--linger-ms N] [--max-packet-bytes N]\n" +
        "  --itch PATH            ITCH 5.0 capture in BinaryFILE framing (required)\n" +
        "  --feed HOST:PORT       UDP target of the MoldUDP64 feed (default " + DEFAULT_FEED + ")\n" +
        "  --rerequest-port N     UDP port of the re-request server, 0 for any free port (default " +
        DEFAULT_REREQUEST_PORT + ")\n" +
        "  --session NAME         MoldUDP64 session, 1 to 10 ASCII characters (default " +
        FeedSettings.DEFAULT_SESSION + ")\n" +
        "  --rate MSGS_PER_SEC    messages per second (default " + FeedSettings.DEFAULT_MESSAGES_PER_SECOND + ")\n" +
        "  --loop                 replay the capture without end, sequence numbers going on\n" +
        "  --heartbeat-ms N       heartbeat after N ms without a packet (default " +
        TimeUnit.NANOSECONDS.toMillis(FeedSettings.DEFAULT_HEARTBEAT_INTERVAL_NS) + ")\n" +
        "  --linger-ms N          end-of-session packets and re-requests go on N ms after the last message (default " +
        TimeUnit.NANOSECONDS.toMillis(FeedSettings.DEFAULT_END_OF_SESSION_LINGER_NS) + ")\n" +
        "  --max-packet-bytes N   largest UDP payload, MoldUDP64 header included (default " +
        FeedSettings.DEFAULT_MAX_PACKET_LENGTH + ")";

    private final Path itchPath;
    private final InetSocketAddress feedAddress;
    private final int rerequestPort;
    private final FeedSettings feedSettings;
    private final boolean isHelp;

    private VenueSimConfig(
        final Path itchPath,
        final InetSocketAddress feedAddress,
        final int rerequestPort,
        final FeedSettings feedSettings,
        final boolean isHelp)
    {
        this.itchPath = itchPath;
        this.feedAddress = feedAddress;
        this.rerequestPort = rerequestPort;
        this.feedSettings = feedSettings;
        this.isHelp = isHelp;
    }

    /**
     * Parse the command line.
     *
     * @param args as given to main.
     * @return the configuration.
     * @throws IllegalArgumentException naming the bad argument and its expected form.
     */
    public static VenueSimConfig parse(final String... args)
    {
        Path itchPath = null;
        InetSocketAddress feedAddress = null;
        int rerequestPort = DEFAULT_REREQUEST_PORT;
        String session = FeedSettings.DEFAULT_SESSION;
        long messagesPerSecond = FeedSettings.DEFAULT_MESSAGES_PER_SECOND;
        boolean loop = false;
        long heartbeatIntervalNs = FeedSettings.DEFAULT_HEARTBEAT_INTERVAL_NS;
        long lingerNs = FeedSettings.DEFAULT_END_OF_SESSION_LINGER_NS;
        int maxPacketLength = FeedSettings.DEFAULT_MAX_PACKET_LENGTH;

        for (int i = 0; i < args.length; i++)
        {
            final String name = args[i];
            switch (name)
            {
                case "--help":
                case "-h":
                    return new VenueSimConfig(null, null, 0, FeedSettings.defaults(), true);

                case "--loop":
                    loop = true;
                    break;

                case "--itch":
                    itchPath = path(name, value(args, i++));
                    break;

                case "--feed":
                    feedAddress = hostAndPort(name, value(args, i++));
                    break;

                case "--rerequest-port":
                    rerequestPort = (int)number(name, value(args, i++), 0, 65_535, "a UDP port number 0..65535");
                    break;

                case "--session":
                    session = session(name, value(args, i++));
                    break;

                case "--rate":
                    messagesPerSecond = number(name, value(args, i++), 1, MessagePacer.MAX_MESSAGES_PER_SECOND,
                        "messages per second, a whole number 1.." + MessagePacer.MAX_MESSAGES_PER_SECOND);
                    break;

                case "--heartbeat-ms":
                    heartbeatIntervalNs = TimeUnit.MILLISECONDS.toNanos(number(
                        name, value(args, i++), 1, 3_600_000, "milliseconds, a whole number 1..3600000"));
                    break;

                case "--linger-ms":
                    lingerNs = TimeUnit.MILLISECONDS.toNanos(number(
                        name, value(args, i++), 0, 3_600_000, "milliseconds, a whole number 0..3600000"));
                    break;

                case "--max-packet-bytes":
                    maxPacketLength = (int)number(
                        name, value(args, i++), MIN_PACKET_LENGTH, MAX_PACKET_LENGTH,
                        "bytes, a whole number " + MIN_PACKET_LENGTH + ".." + MAX_PACKET_LENGTH);
                    break;

                default:
                    throw new IllegalArgumentException("unknown argument " + quote(name) + "; see the usage below");
            }
        }

        if (null == itchPath)
        {
            throw new IllegalArgumentException("missing argument --itch: expected --itch PATH of a BinaryFILE capture");
        }

        return new VenueSimConfig(
            itchPath,
            null != feedAddress ? feedAddress : hostAndPort("--feed", DEFAULT_FEED),
            rerequestPort,
            new FeedSettings(session, messagesPerSecond, heartbeatIntervalNs, lingerNs, loop, maxPacketLength),
            false);
    }

    /**
     * @return path of the ITCH capture.
     */
    public Path itchPath()
    {
        return itchPath;
    }

    /**
     * @return where the feed goes.
     */
    public InetSocketAddress feedAddress()
    {
        return feedAddress;
    }

    /**
     * @return UDP port of the re-request server, 0 for an ephemeral one.
     */
    public int rerequestPort()
    {
        return rerequestPort;
    }

    /**
     * @return session, pace, heartbeats, linger, loop and packet size.
     */
    public FeedSettings feedSettings()
    {
        return feedSettings;
    }

    /**
     * @return true if only the usage was asked for.
     */
    public boolean isHelp()
    {
        return isHelp;
    }

    private static String value(final String[] args, final int nameIndex)
    {
        final String name = args[nameIndex];
        if (nameIndex + 1 >= args.length || args[nameIndex + 1].startsWith("--"))
        {
            throw new IllegalArgumentException("missing value for " + name + ": expected " + name + " " + form(name));
        }

        return args[nameIndex + 1];
    }

    private static Path path(final String name, final String text)
    {
        try
        {
            return Path.of(text);
        }
        catch (final InvalidPathException ex)
        {
            throw new IllegalArgumentException(
                "bad value for " + name + ": expected a file path, got " + quote(text), ex);
        }
    }

    private static String form(final String name)
    {
        switch (name)
        {
            case "--itch":
                return "PATH";
            case "--feed":
                return "HOST:PORT";
            case "--session":
                return "NAME";
            case "--rate":
                return "MSGS_PER_SEC";
            default:
                return "N";
        }
    }

    private static long number(
        final String name, final String text, final long min, final long max, final String expected)
    {
        final long value;
        try
        {
            value = Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(
                "bad value for " + name + ": expected " + expected + ", got " + quote(text), ex);
        }

        if (value < min || value > max)
        {
            throw new IllegalArgumentException("bad value for " + name + ": expected " + expected + ", got " + value);
        }

        return value;
    }

    private static String session(final String name, final String text)
    {
        try
        {
            MoldUdp64Descriptor.sessionBytes(text);
            return text;
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(
                "bad value for " + name + ": expected 1 to 10 printable ASCII characters, got " + quote(text), ex);
        }
    }

    private static InetSocketAddress hostAndPort(final String name, final String text)
    {
        final String expected = "expected HOST:PORT, e.g. 127.0.0.1:31001 or [::1]:31001";
        final int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1)
        {
            throw new IllegalArgumentException("bad value for " + name + ": " + expected + ", got " + quote(text));
        }

        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]"))
        {
            host = host.substring(1, host.length() - 1);
        }
        else if (host.indexOf(':') >= 0)
        {
            throw new IllegalArgumentException(
                "bad value for " + name + ": " + expected + " (IPv6 in brackets), got " + quote(text));
        }

        final int port = (int)number(name, text.substring(colon + 1), 1, 65_535, "a port 1..65535 in HOST:PORT");
        try
        {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException(
                "bad value for " + name + ": unknown host " + quote(host) + " in " + quote(text), ex);
        }
    }

    private static String quote(final String text)
    {
        return "\"" + text + "\"";
    }
}
