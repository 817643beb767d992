package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Order Restated message ('R', outbound, 16 bytes + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 R. The offsets are those of {@link OuchRestatedDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'R'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       1  Reason                             alpha (1)
 *        14       2  Appendage Length                   u16
 *        16     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchRestatedEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchRestatedEncoder()
    {
        super(
            OuchRestatedDecoder.MESSAGE_TYPE,
            OuchRestatedDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchRestatedDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchRestatedEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchRestatedEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchRestatedDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * UserRefNum.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchRestatedEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchRestatedDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Reason: 'R' reserve refresh, 'P' displayed price update.
     *
     * @param reason ASCII byte.
     * @return this encoder.
     */
    public OuchRestatedEncoder reason(final byte reason)
    {
        putByte(OuchRestatedDecoder.REASON_OFFSET, reason);

        return this;
    }
}
