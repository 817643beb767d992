package corezero.bench;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The real 10,000-message AAPL ITCH 5.0 capture from the shared folder, loaded once into one direct buffer that
 * both our decoder and the peer's parser read: the same bytes, in the same memory, in the same framing.
 * <pre>
 *   BinaryFILE framing, repeated to the end of the file:
 *   offset  length  field
 *        0       2  message length n, big-endian u16
 *        2       n  ITCH 5.0 message (type byte first)
 * </pre>
 * Besides the bytes it lists every order reference a pass introduces (Add Order 'A' / 'F' and the new reference
 * of Order Replace 'U'), from which the book benchmarks find the orders still live after a pass.
 */
final class ItchSlice
{
    /** The capture's name under {@code shared/data}. */
    static final String FILE_NAME = "itch50-aapl-20200130-10k.bin";

    /** Messages in the capture. */
    static final int MESSAGE_COUNT = 10_000;

    /** The capture's one instrument (AAPL's stock locate that day). */
    static final int STOCK_LOCATE = 13;

    static final int FRAME_HEADER_LENGTH = 2;

    private static final int ORDER_REF_OFFSET = 11;
    private static final int NEW_ORDER_REF_OFFSET = 19;

    private final ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer;
    private final int messageCount;
    private final long[] introducedOrderRefs;

    private ItchSlice(final byte[] bytes)
    {
        byteBuffer = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.BIG_ENDIAN);
        byteBuffer.put(bytes).clear();
        buffer = new UnsafeBuffer(byteBuffer);

        final long[] refs = new long[MESSAGE_COUNT];
        int refCount = 0;
        int count = 0;
        int offset = 0;
        while (offset < bytes.length)
        {
            final int length = buffer.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            final int message = offset + FRAME_HEADER_LENGTH;
            if (0 == length || message + length > bytes.length)
            {
                throw new IllegalStateException("broken framing at byte " + offset + " of " + FILE_NAME);
            }
            switch (buffer.getByte(message))
            {
                case 'A':
                case 'F':
                    refs[refCount++] = buffer.getLong(message + ORDER_REF_OFFSET, ByteOrder.BIG_ENDIAN);
                    break;
                case 'U':
                    refs[refCount++] = buffer.getLong(message + NEW_ORDER_REF_OFFSET, ByteOrder.BIG_ENDIAN);
                    break;
                default:
                    break;
            }
            count++;
            offset = message + length;
        }
        if (MESSAGE_COUNT != count)
        {
            throw new IllegalStateException(FILE_NAME + " holds " + count + " messages, expected " + MESSAGE_COUNT);
        }
        messageCount = count;
        introducedOrderRefs = Arrays.copyOf(refs, refCount);
    }

    /**
     * Control path: read the capture (once per state, in a trial set-up).
     *
     * @return the slice.
     */
    static ItchSlice load()
    {
        try
        {
            return new ItchSlice(Files.readAllBytes(path()));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** @return the whole capture, framing included, for our decoder. */
    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /** @return a view of the same memory with its own position and limit, for the peer's parser. */
    ByteBuffer byteBuffer()
    {
        return byteBuffer.duplicate().order(ByteOrder.BIG_ENDIAN);
    }

    /** @return capture length in bytes, framing included. */
    int length()
    {
        return buffer.capacity();
    }

    /** @return messages in the capture. */
    int messageCount()
    {
        return messageCount;
    }

    /** @return every order reference an add or a replace introduces, in capture order (a copy). */
    long[] introducedOrderRefs()
    {
        return introducedOrderRefs.clone();
    }

    /**
     * The capture's path: {@code $corezero.shared.dir/data/} when that property is set, else the first
     * {@code shared/data/} found beside the benchmarks jar or one of its parent directories (the project's
     * sibling {@code shared/} folder: bench/target/benchmarks.jar → ../../../shared).
     */
    private static Path path()
    {
        final String property = System.getProperty("corezero.shared.dir");
        if (null != property)
        {
            return Path.of(property, "data", FILE_NAME);
        }
        try
        {
            Path dir = Path.of(ItchSlice.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            while (null != dir)
            {
                final Path candidate = dir.resolve("shared").resolve("data").resolve(FILE_NAME);
                if (Files.isRegularFile(candidate))
                {
                    return candidate;
                }
                dir = dir.getParent();
            }
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
        throw new IllegalStateException("cannot find shared/data/" + FILE_NAME +
            " above the benchmarks jar; set -Dcorezero.shared.dir");
    }
}
