package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Disable Order Entry Request message ('D', inbound, 11 bytes + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.3 D. The offsets are those of {@link OuchDisableOrderEntryDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'D'
 *         1       4  UserRefNum                         u32
 *         5       4  Firm                               alpha (4)
 *         9       2  Appendage Length                   u16
 *        11     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchDisableOrderEntryEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchDisableOrderEntryEncoder()
    {
        super(
            OuchDisableOrderEntryDecoder.MESSAGE_TYPE,
            OuchDisableOrderEntryDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchDisableOrderEntryDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchDisableOrderEntryEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * UserRefNum.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchDisableOrderEntryEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchDisableOrderEntryDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Firm.
     *
     * @param firm ASCII, padded with spaces, truncated to 4.
     * @return this encoder.
     */
    public OuchDisableOrderEntryEncoder firm(final CharSequence firm)
    {
        putAlpha(OuchDisableOrderEntryDecoder.FIRM_OFFSET, 4, firm);

        return this;
    }
}
