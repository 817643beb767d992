package corezero.sys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Runs setup code with the calling thread inside a named network namespace ({@code ip netns add NAME}), then
 * returns the thread to where it was. Sockets, AF_XDP sockets and packet rings opened inside belong to that
 * namespace for good, and so do threads started inside; the rest of the JVM stays where it is. This lets one
 * process hold an engine in one namespace and, in tests, a venue in another.
 * <p>
 * Setup only: each call is a few system calls ({@code open}, {@code setns} twice, {@code close}).
 */
public final class NetworkNamespace
{
    /** Where {@code ip netns} keeps its namespace files. */
    public static final Path NETNS_DIR = Path.of("/var/run/netns");

    private NetworkNamespace()
    {
    }

    /**
     * @param name a namespace made by {@code ip netns add}.
     * @return whether its file exists.
     */
    public static boolean exists(final String name)
    {
        return Files.exists(NETNS_DIR.resolve(name));
    }

    /**
     * Calls {@code action} with the calling thread in namespace {@code name}; a null or empty name calls it
     * where the thread is. The thread is back in its own namespace when this returns or throws.
     *
     * @param name   namespace name, or null.
     * @param action what to run there.
     * @param <T>    result type.
     * @return what the action returned.
     * @throws Exception            what the action threw.
     * @throws IllegalStateException if the namespace cannot be entered (missing, no CAP_SYS_ADMIN, no library),
     *                               or the thread cannot be returned (then the thread must not be used further).
     */
    public static <T> T call(final String name, final Callable<T> action) throws Exception
    {
        if (null == name || name.isEmpty())
        {
            return action.call();
        }
        if (!NativeSys.isAvailable())
        {
            throw new IllegalStateException("cannot enter network namespace " + name + ": " +
                NativeSys.unavailableReason());
        }
        final Path path = NETNS_DIR.resolve(name);
        if (!Files.exists(path))
        {
            throw new IllegalStateException("no network namespace " + name + " (" + path + " is missing)");
        }

        final int home = NativeNic.netnsOpenCurrent();
        if (home < 0)
        {
            throw new IllegalStateException(
                "cannot open this thread's network namespace: " + Errno.describe(-home));
        }
        try
        {
            final int entered = NativeNic.netnsEnterPath(path.toString());
            if (0 != entered)
            {
                throw new IllegalStateException(
                    "cannot enter network namespace " + name + ": " + Errno.describe(entered));
            }
            try
            {
                return action.call();
            }
            finally
            {
                final int back = NativeNic.netnsEnterFd(home);
                if (0 != back)
                {
                    throw new IllegalStateException(
                        "cannot return from network namespace " + name + ": " + Errno.describe(back));
                }
            }
        }
        finally
        {
            NativeNic.closeFd(home);
        }
    }
}
