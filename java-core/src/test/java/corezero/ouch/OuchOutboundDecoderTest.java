package corezero.ouch;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static corezero.ouch.OuchTestBytes.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every outbound message built byte by byte from the PROTOCOLS-SUMMARY 2.4 tables, decoded through
 * {@link OuchDecoder}, and read back field by field.
 */
class OuchOutboundDecoderTest
{
    private static final int AT = 7;
    private static final long TIMESTAMP_NS = 0x0000_3A2B_1C0D_0E0FL;
    private static final long USER_REF_NUM = 0xFFFF_FFFEL;
    private static final long PRICE = 1_999_999_990L;
    private static final long ORDER_REF = 0x8000_0000_0000_0001L;

    private final OuchDecoder decoder = new OuchDecoder();
    private OuchCapturingHandler handler;

    @BeforeEach
    void setUp()
    {
        handler = new OuchCapturingHandler();
    }

    private <T extends OuchFlyweight> T decode(final OuchTestBytes bytes, final String callback, final Class<T> type)
    {
        final UnsafeBuffer buffer = bytes.inBuffer(AT);
        assertEquals(OuchDecoder.OK, decoder.decode(buffer, AT, bytes.length(), handler));
        assertEquals(callback, handler.callback);
        final T flyweight = handler.last(type);
        assertEquals(AT, flyweight.offset());
        assertEquals(bytes.length(), flyweight.length());
        return flyweight;
    }

    @Test
    void systemEvent()
    {
        final OuchTestBytes bytes = message('S').u64(1, TIMESTAMP_NS).u8(9, 'E');
        assertEquals(OuchMessageType.SYSTEM_EVENT_LENGTH, bytes.length());

        final OuchSystemEventDecoder m = decode(bytes, "SystemEvent", OuchSystemEventDecoder.class);
        assertEquals('S', m.messageType());
        assertEquals(TIMESTAMP_NS, m.timestampNs());
        assertEquals('E', m.eventCode());
        assertFalse(m.hasAppendage());
    }

