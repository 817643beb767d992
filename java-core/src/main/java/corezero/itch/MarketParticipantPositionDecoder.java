package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Market Participant Position message ('L', 26 bytes, section 1.2.4): a market
 * participant's status in one issue. The Stock field is read through {@link ItchStockFlyweight}.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'L'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       4  MPID                              alpha (4)
 *       15       8  Stock                             alpha (8)
 *       23       1  Primary Market Maker              alpha (1)
 *       24       1  Market Maker Mode                 alpha (1)
 *       25       1  Market Participant State          alpha (1)
 *       26          (end)
 * </pre>
 */
public final class MarketParticipantPositionDecoder extends ItchStockFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.MARKET_PARTICIPANT_POSITION;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.MARKET_PARTICIPANT_POSITION_LENGTH;

    /** Offset of MPID. */
    public static final int MPID_OFFSET = 11;

    /** Length of MPID. */
    public static final int MPID_LENGTH = 4;

    /** Offset of Stock. */
    public static final int STOCK_OFFSET = 15;

    /** Offset of Primary Market Maker. */
    public static final int PRIMARY_MARKET_MAKER_OFFSET = 23;

    /** Offset of Market Maker Mode. */
    public static final int MARKET_MAKER_MODE_OFFSET = 24;

    /** Offset of Market Participant State. */
    public static final int MARKET_PARTICIPANT_STATE_OFFSET = 25;

    /**
     * A flyweight to {@link #wrap(DirectBuffer, int) wrap} over messages.
     */
    public MarketParticipantPositionDecoder()
    {
        super(STOCK_OFFSET);
    }

    /**
     * {@inheritDoc}
     */
    public MarketParticipantPositionDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * MPID: market participant identifier. Copies the 4 bytes, padding included.
     *
     * @param dst at least 4 bytes long.
     * @return the number of bytes copied, 4.
     */
    public int mpid(final byte[] dst)
    {
        return copyAlpha(MPID_OFFSET, MPID_LENGTH, dst);
    }

    /**
     * MPID, allocation-free comparison.
     *
     * @param value ASCII bytes, at most 4, with or without the padding.
     * @return true when the field holds exactly this value.
     */
    public boolean mpidEquals(final byte[] value)
    {
        return alphaEquals(MPID_OFFSET, MPID_LENGTH, value);
    }

    /**
     * MPID, control path.
     *
     * @return the value without its padding.
     */
    public String mpidAsString()
    {
        return alphaAsString(MPID_OFFSET, MPID_LENGTH);
    }

    /**
     * Primary Market Maker: 'Y' primary market maker, 'N' not.
     *
     * @return the ASCII byte.
     */
    public byte primaryMarketMaker()
    {
        return byteAt(PRIMARY_MARKET_MAKER_OFFSET);
    }

    /**
     * Market Maker Mode: 'N' normal, 'P' passive, 'S' syndicate, 'R' pre-syndicate, 'L' penalty.
     *
     * @return the ASCII byte.
     */
    public byte marketMakerMode()
    {
        return byteAt(MARKET_MAKER_MODE_OFFSET);
    }

    /**
     * Market Participant State: 'A' active, 'E' excused, 'W' withdrawn, 'S' suspended, 'D' deleted.
     *
     * @return the ASCII byte.
     */
    public byte marketParticipantState()
    {
        return byteAt(MARKET_PARTICIPANT_STATE_OFFSET);
    }
}
