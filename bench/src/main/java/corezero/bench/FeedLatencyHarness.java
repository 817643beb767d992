package corezero.bench;

import corezero.nic.Neighbours;
import corezero.sys.NativeSys;
import org.HdrHistogram.Histogram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Feed receive latency and throughput: kernel UDP vs TPACKET_V2 vs AF_XDP (native and SKB mode), in one JVM and
 * one run, between two network namespaces joined by a veth pair (made by {@code scripts/netns-pair.sh}; see
 * bench/feed-latency.sh, which creates and always deletes it).
 * <p>
 * <b>Latency.</b> After {@code --warmup-rounds} rounds that are not counted (1 by default: the JIT compiles the
 * paths on CPU 0, which the sender and the kernel's receive work share), for each of {@code --rounds} rounds, each transport in turn ({@code UDP TPACKET_V2 XDP_NATIVE
 * XDP_SKB}, interleaved so that drift in the machine hits all of them alike), then the floor: a
 * {@link FeedLatencyPhase} with a {@link FeedLatencySender} on CPU 0 sending one MoldUDP64 packet with one ITCH
 * Add Order at {@code --rate} packets a second on a fixed schedule, and a {@link FeedLatencyReceiver} on CPU 1
 * busy-polling the transport: {@code --warmup} seconds discarded, {@code --seconds} recorded, then 1 s in which the
 * kernel counts the receiver thread's system calls. The floor phase runs the receiver's loop over no transport for
 * {@code --floor-seconds}. The receiver runs SCHED_OTHER unless {@code --fifo PRIORITY} is given (with the default
 * {@code sched_rt_runtime_us} of 950000 a spinning SCHED_FIFO thread is stopped for 50 ms every second).
 * <p>
 * <b>Throughput.</b> Then each transport once more with the sender unpaced for {@code --throughput-seconds}:
 * frames delivered a second, and the sequence gaps (packets lost).
 * <p>
 * Writes {@code OUT/feed-latency-STAMP.txt} (this report), {@code .html} (percentile plots, self-contained; also
 * copied to {@code --plot FILE} if given) and one {@code .hgrm} per series. Exits 1 if a phase failed.
 * <p>
 * <b>Sender.</b> {@code --sender udp} (the default) sends over kernel UDP; {@code --sender ring} sends the same
 * packets as raw Ethernet/IPv4/UDP frames through a TPACKET_V2 TX ring on the venue's veth, skipping the kernel's
 * UDP/IP send path, and needs {@code --venue-if}, {@code --venue-ip} and {@code --venue-mac} (see
 * {@link FeedLatencySender}). One run uses one sender for every phase.
 * <p>
 * Usage: {@code FeedLatencyHarness --venue-ns NS --engine-ns NS --engine-if IF --engine-ip IP --engine-mac MAC
 * [--sender udp|ring] [--venue-if IF --venue-ip IP --venue-mac MAC] [--port N] [--rounds N] [--warmup-rounds N] [--warmup S] [--seconds S] [--rate N] [--floor-seconds S] [--throughput-seconds S]
 * [--transports udp,tpacket_v2,xdp_native,xdp_skb] [--fifo PRIORITY] [--out DIR] [--stamp STAMP] [--plot FILE]}.
 */
public final class FeedLatencyHarness
{
    private static final String USAGE = "usage: FeedLatencyHarness --venue-ns NS --engine-ns NS --engine-if IF " +
        "--engine-ip IP --engine-mac MAC [--sender udp|ring] [--venue-if IF --venue-ip IP --venue-mac MAC] [--port N] [--rounds N] [--warmup-rounds N] [--warmup S] [--seconds S] [--rate N] " +
        "[--floor-seconds S] [--throughput-seconds S] [--transports udp,tpacket_v2,xdp_native,xdp_skb] " +
        "[--fifo PRIORITY] [--out DIR] [--stamp STAMP] [--plot FILE]";
    private static final int SENDER_CPU = 0;
    private static final int HOT_CPU = 1;
    private static final double GOAL_XDP_P50_RATIO = 0.6;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream report = new PrintStream(log, true, StandardCharsets.UTF_8);

    private FeedLatencyHarness()
    {
    }

    /** Everything the command line sets. */
    private static final class Options
    {
        String venueNs;
        String engineNs;
        String engineInterface;
        String engineIp;
        String engineMac;
        FeedLatencySender.Path sender = FeedLatencySender.Path.UDP;
        String venueInterface;
        String venueIp;
        String venueMac;
        int port = 31_501;
        int rounds = 3;
        int warmupRounds = 1;
        double warmupSeconds = 2;
        double seconds = 5;
        long rate = 20_000;
        double floorSeconds = 2;
        double throughputSeconds = 3;
        List<FeedLatencyTransport> transports = List.of(FeedLatencyTransport.UDP, FeedLatencyTransport.TPACKET_V2,
            FeedLatencyTransport.XDP_NATIVE, FeedLatencyTransport.XDP_SKB);
        int fifo;
        Path out = Paths.get("bench", "results");
        String stamp = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss"));
        Path plot;
    }

