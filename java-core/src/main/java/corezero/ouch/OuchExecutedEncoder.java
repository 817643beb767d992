package corezero.ouch;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes an OUCH 5.0 Order Executed message ('E', outbound, 36 bytes + appendage) in place;
 * PROTOCOLS-SUMMARY section 2.4 E. The offsets are those of {@link OuchExecutedDecoder}:
 * <pre>
 *    offset  length  field                              type
 *         0       1  Message Type                       'E'
 *         1       8  Timestamp                          u64 ns since midnight
 *         9       4  UserRefNum                         u32
 *        13       4  Quantity                           u32
 *        17       8  Price                              s64 Price (4)
 *        25       1  Liquidity Flag, Appendix D         alpha (1)
 *        26       8  Match Number                       u64
 *        34       2  Appendage Length                   u16
 *        36     var  Optional Appendage                 TagValue elements
 * </pre>
 * Wrap, set every field, add options through {@link #appendage()}, then take {@link #encodedLength()}.
 */
public final class OuchExecutedEncoder extends OuchEncoder
{
    /**
     * An encoder to {@link #wrap(MutableDirectBuffer, int) wrap} over buffers.
     */
    public OuchExecutedEncoder()
    {
        super(
            OuchExecutedDecoder.MESSAGE_TYPE,
            OuchExecutedDecoder.APPENDAGE_LENGTH_OFFSET,
            OuchExecutedDecoder.APPENDAGE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public OuchExecutedEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);

        return this;
    }

    /**
     * @param timestampNs nanoseconds since midnight.
     * @return this encoder.
     */
    public OuchExecutedEncoder timestampNs(final long timestampNs)
    {
        putInt64(OuchExecutedDecoder.TIMESTAMP_OFFSET, timestampNs);

        return this;
    }

    /**
     * UserRefNum.
     *
     * @param userRefNum unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchExecutedEncoder userRefNum(final long userRefNum)
    {
        putUint32(OuchExecutedDecoder.USER_REF_NUM_OFFSET, userRefNum);

        return this;
    }

    /**
     * Quantity: shares executed (incremental).
     *
     * @param quantity unsigned, 0 to 2^32 - 1.
     * @return this encoder.
     */
    public OuchExecutedEncoder quantity(final long quantity)
    {
        putUint32(OuchExecutedDecoder.QUANTITY_OFFSET, quantity);

        return this;
    }

    /**
     * Price: execution price.
     *
     * @param price 4 implied decimals.
     * @return this encoder.
     */
    public OuchExecutedEncoder price(final long price)
    {
        putInt64(OuchExecutedDecoder.PRICE_OFFSET, price);

        return this;
    }

    /**
     * Liquidity Flag, Appendix D.
     *
     * @param liquidityFlag ASCII byte.
     * @return this encoder.
     */
    public OuchExecutedEncoder liquidityFlag(final byte liquidityFlag)
    {
        putByte(OuchExecutedDecoder.LIQUIDITY_FLAG_OFFSET, liquidityFlag);

        return this;
    }

    /**
     * Match Number: day-unique execution identifier.
     *
     * @param matchNumber 8-byte number.
     * @return this encoder.
     */
    public OuchExecutedEncoder matchNumber(final long matchNumber)
    {
        putInt64(OuchExecutedDecoder.MATCH_NUMBER_OFFSET, matchNumber);

        return this;
    }
}
