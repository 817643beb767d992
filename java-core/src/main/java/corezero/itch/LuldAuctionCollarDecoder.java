package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 LULD Auction Collar message ('J', 35 bytes, section 1.2.7): the auction collar
 * thresholds within which a paused security can reopen. The Stock field is read through {@link ItchStockFlyweight}.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'J'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Stock                             alpha (8)
 *       19       4  Auction Collar Reference Price    u32 Price (4)
 *       23       4  Upper Auction Collar Price        u32 Price (4)
 *       27       4  Lower Auction Collar Price        u32 Price (4)
 *       31       4  Auction Collar Extension          u32
 *       35          (end)
 * </pre>
 */
public final class LuldAuctionCollarDecoder extends ItchStockFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.LULD_AUCTION_COLLAR;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.LULD_AUCTION_COLLAR_LENGTH;

    /** Offset of Stock. */
    public static final int STOCK_OFFSET = 11;

    /** Offset of Auction Collar Reference Price. */
    public static final int AUCTION_COLLAR_REFERENCE_PRICE_OFFSET = 19;

    /** Offset of Upper Auction Collar Price. */
    public static final int UPPER_AUCTION_COLLAR_PRICE_OFFSET = 23;

    /** Offset of Lower Auction Collar Price. */
    public static final int LOWER_AUCTION_COLLAR_PRICE_OFFSET = 27;

    /** Offset of Auction Collar Extension. */
    public static final int AUCTION_COLLAR_EXTENSION_OFFSET = 31;

    /**
     * A flyweight to {@link #wrap(DirectBuffer, int) wrap} over messages.
     */
    public LuldAuctionCollarDecoder()
    {
        super(STOCK_OFFSET);
    }

    /**
     * {@inheritDoc}
     */
    public LuldAuctionCollarDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Auction Collar Reference Price: reference price of the collars.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long auctionCollarReferencePrice()
    {
        return uint32(AUCTION_COLLAR_REFERENCE_PRICE_OFFSET);
    }

    /**
     * Upper Auction Collar Price: upper collar threshold.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long upperAuctionCollarPrice()
    {
        return uint32(UPPER_AUCTION_COLLAR_PRICE_OFFSET);
    }

    /**
     * Lower Auction Collar Price: lower collar threshold.
     *
     * @return the unsigned 4-byte price with 4 implied decimal places (1234500 is 123.45).
     */
    public long lowerAuctionCollarPrice()
    {
        return uint32(LOWER_AUCTION_COLLAR_PRICE_OFFSET);
    }

    /**
     * Auction Collar Extension: number of extensions to the reopening auction.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long auctionCollarExtension()
    {
        return uint32(AUCTION_COLLAR_EXTENSION_OFFSET);
    }
}
