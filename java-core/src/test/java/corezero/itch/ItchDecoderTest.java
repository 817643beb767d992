package corezero.itch;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every ITCH 5.0 message type built byte by byte from the specification's tables (offsets and lengths typed in
 * from the spec, not taken from the decoders), decoded through {@link ItchDecoder}, every field checked. Values
 * use the top bit of each field where it is unsigned, to catch sign extension.
 */
class ItchDecoderTest
{
    private static final int LOCATE = 0xFFFE;
    private static final int TRACKING = 0x8001;
    private static final long TIMESTAMP = 0xFEDC_BA98_7654L;
    private static final long U32_HIGH = 0xFFFF_FFF0L;
    private static final long PRICE_HIGH = 0x9000_0001L;
    private static final long U64 = 0x0123_4567_89AB_CDEFL;
    private static final long U64_HIGH = 0x8000_0000_0000_0001L;

    private final ItchDecoder decoder = new ItchDecoder();
    private final RecordingHandler handler = new RecordingHandler();

    private <T extends ItchFlyweight> T decode(final MessageBytes message, final Class<T> type, final String method)
    {
        final int result = decoder.decode(message.buffer, MessageBytes.OFFSET, message.length, handler);
        assertEquals(ItchDecoder.OK, result);
        assertEquals(method, handler.lastMethod);
        final T decoded = assertInstanceOf(type, handler.lastMessage);
        assertSame(message.buffer, decoded.buffer());
        assertEquals(MessageBytes.OFFSET, decoded.offset());
        assertEquals(message.length, decoded.encodedLength());
        assertEquals(message.buffer.getByte(MessageBytes.OFFSET), decoded.messageType());
        assertEquals(LOCATE, decoded.stockLocate());
        assertEquals(TRACKING, decoded.trackingNumber());
        assertEquals(TIMESTAMP, decoded.timestampNs());

        return decoded;
    }

    private static MessageBytes message(final char type, final int length)
    {
        return new MessageBytes(type, length).header(LOCATE, TRACKING, TIMESTAMP);
    }

    @Test
    void systemEvent()
    {
        final SystemEventDecoder m = decode(message('S', 12).character(11, 'Q'),
            SystemEventDecoder.class, "onSystemEvent");
        assertEquals('Q', m.eventCode());
    }

    @Test
    void stockDirectory()
    {
        final MessageBytes bytes = message('R', 39)
            .alpha(11, 8, "BRK.A")
            .character(19, 'N')
            .character(20, ' ')
            .number(21, 4, U32_HIGH)
            .character(25, 'Y')
            .character(26, 'C')
            .alpha(27, 2, "Z")
            .character(29, 'P')
            .character(30, 'N')
            .character(31, 'Y')
            .character(32, '1')
            .character(33, 'Y')
            .number(34, 4, 3)
            .character(38, 'Y');
        final StockDirectoryDecoder m = decode(bytes, StockDirectoryDecoder.class, "onStockDirectory");
        assertEquals("BRK.A", m.stockAsString());
        assertTrue(m.stockEquals("BRK.A".getBytes()));
        assertTrue(m.stockEquals("BRK.A   ".getBytes()));
        assertFalse(m.stockEquals("BRK".getBytes()));
        assertEquals(StockSymbol.code("BRK.A"), m.stockCode());
        final byte[] stock = new byte[8];
        assertEquals(8, m.stock(stock));
        assertArrayEquals("BRK.A   ".getBytes(), stock);
        assertEquals('N', m.marketCategory());
        assertEquals(' ', m.financialStatusIndicator());
        assertEquals(U32_HIGH, m.roundLotSize());
        assertEquals('Y', m.roundLotsOnly());
        assertEquals('C', m.issueClassification());
        assertEquals("Z", m.issueSubTypeAsString());
        assertTrue(m.issueSubTypeEquals("Z".getBytes()));
        assertTrue(m.issueSubTypeEquals("Z ".getBytes()));
        final byte[] subType = new byte[2];
        assertEquals(2, m.issueSubType(subType));
        assertArrayEquals("Z ".getBytes(), subType);
        assertEquals('P', m.authenticity());
        assertEquals('N', m.shortSaleThresholdIndicator());
        assertEquals('Y', m.ipoFlag());
        assertEquals('1', m.luldReferencePriceTier());
        assertEquals('Y', m.etpFlag());
        assertEquals(3, m.etpLeverageFactor());
        assertEquals('Y', m.inverseIndicator());
    }