    @Test
    void orderAccepted()
    {
        final OuchTestBytes bytes = message('A').u64(1, TIMESTAMP_NS).u32(9, USER_REF_NUM).u8(13, 'T')
            .u32(14, 999_999).alpha(18, 8, "AAPL").u64(26, PRICE).u8(34, '0').u8(35, 'Y').u64(36, ORDER_REF)
            .u8(44, 'A').u8(45, 'N').u8(46, 'N').u8(47, 'L').alpha(48, 14, "CL-ORD 1").u16(62, 6)
            .tagValue(OuchOptionTag.FIRM, OuchTestBytes.ascii("ABCD", 4));
        assertEquals(64 + 6, bytes.length());

        final OuchAcceptedDecoder m = decode(bytes, "Accepted", OuchAcceptedDecoder.class);
        assertEquals(TIMESTAMP_NS, m.timestampNs());
        assertEquals(USER_REF_NUM, m.userRefNum());
        assertEquals('T', m.side());
        assertEquals(999_999, m.quantity());
        assertTrue(m.symbolEquals("AAPL"));
        assertTrue(m.symbolEquals("AAPL    "));
        assertFalse(m.symbolEquals("AAP"));
        assertEquals("AAPL", m.symbolAsString());
        final byte[] symbol = new byte[8];
        assertEquals(8, m.getSymbol(symbol));
        assertEquals("AAPL    ", new String(symbol, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(PRICE, m.price());
        assertEquals('0', m.timeInForce());
        assertEquals('Y', m.display());
        assertEquals(ORDER_REF, m.orderReferenceNumber());
        assertEquals('A', m.capacity());
        assertEquals('N', m.interMarketSweepEligibility());
        assertEquals('N', m.crossType());
        assertEquals('L', m.orderState());
        assertEquals("CL-ORD 1", m.clOrdIdAsString());
        assertTrue(m.clOrdIdEquals("CL-ORD 1"));
        assertEquals(6, m.appendageLength());

        final OuchAppendageReader options = m.appendage();
        assertTrue(options.next());
        assertEquals(OuchOptionTag.FIRM, options.tag());
        assertTrue(options.alphaEquals("ABCD"));
        assertFalse(options.next());
        assertFalse(options.isMalformed());
    }

    @Test
    void orderReplaced()
    {
        final OuchTestBytes bytes = message('U').u64(1, TIMESTAMP_NS).u32(9, 41).u32(13, 42).u8(17, 'B')
            .u32(18, 400).alpha(22, 8, "MSFT").u64(30, 3_215_000).u8(38, '3').u8(39, 'N').u64(40, 77)
            .u8(48, 'P').u8(49, 'Y').u8(50, 'O').u8(51, 'D').alpha(52, 14, "REPL").u16(66, 0);
        assertEquals(OuchMessageType.ORDER_REPLACED_LENGTH, bytes.length());

        final OuchReplacedDecoder m = decode(bytes, "Replaced", OuchReplacedDecoder.class);
        assertEquals(TIMESTAMP_NS, m.timestampNs());
        assertEquals(41, m.origUserRefNum());
        assertEquals(42, m.userRefNum());
        assertEquals('B', m.side());
        assertEquals(400, m.quantity());
        assertEquals("MSFT", m.symbolAsString());
        assertEquals(3_215_000, m.price());
        assertEquals('3', m.timeInForce());
        assertEquals('N', m.display());
        assertEquals(77, m.orderReferenceNumber());
        assertEquals('P', m.capacity());
        assertEquals('Y', m.interMarketSweepEligibility());
        assertEquals('O', m.crossType());
        assertEquals('D', m.orderState());
        assertEquals("REPL", m.clOrdIdAsString());
        assertTrue(m.hasAppendage());
        assertEquals(0, m.appendageLength());
        assertFalse(m.appendage().next());
    }

    @Test
    void orderCanceledWithAndWithoutAppendage()
    {
        final OuchTestBytes plain = message('C').u64(1, TIMESTAMP_NS).u32(9, USER_REF_NUM).u32(13, 100).u8(17, 'U');
        assertEquals(18, plain.length());
        OuchCanceledDecoder m = decode(plain, "Canceled", OuchCanceledDecoder.class);
        assertEquals(TIMESTAMP_NS, m.timestampNs());
        assertEquals(USER_REF_NUM, m.userRefNum());
        assertEquals(100, m.quantity());
        assertEquals('U', m.reason());
        assertFalse(m.hasAppendage());
        assertEquals(0, m.appendageLength());
        assertFalse(m.appendage().next());

        final OuchTestBytes withIdx = message('C').u64(1, TIMESTAMP_NS).u32(9, 5).u32(13, 1).u8(17, 'I')
            .u16(18, 3).tagValue(OuchOptionTag.USER_REF_IDX, (byte)200);
        m = decode(withIdx, "Canceled", OuchCanceledDecoder.class);
        assertEquals('I', m.reason());
        assertTrue(m.hasAppendage());
        final OuchAppendageReader options = m.appendage();
        assertTrue(options.next());
        assertEquals(OuchOptionTag.USER_REF_IDX, options.tag());
        assertEquals(200, options.byteValue() & 0xFF);
    }

    @Test
    void aiqCanceled()
    {
        final OuchTestBytes bytes = message('D').u64(1, TIMESTAMP_NS).u32(9, 9).u32(13, 300).u8(17, 'Q')
            .u32(18, 250).u64(22, 1_000_100).u8(30, 'R').u8(31, 'Y');
        assertEquals(32, bytes.length());

        final OuchAiqCanceledDecoder m = decode(bytes, "AiqCanceled", OuchAiqCanceledDecoder.class);
        assertEquals(TIMESTAMP_NS, m.timestampNs());
        assertEquals(9, m.userRefNum());
        assertEquals(300, m.decrementShares());
        assertEquals('Q', m.reason());
        assertEquals(250, m.quantityPreventedFromTrading());
        assertEquals(1_000_100, m.executionPrice());
        assertEquals('R', m.liquidityFlag());
        assertEquals('Y', m.aiqStrategy());
    }

    @Test
    void orderExecuted()
    {
        final OuchTestBytes bytes = message('E').u64(1, TIMESTAMP_NS).u32(9, USER_REF_NUM).u32(13, 100)
            .u64(17, PRICE).u8(25, 'A').u64(26, ORDER_REF).u16(34, 0);
        assertEquals(OuchMessageType.ORDER_EXECUTED_LENGTH, bytes.length());

        final OuchExecutedDecoder m = decode(bytes, "Executed", OuchExecutedDecoder.class);
        assertEquals(TIMESTAMP_NS, m.timestampNs());
        assertEquals(USER_REF_NUM, m.userRefNum());
        assertEquals(100, m.quantity());
        assertEquals(PRICE, m.price());
        assertEquals('A', m.liquidityFlag());
        assertEquals(ORDER_REF, m.matchNumber());
    }

    @Test
    void brokenTrade()
    {
        final OuchTestBytes bytes = message('B').u64(1, TIMESTAMP_NS).u32(9, 3).u64(13, 123_456_789L)
            .u8(21, 'S').alpha(22, 14, "ABCDEFGHIJKLMN");
        assertEquals(36, bytes.length());

        final OuchBrokenTradeDecoder m = decode(bytes, "BrokenTrade", OuchBrokenTradeDecoder.class);
        assertEquals(3, m.userRefNum());
        assertEquals(123_456_789L, m.matchNumber());
        assertEquals('S', m.reason());
        assertEquals("ABCDEFGHIJKLMN", m.clOrdIdAsString());
    }

    @Test
    void rejected()
    {
        final OuchTestBytes bytes = message('J').u64(1, TIMESTAMP_NS).u32(9, 12).u16(13, 0x0033)
            .alpha(15, 14, "X");
        assertEquals(29, bytes.length());

        final OuchRejectedDecoder m = decode(bytes, "Rejected", OuchRejectedDecoder.class);
        assertEquals(12, m.userRefNum());
        assertEquals(0x0033, m.reason());
        assertEquals("X", m.clOrdIdAsString());
    }

    @Test
    void cancelPendingAndCancelReject()
    {
        final OuchCancelPendingDecoder pending = decode(
            message('P').u64(1, TIMESTAMP_NS).u32(9, 44), "CancelPending", OuchCancelPendingDecoder.class);
        assertEquals(TIMESTAMP_NS, pending.timestampNs());
        assertEquals(44, pending.userRefNum());

        final OuchCancelRejectDecoder reject = decode(
            message('I').u64(1, TIMESTAMP_NS).u32(9, 45), "CancelReject", OuchCancelRejectDecoder.class);
        assertEquals(TIMESTAMP_NS, reject.timestampNs());
        assertEquals(45, reject.userRefNum());
    }

    @Test
    void orderPriorityUpdate()
    {
        final OuchTestBytes bytes = message('T').u64(1, TIMESTAMP_NS).u32(9, 8).u64(13, 500_000).u8(21, 'Y')
            .u64(22, 99);
        assertEquals(30, bytes.length());

        final OuchPriorityUpdateDecoder m = decode(bytes, "PriorityUpdate", OuchPriorityUpdateDecoder.class);
        assertEquals(8, m.userRefNum());
        assertEquals(500_000, m.price());
        assertEquals('Y', m.display());
        assertEquals(99, m.orderReferenceNumber());
    }

    @Test
    void orderModified()
    {
        final OuchTestBytes bytes = message('M').u64(1, TIMESTAMP_NS).u32(9, 8).u8(13, 'E').u32(14, 700);
        assertEquals(18, bytes.length());

        final OuchModifiedDecoder m = decode(bytes, "Modified", OuchModifiedDecoder.class);
        assertEquals(8, m.userRefNum());
        assertEquals('E', m.side());
        assertEquals(700, m.quantity());
    }

    @Test
    void orderRestatedWithDisplayOptions()
    {
        final OuchTestBytes bytes = message('R').u64(1, TIMESTAMP_NS).u32(9, 8).u8(13, 'P').u16(14, 16)
            .tagValue(OuchOptionTag.DISPLAY_QUANTITY, OuchTestBytes.be(300, 4))
            .tagValue(OuchOptionTag.DISPLAY_PRICE, OuchTestBytes.be(1_234_500, 8));
        assertEquals(16 + 16, bytes.length());

        final OuchRestatedDecoder m = decode(bytes, "Restated", OuchRestatedDecoder.class);
        assertEquals(8, m.userRefNum());
        assertEquals('P', m.reason());
        final OuchAppendageReader options = m.appendage();
        assertTrue(options.next());
        assertEquals(OuchOptionTag.DISPLAY_QUANTITY, options.tag());
        assertEquals(300, options.u32Value());
        assertTrue(options.next());
        assertEquals(OuchOptionTag.DISPLAY_PRICE, options.tag());
        assertEquals(1_234_500, options.int64Value());
        assertFalse(options.next());
    }

    @Test
    void massCancelAndOrderEntryResponses()
    {
        final OuchMassCancelResponseDecoder mass = decode(
            message('X').u64(1, TIMESTAMP_NS).u32(9, 60).alpha(13, 4, "FIRM").alpha(17, 8, "").u16(25, 0),
            "MassCancelResponse", OuchMassCancelResponseDecoder.class);
        assertEquals(60, mass.userRefNum());
        assertTrue(mass.firmEquals("FIRM"));
        assertTrue(mass.symbolEquals(""));

        final OuchDisableOrderEntryResponseDecoder disable = decode(
            message('G').u64(1, TIMESTAMP_NS).u32(9, 61).alpha(13, 4, "AB").u16(17, 0),
            "DisableOrderEntryResponse", OuchDisableOrderEntryResponseDecoder.class);
        assertEquals(61, disable.userRefNum());
        assertEquals("AB", disable.firmAsString());

        final OuchEnableOrderEntryResponseDecoder enable = decode(
            message('K').u64(1, TIMESTAMP_NS).u32(9, 62).alpha(13, 4, "AB").u16(17, 0),
            "EnableOrderEntryResponse", OuchEnableOrderEntryResponseDecoder.class);
        assertEquals(62, enable.userRefNum());
    }

    @Test
    void accountQueryResponse()
    {
        final OuchAccountQueryResponseDecoder m = decode(
            message('Q').u64(1, TIMESTAMP_NS).u32(9, USER_REF_NUM), "AccountQueryResponse",
            OuchAccountQueryResponseDecoder.class);
        assertEquals(TIMESTAMP_NS, m.timestampNs());
        assertEquals(USER_REF_NUM, m.nextUserRefNum());
        assertEquals(1, decoder.decoded());
    }
}
