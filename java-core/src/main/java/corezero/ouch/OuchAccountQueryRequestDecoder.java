package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 Account Query Request message ('Q', inbound: client to host,
 * 1 bytes, or 3 + appendage; PROTOCOLS-SUMMARY section 2.3 Q).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'Q'
 *         1       2  Appendage Length                   u16 (optional)
 *         3     var  Optional Appendage                 TagValue elements
 * </pre>
 */
public final class OuchAccountQueryRequestDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.ACCOUNT_QUERY_REQUEST;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 1;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_OPTIONAL;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchAccountQueryRequestDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        super.wrap(buffer, offset, length);

        return this;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int appendageLengthOffset()
    {
        return APPENDAGE_LENGTH_OFFSET;
    }
}