    @Test
    void stockTradingAction()
    {
        final MessageBytes bytes = message('H', 25)
            .alpha(11, 8, "ZVZZT").character(19, 'H').character(20, ' ').alpha(21, 4, "LUDP");
        final StockTradingActionDecoder m = decode(bytes, StockTradingActionDecoder.class, "onStockTradingAction");
        assertEquals("ZVZZT", m.stockAsString());
        assertEquals('H', m.tradingState());
        assertEquals(' ', m.reserved());
        assertEquals("LUDP", m.reasonAsString());
        assertTrue(m.reasonEquals("LUDP".getBytes()));
        final byte[] reason = new byte[4];
        assertEquals(4, m.reason(reason));
        assertArrayEquals("LUDP".getBytes(), reason);
    }

    @Test
    void regShoRestriction()
    {
        final RegShoRestrictionDecoder m = decode(message('Y', 20).alpha(11, 8, "AAPL").character(19, '1'),
            RegShoRestrictionDecoder.class, "onRegShoRestriction");
        assertEquals("AAPL", m.stockAsString());
        assertEquals('1', m.regShoAction());
    }

    @Test
    void marketParticipantPosition()
    {
        final MessageBytes bytes = message('L', 26)
            .alpha(11, 4, "GSCO").alpha(15, 8, "AAPL").character(23, 'Y').character(24, 'P').character(25, 'E');
        final MarketParticipantPositionDecoder m =
            decode(bytes, MarketParticipantPositionDecoder.class, "onMarketParticipantPosition");
        assertEquals("GSCO", m.mpidAsString());
        assertTrue(m.mpidEquals("GSCO".getBytes()));
        assertFalse(m.mpidEquals("GSC".getBytes()));
        assertEquals("AAPL", m.stockAsString());
        assertEquals(15, m.stockOffset());
        assertEquals('Y', m.primaryMarketMaker());
        assertEquals('P', m.marketMakerMode());
        assertEquals('E', m.marketParticipantState());
    }

    @Test
    void mwcbDeclineLevel()
    {
        final MessageBytes bytes = message('V', 35)
            .number(11, 8, 3_070_000_000_000L).number(19, 8, 2_860_000_000_000L).number(27, 8, U64_HIGH);
        final MwcbDeclineLevelDecoder m = decode(bytes, MwcbDeclineLevelDecoder.class, "onMwcbDeclineLevel");
        assertEquals(3_070_000_000_000L, m.level1());
        assertEquals(2_860_000_000_000L, m.level2());
        assertEquals(U64_HIGH, m.level3());
    }

    @Test
    void mwcbStatus()
    {
        final MwcbStatusDecoder m = decode(message('W', 12).character(11, '2'), MwcbStatusDecoder.class, "onMwcbStatus");
        assertEquals('2', m.breachedLevel());
    }

    @Test
    void ipoQuotingPeriodUpdate()
    {
        final MessageBytes bytes = message('K', 28)
            .alpha(11, 8, "NEWCO").number(19, 4, 34_200).character(23, 'A').number(24, 4, PRICE_HIGH);
        final IpoQuotingPeriodUpdateDecoder m =
            decode(bytes, IpoQuotingPeriodUpdateDecoder.class, "onIpoQuotingPeriodUpdate");
        assertEquals("NEWCO", m.stockAsString());
        assertEquals(34_200, m.ipoQuotationReleaseTime());
        assertEquals('A', m.ipoQuotationReleaseQualifier());
        assertEquals(PRICE_HIGH, m.ipoPrice());
    }

    @Test
    void luldAuctionCollar()
    {
        final MessageBytes bytes = message('J', 35)
            .alpha(11, 8, "AAPL")
            .number(19, 4, 3_200_000)
            .number(23, 4, PRICE_HIGH)
            .number(27, 4, 2_900_000)
            .number(31, 4, U32_HIGH);
        final LuldAuctionCollarDecoder m = decode(bytes, LuldAuctionCollarDecoder.class, "onLuldAuctionCollar");
        assertEquals("AAPL", m.stockAsString());
        assertEquals(3_200_000, m.auctionCollarReferencePrice());
        assertEquals(PRICE_HIGH, m.upperAuctionCollarPrice());
        assertEquals(2_900_000, m.lowerAuctionCollarPrice());
        assertEquals(U32_HIGH, m.auctionCollarExtension());
    }

