package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Enable Order Entry Request message ('E', inbound, 11 bytes + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.3 E. The offsets are those of {@link OuchEnableOrderEntryDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'E'
 *         1       4  UserRefNum                         u32
 *         5       4  Firm                               alpha (4)
 *         9       2  Appendage Length                   u16
 *        11     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchEnableOrderEntryEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchEnableOrderEntryEncoder()
    {
        super(
            OuchEnableOrderEntryDecoder.MESSAGE_TYPE,
            OuchEnableOrderEntryDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchEnableOrderEntryDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchEnableOrderEntryEncoder wrap(final MutableDirectBuffer buffer, final int offset)
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
    public OuchEnableOrderEntryEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchEnableOrderEntryDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Firm.
     *
     * @param firm ASCII, padded with spaces, truncated to 4.
     * @return this encoder.
     */
    public OuchEnableOrderEntryEncoder firm(final CharSequence firm)
    {
        putAlpha(OuchEnableOrderEntryDecoder.FIRM_OFFSET, 4, firm);

        return this;
    }
}
