package corezero.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Hot swap under load: the tick-to-trade round of {@link TickToTradeRound} (venue-sim replays the real slice at a
 * set rate, the sample strategy probes, the engine trades), run alternately without swaps and with N swaps of the
 * strategy for a fresh instance while the feed runs. Reports the hot thread's time per swap (its stall), the
 * in-core tick-to-trade percentiles with and without swaps, and the input events lost (the round's checks compare
 * the messages the venue sent with those the engine applied: any loss fails the round).
 * <pre>
 *   bench/hot-swap.sh [--rate N] [--probe-every N] [--rounds N] [--swaps N]
 * </pre>
 * Exits 1 if a round failed a check.
 */
public final class HotSwapHarness
{
    /** Goal: the longest hot-thread stall of a swap. */
    static final long GOAL_STALL_NS = 50_000;

    private HotSwapHarness()
    {
    }

    /**
     * @param args options, see the class comment.
     * @throws IOException if the capture cannot be read or the report written.
     */
    public static void main(final String[] args) throws IOException
    {
        Path itch = null;
        Path out = Paths.get("bench", "results");
        String stamp = "run";
        long rate = 10_000;
        long probeEvery = 5;
        int rounds = 3;
        int swaps = 10;
        for (int i = 0; i + 1 < args.length; i += 2)
        {
            final String value = args[i + 1];
            switch (args[i])
            {
                case "--itch" -> itch = Paths.get(value);
                case "--out" -> out = Paths.get(value);
                case "--stamp" -> stamp = value;
                case "--rate" -> rate = Long.parseLong(value);
                case "--probe-every" -> probeEvery = Long.parseLong(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--swaps" -> swaps = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (null == itch)
        {
            throw new IllegalArgumentException("--itch FILE is required");
        }

        final StringBuilder report = new StringBuilder();
        final Histogram without = new Histogram(3);
        final Histogram with = new Histogram(3);
        final Histogram stalls = new Histogram(3);
        long lost = 0;
        int failures = 0;
        line(report, "corezero hot swap under load, " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        line(report, "feed " + itch + " at " + rate + " msgs/s; TouchQuoter probe-every " + probeEvery + "; " + swaps +
            " swaps (fresh instance, orders handed over) per swap round; " + rounds + " rounds of each after a warm-up");
        TickToTradeRound.run(TickToTradeVariant.DIRECT, "warm-up", itch, rate, 1, 0);
        TickToTradeRound.run(TickToTradeVariant.DIRECT, "warm-up", itch, rate, 1, swaps);
        line(report, String.format("%-8s %-6s %6s %9s %9s %9s %9s %10s %6s %6s", "round", "swaps", "orders",
            "in p50", "in p99", "in p99.9", "in max", "swap max", "lost", "checks"));
        for (int round = 1; round <= rounds; round++)
        {
            for (final int n : new int[]{ 0, swaps })
            {
                final TickToTradeRound.Result result =
                    TickToTradeRound.run(TickToTradeVariant.DIRECT, "round " + round, itch, rate, probeEvery, n);
                final long roundLost = Math.max(0, result.venueMessages() - result.feedMessages());
                lost += roundLost;
                failures += result.problems().isEmpty() ? 0 : 1;
                (0 == n ? without : with).add(result.inCore());
                stalls.add(result.swapNanos());
                line(report, String.format("%-8s %-6d %6d %9.3f %9.3f %9.3f %9.1f %10.3f %6d %6s",
                    "round " + round, n, result.ordersSent(), us(result.inCore().getValueAtPercentile(50)),
                    us(result.inCore().getValueAtPercentile(99)), us(result.inCore().getValueAtPercentile(99.9)),
                    us(result.inCore().getMaxValue()), us(result.swapNanos().getMaxValue()), roundLost,
                    result.problems().isEmpty() ? "ok" : "FAILED"));
                for (final String problem : result.problems())
                {
                    line(report, "    FAILED CHECK: " + problem);
                }
            }
        }
        line(report, "");
        line(report, String.format("in-core tick-to-trade, us        count      p50      p99    p99.9      max"));
        line(report, row("without swaps", without));
        line(report, row("with " + swaps + " swaps a round", with));
        line(report, String.format("p99.9 with / without: %.2fx", ratio(with, without, 99.9)));
        line(report, String.format("swap stall (hot thread applying the change), us: count %d, p50 %.3f, max %.3f",
            stalls.getTotalCount(), us(stalls.getValueAtPercentile(50)), us(stalls.getMaxValue())));
        line(report, String.format("goal: stall <= %d us: %s; input events lost: %d",
            GOAL_STALL_NS / 1000, stalls.getMaxValue() <= GOAL_STALL_NS ? "met" : "MISSED", lost));
        line(report, failures == 0 ? "all checks passed" : "FAILED: " + failures + " rounds failed a check");
        Files.createDirectories(out);
        final Path file = out.resolve("hot-swap-" + stamp + ".txt");
        Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
        System.out.println("report   " + file);
        if (failures > 0)
        {
            System.exit(1);
        }
    }

    private static String row(final String name, final Histogram h)
    {
        return String.format("%-30s %8d %8.3f %8.3f %8.3f %8.1f", name, h.getTotalCount(),
            us(h.getValueAtPercentile(50)), us(h.getValueAtPercentile(99)), us(h.getValueAtPercentile(99.9)),
            us(h.getMaxValue()));
    }

    private static double ratio(final Histogram a, final Histogram b, final double percentile)
    {
        final long denominator = b.getValueAtPercentile(percentile);
        return 0 == denominator ? 0 : a.getValueAtPercentile(percentile) / (double)denominator;
    }

    private static double us(final long nanos)
    {
        return nanos / 1000.0;
    }

    private static void line(final StringBuilder report, final String line)
    {
        System.out.println(line);
        report.append(line).append('\n');
    }
}
