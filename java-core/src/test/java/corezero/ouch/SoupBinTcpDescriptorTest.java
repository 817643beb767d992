package corezero.ouch;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static corezero.ouch.SoupBinTcpDescriptor.NOT_A_NUMBER;
import static corezero.ouch.SoupBinTcpDescriptor.encodeLoginAccepted;
import static corezero.ouch.SoupBinTcpDescriptor.encodeLoginRequest;
import static corezero.ouch.SoupBinTcpDescriptor.packetLengthField;
import static corezero.ouch.SoupBinTcpDescriptor.packetType;
import static corezero.ouch.SoupBinTcpDescriptor.parseNumber;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Packet layouts against the offsets and sizes of the SoupBinTCP 4.00 and 4.10 specs.
 */
class SoupBinTcpDescriptorTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);

    @Test
    void loginRequestOf400Is49BytesWithFieldsAtTheSpecOffsets()
    {
        final byte[] blank = ascii("          ");
        assertEquals(49, encodeLoginRequest(buffer, 0, ascii("ab"), ascii("pw"), blank, 1234567, -1));
        assertEquals(47, packetLengthField(buffer, 0));
        assertEquals('L', packetType(buffer, 0));
        assertEquals("ab    ", text(3, 6));
        assertEquals("pw        ", text(9, 10));
        assertEquals("          ", text(19, 10));
        assertEquals("             1234567", text(29, 20));
    }

    @Test
    void loginRequestOf410Is54BytesEndingInTheHeartbeatTimeout()
    {
        assertEquals(54, encodeLoginRequest(
            buffer, 0, ascii("toolonguser"), ascii("password12345"), ascii("     SESS9"), 0, 99_999));
        assertEquals(52, packetLengthField(buffer, 0));
        assertEquals("toolon", text(3, 6));
        assertEquals("password12", text(9, 10));
        assertEquals("     SESS9", text(19, 10));
        assertEquals("                   0", text(29, 20));
        assertEquals("99999", text(49, 5));
    }

    @Test
    void loginAcceptedIs33BytesWithALeftPaddedSession()
    {
        assertEquals(33, encodeLoginAccepted(buffer, 0, ascii("S1"), Long.MAX_VALUE));
        assertArrayEquals(new byte[]{0, 31, 'A'}, bytes(0, 3));
        assertEquals("        S1", text(3, 10));
        assertEquals(" 9223372036854775807", text(13, 20));
        assertEquals(Long.MAX_VALUE, parseNumber(buffer, 13, 20));
    }

    @Test
    void parsesPaddedNumbersAndRejectsTheRest()
    {
        assertEquals(42, parse("                  42"));
        assertEquals(42, parse("42                  "));
        assertEquals(7, parse("   7   "));
        assertEquals(0, parse("00000000000000000000"));
        assertEquals(NOT_A_NUMBER, parse("                    "));
        assertEquals(NOT_A_NUMBER, parse("  4 2 "));
        assertEquals(NOT_A_NUMBER, parse(" -1 "));
        assertEquals(NOT_A_NUMBER, parse("12a"));
        assertEquals(NOT_A_NUMBER, parse("99999999999999999999"));
    }

    private long parse(final String field)
    {
        buffer.putStringWithoutLengthAscii(0, field);
        return parseNumber(buffer, 0, field.length());
    }

    private String text(final int offset, final int length)
    {
        return new String(bytes(offset, length), StandardCharsets.US_ASCII);
    }

    private byte[] bytes(final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
