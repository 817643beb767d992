package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Broken Trade / Order Execution message ('B', 19 bytes, section 1.5.3): an execution was
 * broken; it does not change the book.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'B'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Match Number                      u64
 *       19          (end)
 * </pre>
 */
public final class BrokenTradeDecoder extends ItchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.BROKEN_TRADE;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.BROKEN_TRADE_LENGTH;

    /** Offset of Match Number. */
    public static final int MATCH_NUMBER_OFFSET = 11;

    /**
     * {@inheritDoc}
     */
    public BrokenTradeDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Match Number: match number of the broken execution.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long matchNumber()
    {
        return int64(MATCH_NUMBER_OFFSET);
    }
}
