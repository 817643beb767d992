package corezero.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.List;
import java.util.Locale;

/**
 * Latency by percentile as inline SVG, the way HdrHistogram's plotter draws it: the x axis is {@code 1/(1-p)} on a
 * log scale (so 90%, 99%, 99.9% ... are evenly spaced and the tail is visible), the y axis latency in microseconds,
 * also on a log scale so that sub-microsecond in-core figures and tens-of-microsecond wire figures both read. No
 * script, no external resource: the HTML page is self-contained.
 */
final class PercentilePlot
{
    private static final int WIDTH = 980;
    private static final int HEIGHT = 460;
    private static final int LEFT = 80;
    private static final int RIGHT = 280;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final int TICKS_PER_HALF_DISTANCE = 5;
    private static final String[] PERCENTILE_LABELS = { "0%", "90%", "99%", "99.9%", "99.99%", "99.999%",
        "99.9999%" };
    private static final double[] MANTISSAS = { 1, 2, 5 };

    private PercentilePlot()
    {
    }

    /**
     * A horizontal reference line, e.g. a goal.
     *
     * @param label      shown at its right end.
     * @param valueNanos where it is.
     */
    record Marker(String label, long valueNanos)
    {
    }

    /**
     * @param title   above the chart.
     * @param series  lines to draw.
     * @param markers reference lines.
     * @return one {@code <svg>} element.
     */
    static String svg(final String title, final List<LatencySeries> series, final List<Marker> markers)
    {
        long maxCount = 1;
        double minMicros = Double.MAX_VALUE;
        double maxMicros = 0;
        for (final LatencySeries line : series)
        {
            final Histogram histogram = line.histogram();
            if (histogram.getTotalCount() == 0)
            {
                continue;
            }
            maxCount = Math.max(maxCount, histogram.getTotalCount());
            minMicros = Math.min(minMicros, Math.max(0.001, histogram.getMinValue() / 1000.0));
            maxMicros = Math.max(maxMicros, histogram.getMaxValue() / 1000.0);
        }
        for (final Marker marker : markers)
        {
            minMicros = Math.min(minMicros, marker.valueNanos() / 1000.0);
            maxMicros = Math.max(maxMicros, marker.valueNanos() / 1000.0);
        }
        if (maxMicros == 0)
        {
            minMicros = 0.1;
            maxMicros = 1;
        }
        final double yMin = Math.floor(Math.log10(minMicros));
        final double yMax = Math.ceil(Math.log10(maxMicros * 1.0001));
        // Up to the percentile the largest series can resolve, at least 99.9%.
        final double xMax = Math.min(PERCENTILE_LABELS.length - 1, Math.max(3, Math.ceil(Math.log10(maxCount))));

        final Axes axes = new Axes(xMax, yMin, Math.max(yMax, yMin + 1));
        final StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" " +
            "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT,
            "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", LEFT, escape(title)));
        gridAndLabels(svg, axes);
        for (final Marker marker : markers)
        {
            final double y = axes.y(marker.valueNanos() / 1000.0);
            svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"2,3\"/>%n",
                LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"#666\">%s</text>%n",
                WIDTH - RIGHT + 4, y + 4, escape(marker.label())));
        }
        int legendY = TOP + 60;
        for (final LatencySeries line : series)
        {
            svg.append(polyline(line, axes));
            svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2.5\"%s/>%n",
                WIDTH - RIGHT + 10, legendY, WIDTH - RIGHT + 40, legendY, line.colour(),
                line.dashed() ? " stroke-dasharray=\"6,4\"" : ""));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n",
                WIDTH - RIGHT + 46, legendY + 4, escape(line.name())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#666\">n = %d</text>%n",
                WIDTH - RIGHT + 46, legendY + 18, line.histogram().getTotalCount()));
            legendY += 42;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /**
     * @param title    page title and heading.
     * @param preamble plain text shown above the charts (the run's settings), preformatted.
     * @param charts   {@code <svg>} elements.
     * @return a self-contained HTML page.
     */
    static String page(final String title, final String preamble, final List<String> charts)
    {
        final StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .append(escape(title)).append("</title>\n")
            .append("<style>body{font-family:sans-serif;margin:2em;}pre{font-size:12px;background:#f6f6f6;" +
                "padding:1em;overflow-x:auto;}svg{display:block;margin:1.5em 0;}</style>\n</head>\n<body>\n<h1>")
            .append(escape(title)).append("</h1>\n<pre>").append(escape(preamble)).append("</pre>\n");
        for (final String chart : charts)
        {
            html.append(chart);
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void gridAndLabels(final StringBuilder svg, final Axes axes)
    {
        final int plotRight = WIDTH - RIGHT;
        final int plotBottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n",
            LEFT, TOP, plotRight - LEFT, plotBottom - TOP));
        for (int decade = 0; decade <= (int)axes.xMax; decade++)
        {
            final double x = axes.x(decade);
            svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, TOP, x, plotBottom));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                x, plotBottom + 16, PERCENTILE_LABELS[decade]));
        }
        for (int decade = (int)axes.yMin; decade <= (int)axes.yMax; decade++)
        {
            for (final double mantissa : MANTISSAS)
            {
                final double micros = mantissa * Math.pow(10, decade);
                if (Math.log10(micros) > axes.yMax + 1e-9)
                {
                    break;
                }
                final double y = axes.y(micros);
                svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                    LEFT, y, plotRight, y, mantissa == 1 ? "#ccc" : "#eee"));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, y + 4, formatMicros(micros)));
            }
        }
        svg.append(String.format(Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile (log scale of 1/(1-p))</text>%n",
            (LEFT + plotRight) / 2, HEIGHT - 18));
        svg.append(String.format(Locale.ROOT,
            "<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">" +
            "latency (microseconds, log scale)</text>%n", (TOP + plotBottom) / 2, (TOP + plotBottom) / 2));
    }

    private static String polyline(final LatencySeries line, final Axes axes)
    {
        final Histogram histogram = line.histogram();
        if (histogram.getTotalCount() == 0)
        {
            return "";
        }
        final StringBuilder points = new StringBuilder();
        for (final HistogramIterationValue value : histogram.percentiles(TICKS_PER_HALF_DISTANCE))
        {
            final double fraction = value.getPercentileLevelIteratedTo() / 100.0;
            final double decades = fraction >= 1.0 ? axes.xMax : Math.min(axes.xMax, Math.log10(1 / (1 - fraction)));
            final double micros = Math.max(Math.pow(10, axes.yMin),
                histogram.highestEquivalentValue(value.getValueIteratedTo()) / 1000.0);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", axes.x(decades), axes.y(micros)));
        }
        return String.format(Locale.ROOT,
            "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
            line.colour(), line.dashed() ? " stroke-dasharray=\"6,4\"" : "", points.toString().trim());
    }

    private static String formatMicros(final double micros)
    {
        return micros >= 1 ? String.format(Locale.ROOT, "%.0f", micros) : String.format(Locale.ROOT, "%.2g", micros);
    }

    private static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Scales: x in decades of 1/(1-p), y in log10 microseconds. */
    private static final class Axes
    {
        final double xMax;
        final double yMin;
        final double yMax;

        Axes(final double xMax, final double yMin, final double yMax)
        {
            this.xMax = xMax;
            this.yMin = yMin;
            this.yMax = yMax;
        }

        double x(final double decades)
        {
            return LEFT + decades / xMax * (WIDTH - RIGHT - LEFT);
        }

        double y(final double micros)
        {
            final double log = Math.log10(micros);
            return HEIGHT - BOTTOM - (log - yMin) / (yMax - yMin) * (HEIGHT - BOTTOM - TOP);
        }
    }
}
