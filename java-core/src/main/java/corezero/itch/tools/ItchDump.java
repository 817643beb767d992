package corezero.itch.tools;

import corezero.itch.ItchDecoder;
import corezero.itch.ItchMessageType;
import org.agrona.DirectBuffer;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code bin/corezero itch-dump FILE [--json] [--symbol S] [--limit N]}: prints the ITCH 5.0 messages of a NASDAQ
 * BinaryFILE or of a classic pcap capture of a MoldUDP64 feed (told apart by the pcap magic number), one line per
 * message with every field, then the counts by type.
 * <ul>
 *   <li>{@code --json}: one JSON object per line instead ({@link JsonFieldWriter}); the summary then goes to the
 *   error stream so that the output stays JSON.</li>
 *   <li>{@code --symbol S}: only the messages about stock S, and the market-wide ones ({@link SymbolFilter}).</li>
 *   <li>{@code --limit N}: stop after N printed messages.</li>
 * </ul>
 * Exit codes: 0 done, 1 the file is malformed or unreadable (the message names the offset), 2 bad arguments.
 * Messages of unknown type or wrong length are reported on the error stream and counted, not fatal.
 */
public final class ItchDump
{
    /** Exit code: the whole file was printed, or the limit reached. */
    public static final int EXIT_OK = 0;

    /** Exit code: the file is malformed or could not be read. */
    public static final int EXIT_MALFORMED = 1;

    /** Exit code: bad arguments. */
    public static final int EXIT_USAGE = 2;

    static final String USAGE = String.join(System.lineSeparator(),
        "usage: itch-dump FILE [--json] [--symbol S] [--limit N]",
        "  FILE        NASDAQ BinaryFILE (2-byte length framing) or classic pcap of a MoldUDP64 feed",
        "              (Ethernet, optional VLAN tags, IPv4, UDP); the pcap magic number tells them apart",
        "  --json      one JSON object per message; the counts then go to stderr",
        "  --symbol S  only messages about stock S (through the locate its Stock Directory names), plus",
        "              market-wide ones (system event, MWCB)",
        "  --limit N   stop after N printed messages");

    private static final int MAX_REJECT_WARNINGS = 20;

    /** How often to ask whether the output is still there (a closed pipe: stop reading); it flushes, so rarely. */
    private static final int CHECK_OUTPUT_EVERY = 4096;

    private final ItchDecoder decoder = new ItchDecoder();
    private final StringBuilder line = new StringBuilder(512);
    private final ItchFieldPrinter printer;
    private final PrintStream out;
    private final PrintStream err;
    private final long limit;
    private final long[] printedByType = new long[256];
    private long printed;
    private long decoded;
    private long rejected;

    private ItchDump(final Options options, final PrintStream out, final PrintStream err)
    {
        final FieldWriter writer = options.json ? new JsonFieldWriter(line) : new TextFieldWriter(line);
        final MessageFilter filter = null == options.symbol ? MessageFilter.ALL : new SymbolFilter(options.symbol);
        this.printer = new ItchFieldPrinter(writer, filter);
        this.out = out;
        this.err = err;
        this.limit = options.limit;
    }

