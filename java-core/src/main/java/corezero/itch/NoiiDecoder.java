package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Net Order Imbalance Indicator (NOII) message ('I', 50 bytes, section 1.6): indicative
 * clearing prices and imbalance before a cross. Paired and Imbalance Shares are 8-byte numbers. The Stock field is
 * read through {@link ItchStockFlyweight}.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'I'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Paired Shares                     u64
 *       19       8  Imbalance Shares                  u64
 *       27       1  Imbalance Direction               alpha (1)
 *       28       8  Stock                             alpha (8)
 *       36       4  Far Price                         u32 Price (4)
 *       40       4  Near Price                        u32 Price (4)
 *       44       4  Current Reference Price           u32 Price (4)
 *       48       1  Cross Type                        alpha (1)
 *       49       1  Price Variation Indicator         alpha (1)
 *       50          (end)
 * </pre>
 */
public final class NoiiDecoder extends ItchStockFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.NOII;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.NOII_LENGTH;

    /** Offset of Paired Shares. */
    public static final int PAIRED_SHARES_OFFSET = 11;

    /** Offset of Imbalance Shares. */
    public static final int IMBALANCE_SHARES_OFFSET = 19;

    /** Offset of Imbalance Direction. */
    public static final int IMBALANCE_DIRECTION_OFFSET = 27;

    /** Offset of Stock. */
    public static final int STOCK_OFFSET = 28;

    /** Offset of Far Price. */
    public static final int FAR_PRICE_OFFSET = 36;

    /** Offset of Near Price. */
    public static final int NEAR_PRICE_OFFSET = 40;

    /** Offset of Current Reference Price. */
    public static final int CURRENT_REFERENCE_PRICE_OFFSET = 44;

    /** Offset of Cross Type. */
    public static final int CROSS_TYPE_OFFSET = 48;

    /** Offset of Price Variation Indicator. */
    public static final int PRICE_VARIATION_INDICATOR_OFFSET = 49;

    /**
     * A flyweight to {@link #wrap(DirectBuffer, int) wrap} over messages.
     */
    public NoiiDecoder()
    {
        super(STOCK_OFFSET);
    }

    /**
     * {@inheritDoc}
     */
    public NoiiDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Paired Shares: shares eligible to match at the current reference price.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long pairedShares()
    {
        return int64(PAIRED_SHARES_OFFSET);
    }

    /**
     * Imbalance Shares: shares not paired at the current reference price.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long imbalanceShares()
    {
        return int64(IMBALANCE_SHARES_OFFSET);
    }

    /**
     * Imbalance Direction: 'B' buy, 'S' sell, 'N' none, 'O' insufficient orders, 'P' paused.
     *
     * @return the ASCII byte.
     */
    public byte imbalanceDirection()
    {
        return byteAt(IMBALANCE_DIRECTION_OFFSET);
    }

    /**
     * Far Price: clearing price for cross orders only.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long farPrice()
    {
        return uint32(FAR_PRICE_OFFSET);
    }

    /**
     * Near Price: clearing price for cross and continuous orders.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long nearPrice()
    {
        return uint32(NEAR_PRICE_OFFSET);
    }

    /**
     * Current Reference Price: price at which the shares are calculated.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long currentReferencePrice()
    {
        return uint32(CURRENT_REFERENCE_PRICE_OFFSET);
    }

    /**
     * Cross Type: 'O' opening, 'C' closing, 'H' IPO and halted/paused, 'A' extended trading close.
     *
     * @return the ASCII byte.
     */
    public byte crossType()
    {
        return byteAt(CROSS_TYPE_OFFSET);
    }

    /**
     * Price Variation Indicator: 'L' under 1%, '1' to '9', 'A' 10-19.99%, 'B' 20-29.99%, 'C' 30% or more; space
     * cannot be calculated.
     *
     * @return the ASCII byte.
     */
    public byte priceVariationIndicator()
    {
        return byteAt(PRICE_VARIATION_INDICATOR_OFFSET);
    }
}
