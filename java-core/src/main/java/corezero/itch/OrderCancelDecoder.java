package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Order Cancel message ('X', 23 bytes, section 1.4.3): an order on the book was partially
 * cancelled.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'X'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Order Reference Number            u64
 *       19       4  Cancelled Shares                  u32
 *       23          (end)
 * </pre>
 */
public final class OrderCancelDecoder extends ItchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.ORDER_CANCEL;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.ORDER_CANCEL_LENGTH;

    /** Offset of Order Reference Number. */
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;

    /** Offset of Cancelled Shares. */
    public static final int CANCELLED_SHARES_OFFSET = 19;

    /**
     * {@inheritDoc}
     */
    public OrderCancelDecoder wrap(final DirectBuffer buffer, final int offset)
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

    /**
     * Cancelled Shares: shares removed from the display size.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long cancelledShares()
    {
        return uint32(CANCELLED_SHARES_OFFSET);
    }
}