    /**
     * @param args see the class comment.
     * @throws Exception if the results cannot be written or the run is interrupted.
     */
    public static void main(final String[] args) throws Exception
    {
        final Options options = new Options();
        for (int i = 0; i < args.length; i += 2)
        {
            final String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i])
            {
                case "--venue-ns" -> options.venueNs = value;
                case "--engine-ns" -> options.engineNs = value;
                case "--engine-if" -> options.engineInterface = value;
                case "--engine-ip" -> options.engineIp = value;
                case "--engine-mac" -> options.engineMac = value;
                case "--sender" -> options.sender = parseSender(value);
                case "--venue-if" -> options.venueInterface = value;
                case "--venue-ip" -> options.venueIp = value;
                case "--venue-mac" -> options.venueMac = value;
                case "--port" -> options.port = Integer.parseInt(value);
                case "--rounds" -> options.rounds = Integer.parseInt(value);
                case "--warmup-rounds" -> options.warmupRounds = Integer.parseInt(value);
                case "--warmup" -> options.warmupSeconds = Double.parseDouble(value);
                case "--seconds" -> options.seconds = Double.parseDouble(value);
                case "--rate" -> options.rate = Long.parseLong(value);
                case "--floor-seconds" -> options.floorSeconds = Double.parseDouble(value);
                case "--throughput-seconds" -> options.throughputSeconds = Double.parseDouble(value);
                case "--transports" -> options.transports = parseTransports(value);
                case "--fifo" -> options.fifo = Integer.parseInt(value);
                case "--out" -> options.out = Paths.get(value);
                case "--stamp" -> options.stamp = value;
                case "--plot" -> options.plot = Paths.get(value);
                default ->
                {
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        }
        if (null == options.venueNs || null == options.engineNs || null == options.engineInterface ||
            null == options.engineIp || null == options.engineMac || null == options.sender ||
            (FeedLatencySender.Path.RING == options.sender &&
            (null == options.venueInterface || null == options.venueIp || null == options.venueMac)) ||
            options.rounds < 1 || options.warmupRounds < 0 ||
            options.rate < 1 ||
            options.seconds <= 0 || options.warmupSeconds < 0 || options.throughputSeconds < 0 ||
            options.floorSeconds < 0 || options.transports.isEmpty() || !NativeSys.isAvailable())
        {
            System.err.println(USAGE + (NativeSys.isAvailable() ? "" :
                "\n(libcorezero.so not loaded: " + NativeSys.unavailableReason() + ")"));
            System.exit(2);
        }
        System.exit(new FeedLatencyHarness().measure(options, args));
    }

    private static FeedLatencySender.Path parseSender(final String name)
    {
        for (final FeedLatencySender.Path path : FeedLatencySender.Path.values())
        {
            if (path.name().equalsIgnoreCase(name.strip()))
            {
                return path;
            }
        }
        return null;
    }

