package corezero.bench;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The feed benchmark's tables and plots, from its phases: latency per transport over all rounds with ratios to
 * kernel UDP, per round, the receiver thread's kernel entries and loop gaps, the floor, throughput, and the goal.
 */
final class FeedLatencyReport
{
    private final FeedLatencySender.Path sender;
    private final List<FeedLatencyTransport> transports;
    private final List<FeedLatencyPhase.Result> latency;
    private final List<FeedLatencyPhase.Result> floors;
    private final List<FeedLatencyPhase.Result> throughput;
    private final Map<FeedLatencyTransport, LatencySeries> fromSend = new EnumMap<>(FeedLatencyTransport.class);
    private final Map<FeedLatencyTransport, LatencySeries> fromSchedule = new EnumMap<>(FeedLatencyTransport.class);
    private final Map<FeedLatencyTransport, LatencySeries> loopGaps = new EnumMap<>(FeedLatencyTransport.class);

    /**
     * @param sender     the venue's send path, for every phase.
     * @param transports the transports compared, in order.
     * @param latency    the paced phases.
     * @param floors     the floor phases.
     * @param throughput the unpaced phases.
     */
    FeedLatencyReport(
        final FeedLatencySender.Path sender, final List<FeedLatencyTransport> transports, final List<FeedLatencyPhase.Result> latency,
        final List<FeedLatencyPhase.Result> floors, final List<FeedLatencyPhase.Result> throughput)
    {
        this.sender = sender;
        this.transports = transports;
        this.latency = latency;
        this.floors = floors;
        this.throughput = throughput;
        for (final FeedLatencyTransport transport : transports)
        {
            final String file = transport.name().toLowerCase(Locale.ROOT).replace('_', '-');
            fromSend.put(transport, new LatencySeries(transport.label + ": send -> onFrame", file,
                transport.colour, false, sum(latency, transport, FeedLatencyPhase.Result::fromSend)));
            fromSchedule.put(transport, new LatencySeries(transport.label + ": scheduled -> onFrame",
                file + "-from-schedule", transport.colour, true,
                sum(latency, transport, FeedLatencyPhase.Result::fromSchedule)));
            loopGaps.put(transport, new LatencySeries(transport.label + ": loop gaps > 1 us", file + "-loop-gaps",
                transport.colour, false, sum(latency, transport, FeedLatencyPhase.Result::loopGaps)));
        }
        loopGaps.put(FeedLatencyTransport.FLOOR, new LatencySeries(FeedLatencyTransport.FLOOR.label +
            ": gaps > 1 us", "floor-loop-gaps", FeedLatencyTransport.FLOOR.colour, true,
            sum(floors, FeedLatencyTransport.FLOOR, FeedLatencyPhase.Result::loopGaps)));
    }

    private static Histogram sum(
        final List<FeedLatencyPhase.Result> results, final FeedLatencyTransport transport,
        final Function<FeedLatencyPhase.Result, Histogram> which)
    {
        final Histogram total = new Histogram(FeedLatencyReceiver.MAX_NS, 3);
        for (final FeedLatencyPhase.Result result : results)
        {
            if (result.transport() == transport)
            {
                total.add(which.apply(result));
            }
        }
        return total;
    }

    /** @return every series, for the .hgrm files. */
    List<LatencySeries> allSeries()
    {
        final List<LatencySeries> all = new ArrayList<>(fromSend.values());
        all.addAll(fromSchedule.values());
        all.addAll(loopGaps.values());
        return all;
    }

    /**
     * @param goalRatio AF_XDP native p50 / UDP p50 at most this.
     * @return the plots, as SVG.
     */
    List<String> charts(final double goalRatio)
    {
        final List<PercentilePlot.Marker> markers = new ArrayList<>();
        final LatencySeries udp = fromSend.get(FeedLatencyTransport.UDP);
        if (null != udp && udp.histogram().getTotalCount() > 0)
        {
            markers.add(new PercentilePlot.Marker(String.format(Locale.ROOT, "goal: AF_XDP p50 <= %.1f x UDP p50",
                goalRatio), (long)(goalRatio * udp.histogram().getValueAtPercentile(50))));
        }
        final List<LatencySeries> both = new ArrayList<>(fromSend.values());
        both.addAll(fromSchedule.values());
        return List.of(
            PercentilePlot.svg("Feed receive latency: sender's System.nanoTime before send -> receiver's onFrame; " +
                FeedLatencyHarness.senderLabel(sender),
                new ArrayList<>(fromSend.values()), markers),
            PercentilePlot.svg("The same, from the scheduled send time (includes the sender's own lateness)",
                both, List.of()),
            PercentilePlot.svg("Receiver loop iterations longer than 1 us (per transport, and the loop alone)",
                new ArrayList<>(loopGaps.values()), List.of()));
    }

