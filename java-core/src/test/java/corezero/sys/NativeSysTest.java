package corezero.sys;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Calls each native function on this machine and checks the answer against what the kernel shows in
 * {@code /proc}. Anything that changes a thread (affinity, policy) runs on a fresh thread that ends with
 * the test, and is undone besides; mlockall is undone with munlockall.
 * <p>
 * Without the library the tests are skipped with the reason, except under {@code CI=true}, where a
 * missing library is a failure.
 */
class NativeSysTest
{
    private static final int CAP_IPC_LOCK = 14;
    private static final int CAP_SYS_NICE = 23;

    private static boolean setHomeProperty;

    @BeforeAll
    static void requireLibrary()
    {
        final Optional<Path> home = projectHome();
        if (home.isPresent() &&
            System.getProperty(NativeLibrary.LIB_PROPERTY, "").isBlank() &&
            System.getProperty(NativeLibrary.HOME_PROPERTY, "").isBlank())
        {
            System.setProperty(NativeLibrary.HOME_PROPERTY, home.get().toString());
            setHomeProperty = true;
        }

        if (NativeSys.isAvailable())
        {
            return;
        }

        final String reason = "libcorezero.so unavailable: " + NativeSys.unavailableReason();
        if ("true".equalsIgnoreCase(System.getenv("CI")))
        {
            fail(reason + " (CI=true, so the native library is required)");
        }
        System.out.println("NativeSysTest skipped: " + reason);
    }

    @AfterAll
    static void restoreHomeProperty()
    {
        // NativeSys has read it by now; leave the fork's properties as surefire set them.
        if (setHomeProperty)
        {
            System.clearProperty(NativeLibrary.HOME_PROPERTY);
        }
    }

    @BeforeEach
    void skipWithoutLibrary()
    {
        // Per test rather than in @BeforeAll, so that the report counts each skipped test.
        assumeTrue(NativeSys.isAvailable(), () -> "libcorezero.so unavailable: " + NativeSys.unavailableReason());
    }

    @Test
    void gettidMatchesProcAndDiffersBetweenThreads() throws Exception
    {
        final int tid = NativeSys.gettid();
        assertTrue(tid > 0, "tid " + tid);
        assertEquals(procThreadSelfTid(), tid);

        final int otherTid = onFreshThread(NativeSys::gettid);
        assertTrue(otherTid > 0, "tid " + otherTid);
        assertNotEquals(tid, otherTid);
    }

    @Test
    void currentCpuIsOnline() throws IOException
    {
        final int cpu = NativeSys.currentCpu();
        final int cpuCount = onlineCpuCount();
        assertTrue(cpu >= 0 && cpu < cpuCount, "cpu " + cpu + " outside [0, " + cpuCount + ")");
    }

    @Test
    void affinityToCpuZeroMovesTheThreadThere() throws Exception
    {
        final int[] result = onFreshThread(() -> new int[] { NativeSys.setAffinity(0), NativeSys.currentCpu() });
        assertEquals(0, result[0], () -> Errno.describe(result[0]));
        assertEquals(0, result[1]);
    }

    @Test
    void affinityRejectsCpusThatDoNotExist() throws Exception
    {
        assertEquals(Errno.EINVAL, onFreshThread(() -> NativeSys.setAffinity(-1)));
        assertEquals(Errno.EINVAL, onFreshThread(() -> NativeSys.setAffinity(1 << 20)));
    }

    @Test
    void schedFifoIsSetAndRestored() throws Exception
    {
        final int[] result = onFreshThread(() ->
        {
            final int before = NativeSys.schedPolicy();
            final int set = NativeSys.setSchedFifo(10);
            final int during = NativeSys.schedPolicy();
            final int procDuring = procThreadSelfPolicy();
            final int restored = NativeSys.setSchedOther();
            return new int[] { before, set, during, procDuring, restored, NativeSys.schedPolicy() };
        });

        assertEquals(NativeSys.SCHED_OTHER, result[0]);
        if (!hasCapability(CAP_SYS_NICE))
        {
            assertEquals(Errno.EPERM, result[1], () -> Errno.describe(result[1]));
            return;
        }
        assertEquals(0, result[1], () -> "setSchedFifo(10): " + Errno.describe(result[1]));
        assertEquals(NativeSys.SCHED_FIFO, result[2]);
        assertEquals(NativeSys.SCHED_FIFO, result[3], "policy in /proc/thread-self/stat");
        assertEquals(0, result[4], () -> "setSchedOther(): " + Errno.describe(result[4]));
        assertEquals(NativeSys.SCHED_OTHER, result[5]);
    }

    @Test
    void schedFifoRejectsPrioritiesOutOfRange() throws Exception
    {
        assertEquals(Errno.EINVAL, onFreshThread(() -> NativeSys.setSchedFifo(0)));
        assertEquals(Errno.EINVAL, onFreshThread(() -> NativeSys.setSchedFifo(100)));
    }

    @Test
    void mlockAllSucceedsWithIpcLockAndIsUndone() throws IOException
    {
        assumeTrue(hasCapability(CAP_IPC_LOCK), "needs CAP_IPC_LOCK (run as root)");
        final int locked = NativeSys.mlockAll();
        final int unlocked = NativeSys.munlockAll();
        assertEquals(0, locked, () -> "mlockAll(): " + Errno.describe(locked));
        assertEquals(0, unlocked, () -> "munlockAll(): " + Errno.describe(unlocked));
    }

    /**
     * Surefire passes Maven's project directory: the root when built from the root, but the module itself
     * when Maven runs inside java-core, so accept whichever of it and its parent holds native/.
     */
    private static Optional<Path> projectHome()
    {
        final String projectDir = System.getProperty("corezero.project.dir", "");
        if (projectDir.isBlank())
        {
            return Optional.empty();
        }
        final Path dir = Path.of(projectDir).toAbsolutePath().normalize();
        final List<Path> candidates = dir.getParent() == null ? List.of(dir) : List.of(dir, dir.getParent());
        for (final Path candidate : candidates)
        {
            if (Files.isRegularFile(candidate.resolve("native/Makefile")))
            {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static <T> T onFreshThread(final Callable<T> task) throws InterruptedException, ExecutionException
    {
        final FutureTask<T> future = new FutureTask<>(task);
        final Thread thread = new Thread(future, "native-sys-test");
        thread.start();
        thread.join();
        return future.get();
    }

    /** /proc/thread-self links to {@code <pid>/task/<tid>} of whichever thread reads it. */
    private static int procThreadSelfTid() throws IOException
    {
        return Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
    }

    /** Field 41 of /proc/thread-self/stat; fields are counted after the parenthesised command name. */
    private static int procThreadSelfPolicy() throws IOException
    {
        final String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Integer.parseInt(fields[41 - 3]);
    }

    private static int onlineCpuCount() throws IOException
    {
        final String online = Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
        int highest = 0;
        for (final String part : online.split("[,-]"))
        {
            highest = Math.max(highest, Integer.parseInt(part));
        }
        return highest + 1;
    }

    private static boolean hasCapability(final int capability) throws IOException
    {
        for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
        {
            if (line.startsWith("CapEff:"))
            {
                final long effective = Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16);
                return (effective & (1L << capability)) != 0;
            }
        }
        return false;
    }
}
