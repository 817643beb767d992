package corezero.venue;

import corezero.ouch.OuchAcceptedDecoder;
import corezero.ouch.OuchAccountQueryResponseDecoder;
import corezero.ouch.OuchCanceledDecoder;
import corezero.ouch.OuchExecutedDecoder;
import corezero.ouch.OuchModifiedDecoder;
import corezero.ouch.OuchRejectedDecoder;
import corezero.ouch.OuchReplacedDecoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Small ITCH captures for the exchange tests, decoders over received OUCH bytes, and a book rebuilt from ITCH order
 * messages (independent of the matching engine).
 */
final class ExchangeTestData
{
    static final int LOCATE = 7;
    static final String SYMBOL = "ZVZZT";
    static final long ASK_REF = 101;
    static final long BID_REF = 102;
    static final long ASK_PRICE = 100_000;
    static final long BID_PRICE = 99_000;

    private ExchangeTestData()
    {
    }

    /**
     * @return a stock directory for {@link #SYMBOL}, then an ask of 100 at $10.00 and a bid of 100 at $9.90.
     */
    static BinaryFileCapture twoSidedBook()
    {
        final List<byte[]> messages = new ArrayList<>();
        messages.add(stockDirectory(LOCATE, SYMBOL));
        messages.add(addOrder(LOCATE, ASK_REF, (byte)'S', 100, SYMBOL, ASK_PRICE));
        messages.add(addOrder(LOCATE, BID_REF, (byte)'B', 100, SYMBOL, BID_PRICE));

        return capture("two-sided book", messages);
    }

    /**
     * A book that keeps changing, for restarts part way through: a stock directory, then per round an ask and a bid
     * of 100 (asks from $10.00 up, bids from $9.90 down, five price levels each), the ask of three rounds before
     * reduced by 40, the bid of four rounds before deleted, and every other round the ask of five rounds before
     * executed for its last 60; an end-of-messages system event last.
     *
     * @param rounds of adds, at least 6.
     * @return the capture, ask references from 1000 and bid references from 2000.
     */
    static BinaryFileCapture churningBook(final int rounds)
    {
        final List<byte[]> messages = new ArrayList<>();
        messages.add(stockDirectory(LOCATE, SYMBOL));
        for (int i = 0; i < rounds; i++)
        {
            messages.add(addOrder(LOCATE, 1_000 + i, (byte)'S', 100, SYMBOL, ASK_PRICE + (i % 5) * 100L));
            messages.add(addOrder(LOCATE, 2_000 + i, (byte)'B', 100, SYMBOL, BID_PRICE - (i % 5) * 100L));
            if (i >= 3)
            {
                messages.add(orderCancel(1_000 + i - 3, 40));
            }
            if (i >= 4)
            {
                messages.add(orderDelete(2_000 + i - 4));
            }
            if (i >= 5 && 0 == i % 2)
            {
                messages.add(orderExecuted(1_000 + i - 5, 60, 500 + i));
            }
        }
        messages.add(systemEvent((byte)'C'));

        return capture("churning book", messages);
    }

