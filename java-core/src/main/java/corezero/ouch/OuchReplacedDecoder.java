package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 Order Replaced message ('U', outbound: host to client,
 * 68 bytes + appendage; PROTOCOLS-SUMMARY section 2.4 U).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'U'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  OrigUserRefNum                     u32
 *        13       4  UserRefNum of the replacement      u32
 *        17       1  Side                               alpha (1)
 *        18       4  Quantity                           u32
 *        22       8  Symbol                             alpha (8)
 *        30       8  Price                              s64 Price (4)
 *        38       1  Time In Force                      alpha (1)
 *        39       1  Display                            alpha (1)
 *        40       8  Order Reference Number of the replacement  u64
 *        48       1  Capacity                           alpha (1)
 *        49       1  InterMarket Sweep Eligibility      alpha (1)
 *        50       1  CrossType                          alpha (1)
 *        51       1  Order State                        alpha (1)
 *        52      14  ClOrdID of the replacement         alpha (14)
 *        66       2  Appendage Length                   u16
 *        68     var  Optional Appendage                 TagValue elements
 * </pre>
 */
public final class OuchReplacedDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.ORDER_REPLACED;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 66;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_REQUIRED;

    /** Offset of Timestamp. */
    public static final int TIMESTAMP_OFFSET = 1;

    /** Offset of OrigUserRefNum. */
    public static final int ORIG_USER_REF_NUM_OFFSET = 9;

    /** Offset of UserRefNum of the replacement. */
    public static final int USER_REF_NUM_OFFSET = 13;

    /** Offset of Side. */
    public static final int SIDE_OFFSET = 17;

    /** Offset of Quantity. */
    public static final int QUANTITY_OFFSET = 18;

    /** Offset of Symbol. */
    public static final int SYMBOL_OFFSET = 22;

    /** Offset of Price. */
    public static final int PRICE_OFFSET = 30;

    /** Offset of Time In Force. */
    public static final int TIME_IN_FORCE_OFFSET = 38;

    /** Offset of Display. */
    public static final int DISPLAY_OFFSET = 39;

    /** Offset of Order Reference Number of the replacement. */
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 40;

    /** Offset of Capacity. */
    public static final int CAPACITY_OFFSET = 48;

    /** Offset of InterMarket Sweep Eligibility. */
    public static final int INTER_MARKET_SWEEP_ELIGIBILITY_OFFSET = 49;

    /** Offset of CrossType. */
    public static final int CROSS_TYPE_OFFSET = 50;

    /** Offset of Order State. */
    public static final int ORDER_STATE_OFFSET = 51;

    /** Offset of ClOrdID of the replacement. */
    public static final int CL_ORD_ID_OFFSET = 52;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchReplacedDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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
     * OrigUserRefNum: the order replaced.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long origUserRefNum()
    {
        return uint32(ORIG_USER_REF_NUM_OFFSET);
    }

    /**
     * UserRefNum of the replacement.
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
     * Quantity: shares outstanding after the replace.
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
     * Price: accepted price of the replacement.
     *
     * @return the 8-byte price with 4 implied decimals (1234500 is 123.45).
     */
    public long price()
    {
        return int64(PRICE_OFFSET);
    }

    /**
     * Time In Force: '0', '3', '5', '6' or 'E'.
     *
     * @return the ASCII byte.
     */
    public byte timeInForce()
    {
        return byteAt(TIME_IN_FORCE_OFFSET);
    }

    /**
     * Display: 'Y', 'N', 'A' or 'Z'.
     *
     * @return the ASCII byte.
     */
    public byte display()
    {
        return byteAt(DISPLAY_OFFSET);
    }

    /**
     * Order Reference Number of the replacement.
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
     * CrossType.
     *
     * @return the ASCII byte.
     */
    public byte crossType()
    {
        return byteAt(CROSS_TYPE_OFFSET);
    }

    /**
     * Order State: 'L' live, 'D' dead.
     *
     * @return the ASCII byte.
     */
    public byte orderState()
    {
        return byteAt(ORDER_STATE_OFFSET);
    }

    /**
     * ClOrdID of the replacement: does the 14-byte field hold this value once padded with spaces? Allocation-free.
     *
     * @param value ASCII characters, at most 14.
     * @return true when equal.
     */
    public boolean clOrdIdEquals(final CharSequence value)
    {
        return alphaEquals(CL_ORD_ID_OFFSET, 14, value);
    }

    /**
     * ClOrdID of the replacement: copy the 14-byte field, padding included.
     *
     * @param dst at least 14 bytes long.
     * @return the number of bytes copied.
     */
    public int getClOrdId(final byte[] dst)
    {
        return copyAlpha(CL_ORD_ID_OFFSET, 14, dst);
    }

    /**
     * Control path: ClOrdID of the replacement without its padding. Allocates.
     *
     * @return the trimmed value.
     */
    public String clOrdIdAsString()
    {
        return alphaAsString(CL_ORD_ID_OFFSET, 14);
    }
}
