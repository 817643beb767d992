package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 Enter Order message ('O', inbound: client to host,
 * 47 bytes + appendage; PROTOCOLS-SUMMARY section 2.3 O).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'O'
 *         1       4  UserRefNum                         u32
 *         5       1  Side                               alpha (1)
 *         6       4  Quantity                           u32
 *        10       8  Symbol                             alpha (8)
 *        18       8  Price                              s64 Price (4)
 *        26       1  Time In Force                      alpha (1)
 *        27       1  Display                            alpha (1)
 *        28       1  Capacity                           alpha (1)
 *        29       1  InterMarket Sweep Eligibility      alpha (1)
 *        30       1  CrossType                          alpha (1)
 *        31      14  ClOrdID (not unique-checked)       alpha (14)
 *        45       2  Appendage Length                   u16
 *        47     var  Optional Appendage                 TagValue elements
 * </pre>
 */
public final class OuchEnterOrderDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.ENTER_ORDER;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 45;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_REQUIRED;

    /** Offset of UserRefNum. */
    public static final int USER_REF_NUM_OFFSET = 1;

    /** Offset of Side. */
    public static final int SIDE_OFFSET = 5;

    /** Offset of Quantity. */
    public static final int QUANTITY_OFFSET = 6;

    /** Offset of Symbol. */
    public static final int SYMBOL_OFFSET = 10;

    /** Offset of Price. */
    public static final int PRICE_OFFSET = 18;

    /** Offset of Time In Force. */
    public static final int TIME_IN_FORCE_OFFSET = 26;

    /** Offset of Display. */
    public static final int DISPLAY_OFFSET = 27;

    /** Offset of Capacity. */
    public static final int CAPACITY_OFFSET = 28;

    /** Offset of InterMarket Sweep Eligibility. */
    public static final int INTER_MARKET_SWEEP_ELIGIBILITY_OFFSET = 29;

    /** Offset of CrossType. */
    public static final int CROSS_TYPE_OFFSET = 30;

    /** Offset of ClOrdID (not unique-checked). */
    public static final int CL_ORD_ID_OFFSET = 31;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchEnterOrderDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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
     * UserRefNum: unique, strictly increasing per port (or per UserRefIdx channel).
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long userRefNum()
    {
        return uint32(USER_REF_NUM_OFFSET);
    }

    /**
     * Side: 'B' buy, 'S' sell, 'T' sell short, 'E' sell short exempt.
     *
     * @return the ASCII byte.
     */
    public byte side()
    {
        return byteAt(SIDE_OFFSET);
    }

    /**
     * Quantity: above 0 and below 1,000,000.
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
     * Price.
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
     * Display: 'Y' visible, 'N' hidden, 'A' attributable.
     *
     * @return the ASCII byte.
     */
    public byte display()
    {
        return byteAt(DISPLAY_OFFSET);
    }

    /**
     * Capacity: 'A' agency, 'P' principal, 'R' riskless, 'O' other.
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
     * CrossType: 'N' continuous, 'O', 'C', 'H', 'S', 'E', 'A', 'R'.
     *
     * @return the ASCII byte.
     */
    public byte crossType()
    {
        return byteAt(CROSS_TYPE_OFFSET);
    }

    /**
     * ClOrdID (not unique-checked): does the 14-byte field hold this value once padded with spaces? Allocation-free.
     *
     * @param value ASCII characters, at most 14.
     * @return true when equal.
     */
    public boolean clOrdIdEquals(final CharSequence value)
    {
        return alphaEquals(CL_ORD_ID_OFFSET, 14, value);
    }

    /**
     * ClOrdID (not unique-checked): copy the 14-byte field, padding included.
     *
     * @param dst at least 14 bytes long.
     * @return the number of bytes copied.
     */
    public int getClOrdId(final byte[] dst)
    {
        return copyAlpha(CL_ORD_ID_OFFSET, 14, dst);
    }

    /**
     * Control path: ClOrdID (not unique-checked) without its padding. Allocates.
     *
     * @return the trimmed value.
     */
    public String clOrdIdAsString()
    {
        return alphaAsString(CL_ORD_ID_OFFSET, 14);
    }
}
