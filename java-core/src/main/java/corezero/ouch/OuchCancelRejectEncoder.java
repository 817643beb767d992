package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Cancel Reject message ('I', outbound, 13 bytes, or 15 + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 I. The offsets are those of {@link OuchCancelRejectDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'I'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       2  Appendage Length                   u16 (optional)
 *        15     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchCancelRejectEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchCancelRejectEncoder()
    {
        super(
            OuchCancelRejectDecoder.MESSAGE_TYPE,
            OuchCancelRejectDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchCancelRejectDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchCancelRejectEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchCancelRejectEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchCancelRejectDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * UserRefNum: partial cancel of a cross order refused.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchCancelRejectEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchCancelRejectDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }
}
