package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Add Order with MPID Attribution message ('F', 40 bytes, section 1.3.2): a new attributed
 * order or quotation accepted and added to the displayable book. The Stock field is read through
 * {@link ItchStockFlyweight}.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'F'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Order Reference Number            u64
 *       19       1  Buy/Sell Indicator                alpha (1)
 *       20       4  Shares                            u32
 *       24       8  Stock                             alpha (8)
 *       32       4  Price                             u32 Price (4)
 *       36       4  Attribution                       alpha (4)
 *       40          (end)
 * </pre>
 */
public final class AddOrderMpidDecoder extends ItchStockFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.ADD_ORDER_MPID;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.ADD_ORDER_MPID_LENGTH;

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

    /** Offset of Attribution. */
    public static final int ATTRIBUTION_OFFSET = 36;

    /** Length of Attribution. */
    public static final int ATTRIBUTION_LENGTH = 4;

    /**
     * A flyweight to {@link #wrap(DirectBuffer, int) wrap} over messages.
     */
    public AddOrderMpidDecoder()
    {
        super(STOCK_OFFSET);
    }

    /**
     * {@inheritDoc}
     */
    public AddOrderMpidDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Order Reference Number: day-unique reference of the new order.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long orderReferenceNumber()
    {
        return int64(ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /**
     * Buy/Sell Indicator: 'B' buy, 'S' sell.
     *
     * @return the ASCII byte.
     */
    public byte buySellIndicator()
    {
        return byteAt(BUY_SELL_INDICATOR_OFFSET);
    }

    /**
     * Shares: total shares of the order.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long shares()
    {
        return uint32(SHARES_OFFSET);
    }

    /**
     * Price: display price.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long price()
    {
        return uint32(PRICE_OFFSET);
    }

    /**
     * Attribution: market participant identifier of the order. Copies the 4 bytes, padding included.
     *
     * @param dst at least 4 bytes long.
     * @return the number of bytes copied, 4.
     */
    public int attribution(final byte[] dst)
    {
        return copyAlpha(ATTRIBUTION_OFFSET, ATTRIBUTION_LENGTH, dst);
    }

    /**
     * Attribution, allocation-free comparison.
     *
     * @param value ASCII bytes, at most 4, with or without the padding.
     * @return true when the field holds exactly this value.
     */
    public boolean attributionEquals(final byte[] value)
    {
        return alphaEquals(ATTRIBUTION_OFFSET, ATTRIBUTION_LENGTH, value);
    }

    /**
     * Attribution, control path.
     *
     * @return the value without its padding.
     */
    public String attributionAsString()
    {
        return alphaAsString(ATTRIBUTION_OFFSET, ATTRIBUTION_LENGTH);
    }
}