    static byte[] orderCancel(final long orderRef, final long shares)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ItchOrderDescriptor.ORDER_CANCEL_LENGTH]);
        ItchOrderDescriptor.putOrderCancel(buffer, 0, LOCATE, 0, 3_000, orderRef, shares);

        return buffer.byteArray();
    }

    static byte[] orderDelete(final long orderRef)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ItchOrderDescriptor.ORDER_DELETE_LENGTH]);
        ItchOrderDescriptor.putOrderDelete(buffer, 0, LOCATE, 0, 3_000, orderRef);

        return buffer.byteArray();
    }

    static byte[] orderExecuted(final long orderRef, final long shares, final long matchNumber)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ItchOrderDescriptor.ORDER_EXECUTED_LENGTH]);
        ItchOrderDescriptor.putOrderExecuted(buffer, 0, LOCATE, 0, 3_000, orderRef, shares, matchNumber);

        return buffer.byteArray();
    }

    static byte[] systemEvent(final byte eventCode)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[12]);
        ItchOrderDescriptor.putHeader(buffer, 0, (byte)'S', 0, 0, 4_000);
        buffer.putByte(11, eventCode);

        return buffer.byteArray();
    }

    static BinaryFileCapture capture(final String name, final List<byte[]> messages)
    {
        int length = 0;
        for (final byte[] message : messages)
        {
            length += 2 + message.length;
        }
        final ByteBuffer buffer = ByteBuffer.allocateDirect(length);
        for (final byte[] message : messages)
        {
            buffer.putShort((short)message.length).put(message);
        }

        return BinaryFileCapture.index(name, buffer.flip());
    }

    static byte[] stockDirectory(final int locate, final String symbol)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[39]);
        ItchOrderDescriptor.putHeader(buffer, 0, (byte)'R', locate, 0, 1_000);
        buffer.putStringWithoutLengthAscii(11, pad(symbol, 8));
        buffer.putStringWithoutLengthAscii(19, "QN");
        buffer.putInt(21, 100, ByteOrder.BIG_ENDIAN);
        buffer.putStringWithoutLengthAscii(25, "NCZ PN 1N");
        buffer.putInt(34, 0, ByteOrder.BIG_ENDIAN);
        buffer.putByte(38, (byte)'N');

        return buffer.byteArray();
    }

    static byte[] addOrder(
        final int locate,
        final long orderRef,
        final byte side,
        final long shares,
        final String symbol,
        final long price)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ItchOrderDescriptor.ADD_ORDER_LENGTH]);
        final UnsafeBuffer stock = new UnsafeBuffer(pad(symbol, 8).getBytes(StandardCharsets.US_ASCII));
        ItchOrderDescriptor.putAddOrder(buffer, 0, locate, 0, 2_000, orderRef, side, shares, stock, 0, price);

        return buffer.byteArray();
    }

    static String pad(final String text, final int length)
    {
        return String.format("%-" + length + "s", text);
    }

    static InetSocketAddress loopback(final int port)
    {
        return new InetSocketAddress("127.0.0.1", port);
    }

    static UnsafeBuffer wrap(final byte[] message)
    {
        return new UnsafeBuffer(message);
    }

    static OuchAcceptedDecoder accepted(final byte[] message)
    {
        return new OuchAcceptedDecoder().wrap(wrap(message), 0, message.length);
    }

    static OuchExecutedDecoder executed(final byte[] message)
    {
        return new OuchExecutedDecoder().wrap(wrap(message), 0, message.length);
    }

    static OuchCanceledDecoder canceled(final byte[] message)
    {
        return new OuchCanceledDecoder().wrap(wrap(message), 0, message.length);
    }

    static OuchReplacedDecoder replaced(final byte[] message)
    {
        return new OuchReplacedDecoder().wrap(wrap(message), 0, message.length);
    }

    static OuchRejectedDecoder rejected(final byte[] message)
    {
        return new OuchRejectedDecoder().wrap(wrap(message), 0, message.length);
    }

    static OuchModifiedDecoder modified(final byte[] message)
    {
        return new OuchModifiedDecoder().wrap(wrap(message), 0, message.length);
    }

    static OuchAccountQueryResponseDecoder accountQueryResponse(final byte[] message)
    {
        return new OuchAccountQueryResponseDecoder().wrap(wrap(message), 0, message.length);
    }

    /**
     * @return the message types, e.g. "AEC".
     */
    static String types(final List<byte[]> messages)
    {
        final StringBuilder types = new StringBuilder();
        for (final byte[] message : messages)
        {
            types.append((char)message[0]);
        }

        return types.toString();
    }

    /**
     * An order book of one or more stocks rebuilt from ITCH 5.0 order messages applied in order.
     */
    static final class ItchBook
    {
        private static final class Order
        {
            final int locate;
            final byte side;
            long shares;
            final long price;

            Order(final int locate, final byte side, final long shares, final long price)
            {
                this.locate = locate;
                this.side = side;
                this.shares = shares;
                this.price = price;
            }
        }

        private final TreeMap<Long, Order> orders = new TreeMap<>();
        String fault;

        void apply(final UnsafeBuffer buffer, final int offset, final int length)
        {
            final byte type = buffer.getByte(offset);
            final int locate = ItchOrderDescriptor.locate(buffer, offset);
            switch (type)
            {
                case 'A':
                case 'F':
                    orders.put(ItchOrderDescriptor.u64(buffer, offset + 11), new Order(
                        locate, buffer.getByte(offset + 19), ItchOrderDescriptor.u32(buffer, offset + 20),
                        ItchOrderDescriptor.u32(buffer, offset + 32)));
                    break;
                case 'E':
                case 'C':
                case 'X':
                    reduce(ItchOrderDescriptor.u64(buffer, offset + 11), ItchOrderDescriptor.u32(buffer, offset + 19));
                    break;
                case 'D':
                    if (null == orders.remove(ItchOrderDescriptor.u64(buffer, offset + 11)) && null == fault)
                    {
                        fault = "delete of an unknown order";
                    }
                    break;
                case 'U':
                {
                    final Order old = orders.remove(ItchOrderDescriptor.u64(buffer, offset + 11));
                    if (null == old)
                    {
                        fault = null == fault ? "replace of an unknown order" : fault;
                        break;
                    }
                    orders.put(ItchOrderDescriptor.u64(buffer, offset + 19), new Order(old.locate, old.side,
                        ItchOrderDescriptor.u32(buffer, offset + 27), ItchOrderDescriptor.u32(buffer, offset + 31)));
                    break;
                }
                default:
                    break;
            }
        }

        private void reduce(final long orderRef, final long shares)
        {
            final Order order = orders.get(orderRef);
            if (null == order || order.shares < shares)
            {
                fault = null == fault ? "reduce of order " + orderRef + " by " + shares : fault;
                return;
            }
            order.shares -= shares;
            if (0 == order.shares)
            {
                orders.remove(orderRef);
            }
        }

        boolean contains(final long orderRef)
        {
            return orders.containsKey(orderRef);
        }

        long shares(final long orderRef)
        {
            final Order order = orders.get(orderRef);
            return null == order ? 0 : order.shares;
        }

        /**
         * @return "side price shares ref" per order of the stock, by order reference number.
         */
        List<String> describe(final int locate)
        {
            final List<String> lines = new ArrayList<>();
            orders.forEach((ref, order) ->
            {
                if (order.locate == locate)
                {
                    lines.add((char)order.side + " " + order.price + " " + order.shares + " " + ref);
                }
            });

            return lines;
        }

        int size()
        {
            return orders.size();
        }
    }
}
