package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Order Delete message ('D', 19 bytes, section 1.4.4): an order on the book was cancelled
 * in full.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'D'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Order Reference Number            u64
 *       19          (end)
 * </pre>
 */
public final class OrderDeleteDecoder extends ItchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.ORDER_DELETE;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.ORDER_DELETE_LENGTH;

    /** Offset of Order Reference Number. */
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;

    /**
     * {@inheritDoc}
     */
    public OrderDeleteDecoder wrap(final DirectBuffer buffer, final int offset)
    {
        wrapBuffer(buffer, offset);

        return this;
    }

    /**
     * {@inheritDoc}
     */
    public int encodedLength()
    {
        return LENGTH;
    }

    /**
     * Order Reference Number: reference of the order.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long orderReferenceNumber()
    {
        return int64(ORDER_REFERENCE_NUMBER_OFFSET);
    }
}
