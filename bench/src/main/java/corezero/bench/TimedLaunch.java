package corezero.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One timed start of an nREPL-serving process in its own temporary directory: start it, poll its socket until it
 * answers {@code describe} or a deadline passes, stop it by its PID, delete the directory. Output goes to files
 * in the directory so nothing needs pumping while the clock runs.
 */
final class TimedLaunch
{
    static final long POLL_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(5);
    static final long READY_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);
    static final long STOP_TIMEOUT_MS = 10_000;
    static final long READY_LINE_WAIT_NS = TimeUnit.SECONDS.toNanos(2);

    private static final Pattern ENGINE_READY = Pattern.compile("nREPL ready (\\d+) ms after JVM start");

    /** Result of one launch; {@code failure} is null when the server became ready. */
    static final class Result
    {
        final double readyMs;
        final long engineReportedMs;
        final String failure;

        Result(final double readyMs, final long engineReportedMs, final String failure)
        {
            this.readyMs = readyMs;
            this.engineReportedMs = engineReportedMs;
            this.failure = failure;
        }
    }

    private final Path dir;
    private final Path socket;
    private final List<String> command;
    private volatile Process process;

    /**
     * @param dir     temporary directory owned by this launch, deleted by {@link #stopAndClean()}.
     * @param socket  socket file the server will listen on.
     * @param command command line.
     */
    TimedLaunch(final Path dir, final Path socket, final List<String> command)
    {
        this.dir = dir;
        this.socket = socket;
        this.command = command;
    }

    /**
     * Start the process and wait for the socket to answer. Call {@link #stopAndClean()} afterwards in any case.
     *
     * @return wall time from just before start to the describe answer, and the engine's own figure if printed.
     * @throws IOException when the process cannot be started.
     */
    Result run() throws IOException
    {
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(dir.resolve("stderr.txt").toFile());

        final long startNs = System.nanoTime();
        process = builder.start();
        final long deadlineNs = startNs + READY_TIMEOUT_NS;
        long nextPollNs = startNs;
        while (true)
        {
            if (NreplProbe.answersDescribe(socket, deadlineNs))
            {
                final double readyMs = (System.nanoTime() - startNs) / 1e6;
                return new Result(readyMs, awaitEngineReportedMs(), null);
            }
            if (!process.isAlive())
            {
                return new Result(-1, -1, "exited with " + process.exitValue() + " before nREPL was ready");
            }
            if (System.nanoTime() - deadlineNs >= 0)
            {
                return new Result(-1, -1, "nREPL not ready within " +
                    TimeUnit.NANOSECONDS.toSeconds(READY_TIMEOUT_NS) + " s");
            }
            nextPollNs += POLL_INTERVAL_NS;
            final long sleepNs = nextPollNs - System.nanoTime();
            if (sleepNs > 0)
            {
                LockSupport.parkNanos(sleepNs);
            }
        }
    }

    /**
     * Stop the process by its PID (SIGTERM, then SIGKILL after 10 s), then any process it left behind, then
     * delete the temporary directory.
     *
     * @return null, or what could not be done.
     */
    String stopAndClean()
    {
        String problem = null;
        final Process p = process;
        if (p != null)
        {
            final List<ProcessHandle> descendants = p.descendants().toList();
            if (!stop(p.toHandle()))
            {
                problem = "pid " + p.pid() + " still alive after SIGKILL";
            }
            for (final ProcessHandle child : descendants)
            {
                if (!stop(child))
                {
                    problem = "child pid " + child.pid() + " still alive after SIGKILL";
                }
            }
        }
        try
        {
            deleteTree(dir);
        }
        catch (final IOException ex)
        {
            problem = (problem == null ? "" : problem + "; ") + "could not delete " + dir + ": " + ex;
        }
        return problem;
    }

    /** Force the process down at once: for the harness's shutdown hook. */
    void kill()
    {
        final Process p = process;
        if (p != null && p.isAlive())
        {
            p.destroyForcibly();
        }
    }

    /**
     * Last lines of the process's output, for a failure report.
     *
     * @return stdout and stderr tails.
     */
    String outputTail()
    {
        return "stdout: " + tail(dir.resolve("stdout.txt")) + "\nstderr: " + tail(dir.resolve("stderr.txt"));
    }

    private long awaitEngineReportedMs()
    {
        final long deadlineNs = System.nanoTime() + READY_LINE_WAIT_NS;
        do
        {
            final Matcher m = ENGINE_READY.matcher(read(dir.resolve("stdout.txt")));
            if (m.find())
            {
                return Long.parseLong(m.group(1));
            }
            LockSupport.parkNanos(POLL_INTERVAL_NS);
        }
        while (System.nanoTime() - deadlineNs < 0);
        return -1;
    }

    private static boolean stop(final ProcessHandle handle)
    {
        if (!handle.isAlive())
        {
            return true;
        }
        handle.destroy();
        if (waitFor(handle))
        {
            return true;
        }
        handle.destroyForcibly();
        return waitFor(handle);
    }

    private static boolean waitFor(final ProcessHandle handle)
    {
        try
        {
            handle.onExit().get(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return true;
        }
        catch (final TimeoutException | ExecutionException ex)
        {
            return !handle.isAlive();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            return "";
        }
    }

    private static String tail(final Path file)
    {
        final String text = read(file).strip();
        return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
    }

    private static void deleteTree(final Path root) throws IOException
    {
        if (!Files.exists(root))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(root))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(path);
            }
        }
    }
}
