package corezero.venue;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The ITCH 5.0 order messages the exchange mode writes from its matching engine and reads from a capture, after the
 * 11-byte header of {@link ItchHeaderDescriptor} (type, locate u16, tracking u16, timestamp u48). Big-endian;
 * Price(4) is a u32 of ten-thousandths of a dollar.
 * <pre>
 *   'A' Add Order (36)           'E' Order Executed (31)     'X' Order Cancel (23)     'D' Order Delete (19)
 *    11  order ref   u64          11  order ref    u64         11  order ref   u64        11  order ref   u64
 *    19  side        'B'|'S'      19  shares       u32         19  shares      u32
 *    20  shares      u32          23  match number u64
 *    24  stock       alpha(8)
 *    32  price       u32         'C' Order Executed With Price (36): 'E' fields, then
 *                                 31  printable 'Y'|'N'   32  execution price u32
 *   'F' Add Order with MPID (40): 'A' fields, then 36 attribution alpha(4)
 *
 *   'U' Order Replace (35)       'R' Stock Directory (39)
 *    11  original ref u64         11  stock alpha(8) ... (the rest is not read)
 *    19  new ref      u64
 *    27  shares       u32
 *    31  price        u32
 * </pre>
 */
final class ItchOrderDescriptor
{
    static final byte ADD_ORDER = 'A';
    static final byte ADD_ORDER_MPID = 'F';
    static final byte ORDER_EXECUTED = 'E';
    static final byte ORDER_EXECUTED_WITH_PRICE = 'C';
    static final byte ORDER_CANCEL = 'X';
    static final byte ORDER_DELETE = 'D';
    static final byte ORDER_REPLACE = 'U';
    static final byte STOCK_DIRECTORY = 'R';

    static final int ADD_ORDER_LENGTH = 36;
    static final int ORDER_EXECUTED_LENGTH = 31;
    static final int ORDER_CANCEL_LENGTH = 23;
    static final int ORDER_DELETE_LENGTH = 19;
    static final int ORDER_REPLACE_LENGTH = 35;
    static final int STOCK_DIRECTORY_MIN_LENGTH = 19;

    static final int ORDER_REF_OFFSET = 11;
    static final int ADD_SIDE_OFFSET = 19;
    static final int ADD_SHARES_OFFSET = 20;
    static final int ADD_STOCK_OFFSET = 24;
    static final int ADD_PRICE_OFFSET = 32;
    static final int SHARES_OFFSET = 19;
    static final int MATCH_NUMBER_OFFSET = 23;
    static final int REPLACE_NEW_REF_OFFSET = 19;
    static final int REPLACE_SHARES_OFFSET = 27;
    static final int REPLACE_PRICE_OFFSET = 31;
    static final int DIRECTORY_STOCK_OFFSET = 11;
    static final int STOCK_LENGTH = 8;

    private ItchOrderDescriptor()
    {
    }

    /**
     * Write the header every message starts with.
     *
     * @return the offset just after it.
     */
    static int putHeader(
        final MutableDirectBuffer buffer,
        final int offset,
        final byte type,
        final int locate,
        final int trackingNumber,
        final long timestampNs)
    {
        buffer.putByte(offset, type);
        buffer.putShort(offset + ItchHeaderDescriptor.STOCK_LOCATE_OFFSET, (short)locate, ByteOrder.BIG_ENDIAN);
        buffer.putShort(
            offset + ItchHeaderDescriptor.TRACKING_NUMBER_OFFSET, (short)trackingNumber, ByteOrder.BIG_ENDIAN);
        buffer.putShort(
            offset + ItchHeaderDescriptor.TIMESTAMP_OFFSET, (short)(timestampNs >>> 32), ByteOrder.BIG_ENDIAN);
        buffer.putInt(offset + ItchHeaderDescriptor.TIMESTAMP_OFFSET + 2, (int)timestampNs, ByteOrder.BIG_ENDIAN);

        return offset + ItchHeaderDescriptor.HEADER_LENGTH;
    }

