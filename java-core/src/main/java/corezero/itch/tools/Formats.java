package corezero.itch.tools;

/**
 * Formatting shared by the field writers: fixed-point prices, times of day and escaped strings.
 */
final class Formats
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Formats()
    {
    }

    /**
     * Append an unsigned fixed-point number with all its decimal places: 3246600 with 4 decimals is "324.6600".
     */
    static void appendPrice(final StringBuilder out, final long value, final int decimals)
    {
        long divisor = 1;
        for (int i = 0; i < decimals; i++)
        {
            divisor *= 10;
        }

        out.append(Long.toUnsignedString(Long.divideUnsigned(value, divisor)));
        if (decimals > 0)
        {
            out.append('.');
            final String fraction = Long.toString(Long.remainderUnsigned(value, divisor));
            for (int i = fraction.length(); i < decimals; i++)
            {
                out.append('0');
            }
            out.append(fraction);
        }
    }

    /**
     * Append nanoseconds since midnight as HH:MM:SS.nnnnnnnnn.
     */
    static void appendTimeOfDay(final StringBuilder out, final long nsSinceMidnight)
    {
        final long seconds = nsSinceMidnight / NANOS_PER_SECOND;
        final long nanos = nsSinceMidnight % NANOS_PER_SECOND;
        appendPadded(out, seconds / 3600, 2);
        out.append(':');
        appendPadded(out, (seconds / 60) % 60, 2);
        out.append(':');
        appendPadded(out, seconds % 60, 2);
        out.append('.');
        appendPadded(out, nanos, 9);
    }

    /**
     * Append bytes as a JSON string body (no quotes): quote, backslash, control and non-ASCII bytes escaped.
     */
    static void appendEscaped(final StringBuilder out, final byte b)
    {
        final int c = b & 0xFF;
        if (c == '"' || c == '\\')
        {
            out.append('\\').append((char)c);
        }
        else if (c < 0x20 || c > 0x7E)
        {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
        else
        {
            out.append((char)c);
        }
    }

    private static void appendPadded(final StringBuilder out, final long value, final int width)
    {
        final String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++)
        {
            out.append('0');
        }
        out.append(digits);
    }
}
