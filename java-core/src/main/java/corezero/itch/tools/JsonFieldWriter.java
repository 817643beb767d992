package corezero.itch.tools;

import corezero.itch.ItchFlyweight;
import org.agrona.DirectBuffer;

/**
 * One JSON object per message: {@code "type"} holds the type letter, then every field under its camelCase name.
 * Numbers are JSON numbers (prices with all their decimals, the timestamp in nanoseconds since midnight); alpha
 * fields are strings without their right padding, one-byte fields strings of one character.
 * <pre>
 * {"type":"A","stockLocate":13,"trackingNumber":0,"timestamp":25200002107428,...,"price":324.6600}
 * </pre>
 */
final class JsonFieldWriter implements FieldWriter
{
    private final StringBuilder line;

    JsonFieldWriter(final StringBuilder line)
    {
        this.line = line;
    }

    /**
     * {@inheritDoc}
     */
    public void begin(final byte type, final String name)
    {
        line.append("{\"type\":\"");
        Formats.appendEscaped(line, type);
        line.append('"');
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
    }

    /**
     * {@inheritDoc}
     */
    public void character(final String name, final byte value)
    {
        key(name).append('"');
        Formats.appendEscaped(line, value);
        line.append('"');
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

        key(name).append('"');
        for (int i = start; i < end; i++)
        {
            Formats.appendEscaped(line, buffer.getByte(i));
        }
        line.append('"');
    }

    /**
     * {@inheritDoc}
     */
    public void end()
    {
        line.append('}');
    }

    private StringBuilder key(final String name)
    {
        return line.append(",\"").append(name).append("\":");
    }
}
