package corezero.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Reads this process's threads from /proc, as an operator would check them. */
final class ProcThreads
{
    private ProcThreads()
    {
    }

    /** Cpus_allowed_list of the thread whose comm is {@code name}. */
    static String cpusAllowed(final String name) throws IOException
    {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task")))
        {
            for (final Path task : (Iterable<Path>)tasks::iterator)
            {
                if (Files.readString(task.resolve("comm")).trim().equals(name))
                {
                    for (final String line : Files.readAllLines(task.resolve("status")))
                    {
                        if (line.startsWith("Cpus_allowed_list:"))
                        {
                            return line.substring("Cpus_allowed_list:".length()).trim();
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no thread named " + name);
    }
}
