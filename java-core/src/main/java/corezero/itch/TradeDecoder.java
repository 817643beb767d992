package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Trade (Non-Cross) message ('P', 44 bytes, section 1.5.1): a match involving a
 * non-displayed order; it does not change the displayed book. The Stock field is read through
 * {@link ItchStockFlyweight}.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'P'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Order Reference Number            u64
 *       19       1  Buy/Sell Indicator                alpha (1)
 *       20       4  Shares                            u32
 *       24       8  Stock                             alpha (8)
 *       32       4  Price                             u32 Price (4)
 *       36       8  Match Number                      u64
 *       44          (end)
 * </pre>
 */
public final class TradeDecoder extends ItchStockFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.TRADE;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.TRADE_LENGTH;

    /** Offset of Order Reference Number. */
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;

    /** Offset of Buy/Sell Indicator. */
    public static final int BUY_SELL_INDICATOR_OFFSET = 19;

    /** Offset of Shares. */
    public static final int SHARES_OFFSET = 20;

    /** Offset of Stock. */
    public static final int STOCK_OFFSET = 24;

    /** Offset of Price. */
    public static final int PRICE_OFFSET = 32;

    /** Offset of Match Number. */
    public static final int MATCH_NUMBER_OFFSET = 36;

    /**
     * A flyweight to {@link #wrap(DirectBuffer, int) wrap} over messages.
     */
    public TradeDecoder()
    {
        super(STOCK_OFFSET);
    }

    /**
     * {@inheritDoc}
     */
    public TradeDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Order Reference Number: zero since 2010.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long orderReferenceNumber()
    {
        return int64(ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /**
     * Buy/Sell Indicator: always 'B' since 2014.
     *
     * @return the ASCII byte.
     */
    public byte buySellIndicator()
    {
        return byteAt(BUY_SELL_INDICATOR_OFFSET);
    }

    /**
     * Shares: shares matched.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long shares()
    {
        return uint32(SHARES_OFFSET);
    }

    /**
     * Price: match price.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long price()
    {
        return uint32(PRICE_OFFSET);
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
