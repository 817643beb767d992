package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Stock Trading Action message ('H', 25 bytes, section 1.2.2): the trading status of a
 * security: halted, paused, quotation only, trading. The Stock field is read through {@link ItchStockFlyweight}.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'H'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Stock                             alpha (8)
 *       19       1  Trading State                     alpha (1)
 *       20       1  Reserved                          alpha (1)
 *       21       4  Reason                            alpha (4)
 *       25          (end)
 * </pre>
 */
public final class StockTradingActionDecoder extends ItchStockFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.STOCK_TRADING_ACTION;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.STOCK_TRADING_ACTION_LENGTH;

    /** Offset of Stock. */
    public static final int STOCK_OFFSET = 11;

    /** Offset of Trading State. */
    public static final int TRADING_STATE_OFFSET = 19;

    /** Offset of Reserved. */
    public static final int RESERVED_OFFSET = 20;

    /** Offset of Reason. */
    public static final int REASON_OFFSET = 21;

    /** Length of Reason. */
    public static final int REASON_LENGTH = 4;

    /**
     * A flyweight to {@link #wrap(DirectBuffer, int) wrap} over messages.
     */
    public StockTradingActionDecoder()
    {
        super(STOCK_OFFSET);
    }

    /**
     * {@inheritDoc}
     */
    public StockTradingActionDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Trading State: 'H' halted, 'P' paused, 'Q' quotation only, 'T' trading on Nasdaq.
     *
     * @return the ASCII byte.
     */
    public byte tradingState()
    {
        return byteAt(TRADING_STATE_OFFSET);
    }

    /**
     * Reserved: reserved.
     *
     * @return the ASCII byte.
     */
    public byte reserved()
    {
        return byteAt(RESERVED_OFFSET);
    }

    /**
     * Reason: trading action reason, Appendix C. Copies the 4 bytes, padding included.
     *
     * @param dst at least 4 bytes long.
     * @return the number of bytes copied, 4.
     */
    public int reason(final byte[] dst)
    {
        return copyAlpha(REASON_OFFSET, REASON_LENGTH, dst);
    }

    /**
     * Reason, allocation-free comparison.
     *
     * @param value ASCII bytes, at most 4, with or without the padding.
     * @return true when the field holds exactly this value.
     */
    public boolean reasonEquals(final byte[] value)
    {
        return alphaEquals(REASON_OFFSET, REASON_LENGTH, value);
    }

    /**
     * Reason, control path.
     *
     * @return the value without its padding.
     */
    public String reasonAsString()
    {
        return alphaAsString(REASON_OFFSET, REASON_LENGTH);
    }
}
