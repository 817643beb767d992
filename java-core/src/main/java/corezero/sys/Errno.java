package corezero.sys;

/**
 * Names for the Linux errno values that {@link NativeSys} calls return, for messages such as
 * "SCHED_FIFO refused: EPERM (operation not permitted)".
 * <p>
 * Only the numbers those calls can produce are named; any other value prints as {@code errno N}.
 * Values are those of Linux on x86-64 and arm64 (the generic errno table).
 */
public final class Errno
{
    /** Operation not permitted: the caller lacks a capability such as CAP_SYS_NICE or CAP_IPC_LOCK. */
    public static final int EPERM = 1;

    /** No such process or thread. */
    public static final int ESRCH = 3;

    /** Resource temporarily unavailable (for example a memlock limit on mlockall). */
    public static final int EAGAIN = 11;

    /** Out of memory, or the locked-memory limit (RLIMIT_MEMLOCK) was exceeded. */
    public static final int ENOMEM = 12;

    /** Permission denied. */
    public static final int EACCES = 13;

    /** Invalid argument: a priority outside 1..99, or a CPU that is not online. */
    public static final int EINVAL = 22;

    /** Function not implemented by this kernel. */
    public static final int ENOSYS = 38;

    private Errno()
    {
    }

    /**
     * The symbolic name of an errno value.
     *
     * @param errno a positive errno, or the negated form some calls return.
     * @return {@code "EPERM"} and the like, {@code "OK"} for 0, or {@code "errno N"} for an unnamed value.
     */
    public static String name(final int errno)
    {
        final int value = Math.abs(errno);
        switch (value)
        {
            case 0:
                return "OK";
            case EPERM:
                return "EPERM";
            case ESRCH:
                return "ESRCH";
            case EAGAIN:
                return "EAGAIN";
            case ENOMEM:
                return "ENOMEM";
            case EACCES:
                return "EACCES";
            case EINVAL:
                return "EINVAL";
            case ENOSYS:
                return "ENOSYS";
            default:
                return "errno " + value;
        }
    }

    /**
     * The name with a short explanation, for one-line messages.
     *
     * @param errno a positive errno, or the negated form some calls return.
     * @return for example {@code "EPERM (operation not permitted)"}, or just the name when unexplained.
     */
    public static String describe(final int errno)
    {
        final String name = name(errno);
        final String meaning = meaning(Math.abs(errno));
        return meaning.isEmpty() ? name : name + " (" + meaning + ")";
    }

    private static String meaning(final int errno)
    {
        switch (errno)
        {
            case EPERM:
                return "operation not permitted";
            case ESRCH:
                return "no such process";
            case EAGAIN:
                return "resource temporarily unavailable";
            case ENOMEM:
                return "cannot allocate memory";
            case EACCES:
                return "permission denied";
            case EINVAL:
                return "invalid argument";
            case ENOSYS:
                return "function not implemented";
            default:
                return "";
        }
    }
}
