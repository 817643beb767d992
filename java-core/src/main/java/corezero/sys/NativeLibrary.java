package corezero.sys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds {@code libcorezero.so} and loads it, once, recording where it looked and why it failed.
 * <p>
 * Search order: the file named by {@code -Dcorezero.native.lib}; else {@code native/build/libcorezero.so}
 * under {@code -Dcorezero.home}; else {@code ../native/build} and {@code ./native/build} from the working
 * directory (a module directory or the project root).
 */
final class NativeLibrary
{
    static final String LIB_PROPERTY = "corezero.native.lib";
    static final String HOME_PROPERTY = "corezero.home";
    static final String FILE_NAME = "libcorezero.so";

    private final Path path;
    private final String failureReason;

    private NativeLibrary(final Path path, final String failureReason)
    {
        this.path = path;
        this.failureReason = failureReason;
    }

    /**
     * Locates the library from the system properties and the working directory, and loads it with
     * {@link System#load(String)}.
     */
    static NativeLibrary loadFromSystemProperties()
    {
        return load(
            candidates(
                System.getProperty(LIB_PROPERTY, ""),
                System.getProperty(HOME_PROPERTY, ""),
                Path.of("").toAbsolutePath()),
            System::load);
    }

    /**
     * Where to look, most specific first; a blank property counts as unset.
     *
     * @param libProperty value of {@code corezero.native.lib}, or blank.
     * @param homeProperty value of {@code corezero.home}, or blank.
     * @param workingDir absolute working directory used when neither property is set.
     * @return one or more absolute, normalised paths.
     */
    static List<Path> candidates(final String libProperty, final String homeProperty, final Path workingDir)
    {
        final List<Path> paths = new ArrayList<>();
        if (!libProperty.isBlank())
        {
            paths.add(workingDir.resolve(libProperty));
        }
        else if (!homeProperty.isBlank())
        {
            paths.add(workingDir.resolve(homeProperty).resolve("native/build").resolve(FILE_NAME));
        }
        else
        {
            paths.add(workingDir.resolve("../native/build").resolve(FILE_NAME));
            paths.add(workingDir.resolve("native/build").resolve(FILE_NAME));
        }
        paths.replaceAll((p) -> p.toAbsolutePath().normalize());
        return List.copyOf(paths);
    }

    /**
     * Loads the first candidate that exists as a regular file.
     *
     * @param candidates from {@link #candidates(String, String, Path)}.
     * @param loader takes an absolute path and throws {@link UnsatisfiedLinkError} on failure.
     * @return the outcome; {@link #failureReason()} is empty when the library loaded.
     */
    static NativeLibrary load(final List<Path> candidates, final Consumer<String> loader)
    {
        for (final Path candidate : candidates)
        {
            if (Files.isRegularFile(candidate))
            {
                try
                {
                    loader.accept(candidate.toString());
                    return new NativeLibrary(candidate, "");
                }
                catch (final UnsatisfiedLinkError ex)
                {
                    return new NativeLibrary(candidate, "could not load " + candidate + ": " + ex.getMessage());
                }
            }
        }

        final StringBuilder where = new StringBuilder();
        for (int i = 0; i < candidates.size(); i++)
        {
            where.append(i == 0 ? "" : " or ").append(candidates.get(i));
        }
        return new NativeLibrary(
            candidates.get(0),
            FILE_NAME + " not found at " + where + "; build it with `make -C native`, or set -D" +
            LIB_PROPERTY + " to the file or -D" + HOME_PROPERTY + " to the project directory");
    }

    /** The file that was loaded, or the first place it was looked for. */
    Path path()
    {
        return path;
    }

    boolean isLoaded()
    {
        return failureReason.isEmpty();
    }

    /** Empty when loaded, otherwise one sentence saying what went wrong and where. */
    String failureReason()
    {
        return failureReason;
    }
}