    @Test
    void operationalHalt()
    {
        final MessageBytes bytes = message('h', 21).alpha(11, 8, "AAPL").character(19, 'B').character(20, 'T');
        final OperationalHaltDecoder m = decode(bytes, OperationalHaltDecoder.class, "onOperationalHalt");
        assertEquals("AAPL", m.stockAsString());
        assertEquals('B', m.marketCode());
        assertEquals('T', m.operationalHaltAction());
    }

    @Test
    void addOrder()
    {
        final MessageBytes bytes = message('A', 36)
            .number(11, 8, U64_HIGH).character(19, 'S').number(20, 4, U32_HIGH).alpha(24, 8, "AAPL")
            .number(32, 4, PRICE_HIGH);
        final AddOrderDecoder m = decode(bytes, AddOrderDecoder.class, "onAddOrder");
        assertEquals(U64_HIGH, m.orderReferenceNumber());
        assertEquals('S', m.buySellIndicator());
        assertEquals(U32_HIGH, m.shares());
        assertEquals("AAPL", m.stockAsString());
        assertEquals(StockSymbol.code("AAPL"), m.stockCode());
        assertEquals(24, m.stockOffset());
        assertEquals(PRICE_HIGH, m.price());
    }

    @Test
    void addOrderMpid()
    {
        final MessageBytes bytes = message('F', 40)
            .number(11, 8, U64).character(19, 'B').number(20, 4, 100).alpha(24, 8, "AAPL")
            .number(32, 4, 3_246_600).alpha(36, 4, "NSDQ");
        final AddOrderMpidDecoder m = decode(bytes, AddOrderMpidDecoder.class, "onAddOrderMpid");
        assertEquals(U64, m.orderReferenceNumber());
        assertEquals('B', m.buySellIndicator());
        assertEquals(100, m.shares());
        assertEquals("AAPL", m.stockAsString());
        assertEquals(3_246_600, m.price());
        assertEquals("NSDQ", m.attributionAsString());
        assertTrue(m.attributionEquals("NSDQ".getBytes()));
        final byte[] attribution = new byte[4];
        assertEquals(4, m.attribution(attribution));
        assertArrayEquals("NSDQ".getBytes(), attribution);
    }

    @Test
    void orderExecuted()
    {
        final MessageBytes bytes = message('E', 31).number(11, 8, U64).number(19, 4, U32_HIGH).number(23, 8, U64_HIGH);
        final OrderExecutedDecoder m = decode(bytes, OrderExecutedDecoder.class, "onOrderExecuted");
        assertEquals(U64, m.orderReferenceNumber());
        assertEquals(U32_HIGH, m.executedShares());
        assertEquals(U64_HIGH, m.matchNumber());
    }

    @Test
    void orderExecutedWithPrice()
    {
        final MessageBytes bytes = message('C', 36)
            .number(11, 8, U64).number(19, 4, 7).number(23, 8, U64_HIGH).character(31, 'N').number(32, 4, PRICE_HIGH);
        final OrderExecutedWithPriceDecoder m =
            decode(bytes, OrderExecutedWithPriceDecoder.class, "onOrderExecutedWithPrice");
        assertEquals(U64, m.orderReferenceNumber());
        assertEquals(7, m.executedShares());
        assertEquals(U64_HIGH, m.matchNumber());
        assertEquals('N', m.printable());
        assertEquals(PRICE_HIGH, m.executionPrice());
    }

    @Test
    void orderCancel()
    {
        final OrderCancelDecoder m = decode(message('X', 23).number(11, 8, U64).number(19, 4, U32_HIGH),
            OrderCancelDecoder.class, "onOrderCancel");
        assertEquals(U64, m.orderReferenceNumber());
        assertEquals(U32_HIGH, m.cancelledShares());
    }

