package corezero.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times launch to nREPL ready for the engine against two peers, interleaved.
 * <p>
 * A is {@code bin/corezero run} on a temporary config (own run directory, Unix socket only, hot core = last online
 * CPU). B, the peer, is a bare nREPL 1.0 server started from the same jars with {@code nrepl.cmdline}, with the
 * same {@code java}, JVM flags and ops-core binding, without the engine. Debian's nREPL jar holds only sources,
 * which B compiles at every start while the engine loads nREPL from the classes AOT-compiled into
 * corezero-repl.jar; so C, a second peer, starts the same server from those AOT classes ({@code nrepl.server/
 * start-server :socket}), which is the floor the engine's own start-up work sits on. The order is A B C A B C.
 * Ready means the socket accepted a connection and answered a bencoded
 * {@code describe} with status done; the clock starts just before {@code ProcessBuilder.start()} and the socket is
 * polled every 5 ms, for at most 30 s. Each process is stopped by its PID and its temporary files deleted before
 * the next starts. Exits 1 if any launch (warm-up included) failed to become ready or to stop.
 * <p>
 * Usage: {@code StartupHarness --home PROJECT_ROOT [--runs N] [--warmup N]}; bench/startup.sh runs it.
 */
public final class StartupHarness
{
    private static final int OPS_CORE = 0;

    /** bin/corezero's JVM options, so that the peer differs from the engine only in what it loads. */
    private static final List<String> ENGINE_JVM_OPTIONS = List.of(
        "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
        "-XX:+UseSerialGC",
        "-XX:+UnlockDiagnosticVMOptions",
        "-XX:GuaranteedSafepointInterval=0",
        "-Xss1m");

    /** What is launched. */
    private enum Contender
    {
        ENGINE("A engine   "),
        NREPL_CMDLINE("B peer     "),
        NREPL_AOT("C peer AOT ");

        final String label;

        Contender(final String label)
        {
            this.label = label;
        }
    }

    private final Path home;
    private final int hotCore;
    private final String peerClassPath;
    private final String aotPeerClassPath;
    private volatile TimedLaunch current;

    private StartupHarness(
        final Path home, final int hotCore, final String peerClassPath, final String aotPeerClassPath)
    {
        this.home = home;
        this.hotCore = hotCore;
        this.peerClassPath = peerClassPath;
        this.aotPeerClassPath = aotPeerClassPath;
    }

