package corezero.telemetry;

import org.agrona.concurrent.status.CountersReader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/corezero stat}: prints the engine's counters from another process by mapping the counters file,
 * refreshing until interrupted (or once with {@code --once}). It never writes to the file.
 */
public final class CounterStat
{
    private CounterStat()
    {
    }

    /**
     * @param args {@code [--once] [--interval-ms N] RUN_DIR}.
     * @throws InterruptedException when interrupted between refreshes.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        boolean once = false;
        long intervalMs = 1000;
        Path runDir = null;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--once":
                    once = true;
                    break;
                case "--interval-ms":
                    if (i + 1 == args.length)
                    {
                        usage("--interval-ms needs a number of milliseconds");
                    }
                    intervalMs = parsePositive(args[++i]);
                    break;
                default:
                    if (args[i].startsWith("-") || runDir != null)
                    {
                        usage("unexpected argument '" + args[i] + "'");
                    }
                    runDir = Path.of(args[i]);
                    break;
            }
        }
        if (runDir == null)
        {
            final String fallback = System.getProperty("corezero.stat.default-run-dir");
            if (fallback == null)
            {
                usage("missing RUN_DIR");
            }
            runDir = Path.of(fallback);
        }

        final Path file = runDir.resolve(CountersFileDescriptor.FILE_NAME);
        final CountersFile countersFile;
        try
        {
            countersFile = CountersFile.open(file);
        }
        catch (final IllegalStateException ex)
        {
            System.err.println("corezero stat: " + ex.getMessage());
            System.exit(1);
            return;
        }

        final CountersReader reader = countersFile.newReader();
        final PrintStream out = System.out;
        do
        {
            if (!once)
            {
                out.print("\033[H\033[2J");
            }
            out.print(render(countersFile, reader));
            out.flush();
            if (!once)
            {
                TimeUnit.MILLISECONDS.sleep(intervalMs);
            }
        }
        while (!once);
    }

    /**
     * The whole report as text: header then one line per allocated counter.
     *
     * @param countersFile mapped file (for the header).
     * @param reader       counters reader.
     * @return the report.
     */
    public static String render(final CountersFile countersFile, final CountersReader reader)
    {
        final long pid = countersFile.pid();
        final boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format("corezero stat  %s  pid %d (%s)  started %s%n",
            Instant.now(),
            pid,
            alive ? "running" : "not running",
            Instant.ofEpochMilli(countersFile.startTimestampMs())));
        sb.append(String.format("%4s %20s  %-24s %s%n", "ID", "VALUE", "NAME", "LABEL"));
        reader.forEach((value, id, label) ->
        {
            final EngineCounter counter = EngineCounter.forTypeId(reader.getCounterTypeId(id));
            sb.append(String.format("%4d %,20d  %-24s %s%n",
                id, value, counter == null ? "-" : counter.shortName(), label));
        });
        return sb.toString();
    }

    private static long parsePositive(final String text)
    {
        try
        {
            final long value = Long.parseLong(text);
            if (value > 0)
            {
                return value;
            }
        }
        catch (final NumberFormatException ignore)
        {
            // reported below
        }
        usage("--interval-ms expects a positive integer, got '" + text + "'");
        return 0;
    }

    private static void usage(final String problem)
    {
        System.err.println("corezero stat: " + problem);
        System.err.println("usage: bin/corezero stat [--once] [--interval-ms N] [RUN_DIR]");
        System.exit(2);
    }
}
