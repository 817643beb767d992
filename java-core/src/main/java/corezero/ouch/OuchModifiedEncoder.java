package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Order Modified message ('M', outbound, 18 bytes, or 20 + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 M. The offsets are those of {@link OuchModifiedDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'M'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       1  Side                               alpha (1)
 *        14       4  Quantity                           u32
 *        18       2  Appendage Length                   u16 (optional)
 *        20     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchModifiedEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchModifiedEncoder()
    {
        super(
            OuchModifiedDecoder.MESSAGE_TYPE,
            OuchModifiedDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchModifiedDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchModifiedEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchModifiedEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchModifiedDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * UserRefNum.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchModifiedEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchModifiedDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Side: 'B', 'S', 'T' or 'E'.
     *
     * @param side ASCII byte.
     * @return this encoder.
     */
    public OuchModifiedEncoder side(final byte side)
    {
        putByte(OuchModifiedDecoder.SIDE_OFFSET, side);

        return this;
    }

    /**
     * Quantity: shares outstanding.
     *
     * @param quantity unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchModifiedEncoder quantity(final long quantity)
    {
        putUint32(OuchModifiedDecoder.QUANTITY_OFFSET, quantity);

        return this;
    }
}
