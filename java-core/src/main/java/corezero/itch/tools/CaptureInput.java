package corezero.itch.tools;

import java.io.IOException;
import java.io.InputStream;

/**
 * Sequential reads from a capture file, keeping track of the file offset for error messages.
 */
final class CaptureInput
{
    private final InputStream in;
    private long position;

    CaptureInput(final InputStream in)
    {
        this.in = in;
    }

    /**
     * Read up to {@code length} bytes, fewer only at the end of the file.
     *
     * @return the number of bytes read, 0 at the end of the file.
     */
    int read(final byte[] dst, final int offset, final int length) throws IOException
    {
        final int read = in.readNBytes(dst, offset, length);
        position += read;

        return read;
    }

    /**
     * @return the file offset of the next byte to read.
     */
    long position()
    {
        return position;
    }
}