    /**
     * @param args {@code --home DIR [--runs N] [--warmup N]}.
     * @throws IOException when the project layout cannot be read.
     */
    public static void main(final String[] args) throws IOException
    {
        Path home = Paths.get(System.getProperty("user.dir"));
        int runs = 10;
        int warmup = 1;
        for (int i = 0; i < args.length; i++)
        {
            final String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i])
            {
                case "--home":
                    home = Paths.get(value);
                    i++;
                    break;

                case "--runs":
                    runs = Integer.parseInt(value);
                    i++;
                    break;

                case "--warmup":
                    warmup = Integer.parseInt(value);
                    i++;
                    break;

                default:
                    System.err.println("usage: StartupHarness --home PROJECT_ROOT [--runs N] [--warmup N]");
                    System.exit(2);
            }
        }
        if (runs < 1 || warmup < 0)
        {
            System.err.println("startup: --runs must be >= 1 and --warmup >= 0");
            System.exit(2);
        }

        home = home.toAbsolutePath().normalize();
        final String onlineCpus = Files.readString(Paths.get("/sys/devices/system/cpu/online")).strip();
        final int hotCore = lastCpu(onlineCpus);
        if (hotCore == OPS_CORE)
        {
            System.err.println("startup: needs a second online CPU for the hot thread (online: " + onlineCpus + ")");
            System.exit(2);
        }
        if (!Files.isExecutable(home.resolve("bin/corezero")))
        {
            System.err.println("startup: " + home.resolve("bin/corezero") + " not found; pass --home PROJECT_ROOT");
            System.exit(2);
        }
        final Path lib = home.resolve("repl/target/lib");
        // Clojure 1.12 needs spec.alpha and core.specs.alpha beside it; they are part of "the same jars".
        final String clojureJar = jar(lib, "clojure-1.12");
        final String nreplJars = String.join(":",
            jar(lib, "nrepl-"), jar(lib, "spec.alpha-"), jar(lib, "core.specs.alpha-"));
        final String peerClassPath = clojureJar + ":" + nreplJars;
        final String aotPeerClassPath = clojureJar + ":" + home.resolve("repl/target/corezero-repl.jar") + ":" +
            nreplJars;

        System.out.println("corezero start-up: launch to nREPL ready (describe answered)");
        System.out.println("date     " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        System.out.println("JDK      " + System.getProperty("java.vm.name") + " " + Runtime.version() +
            " (" + System.getProperty("java.home") + "; launches use `java` on PATH)");
        System.out.println("CPUs     " + Runtime.getRuntime().availableProcessors() + " available, online " +
            onlineCpus + "; kernel " + System.getProperty("os.version") + "; load average " + loadAverage());
        System.out.println("A        bin/corezero run <temp config>: ops core " + OPS_CORE + ", hot core " +
            hotCore + ", Unix socket only");
        System.out.println("B (peer) taskset -c " + OPS_CORE + " java " + String.join(" ", ENGINE_JVM_OPTIONS) +
            " -cp " + peerClassPath + " clojure.main -m nrepl.cmdline --socket <temp>/nrepl.sock");
        System.out.println("C (peer) as B with -cp " + aotPeerClassPath + " clojure.main -e " +
            aotPeerForm("<temp>/nrepl.sock"));
        System.out.println("method   " + runs + " runs each, interleaved A B C, after " + warmup +
            " uncounted warm-up round(s); socket polled every 5 ms, 30 s bound; harness unpinned");
        System.out.println();

        final StartupHarness harness = new StartupHarness(home, hotCore, peerClassPath, aotPeerClassPath);
        Runtime.getRuntime().addShutdownHook(new Thread(harness::killCurrent, "startup-harness-cleanup"));
        System.exit(harness.measure(runs, warmup));
    }

    private int measure(final int runs, final int warmup) throws IOException
    {
        final Contender[] contenders = Contender.values();
        final double[][] readyMs = new double[contenders.length][runs];
        final List<Double> engineReportedMs = new ArrayList<>();
        int failures = 0;
        for (int run = -warmup; run < runs; run++)
        {
            final String label = run < 0 ? "warm-up" : String.format("run %2d ", run + 1);
            for (final Contender contender : contenders)
            {
                final TimedLaunch.Result result = launch(contender, label);
                failures += result.failure == null ? 0 : 1;
                if (run >= 0)
                {
                    readyMs[contender.ordinal()][run] = result.readyMs;
                    if (contender == Contender.ENGINE && result.engineReportedMs >= 0)
                    {
                        engineReportedMs.add((double)result.engineReportedMs);
                    }
                }
            }
        }

        System.out.println();
        System.out.println("load average at the end " + loadAverage() + " (other work on this VM shows here)");
        if (failures > 0)
        {
            System.out.println("startup: " + failures + " launch(es) failed; no summary");
            return 1;
        }
        final StartupStats a = StartupStats.of(readyMs[Contender.ENGINE.ordinal()]);
        final StartupStats b = StartupStats.of(readyMs[Contender.NREPL_CMDLINE.ordinal()]);
        final StartupStats c = StartupStats.of(readyMs[Contender.NREPL_AOT.ordinal()]);
        final StartupStats reported = StartupStats.of(
            engineReportedMs.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.println("launch -> nREPL ready, nearest-rank percentiles");
        System.out.println(StartupStats.header());
        System.out.println(a.row("A engine (bin/corezero run)"));
        System.out.println(b.row("B peer: nrepl.cmdline, sources"));
        System.out.println(c.row("C peer: start-server, AOT nREPL"));
        System.out.println(reported.row("A as printed: ready after JVM start"));
        System.out.printf("A/B at p50 %.2f (p90 %.2f, mean %.2f); A - B at p50 %+.1f ms%n",
            a.p50 / b.p50, a.p90 / b.p90, a.mean / b.mean, a.p50 - b.p50);
        System.out.printf("A/C at p50 %.2f (p90 %.2f, mean %.2f); A - C at p50 %+.1f ms%n",
            a.p50 / c.p50, a.p90 / c.p90, a.mean / c.mean, a.p50 - c.p50);
        return 0;
    }

    private TimedLaunch.Result launch(final Contender contender, final String label) throws IOException
    {
        final Path dir = Files.createTempDirectory("cz-startup-");
        final TimedLaunch launch;
        if (contender == Contender.ENGINE)
        {
            final Path runDir = dir.resolve("run");
            final Path config = dir.resolve("engine.edn");
            Files.writeString(config, engineConfig(runDir), StandardCharsets.UTF_8);
            launch = new TimedLaunch(dir, runDir.resolve("nrepl.sock"),
                List.of(home.resolve("bin/corezero").toString(), "run", config.toString()));
        }
        else
        {
            final Path socket = dir.resolve("nrepl.sock");
            final List<String> command = new ArrayList<>(List.of("taskset", "-c", Integer.toString(OPS_CORE), "java"));
            command.addAll(ENGINE_JVM_OPTIONS);
            if (contender == Contender.NREPL_CMDLINE)
            {
                command.addAll(List.of(
                    "-cp", peerClassPath, "clojure.main", "-m", "nrepl.cmdline", "--socket", socket.toString()));
            }
            else
            {
                command.addAll(List.of("-cp", aotPeerClassPath, "clojure.main", "-e", aotPeerForm(socket.toString())));
            }
            launch = new TimedLaunch(dir, socket, command);
        }

        current = launch;
        TimedLaunch.Result result;
        try
        {
            result = launch.run();
        }
        catch (final IOException ex)
        {
            result = new TimedLaunch.Result(-1, -1, "could not start: " + ex.getMessage());
        }
        final String tail = result.failure == null ? "" : launch.outputTail();
        final String stopProblem = launch.stopAndClean();
        current = null;
        if (stopProblem != null)
        {
            result = new TimedLaunch.Result(-1, -1,
                (result.failure == null ? "" : result.failure + "; ") + stopProblem);
        }

        if (result.failure != null)
        {
            System.out.println(label + " " + contender.label + " FAILED: " + result.failure + "\n" + tail);
        }
        else if (contender == Contender.ENGINE)
        {
            System.out.printf("%s %s %8.1f ms   (engine prints: ready %s ms after JVM start)%n", label,
                contender.label, result.readyMs,
                result.engineReportedMs < 0 ? "?" : Long.toString(result.engineReportedMs));
        }
        else
        {
            System.out.printf("%s %s %8.1f ms%n", label, contender.label, result.readyMs);
        }
        return result;
    }

    /** The server of peer C: nREPL's own start-server on a Unix socket, then block (prints nothing). */
    private static String aotPeerForm(final String socket)
    {
        return "(do (require 'nrepl.server) (nrepl.server/start-server :socket " + ednString(socket) +
            ") @(promise))";
    }

    private String engineConfig(final Path runDir)
    {
        return "{:ops-core " + OPS_CORE + "\n" +
            " :hot-cores [" + hotCore + "]\n" +
            " :run-dir " + ednString(runDir.toString()) + "\n" +
            " :repl {:socket \"nrepl.sock\" :tcp nil :allow-non-loopback false}}\n";
    }

    private void killCurrent()
    {
        final TimedLaunch launch = current;
        if (launch != null)
        {
            launch.kill();
        }
    }

    private static String ednString(final String s)
    {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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

    private static int lastCpu(final String onlineList)
    {
        final String[] parts = onlineList.split("[-,]");
        return Integer.parseInt(parts[parts.length - 1].strip());
    }

    private static String jar(final Path lib, final String prefix) throws IOException
    {
        try (Stream<Path> files = Files.list(lib))
        {
            return files
                .filter((path) -> path.getFileName().toString().startsWith(prefix) &&
                    path.getFileName().toString().endsWith(".jar"))
                .sorted()
                .findFirst()
                .orElseThrow(() -> new IOException("no " + prefix + "*.jar in " + lib + "; build first"))
                .toString();
        }
    }
}
