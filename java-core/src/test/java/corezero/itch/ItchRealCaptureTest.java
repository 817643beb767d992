package corezero.itch;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real AAPL capture of 30 January 2020, decoded in place from the shared folder.
 */
class ItchRealCaptureTest
{
    @Test
    void decodesEveryMessageWithTheExpectedCountsByType()
    {
        final SharedCapture capture = SharedCapture.load();
        assertEquals(SharedCapture.MESSAGE_COUNT, capture.count());

        final Map<Character, Integer> counts = new TreeMap<>();
        final ItchDecoder decoder = new ItchDecoder();
        final CountingHandler handler = new CountingHandler(counts);
        for (int i = 0; i < capture.count(); i++)
        {
            assertEquals(ItchDecoder.OK, decoder.decode(capture.buffer(), capture.offset(i), capture.length(i), handler),
                "message " + i);
        }

        final Map<Character, Integer> expected = new TreeMap<>(Map.ofEntries(
            Map.entry('A', 4758), Map.entry('D', 4083), Map.entry('E', 849), Map.entry('P', 240), Map.entry('L', 52),
            Map.entry('U', 7), Map.entry('X', 6), Map.entry('F', 2), Map.entry('R', 1), Map.entry('H', 1),
            Map.entry('Y', 1)));
        assertEquals(expected, counts);
        assertEquals(10_000, decoder.decoded());
        assertEquals(0, decoder.unknownTypes() + decoder.badLengths() + decoder.empties());
        assertEquals(10_000, handler.aaplMessages, "every message is about locate 13");
        assertTrue(handler.timestampsIncrease, "timestamps never go backwards");
    }

    @Test
    void firstMessageIsTheStockDirectoryOfAapl()
    {
        final SharedCapture capture = SharedCapture.load();
        final RecordingHandler handler = new RecordingHandler();
        new ItchDecoder().decode(capture.buffer(), capture.offset(0), capture.length(0), handler);

        final StockDirectoryDecoder r = (StockDirectoryDecoder)handler.lastMessage;
        assertEquals('R', r.messageType());
        assertEquals(13, r.stockLocate());
        assertEquals(0, r.trackingNumber());
        assertEquals(0x0A37_D4D0_D309L, r.timestampNs());
        assertEquals("AAPL", r.stockAsString());
        assertEquals('Q', r.marketCategory());
        assertEquals('N', r.financialStatusIndicator());
        assertEquals(100, r.roundLotSize());
        assertEquals('N', r.roundLotsOnly());
        assertEquals('C', r.issueClassification());
        assertEquals("Z", r.issueSubTypeAsString());
        assertEquals('P', r.authenticity());
        assertEquals('1', r.luldReferencePriceTier());
        assertEquals(0, r.etpLeverageFactor());
        assertEquals('N', r.inverseIndicator());
    }

    @Test
    void addOrdersHaveSidesPricesAndTheAaplCode()
    {
        final SharedCapture capture = SharedCapture.load();
        final long aapl = StockSymbol.code("AAPL");
        final long[] stats = new long[4];
        final ItchHandler handler = new ItchHandler()
        {
            public void onAddOrder(final AddOrderDecoder m)
            {
                assertEquals(aapl, m.stockCode());
                assertTrue(m.buySellIndicator() == 'B' || m.buySellIndicator() == 'S');
                assertTrue(m.shares() > 0);
                stats[0]++;
                stats[1] = Math.max(stats[1], m.price());
                stats[2] = 0 == stats[2] ? m.price() : Math.min(stats[2], m.price());
            }

            public void onOrderReplace(final OrderReplaceDecoder m)
            {
                assertTrue(m.newOrderReferenceNumber() != m.originalOrderReferenceNumber());
                stats[3]++;
            }
        };
        final ItchDecoder decoder = new ItchDecoder();
        final UnsafeBuffer buffer = capture.buffer();
        for (int i = 0; i < capture.count(); i++)
        {
            decoder.decode(buffer, capture.offset(i), capture.length(i), handler);
        }
        assertEquals(4758, stats[0]);
        assertEquals(7, stats[3]);
        assertTrue(stats[2] > 100_0000 && stats[1] < 1000_0000, "AAPL between $100 and $1000 in January 2020: " +
            stats[2] + ".." + stats[1]);
    }

    private static final class CountingHandler implements ItchHandler
    {
        private final Map<Character, Integer> counts;
        private int aaplMessages;
        private long lastTimestamp;
        private boolean timestampsIncrease = true;

        CountingHandler(final Map<Character, Integer> counts)
        {
            this.counts = counts;
        }

        private void count(final ItchFlyweight m)
        {
            counts.merge((char)m.messageType(), 1, Integer::sum);
            if (13 == m.stockLocate())
            {
                aaplMessages++;
            }
            timestampsIncrease &= m.timestampNs() >= lastTimestamp;
            lastTimestamp = m.timestampNs();
        }

        public void onStockDirectory(final StockDirectoryDecoder m)
        {
            count(m);
        }

        public void onStockTradingAction(final StockTradingActionDecoder m)
        {
            count(m);
        }

        public void onRegShoRestriction(final RegShoRestrictionDecoder m)
        {
            count(m);
        }

        public void onMarketParticipantPosition(final MarketParticipantPositionDecoder m)
        {
            count(m);
        }

        public void onAddOrder(final AddOrderDecoder m)
        {
            count(m);
        }

        public void onAddOrderMpid(final AddOrderMpidDecoder m)
        {
            count(m);
        }

        public void onOrderExecuted(final OrderExecutedDecoder m)
        {
            count(m);
        }

        public void onOrderCancel(final OrderCancelDecoder m)
        {
            count(m);
        }

        public void onOrderDelete(final OrderDeleteDecoder m)
        {
            count(m);
        }

        public void onOrderReplace(final OrderReplaceDecoder m)
        {
            count(m);
        }

        public void onTrade(final TradeDecoder m)
        {
            count(m);
        }
    }
}
