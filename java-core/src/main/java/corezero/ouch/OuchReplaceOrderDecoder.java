package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 Replace Order Request message ('U', inbound: client to host,
 * 40 bytes + appendage; PROTOCOLS-SUMMARY section 2.3 U).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'U'
 *         1       4  OrigUserRefNum                     u32
 *         5       4  UserRefNum                         u32
 *         9       4  Quantity                           u32
 *        13       8  Price                              s64 Price (4)
 *        21       1  Time In Force                      alpha (1)
 *        22       1  Display                            alpha (1)
 *        23       1  InterMarket Sweep Eligibility      alpha (1)
 *        24      14  ClOrdID of the replacement         alpha (14)
 *        38       2  Appendage Length                   u16
 *        40     var  Optional Appendage                 TagValue elements
 * </pre>
 */
public final class OuchReplaceOrderDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.REPLACE_ORDER;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 38;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_REQUIRED;

    /** Offset of OrigUserRefNum. */
    public static final int ORIG_USER_REF_NUM_OFFSET = 1;

    /** Offset of UserRefNum. */
    public static final int USER_REF_NUM_OFFSET = 5;

    /** Offset of Quantity. */
    public static final int QUANTITY_OFFSET = 9;

    /** Offset of Price. */
    public static final int PRICE_OFFSET = 13;

    /** Offset of Time In Force. */
    public static final int TIME_IN_FORCE_OFFSET = 21;

    /** Offset of Display. */
    public static final int DISPLAY_OFFSET = 22;

    /** Offset of InterMarket Sweep Eligibility. */
    public static final int INTER_MARKET_SWEEP_ELIGIBILITY_OFFSET = 23;

    /** Offset of ClOrdID of the replacement. */
    public static final int CL_ORD_ID_OFFSET = 24;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchReplaceOrderDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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
     * OrigUserRefNum: of the Enter Order or the last Replace.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long origUserRefNum()
    {
        return uint32(ORIG_USER_REF_NUM_OFFSET);
    }

    /**
     * UserRefNum: new, strictly increasing.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long userRefNum()
    {
        return uint32(USER_REF_NUM_OFFSET);
    }

    /**
     * Quantity: total shares liable for the whole chain.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long quantity()
    {
        return uint32(QUANTITY_OFFSET);
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
     * Time In Force: '0', '3', '5' or '6'.
     *
     * @return the ASCII byte.
     */
    public byte timeInForce()
    {
        return byteAt(TIME_IN_FORCE_OFFSET);
    }

    /**
     * Display: 'Y', 'N' or 'A'.
     *
     * @return the ASCII byte.
     */
    public byte display()
    {
        return byteAt(DISPLAY_OFFSET);
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
