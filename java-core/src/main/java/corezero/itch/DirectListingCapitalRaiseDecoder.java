package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Direct Listing with Capital Raise Price Discovery message ('O', 48 bytes, section 1.8):
 * price discovery for a DLCR security, once per second after its volatility test passed. The Stock field is read
 * through {@link ItchStockFlyweight}.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'O'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Stock                             alpha (8)
 *       19       1  Open Eligibility Status           alpha (1)
 *       20       4  Minimum Allowable Price           u32 Price (4)
 *       24       4  Maximum Allowable Price           u32 Price (4)
 *       28       4  Near Execution Price              u32 Price (4)
 *       32       8  Near Execution Time               u64
 *       40       4  Lower Price Range Collar          u32 Price (4)
 *       44       4  Upper Price Range Collar          u32 Price (4)
 *       48          (end)
 * </pre>
 */
public final class DirectListingCapitalRaiseDecoder extends ItchStockFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.DIRECT_LISTING_CAPITAL_RAISE;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.DIRECT_LISTING_CAPITAL_RAISE_LENGTH;

    /** Offset of Stock. */
    public static final int STOCK_OFFSET = 11;

    /** Offset of Open Eligibility Status. */
    public static final int OPEN_ELIGIBILITY_STATUS_OFFSET = 19;

    /** Offset of Minimum Allowable Price. */
    public static final int MINIMUM_ALLOWABLE_PRICE_OFFSET = 20;

    /** Offset of Maximum Allowable Price. */
    public static final int MAXIMUM_ALLOWABLE_PRICE_OFFSET = 24;

    /** Offset of Near Execution Price. */
    public static final int NEAR_EXECUTION_PRICE_OFFSET = 28;

    /** Offset of Near Execution Time. */
    public static final int NEAR_EXECUTION_TIME_OFFSET = 32;

    /** Offset of Lower Price Range Collar. */
    public static final int LOWER_PRICE_RANGE_COLLAR_OFFSET = 40;

    /** Offset of Upper Price Range Collar. */
    public static final int UPPER_PRICE_RANGE_COLLAR_OFFSET = 44;

    /**
     * A flyweight to {@link #wrap(DirectBuffer, int) wrap} over messages.
     */
    public DirectListingCapitalRaiseDecoder()
    {
        super(STOCK_OFFSET);
    }

    /**
     * {@inheritDoc}
     */
    public DirectListingCapitalRaiseDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Open Eligibility Status: 'N' not eligible, 'Y' eligible for release.
     *
     * @return the ASCII byte.
     */
    public byte openEligibilityStatus()
    {
        return byteAt(OPEN_ELIGIBILITY_STATUS_OFFSET);
    }

    /**
     * Minimum Allowable Price: 20% below the registration statement lower price.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long minimumAllowablePrice()
    {
        return uint32(MINIMUM_ALLOWABLE_PRICE_OFFSET);
    }

    /**
     * Maximum Allowable Price: 80% above the registration statement highest price.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long maximumAllowablePrice()
    {
        return uint32(MAXIMUM_ALLOWABLE_PRICE_OFFSET);
    }

    /**
     * Near Execution Price: reference price when the volatility test passed.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long nearExecutionPrice()
    {
        return uint32(NEAR_EXECUTION_PRICE_OFFSET);
    }

    /**
     * Near Execution Time: time at which the near execution price was set.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long nearExecutionTime()
    {
        return int64(NEAR_EXECUTION_TIME_OFFSET);
    }

    /**
     * Lower Price Range Collar: 10% below the near execution price.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long lowerPriceRangeCollar()
    {
        return uint32(LOWER_PRICE_RANGE_COLLAR_OFFSET);
    }

    /**
     * Upper Price Range Collar: 10% above the near execution price.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long upperPriceRangeCollar()
    {
        return uint32(UPPER_PRICE_RANGE_COLLAR_OFFSET);
    }
}
