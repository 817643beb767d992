package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Order Replace message ('U', 35 bytes, section 1.4.5): an order on the book was
 * cancel-replaced; side, stock and attribution carry over from the original order.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'U'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Original Order Reference Number   u64
 *       19       8  New Order Reference Number        u64
 *       27       4  Shares                            u32
 *       31       4  Price                             u32 Price (4)
 *       35          (end)
 * </pre>
 */
public final class OrderReplaceDecoder extends ItchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.ORDER_REPLACE;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.ORDER_REPLACE_LENGTH;

    /** Offset of Original Order Reference Number. */
    public static final int ORIGINAL_ORDER_REFERENCE_NUMBER_OFFSET = 11;

    /** Offset of New Order Reference Number. */
    public static final int NEW_ORDER_REFERENCE_NUMBER_OFFSET = 19;

    /** Offset of Shares. */
    public static final int SHARES_OFFSET = 27;

    /** Offset of Price. */
    public static final int PRICE_OFFSET = 31;

    /**
     * {@inheritDoc}
     */
    public OrderReplaceDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Original Order Reference Number: reference of the order being replaced.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long originalOrderReferenceNumber()
    {
        return int64(ORIGINAL_ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /**
     * New Order Reference Number: reference of the replacement from now on.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long newOrderReferenceNumber()
    {
        return int64(NEW_ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /**
     * Shares: new total displayed quantity.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long shares()
    {
        return uint32(SHARES_OFFSET);
    }

    /**
     * Price: new display price.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long price()
    {
        return uint32(PRICE_OFFSET);
    }
}
