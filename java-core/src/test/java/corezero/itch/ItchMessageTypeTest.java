package corezero.itch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItchMessageTypeTest
{
    /** Type letters and lengths as the specification's tables add up (last offset + its length). */
    private static final String TYPES = "SRHYLVWKJhAFECXDUPQBINO";
    private static final int[] LENGTHS = {12, 39, 25, 20, 26, 35, 12, 28, 35, 21, 36, 40, 31, 36, 23, 19, 35, 44, 40,
        19, 50, 20, 48};

    @Test
    void everyTypeHasItsSpecLengthAndName()
    {
        final byte[] types = ItchMessageType.types();
        assertEquals(TYPES.length(), types.length);
        for (int i = 0; i < TYPES.length(); i++)
        {
            final byte type = (byte)TYPES.charAt(i);
            assertEquals(type, types[i]);
            assertEquals(LENGTHS[i], ItchMessageType.length(type), "length of " + (char)type);
            assertTrue(ItchMessageType.isKnown(type));
        }
        assertEquals("AddOrder", ItchMessageType.name((byte)'A'));
        assertEquals("OperationalHalt", ItchMessageType.name((byte)'h'));
        assertEquals("DirectListingCapitalRaise", ItchMessageType.name((byte)'O'));
        assertEquals("Noii", ItchMessageType.name((byte)'I'));
    }

    @Test
    void decoderLengthsAgreeWithTheTable()
    {
        assertEquals(12, SystemEventDecoder.LENGTH);
        assertEquals(39, new StockDirectoryDecoder().encodedLength());
        assertEquals(48, new DirectListingCapitalRaiseDecoder().encodedLength());
        assertEquals('O', DirectListingCapitalRaiseDecoder.MESSAGE_TYPE);
        assertEquals(50, NoiiDecoder.LENGTH);
    }

    @Test
    void anyOtherByteIsUnknown()
    {
        for (int b = -128; b < 128; b++)
        {
            if (TYPES.indexOf(b) < 0)
            {
                assertEquals(-1, ItchMessageType.length((byte)b), "byte " + b);
                assertEquals("Unknown", ItchMessageType.name((byte)b));
                assertFalse(ItchMessageType.isKnown((byte)b));
            }
        }
    }

    @Test
    void stockSymbolsPadAndPackIntoOneLong()
    {
        assertEquals(0x4141_504C_2020_2020L, StockSymbol.code("AAPL"));
        assertEquals("AAPL", StockSymbol.fromCode(StockSymbol.code("AAPL")));
        assertEquals("ABCDEFGH", StockSymbol.fromCode(StockSymbol.code("ABCDEFGH")));
        assertThrows(IllegalArgumentException.class, () -> StockSymbol.bytes(""));
        assertThrows(IllegalArgumentException.class, () -> StockSymbol.bytes("ABCDEFGHI"));
        assertThrows(IllegalArgumentException.class, () -> StockSymbol.bytes("A B"));
        assertThrows(IllegalArgumentException.class, () -> StockSymbol.bytes("\u00e9"));
    }
}