    @Test
    void orderDelete()
    {
        final OrderDeleteDecoder m = decode(message('D', 19).number(11, 8, U64_HIGH),
            OrderDeleteDecoder.class, "onOrderDelete");
        assertEquals(U64_HIGH, m.orderReferenceNumber());
    }

    @Test
    void orderReplace()
    {
        final MessageBytes bytes = message('U', 35)
            .number(11, 8, U64).number(19, 8, U64_HIGH).number(27, 4, U32_HIGH).number(31, 4, PRICE_HIGH);
        final OrderReplaceDecoder m = decode(bytes, OrderReplaceDecoder.class, "onOrderReplace");
        assertEquals(U64, m.originalOrderReferenceNumber());
        assertEquals(U64_HIGH, m.newOrderReferenceNumber());
        assertEquals(U32_HIGH, m.shares());
        assertEquals(PRICE_HIGH, m.price());
    }

    @Test
    void trade()
    {
        final MessageBytes bytes = message('P', 44)
            .number(11, 8, 0).character(19, 'B').number(20, 4, U32_HIGH).alpha(24, 8, "AAPL")
            .number(32, 4, PRICE_HIGH).number(36, 8, U64_HIGH);
        final TradeDecoder m = decode(bytes, TradeDecoder.class, "onTrade");
        assertEquals(0, m.orderReferenceNumber());
        assertEquals('B', m.buySellIndicator());
        assertEquals(U32_HIGH, m.shares());
        assertEquals("AAPL", m.stockAsString());
        assertEquals(PRICE_HIGH, m.price());
        assertEquals(U64_HIGH, m.matchNumber());
    }

    @Test
    void crossTrade()
    {
        final MessageBytes bytes = message('Q', 40)
            .number(11, 8, U64_HIGH).alpha(19, 8, "AAPL").number(27, 4, PRICE_HIGH).number(31, 8, U64)
            .character(39, 'C');
        final CrossTradeDecoder m = decode(bytes, CrossTradeDecoder.class, "onCrossTrade");
        assertEquals(U64_HIGH, m.shares());
        assertEquals("AAPL", m.stockAsString());
        assertEquals(19, m.stockOffset());
        assertEquals(PRICE_HIGH, m.crossPrice());
        assertEquals(U64, m.matchNumber());
        assertEquals('C', m.crossType());
    }

    @Test
    void brokenTrade()
    {
        final BrokenTradeDecoder m = decode(message('B', 19).number(11, 8, U64),
            BrokenTradeDecoder.class, "onBrokenTrade");
        assertEquals(U64, m.matchNumber());
    }

    @Test
    void noii()
    {
        final MessageBytes bytes = message('I', 50)
            .number(11, 8, U64)
            .number(19, 8, U64_HIGH)
            .character(27, 'P')
            .alpha(28, 8, "AAPL")
            .number(36, 4, 1)
            .number(40, 4, PRICE_HIGH)
            .number(44, 4, U32_HIGH)
            .character(48, 'A')
            .character(49, 'L');
        final NoiiDecoder m = decode(bytes, NoiiDecoder.class, "onNoii");
        assertEquals(U64, m.pairedShares());
        assertEquals(U64_HIGH, m.imbalanceShares());
        assertEquals('P', m.imbalanceDirection());
        assertEquals("AAPL", m.stockAsString());
        assertEquals(28, m.stockOffset());
        assertEquals(1, m.farPrice());
        assertEquals(PRICE_HIGH, m.nearPrice());
        assertEquals(U32_HIGH, m.currentReferencePrice());
        assertEquals('A', m.crossType());
        assertEquals('L', m.priceVariationIndicator());
    }

    @Test
    void rpii()
    {
        final RpiiDecoder m = decode(message('N', 20).alpha(11, 8, "AAPL").character(19, 'A'),
            RpiiDecoder.class, "onRpii");
        assertEquals("AAPL", m.stockAsString());
        assertEquals('A', m.interestFlag());
    }

