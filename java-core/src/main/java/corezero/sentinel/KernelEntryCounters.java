package corezero.sentinel;

import corezero.sys.Errno;
import corezero.sys.NativeNic;
import corezero.sys.NativeSys;

/**
 * The kernel sentinel's counters for one thread: perf events opened from core 0 on the thread's id that count
 * every system call it makes (the {@code raw_syscalls:sys_enter} tracepoint), its context switches, page faults
 * and CPU migrations. The kernel counts; the thread itself does nothing and pays nothing. Armed when setup ends,
 * a hot thread's counts should stay flat: any rise is a kernel entry on a hot core.
 * <p>
 * Core 0 only: {@link #open} and {@link #read} are system calls. Not thread-safe; one reader.
 */
public final class KernelEntryCounters implements AutoCloseable
{
    /** The tracepoint every system call entry fires. */
    public static final String SYSCALL_TRACEPOINT = "raw_syscalls/sys_enter";

    /** Counter index: system calls. */
    public static final int SYSCALLS = 0;
    /** Counter index: context switches. */
    public static final int CONTEXT_SWITCHES = 1;
    /** Counter index: page faults. */
    public static final int PAGE_FAULTS = 2;
    /** Counter index: CPU migrations. */
    public static final int MIGRATIONS = 3;

    private static final String[] NAMES = {"syscalls", "context-switches", "page-faults", "migrations"};

    private final int tid;
    private final int[] fds;

    private KernelEntryCounters(final int tid, final int[] fds)
    {
        this.tid = tid;
        this.fds = fds;
    }

    /**
     * Opens the four counters on a thread.
     *
     * @param tid Linux thread id ({@link NativeSys#gettid()} called by that thread).
     * @return the open counters.
     * @throws IllegalStateException naming the counter that could not be opened and why (no library, no
     *                               tracefs mounted at /sys/kernel/tracing, perf_event_paranoid, no such thread).
     */
    public static KernelEntryCounters open(final int tid)
    {
        if (!NativeSys.isAvailable())
        {
            throw new IllegalStateException("kernel sentinel unavailable: " + NativeSys.unavailableReason());
        }
        final int[] fds = {-1, -1, -1, -1};
        try
        {
            fds[SYSCALLS] = check(NativeNic.perfOpenTracepoint(tid, SYSCALL_TRACEPOINT), SYSCALLS, tid);
            fds[CONTEXT_SWITCHES] =
                check(NativeNic.perfOpenSoftware(tid, NativeNic.PERF_SW_CONTEXT_SWITCHES), CONTEXT_SWITCHES, tid);
            fds[PAGE_FAULTS] = check(NativeNic.perfOpenSoftware(tid, NativeNic.PERF_SW_PAGE_FAULTS), PAGE_FAULTS, tid);
            fds[MIGRATIONS] = check(NativeNic.perfOpenSoftware(tid, NativeNic.PERF_SW_CPU_MIGRATIONS), MIGRATIONS, tid);
            return new KernelEntryCounters(tid, fds);
        }
        catch (final RuntimeException ex)
        {
            closeAll(fds);
            throw ex;
        }
    }

    private static int check(final int fd, final int counter, final int tid)
    {
        if (fd < 0)
        {
            final String hint = SYSCALLS == counter && -fd == 2 ?
                " (mount tracefs: mount -t tracefs nodev /sys/kernel/tracing)" : "";
            throw new IllegalStateException("cannot count " + NAMES[counter] + " of thread " + tid + ": " +
                Errno.describe(-fd) + hint);
        }
        return fd;
    }

    /**
     * @param counter {@link #SYSCALLS}, {@link #CONTEXT_SWITCHES}, {@link #PAGE_FAULTS} or {@link #MIGRATIONS}.
     * @return its count since {@link #open}.
     * @throws IllegalStateException if the read fails.
     */
    public long read(final int counter)
    {
        final long value = NativeNic.perfRead(fds[counter]);
        if (value < 0)
        {
            throw new IllegalStateException("cannot read " + NAMES[counter] + " of thread " + tid + ": " +
                Errno.describe((int)-value));
        }
        return value;
    }

    /**
     * Reads all four counters into {@code into}, indexed as the constants.
     *
     * @param into at least four long.
     * @return {@code into}.
     */
    public long[] readAll(final long[] into)
    {
        for (int i = 0; i < NAMES.length; i++)
        {
            into[i] = read(i);
        }
        return into;
    }

    /**
     * @param counter index.
     * @return its name, as shown by stat and doctor.
     */
    public static String name(final int counter)
    {
        return NAMES[counter];
    }

    /** @return the thread counted. */
    public int tid()
    {
        return tid;
    }

    /** Closes the perf events. Idempotent. */
    public void close()
    {
        closeAll(fds);
    }

    private static void closeAll(final int[] fds)
    {
        for (int i = 0; i < fds.length; i++)
        {
            if (fds[i] >= 0)
            {
                NativeNic.closeFd(fds[i]);
                fds[i] = -1;
            }
        }
    }
}
