package corezero.ouch;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static corezero.ouch.OuchTestBytes.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inbound encoders write exactly the bytes of the PROTOCOLS-SUMMARY 2.3 tables, at an offset, and return the
 * encoded length; the inbound decoders read them back.
 */
class OuchInboundEncoderTest
{
    private static final int AT = 5;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final OuchInboundDecoder inboundDecoder = new OuchInboundDecoder();
    private final OuchCapturingHandler handler = new OuchCapturingHandler();

    private void assertEncoded(final OuchTestBytes expected, final OuchEncoder encoder)
    {
        assertEquals(expected.length(), encoder.encodedLength());
        final byte[] actual = new byte[encoder.encodedLength()];
        buffer.getBytes(AT, actual);
        assertArrayEquals(expected.toArray(), actual);
        assertEquals(0, buffer.getByte(AT - 1), "nothing written before the offset");
        assertEquals(OuchDecoder.OK, inboundDecoder.decode(buffer, AT, encoder.encodedLength(), handler));
    }

    @Test
    void enterOrderWithOptions()
    {
        final OuchEnterOrderEncoder encoder = new OuchEnterOrderEncoder().wrap(buffer, AT)
            .userRefNum(0xFFFF_FFFFL).side((byte)'S').quantity(999_999).symbol("ZVZZT").price(2_000_000)
            .timeInForce((byte)'0').display((byte)'Y').capacity((byte)'P').interMarketSweepEligibility((byte)'N')
            .crossType((byte)'N').clOrdId("ORDER-1");
        encoder.appendage().firm("NSDQ").minQty(100).userRefIdx(3);

        final OuchTestBytes expected = message('O').u32(1, 0xFFFF_FFFFL).u8(5, 'S').u32(6, 999_999)
            .alpha(10, 8, "ZVZZT").u64(18, 2_000_000).u8(26, '0').u8(27, 'Y').u8(28, 'P').u8(29, 'N').u8(30, 'N')
            .alpha(31, 14, "ORDER-1").u16(45, 6 + 6 + 3)
            .tagValue(OuchOptionTag.FIRM, OuchTestBytes.ascii("NSDQ", 4))
            .tagValue(OuchOptionTag.MIN_QTY, OuchTestBytes.be(100, 4))
            .tagValue(OuchOptionTag.USER_REF_IDX, (byte)3);
        assertEncoded(expected, encoder);

        final OuchEnterOrderDecoder m = handler.last(OuchEnterOrderDecoder.class);
        assertEquals(0xFFFF_FFFFL, m.userRefNum());
        assertEquals('S', m.side());
        assertEquals(999_999, m.quantity());
        assertEquals("ZVZZT", m.symbolAsString());
        assertEquals(2_000_000, m.price());
        assertEquals('0', m.timeInForce());
        assertEquals('Y', m.display());
        assertEquals('P', m.capacity());
        assertEquals('N', m.interMarketSweepEligibility());
        assertEquals('N', m.crossType());
        assertTrue(m.clOrdIdEquals("ORDER-1"));
        assertEquals(15, m.appendageLength());
    }

    @Test
    void enterOrderWithoutOptionsIs47Bytes()
    {
        final OuchEnterOrderEncoder encoder = new OuchEnterOrderEncoder().wrap(buffer, AT);
        assertEquals(OuchMessageType.ENTER_ORDER_LENGTH, encoder.encodedLength());
        assertEquals(0, buffer.getShort(AT + 45));
    }

    @Test
    void replaceOrder()
    {
        final OuchReplaceOrderEncoder encoder = new OuchReplaceOrderEncoder().wrap(buffer, AT)
            .origUserRefNum(10).userRefNum(11).quantity(500).price(1_500_000).timeInForce((byte)'3')
            .display((byte)'N').interMarketSweepEligibility((byte)'Y').clOrdId("REPLACEMENT-ID");
        encoder.appendage().sharesLocated((byte)'Y').locateBroker("GS");

        final OuchTestBytes expected = message('U').u32(1, 10).u32(5, 11).u32(9, 500).u64(13, 1_500_000)
            .u8(21, '3').u8(22, 'N').u8(23, 'Y').alpha(24, 14, "REPLACEMENT-ID").u16(38, 3 + 6)
            .tagValue(OuchOptionTag.SHARES_LOCATED, (byte)'Y')
            .tagValue(OuchOptionTag.LOCATE_BROKER, OuchTestBytes.ascii("GS", 4));
        assertEncoded(expected, encoder);

        final OuchReplaceOrderDecoder m = handler.last(OuchReplaceOrderDecoder.class);
        assertEquals(10, m.origUserRefNum());
        assertEquals(11, m.userRefNum());
        assertEquals(500, m.quantity());
        assertEquals(1_500_000, m.price());
        assertEquals('3', m.timeInForce());
        assertEquals('N', m.display());
        assertEquals('Y', m.interMarketSweepEligibility());
        assertEquals("REPLACEMENT-ID", m.clOrdIdAsString());
    }