    static int putAddOrder(
        final MutableDirectBuffer buffer,
        final int offset,
        final int locate,
        final int trackingNumber,
        final long timestampNs,
        final long orderRef,
        final byte side,
        final long shares,
        final DirectBuffer stock,
        final int stockOffset,
        final long price)
    {
        putHeader(buffer, offset, ADD_ORDER, locate, trackingNumber, timestampNs);
        buffer.putLong(offset + ORDER_REF_OFFSET, orderRef, ByteOrder.BIG_ENDIAN);
        buffer.putByte(offset + ADD_SIDE_OFFSET, side);
        buffer.putInt(offset + ADD_SHARES_OFFSET, (int)shares, ByteOrder.BIG_ENDIAN);
        buffer.putBytes(offset + ADD_STOCK_OFFSET, stock, stockOffset, STOCK_LENGTH);
        buffer.putInt(offset + ADD_PRICE_OFFSET, (int)price, ByteOrder.BIG_ENDIAN);

        return ADD_ORDER_LENGTH;
    }

    static int putOrderExecuted(
        final MutableDirectBuffer buffer,
        final int offset,
        final int locate,
        final int trackingNumber,
        final long timestampNs,
        final long orderRef,
        final long shares,
        final long matchNumber)
    {
        putHeader(buffer, offset, ORDER_EXECUTED, locate, trackingNumber, timestampNs);
        buffer.putLong(offset + ORDER_REF_OFFSET, orderRef, ByteOrder.BIG_ENDIAN);
        buffer.putInt(offset + SHARES_OFFSET, (int)shares, ByteOrder.BIG_ENDIAN);
        buffer.putLong(offset + MATCH_NUMBER_OFFSET, matchNumber, ByteOrder.BIG_ENDIAN);

        return ORDER_EXECUTED_LENGTH;
    }

    static int putOrderCancel(
        final MutableDirectBuffer buffer,
        final int offset,
        final int locate,
        final int trackingNumber,
        final long timestampNs,
        final long orderRef,
        final long shares)
    {
        putHeader(buffer, offset, ORDER_CANCEL, locate, trackingNumber, timestampNs);
        buffer.putLong(offset + ORDER_REF_OFFSET, orderRef, ByteOrder.BIG_ENDIAN);
        buffer.putInt(offset + SHARES_OFFSET, (int)shares, ByteOrder.BIG_ENDIAN);

        return ORDER_CANCEL_LENGTH;
    }

    static int putOrderDelete(
        final MutableDirectBuffer buffer,
        final int offset,
        final int locate,
        final int trackingNumber,
        final long timestampNs,
        final long orderRef)
    {
        putHeader(buffer, offset, ORDER_DELETE, locate, trackingNumber, timestampNs);
        buffer.putLong(offset + ORDER_REF_OFFSET, orderRef, ByteOrder.BIG_ENDIAN);

        return ORDER_DELETE_LENGTH;
    }

    static int putOrderReplace(
        final MutableDirectBuffer buffer,
        final int offset,
        final int locate,
        final int trackingNumber,
        final long timestampNs,
        final long originalOrderRef,
        final long newOrderRef,
        final long shares,
        final long price)
    {
        putHeader(buffer, offset, ORDER_REPLACE, locate, trackingNumber, timestampNs);
        buffer.putLong(offset + ORDER_REF_OFFSET, originalOrderRef, ByteOrder.BIG_ENDIAN);
        buffer.putLong(offset + REPLACE_NEW_REF_OFFSET, newOrderRef, ByteOrder.BIG_ENDIAN);
        buffer.putInt(offset + REPLACE_SHARES_OFFSET, (int)shares, ByteOrder.BIG_ENDIAN);
        buffer.putInt(offset + REPLACE_PRICE_OFFSET, (int)price, ByteOrder.BIG_ENDIAN);

        return ORDER_REPLACE_LENGTH;
    }

    static int locate(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + ItchHeaderDescriptor.STOCK_LOCATE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    static int trackingNumber(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + ItchHeaderDescriptor.TRACKING_NUMBER_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    static long u64(final DirectBuffer buffer, final int index)
    {
        return buffer.getLong(index, ByteOrder.BIG_ENDIAN);
    }

    static long u32(final DirectBuffer buffer, final int index)
    {
        return buffer.getInt(index, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
    }
}
