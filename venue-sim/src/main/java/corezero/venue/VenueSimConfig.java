package corezero.venue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

    private static final int MAX_PACKET_LENGTH = FeedSettings.MAX_PACKET_LENGTH;

    /** Default seed of a synthetic session. */
    public static final long DEFAULT_SEED = 1;

    /** The command line forms, for the usage message. */
    public static final String USAGE =
        "usage: venue-sim (--itch PATH | --synthetic SYMBOL[,SYMBOL...] [--seed N] [--messages N])\n" +
        "                 [--feed HOST:PORT] [--rerequest-port N] [--session NAME]\n" +
        "                 [--timing rate|original] [--rate MSGS_PER_SEC] [--speed FACTOR] [--max-idle-ms N]\n" +
        "                 [--loop] [--heartbeat-ms N] [--linger-ms N] [--max-packet-bytes N]\n" +
        "                 [--drop-every N] [--drop-sequence S]\n" +
        "                 [--ouch HOST:PORT [--ouch-session NAME] [--ouch-user USER] [--ouch-password PASSWORD]\n" +
        "                  [--ouch-latency-us N] [--reject-every N] [--disconnect-after N] [--ouch-silent]\n" +
        "                  [--state-dir DIR] [--flow-rate EVENTS_PER_SEC] [--flow-max-orders N] [--spin-us N]]\n" +
        "  --itch PATH            ITCH 5.0 capture in BinaryFILE framing to publish\n" +
        "  --synthetic SYMBOLS    publish a synthetic session instead: a stock directory per symbol, then a random\n" +
        "                         but valid order flow (A F E C X D U P) that never crosses a book\n" +
        "  --seed N               seed of the synthetic session and of the background flow; the same seed gives the\n" +
        "                         same messages (default " +
        DEFAULT_SEED + ")\n" +
        "  --messages N           order-flow messages in the synthetic session, 1.." +
        SyntheticItchGenerator.MAX_ORDER_FLOW_MESSAGES + " (default " +
        SyntheticItchGenerator.DEFAULT_ORDER_FLOW_MESSAGES + ")\n" +
        "  --feed HOST:PORT       UDP target of the MoldUDP64 feed (default " + DEFAULT_FEED + ")\n" +
        "  --rerequest-port N     UDP port of the re-request server, 0 for any free port (default " +
        DEFAULT_REREQUEST_PORT + ")\n" +
        "  --session NAME         MoldUDP64 session, 1 to 10 ASCII characters (default " +
        FeedSettings.DEFAULT_SESSION + ")\n" +
        "  --timing rate          pace at --rate messages per second (the default)\n" +
        "  --timing original      pace by the messages' own ITCH timestamps, --speed times faster\n" +
        "  --rate MSGS_PER_SEC    messages per second with --timing rate (default " +
        FeedSettings.DEFAULT_MESSAGES_PER_SECOND + ")\n" +
        "  --speed FACTOR         with --timing original: 10 replays ten times faster, 0.5 at half speed (default 1)\n" +
        "  --max-idle-ms N        with --timing original: longest pause between two messages (default " +
        TimeUnit.NANOSECONDS.toMillis(FeedSettings.DEFAULT_MAX_IDLE_NS) + ")\n" +
        "  --loop                 replay the capture without end, sequence numbers going on (not with --synthetic)\n" +
        "  --heartbeat-ms N       heartbeat after N ms without a packet (default " +
        TimeUnit.NANOSECONDS.toMillis(FeedSettings.DEFAULT_HEARTBEAT_INTERVAL_NS) + ")\n" +
        "  --linger-ms N          end-of-session packets and re-requests go on N ms after the last message (default " +
        TimeUnit.NANOSECONDS.toMillis(FeedSettings.DEFAULT_END_OF_SESSION_LINGER_NS) + ")\n" +
        "  --max-packet-bytes N   largest UDP payload, MoldUDP64 header included, " + MIN_PACKET_LENGTH + ".." +
        MAX_PACKET_LENGTH + " (default " + FeedSettings.DEFAULT_MAX_PACKET_LENGTH + ")\n" +
        "  --drop-every N         simulated loss: do not send every Nth packet of messages; re-requests answer it\n" +
        "  --drop-sequence S      simulated loss: do not send the packet holding message S, once; re-requests\n" +
        "                         answer it\n" +
        "exchange mode (--ouch): the capture's orders go through a price-time matching engine and the feed carries\n" +
        "what it does; participants trade over OUCH 5.0 / SoupBinTCP (one logged in at a time). Not with --loop.\n" +
        "  --ouch HOST:PORT       TCP address of the OUCH port to listen on, port 0 for any free one\n" +
        "  --ouch-session NAME    SoupBinTCP session, 1 to 10 letters and digits (default " +
        OuchSettings.DEFAULT_SESSION + ")\n" +
        "  --ouch-user USER       login user, 1 to 6 letters and digits, any case (default " +
        OuchSettings.DEFAULT_USERNAME + ")\n" +
        "  --ouch-password PASS   login password, 1 to 10 letters and digits, any case (default " +
        OuchSettings.DEFAULT_PASSWORD + ")\n" +
        "  --ouch-latency-us N    hold every outbound OUCH message N microseconds before sending it, order kept\n" +
        "                         (default 0)\n" +
        "  --reject-every N       reject every Nth Enter Order (reason 0x18 Test) (default off)\n" +
        "  --disconnect-after N   drop the OUCH connection without a logout right after the Nth inbound OUCH\n" +
        "                         message since start, once (default off)\n" +
        "  --ouch-silent          send no SoupBinTCP heartbeats (a venue gone quiet); silent clients still drop\n" +
        "  --state-dir DIR        survive a restart: journal every sequenced OUCH message in\n" +
        "                         DIR/ouch-SESSION.journal and every feed message, with how far the capture went, in\n" +
        "                         DIR/itch-FEEDSESSION.journal; at start reload both: same OUCH session and sequence\n" +
        "                         numbers, open orders still live, the next UserRefNum goes on; the feed's MoldUDP64\n" +
        "                         numbering goes on (old sequence numbers answered), the book is rebuilt from it and\n" +
        "                         the capture goes on where it stopped\n" +
        "  --flow-rate N          background flow of N events a second (Poisson): limit orders around a random-walk\n" +
        "                         mid, cancels, marketable orders; after the capture, or from the start with\n" +
        "                         --synthetic; --seed seeds it (default 0: off)\n" +
        "  --flow-max-orders N    background flow orders resting at most (default " +
        OuchSettings.DEFAULT_MAX_FLOW_ORDERS + ")\n" +
        "  --spin-us N            after doing work, poll the sockets N microseconds before blocking in a select, so\n" +
        "                         that an order sent soon after a feed packet is read at once; 0 blocks at once\n" +
        "                         (default " + TimeUnit.NANOSECONDS.toMicros(OuchSettings.DEFAULT_SPIN_NS) + ")";

    private final Path itchPath;
    private final List<String> syntheticSymbols;
    private final long seed;
    private final int syntheticMessages;
    private final InetSocketAddress feedAddress;
    private final int rerequestPort;
    private final FeedSettings feedSettings;
    private final OuchSettings ouchSettings;
    private final boolean isHelp;

    private VenueSimConfig(
        final Path itchPath,
        final List<String> syntheticSymbols,
        final long seed,
        final int syntheticMessages,
        final InetSocketAddress feedAddress,
        final int rerequestPort,
        final FeedSettings feedSettings,
        final OuchSettings ouchSettings,
        final boolean isHelp)
    {
        this.itchPath = itchPath;
        this.syntheticSymbols = syntheticSymbols;
        this.seed = seed;
        this.syntheticMessages = syntheticMessages;
        this.feedAddress = feedAddress;
        this.rerequestPort = rerequestPort;
        this.feedSettings = feedSettings;
        this.ouchSettings = ouchSettings;
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
        List<String> syntheticSymbols = List.of();
        String seedName = null;
        long seed = DEFAULT_SEED;
        String messagesName = null;
        int syntheticMessages = SyntheticItchGenerator.DEFAULT_ORDER_FLOW_MESSAGES;
        InetSocketAddress feedAddress = null;
        int rerequestPort = DEFAULT_REREQUEST_PORT;
        String session = FeedSettings.DEFAULT_SESSION;
        long messagesPerSecond = FeedSettings.DEFAULT_MESSAGES_PER_SECOND;
        boolean loop = false;
        long heartbeatIntervalNs = FeedSettings.DEFAULT_HEARTBEAT_INTERVAL_NS;
        long lingerNs = FeedSettings.DEFAULT_END_OF_SESSION_LINGER_NS;
        int maxPacketLength = FeedSettings.DEFAULT_MAX_PACKET_LENGTH;
        FeedSettings.Timing timing = FeedSettings.Timing.RATE;
        String originalTimingName = null;
        double speed = FeedSettings.DEFAULT_SPEED;
        long maxIdleNs = FeedSettings.DEFAULT_MAX_IDLE_NS;
        long dropEvery = SimulatedLoss.OFF;
        long dropSequenceNumber = SimulatedLoss.OFF;
        InetSocketAddress ouchAddress = null;
        String exchangeOptionName = null;
        String ouchSession = OuchSettings.DEFAULT_SESSION;
        String ouchUsername = OuchSettings.DEFAULT_USERNAME;
        String ouchPassword = OuchSettings.DEFAULT_PASSWORD;
        long ouchLatencyNs = 0;
        long rejectEvery = 0;
        long disconnectAfter = 0;
        boolean isOuchSilent = false;
        Path stateDir = null;
        long flowEventsPerSecond = 0;
        int maxFlowOrders = OuchSettings.DEFAULT_MAX_FLOW_ORDERS;
        long spinNs = OuchSettings.DEFAULT_SPIN_NS;

        for (int i = 0; i < args.length; i++)
        {
            final String name = args[i];
            switch (name)
            {
                case "--help":
                case "-h":
                    return new VenueSimConfig(
                        null, List.of(), DEFAULT_SEED, 0, null, 0, FeedSettings.defaults(), null, true);

                case "--loop":
                    loop = true;
                    break;

                case "--itch":
                    itchPath = path(name, value(args, i++));
                    break;

                case "--synthetic":
                    syntheticSymbols = symbols(name, value(args, i++));
                    break;

                case "--seed":
                    seedName = name;
                    seed = number(name, value(args, i++), Long.MIN_VALUE, Long.MAX_VALUE, "a whole number");
                    break;

                case "--messages":
                    messagesName = name;
                    syntheticMessages = (int)number(name, value(args, i++), 1,
                        SyntheticItchGenerator.MAX_ORDER_FLOW_MESSAGES,
                        "a whole number 1.." + SyntheticItchGenerator.MAX_ORDER_FLOW_MESSAGES);
                    break;

                case "--timing":
                    timing = timing(name, value(args, i++));
                    break;

                case "--speed":
                    originalTimingName = name;
                    speed = speed(name, value(args, i++));
                    break;

                case "--max-idle-ms":
                    originalTimingName = name;
                    maxIdleNs = TimeUnit.MILLISECONDS.toNanos(number(
                        name, value(args, i++), 0, 3_600_000, "milliseconds, a whole number 0..3600000"));
                    break;

                case "--drop-every":
                    dropEvery = number(name, value(args, i++), 1, Long.MAX_VALUE, "a whole number of packets, 1 or more");
                    break;

                case "--drop-sequence":
                    dropSequenceNumber = number(
                        name, value(args, i++), 1, Long.MAX_VALUE, "a message sequence number, 1 or more");
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

                case "--ouch":
                    ouchAddress = hostAndPort(name, value(args, i++), 0);
                    break;

                case "--ouch-session":
                    exchangeOptionName = name;
                    ouchSession = alphanumeric(name, value(args, i++), 10);
                    break;

                case "--ouch-user":
                    exchangeOptionName = name;
                    ouchUsername = alphanumeric(name, value(args, i++), 6);
                    break;

                case "--ouch-password":
                    exchangeOptionName = name;
                    ouchPassword = alphanumeric(name, value(args, i++), 10);
                    break;

                case "--ouch-latency-us":
                    exchangeOptionName = name;
                    ouchLatencyNs = TimeUnit.MICROSECONDS.toNanos(number(
                        name, value(args, i++), 0, 60_000_000, "microseconds, a whole number 0..60000000"));
                    break;

                case "--reject-every":
                    exchangeOptionName = name;
                    rejectEvery = number(
                        name, value(args, i++), 1, Long.MAX_VALUE, "a whole number of orders, 1 or more");
                    break;

                case "--disconnect-after":
                    exchangeOptionName = name;
                    disconnectAfter = number(
                        name, value(args, i++), 1, Long.MAX_VALUE, "a whole number of inbound messages, 1 or more");
                    break;

                case "--ouch-silent":
                    exchangeOptionName = name;
                    isOuchSilent = true;
                    break;

                case "--state-dir":
                    exchangeOptionName = name;
                    stateDir = path(name, value(args, i++));
                    break;

                case "--flow-rate":
                    exchangeOptionName = name;
                    flowEventsPerSecond = number(
                        name, value(args, i++), 0, 1_000_000, "events per second, a whole number 0..1000000");
                    break;

                case "--spin-us":
                    exchangeOptionName = name;
                    spinNs = TimeUnit.MICROSECONDS.toNanos(number(
                        name, value(args, i++), 0, 1_000_000, "microseconds, a whole number 0..1000000"));
                    break;

                case "--flow-max-orders":
                    exchangeOptionName = name;
                    maxFlowOrders = (int)number(
                        name, value(args, i++), 1, 1_000_000, "a whole number of orders 1..1000000");
                    break;

                default:
                    throw new IllegalArgumentException("unknown argument " + quote(name) + "; see the usage below");
            }
        }

        if (null == ouchAddress && null != exchangeOptionName)
        {
            throw new IllegalArgumentException(exchangeOptionName + " applies to the exchange mode only: expected " +
                "--ouch HOST:PORT " + exchangeOptionName + (isFlag(exchangeOptionName) ? "" :
                " " + form(exchangeOptionName)));
        }
        if (null != ouchAddress && loop)
        {
            throw new IllegalArgumentException("--loop does not apply to --ouch: a capture driven through the " +
                "matching engine a second time would enter its order reference numbers again; expected one of them");
        }
        checkSource(itchPath, syntheticSymbols, flowEventsPerSecond > 0 ? null : seedName, messagesName, loop);
        if (null != originalTimingName && FeedSettings.Timing.ORIGINAL != timing)
        {
            throw new IllegalArgumentException(
                originalTimingName + " applies to --timing original only: expected --timing original " +
                originalTimingName + " " + form(originalTimingName));
        }

        return new VenueSimConfig(
            itchPath,
            syntheticSymbols,
            seed,
            syntheticMessages,
            null != feedAddress ? feedAddress : hostAndPort("--feed", DEFAULT_FEED),
            rerequestPort,
            new FeedSettings(session, messagesPerSecond, heartbeatIntervalNs, lingerNs, loop, maxPacketLength,
                timing, speed, maxIdleNs, dropEvery, dropSequenceNumber),
            null == ouchAddress ? null : new OuchSettings(ouchAddress, ouchSession, ouchUsername, ouchPassword,
                ouchLatencyNs, rejectEvery, disconnectAfter, isOuchSilent, stateDir, flowEventsPerSecond, seed,
                maxFlowOrders, !syntheticSymbols.isEmpty(), spinNs),
            false);
    }

    /**
     * @return true with --ouch: the exchange mode.
     */
    public boolean isExchange()
    {
        return null != ouchSettings;
    }

    /**
     * @return the exchange mode's settings, or null without --ouch.
     */
    public OuchSettings ouchSettings()
    {
        return ouchSettings;
    }

    /**
     * @return true if the messages come from the synthetic generator rather than a capture file.
     */
    public boolean isSynthetic()
    {
        return !syntheticSymbols.isEmpty();
    }

    /**
     * @return the synthetic session's symbols, in locate code order; empty when publishing a capture file.
     */
    public List<String> syntheticSymbols()
    {
        return syntheticSymbols;
    }

    /**
     * @return seed of the synthetic session.
     */
    public long seed()
    {
        return seed;
    }

    /**
     * @return order-flow messages in the synthetic session.
     */
    public int syntheticMessages()
    {
        return syntheticMessages;
    }

    /**
     * @return path of the ITCH capture, null for a synthetic session.
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
     * @return session, pace, heartbeats, linger, loop, packet size and simulated loss.
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

    private static void checkSource(
        final Path itchPath,
        final List<String> syntheticSymbols,
        final String seedName,
        final String messagesName,
        final boolean loop)
    {
        if (null == itchPath && syntheticSymbols.isEmpty())
        {
            throw new IllegalArgumentException("missing argument --itch: expected --itch PATH of a BinaryFILE capture, " +
                "or --synthetic SYMBOL[,SYMBOL...]");
        }
        if (null != itchPath && !syntheticSymbols.isEmpty())
        {
            throw new IllegalArgumentException(
                "--itch and --synthetic exclude each other: expected one source of messages, got both");
        }
        if (syntheticSymbols.isEmpty() && (null != seedName || null != messagesName))
        {
            final String name = null != seedName ? seedName : messagesName;
            throw new IllegalArgumentException(
                name + " applies to --synthetic only" + (name.equals(seedName) ? " (or to --flow-rate)" : "") +
                ": expected --synthetic SYMBOL[,SYMBOL...] " + name + " N");
        }
        if (!syntheticSymbols.isEmpty() && loop)
        {
            throw new IllegalArgumentException("--loop does not apply to --synthetic: a session played again would add " +
                "its order reference numbers a second time; expected one of them");
        }
    }

    private static List<String> symbols(final String name, final String text)
    {
        final List<String> symbols = Arrays.asList(text.split(",", -1));
        try
        {
            if (symbols.size() > SyntheticItchGenerator.MAX_SYMBOLS)
            {
                throw new IllegalArgumentException("more than " + SyntheticItchGenerator.MAX_SYMBOLS + " symbols");
            }
            symbols.forEach(SyntheticItchGenerator::checkSymbol);
            if (symbols.stream().distinct().count() != symbols.size())
            {
                throw new IllegalArgumentException("a symbol is given twice");
            }
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("bad value for " + name + ": expected SYMBOL[,SYMBOL...], " +
                "distinct symbols of 1 to 8 of A-Z, 0-9 and '.', starting with a letter, got " + quote(text) + " (" +
                ex.getMessage() + ")", ex);
        }

        return List.copyOf(symbols);
    }

    private static FeedSettings.Timing timing(final String name, final String text)
    {
        switch (text)
        {
            case "rate":
                return FeedSettings.Timing.RATE;
            case "original":
                return FeedSettings.Timing.ORIGINAL;
            default:
                throw new IllegalArgumentException(
                    "bad value for " + name + ": expected rate or original, got " + quote(text));
        }
    }

    private static double speed(final String name, final String text)
    {
        final String expected = "a factor " + CaptureTimingPacer.MIN_SPEED + ".." + (long)CaptureTimingPacer.MAX_SPEED +
            ", e.g. 10 or 0.5";
        final double speed;
        try
        {
            speed = Double.parseDouble(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(
                "bad value for " + name + ": expected " + expected + ", got " + quote(text), ex);
        }

        if (!(speed >= CaptureTimingPacer.MIN_SPEED && speed <= CaptureTimingPacer.MAX_SPEED))
        {
            throw new IllegalArgumentException("bad value for " + name + ": expected " + expected + ", got " + text);
        }

        return speed;
    }

    private static String form(final String name)
    {
        switch (name)
        {
            case "--itch":
                return "PATH";
            case "--synthetic":
                return "SYMBOL[,SYMBOL...]";
            case "--timing":
                return "rate|original";
            case "--speed":
                return "FACTOR";
            case "--drop-sequence":
                return "S";
            case "--feed":
            case "--ouch":
                return "HOST:PORT";
            case "--ouch-session":
                return "NAME";
            case "--ouch-user":
                return "USER";
            case "--ouch-password":
                return "PASSWORD";
            case "--state-dir":
                return "DIR";
            case "--flow-rate":
                return "EVENTS_PER_SEC";
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
        return hostAndPort(name, text, 1);
    }

    private static InetSocketAddress hostAndPort(final String name, final String text, final int minPort)
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

        final int port = (int)number(
            name, text.substring(colon + 1), minPort, 65_535, "a port " + minPort + "..65535 in HOST:PORT");
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

    private static boolean isFlag(final String name)
    {
        return "--ouch-silent".equals(name);
    }

    private static String alphanumeric(final String name, final String text, final int max)
    {
        try
        {
            OuchSettings.checkAlphanumeric(name, text, max);
            return text;
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("bad value for " + name + ": expected 1 to " + max +
                " ASCII letters and digits, got " + quote(text), ex);
        }
    }

    private static String quote(final String text)
    {
        return "\"" + text + "\"";
    }
}
