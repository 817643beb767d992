package corezero.bench;

import org.HdrHistogram.Histogram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * End-to-end tick-to-trade: venue-sim's exchange (in this JVM, its own thread on the ops CPU) replays the real AAPL
 * slice through its matching engine at a set rate over loopback UDP; the engine's sample strategy,
 * {@code TouchQuoter} with {@code probe-every N} and quoting off, sends a one-share IOC buy every N book updates,
 * tagged with the trigger's feed sequence. Two measures per order:
 * <ul>
 *     <li><b>in-core</b>, the engine's own histogram: the frame handed to the agent to the OUCH Enter Order
 *     written to the TCP socket ({@code sendUnsequenced} returned);</li>
 *     <li><b>wire-to-wire</b>, the venue's: its send of the packet carrying the trigger to its read of the order.</li>
 * </ul>
 * Two variants of the same hot path, each round on a fresh exchange on fresh ports: the engine (the hot thread
 * reads the socket) and the naive design (a receiver thread on the ops CPU reads the socket and hands a copy per
 * frame over an {@code ArrayBlockingQueue}; its in-core span starts at the receive). Uncounted warm-up rounds
 * first (probing more often, so that the order path is compiled by then), then measured rounds alternating engine,
 * naive, engine, naive ...
 * <p>
 * Writes {@code OUT/tick-to-trade-STAMP.txt} (this report), one {@code .hgrm} percentile distribution per series
 * and {@code OUT/tick-to-trade-STAMP.html} (the percentile plot). Exits 1 if any round, warm-up included, failed a
 * check: no orders, or the engine's order count, its in-core samples, the venue's wire samples and the venue's
 * order count disagree.
 * <p>
 * Usage: {@code TickToTradeHarness --itch FILE [--rate MSGS_PER_SEC] [--probe-every N] [--rounds N] [--warmup N]
 * [--warmup-probe-every N] [--out DIR] [--stamp STAMP]}; bench/tick-to-trade.sh runs it.
 */
public final class TickToTradeHarness
{
    private static final String USAGE = "usage: TickToTradeHarness --itch FILE [--rate MSGS_PER_SEC] " +
        "[--probe-every N] [--rounds N] [--warmup N] [--warmup-probe-every N] [--out DIR] [--stamp STAMP]";
    private static final long GOAL_P50_NS = 300;
    private static final long GOAL_P99_NS = 1_000;
    private static final double HOT_CPU_BUSY_WARNING = 0.2;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream report = new PrintStream(log, true, StandardCharsets.UTF_8);

    private TickToTradeHarness()
    {
    }

