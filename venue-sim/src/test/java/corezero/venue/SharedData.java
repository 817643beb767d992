package corezero.venue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared folder beside the project (specs and real captures), which tests read in place and never copy.
 */
final class SharedData
{
    static final String AAPL_CAPTURE = "itch50-aapl-20200130-10k.bin";

    private SharedData()
    {
    }

    /**
     * @return the shared folder: the {@code corezero.shared.dir} property when it points at one, else
     * {@code ../../shared} from the module directory.
     */
    static Path sharedDir()
    {
        final String property = System.getProperty("corezero.shared.dir");
        if (null != property && Files.isDirectory(Path.of(property, "data")))
        {
            return Path.of(property);
        }

        final Path fallback = Path.of("..", "..", "shared").toAbsolutePath().normalize();
        if (Files.isDirectory(fallback.resolve("data")))
        {
            return fallback;
        }

        throw new IllegalStateException("shared folder not found: corezero.shared.dir=" + property +
            ", fallback " + fallback);
    }

    /**
     * @return the 10,000-message AAPL ITCH 5.0 capture in BinaryFILE framing.
     */
    static Path aaplCapture()
    {
        return sharedDir().resolve("data").resolve(AAPL_CAPTURE);
    }
}
