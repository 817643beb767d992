package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Modify Order Request message ('M', inbound, 10 bytes, or 12 + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.3 M. The offsets are those of {@link OuchModifyOrderDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'M'
 *         1       4  UserRefNum of the order            u32
 *         5       1  Side                               alpha (1)
 *         6       4  Quantity                           u32
 *        10       2  Appendage Length                   u16 (optional)
 *        12     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchModifyOrderEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchModifyOrderEncoder()
    {
        super(
            OuchModifyOrderDecoder.MESSAGE_TYPE,
            OuchModifyOrderDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchModifyOrderDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchModifyOrderEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * UserRefNum of the order.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchModifyOrderEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchModifyOrderDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Side: only S/E/T to one another.
     *
     * @param side ASCII byte.
     * @return this encoder.
     */
    public OuchModifyOrderEncoder side(final byte side)
    {
        putByte(OuchModifyOrderDecoder.SIDE_OFFSET, side);

        return this;
    }

    /**
     * Quantity: new intended order size.
     *
     * @param quantity unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchModifyOrderEncoder quantity(final long quantity)
    {
        putUint32(OuchModifyOrderDecoder.QUANTITY_OFFSET, quantity);

        return this;
    }
}
