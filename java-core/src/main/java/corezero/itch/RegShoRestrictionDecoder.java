package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Reg SHO Short Sale Price Test Restricted Indicator message ('Y', 20 bytes, section
 * 1.2.3): the Rule 201 short sale price test status of a security. The spec calls the locate field "Locate Code"; it
 * is read by {@link #stockLocate()} like every other message's. The Stock field is read through
 * {@link ItchStockFlyweight}.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'Y'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Stock                             alpha (8)
 *       19       1  Reg SHO Action                    alpha (1)
 *       20          (end)
 * </pre>
 */
public final class RegShoRestrictionDecoder extends ItchStockFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.REG_SHO_RESTRICTION;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.REG_SHO_RESTRICTION_LENGTH;

    /** Offset of Stock. */
    public static final int STOCK_OFFSET = 11;

    /** Offset of Reg SHO Action. */
    public static final int REG_SHO_ACTION_OFFSET = 19;

    /**
     * A flyweight to {@link #wrap(DirectBuffer, int) wrap} over messages.
     */
    public RegShoRestrictionDecoder()
    {
        super(STOCK_OFFSET);
    }

    /**
     * {@inheritDoc}
     */
    public RegShoRestrictionDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Reg SHO Action: '0' no price test, '1' restriction in effect (intra-day drop), '2' restriction remains in
     * effect.
     *
     * @return the ASCII byte.
     */
    public byte regShoAction()
    {
        return byteAt(REG_SHO_ACTION_OFFSET);
    }
}
