package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 Mass Cancel Response message ('X', outbound: host to client,
 * 27 bytes + appendage; PROTOCOLS-SUMMARY section 2.4 X).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'X'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       4  Firm                               alpha (4)
 *        17       8  Symbol                             alpha (8)
 *        25       2  Appendage Length                   u16
 *        27     var  Optional Appendage                 TagValue elements
 * </pre>
 */
public final class OuchMassCancelResponseDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.MASS_CANCEL_RESPONSE;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 25;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_REQUIRED;

    /** Offset of Timestamp. */
    public static final int TIMESTAMP_OFFSET = 1;

    /** Offset of UserRefNum. */
    public static final int USER_REF_NUM_OFFSET = 9;

    /** Offset of Firm. */
    public static final int FIRM_OFFSET = 13;

    /** Offset of Symbol. */
    public static final int SYMBOL_OFFSET = 17;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchMassCancelResponseDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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
     * UserRefNum.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long userRefNum()
    {
        return uint32(USER_REF_NUM_OFFSET);
    }

    /**
     * Firm: does the 4-byte field hold this value once padded with spaces? Allocation-free.
     *
     * @param value ASCII characters, at most 4.
     * @return true when equal.
     */
    public boolean firmEquals(final CharSequence value)
    {
        return alphaEquals(FIRM_OFFSET, 4, value);
    }

    /**
     * Firm: copy the 4-byte field, padding included.
     *
     * @param dst at least 4 bytes long.
     * @return the number of bytes copied.
     */
    public int getFirm(final byte[] dst)
    {
        return copyAlpha(FIRM_OFFSET, 4, dst);
    }

    /**
     * Control path: Firm without its padding. Allocates.
     *
     * @return the trimmed value.
     */
    public String firmAsString()
    {
        return alphaAsString(FIRM_OFFSET, 4);
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
}
