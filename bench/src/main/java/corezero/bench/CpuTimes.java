package corezero.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * One CPU's times from {@code /proc/stat}, in clock ticks, to tell how busy a CPU was between two readings and how
 * much time the hypervisor took from it (steal): the report says whether the hot CPU was shared during a run.
 *
 * @param busy  user, nice, system, irq and softirq ticks.
 * @param steal ticks the hypervisor ran something else.
 * @param total all ticks.
 */
record CpuTimes(long busy, long steal, long total)
{
    /**
     * @param cpu the CPU index.
     * @return its times now, or zeros if /proc/stat cannot be read.
     */
    static CpuTimes read(final int cpu)
    {
        try
        {
            final String prefix = "cpu" + cpu + " ";
            for (final String line : Files.readAllLines(Paths.get("/proc/stat")))
            {
                if (line.startsWith(prefix))
                {
                    final String[] f = line.substring(prefix.length()).strip().split("\\s+");
                    final long user = Long.parseLong(f[0]);
                    final long nice = Long.parseLong(f[1]);
                    final long system = Long.parseLong(f[2]);
                    final long idle = Long.parseLong(f[3]);
                    final long iowait = Long.parseLong(f[4]);
                    final long irq = Long.parseLong(f[5]);
                    final long softirq = Long.parseLong(f[6]);
                    final long steal = f.length > 7 ? Long.parseLong(f[7]) : 0;
                    return new CpuTimes(user + nice + system + irq + softirq, steal,
                        user + nice + system + idle + iowait + irq + softirq + steal);
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // Not Linux, or an unexpected format: the report shows 0%.
        }
        return new CpuTimes(0, 0, 0);
    }

    /**
     * @param earlier a reading before this one.
     * @return the busy fraction of the ticks between the two, 0..1.
     */
    double busyFraction(final CpuTimes earlier)
    {
        return (double)(busy - earlier.busy) / Math.max(1, total - earlier.total);
    }

    /**
     * @param earlier a reading before this one.
     * @return "busy X%, steal Y%" between the two.
     */
    String since(final CpuTimes earlier)
    {
        final double ticks = Math.max(1, total - earlier.total);
        return String.format("busy %.0f%%, steal %.1f%%", 100.0 * (busy - earlier.busy) / ticks,
            100.0 * (steal - earlier.steal) / ticks);
    }
}
