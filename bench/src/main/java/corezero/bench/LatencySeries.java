package corezero.bench;

import org.HdrHistogram.Histogram;

/**
 * One line of the tick-to-trade report and plot: a name, a colour and a histogram of nanoseconds.
 *
 * @param name      shown in the table and the legend.
 * @param fileName  short name for the series' .hgrm file.
 * @param colour    CSS colour of the plot line.
 * @param dashed    true to draw the line dashed.
 * @param histogram the samples, in nanoseconds.
 */
record LatencySeries(String name, String fileName, String colour, boolean dashed, Histogram histogram)
{
    /** Percentiles of the table, in order. */
    static final double[] PERCENTILES = { 50.0, 90.0, 99.0, 99.9, 99.99 };

    /** @return the table's header, matching {@link #row()}. */
    static String header()
    {
        return String.format("%-34s %8s %9s %9s %9s %9s %9s %9s", "(microseconds)", "count", "p50", "p90", "p99",
            "p99.9", "p99.99", "max");
    }

    /** @return the series' percentiles in microseconds. */
    String row()
    {
        final StringBuilder row = new StringBuilder(String.format("%-34s %8d", name, histogram.getTotalCount()));
        for (final double percentile : PERCENTILES)
        {
            row.append(String.format(" %9.3f", micros(histogram.getValueAtPercentile(percentile))));
        }
        row.append(String.format(" %9.3f", micros(histogram.getMaxValue())));
        return row.toString();
    }

    /**
     * @param name  of the row.
     * @param base  the denominator.
     * @return this series' percentiles divided by {@code base}'s.
     */
    String ratioRow(final String name, final LatencySeries base)
    {
        final StringBuilder row = new StringBuilder(String.format("%-34s %8s", name, ""));
        for (final double percentile : PERCENTILES)
        {
            row.append(String.format(" %8.2fx", (double)histogram.getValueAtPercentile(percentile) /
                Math.max(1, base.histogram.getValueAtPercentile(percentile))));
        }
        row.append(String.format(" %8.2fx",
            (double)histogram.getMaxValue() / Math.max(1, base.histogram.getMaxValue())));
        return row.toString();
    }

    /**
     * @param nanos a latency.
     * @return it in microseconds.
     */
    static double micros(final long nanos)
    {
        return nanos / 1000.0;
    }
}
