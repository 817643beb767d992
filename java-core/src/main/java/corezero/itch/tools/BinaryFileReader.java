package corezero.itch.tools;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;

/**
 * Reads NASDAQ BinaryFILE 1.00: messages one after the other, each preceded by its length as 2 big-endian bytes.
 * An empty message marks the end of the session; a file without one is incomplete but not malformed.
 */
final class BinaryFileReader
{
    private static final int LENGTH_FIELD = 2;

    private final byte[] bytes = new byte[0xFFFF];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);

    /**
     * @throws MalformedCaptureException when a length field or a message is cut short by the end of the file.
     */
    void read(final CaptureInput in, final MessageSink sink, final CaptureStats stats)
        throws IOException, MalformedCaptureException
    {
        stats.format = "BinaryFILE";
        while (true)
        {
            final long recordOffset = in.position();
            final int lengthRead = in.read(bytes, 0, LENGTH_FIELD);
            if (0 == lengthRead)
            {
                return;
            }
            if (lengthRead < LENGTH_FIELD)
            {
                throw new MalformedCaptureException(
                    recordOffset, "BinaryFILE length field cut short by the end of file");
            }

            final int length = ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
            if (0 == length)
            {
                stats.endOfSessionMarker = true;
                return;
            }

            final int read = in.read(bytes, 0, length);
            if (read < length)
            {
                throw new MalformedCaptureException(recordOffset,
                    "BinaryFILE message of " + length + " bytes with only " + read + " left in the file");
            }
            if (!sink.onMessage(buffer, 0, length, recordOffset + LENGTH_FIELD))
            {
                return;
            }
        }
    }
}
