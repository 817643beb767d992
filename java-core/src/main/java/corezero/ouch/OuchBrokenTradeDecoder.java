package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 Broken Trade message ('B', outbound: host to client,
 * 36 bytes, or 38 + appendage; PROTOCOLS-SUMMARY section 2.4 B).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'B'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       8  Match Number of the broken execution  u64
 *        21       1  Reason                             alpha (1)
 *        22      14  ClOrdID                            alpha (14)
 *        36       2  Appendage Length                   u16 (optional)
 *        38     var  Optional Appendage                 TagValue elements
 * </pre>
 */
public final class OuchBrokenTradeDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.BROKEN_TRADE;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 36;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_OPTIONAL;

    /** Offset of Timestamp. */
    public static final int TIMESTAMP_OFFSET = 1;

    /** Offset of UserRefNum. */
    public static final int USER_REF_NUM_OFFSET = 9;

    /** Offset of Match Number of the broken execution. */
    public static final int MATCH_NUMBER_OFFSET = 13;

    /** Offset of Reason. */
    public static final int REASON_OFFSET = 21;

    /** Offset of ClOrdID. */
    public static final int CL_ORD_ID_OFFSET = 22;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchBrokenTradeDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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

    /**
     * Timestamp.
     *
     * @return nanoseconds since midnight.
     */
    public long timestampNs()
    {
        return int64(TIMESTAMP_OFFSET);
    }

    /**
     * UserRefNum.
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long userRefNum()
    {
        return uint32(USER_REF_NUM_OFFSET);
    }

    /**
     * Match Number of the broken execution.
     *
     * @return the 8-byte number (values of 2^63 and above come out negative).
     */
    public long matchNumber()
    {
        return int64(MATCH_NUMBER_OFFSET);
    }

    /**
     * Reason: 'E' erroneous, 'C' consent, 'S' supervisory, 'X' external.
     *
     * @return the ASCII byte.
     */
    public byte reason()
    {
        return byteAt(REASON_OFFSET);
    }

    /**
     * ClOrdID: does the 14-byte field hold this value once padded with spaces? Allocation-free.
     *
     * @param value ASCII characters, at most 14.
     * @return true when equal.
     */
    public boolean clOrdIdEquals(final CharSequence value)
    {
        return alphaEquals(CL_ORD_ID_OFFSET, 14, value);
    }

    /**
     * ClOrdID: copy the 14-byte field, padding included.
     *
     * @param dst at least 14 bytes long.
     * @return the number of bytes copied.
     */
    public int getClOrdId(final byte[] dst)
    {
        return copyAlpha(CL_ORD_ID_OFFSET, 14, dst);
    }

    /**
     * Control path: ClOrdID without its padding. Allocates.
     *
     * @return the trimmed value.
     */
    public String clOrdIdAsString()
    {
        return alphaAsString(CL_ORD_ID_OFFSET, 14);
    }
}