    /**
     * @param args {@code FILE [--json] [--symbol S] [--limit N]}.
     */
    public static void main(final String[] args)
    {
        final PrintStream out = new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false);
        final int exitCode = run(args, out, System.err);
        out.flush();
        System.exit(exitCode);
    }

    /**
     * Run the dump, for {@link #main} and for tests.
     *
     * @param args command-line arguments.
     * @param out  where messages and, in text mode, the summary go.
     * @param err  where errors, warnings and, in JSON mode, the summary go.
     * @return {@link #EXIT_OK}, {@link #EXIT_MALFORMED} or {@link #EXIT_USAGE}.
     */
    public static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        final Options options;
        try
        {
            options = Options.parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            err.println("itch-dump: " + ex.getMessage());
            err.println(USAGE);
            return EXIT_USAGE;
        }
        if (options.help)
        {
            out.println(USAGE);
            return EXIT_OK;
        }
        if (!Files.isRegularFile(options.file))
        {
            err.println("itch-dump: no such file: " + options.file);
            err.println(USAGE);
            return EXIT_USAGE;
        }

        final ItchDump dump = new ItchDump(options, out, err);
        final CaptureStats stats = new CaptureStats();
        int exitCode = EXIT_OK;
        try
        {
            CaptureFiles.read(options.file, dump::onMessage, err, stats);
        }
        catch (final MalformedCaptureException ex)
        {
            err.println("itch-dump: " + options.file + ": " + ex.getMessage());
            exitCode = EXIT_MALFORMED;
        }
        catch (final IOException ex)
        {
            err.println("itch-dump: " + options.file + ": cannot read: " + ex);
            exitCode = EXIT_MALFORMED;
        }

        dump.printSummary(options.json ? err : out, stats);
        out.flush();

        return exitCode;
    }

    private boolean onMessage(final DirectBuffer buffer, final int offset, final int length, final long fileOffset)
    {
        if (printed >= limit)
        {
            return false;
        }

        line.setLength(0);
        printer.reset();
        final int result = decoder.decode(buffer, offset, length, printer);
        if (ItchDecoder.OK != result)
        {
            onRejected(buffer, offset, length, fileOffset, result);
            return true;
        }

        decoded++;
        if (printer.printed())
        {
            out.append(line).println();
            printedByType[buffer.getByte(offset) & 0xFF]++;
            printed++;
            if (0 == (printed & (CHECK_OUTPUT_EVERY - 1)) && out.checkError())
            {
                return false;
            }
        }

        return printed < limit;
    }

    private void onRejected(
        final DirectBuffer buffer, final int offset, final int length, final long fileOffset, final int result)
    {
        rejected++;
        if (rejected <= MAX_REJECT_WARNINGS)
        {
            final String problem;
            if (ItchDecoder.EMPTY == result)
            {
                problem = "empty message";
            }
            else
            {
                final byte type = buffer.getByte(offset);
                problem = ItchDecoder.UNKNOWN_TYPE == result ?
                    String.format("unknown message type 0x%02x, %d bytes", type & 0xFF, length) :
                    String.format("%s message of %d bytes, expected %d",
                        ItchMessageType.name(type), length, ItchMessageType.length(type));
            }
            err.println("itch-dump: skipped " + problem + " at offset " + fileOffset);
        }
    }

    private void printSummary(final PrintStream summary, final CaptureStats stats)
    {
        summary.println("-- " + stats.format + ": " + printed + " messages printed, " + decoded + " decoded, " +
            rejected + " rejected");
        for (final byte type : ItchMessageType.types())
        {
            final long count = printedByType[type & 0xFF];
            if (count > 0)
            {
                summary.println(String.format("-- %c %-26s %10d", (char)type, ItchMessageType.name(type), count));
            }
        }
        if ("pcap".equals(stats.format))
        {
            summary.println("-- pcap: " + stats.frames + " frames, " + stats.moldPackets + " MoldUDP64 packets (" +
                stats.heartbeats + " heartbeats, " + stats.endOfSessionPackets + " end of session, " +
                stats.badMoldPackets + " malformed), " + stats.skippedFrames + " frames not IPv4/UDP, " +
                stats.truncatedFrames + " truncated");
        }
        else if (stats.endOfSessionMarker)
        {
            summary.println("-- end-of-session marker reached");
        }
    }

    /**
     * Parsed command line.
     */
    static final class Options
    {
        Path file;
        boolean json;
        boolean help;
        String symbol;
        long limit = Long.MAX_VALUE;

        static Options parse(final String[] args)
        {
            final Options options = new Options();
            for (int i = 0; i < args.length; i++)
            {
                final String arg = args[i];
                switch (arg)
                {
                    case "-h":
                    case "--help":
                        options.help = true;
                        break;

                    case "--json":
                        options.json = true;
                        break;

                    case "--symbol":
                        options.symbol = value(args, ++i, arg);
                        try
                        {
                            SymbolFilter.validate(options.symbol);
                        }
                        catch (final IllegalArgumentException ex)
                        {
                            throw new IllegalArgumentException("--symbol: " + ex.getMessage(), ex);
                        }
                        break;

                    case "--limit":
                        final String limit = value(args, ++i, arg);
                        try
                        {
                            options.limit = Long.parseLong(limit);
                        }
                        catch (final NumberFormatException ex)
                        {
                            options.limit = -1;
                        }
                        if (options.limit < 0)
                        {
                            throw new IllegalArgumentException(
                                "--limit needs a whole number >= 0, got '" + limit + "'");
                        }
                        break;

                    default:
                        if (arg.startsWith("-") && arg.length() > 1)
                        {
                            throw new IllegalArgumentException("unknown option '" + arg + "'");
                        }
                        if (null != options.file)
                        {
                            throw new IllegalArgumentException("one FILE only, got '" + options.file + "' and '" +
                                arg + "'");
                        }
                        options.file = Path.of(arg);
                        break;
                }
            }

            if (null == options.file && !options.help)
            {
                throw new IllegalArgumentException("missing FILE");
            }

            return options;
        }

        private static String value(final String[] args, final int index, final String option)
        {
            if (index >= args.length)
            {
                throw new IllegalArgumentException(option + " needs a value");
            }

            return args[index];
        }
    }
}
