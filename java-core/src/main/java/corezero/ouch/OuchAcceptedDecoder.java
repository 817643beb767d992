package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 Order Accepted message ('A', outbound: host to client,
 * 64 bytes + appendage; PROTOCOLS-SUMMARY section 2.4 A).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'A'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum of the Enter Order      u32
 *        13       1  Side                               alpha (1)
 *        14       4  Quantity                           u32
 *        18       8  Symbol                             alpha (8)
 *        26       8  Price                              s64 Price (4)
 *        34       1  Time In Force                      alpha (1)
 *        35       1  Display                            alpha (1)
 *        36       8  Order Reference Number             u64
 *        44       1  Capacity                           alpha (1)
 *        45       1  InterMarket Sweep Eligibility      alpha (1)
 *        46       1  CrossType                          alpha (1)
 *        47       1  Order State                        alpha (1)
 *        48      14  ClOrdID                            alpha (14)
 *        62       2  Appendage Length                   u16
 *        64     var  Optional Appendage                 TagValue elements
 * </pre>
 */
public final class OuchAcceptedDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.ORDER_ACCEPTED;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 62;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_REQUIRED;

    /** Offset of Timestamp. */
    public static final int TIMESTAMP_OFFSET = 1;

    /** Offset of UserRefNum of the Enter Order. */
    public static final int USER_REF_NUM_OFFSET = 9;

    /** Offset of Side. */
    public static final int SIDE_OFFSET = 13;

    /** Offset of Quantity. */
    public static final int QUANTITY_OFFSET = 14;

    /** Offset of Symbol. */
    public static final int SYMBOL_OFFSET = 18;

    /** Offset of Price. */
    public static final int PRICE_OFFSET = 26;

    /** Offset of Time In Force. */
    public static final int TIME_IN_FORCE_OFFSET = 34;

    /** Offset of Display. */
    public static final int DISPLAY_OFFSET = 35;

    /** Offset of Order Reference Number. */
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 36;

    /** Offset of Capacity. */
    public static final int CAPACITY_OFFSET = 44;

    /** Offset of InterMarket Sweep Eligibility. */
    public static final int INTER_MARKET_SWEEP_ELIGIBILITY_OFFSET = 45;

    /** Offset of CrossType. */
    public static final int CROSS_TYPE_OFFSET = 46;

    /** Offset of Order State. */
    public static final int ORDER_STATE_OFFSET = 47;

    /** Offset of ClOrdID. */
    public static final int CL_ORD_ID_OFFSET = 48;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchAcceptedDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        super.wrap(buffer, offset, length);

        return this;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int appendageLengthOffset()
    {
        return APPENDAGE_LENGTH_OFFSET;
    }

    /**
     * Timestamp.
     *
     * @return nanoseconds since midnight.
     */
    public long timestampNs()
    {
        return int64(TIMESTAMP_OFFSET);
    }

    /**
     * UserRefNum of the Enter Order.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long userRefNum()
    {
        return uint32(USER_REF_NUM_OFFSET);
    }

    /**
     * Side: 'B', 'S', 'T' or 'E'.
     *
     * @return the ASCII byte.
     */
    public byte side()
    {
        return byteAt(SIDE_OFFSET);
    }

    /**
     * Quantity: shares accepted.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long quantity()
    {
        return uint32(QUANTITY_OFFSET);
    }

    /**
     * Symbol: does the 8-byte field hold this value once padded with spaces? Allocation-free.
     *
     * @param value ASCII characters, at most 8.
     * @return true when equal.
     */
    public boolean symbolEquals(final CharSequence value)
    {
        return alphaEquals(SYMBOL_OFFSET, 8, value);
    }

    /**
     * Symbol: copy the 8-byte field, padding included.
     *
     * @param dst at least 8 bytes long.
     * @return the number of bytes copied.
     */
    public int getSymbol(final byte[] dst)
    {
        return copyAlpha(SYMBOL_OFFSET, 8, dst);
    }

    /**
     * Control path: Symbol without its padding. Allocates.
     *
     * @return the trimmed value.
     */
    public String symbolAsString()
    {
        return alphaAsString(SYMBOL_OFFSET, 8);
    }

    /**
     * Price: accepted price, possibly re-priced on entry.
     *
     * @return the 8-byte price with 4 implied decimals (1234500 is 123.45).
     */
    public long price()
    {
        return int64(PRICE_OFFSET);
    }

    /**
     * Time In Force: '0' day, '3' IOC, '5' GTX, '6' GTT, 'E' after hours.
     *
     * @return the ASCII byte.
     */
    public byte timeInForce()
    {
        return byteAt(TIME_IN_FORCE_OFFSET);
    }

    /**
     * Display: 'Y', 'N', 'A' or 'Z' (conformant).
     *
     * @return the ASCII byte.
     */
    public byte display()
    {
        return byteAt(DISPLAY_OFFSET);
    }

    /**
     * Order Reference Number: day-unique, as on the market data feeds.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long orderReferenceNumber()
    {
        return int64(ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /**
     * Capacity: 'A', 'P', 'R' or 'O'.
     *
     * @return the ASCII byte.
     */
    public byte capacity()
    {
        return byteAt(CAPACITY_OFFSET);
    }

    /**
     * InterMarket Sweep Eligibility: 'Y' or 'N'.
     *
     * @return the ASCII byte.
     */
    public byte interMarketSweepEligibility()
    {
        return byteAt(INTER_MARKET_SWEEP_ELIGIBILITY_OFFSET);
    }

    /**
     * CrossType: 'N', 'O', 'C', 'H', 'S', 'E', 'A' or 'R'.
     *
     * @return the ASCII byte.
     */
    public byte crossType()
    {
        return byteAt(CROSS_TYPE_OFFSET);
    }

    /**
     * Order State: 'L' live, 'D' dead (accepted then canceled).
     *
     * @return the ASCII byte.
     */
    public byte orderState()
    {
        return byteAt(ORDER_STATE_OFFSET);
    }

    /**
     * ClOrdID: does the 14-byte field hold this value once padded with spaces? Allocation-free.
     *
     * @param value ASCII characters, at most 14.
     * @return true when equal.
     */
    public boolean clOrdIdEquals(final CharSequence value)
    {
        return alphaEquals(CL_ORD_ID_OFFSET, 14, value);
    }

    /**
     * ClOrdID: copy the 14-byte field, padding included.
     *
     * @param dst at least 14 bytes long.
     * @return the number of bytes copied.
     */
    public int getClOrdId(final byte[] dst)
    {
        return copyAlpha(CL_ORD_ID_OFFSET, 14, dst);
    }

    /**
     * Control path: ClOrdID without its padding. Allocates.
     *
     * @return the trimmed value.
     */
    public String clOrdIdAsString()
    {
        return alphaAsString(CL_ORD_ID_OFFSET, 14);
    }
}
