package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Enable Order Entry Response message ('K', outbound, 19 bytes + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 K. The offsets are those of {@link OuchEnableOrderEntryResponseDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'K'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       4  Firm                               alpha (4)
 *        17       2  Appendage Length                   u16
 *        19     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchEnableOrderEntryResponseEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchEnableOrderEntryResponseEncoder()
    {
        super(
            OuchEnableOrderEntryResponseDecoder.MESSAGE_TYPE,
            OuchEnableOrderEntryResponseDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchEnableOrderEntryResponseDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchEnableOrderEntryResponseEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchEnableOrderEntryResponseEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchEnableOrderEntryResponseDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * UserRefNum.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchEnableOrderEntryResponseEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchEnableOrderEntryResponseDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Firm.
     *
     * @param firm ASCII, padded with spaces, truncated to 4.
     * @return this encoder.
     */
    public OuchEnableOrderEntryResponseEncoder firm(final CharSequence firm)
    {
        putAlpha(OuchEnableOrderEntryResponseDecoder.FIRM_OFFSET, 4, firm);

        return this;
    }
}
