package corezero.nic;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Multicast joined on an interface, end to end ({@link MulticastLoopbackCheck}), on loopback only:
 * <ol>
 *     <li>in this JVM, if this network namespace's {@code lo} is up with its MULTICAST flag on;</li>
 *     <li>otherwise in a child JVM inside a network namespace made for the test, whose {@code lo} gets the
 *     flag ({@code ip link set lo multicast on}); the namespace is deleted afterwards, and the host's
 *     interfaces are never changed;</li>
 *     <li>otherwise skipped with the reason, except under {@code CI=true}, where it fails.</li>
 * </ol>
 */
class UdpMulticastTest
{
    private static final long CHILD_TIMEOUT_S = 120;

    @Test
    void framesSentToTheGroupArriveOnceInOrderWithExactBytes() throws Exception
    {
        final NetworkInterface lo = NetworkInterface.getByName("lo");
        if (null != lo && lo.isUp() && lo.supportsMulticast())
        {
            final String summary = MulticastLoopbackCheck.run(lo);
            System.out.println("UdpMulticastTest (this namespace): " + summary);
            return;
        }

        final String namespaceName =
            "cz-nic-test-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime() & 0xFFFFF);
        final NetworkNamespace namespace;
        try
        {
            namespace = NetworkNamespace.create(namespaceName);
        }
        catch (final IOException ex)
        {
            skipOrFail("lo has no MULTICAST flag here and no network namespace can be made: " + ex.getMessage());
            return;
        }

        try
        {
            namespace.ip("link", "set", "lo", "up");
            namespace.ip("link", "set", "lo", "multicast", "on");
            final NetworkNamespace.Result result = namespace.exec(CHILD_TIMEOUT_S, List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                MulticastLoopbackCheck.class.getName(),
                "lo"));
            System.out.println("UdpMulticastTest (namespace " + namespaceName + "): " + result.output);
            assertEquals(0, result.exitCode, result.output);
            assertTrue(result.output.contains(MulticastLoopbackCheck.OK), result.output);
        }
        finally
        {
            namespace.close();
        }
        assertFalse(namespace.isListed(), "namespace " + namespaceName + " removed");
    }

    private static void skipOrFail(final String reason)
    {
        if ("true".equalsIgnoreCase(System.getenv("CI")))
        {
            fail(reason + " (CI=true, so the multicast test must run)");
        }
        System.out.println("UdpMulticastTest skipped: " + reason);
        assumeTrue(false, reason);
    }
}