    private static List<FeedLatencyTransport> parseTransports(final String list)
    {
        final List<FeedLatencyTransport> transports = new ArrayList<>();
        for (final String name : list.split(","))
        {
            transports.add(FeedLatencyTransport.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        }
        return transports;
    }

    private int measure(final Options options, final String[] args) throws Exception
    {
        final FeedLatencyTransport.Endpoint endpoint = new FeedLatencyTransport.Endpoint(options.engineInterface,
            InetAddress.getByName(options.engineIp), Neighbours.parseMac(options.engineMac), options.port);
        final FeedLatencySender.Venue venue = new FeedLatencySender.Venue(options.venueNs, options.venueInterface,
            null == options.venueIp ? null : InetAddress.getByName(options.venueIp),
            null == options.venueMac ? 0 : Neighbours.parseMac(options.venueMac));
        final FeedLatencyPhase.Setting setting = new FeedLatencyPhase.Setting(
            options.sender, venue, options.engineNs, endpoint, SENDER_CPU, HOT_CPU, options.fifo);
        header(options, args);

        final List<FeedLatencyPhase.Result> latency = new ArrayList<>();
        final List<FeedLatencyPhase.Result> floors = new ArrayList<>();
        final List<FeedLatencyPhase.Result> throughput = new ArrayList<>();
        println();
        println("phase                round  transport (as it describes itself)                      frames    gaps " +
            "syscalls/s   p50 us   p99 us   max us");
        for (int round = 1; round <= options.warmupRounds; round++)
        {
            for (final FeedLatencyTransport transport : options.transports)
            {
                phaseLine("warm-up, discarded", FeedLatencyPhase.run(setting, transport, round, options.rate,
                    nanos(options.warmupSeconds), nanos(options.seconds)));
            }
        }
        for (int round = 1; round <= options.rounds; round++)
        {
            for (final FeedLatencyTransport transport : options.transports)
            {
                latency.add(phaseLine("latency", FeedLatencyPhase.run(setting, transport, round, options.rate,
                    nanos(options.warmupSeconds), nanos(options.seconds))));
            }
            if (options.floorSeconds > 0)
            {
                floors.add(phaseLine("floor", FeedLatencyPhase.run(setting, FeedLatencyTransport.FLOOR, round, 0,
                    nanos(0.5), nanos(options.floorSeconds))));
            }
        }
        if (options.throughputSeconds > 0)
        {
            for (final FeedLatencyTransport transport : options.transports)
            {
                throughput.add(phaseLine("throughput", FeedLatencyPhase.run(
                    setting, transport, 0, 0, nanos(1), nanos(options.throughputSeconds))));
            }
        }
        println("load average at the end: " + loadAverage());
        println("sender   " + latency.stream().map(FeedLatencyPhase.Result::senderDescription)
            .filter((description) -> !"none".equals(description) && !"not open".equals(description))
            .findFirst().orElse("(never opened)"));

        final FeedLatencyReport results = new FeedLatencyReport(
            options.sender, options.transports, latency, floors, throughput);
        results.print(this::println, GOAL_XDP_P50_RATIO);

        final List<FeedLatencyPhase.Result> all = new ArrayList<>(latency);
        all.addAll(floors);
        all.addAll(throughput);
        final List<FeedLatencyPhase.Result> failures =
            all.stream().filter((result) -> null != result.problem() && !isCountingOnly(result)).toList();
        println();
        println(failures.isEmpty() ? "all phases passed (" + all.size() + ")" :
            "FAILED: " + failures.size() + " of " + all.size() + " phases failed (see PROBLEM above)");

        Files.createDirectories(options.out);
        for (final LatencySeries line : results.allSeries())
        {
            final Path hgrm = options.out.resolve("feed-latency-" + options.stamp + "-" + line.fileName() + ".hgrm");
            try (PrintStream stream = new PrintStream(Files.newOutputStream(hgrm), true, StandardCharsets.UTF_8))
            {
                stream.println("# " + line.name() + ", microseconds; " + line.histogram().getTotalCount() +
                    " samples; run " + options.stamp);
                line.histogram().outputPercentileDistribution(stream, 1000.0);
            }
        }
        final Path html = options.out.resolve("feed-latency-" + options.stamp + ".html");
        final Path txt = options.out.resolve("feed-latency-" + options.stamp + ".txt");
        println("hgrm     " + options.out.resolve("feed-latency-" + options.stamp + "-*.hgrm"));
        println("plot     " + html + (null == options.plot ? "" : " (copied to " + options.plot + ")"));
        println("report   " + txt);
        final String reportText = log.toString(StandardCharsets.UTF_8);
        final String page = PercentilePlot.page("corezero feed receive: kernel UDP vs TPACKET_V2 vs AF_XDP, " +
            senderLabel(options.sender) + ", " + options.stamp, reportText, results.charts(GOAL_XDP_P50_RATIO));
        Files.writeString(html, page, StandardCharsets.UTF_8);
        Files.writeString(txt, reportText, StandardCharsets.UTF_8);
        if (null != options.plot)
        {
            Files.createDirectories(options.plot.toAbsolutePath().getParent());
            Files.writeString(options.plot, page, StandardCharsets.UTF_8);
        }
        return failures.isEmpty() ? 0 : 1;
    }

    private static boolean isCountingOnly(final FeedLatencyPhase.Result result)
    {
        return result.problem().startsWith("system calls not counted");
    }

    private FeedLatencyPhase.Result phaseLine(final String kind, final FeedLatencyPhase.Result result)
    {
        final Histogram histogram = FeedLatencyTransport.FLOOR == result.transport() ?
            result.loopGaps() : result.fromSend();
        println(String.format(Locale.ROOT, "%-20.20s %5d  %-52.52s %9d %7d %10s %8.2f %8.2f %8.1f", kind,
            result.round(), result.transport().name() + ": " + result.description(), result.frames(), result.gaps(),
            result.syscalls() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", result.syscalls() / result.countSeconds()),
            LatencySeries.micros(histogram.getValueAtPercentile(50)),
            LatencySeries.micros(histogram.getValueAtPercentile(99)),
            LatencySeries.micros(histogram.getMaxValue())));
        if (result.sendsNotSent() > 0 || result.sendsAbandoned() > 0 || result.sendKickErrors() > 0)
        {
            println(String.format(Locale.ROOT, "         sender: %d sends found the TX ring full in the measured " +
                "window (each retried), %d packets abandoned at stop, %d kicks refused in the phase",
                result.sendsNotSent(), result.sendsAbandoned(), result.sendKickErrors()));
        }
        if (null != result.problem())
        {
            println("PROBLEM  " + result.transport() + " round " + result.round() + ": " + result.problem());
        }
        return result;
    }

    private void header(final Options options, final String[] args) throws IOException
    {
        println("corezero feed receive: kernel UDP vs TPACKET_V2 vs AF_XDP over a veth pair between two namespaces");
        println("date     " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        println("JDK      " + System.getProperty("java.vm.name") + " " + Runtime.version() + "; GC " +
            ManagementFactory.getGarbageCollectorMXBeans().stream().map((gc) -> gc.getName())
                .collect(Collectors.joining(", ")));
        println("JVM args " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        println("args     " + String.join(" ", args));
        println("CPUs     online " + Files.readString(Paths.get("/sys/devices/system/cpu/online")).strip() +
            "; this process allowed on " + cpusAllowed() + "; sender pinned to CPU " + SENDER_CPU +
            ", receiver to CPU " + HOT_CPU + " (" + (options.fifo > 0 ? "SCHED_FIFO " + options.fifo :
            "SCHED_OTHER") + "); kernel " + System.getProperty("os.version") + "; clocksource " +
            readOr("/sys/devices/system/clocksource/clocksource0/current_clocksource") + "; sched_rt_runtime_us " +
            readOr("/proc/sys/kernel/sched_rt_runtime_us"));
        println("load     average " + loadAverage() + " at the start");
        println("sender   " + senderLabel(options.sender) + (FeedLatencySender.Path.RING == options.sender ?
            " on " + options.venueInterface + " " + options.venueIp + " " + options.venueMac + ", source port " +
            FeedLatencySender.ringSourcePort(options.port) + ", " + FeedLatencySender.RING_TX_FRAMES + " TX frames" :
            ""));
        println("network  " + options.venueNs + " (sender) -> veth -> " + options.engineNs + " " +
            options.engineInterface + " " + options.engineIp + " " + options.engineMac + ", UDP port " + options.port);
        println("packet   MoldUDP64 with one ITCH Add Order, " + FeedLatencyDescriptor.PACKET_LENGTH +
            " bytes of UDP payload; send time and scheduled time in the packet (System.nanoTime)");
        println("latency  " + options.warmupRounds + " uncounted warm-up round(s), then " + options.rounds + " rounds of " + options.transports.stream().map(Enum::name)
            .collect(Collectors.joining(" ")) + " then the floor; each: fresh threads and transport, " +
            options.warmupSeconds + " s warm-up discarded, " + options.seconds + " s measured at " + options.rate +
            " packets/s on a fixed schedule (open loop), then 1 s counting the receiver's system calls");
        println("thruput  each transport " + options.throughputSeconds + " s (after 1 s) with the sender unpaced");
    }

    /**
     * @param path the send path.
     * @return how the report names it.
     */
    static String senderLabel(final FeedLatencySender.Path path)
    {
        return FeedLatencySender.Path.RING == path ? "ring sender (TPACKET_V2 TX, raw frames)" :
            "kernel UDP sender (DatagramChannel)";
    }

    private void println()
    {
        println("");
    }

    private void println(final String line)
    {
        System.out.println(line);
        report.println(line);
    }

    private static long nanos(final double seconds)
    {
        return (long)(seconds * TimeUnit.SECONDS.toNanos(1));
    }

    private static String cpusAllowed()
    {
        try
        {
            return Files.readAllLines(Paths.get("/proc/self/status")).stream()
                .filter((line) -> line.startsWith("Cpus_allowed_list:"))
                .map((line) -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst().orElse("unknown");
        }
        catch (final IOException ex)
        {
            return "unknown";
        }
    }

    private static String readOr(final String file)
    {
        try
        {
            // Not Files.readString: for a sysctl file, which reports a size of 0, it returns the first byte only.
            return String.join(" ", Files.readAllLines(Paths.get(file))).strip();
        }
        catch (final IOException ex)
        {
            return "unknown";
        }
    }

    static String loadAverage()
    {
        final String[] fields = readOr("/proc/loadavg").split(" ");
        return fields.length < 3 ? "unknown" : fields[0] + " " + fields[1] + " " + fields[2];
    }
}