    /**
     * @param out       line sink.
     * @param goalRatio AF_XDP native p50 / UDP p50 at most this.
     */
    void print(final Consumer<String> out, final double goalRatio)
    {
        out.accept("");
        out.accept("Latency, sender's nanoTime just before send -> receiver's nanoTime in onFrame, all rounds; " +
            FeedLatencyHarness.senderLabel(sender) + ":");
        table(out, fromSend);
        out.accept("");
        out.accept("Latency from the scheduled send time (adds the sender's lateness on the shared CPU 0):");
        table(out, fromSchedule);

        out.accept("");
        out.accept("By round, p50 / p99 / max in microseconds (send -> onFrame):");
        final int rounds = latency.stream().mapToInt(FeedLatencyPhase.Result::round).max().orElse(0);
        for (int round = 1; round <= rounds; round++)
        {
            final StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d", round));
            for (final FeedLatencyPhase.Result result : latency)
            {
                if (result.round() == round)
                {
                    line.append(String.format(Locale.ROOT, "   %s %.2f / %.1f / %.0f", result.transport().name(),
                        p(result.fromSend(), 50), p(result.fromSend(), 99),
                        LatencySeries.micros(result.fromSend().getMaxValue())));
                }
            }
            final FeedLatencyPhase.Result udp = find(latency, FeedLatencyTransport.UDP, round);
            final FeedLatencyPhase.Result xdp = find(latency, FeedLatencyTransport.XDP_NATIVE, round);
            if (null != udp && null != xdp)
            {
                line.append(String.format(Locale.ROOT, "   XDP_NATIVE/UDP p50 %.2fx", ratio(xdp.fromSend(),
                    udp.fromSend(), 50)));
            }
            out.accept(line.toString());
        }

        out.accept("");
        out.accept("Receiver thread, all rounds: frames to max gap over the latency windows; syscalls/s and ctxsw/s " +
            "over the 1 s counting window after each (same traffic, latency not recorded):");
        out.accept(String.format(Locale.ROOT, "%-24s %9s %6s %6s %6s %11s %10s %11s %10s %9s %8s %7s %4s",
            "", "frames/s", "gaps", "reord", "neg", "syscalls/s", "ctxsw/s", "polls/s", "gaps>1us/s", "maxgap us",
            "ringdrop", "kicks", "GCs"));
        for (final FeedLatencyTransport transport : transports)
        {
            out.accept(receiverRow(transport, latency));
        }
        out.accept(receiverRow(FeedLatencyTransport.FLOOR, floors));
        out.accept("(polls/s: receiver loop iterations; for UDP each is at least one recvfrom. gaps>1us: loop " +
            "iterations longer than 1 us, start of one poll to the start of the next; the floor row is the same loop " +
            "polling nothing.)");
        if (FeedLatencySender.Path.RING == sender)
        {
            out.accept("");
            out.accept("Ring sender, latency windows of all rounds: sends that found the TX ring full (each retried " +
                "with its first stamp), packets abandoned at stop, kicks refused (whole phases):");
            for (final FeedLatencyTransport transport : transports)
            {
                long notSent = 0;
                long abandoned = 0;
                long kickErrors = 0;
                long sent = 0;
                for (final FeedLatencyPhase.Result result : latency)
                {
                    if (result.transport() == transport)
                    {
                        notSent += result.sendsNotSent();
                        abandoned += result.sendsAbandoned();
                        kickErrors += result.sendKickErrors();
                        sent += result.sent();
                    }
                }
                out.accept(String.format(Locale.ROOT, "%-24s sent %d, TX ring full %d, abandoned %d, kicks refused %d",
                    transport.label, sent, notSent, abandoned, kickErrors));
            }
        }
        out.accept("");
        out.accept("Loop iterations longer than 1 us, their lengths:");
        out.accept(LatencySeries.header());
        for (final LatencySeries line : loopGaps.values())
        {
            out.accept(line.row());
        }

        if (!throughput.isEmpty())
        {
            out.accept("");
            out.accept("Throughput, sender unpaced (one thread on CPU 0; the kernel's veth and receive work runs " +
                "there too):");
            out.accept(String.format(Locale.ROOT, "%-24s %10s %12s %10s %8s %11s %9s %9s %10s", "", "sent/s",
                "delivered/s", "lost", "lost %", "syscalls/s", "ringdrop", "p50 us", "tx full"));
            for (final FeedLatencyPhase.Result result : throughput)
            {
                final double seconds = result.seconds();
                out.accept(String.format(Locale.ROOT, "%-24s %10.0f %12.0f %10d %8.2f %11s %9d %9.1f %10s",
                    result.transport().label, result.sent() / seconds, result.frames() / seconds, result.gaps(),
                    100.0 * result.gaps() / Math.max(1, result.gaps() + result.frames()),
                    result.syscalls() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", result.syscalls() / result.countSeconds()),
                    result.ringDrops(), p(result.fromSend(), 50),
                    FeedLatencySender.Path.RING == sender ? Long.toString(result.sendsNotSent()) : "-"));
            }
        }

        goal(out, goalRatio);
    }

