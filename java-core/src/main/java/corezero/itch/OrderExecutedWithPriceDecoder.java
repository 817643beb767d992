package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Order Executed With Price message ('C', 36 bytes, section 1.4.2): an order on the book
 * was executed in whole or in part at a price other than its display price.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'C'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Order Reference Number            u64
 *       19       4  Executed Shares                   u32
 *       23       8  Match Number                      u64
 *       31       1  Printable                         alpha (1)
 *       32       4  Execution Price                   u32 Price (4)
 *       36          (end)
 * </pre>
 */
public final class OrderExecutedWithPriceDecoder extends ItchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.ORDER_EXECUTED_WITH_PRICE;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.ORDER_EXECUTED_WITH_PRICE_LENGTH;

    /** Offset of Order Reference Number. */
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;

    /** Offset of Executed Shares. */
    public static final int EXECUTED_SHARES_OFFSET = 19;

    /** Offset of Match Number. */
    public static final int MATCH_NUMBER_OFFSET = 23;

    /** Offset of Printable. */
    public static final int PRINTABLE_OFFSET = 31;

    /** Offset of Execution Price. */
    public static final int EXECUTION_PRICE_OFFSET = 32;

    /**
     * {@inheritDoc}
     */
    public OrderExecutedWithPriceDecoder wrap(final DirectBuffer buffer, final int offset)
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

    /**
     * Printable: 'Y' printable, 'N' non-printable (included in a later bulk print).
     *
     * @return the ASCII byte.
     */
    public byte printable()
    {
        return byteAt(PRINTABLE_OFFSET);
    }

    /**
     * Execution Price: price of the execution.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long executionPrice()
    {
        return uint32(EXECUTION_PRICE_OFFSET);
    }
}
