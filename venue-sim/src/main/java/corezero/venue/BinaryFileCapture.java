package corezero.venue;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A BinaryFILE capture held in a direct buffer, with the offset of every message indexed up front. The capture is the
 * message store: a message is found by its index without copying it anywhere.
 */
public final class BinaryFileCapture
{
    private final String name;
    private final ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer;
    private final int[] messageOffsets;
    private final int maxMessageLength;
    private final boolean hasEndOfSessionRecord;

    private BinaryFileCapture(
        final String name,
        final ByteBuffer byteBuffer,
        final int[] messageOffsets,
        final int maxMessageLength,
        final boolean hasEndOfSessionRecord)
    {
        this.name = name;
        this.byteBuffer = byteBuffer;
        this.buffer = new UnsafeBuffer(byteBuffer);
        this.messageOffsets = messageOffsets;
        this.maxMessageLength = maxMessageLength;
        this.hasEndOfSessionRecord = hasEndOfSessionRecord;
    }

    /**
     * Read a capture file into a direct buffer and index its messages.
     *
     * @param path of the BinaryFILE capture.
     * @return the indexed capture.
     * @throws IOException               if the file cannot be read or is larger than 2 GiB.
     * @throws BinaryFileFormatException if its framing is broken; the message names the file and the offset.
     */
    public static BinaryFileCapture load(final Path path) throws IOException
    {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            final long size = channel.size();
            if (size > Integer.MAX_VALUE)
            {
                throw new IOException(path + ": " + size + " bytes, larger than the 2 GiB a capture may be");
            }

            final ByteBuffer byteBuffer = ByteBuffer.allocateDirect((int)size);
            while (byteBuffer.hasRemaining())
            {
                if (channel.read(byteBuffer) < 0)
                {
                    throw new IOException(path + ": file shrank while reading it");
                }
            }

            try
            {
                return index(path.toString(), byteBuffer.flip());
            }
            catch (final BinaryFileFormatException ex)
            {
                throw new BinaryFileFormatException(path + ": " + ex.getMessage(), ex.offset());
            }
        }
    }

    /**
     * Index the messages of a capture already in memory, from offset 0 of the buffer; the capture is copied into a
     * direct buffer of its own.
     *
     * @param name   to show for the capture, e.g. its file name.
     * @param buffer holding the capture.
     * @param length of the capture in bytes.
     * @return the indexed capture.
     * @throws BinaryFileFormatException if the framing is broken, or data follows the end-of-session record.
     */
    public static BinaryFileCapture index(final String name, final DirectBuffer buffer, final int length)
    {
        final ByteBuffer byteBuffer = ByteBuffer.allocateDirect(length);
        buffer.getBytes(0, byteBuffer, 0, length);

        return index(name, byteBuffer);
    }

    /**
     * Index the messages of a capture in a direct buffer, which is kept, not copied.
     *
     * @param name       to show for the capture.
     * @param byteBuffer direct, holding the capture from 0 to its limit.
     * @return the indexed capture.
     * @throws BinaryFileFormatException if the framing is broken, or data follows the end-of-session record.
     */
    static BinaryFileCapture index(final String name, final ByteBuffer byteBuffer)
    {
        if (!byteBuffer.isDirect())
        {
            throw new IllegalArgumentException("a capture lives in a direct buffer");
        }

        final ByteBuffer captureBytes = byteBuffer.duplicate().position(0).limit(byteBuffer.limit()).slice();
        final int length = captureBytes.capacity();
        final UnsafeBuffer buffer = new UnsafeBuffer(captureBytes);
        final BinaryFileReader reader = new BinaryFileReader();
        int messageCount = 0;
        int maxMessageLength = 0;
        reader.wrap(buffer, 0, length);
        while (reader.next())
        {
            messageCount++;
            maxMessageLength = Math.max(maxMessageLength, reader.messageLength());
        }

        if (reader.remaining() > 0)
        {
            throw new BinaryFileFormatException(
                "BinaryFILE framing broken at offset " + reader.position() + ": " + reader.remaining() +
                " bytes follow the end-of-session record",
                reader.position());
        }

        final int[] messageOffsets = new int[messageCount];
        reader.wrap(buffer, 0, length);
        for (int i = 0; reader.next(); i++)
        {
            messageOffsets[i] = reader.messageOffset();
        }

        return new BinaryFileCapture(name, captureBytes, messageOffsets, maxMessageLength, reader.isEndOfSession());
    }

    /**
     * @return the name given when the capture was loaded: its path for a file.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return the buffer holding the whole capture; message offsets point into it.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return a view of the whole capture for nassau's {@code ByteBuffer} API, with a position and limit of its own;
     * message offsets point into it. It allocates: take one at setup.
     */
    public ByteBuffer newByteBufferView()
    {
        return byteBuffer.duplicate().clear();
    }

    /**
     * @return number of messages, not counting an end-of-session record.
     */
    public int messageCount()
    {
        return messageOffsets.length;
    }

    /**
     * @param index of the message, from 0.
     * @return offset in {@link #buffer()} of the message payload.
     */
    public int messageOffset(final int index)
    {
        return messageOffsets[index];
    }

    /**
     * @param index of the message, from 0.
     * @return length of the message payload, read from its record's length field.
     */
    public int messageLength(final int index)
    {
        return buffer.getShort(messageOffsets[index] - BinaryFileReader.LENGTH_FIELD_LENGTH, ByteOrder.BIG_ENDIAN) &
            0xFFFF;
    }

    /**
     * @return length of the longest message in the capture.
     */
    public int maxMessageLength()
    {
        return maxMessageLength;
    }

    /**
     * @return true if the capture ends with the zero-length end-of-session record.
     */
    public boolean hasEndOfSessionRecord()
    {
        return hasEndOfSessionRecord;
    }
}