    @Test
    void directListingCapitalRaise()
    {
        final MessageBytes bytes = message('O', 48)
            .alpha(11, 8, "DLCR")
            .character(19, 'Y')
            .number(20, 4, 80_000)
            .number(24, 4, PRICE_HIGH)
            .number(28, 4, 100_000)
            .number(32, 8, 34_200_000_000_000L)
            .number(40, 4, 90_000)
            .number(44, 4, U32_HIGH);
        final DirectListingCapitalRaiseDecoder m =
            decode(bytes, DirectListingCapitalRaiseDecoder.class, "onDirectListingCapitalRaise");
        assertEquals("DLCR", m.stockAsString());
        assertEquals('Y', m.openEligibilityStatus());
        assertEquals(80_000, m.minimumAllowablePrice());
        assertEquals(PRICE_HIGH, m.maximumAllowablePrice());
        assertEquals(100_000, m.nearExecutionPrice());
        assertEquals(34_200_000_000_000L, m.nearExecutionTime());
        assertEquals(90_000, m.lowerPriceRangeCollar());
        assertEquals(U32_HIGH, m.upperPriceRangeCollar());
    }

    @Test
    void everyTypeIsRejectedOneByteShortAndOneByteLong()
    {
        for (final byte type : ItchMessageType.types())
        {
            final int length = ItchMessageType.length(type);
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[length + 1]);
            buffer.putByte(0, type);
            assertEquals(ItchDecoder.BAD_LENGTH, decoder.decode(buffer, 0, length - 1, handler), "short " + type);
            assertEquals(ItchDecoder.BAD_LENGTH, decoder.decode(buffer, 0, length + 1, handler), "long " + type);
            assertEquals(ItchDecoder.BAD_LENGTH, decoder.decode(buffer, 0, 1, handler), "type byte only " + type);
            assertEquals(ItchDecoder.OK, decoder.decode(buffer, 0, length, handler), "exact " + type);
        }
        assertEquals(23, handler.calls);
        assertEquals(23 * 3, decoder.badLengths());
        assertEquals(23, decoder.decoded());
    }

    @Test
    void unknownTypesAreRejected()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        for (final char type : new char[] {'Z', 'a', 'G', 'T', 'M', '0', ' '})
        {
            buffer.putByte(0, (byte)type);
            assertEquals(ItchDecoder.UNKNOWN_TYPE, decoder.decode(buffer, 0, 36, handler), "type " + type);
        }
        for (final int type : new int[] {0, 0x7F, 0x80, 0xFF})
        {
            buffer.putByte(0, (byte)type);
            assertEquals(ItchDecoder.UNKNOWN_TYPE, decoder.decode(buffer, 0, 12, handler), "type " + type);
        }
        assertNull(handler.lastMethod);
        assertEquals(11, decoder.unknownTypes());
    }

    @Test
    void emptyAndOutOfBoundsMessagesAreRejectedWithoutThrowing()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[40]);
        buffer.putByte(5, (byte)'A');
        assertEquals(ItchDecoder.EMPTY, decoder.decode(buffer, 5, 0, handler));
        assertEquals(ItchDecoder.BAD_LENGTH, decoder.decode(buffer, 5, 36, handler), "runs past the buffer");
        assertEquals(ItchDecoder.BAD_LENGTH, decoder.decode(buffer, 5, -1, handler));
        assertEquals(ItchDecoder.BAD_LENGTH, decoder.decode(buffer, -1, 36, handler));
        assertEquals(ItchDecoder.BAD_LENGTH, decoder.decode(buffer, 40, 1, handler));
        assertEquals(ItchDecoder.BAD_LENGTH, decoder.decode(buffer, Integer.MAX_VALUE, Integer.MAX_VALUE, handler));
        assertEquals(1, decoder.empties());
        assertEquals(5, decoder.badLengths());
        assertNull(handler.lastMethod);
    }

    @Test
    void flyweightRewrapsWithoutCopying()
    {
        final MessageBytes first = message('D', 19).number(11, 8, 1);
        final MessageBytes second = message('D', 19).number(11, 8, 2);
        final OrderDeleteDecoder a = decode(first, OrderDeleteDecoder.class, "onOrderDelete");
        final OrderDeleteDecoder b = decode(second, OrderDeleteDecoder.class, "onOrderDelete");
        assertSame(a, b, "one pre-allocated flyweight per type");
        assertEquals(2, b.orderReferenceNumber());
        second.number(11, 8, 3);
        assertEquals(3, b.orderReferenceNumber(), "reads through to the buffer");
    }
}
