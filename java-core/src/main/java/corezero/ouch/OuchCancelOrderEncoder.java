package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Cancel Order Request message ('X', inbound, 9 bytes, or 11 + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.3 X. The offsets are those of {@link OuchCancelOrderDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'X'
 *         1       4  UserRefNum of the order            u32
 *         5       4  Quantity                           u32
 *         9       2  Appendage Length                   u16 (optional)
 *        11     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchCancelOrderEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchCancelOrderEncoder()
    {
        super(
            OuchCancelOrderDecoder.MESSAGE_TYPE,
            OuchCancelOrderDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchCancelOrderDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchCancelOrderEncoder wrap(final MutableDirectBuffer buffer, final int offset)
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
    public OuchCancelOrderEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchCancelOrderDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Quantity: new intended order size, 0 cancels all.
     *
     * @param quantity unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchCancelOrderEncoder quantity(final long quantity)
    {
        putUint32(OuchCancelOrderDecoder.QUANTITY_OFFSET, quantity);

        return this;
    }
}