    private void table(final Consumer<String> out, final Map<FeedLatencyTransport, LatencySeries> series)
    {
        out.accept(LatencySeries.header());
        for (final LatencySeries line : series.values())
        {
            out.accept(line.row());
        }
        final LatencySeries udp = series.get(FeedLatencyTransport.UDP);
        if (null == udp)
        {
            return;
        }
        for (final Map.Entry<FeedLatencyTransport, LatencySeries> entry : series.entrySet())
        {
            if (entry.getKey() != FeedLatencyTransport.UDP)
            {
                out.accept(entry.getValue().ratioRow(entry.getKey().label + " / UDP", udp));
            }
        }
    }

    private static String receiverRow(
        final FeedLatencyTransport transport, final List<FeedLatencyPhase.Result> results)
    {
        double seconds = 0;
        double countSeconds = 0;
        long frames = 0;
        long gaps = 0;
        long reordered = 0;
        long negative = 0;
        long syscalls = 0;
        long contextSwitches = 0;
        boolean counted = true;
        long loops = 0;
        long ringDrops = -1;
        long kicks = -1;
        long gcs = 0;
        final Histogram loopGaps = new Histogram(FeedLatencyReceiver.MAX_NS, 3);
        for (final FeedLatencyPhase.Result result : results)
        {
            if (result.transport() != transport)
            {
                continue;
            }
            seconds += result.seconds();
            countSeconds += result.countSeconds();
            frames += result.frames();
            gaps += result.gaps();
            reordered += result.reordered();
            negative += result.negative();
            counted &= result.syscalls() >= 0;
            syscalls += result.syscalls();
            contextSwitches += result.contextSwitches();
            loops += result.loops();
            if (result.ringDrops() >= 0)
            {
                ringDrops = Math.max(0, ringDrops) + result.ringDrops();
                kicks = Math.max(0, kicks) + result.kicks();
            }
            gcs += result.gcCount();
            loopGaps.add(result.loopGaps());
        }
        seconds = Math.max(seconds, 1e-9);
        countSeconds = Math.max(countSeconds, 1e-9);
        return String.format(Locale.ROOT, "%-24s %9.0f %6d %6d %6d %11s %10s %11.0f %10.0f %9.1f %8s %7s %4d",
            transport.label, frames / seconds, gaps, reordered, negative,
            counted ? String.format(Locale.ROOT, "%.0f", syscalls / countSeconds) : "n/a",
            counted ? String.format(Locale.ROOT, "%.1f", contextSwitches / countSeconds) : "n/a",
            loops / seconds, loopGaps.getTotalCount() / seconds, LatencySeries.micros(loopGaps.getMaxValue()),
            ringDrops < 0 ? "-" : Long.toString(ringDrops), kicks < 0 ? "-" : Long.toString(kicks), gcs);
    }

    private void goal(final Consumer<String> out, final double goalRatio)
    {
        final LatencySeries udp = fromSend.get(FeedLatencyTransport.UDP);
        final LatencySeries xdp = fromSend.get(FeedLatencyTransport.XDP_NATIVE);
        out.accept("");
        if (null == udp || null == xdp || udp.histogram().getTotalCount() == 0 || xdp.histogram().getTotalCount() == 0)
        {
            out.accept("goal     not evaluated: needs UDP and XDP_NATIVE latency phases");
            return;
        }
        final double ratio = ratio(xdp.histogram(), udp.histogram(), 50);
        long syscalls = 0;
        boolean counted = true;
        for (final FeedLatencyPhase.Result result : latency)
        {
            if (result.transport() == FeedLatencyTransport.XDP_NATIVE)
            {
                counted &= result.syscalls() >= 0;
                syscalls += Math.max(0, result.syscalls());
            }
        }
        out.accept(String.format(Locale.ROOT, "goal     AF_XDP native p50 / kernel UDP p50 = %.3f / %.3f us = %.2fx " +
            "(goal <= %.1fx): %s", p(xdp.histogram(), 50), p(udp.histogram(), 50), ratio, goalRatio,
            ratio <= goalRatio ? "MET" : "NOT MET"));
        out.accept("goal     system calls by the AF_XDP native receiver thread in its counting windows: " +
            (counted ? syscalls + (0 == syscalls ? ": MET (zero)" : ": NOT MET") : "not counted"));
    }

    private static FeedLatencyPhase.Result find(
        final List<FeedLatencyPhase.Result> results, final FeedLatencyTransport transport, final int round)
    {
        for (final FeedLatencyPhase.Result result : results)
        {
            if (result.transport() == transport && result.round() == round)
            {
                return result;
            }
        }
        return null;
    }

    private static double p(final Histogram histogram, final double percentile)
    {
        return LatencySeries.micros(histogram.getValueAtPercentile(percentile));
    }

    private static double ratio(final Histogram numerator, final Histogram denominator, final double percentile)
    {
        return (double)numerator.getValueAtPercentile(percentile) /
            Math.max(1, denominator.getValueAtPercentile(percentile));
    }
}
