package corezero.core;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * ITCH 5.0 messages built byte by byte at the offsets of the specification's tables (big-endian by hand, not
 * through the decoders' constants), for tests that feed books and strategies.
 */
public final class ItchMessages
{
    private ItchMessages()
    {
    }

    /** Stock Directory (R, 39 bytes): the symbol of a locate, round lot 100. */
    public static byte[] stockDirectory(final int locate, final String symbol)
    {
        final byte[] m = header('R', 39, locate);
        alpha(m, 11, 8, symbol);
        m[19] = 'Q';
        m[20] = 'N';
        number(m, 21, 4, 100);
        m[25] = 'N';
        m[26] = 'C';
        alpha(m, 27, 2, "Z");
        m[29] = 'P';
        m[30] = 'N';
        m[31] = 'N';
        m[32] = '1';
        m[33] = 'N';
        m[38] = 'N';
        return m;
    }

    /** Add Order (A, 36 bytes). */
    public static byte[] addOrder(
        final int locate, final long orderRef, final char side, final long shares, final String symbol,
        final long price)
    {
        final byte[] m = header('A', 36, locate);
        number(m, 11, 8, orderRef);
        m[19] = (byte)side;
        number(m, 20, 4, shares);
        alpha(m, 24, 8, symbol);
        number(m, 32, 4, price);
        return m;
    }

    /** Order Executed (E, 31 bytes). */
    public static byte[] executed(final int locate, final long orderRef, final long shares, final long matchNumber)
    {
        final byte[] m = header('E', 31, locate);
        number(m, 11, 8, orderRef);
        number(m, 19, 4, shares);
        number(m, 23, 8, matchNumber);
        return m;
    }

    /** Order Executed With Price (C, 36 bytes), printable. */
    public static byte[] executedWithPrice(
        final int locate, final long orderRef, final long shares, final long matchNumber, final long price)
    {
        final byte[] m = header('C', 36, locate);
        number(m, 11, 8, orderRef);
        number(m, 19, 4, shares);
        number(m, 23, 8, matchNumber);
        m[31] = 'Y';
        number(m, 32, 4, price);
        return m;
    }

    /** Order Cancel (X, 23 bytes). */
    public static byte[] cancel(final int locate, final long orderRef, final long shares)
    {
        final byte[] m = header('X', 23, locate);
        number(m, 11, 8, orderRef);
        number(m, 19, 4, shares);
        return m;
    }

    /** Order Delete (D, 19 bytes). */
    public static byte[] delete(final int locate, final long orderRef)
    {
        final byte[] m = header('D', 19, locate);
        number(m, 11, 8, orderRef);
        return m;
    }

    /** Order Replace (U, 35 bytes). */
    public static byte[] replace(
        final int locate, final long originalRef, final long newRef, final long shares, final long price)
    {
        final byte[] m = header('U', 35, locate);
        number(m, 11, 8, originalRef);
        number(m, 19, 8, newRef);
        number(m, 27, 4, shares);
        number(m, 31, 4, price);
        return m;
    }

    /** Trade, non-cross (P, 44 bytes). */
    public static byte[] trade(
        final int locate, final char side, final long shares, final String symbol, final long price,
        final long matchNumber)
    {
        final byte[] m = header('P', 44, locate);
        m[19] = (byte)side;
        number(m, 20, 4, shares);
        alpha(m, 24, 8, symbol);
        number(m, 32, 4, price);
        number(m, 36, 8, matchNumber);
        return m;
    }

    /** Stock Trading Action (H, 25 bytes). */
    public static byte[] tradingAction(final int locate, final String symbol, final char state)
    {
        final byte[] m = header('H', 25, locate);
        alpha(m, 11, 8, symbol);
        m[19] = (byte)state;
        alpha(m, 21, 4, "");
        return m;
    }

    /** System Event (S, 12 bytes). */
    public static byte[] systemEvent(final char eventCode)
    {
        final byte[] m = header('S', 12, 0);
        m[11] = (byte)eventCode;
        return m;
    }

    /** @return the message in a buffer of its own, at offset 0. */
    public static UnsafeBuffer buffer(final byte[] message)
    {
        return new UnsafeBuffer(message);
    }

    private static byte[] header(final char type, final int length, final int locate)
    {
        final byte[] m = new byte[length];
        m[0] = (byte)type;
        number(m, 1, 2, locate);
        number(m, 5, 6, 34_200_000_000_000L);
        return m;
    }

    private static void number(final byte[] m, final int offset, final int length, final long value)
    {
        for (int i = 0; i < length; i++)
        {
            m[offset + i] = (byte)(value >>> (8 * (length - 1 - i)));
        }
    }

    private static void alpha(final byte[] m, final int offset, final int length, final String value)
    {
        final byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < length; i++)
        {
            m[offset + i] = i < bytes.length ? bytes[i] : (byte)' ';
        }
    }
}
