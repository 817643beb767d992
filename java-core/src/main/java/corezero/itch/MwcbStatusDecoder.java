package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 MWCB Status message ('W', 12 bytes, section 1.2.5.2): a market-wide circuit breaker
 * level has been breached.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'W'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       1  Breached Level                    alpha (1)
 *       12          (end)
 * </pre>
 */
public final class MwcbStatusDecoder extends ItchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.MWCB_STATUS;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.MWCB_STATUS_LENGTH;

    /** Offset of Breached Level. */
    public static final int BREACHED_LEVEL_OFFSET = 11;

    /**
     * {@inheritDoc}
     */
    public MwcbStatusDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Breached Level: '1', '2' or '3'.
     *
     * @return the ASCII byte.
     */
    public byte breachedLevel()
    {
        return byteAt(BREACHED_LEVEL_OFFSET);
    }
}
