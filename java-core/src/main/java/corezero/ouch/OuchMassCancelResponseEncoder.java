package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Mass Cancel Response message ('X', outbound, 27 bytes + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 X. The offsets are those of {@link OuchMassCancelResponseDecoder}:
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
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchMassCancelResponseEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchMassCancelResponseEncoder()
    {
        super(
            OuchMassCancelResponseDecoder.MESSAGE_TYPE,
            OuchMassCancelResponseDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchMassCancelResponseDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchMassCancelResponseEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchMassCancelResponseEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchMassCancelResponseDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * UserRefNum.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchMassCancelResponseEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchMassCancelResponseDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Firm.
     *
     * @param firm ASCII, padded with spaces, truncated to 4.
     * @return this encoder.
     */
    public OuchMassCancelResponseEncoder firm(final CharSequence firm)
    {
        putAlpha(OuchMassCancelResponseDecoder.FIRM_OFFSET, 4, firm);

        return this;
    }

    /**
     * Symbol.
     *
     * @param symbol ASCII, padded with spaces, truncated to 8.
     * @return this encoder.
     */
    public OuchMassCancelResponseEncoder symbol(final CharSequence symbol)
    {
        putAlpha(OuchMassCancelResponseDecoder.SYMBOL_OFFSET, 8, symbol);

        return this;
    }
}
