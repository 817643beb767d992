package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Order Canceled message ('C', outbound, 18 bytes, or 20 + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 C. The offsets are those of {@link OuchCanceledDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'C'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       4  Quantity                           u32
 *        17       1  Reason                             alpha (1)
 *        18       2  Appendage Length                   u16 (optional)
 *        20     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchCanceledEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchCanceledEncoder()
    {
        super(
            OuchCanceledDecoder.MESSAGE_TYPE,
            OuchCanceledDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchCanceledDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchCanceledEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchCanceledEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchCanceledDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * UserRefNum.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchCanceledEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchCanceledDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Quantity: shares decremented (incremental, not the remainder).
     *
     * @param quantity unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchCanceledEncoder quantity(final long quantity)
    {
        putUint32(OuchCanceledDecoder.QUANTITY_OFFSET, quantity);

        return this;
    }

    /**
     * Reason: cancel reason, Appendix B ('U' user requested, 'I' IOC, ...).
     *
     * @param reason ASCII byte.
     * @return this encoder.
     */
    public OuchCanceledEncoder reason(final byte reason)
    {
        putByte(OuchCanceledDecoder.REASON_OFFSET, reason);

        return this;
    }
}
