package corezero.strategy;

import corezero.book.BookView;
import corezero.itch.SharedCapture;
import corezero.risk.RiskLimits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shadow run over the real AAPL slice: the sample strategy runs clean (orders risk-checked and counted, no
 * allocation per event once warm), a strategy that throws is caught with the event it threw on, and one that
 * allocates per event shows it.
 */
class ShadowRunTest
{
    private static final RiskLimits LIMITS = limits();

    private static RiskLimits limits()
    {
        final RiskLimits limits = new RiskLimits();
        limits.set(RiskLimits.MAX_ORDER_QTY, 1_000);
        limits.set(RiskLimits.MAX_ORDER_NOTIONAL, 1_000_000_000_000L);
        limits.set(RiskLimits.MAX_POSITION, 10_000);
        limits.set(RiskLimits.COLLAR_BPS, 100);
        limits.set(RiskLimits.THROTTLE_CAPACITY, 1_000_000);
        limits.set(RiskLimits.THROTTLE_REFILL_PER_SECOND, 1_000_000);
        limits.set(RiskLimits.MAX_OPEN_ORDERS, 100);
        return limits;
    }

    private final ShadowRun shadow = new ShadowRun(LIMITS, 65_536, 4_096, 16);

    @Test
    void theSampleStrategyRunsCleanOverTheRealSlice() throws IOException
    {
        final byte[] capture = ShadowRun.readCapture(SharedCapture.path());
        final ShadowRun.Report report = shadow.run(
            () -> new TouchQuoter("AAPL"), Map.of("quoting", 0L, "probe-every", 10L), capture, 4);

        assertNull(report.failure());
        assertEquals(-1, report.failedAtEvent());
        assertTrue(report.events() > 9_000, "AAPL book updates and trades: " + report.events());
        assertTrue(report.orders() > 800, "a probe every 10 book updates: " + report.orders());
        assertEquals(0, report.riskRejects());
        assertTrue(report.bytesPerEvent() < 1.0, "allocation per event once warm: " + report.bytesPerEvent());
        assertTrue(report.nanos() > 0 && report.baselineNanos() > 0);
        assertTrue(report.maxEventNanos() > 0 && report.maxEventNanos() < report.nanos());
    }

    @Test
    void aStrategyThatThrowsIsReportedWithTheEventItThrewOn() throws IOException
    {
        final byte[] capture = ShadowRun.readCapture(SharedCapture.path());
        final ShadowRun.Report report = shadow.run(() -> new ThrowsAfter(500), Map.of(), capture, 2);

        assertTrue(report.failure() instanceof IllegalStateException, String.valueOf(report.failure()));
        assertTrue(report.failure().getMessage().contains("book update 500"), report.failure().getMessage());
        assertEquals(report.events(), report.failedAtEvent(), "the event it threw on, counting trades");
        assertTrue(report.failedAtEvent() >= 500 && report.failedAtEvent() < 600, "" + report.failedAtEvent());
    }

    @Test
    void aStrategyThatAllocatesPerEventShowsIt() throws IOException
    {
        final byte[] capture = ShadowRun.readCapture(SharedCapture.path());
        final ShadowRun.Report report = shadow.run(Allocates::new, Map.of(), capture, 3);

        assertNull(report.failure());
        assertTrue(report.bytesPerEvent() >= 16, "a new long[2] per event: " + report.bytesPerEvent());
    }

    private static final class ThrowsAfter implements Strategy
    {
        private final int limit;
        private int seen;

        ThrowsAfter(final int limit)
        {
            this.limit = limit;
        }

        public void onStart(final StrategyContext context)
        {
        }

        public void onStop()
        {
        }

        public void onBookUpdate(final int stockLocate, final BookView book)
        {
            if (++seen == limit)
            {
                throw new IllegalStateException("broken on book update " + seen);
            }
        }
    }

    private static final class Allocates implements Strategy
    {
        long[] last;

        public void onStart(final StrategyContext context)
        {
        }

        public void onStop()
        {
        }

        public void onBookUpdate(final int stockLocate, final BookView book)
        {
            last = new long[]{ book.bestBidPrice(), book.bestAskPrice() };
        }
    }
}
