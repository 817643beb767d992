package corezero.itch;

import java.nio.charset.StandardCharsets;

/**
 * Stock symbols as the 8-byte ITCH Stock field holds them: ASCII, right-padded with spaces. A symbol's
 * {@link #code(CharSequence) code} is those 8 bytes read as one big-endian long, which is what
 * {@link ItchStockFlyweight#stockCode()} returns, so a hot-path symbol test is one long comparison.
 * Everything here runs on the control path.
 */
public final class StockSymbol
{
    /** Length of the Stock field. */
    public static final int LENGTH = ItchFlyweight.STOCK_LENGTH;

    private StockSymbol()
    {
    }

    /**
     * @param symbol 1 to 8 printable ASCII characters without spaces.
     * @return the 8 bytes of the field, padded with spaces.
     * @throws IllegalArgumentException if the symbol is empty, too long or not printable ASCII.
     */
    public static byte[] bytes(final CharSequence symbol)
    {
        if (symbol.length() == 0 || symbol.length() > LENGTH)
        {
            throw new IllegalArgumentException("stock symbol must be 1 to 8 characters: \"" + symbol + "\"");
        }

        final byte[] bytes = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++)
        {
            final char c = i < symbol.length() ? symbol.charAt(i) : ' ';
            if (c < ' ' || c > '~' || (c == ' ' && i < symbol.length()))
            {
                throw new IllegalArgumentException("stock symbol must be printable ASCII: \"" + symbol + "\"");
            }
            bytes[i] = (byte)c;
        }

        return bytes;
    }

    /**
     * @param symbol 1 to 8 printable ASCII characters without spaces.
     * @return the symbol's 8 padded bytes as one big-endian long.
     * @throws IllegalArgumentException as {@link #bytes(CharSequence)}.
     */
    public static long code(final CharSequence symbol)
    {
        final byte[] bytes = bytes(symbol);
        long code = 0;
        for (final byte b : bytes)
        {
            code = (code << 8) | (b & 0xFF);
        }

        return code;
    }

    /**
     * @param code 8 bytes of a Stock field as a big-endian long.
     * @return the symbol without its padding.
     */
    public static String fromCode(final long code)
    {
        final byte[] bytes = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++)
        {
            bytes[i] = (byte)(code >>> (8 * (LENGTH - 1 - i)));
        }

        return new String(bytes, StandardCharsets.US_ASCII).stripTrailing();
    }
}
