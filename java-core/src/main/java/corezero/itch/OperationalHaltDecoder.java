package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 Operational Halt message ('h', 21 bytes, section 1.2.8): the operational status of a
 * security on one Nasdaq market center. The Stock field is read through {@link ItchStockFlyweight}.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'h'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Stock                             alpha (8)
 *       19       1  Market Code                       alpha (1)
 *       20       1  Operational Halt Action           alpha (1)
 *       21          (end)
 * </pre>
 */
public final class OperationalHaltDecoder extends ItchStockFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.OPERATIONAL_HALT;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.OPERATIONAL_HALT_LENGTH;

    /** Offset of Stock. */
    public static final int STOCK_OFFSET = 11;

    /** Offset of Market Code. */
    public static final int MARKET_CODE_OFFSET = 19;

    /** Offset of Operational Halt Action. */
    public static final int OPERATIONAL_HALT_ACTION_OFFSET = 20;

    /**
     * A flyweight to {@link #wrap(DirectBuffer, int) wrap} over messages.
     */
    public OperationalHaltDecoder()
    {
        super(STOCK_OFFSET);
    }

    /**
     * {@inheritDoc}
     */
    public OperationalHaltDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Market Code: 'Q' Nasdaq, 'B' BX, 'X' PSX.
     *
     * @return the ASCII byte.
     */
    public byte marketCode()
    {
        return byteAt(MARKET_CODE_OFFSET);
    }

    /**
     * Operational Halt Action: 'H' operationally halted, 'T' halt lifted, trading resumed.
     *
     * @return the ASCII byte.
     */
    public byte operationalHaltAction()
    {
        return byteAt(OPERATIONAL_HALT_ACTION_OFFSET);
    }
}
