package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Mass Cancel Request message ('C', inbound, 19 bytes + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.3 C. The offsets are those of {@link OuchMassCancelDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'C'
 *         1       4  UserRefNum                         u32
 *         5       4  Firm                               alpha (4)
 *         9       8  Symbol                             alpha (8)
 *        17       2  Appendage Length                   u16
 *        19     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchMassCancelEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchMassCancelEncoder()
    {
        super(
            OuchMassCancelDecoder.MESSAGE_TYPE,
            OuchMassCancelDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchMassCancelDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchMassCancelEncoder wrap(final MutableDirectBuffer buffer, final int offset)
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
    public OuchMassCancelEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchMassCancelDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Firm.
     *
     * @param firm ASCII, padded with spaces, truncated to 4.
     * @return this encoder.
     */
    public OuchMassCancelEncoder firm(final CharSequence firm)
    {
        putAlpha(OuchMassCancelDecoder.FIRM_OFFSET, 4, firm);

        return this;
    }

    /**
     * Symbol: spaces for all.
     *
     * @param symbol ASCII, padded with spaces, truncated to 8.
     * @return this encoder.
     */
    public OuchMassCancelEncoder symbol(final CharSequence symbol)
    {
        putAlpha(OuchMassCancelDecoder.SYMBOL_OFFSET, 8, symbol);

        return this;
    }
}
