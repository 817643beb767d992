package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Account Query Response message ('Q', outbound, 13 bytes, or 15 + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 Q. The offsets are those of {@link OuchAccountQueryResponseDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'Q'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  NextUserRefNum                     u32
 *        13       2  Appendage Length                   u16 (optional)
 *        15     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchAccountQueryResponseEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchAccountQueryResponseEncoder()
    {
        super(
            OuchAccountQueryResponseDecoder.MESSAGE_TYPE,
            OuchAccountQueryResponseDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchAccountQueryResponseDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchAccountQueryResponseEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchAccountQueryResponseEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchAccountQueryResponseDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * NextUserRefNum: the next UserRefNum the port accepts.
     *
     * @param nextUserRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchAccountQueryResponseEncoder nextUserRefNum(final long nextUserRefNum)
    {
        putUint32(OuchAccountQueryResponseDecoder.NEXT_USER_REF_NUM_OFFSET, nextUserRefNum);

        return this;
    }
}
