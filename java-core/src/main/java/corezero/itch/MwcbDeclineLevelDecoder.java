package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an ITCH 5.0 MWCB Decline Level message ('V', 35 bytes, section 1.2.5.1): the day's market-wide
 * circuit breaker breach points. The levels are Price (8): 8-byte numbers with 8 implied decimal places.
 * <pre>
 *   offset  length  field                             type
 *        0       1  Message Type                      'V'
 *        1       2  Stock Locate                      u16
 *        3       2  Tracking Number                   u16
 *        5       6  Timestamp                         u48 ns since midnight
 *       11       8  Level 1                           u64 Price (8)
 *       19       8  Level 2                           u64 Price (8)
 *       27       8  Level 3                           u64 Price (8)
 *       35          (end)
 * </pre>
 */
public final class MwcbDeclineLevelDecoder extends ItchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = ItchMessageType.MWCB_DECLINE_LEVEL;

    /** Exact message length. */
    public static final int LENGTH = ItchMessageType.MWCB_DECLINE_LEVEL_LENGTH;

    /** Offset of Level 1. */
    public static final int LEVEL1_OFFSET = 11;

    /** Offset of Level 2. */
    public static final int LEVEL2_OFFSET = 19;

    /** Offset of Level 3. */
    public static final int LEVEL3_OFFSET = 27;

    /**
     * {@inheritDoc}
     */
    public MwcbDeclineLevelDecoder wrap(final DirectBuffer buffer, final int offset)
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
     * Level 1: MWCB level 1 value.
     *
     * @return the 8-byte price with 8 implied decimal places (Price (8) in the specification).
     */
    public long level1()
    {
        return int64(LEVEL1_OFFSET);
    }

    /**
     * Level 2: MWCB level 2 value.
     *
     * @return the 8-byte price with 8 implied decimal places (Price (8) in the specification).
     */
    public long level2()
    {
        return int64(LEVEL2_OFFSET);
    }

    /**
     * Level 3: MWCB level 3 value.
     *
     * @return the 8-byte price with 8 implied decimal places (Price (8) in the specification).
     */
    public long level3()
    {
        return int64(LEVEL3_OFFSET);
    }
}