    /**
     * @param args see the class comment.
     * @throws IOException if the results cannot be written.
     */
    public static void main(final String[] args) throws IOException
    {
        Path itch = null;
        long rate = 10_000;
        long probeEvery = 5;
        int rounds = 3;
        int warmup = 2;
        long warmupProbeEvery = 1;
        Path out = Paths.get("bench", "results");
        String stamp = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss"));
        for (int i = 0; i < args.length; i++)
        {
            final String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i])
            {
                case "--itch" -> itch = Paths.get(value);
                case "--rate" -> rate = Long.parseLong(value);
                case "--probe-every" -> probeEvery = Long.parseLong(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--warmup-probe-every" -> warmupProbeEvery = Long.parseLong(value);
                case "--out" -> out = Paths.get(value);
                case "--stamp" -> stamp = value;
                default ->
                {
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
            i++;
        }
        if (null == itch || !Files.isReadable(itch) || rate < 1 || probeEvery < 1 || rounds < 1 || warmup < 0 ||
            warmupProbeEvery < 1)
        {
            System.err.println(USAGE + (null != itch && !Files.isReadable(itch) ? "\n(cannot read " + itch + ")" : ""));
            System.exit(2);
        }
        System.exit(new TickToTradeHarness().measure(
            itch, rate, probeEvery, rounds, warmup, warmupProbeEvery, out, stamp));
    }

    private int measure(
        final Path itch, final long rate, final long probeEvery, final int rounds, final int warmup,
        final long warmupProbeEvery, final Path out, final String stamp) throws IOException
    {
        header(itch, rate, probeEvery, rounds, warmup, warmupProbeEvery);
        final CpuTimes hotBefore = CpuTimes.read(TickToTradeRound.HOT_CPU);
        final CpuTimes opsBefore = CpuTimes.read(TickToTradeRound.OPS_CPU);
        sleep(1000);
        final CpuTimes hotIdle = CpuTimes.read(TickToTradeRound.HOT_CPU);
        println("before   CPU 1 " + hotIdle.since(hotBefore) + ", CPU 0 " +
            CpuTimes.read(TickToTradeRound.OPS_CPU).since(opsBefore) + " over 1 s with nothing of this run busy");
        if (hotIdle.busyFraction(hotBefore) > HOT_CPU_BUSY_WARNING)
        {
            println("WARNING  another process kept CPU 1 busy before the run: the hot threads will share their CPU " +
                "with it and every figure below includes that; rerun when CPU 1 is idle");
        }
        final CpuTimes hotStart = CpuTimes.read(TickToTradeRound.HOT_CPU);
        final CpuTimes opsStart = CpuTimes.read(TickToTradeRound.OPS_CPU);
        println("");
        final List<TickToTradeRound.Result> results = new ArrayList<>();
        final Map<TickToTradeVariant, Histogram> inCore = new EnumMap<>(TickToTradeVariant.class);
        final Map<TickToTradeVariant, Histogram> wire = new EnumMap<>(TickToTradeVariant.class);
        final Map<TickToTradeVariant, Histogram> toSocket = new EnumMap<>(TickToTradeVariant.class);
        final Histogram handOff = new Histogram(3);
        for (final TickToTradeVariant variant : TickToTradeVariant.values())
        {
            inCore.put(variant, new Histogram(3));
            wire.put(variant, new Histogram(3));
            toSocket.put(variant, new Histogram(3));
        }

        final PlatformFloor.Result floor = PlatformFloor.measure(
            TickToTradeRound.HOT_CPU, TickToTradeRound.OPS_CPU, TimeUnit.SECONDS.toNanos(1), 10_000,
            TimeUnit.MICROSECONDS.toNanos(100));
        final LatencySeries spinGaps = new LatencySeries("floor: spin-loop gaps, CPU 1", "floor-spin-gaps",
            "#7f7f7f", true, floor.spinGaps());
        final LatencySeries tcpSends = new LatencySeries("floor: TCP write, reader blocked", "floor-tcp-write",
            "#2ca02c", true, floor.tcpSends());
        final LatencySeries tcpSendsNoWakeUp = new LatencySeries("floor: TCP write, reader spinning",
            "floor-tcp-write-no-wake-up", "#9467bd", true, floor.tcpSendsNoWakeUp());
        println("platform floor, measured first on the idle hot CPU (no engine running):");
        println(LatencySeries.header());
        println(spinGaps.row());
        println(tcpSends.row());
        println(tcpSendsNoWakeUp.row());
        println("(spin gaps: a pinned nanoTime loop; TCP write: one 50-byte non-blocking write on CPU 1 to a " +
            "loopback connection read on CPU 0, every 100 us; blocked: the reader waits in read, as the venue waits " +
            "in its selector, so each write wakes it; spinning: no wake-up)");
        println("");

        println(String.format("%-8s %-6s %5s %6s %5s %5s %4s %9s %9s %9s %9s %9s %9s %8s %6s %4s %3s %4s %5s",
            "round", "var", "msgs", "orders", "fills", "nolog", "risk", "in p50", "in p99", "in max", "w2w p50",
            "w2w p99", "w2w max", "maxcyc", "stalls", "gaps", "gc", "gcms", "feed"));
        println(String.format("%-8s %-6s %5s %6s %5s %5s %4s %9s %9s %9s %9s %9s %9s %8s %6s %4s %3s %4s %5s",
            "", "", "", "", "", "", "", "us", "us", "us", "us", "us", "us", "us", "", "", "", "", "s"));
        for (int round = -warmup; round < rounds; round++)
        {
            final String label = round < 0 ? "warm-up" : "round " + (round + 1);
            for (final TickToTradeVariant variant : TickToTradeVariant.values())
            {
                final TickToTradeRound.Result result =
                    TickToTradeRound.run(variant, label, itch, rate, round < 0 ? warmupProbeEvery : probeEvery);
                results.add(result);
                println(roundLine(result));
                for (final String problem : result.problems())
                {
                    println("    FAILED CHECK: " + problem);
                }
                if (round >= 0)
                {
                    inCore.get(variant).add(result.inCore());
                    toSocket.get(variant).add(result.toSocket());
                    wire.get(variant).add(result.wire());
                    handOff.add(result.handOff());
                }
            }
        }

        println("msgs: ITCH messages the venue sent; orders: Enter Orders sent, checked equal to the in-core " +
            "samples, the venue's wire samples and its orders; fills: probes that traded; nolog: probes refused " +
            "before the login completed; risk: probes the risk gate refused; maxcyc: longest hot duty cycle; " +
            "stalls: duty cycles over the stall threshold; gaps: MoldUDP64 gaps; gc, gcms: collections during " +
            "the round and their time; feed: seconds from the venue's start to its last message");

        final LatencySeries directInCore = new LatencySeries("in-core, engine (direct)", "in-core-direct",
            "#1f77b4", false, inCore.get(TickToTradeVariant.DIRECT));
        final LatencySeries naiveInCore = new LatencySeries("in-core, naive (queue hop)", "in-core-naive",
            "#d62728", false, inCore.get(TickToTradeVariant.QUEUED));
        final LatencySeries directSocket = new LatencySeries("to socket, engine (direct)", "to-socket-direct",
            "#17becf", false, toSocket.get(TickToTradeVariant.DIRECT));
        final LatencySeries naiveSocket = new LatencySeries("to socket, naive (queue hop)", "to-socket-naive",
            "#ff7f0e", false, toSocket.get(TickToTradeVariant.QUEUED));
        final LatencySeries directWire = new LatencySeries("wire-to-wire, engine (direct)", "wire-direct",
            "#1f77b4", true, wire.get(TickToTradeVariant.DIRECT));
        final LatencySeries naiveWire = new LatencySeries("wire-to-wire, naive (queue hop)", "wire-naive",
            "#d62728", true, wire.get(TickToTradeVariant.QUEUED));

        println("");
        println("all measured rounds (" + rounds + " per variant), HdrHistogram, 3 significant digits:");
        println(LatencySeries.header());
        println(directInCore.row());
        println(naiveInCore.row());
        println(naiveInCore.ratioRow("  in-core naive / engine", directInCore));
        println(directSocket.row());
        println(naiveSocket.row());
        println(naiveSocket.ratioRow("  to socket naive / engine", directSocket));
        println(directWire.row());
        println(naiveWire.row());
        println(naiveWire.ratioRow("  wire-to-wire naive / engine", directWire));
        println(new LatencySeries("naive receiver: stamp -> put done", "hand-off", "#000", false, handOff).row());
        final long p50 = directInCore.histogram().getValueAtPercentile(50);
        final long p99 = directInCore.histogram().getValueAtPercentile(99);
        println("");
        println(String.format("goal (engine in-core): p50 <= %d ns: %s (%d ns); p99 <= %d ns: %s (%d ns)",
            GOAL_P50_NS, p50 <= GOAL_P50_NS ? "met" : "MISSED", p50, GOAL_P99_NS, p99 <= GOAL_P99_NS ? "met" : "MISSED",
            p99));

        final int failures = (int)results.stream().filter((r) -> !r.problems().isEmpty()).count();
        println("during   CPU 1 " + CpuTimes.read(TickToTradeRound.HOT_CPU).since(hotStart) + ", CPU 0 " +
            CpuTimes.read(TickToTradeRound.OPS_CPU).since(opsStart) + " (the hot thread spins: CPU 1 ~100% busy)");
        println("load average at the end " + loadAverage());
        println(failures == 0 ? "all checks passed (" + results.size() + " rounds)" :
            "FAILED: " + failures + " of " + results.size() + " rounds failed a check (see FAILED CHECK above)");

        Files.createDirectories(out);
        final List<LatencySeries> series =
            List.of(directInCore, naiveInCore, directSocket, naiveSocket, directWire, naiveWire);
        for (final LatencySeries line : List.of(directInCore, naiveInCore, directSocket, naiveSocket, directWire,
            naiveWire, spinGaps, tcpSends, tcpSendsNoWakeUp))
        {
            final Path hgrm = out.resolve("tick-to-trade-" + stamp + "-" + line.fileName() + ".hgrm");
            try (PrintStream stream = new PrintStream(Files.newOutputStream(hgrm), true, StandardCharsets.UTF_8))
            {
                stream.println("# " + line.name() + ", microseconds; " + line.histogram().getTotalCount() +
                    " samples; run " + stamp);
                line.histogram().outputPercentileDistribution(stream, 1000.0);
            }
            println("hgrm     " + hgrm);
        }
        final Path html = out.resolve("tick-to-trade-" + stamp + ".html");
        final Path txt = out.resolve("tick-to-trade-" + stamp + ".txt");
        println("plot     " + html);
        println("report   " + txt);
        final String svgInCore = PercentilePlot.svg(
            "In-core tick-to-trade: frame handed to the agent -> Enter Order in the send buffer, and -> TCP write returned",
            List.of(directInCore, naiveInCore, directSocket, naiveSocket, tcpSends, tcpSendsNoWakeUp), List.of(
                new PercentilePlot.Marker("goal p50 300 ns", GOAL_P50_NS),
                new PercentilePlot.Marker("goal p99 1 us", GOAL_P99_NS)));
        final String svgWire = PercentilePlot.svg("Wire-to-wire: venue sends the trigger -> venue reads the order",
            List.of(directWire, naiveWire), List.of());
        final String svgAll = PercentilePlot.svg("All six series", series, List.of());
        final String reportText = log.toString(StandardCharsets.UTF_8);
        Files.writeString(html, PercentilePlot.page("corezero tick-to-trade " + stamp, reportText,
            List.of(svgInCore, svgWire, svgAll)), StandardCharsets.UTF_8);
        Files.writeString(txt, reportText, StandardCharsets.UTF_8);
        return failures == 0 ? 0 : 1;
    }

    private void header(
        final Path itch, final long rate, final long probeEvery, final int rounds, final int warmup,
        final long warmupProbeEvery) throws IOException
    {
        println("corezero tick-to-trade: engine (hot thread reads UDP) vs naive (receiver thread + queue hop)");
        println("date     " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        println("JDK      " + System.getProperty("java.vm.name") + " " + Runtime.version() + "; GC " +
            ManagementFactory.getGarbageCollectorMXBeans().stream().map((gc) -> gc.getName())
                .collect(Collectors.joining(", ")));
        println("JVM args " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        println("CPUs     online " + Files.readString(Paths.get("/sys/devices/system/cpu/online")).strip() +
            "; this process allowed on " + cpusAllowed() + "; hot thread pinned to CPU 1; kernel " +
            System.getProperty("os.version") + "; load average " + loadAverage());
        println("feed     " + itch + " through venue-sim's matching engine, --timing rate --rate " + rate +
            " msgs/s, MoldUDP64 over loopback UDP; OUCH 5.0 over SoupBinTCP on loopback TCP");
        println("trigger  TouchQuoter AAPL, quoting 0, probe-every " + probeEvery +
            ": a 1-share IOC buy at the best bid every " + probeEvery + " AAPL book updates, ClOrdID T<seq>");
        println("in-core  frame handed over (engine: recvfrom returned in the hot thread; naive: receive returned " +
            "in the receiver thread) -> Enter Order encoded in the OUCH session's send buffer, System.nanoTime, " +
            "engine's histogram");
        println("socket   the same start -> the TCP write of the frame's orders returned (one write per frame), " +
            "engine's second histogram");
        println("wire     venue's send of the trigger's packet -> venue's read of the order, System.nanoTime, " +
            "venue's histogram");
        println("rounds   " + warmup + " uncounted warm-up round(s) per variant (probe-every " + warmupProbeEvery +
            ", so the order path is compiled before measuring), then " + rounds +
            " per variant alternating engine, naive; fresh exchange and ports each round");
    }

    private static String roundLine(final TickToTradeRound.Result result)
    {
        return String.format(
            "%-8s %-6s %5d %6d %5d %5d %4d %9.3f %9.3f %9.1f %9.3f %9.3f %9.1f %8.1f %6d %4d %3d %4d %5.2f",
            result.label(), result.variant().label, result.venueMessages(), result.ordersSent(), result.venueFills(),
            result.notLoggedIn(), result.riskRejects(),
            LatencySeries.micros(result.inCore().getValueAtPercentile(50)),
            LatencySeries.micros(result.inCore().getValueAtPercentile(99)),
            LatencySeries.micros(result.inCore().getMaxValue()),
            LatencySeries.micros(result.wire().getValueAtPercentile(50)),
            LatencySeries.micros(result.wire().getValueAtPercentile(99)),
            LatencySeries.micros(result.wire().getMaxValue()),
            LatencySeries.micros(result.maxDutyCycleNs()),
            result.stalls(),
            result.feedGaps(),
            result.gcCount(),
            result.gcMillis(),
            result.feedSeconds());
    }

    private void println(final String line)
    {
        System.out.println(line);
        report.println(line);
    }

    private static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
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

    private static String loadAverage()
    {
        try
        {
            final String[] fields = Files.readString(Paths.get("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (final IOException ex)
        {
            return "unknown";
        }
    }
}
