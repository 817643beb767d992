package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Appends TagValue options to a message and keeps its Appendage Length field current, without allocating:
 * <pre>
 *   Appendage Length (u16) | Len | Tag | Value ... | Len | Tag | Value ... | ...
 *   ^ lengthIndex            ^ first element
 * </pre>
 * Every element is written as Length = 1 + value size, OptionTag, value, with the value sizes of
 * {@link OuchOptionTag}. Numbers are big-endian; alpha values are padded with spaces. Wrapping writes an Appendage
 * Length of zero, so a message with no options is complete as soon as it is wrapped.
 */
public final class OuchAppendageWriter
{
    /** Largest appendage the 2-byte Appendage Length can describe. */
    public static final int MAX_APPENDAGE_LENGTH = 0xFFFF;

    private MutableDirectBuffer buffer;
    private int lengthIndex;
    private int appendageLength;

    /**
     * Wrap the writer at a message's Appendage Length field and set that field to zero.
     *
     * @param buffer      holding the message.
     * @param lengthIndex index of the Appendage Length field; elements are written after it.
     * @return this writer.
     */
    public OuchAppendageWriter wrap(final MutableDirectBuffer buffer, final int lengthIndex)
    {
        this.buffer = buffer;
        this.lengthIndex = lengthIndex;
        this.appendageLength = 0;
        buffer.putShort(lengthIndex, (short)0, OuchFlyweight.BYTE_ORDER);

        return this;
    }

    /**
     * @return the number of appendage bytes written so far (the value of the Appendage Length field).
     */
    public int appendageLength()
    {
        return appendageLength;
    }

    /**
     * @param tag   any OptionTag, 0 to 255.
     * @param value the byte.
     * @return this writer.
     */
    public OuchAppendageWriter putByte(final int tag, final byte value)
    {
        final int valueIndex = begin(tag, 1);
        buffer.putByte(valueIndex, value);

        return this;
    }

    /**
     * @param tag   any OptionTag, 0 to 255.
     * @param value the low 16 bits are written.
     * @return this writer.
     */
    public OuchAppendageWriter putShort(final int tag, final int value)
    {
        final int valueIndex = begin(tag, 2);
        buffer.putShort(valueIndex, (short)value, OuchFlyweight.BYTE_ORDER);

        return this;
    }

    /**
     * @param tag   any OptionTag, 0 to 255.
     * @param value the low 32 bits are written.
     * @return this writer.
     */
    public OuchAppendageWriter putInt(final int tag, final long value)
    {
        final int valueIndex = begin(tag, 4);
        buffer.putInt(valueIndex, (int)value, OuchFlyweight.BYTE_ORDER);

        return this;
    }

    /**
     * @param tag   any OptionTag, 0 to 255.
     * @param value the 8-byte value.
     * @return this writer.
     */
    public OuchAppendageWriter putLong(final int tag, final long value)
    {
        final int valueIndex = begin(tag, 8);
        buffer.putLong(valueIndex, value, OuchFlyweight.BYTE_ORDER);

        return this;
    }

    /**
     * @param tag       any OptionTag, 0 to 255.
     * @param valueSize the size of the field, 0 to 254.
     * @param value     ASCII characters, padded with spaces to {@code valueSize}.
     * @return this writer.
     */
    public OuchAppendageWriter putAlpha(final int tag, final int valueSize, final CharSequence value)
    {
        final int valueIndex = begin(tag, valueSize);
        OuchAlpha.put(buffer, valueIndex, valueSize, value);

        return this;
    }

    /**
     * @param value SecondaryOrdRefNum.
     * @return this writer.
     */
    public OuchAppendageWriter secondaryOrdRefNum(final long value)
    {
        return putLong(OuchOptionTag.SECONDARY_ORD_REF_NUM, value);
    }

    /**
     * @param firm up to 4 capital letters, blank for the account's default.
     * @return this writer.
     */
    public OuchAppendageWriter firm(final CharSequence firm)
    {
        return putAlpha(OuchOptionTag.FIRM, OuchFlyweight.FIRM_LENGTH, firm);
    }

    /**
     * @param minQty minimum quantity, a round lot; 0 for none.
     * @return this writer.
     */
    public OuchAppendageWriter minQty(final long minQty)
    {
        return putInt(OuchOptionTag.MIN_QTY, minQty);
    }

    /**
     * @param customerType 'R' retail designated, 'N' not, space for the port default.
     * @return this writer.
     */
    public OuchAppendageWriter customerType(final byte customerType)
    {
        return putByte(OuchOptionTag.CUSTOMER_TYPE, customerType);
    }

    /**
     * @param maxFloor displayed portion in shares; 0 for none.
     * @return this writer.
     */
    public OuchAppendageWriter maxFloor(final long maxFloor)
    {
        return putInt(OuchOptionTag.MAX_FLOOR, maxFloor);
    }

    /**
     * @param priceType 'L', 'P', 'M', 'R', 'Q' or 'm'.
     * @return this writer.
     */
    public OuchAppendageWriter priceType(final byte priceType)
    {
        return putByte(OuchOptionTag.PRICE_TYPE, priceType);
    }

    /**
     * @param pegOffset signed, 4 implied decimals.
     * @return this writer.
     */
    public OuchAppendageWriter pegOffset(final int pegOffset)
    {
        return putInt(OuchOptionTag.PEG_OFFSET, pegOffset);
    }

