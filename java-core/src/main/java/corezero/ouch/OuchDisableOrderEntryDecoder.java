package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 Disable Order Entry Request message ('D', inbound: client to host,
 * 11 bytes + appendage; PROTOCOLS-SUMMARY section 2.3 D).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'D'
 *         1       4  UserRefNum                         u32
 *         5       4  Firm                               alpha (4)
 *         9       2  Appendage Length                   u16
 *        11     var  Optional Appendage                 TagValue elements
 * </pre>
 */
public final class OuchDisableOrderEntryDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.DISABLE_ORDER_ENTRY;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 9;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_REQUIRED;

    /** Offset of UserRefNum. */
    public static final int USER_REF_NUM_OFFSET = 1;

    /** Offset of Firm. */
    public static final int FIRM_OFFSET = 5;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchDisableOrderEntryDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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
}
