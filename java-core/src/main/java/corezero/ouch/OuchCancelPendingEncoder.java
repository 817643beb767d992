package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Cancel Pending message ('P', outbound, 13 bytes, or 15 + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 P. The offsets are those of {@link OuchCancelPendingDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'P'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       2  Appendage Length                   u16 (optional)
 *        15     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchCancelPendingEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchCancelPendingEncoder()
    {
        super(
            OuchCancelPendingDecoder.MESSAGE_TYPE,
            OuchCancelPendingDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchCancelPendingDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchCancelPendingEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchCancelPendingEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchCancelPendingDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * UserRefNum: a cross order that will be canceled after the cross.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchCancelPendingEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchCancelPendingDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }
}
