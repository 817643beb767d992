package corezero.itch;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real 10,000-message AAPL capture (BinaryFILE framing) from the shared folder, read in place, never copied:
 * its bytes and the offset and length of every message.
 */
public final class SharedCapture
{
    public static final String FILE_NAME = "itch50-aapl-20200130-10k.bin";
    public static final int MESSAGE_COUNT = 10_000;

    private static SharedCapture instance;

    private final UnsafeBuffer buffer;
    private final int[] offsets;
    private final int[] lengths;

    private SharedCapture(final byte[] bytes)
    {
        buffer = new UnsafeBuffer(bytes);
        final int[] offsets = new int[MESSAGE_COUNT + 1];
        final int[] lengths = new int[MESSAGE_COUNT + 1];
        int count = 0;
        int position = 0;
        while (position + 2 <= bytes.length)
        {
            final int length = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
            if (0 == length || position + 2 + length > bytes.length || count == offsets.length)
            {
                break;
            }
            offsets[count] = position + 2;
            lengths[count] = length;
            count++;
            position += 2 + length;
        }
        this.offsets = java.util.Arrays.copyOf(offsets, count);
        this.lengths = java.util.Arrays.copyOf(lengths, count);
    }

    /**
     * @return the capture, loaded once per test JVM.
     */
    public static synchronized SharedCapture load()
    {
        if (null == instance)
        {
            try
            {
                instance = new SharedCapture(Files.readAllBytes(path()));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }

        return instance;
    }

    /**
     * @return the capture's path: under the {@code corezero.shared.dir} property when set and present, else found
     * from the module directory ({@code ../../shared}).
     */
    public static Path path()
    {
        final String property = System.getProperty("corezero.shared.dir");
        if (null != property && Files.isRegularFile(Path.of(property, "data", FILE_NAME)))
        {
            return Path.of(property, "data", FILE_NAME);
        }

        final Path fallback = Path.of("..", "..", "shared", "data", FILE_NAME).toAbsolutePath().normalize();
        if (Files.isRegularFile(fallback))
        {
            return fallback;
        }

        throw new IllegalStateException("shared capture not found: corezero.shared.dir=" + property +
            ", fallback " + fallback);
    }

    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    public int count()
    {
        return offsets.length;
    }

    public int offset(final int index)
    {
        return offsets[index];
    }

    public int length(final int index)
    {
        return lengths[index];
    }

    /**
     * @return a copy of one message's bytes.
     */
    public byte[] message(final int index)
    {
        final byte[] bytes = new byte[lengths[index]];
        buffer.getBytes(offsets[index], bytes);

        return bytes;
    }
}
