package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Rejected message ('J', outbound, 29 bytes, or 31 + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 J. The offsets are those of {@link OuchRejectedDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'J'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum of the rejected request (consumed)  u32
 *        13       2  Reason                             u16
 *        15      14  ClOrdID                            alpha (14)
 *        29       2  Appendage Length                   u16 (optional)
 *        31     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchRejectedEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchRejectedEncoder()
    {
        super(
            OuchRejectedDecoder.MESSAGE_TYPE,
            OuchRejectedDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchRejectedDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchRejectedEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchRejectedEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchRejectedDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * UserRefNum of the rejected request (consumed).
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchRejectedEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchRejectedDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Reason: reject code, Appendix C (0x0001 to 0x0033).
     *
     * @param reason unsigned, 0 to 65535.
     * @return this encoder.
     */
    public OuchRejectedEncoder reason(final int reason)
    {
        putUint16(OuchRejectedDecoder.REASON_OFFSET, reason);

        return this;
    }

    /**
     * ClOrdID.
     *
     * @param clOrdId ASCII, padded with spaces, truncated to 14.
     * @return this encoder.
     */
    public OuchRejectedEncoder clOrdId(final CharSequence clOrdId)
    {
        putAlpha(OuchRejectedDecoder.CL_ORD_ID_OFFSET, 14, clOrdId);

        return this;
    }
}