    @Test
    void cancelOrderWithoutAndWithAppendage()
    {
        final OuchCancelOrderEncoder encoder = new OuchCancelOrderEncoder().wrap(buffer, AT).userRefNum(7).quantity(0);
        assertEncoded(message('X').u32(1, 7).u32(5, 0), encoder);
        assertEquals(9, encoder.encodedLength());
        assertFalse(handler.last(OuchCancelOrderDecoder.class).hasAppendage());

        encoder.appendage().userRefIdx(255);
        assertEncoded(message('X').u32(1, 7).u32(5, 0).u16(9, 3).tagValue(OuchOptionTag.USER_REF_IDX, (byte)255),
            encoder);
        final OuchCancelOrderDecoder m = handler.last(OuchCancelOrderDecoder.class);
        assertEquals(7, m.userRefNum());
        assertEquals(0, m.quantity());
        assertTrue(m.hasAppendage());
    }

    @Test
    void modifyOrder()
    {
        final OuchModifyOrderEncoder encoder = new OuchModifyOrderEncoder().wrap(buffer, AT)
            .userRefNum(8).side((byte)'T').quantity(300);
        assertEncoded(message('M').u32(1, 8).u8(5, 'T').u32(6, 300), encoder);
        final OuchModifyOrderDecoder m = handler.last(OuchModifyOrderDecoder.class);
        assertEquals(8, m.userRefNum());
        assertEquals('T', m.side());
        assertEquals(300, m.quantity());
    }

    @Test
    void accountQueryRequestIsOneByteOrThreePlusAppendage()
    {
        final OuchAccountQueryRequestEncoder encoder = new OuchAccountQueryRequestEncoder().wrap(buffer, AT);
        assertEncoded(message('Q'), encoder);
        assertEquals(1, encoder.encodedLength());
        assertEquals("AccountQueryRequest", handler.callback);

        encoder.appendage();
        assertEncoded(message('Q').u16(1, 0), encoder);
    }

    @Test
    void massCancelAndOrderEntryRequests()
    {
        final OuchMassCancelEncoder mass = new OuchMassCancelEncoder().wrap(buffer, AT)
            .userRefNum(20).firm("FRM").symbol("");
        mass.appendage().side((byte)'B').groupId(0xBEEF);
        assertEncoded(message('C').u32(1, 20).alpha(5, 4, "FRM").alpha(9, 8, "").u16(17, 3 + 4)
            .tagValue(OuchOptionTag.SIDE, (byte)'B').tagValue(OuchOptionTag.GROUP_ID, OuchTestBytes.be(0xBEEF, 2)),
            mass);

        final OuchDisableOrderEntryEncoder disable = new OuchDisableOrderEntryEncoder().wrap(buffer, AT)
            .userRefNum(21).firm("FRM");
        assertEncoded(message('D').u32(1, 21).alpha(5, 4, "FRM").u16(9, 0), disable);

        final OuchEnableOrderEntryEncoder enable = new OuchEnableOrderEntryEncoder().wrap(buffer, AT)
            .userRefNum(22).firm("FRM");
        assertEncoded(message('E').u32(1, 22).alpha(5, 4, "FRM").u16(9, 0), enable);
        assertEquals(22, handler.last(OuchEnableOrderEntryDecoder.class).userRefNum());
    }

    @Test
    void alphaFieldsArePaddedAndTruncated()
    {
        new OuchEnterOrderEncoder().wrap(buffer, AT).symbol("TOOLONGSYMBOL").clOrdId("");
        final byte[] symbol = new byte[8];
        buffer.getBytes(AT + 10, symbol);
        assertArrayEquals(OuchTestBytes.ascii("TOOLONGS", 8), symbol);
        final byte[] clOrdId = new byte[14];
        buffer.getBytes(AT + 31, clOrdId);
        final byte[] spaces = new byte[14];
        Arrays.fill(spaces, (byte)' ');
        assertArrayEquals(spaces, clOrdId);
    }

    @Test
    void outboundEncoderRoundTripsThroughOuchDecoder()
    {
        final OuchExecutedEncoder encoder = new OuchExecutedEncoder().wrap(buffer, AT).timestampNs(1L << 40)
            .userRefNum(3).quantity(100).price(-1).liquidityFlag((byte)'R').matchNumber(Long.MAX_VALUE);
        encoder.appendage().userRefIdx(1);
        final OuchDecoder decoder = new OuchDecoder();
        assertEquals(OuchDecoder.OK, decoder.decode(buffer, AT, encoder.encodedLength(), handler));
        final OuchExecutedDecoder m = handler.last(OuchExecutedDecoder.class);
        assertEquals(1L << 40, m.timestampNs());
        assertEquals(-1, m.price());
        assertEquals(Long.MAX_VALUE, m.matchNumber());
        assertEquals(39, m.length());
    }

    @Test
    void systemEventHasNoAppendage()
    {
        final OuchSystemEventEncoder encoder = new OuchSystemEventEncoder().wrap(buffer, AT);
        assertEquals(10, encoder.encodedLength());
        assertThrows(IllegalStateException.class, encoder::appendage);
    }
}
