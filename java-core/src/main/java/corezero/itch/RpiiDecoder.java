package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Retail Price Improvement Indicator (RPII) message ('N', 20 bytes, section 1.7): retail
 * interest on the bid, the ask or both. The Stock field is read through {@link ItchStockFlyweight}.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'N'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Stock                             alpha (8)
 *       19       1  Interest Flag                     alpha (1)
 *       20          (end)
 * </pre>
 */
public final class RpiiDecoder extends ItchStockFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.RPII;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.RPII_LENGTH;

    /** Offset of Stock. */
    public static final int STOCK_OFFSET = 11;

    /** Offset of Interest Flag. */
    public static final int INTEREST_FLAG_OFFSET = 19;

    /**
     * A flyweight to {@link #wrap(DirectBuffer, int) wrap} over messages.
     */
    public RpiiDecoder()
    {
        super(STOCK_OFFSET);
    }

    /**
     * {@inheritDoc}
     */
    public RpiiDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Interest Flag: 'B' buy side, 'S' sell side, 'A' both, 'N' none.
     *
     * @return the ASCII byte.
     */
    public byte interestFlag()
    {
        return byteAt(INTEREST_FLAG_OFFSET);
    }
}
