package corezero.itch;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Builds an ITCH message byte by byte at the offsets the specification's tables give, big-endian by hand (not
 * through the decoders' constants or Agrona's byte-order getters), at a non-zero offset inside a larger buffer.
 */
final class MessageBytes
{
    static final int OFFSET = 7;

    final UnsafeBuffer buffer;
    final int length;

    MessageBytes(final char type, final int length)
    {
        this.buffer = new UnsafeBuffer(new byte[OFFSET + length + 9]);
        this.length = length;
        for (int i = 0; i < buffer.capacity(); i++)
        {
            buffer.putByte(i, (byte)0xEE);
        }
        for (int i = 0; i < length; i++)
        {
            buffer.putByte(OFFSET + i, (byte)0);
        }
        buffer.putByte(OFFSET, (byte)type);
    }

    MessageBytes header(final int stockLocate, final int trackingNumber, final long timestampNs)
    {
        return number(1, 2, stockLocate).number(3, 2, trackingNumber).number(5, 6, timestampNs);
    }

    MessageBytes number(final int fieldOffset, final int fieldLength, final long value)
    {
        for (int i = 0; i < fieldLength; i++)
        {
            buffer.putByte(OFFSET + fieldOffset + i, (byte)(value >>> (8 * (fieldLength - 1 - i))));
        }

        return this;
    }

    MessageBytes character(final int fieldOffset, final char value)
    {
        buffer.putByte(OFFSET + fieldOffset, (byte)value);

        return this;
    }

    MessageBytes alpha(final int fieldOffset, final int fieldLength, final String value)
    {
        final byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < fieldLength; i++)
        {
            buffer.putByte(OFFSET + fieldOffset + i, i < bytes.length ? bytes[i] : (byte)' ');
        }

        return this;
    }

    byte[] bytes()
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(OFFSET, bytes);

        return bytes;
    }
}
