package corezero.nic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace made for one test with {@code ip netns}, removed by {@link #close}. Every command is
 * bounded in time and its process destroyed if it overruns. Needs root (CAP_SYS_ADMIN) and iproute2.
 */
final class NetworkNamespace implements AutoCloseable
{
    private static final long COMMAND_TIMEOUT_S = 15;

    private final String name;
    private boolean deleted;

    private NetworkNamespace(final String name)
    {
        this.name = name;
    }

    /**
     * @param name namespace name, unique to this test run.
     * @return the namespace, created.
     * @throws IOException with the command's output if it cannot be created.
     */
    static NetworkNamespace create(final String name) throws IOException, InterruptedException
    {
        final Result result = run(COMMAND_TIMEOUT_S, "ip", "netns", "add", name);
        if (0 != result.exitCode)
        {
            throw new IOException("ip netns add " + name + " failed (" + result.exitCode + "): " + result.output);
        }
        return new NetworkNamespace(name);
    }

    String name()
    {
        return name;
    }

    /**
     * Run {@code ip} inside the namespace ({@code ip -n NAME ARGS}) and require success.
     */
    void ip(final String... args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of("ip", "-n", name));
        command.addAll(List.of(args));
        final Result result = run(COMMAND_TIMEOUT_S, command.toArray(new String[0]));
        if (0 != result.exitCode)
        {
            throw new IOException(String.join(" ", command) + " failed (" + result.exitCode + "): " + result.output);
        }
    }

    /**
     * Run a command inside the namespace.
     *
     * @return exit code and combined output; exit code -1 if it overran and was destroyed.
     */
    Result exec(final long timeoutSeconds, final List<String> command) throws IOException, InterruptedException
    {
        final List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(command);
        return run(timeoutSeconds, full.toArray(new String[0]));
    }

    /** @return true if {@code ip netns list} still shows this namespace. */
    boolean isListed() throws IOException, InterruptedException
    {
        final Result result = run(COMMAND_TIMEOUT_S, "ip", "netns", "list");
        for (final String line : result.output.split("\n"))
        {
            if (line.equals(name) || line.startsWith(name + " "))
            {
                return true;
            }
        }
        return false;
    }

    /** Delete the namespace. Idempotent. */
    public void close() throws IOException
    {
        if (!deleted)
        {
            deleted = true;
            final Result result;
            try
            {
                result = run(COMMAND_TIMEOUT_S, "ip", "netns", "del", name);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted deleting namespace " + name, ex);
            }
            if (0 != result.exitCode)
            {
                throw new IOException("ip netns del " + name + " failed (" + result.exitCode + "): " + result.output);
            }
        }
    }

    static Result run(final long timeoutSeconds, final String... command) throws IOException, InterruptedException
    {
        final Path output = Files.createTempFile("cz-netns-", ".out");
        try
        {
            final Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
            int exitCode = -1;
            if (process.waitFor(timeoutSeconds, TimeUnit.SECONDS))
            {
                exitCode = process.exitValue();
            }
            else
            {
                process.destroyForcibly();
                process.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS);
            }
            return new Result(exitCode, Files.readString(output, StandardCharsets.UTF_8).trim());
        }
        finally
        {
            Files.deleteIfExists(output);
        }
    }

    static final class Result
    {
        final int exitCode;
        final String output;

        Result(final int exitCode, final String output)
        {
            this.exitCode = exitCode;
            this.output = output;
        }

        public String toString()
        {
            return "exit " + exitCode + ": " + output;
        }
    }
}
