package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Stock Directory message ('R', 39 bytes, section 1.2.1): basic security data for each
 * active symbol, sent at the start of the day; assigns the day's stock locate code. The Stock field is read through
 * {@link ItchStockFlyweight}.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'R'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Stock                             alpha (8)
 *       19       1  Market Category                   alpha (1)
 *       20       1  Financial Status Indicator        alpha (1)
 *       21       4  Round Lot Size                    u32
 *       25       1  Round Lots Only                   alpha (1)
 *       26       1  Issue Classification              alpha (1)
 *       27       2  Issue Sub-Type                    alpha (2)
 *       29       1  Authenticity                      alpha (1)
 *       30       1  Short Sale Threshold Indicator    alpha (1)
 *       31       1  IPO Flag                          alpha (1)
 *       32       1  LULD Reference Price Tier         alpha (1)
 *       33       1  ETP Flag                          alpha (1)
 *       34       4  ETP Leverage Factor               u32
 *       38       1  Inverse Indicator                 alpha (1)
 *       39          (end)
 * </pre>
 */
public final class StockDirectoryDecoder extends ItchStockFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.STOCK_DIRECTORY;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.STOCK_DIRECTORY_LENGTH;

    /** Offset of Stock. */
    public static final int STOCK_OFFSET = 11;

    /** Offset of Market Category. */
    public static final int MARKET_CATEGORY_OFFSET = 19;

    /** Offset of Financial Status Indicator. */
    public static final int FINANCIAL_STATUS_INDICATOR_OFFSET = 20;

    /** Offset of Round Lot Size. */
    public static final int ROUND_LOT_SIZE_OFFSET = 21;

    /** Offset of Round Lots Only. */
    public static final int ROUND_LOTS_ONLY_OFFSET = 25;

    /** Offset of Issue Classification. */
    public static final int ISSUE_CLASSIFICATION_OFFSET = 26;

    /** Offset of Issue Sub-Type. */
    public static final int ISSUE_SUB_TYPE_OFFSET = 27;

    /** Length of Issue Sub-Type. */
    public static final int ISSUE_SUB_TYPE_LENGTH = 2;

    /** Offset of Authenticity. */
    public static final int AUTHENTICITY_OFFSET = 29;

    /** Offset of Short Sale Threshold Indicator. */
    public static final int SHORT_SALE_THRESHOLD_INDICATOR_OFFSET = 30;

    /** Offset of IPO Flag. */
    public static final int IPO_FLAG_OFFSET = 31;

    /** Offset of LULD Reference Price Tier. */
    public static final int LULD_REFERENCE_PRICE_TIER_OFFSET = 32;

    /** Offset of ETP Flag. */
    public static final int ETP_FLAG_OFFSET = 33;

    /** Offset of ETP Leverage Factor. */
    public static final int ETP_LEVERAGE_FACTOR_OFFSET = 34;

    /** Offset of Inverse Indicator. */
    public static final int INVERSE_INDICATOR_OFFSET = 38;

    /**
     * A flyweight to {@link #wrap(DirectBuffer, int) wrap} over messages.
     */
    public StockDirectoryDecoder()
    {
        super(STOCK_OFFSET);
    }

    /**
     * {@inheritDoc}
     */
    public StockDirectoryDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Market Category: listing market: 'Q', 'G', 'S' Nasdaq tiers; 'N' NYSE, 'A' NYSE American, 'P' NYSE Arca, 'Z'
     * BATS Z, 'V' IEX; space not available.
     *
     * @return the ASCII byte.
     */
    public byte marketCategory()
    {
        return byteAt(MARKET_CATEGORY_OFFSET);
    }

    /**
     * Financial Status Indicator: 'N' normal, 'D', 'E', 'Q', 'S', 'G', 'H', 'J', 'K', 'C' deficiencies; space not
     * available.
     *
     * @return the ASCII byte.
     */
    public byte financialStatusIndicator()
    {
        return byteAt(FINANCIAL_STATUS_INDICATOR_OFFSET);
    }

    /**
     * Round Lot Size: shares in a round lot.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long roundLotSize()
    {
        return uint32(ROUND_LOT_SIZE_OFFSET);
    }

    /**
     * Round Lots Only: 'Y' only round lots accepted, 'N' no size restriction.
     *
     * @return the ASCII byte.
     */
    public byte roundLotsOnly()
    {
        return byteAt(ROUND_LOTS_ONLY_OFFSET);
    }

    /**
     * Issue Classification: security class, Appendix D.
     *
     * @return the ASCII byte.
     */
    public byte issueClassification()
    {
        return byteAt(ISSUE_CLASSIFICATION_OFFSET);
    }

    /**
     * Issue Sub-Type: security sub-type, Appendix E. Copies the 2 bytes, padding included.
     *
     * @param dst at least 2 bytes long.
     * @return the number of bytes copied, 2.
     */
    public int issueSubType(final byte[] dst)
    {
        return copyAlpha(ISSUE_SUB_TYPE_OFFSET, ISSUE_SUB_TYPE_LENGTH, dst);
    }

    /**
     * Issue Sub-Type, allocation-free comparison.
     *
     * @param value ASCII bytes, at most 2, with or without the padding.
     * @return true when the field holds exactly this value.
     */
    public boolean issueSubTypeEquals(final byte[] value)
    {
        return alphaEquals(ISSUE_SUB_TYPE_OFFSET, ISSUE_SUB_TYPE_LENGTH, value);
    }

    /**
     * Issue Sub-Type, control path.
     *
     * @return the value without its padding.
     */
    public String issueSubTypeAsString()
    {
        return alphaAsString(ISSUE_SUB_TYPE_OFFSET, ISSUE_SUB_TYPE_LENGTH);
    }

    /**
     * Authenticity: 'P' live/production, 'T' test.
     *
     * @return the ASCII byte.
     */
    public byte authenticity()
    {
        return byteAt(AUTHENTICITY_OFFSET);
    }

    /**
     * Short Sale Threshold Indicator: 'Y' restricted under Rule 203(b)(3), 'N' not; space not available.
     *
     * @return the ASCII byte.
     */
    public byte shortSaleThresholdIndicator()
    {
        return byteAt(SHORT_SALE_THRESHOLD_INDICATOR_OFFSET);
    }

    /**
     * IPO Flag: 'Y' new IPO security, 'N' not; space not available.
     *
     * @return the ASCII byte.
     */
    public byte ipoFlag()
    {
        return byteAt(IPO_FLAG_OFFSET);
    }

    /**
     * LULD Reference Price Tier: '1' tier 1, '2' tier 2; space not available.
     *
     * @return the ASCII byte.
     */
    public byte luldReferencePriceTier()
    {
        return byteAt(LULD_REFERENCE_PRICE_TIER_OFFSET);
    }

    /**
     * ETP Flag: 'Y' exchange traded product, 'N' not; space not available.
     *
     * @return the ASCII byte.
     */
    public byte etpFlag()
    {
        return byteAt(ETP_FLAG_OFFSET);
    }

    /**
     * ETP Leverage Factor: integral relationship of the ETP to its index.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long etpLeverageFactor()
    {
        return uint32(ETP_LEVERAGE_FACTOR_OFFSET);
    }

    /**
     * Inverse Indicator: 'Y' inverse ETP, 'N' not.
     *
     * @return the ASCII byte.
     */
    public byte inverseIndicator()
    {
        return byteAt(INVERSE_INDICATOR_OFFSET);
    }
}
