package corezero.ouch;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Builds expected OUCH messages byte by byte, big-endian, the way the specification tables read: each field is added
 * at the offset the table gives, and the builder checks that offset against what has been written so far.
 */
final class OuchTestBytes
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static OuchTestBytes message(final char type)
    {
        return new OuchTestBytes().u8(0, type);
    }

    OuchTestBytes u8(final int offset, final int value)
    {
        at(offset);
        out.write(value & 0xFF);
        return this;
    }

    OuchTestBytes u16(final int offset, final int value)
    {
        at(offset);
        out.write((value >>> 8) & 0xFF);
        out.write(value & 0xFF);
        return this;
    }

    OuchTestBytes u32(final int offset, final long value)
    {
        at(offset);
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            out.write((int)(value >>> shift) & 0xFF);
        }
        return this;
    }

    OuchTestBytes u64(final int offset, final long value)
    {
        at(offset);
        for (int shift = 56; shift >= 0; shift -= 8)
        {
            out.write((int)(value >>> shift) & 0xFF);
        }
        return this;
    }

    OuchTestBytes alpha(final int offset, final int length, final String value)
    {
        at(offset);
        final byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < length; i++)
        {
            out.write(i < bytes.length ? bytes[i] : ' ');
        }
        return this;
    }

    /** A whole TagValue element, appended wherever the builder is. */
    OuchTestBytes tagValue(final int tag, final byte... value)
    {
        out.write(1 + value.length);
        out.write(tag);
        out.write(value, 0, value.length);
        return this;
    }

    OuchTestBytes raw(final byte... bytes)
    {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    int length()
    {
        return out.size();
    }

    byte[] toArray()
    {
        return out.toByteArray();
    }

    /** The message copied into a larger buffer at an odd offset, so offsets are not accidentally zero-based. */
    UnsafeBuffer inBuffer(final int offset)
    {
        final byte[] bytes = out.toByteArray();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[offset + bytes.length + 16]);
        buffer.putBytes(offset, bytes);
        return buffer;
    }

    static byte[] be(final long value, final int size)
    {
        final byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++)
        {
            bytes[i] = (byte)(value >>> (8 * (size - 1 - i)));
        }
        return bytes;
    }

    static byte[] ascii(final String value, final int size)
    {
        final byte[] bytes = new byte[size];
        final byte[] src = value.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++)
        {
            bytes[i] = i < src.length ? src[i] : (byte)' ';
        }
        return bytes;
    }

    private void at(final int offset)
    {
        assertEquals(offset, out.size(), "field offset in the specification table");
    }
}
