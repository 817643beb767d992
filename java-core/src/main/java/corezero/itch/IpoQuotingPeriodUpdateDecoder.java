package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 IPO Quoting Period Update message ('K', 28 bytes, section 1.2.6): the anticipated IPO
 * quotation release time of a security; the stock locate is always 0, the Stock field names it. The Stock field is
 * read through {@link ItchStockFlyweight}.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'K'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Stock                             alpha (8)
 *       19       4  IPO Quotation Release Time        u32
 *       23       1  IPO Quotation Release Qualifier   alpha (1)
 *       24       4  IPO Price                         u32 Price (4)
 *       28          (end)
 * </pre>
 */
public final class IpoQuotingPeriodUpdateDecoder extends ItchStockFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.IPO_QUOTING_PERIOD_UPDATE;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.IPO_QUOTING_PERIOD_UPDATE_LENGTH;

    /** Offset of Stock. */
    public static final int STOCK_OFFSET = 11;

    /** Offset of IPO Quotation Release Time. */
    public static final int IPO_QUOTATION_RELEASE_TIME_OFFSET = 19;

    /** Offset of IPO Quotation Release Qualifier. */
    public static final int IPO_QUOTATION_RELEASE_QUALIFIER_OFFSET = 23;

    /** Offset of IPO Price. */
    public static final int IPO_PRICE_OFFSET = 24;

    /**
     * A flyweight to {@link #wrap(DirectBuffer, int) wrap} over messages.
     */
    public IpoQuotingPeriodUpdateDecoder()
    {
        super(STOCK_OFFSET);
    }

    /**
     * {@inheritDoc}
     */
    public IpoQuotingPeriodUpdateDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * IPO Quotation Release Time: seconds since midnight; 0 when canceled or postponed.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long ipoQuotationReleaseTime()
    {
        return uint32(IPO_QUOTATION_RELEASE_TIME_OFFSET);
    }

    /**
     * IPO Quotation Release Qualifier: 'A' anticipated release time, 'C' release canceled or postponed.
     *
     * @return the ASCII byte.
     */
    public byte ipoQuotationReleaseQualifier()
    {
        return byteAt(IPO_QUOTATION_RELEASE_QUALIFIER_OFFSET);
    }

    /**
     * IPO Price: IPO price; 0 when canceled or postponed.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long ipoPrice()
    {
        return uint32(IPO_PRICE_OFFSET);
    }
}
