package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Cross Trade message ('Q', 40 bytes, section 1.5.2): the bulk print of a Nasdaq cross for
 * one security. Shares is an 8-byte number here. The Stock field is read through {@link ItchStockFlyweight}.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'Q'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Shares                            u64
 *       19       8  Stock                             alpha (8)
 *       27       4  Cross Price                       u32 Price (4)
 *       31       8  Match Number                      u64
 *       39       1  Cross Type                        alpha (1)
 *       40          (end)
 * </pre>
 */
public final class CrossTradeDecoder extends ItchStockFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.CROSS_TRADE;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.CROSS_TRADE_LENGTH;

    /** Offset of Shares. */
    public static final int SHARES_OFFSET = 11;

    /** Offset of Stock. */
    public static final int STOCK_OFFSET = 19;

    /** Offset of Cross Price. */
    public static final int CROSS_PRICE_OFFSET = 27;

    /** Offset of Match Number. */
    public static final int MATCH_NUMBER_OFFSET = 31;

    /** Offset of Cross Type. */
    public static final int CROSS_TYPE_OFFSET = 39;

    /**
     * A flyweight to {@link #wrap(DirectBuffer, int) wrap} over messages.
     */
    public CrossTradeDecoder()
    {
        super(STOCK_OFFSET);
    }

    /**
     * {@inheritDoc}
     */
    public CrossTradeDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Shares: shares matched in the cross.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long shares()
    {
        return int64(SHARES_OFFSET);
    }

    /**
     * Cross Price: price of the cross.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long crossPrice()
    {
        return uint32(CROSS_PRICE_OFFSET);
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
     * Cross Type: 'O' opening, 'C' closing, 'H' IPO and halted/paused securities.
     *
     * @return the ASCII byte.
     */
    public byte crossType()
    {
        return byteAt(CROSS_TYPE_OFFSET);
    }
}
