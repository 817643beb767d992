package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Broken Trade message ('B', outbound, 36 bytes, or 38 + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 B. The offsets are those of {@link OuchBrokenTradeDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'B'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       8  Match Number of the broken execution  u64
 *        21       1  Reason                             alpha (1)
 *        22      14  ClOrdID                            alpha (14)
 *        36       2  Appendage Length                   u16 (optional)
 *        38     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchBrokenTradeEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchBrokenTradeEncoder()
    {
        super(
            OuchBrokenTradeDecoder.MESSAGE_TYPE,
            OuchBrokenTradeDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchBrokenTradeDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchBrokenTradeEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchBrokenTradeEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchBrokenTradeDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * UserRefNum.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchBrokenTradeEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchBrokenTradeDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Match Number of the broken execution.
     *
     * @param matchNumber 8-byte number.
     * @return this encoder.
     */
    public OuchBrokenTradeEncoder matchNumber(final long matchNumber)
    {
        putInt64(OuchBrokenTradeDecoder.MATCH_NUMBER_OFFSET, matchNumber);

        return this;
    }

    /**
     * Reason: 'E' erroneous, 'C' consent, 'S' supervisory, 'X' external.
     *
     * @param reason ASCII byte.
     * @return this encoder.
     */
    public OuchBrokenTradeEncoder reason(final byte reason)
    {
        putByte(OuchBrokenTradeDecoder.REASON_OFFSET, reason);

        return this;
    }

    /**
     * ClOrdID.
     *
     * @param clOrdId ASCII, padded with spaces, truncated to 14.
     * @return this encoder.
     */
    public OuchBrokenTradeEncoder clOrdId(final CharSequence clOrdId)
    {
        putAlpha(OuchBrokenTradeDecoder.CL_ORD_ID_OFFSET, 14, clOrdId);

        return this;
    }
}
