package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 System Event message ('S', 12 bytes, section 1.1): signals a market or data feed handler
 * event.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'S'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       1  Event Code                        alpha (1)
 *       12          (end)
 * </pre>
 */
public final class SystemEventDecoder extends ItchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.SYSTEM_EVENT;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.SYSTEM_EVENT_LENGTH;

    /** Offset of Event Code. */
    public static final int EVENT_CODE_OFFSET = 11;

    /**
     * {@inheritDoc}
     */
    public SystemEventDecoder wrap(final DirectBuffer buffer, final int offset)
    {
        wrapBuffer(buffer, offset);

        return this;
    }

    /**
     * {@inheritDoc}
     */
    public int encodedLength()
    {
        return LENGTH;
    }

    /**
     * Event Code: 'O' start of messages, 'S' start of system hours, 'Q' start of market hours, 'M' end of market
     * hours, 'E' end of system hours, 'C' end of messages.
     *
     * @return the ASCII byte.
     */
    public byte eventCode()
    {
        return byteAt(EVENT_CODE_OFFSET);
    }
}
