package corezero.itch.tools;

import corezero.itch.ItchFlyweight;
import org.agrona.DirectBuffer;

/**
 * One line per message: the type letter and name, then {@code name=value} pairs. Alpha values lose their right
 * padding; a value that is then empty, or holds a space or a byte that is not printable ASCII, is written as a
 * quoted, escaped string ({@code marketCategory=" "}). Prices have all their decimals; the timestamp is written in
 * nanoseconds and again as {@code time=HH:MM:SS.nnnnnnnnn}.
 * <pre>
 * A AddOrder stockLocate=13 trackingNumber=0 timestamp=25200002107428 time=07:00:00.002107428 ... price=324.6600
 * </pre>
 */
final class TextFieldWriter implements FieldWriter
{
    private final StringBuilder line;

    TextFieldWriter(final StringBuilder line)
    {
        this.line = line;
    }

    /**
     * {@inheritDoc}
     */
    public void begin(final byte type, final String name)
    {
        line.append((char)type).append(' ').append(name);
    }

    /**
     * {@inheritDoc}
     */
    public void number(final String name, final long value)
    {
        key(name).append(Long.toUnsignedString(value));
    }

    /**
     * {@inheritDoc}
     */
    public void price(final String name, final long value, final int decimals)
    {
        Formats.appendPrice(key(name), value, decimals);
    }

    /**
     * {@inheritDoc}
     */
    public void timestamp(final String name, final long nsSinceMidnight)
    {
        key(name).append(nsSinceMidnight);
        Formats.appendTimeOfDay(key("time"), nsSinceMidnight);
    }

    /**
     * {@inheritDoc}
     */
    public void character(final String name, final byte value)
    {
        key(name);
        if (isPlain(value))
        {
            line.append((char)value);
        }
        else
        {
            line.append('"');
            Formats.appendEscaped(line, value);
            line.append('"');
        }
    }

    /**
     * {@inheritDoc}
     */
    public void alpha(final String name, final ItchFlyweight message, final int fieldOffset, final int length)
    {
        final DirectBuffer buffer = message.buffer();
        final int start = message.offset() + fieldOffset;
        int end = start + length;
        while (end > start && ItchFlyweight.SPACE == buffer.getByte(end - 1))
        {
            end--;
        }

        boolean plain = end > start;
        for (int i = start; i < end && plain; i++)
        {
            plain = isPlain(buffer.getByte(i));
        }

        key(name);
        if (plain)
        {
            for (int i = start; i < end; i++)
            {
                line.append((char)buffer.getByte(i));
            }
        }
        else
        {
            line.append('"');
            for (int i = start; i < end; i++)
            {
                Formats.appendEscaped(line, buffer.getByte(i));
            }
            line.append('"');
        }
    }

    /**
     * {@inheritDoc}
     */
    public void end()
    {
    }

    private StringBuilder key(final String name)
    {
        return line.append(' ').append(name).append('=');
    }

    private static boolean isPlain(final byte b)
    {
        return b > ' ' && b <= '~' && b != '"';
    }
}
