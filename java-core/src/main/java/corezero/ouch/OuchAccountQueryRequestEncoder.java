package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Account Query Request message ('Q', inbound, 1 bytes, or 3 + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.3 Q. The offsets are those of {@link OuchAccountQueryRequestDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'Q'
 *         1       2  Appendage Length                   u16 (optional)
 *         3     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchAccountQueryRequestEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchAccountQueryRequestEncoder()
    {
        super(
            OuchAccountQueryRequestDecoder.MESSAGE_TYPE,
            OuchAccountQueryRequestDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchAccountQueryRequestDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchAccountQueryRequestEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }
}
