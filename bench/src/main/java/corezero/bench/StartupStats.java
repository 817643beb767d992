package corezero.bench;

import java.util.Arrays;

/**
 * Order statistics of a handful of start-up times. Percentiles are nearest-rank over the sorted samples (p50 of
 * ten runs is the 5th smallest, p90 the 9th): with so few samples there is nothing to interpolate honestly.
 */
final class StartupStats
{
    final int count;
    final double p50;
    final double p90;
    final double max;
    final double mean;

    private StartupStats(final double[] sorted)
    {
        count = sorted.length;
        p50 = nearestRank(sorted, 50);
        p90 = nearestRank(sorted, 90);
        max = count == 0 ? Double.NaN : sorted[count - 1];
        mean = count == 0 ? Double.NaN : Arrays.stream(sorted).sum() / count;
    }

    /**
     * @param samples values, in any order.
     * @return their statistics (NaN when there are none).
     */
    static StartupStats of(final double[] samples)
    {
        final double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new StartupStats(sorted);
    }

    /**
     * One table row.
     *
     * @param label row label.
     * @return the row, times in ms.
     */
    String row(final String label)
    {
        return String.format("%-36s %3d %9.1f %9.1f %9.1f %9.1f", label, count, p50, p90, max, mean);
    }

    /** @return the header matching {@link #row(String)}. */
    static String header()
    {
        return String.format("%-36s %3s %9s %9s %9s %9s", "", "n", "p50 ms", "p90 ms", "max ms", "mean ms");
    }

    private static double nearestRank(final double[] sorted, final int percentile)
    {
        if (sorted.length == 0)
        {
            return Double.NaN;
        }
        final int rank = (int)Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
