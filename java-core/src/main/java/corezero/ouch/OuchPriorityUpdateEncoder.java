package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Order Priority Update message ('T', outbound, 30 bytes, or 32 + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 T. The offsets are those of {@link OuchPriorityUpdateDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'T'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       8  Price                              s64 Price (4)
 *        21       1  Display                            alpha (1)
 *        22       8  Order Reference Number             u64
 *        30       2  Appendage Length                   u16 (optional)
 *        32     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchPriorityUpdateEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchPriorityUpdateEncoder()
    {
        super(
            OuchPriorityUpdateDecoder.MESSAGE_TYPE,
            OuchPriorityUpdateDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchPriorityUpdateDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchPriorityUpdateEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchPriorityUpdateEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchPriorityUpdateDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * UserRefNum.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchPriorityUpdateEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchPriorityUpdateDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Price: limit price of the order.
     *
     * @param price 4 implied decimals.
     * @return this encoder.
     */
    public OuchPriorityUpdateEncoder price(final long price)
    {
        putInt64(OuchPriorityUpdateDecoder.PRICE_OFFSET, price);

        return this;
    }

    /**
     * Display: 'Y' = anonymous, price to comply.
     *
     * @param display ASCII byte.
     * @return this encoder.
     */
    public OuchPriorityUpdateEncoder display(final byte display)
    {
        putByte(OuchPriorityUpdateDecoder.DISPLAY_OFFSET, display);

        return this;
    }

    /**
     * Order Reference Number: the new one.
     *
     * @param orderReferenceNumber 8-byte number.
     * @return this encoder.
     */
    public OuchPriorityUpdateEncoder orderReferenceNumber(final long orderReferenceNumber)
    {
        putInt64(OuchPriorityUpdateDecoder.ORDER_REFERENCE_NUMBER_OFFSET, orderReferenceNumber);

        return this;
    }
}
