package corezero.venue;

import corezero.nic.Neighbours;
import corezero.sys.NativeSys;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two network namespaces joined by a veth pair, made by {@code scripts/netns-pair.sh} for one test class and
 * deleted by {@link #close()}: {@code PREFIX-v} for the venue and {@code PREFIX-e} for the engine, each holding
 * its end of the pair (named as its namespace) with a private address.
 */
final class NetnsPair implements AutoCloseable
{
    final String prefix;
    final String venueNs;
    final String engineNs;
    final String venueInterface;
    final String engineInterface;
    final InetAddress venueAddress;
    final InetAddress engineAddress;
    final long venueMac;
    final long engineMac;

    private NetnsPair(final String prefix, final Map<String, String> values) throws IOException
    {
        this.prefix = prefix;
        venueNs = values.get("VENUE_NS");
        engineNs = values.get("ENGINE_NS");
        venueInterface = values.get("VENUE_IF");
        engineInterface = values.get("ENGINE_IF");
        venueAddress = InetAddress.getByName(values.get("VENUE_IP"));
        engineAddress = InetAddress.getByName(values.get("ENGINE_IP"));
        venueMac = Neighbours.parseMac(values.get("VENUE_MAC"));
        engineMac = Neighbours.parseMac(values.get("ENGINE_MAC"));
    }

    /**
     * What the namespace tests need: root, the ip command and libcorezero.so. Inside CI (CI=true) a missing piece
     * fails the test, since the build installs and sets up all of it; elsewhere the test is skipped with the reason.
     */
    static void requireNamespaces()
    {
        final String missing = missingPrerequisite();
        if (null != missing)
        {
            if ("true".equals(System.getenv("CI")))
            {
                fail("CI=true and the namespace tests cannot run: " + missing);
            }
            System.out.println("skipped: namespace tests need " + missing);
            Assumptions.abort("namespace tests need " + missing);
        }
    }

    private static String missingPrerequisite()
    {
        if (!"root".equals(System.getProperty("user.name")))
        {
            return "root (ip netns, AF_XDP and AF_PACKET), running as " + System.getProperty("user.name");
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip")) &&
            !Files.isExecutable(Path.of("/usr/bin/ip")))
        {
            return "the ip command (apt-get install iproute2)";
        }
        if (!NativeSys.isAvailable())
        {
            return "libcorezero.so: " + NativeSys.unavailableReason();
        }
        return null;
    }

    /**
     * @param prefix at most 12 characters, unique to the test class (the pid is added).
     * @param subnet "A.B.C" for the two addresses.
     * @return the pair, up.
     */
    static NetnsPair create(final String prefix, final String subnet) throws IOException, InterruptedException
    {
        final String unique = (prefix + ProcessHandle.current().pid() % 10_000);
        final Map<String, String> values = new HashMap<>();
        for (final String line : run("up", unique, subnet).split("\n"))
        {
            final int equals = line.indexOf('=');
            if (equals > 0)
            {
                values.put(line.substring(0, equals), line.substring(equals + 1).trim());
            }
        }
        return new NetnsPair(unique, values);
    }

    private static String run(final String... args) throws IOException, InterruptedException
    {
        final String[] command = new String[args.length + 1];
        command[0] = script().toString();
        System.arraycopy(args, 0, command, 1, args.length);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0)
        {
            process.destroyForcibly();
            throw new IllegalStateException("netns-pair.sh " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    private static Path script()
    {
        final String projectDir = System.getProperty("corezero.project.dir");
        final Path base = null != projectDir && !projectDir.isEmpty() ?
            Path.of(projectDir) : Path.of("..").toAbsolutePath().normalize();
        return base.resolve("scripts/netns-pair.sh");
    }

    /** Deletes both namespaces and with them the veth pair. */
    public void close()
    {
        try
        {
            run("down", prefix);
        }
        catch (final IOException | InterruptedException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
