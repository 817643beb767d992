package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Flyweight over an OUCH 5.0 Rejected message ('J', outbound: host to client,
 * 29 bytes, or 31 + appendage; PROTOCOLS-SUMMARY section 2.4 J).
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'J'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum of the rejected request (consumed)  u32
 *        13       2  Reason                             u16
 *        15      14  ClOrdID                            alpha (14)
 *        29       2  Appendage Length                   u16 (optional)
 *        31     var  Optional Appendage                 TagValue elements
 * </pre>
 */
public final class OuchRejectedDecoder extends OuchFlyweight
{
    /** Message type letter. */
    public static final byte MESSAGE_TYPE = OuchMessageType.REJECTED;

    /** Offset of Appendage Length (the end of the message when it has none). */
    public static final int APPENDAGE_LENGTH_OFFSET = 29;

    /** Whether Appendage Length is absent, required or optional: an OuchMessageType.APPENDAGE_* value. */
    public static final int APPENDAGE = OuchMessageType.APPENDAGE_OPTIONAL;

    /** Offset of Timestamp. */
    public static final int TIMESTAMP_OFFSET = 1;

    /** Offset of UserRefNum of the rejected request (consumed). */
    public static final int USER_REF_NUM_OFFSET = 9;

    /** Offset of Reason. */
    public static final int REASON_OFFSET = 13;

    /** Offset of ClOrdID. */
    public static final int CL_ORD_ID_OFFSET = 15;

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchRejectedDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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
     * UserRefNum of the rejected request (consumed).
     *
     * @return the unsigned 4-byte number, 0 to 2^32 - 1.
     */
    public long userRefNum()
    {
        return uint32(USER_REF_NUM_OFFSET);
    }

    /**
     * Reason: reject code, Appendix C (0x0001 to 0x0033).
     *
     * @return the unsigned 2-byte number.
     */
    public int reason()
    {
        return uint16(REASON_OFFSET);
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
