package corezero.sys;

import net.openhft.affinity.Affinity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * Pins the calling thread to one CPU with OpenHFT Affinity and checks that the kernel agreed. Called once, from
 * the thread being pinned, at agent start.
 */
public final class CpuPinning
{
    private CpuPinning()
    {
    }

    /**
     * Pin the calling thread to {@code cpu}.
     *
     * @param cpu CPU index.
     * @return the CPU the thread is allowed on afterwards (== cpu).
     * @throws IllegalStateException with the reason when the CPU is offline or the kernel refused.
     */
    public static int pinCurrentThread(final int cpu)
    {
        final BitSet online = onlineCpus();
        if (!online.get(cpu))
        {
            throw new IllegalStateException("cpu " + cpu + " is not online (online: " + online + ")");
        }
        final BitSet wanted = new BitSet();
        wanted.set(cpu);
        Affinity.setAffinity(wanted);
        final BitSet actual = Affinity.getAffinity();
        if (!wanted.equals(actual))
        {
            throw new IllegalStateException(
                "could not pin to cpu " + cpu + ": thread affinity is " + actual + " (needs JNA and permission)");
        }
        return cpu;
    }

    /**
     * CPUs the kernel has online, from {@code /sys/devices/system/cpu/online} (not
     * {@link Runtime#availableProcessors()}, which shrinks to the JVM's own affinity mask).
     *
     * @return set of online CPU indices.
     */
    public static BitSet onlineCpus()
    {
        try
        {
            return parseCpuList(Files.readString(Path.of("/sys/devices/system/cpu/online")).trim());
        }
        catch (final IOException ex)
        {
            final BitSet cpus = new BitSet();
            cpus.set(0, Runtime.getRuntime().availableProcessors());
            return cpus;
        }
    }

    /**
     * Parse a kernel CPU list such as {@code 0-3,6,8-9}.
     *
     * @param list the list.
     * @return the CPUs.
     * @throws IllegalArgumentException on a malformed list.
     */
    public static BitSet parseCpuList(final String list)
    {
        final BitSet cpus = new BitSet();
        if (list.isEmpty())
        {
            return cpus;
        }
        for (final String part : list.split(","))
        {
            final int dash = part.indexOf('-');
            try
            {
                if (dash < 0)
                {
                    cpus.set(Integer.parseInt(part.trim()));
                }
                else
                {
                    final int from = Integer.parseInt(part.substring(0, dash).trim());
                    final int to = Integer.parseInt(part.substring(dash + 1).trim());
                    if (to < from)
                    {
                        throw new IllegalArgumentException("bad cpu range '" + part + "' in '" + list + "'");
                    }
                    cpus.set(from, to + 1);
                }
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("bad cpu list '" + list + "'", ex);
            }
        }
        return cpus;
    }
}
