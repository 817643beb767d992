package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Iterates the TagValue elements of an OUCH options appendage without allocating. Each element:
 * <pre>
 *   offset  length  field        type
 *        0       1  Length       u8, remaining length of the element: 1 + size of OptionValue
 *        1       1  OptionTag    u8 ({@link OuchOptionTag})
 *        2     var  OptionValue  per tag
 * </pre>
 * Elements with a tag the specification does not define are skipped and counted ({@link #unknownTags()}). An
 * element whose length runs past the appendage, a zero Length, or a known tag whose value has the wrong size makes
 * the appendage malformed: {@link #next()} returns false and {@link #isMalformed()} says why it stopped. Nothing
 * here throws on bad input.
 * <p>
 * Usage:
 * <pre>
 *   reader.wrap(buffer, index, length);
 *   while (reader.next())
 *   {
 *       switch (reader.tag()) { ... reader.u32Value() ... }
 *   }
 *   if (reader.isMalformed()) { ... }
 * </pre>
 */
public final class OuchAppendageReader
{
    /** Returned by {@link #scan()} for a malformed appendage. */
    public static final int MALFORMED = -1;

    private static final int ELEMENT_HEADER_LENGTH = 2;

    private DirectBuffer buffer;
    private int position;
    private int end;
    private int tag;
    private int valueIndex;
    private int valueLength;
    private int unknownTags;
    private boolean malformed;

    /**
     * Wrap the reader over an appendage and restart the iteration.
     *
     * @param buffer holding the appendage.
     * @param index  of the first TagValue element.
     * @param length of the appendage in bytes.
     * @return this reader.
     */
    public OuchAppendageReader wrap(final DirectBuffer buffer, final int index, final int length)
    {
        this.buffer = buffer;
        this.position = index;
        this.end = index + Math.max(0, length);
        this.tag = 0;
        this.valueIndex = index;
        this.valueLength = 0;
        this.unknownTags = 0;
        this.malformed = false;

        return this;
    }

    /**
     * Advance to the next element with a known tag, skipping unknown ones.
     *
     * @return true when positioned on an element; false at the end or on a malformed element.
     */
    public boolean next()
    {
        while (position < end)
        {
            if (end - position < ELEMENT_HEADER_LENGTH)
            {
                malformed = true;
                return false;
            }

            final int elementLength = buffer.getByte(position) & 0xFF;
            if (elementLength < 1 || position + 1 + elementLength > end)
            {
                malformed = true;
                return false;
            }

            final int elementTag = buffer.getByte(position + 1) & 0xFF;
            final int elementValueLength = elementLength - 1;
            final int expectedSize = OuchOptionTag.valueSize(elementTag);
            final int elementValueIndex = position + ELEMENT_HEADER_LENGTH;
            position += 1 + elementLength;

            if (OuchOptionTag.UNKNOWN == expectedSize)
            {
                unknownTags++;
                continue;
            }

            if (expectedSize != elementValueLength)
            {
                malformed = true;
                position = end;
                return false;
            }

            tag = elementTag;
            valueIndex = elementValueIndex;
            valueLength = elementValueLength;

            return true;
        }

        return false;
    }

    /**
     * Walk every remaining element: the check {@link OuchDecoder} runs before it hands a message out.
     *
     * @return the number of known elements, or {@link #MALFORMED}.
     */
    public int scan()
    {
        int count = 0;
        while (next())
        {
            count++;
        }

        return malformed ? MALFORMED : count;
    }

    /**
     * @return true when the iteration stopped on a malformed element.
     */
    public boolean isMalformed()
    {
        return malformed;
    }

    /**
     * @return the number of elements with undefined tags skipped since the last wrap.
     */
    public int unknownTags()
    {
        return unknownTags;
    }

    /**
     * @return the OptionTag of the current element ({@link OuchOptionTag}).
     */
    public int tag()
    {
        return tag;
    }

    /**
     * @return the index of the current value in the buffer.
     */
    public int valueIndex()
    {
        return valueIndex;
    }

    /**
     * @return the size of the current value in bytes.
     */
    public int valueLength()
    {
        return valueLength;
    }

    /**
     * @return a 1-byte value: a Char/Alpha letter, or UserRefIdx (mask with 0xFF for the number).
     */
    public byte byteValue()
    {
        return buffer.getByte(valueIndex);
    }

    /**
     * @return a 2-byte unsigned value, e.g. Group ID.
     */
    public int u16Value()
    {
        return buffer.getShort(valueIndex, OuchFlyweight.BYTE_ORDER) & 0xFFFF;
    }

    /**
     * @return a 4-byte unsigned value, e.g. MinQty, MaxFloor, ExpireTime.
     */
    public long u32Value()
    {
        return buffer.getInt(valueIndex, OuchFlyweight.BYTE_ORDER) & 0xFFFF_FFFFL;
    }

    /**
     * @return a 4-byte signed value: PegOffset and DiscretionPegOffset, 4 implied decimals.
     */
    public int int32Value()
    {
        return buffer.getInt(valueIndex, OuchFlyweight.BYTE_ORDER);
    }

    /**
     * @return an 8-byte value: DiscretionPrice, Display Price (4 implied decimals) or SecondaryOrdRefNum.
     */
    public long int64Value()
    {
        return buffer.getLong(valueIndex, OuchFlyweight.BYTE_ORDER);
    }

    /**
     * @param value ASCII characters.
     * @return true when the current alpha value (Firm, Route, Locate Broker) equals the value padded with spaces.
     */
    public boolean alphaEquals(final CharSequence value)
    {
        return OuchAlpha.equals(buffer, valueIndex, valueLength, value);
    }

    /**
     * Control path: the current alpha value without its padding. Allocates.
     *
     * @return the trimmed value.
     */
    public String alphaAsString()
    {
        return OuchAlpha.asString(buffer, valueIndex, valueLength);
    }
}