    /**
     * @param discretionPrice 4 implied decimals.
     * @return this writer.
     */
    public OuchAppendageWriter discretionPrice(final long discretionPrice)
    {
        return putLong(OuchOptionTag.DISCRETION_PRICE, discretionPrice);
    }

    /**
     * @param discretionPriceType 'L', 'P', 'M' or 'R'.
     * @return this writer.
     */
    public OuchAppendageWriter discretionPriceType(final byte discretionPriceType)
    {
        return putByte(OuchOptionTag.DISCRETION_PRICE_TYPE, discretionPriceType);
    }

    /**
     * @param discretionPegOffset signed, 4 implied decimals.
     * @return this writer.
     */
    public OuchAppendageWriter discretionPegOffset(final int discretionPegOffset)
    {
        return putInt(OuchOptionTag.DISCRETION_PEG_OFFSET, discretionPegOffset);
    }

    /**
     * @param postOnly 'P' post only, 'N' no.
     * @return this writer.
     */
    public OuchAppendageWriter postOnly(final byte postOnly)
    {
        return putByte(OuchOptionTag.POST_ONLY, postOnly);
    }

    /**
     * @param randomReserves shares to do random reserve with.
     * @return this writer.
     */
    public OuchAppendageWriter randomReserves(final long randomReserves)
    {
        return putInt(OuchOptionTag.RANDOM_RESERVES, randomReserves);
    }

    /**
     * @param route up to 4 characters.
     * @return this writer.
     */
    public OuchAppendageWriter route(final CharSequence route)
    {
        return putAlpha(OuchOptionTag.ROUTE, 4, route);
    }

    /**
     * @param expireTimeSeconds seconds to live, below 86400; 0 for none.
     * @return this writer.
     */
    public OuchAppendageWriter expireTime(final long expireTimeSeconds)
    {
        return putInt(OuchOptionTag.EXPIRE_TIME, expireTimeSeconds);
    }

    /**
     * @param tradeNow 'Y', 'N' or space for the port default.
     * @return this writer.
     */
    public OuchAppendageWriter tradeNow(final byte tradeNow)
    {
        return putByte(OuchOptionTag.TRADE_NOW, tradeNow);
    }

    /**
     * @param handleInst 'I', 'O', 'T', 'Q', 'B', 'D' or space.
     * @return this writer.
     */
    public OuchAppendageWriter handleInst(final byte handleInst)
    {
        return putByte(OuchOptionTag.HANDLE_INST, handleInst);
    }

    /**
     * @param bboWeightIndicator '0' to '3', 'S', 'N' or space.
     * @return this writer.
     */
    public OuchAppendageWriter bboWeightIndicator(final byte bboWeightIndicator)
    {
        return putByte(OuchOptionTag.BBO_WEIGHT_INDICATOR, bboWeightIndicator);
    }

    /**
     * @param displayQuantity displayed shares (Order Restated).
     * @return this writer.
     */
    public OuchAppendageWriter displayQuantity(final long displayQuantity)
    {
        return putInt(OuchOptionTag.DISPLAY_QUANTITY, displayQuantity);
    }

    /**
     * @param displayPrice displayed price, 4 implied decimals (Order Restated).
     * @return this writer.
     */
    public OuchAppendageWriter displayPrice(final long displayPrice)
    {
        return putLong(OuchOptionTag.DISPLAY_PRICE, displayPrice);
    }

    /**
     * @param groupId customer group ID, 0 to 65535.
     * @return this writer.
     */
    public OuchAppendageWriter groupId(final int groupId)
    {
        return putShort(OuchOptionTag.GROUP_ID, groupId);
    }

    /**
     * @param sharesLocated 'Y' or 'N'.
     * @return this writer.
     */
    public OuchAppendageWriter sharesLocated(final byte sharesLocated)
    {
        return putByte(OuchOptionTag.SHARES_LOCATED, sharesLocated);
    }

    /**
     * @param locateBroker broker code of the locate, up to 4 characters.
     * @return this writer.
     */
    public OuchAppendageWriter locateBroker(final CharSequence locateBroker)
    {
        return putAlpha(OuchOptionTag.LOCATE_BROKER, 4, locateBroker);
    }

    /**
     * @param side 'B', 'S', 'T' or 'E'.
     * @return this writer.
     */
    public OuchAppendageWriter side(final byte side)
    {
        return putByte(OuchOptionTag.SIDE, side);
    }

    /**
     * @param userRefIdx order flow channel within the port, 0 to 255.
     * @return this writer.
     */
    public OuchAppendageWriter userRefIdx(final int userRefIdx)
    {
        return putByte(OuchOptionTag.USER_REF_IDX, (byte)userRefIdx);
    }

    private int begin(final int tag, final int valueSize)
    {
        final int elementLength = 2 + valueSize;
        if (valueSize < 0 || valueSize > 254 || appendageLength + elementLength > MAX_APPENDAGE_LENGTH)
        {
            throw new IllegalArgumentException("TagValue does not fit: tag=" + tag + " size=" + valueSize);
        }

        final int index = lengthIndex + OuchFlyweight.APPENDAGE_LENGTH_SIZE + appendageLength;
        buffer.putByte(index, (byte)(1 + valueSize));
        buffer.putByte(index + 1, (byte)tag);
        appendageLength += elementLength;
        buffer.putShort(lengthIndex, (short)appendageLength, OuchFlyweight.BYTE_ORDER);

        return index + 2;
    }
}
