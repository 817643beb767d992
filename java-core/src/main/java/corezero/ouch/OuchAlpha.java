package corezero.ouch;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Alpha fields: ASCII, left-justified, right-padded with spaces. Writing takes a {@link CharSequence} so that a
 * String constant costs no allocation; characters above 0x7F are written as '?', since OUCH alpha is ASCII only.
 */
public final class OuchAlpha
{
    private OuchAlpha()
    {
    }

    /**
     * Write a value padded with spaces, truncated to the field length.
     *
     * @param buffer      to write into.
     * @param index       of the first byte of the field.
     * @param fieldLength of the field.
     * @param value       ASCII characters; the excess over {@code fieldLength} is dropped.
     */
    public static void put(
        final MutableDirectBuffer buffer, final int index, final int fieldLength, final CharSequence value)
    {
        final int valueLength = Math.min(value.length(), fieldLength);
        for (int i = 0; i < valueLength; i++)
        {
            final char c = value.charAt(i);
            buffer.putByte(index + i, c < 0x80 ? (byte)c : (byte)'?');
        }
        buffer.setMemory(index + valueLength, fieldLength - valueLength, OuchFlyweight.SPACE);
    }

    /**
     * @param buffer      holding the field.
     * @param index       of the first byte of the field.
     * @param fieldLength of the field.
     * @param value       ASCII characters.
     * @return true when the field holds the value padded with spaces.
     */
    public static boolean equals(
        final DirectBuffer buffer, final int index, final int fieldLength, final CharSequence value)
    {
        final int valueLength = value.length();
        if (valueLength > fieldLength)
        {
            return false;
        }

        for (int i = 0; i < fieldLength; i++)
        {
            final int expected = i < valueLength ? value.charAt(i) : OuchFlyweight.SPACE;
            if (buffer.getByte(index + i) != expected)
            {
                return false;
            }
        }

        return true;
    }

    /**
     * Control path: the field without its right padding. Allocates.
     *
     * @param buffer      holding the field.
     * @param index       of the first byte of the field.
     * @param fieldLength of the field.
     * @return the trimmed value.
     */
    public static String asString(final DirectBuffer buffer, final int index, final int fieldLength)
    {
        int end = fieldLength;
        while (end > 0 && OuchFlyweight.SPACE == buffer.getByte(index + end - 1))
        {
            end--;
        }
        final byte[] bytes = new byte[end];
        buffer.getBytes(index, bytes, 0, end);

        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
