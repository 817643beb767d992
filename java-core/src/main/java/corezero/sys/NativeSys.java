package corezero.sys;

/**
 * JNI binding to {@code libcorezero.so} (built from {@code native/}): memory locking, scheduling policy,
 * CPU affinity and thread identity for the calling thread.
 * <p>
 * <b>Setup only.</b> Every method here is a JNI call and most are system calls. They are made while the
 * engine is being set up, from core 0, or by a hot thread once as it pins itself before its duty cycle
 * starts; never per packet, never from a running duty cycle.
 * <p>
 * The library is loaded once, when this class initialises (see {@link NativeLibrary} for where it is
 * looked for). If it is missing or fails to load, {@link #isAvailable()} is false, {@link #unavailableReason()}
 * says why in one sentence, and every other call throws {@link IllegalStateException} with that sentence.
 * This class never logs: the engine checks {@link #isAvailable()} and reports once.
 * <p>
 * Calls that can fail return 0 on success or a positive Linux errno value (name it with {@link Errno}).
 */
public final class NativeSys
{
    /** {@code SCHED_OTHER}, the default time-sharing policy, as {@link #schedPolicy()} reports it. */
    public static final int SCHED_OTHER = 0;

    /** {@code SCHED_FIFO}, the real-time first-in first-out policy, as {@link #schedPolicy()} reports it. */
    public static final int SCHED_FIFO = 1;

    /** Must match CZ_ABI_VERSION in native/src/jni_sys.c; a stale library is refused rather than half-used. */
    private static final int ABI_VERSION = 2;

    private static final NativeLibrary LIBRARY = NativeLibrary.loadFromSystemProperties();
    private static final String UNAVAILABLE_REASON = verify(LIBRARY);

    private NativeSys()
    {
    }

    /**
     * Whether {@code libcorezero.so} loaded and matches this class.
     *
     * @return true when the other methods may be called.
     */
    public static boolean isAvailable()
    {
        return UNAVAILABLE_REASON.isEmpty();
    }

    /**
     * Why the library is unavailable: the file is missing at a given path, failed to load (with the
     * {@link UnsatisfiedLinkError} message), or is from another build.
     *
     * @return one sentence, or the empty string when the library is available.
     */
    public static String unavailableReason()
    {
        return UNAVAILABLE_REASON;
    }

    /**
     * The absolute path of the library that was loaded, or of the first place it was looked for.
     *
     * @return a path, for messages.
     */
    public static String libraryPath()
    {
        return LIBRARY.path().toString();
    }

    /**
     * {@code mlockall(MCL_CURRENT | MCL_FUTURE)}: keeps every page of the process, now and later, in RAM.
     * Needs CAP_IPC_LOCK or a large enough RLIMIT_MEMLOCK. Setup only, from core 0.
     *
     * @return 0, or errno (EPERM, ENOMEM, EAGAIN).
     */
    public static int mlockAll()
    {
        requireAvailable();
        return nativeMlockAll();
    }

    /**
     * {@code munlockall()}: undoes {@link #mlockAll()}, including its effect on future mappings.
     * For tests and shutdown, from core 0.
     *
     * @return 0, or errno.
     */
    public static int munlockAll()
    {
        requireAvailable();
        return nativeMunlockAll();
    }

    /**
     * Switches the calling thread to SCHED_FIFO. Needs CAP_SYS_NICE (or an RLIMIT_RTPRIO allowance).
     * Called once by a hot thread before its duty cycle starts; note that the kernel's RT throttling
     * ({@code kernel.sched_rt_runtime_us}) still applies.
     *
     * @param priority 1 (lowest) to 99 (highest).
     * @return 0, or errno (EPERM without the privilege, EINVAL for a priority out of range).
     */
    public static int setSchedFifo(final int priority)
    {
        requireAvailable();
        return nativeSetSchedFifo(priority);
    }

    /**
     * Returns the calling thread to SCHED_OTHER at priority 0, undoing {@link #setSchedFifo(int)}.
     * Setup and teardown only.
     *
     * @return 0, or errno.
     */
    public static int setSchedOther()
    {
        requireAvailable();
        return nativeSetSchedOther();
    }

    /**
     * The calling thread's scheduling policy ({@code sched_getscheduler(0)}). Setup and checks only.
     *
     * @return {@link #SCHED_OTHER}, {@link #SCHED_FIFO} or another policy number, or a negative errno.
     */
    public static int schedPolicy()
    {
        requireAvailable();
        return nativeSchedPolicy();
    }

    /**
     * Restricts the calling thread to one CPU; the thread is running on it when this returns. Called once
     * by a thread pinning itself at start (a hot agent, or a core 0 thread), never from a duty cycle.
     *
     * @param cpu a CPU number as in {@code /sys/devices/system/cpu/online}.
     * @return 0, or errno (EINVAL for a negative CPU or one that is not online).
     */
    public static int setAffinity(final int cpu)
    {
        requireAvailable();
        return nativeSetAffinity(cpu);
    }

    /**
     * The calling thread's Linux thread id ({@code gettid()}), as used by {@code /proc/<pid>/task/<tid>}
     * and {@code perf_event_open}. Ask once at thread start and keep it; setup only.
     *
     * @return a positive thread id.
     */
    public static int gettid()
    {
        requireAvailable();
        return nativeGettid();
    }

    /**
     * The CPU the calling thread is running on at this instant ({@code sched_getcpu()}). For setup checks
     * and diagnostics from core 0 or at thread start, not for the duty cycle.
     *
     * @return a CPU number, or a negative errno.
     */
    public static int currentCpu()
    {
        requireAvailable();
        return nativeCurrentCpu();
    }

    static void requireAvailable()
    {
        if (!UNAVAILABLE_REASON.isEmpty())
        {
            throw new IllegalStateException(UNAVAILABLE_REASON);
        }
    }

    private static String verify(final NativeLibrary library)
    {
        if (!library.isLoaded())
        {
            return library.failureReason();
        }

        try
        {
            final int abiVersion = nativeAbiVersion();
            if (abiVersion != ABI_VERSION)
            {
                return NativeLibrary.FILE_NAME + " at " + library.path() + " has ABI version " + abiVersion +
                    " but this build expects " + ABI_VERSION + "; rebuild it with `make -C native`";
            }
        }
        catch (final UnsatisfiedLinkError ex)
        {
            return NativeLibrary.FILE_NAME + " at " + library.path() + " lacks the corezero JNI functions (" +
                ex.getMessage() + "); rebuild it with `make -C native`";
        }
        return "";
    }

    private static native int nativeAbiVersion();

    private static native int nativeMlockAll();

    private static native int nativeMunlockAll();

    private static native int nativeSetSchedFifo(int priority);

    private static native int nativeSetSchedOther();

    private static native int nativeSchedPolicy();

    private static native int nativeSetAffinity(int cpu);

    private static native int nativeGettid();

    private static native int nativeCurrentCpu();
}
