package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 Cancel Order Request message ('X', inbound: client to host,
 * 9 bytes, or 11 + appendage; PROTOCOLS-SUMMARY section 2.3 X).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'X'
 *         1       4  UserRefNum of the order            u32
 *         5       4  Quantity                           u32
 *         9       2  Appendage Length                   u16 (optional)
 *        11     var  Optional Appendage                 TagValue elements
 * </pre>
 */
public final class OuchCancelOrderDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.CANCEL_ORDER;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 9;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_OPTIONAL;

    /** Offset of UserRefNum of the order. */
    public static final int USER_REF_NUM_OFFSET = 1;

    /** Offset of Quantity. */
    public static final int QUANTITY_OFFSET = 5;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchCancelOrderDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        super.wrap(buffer, offset, length);

        return this;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int appendageLengthOffset()
    {
        return APPENDAGE_LENGTH_OFFSET;
    }

    /**
     * UserRefNum of the order.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long userRefNum()
    {
        return uint32(USER_REF_NUM_OFFSET);
    }

    /**
     * Quantity: new intended order size, 0 cancels all.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long quantity()
    {
        return uint32(QUANTITY_OFFSET);
    }
}
