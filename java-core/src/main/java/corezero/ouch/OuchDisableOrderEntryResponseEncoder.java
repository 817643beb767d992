package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Disable Order Entry Response message ('G', outbound, 19 bytes + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 G. The offsets are those of {@link OuchDisableOrderEntryResponseDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'G'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       4  Firm                               alpha (4)
 *        17       2  Appendage Length                   u16
 *        19     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchDisableOrderEntryResponseEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchDisableOrderEntryResponseEncoder()
    {
        super(
            OuchDisableOrderEntryResponseDecoder.MESSAGE_TYPE,
            OuchDisableOrderEntryResponseDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchDisableOrderEntryResponseDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchDisableOrderEntryResponseEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchDisableOrderEntryResponseEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchDisableOrderEntryResponseDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * UserRefNum.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchDisableOrderEntryResponseEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchDisableOrderEntryResponseDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Firm.
     *
     * @param firm ASCII, padded with spaces, truncated to 4.
     * @return this encoder.
     */
    public OuchDisableOrderEntryResponseEncoder firm(final CharSequence firm)
    {
        putAlpha(OuchDisableOrderEntryResponseDecoder.FIRM_OFFSET, 4, firm);

        return this;
    }
}
