package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Order Executed message ('E', 31 bytes, section 1.4.1): an order on the book was executed
 * in whole or in part, at its display price.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'E'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Order Reference Number            u64
 *       19       4  Executed Shares                   u32
 *       23       8  Match Number                      u64
 *       31          (end)
 * </pre>
 */
public final class OrderExecutedDecoder extends ItchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.ORDER_EXECUTED;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.ORDER_EXECUTED_LENGTH;

    /** Offset of Order Reference Number. */
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;

    /** Offset of Executed Shares. */
    public static final int EXECUTED_SHARES_OFFSET = 19;

    /** Offset of Match Number. */
    public static final int MATCH_NUMBER_OFFSET = 23;

    /**
     * {@inheritDoc}
     */
    public OrderExecutedDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Order Reference Number: reference of the executed order.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long orderReferenceNumber()
    {
        return int64(ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /**
     * Executed Shares: shares executed.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long executedShares()
    {
        return uint32(EXECUTED_SHARES_OFFSET);
    }

    /**
     * Match Number: day-unique match number.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long matchNumber()
    {
        return int64(MATCH_NUMBER_OFFSET);
    }
}
