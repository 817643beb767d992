package corezero.risk;

import corezero.book.OrderBooks;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate allocates nothing: two million checks after two million of warm-up, against real {@link OrderBooks}
 * (one instrument with an AAPL-like book, one empty) and a primitive exposure, with inputs drawn to reach every
 * outcome, limit changes and trading-state changes among them. Measured with this thread's allocation counter.
 */
class RiskGateAllocationTest
{
    private static final int WARM_UP_CHECKS = 2_000_000;
    private static final int MEASURED_CHECKS = 2_000_000;
    private static final int AAPL = 1;
    private static final int EMPTY = 2;

    private final OrderBooks books = new OrderBooks(1_000, 64, 4);
    private final RiskLimits limits = new RiskLimits();
    private final RiskGate gate = new RiskGate(limits);
    private final FixedExposure exposure = new FixedExposure();
    private final long[] outcomes = new long[RiskResult.COUNT];
    private long seed = 0x9E37_79B9_7F4A_7C15L;
    private long nowNs;

    @Test
    void checksAllocateZeroBytesAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        long ref = 1;
        for (int i = 0; i < 20; i++)
        {
            books.addOrder(AAPL, ref++, (byte)'B', 100, 3_201_300 - 100L * i, 0);
            books.addOrder(AAPL, ref++, (byte)'S', 100, 3_201_400 + 100L * i, 0);
        }
        limits.set(RiskLimits.MAX_ORDER_QTY, 1_000);
        limits.set(RiskLimits.MAX_ORDER_NOTIONAL, 2_000_000_000L);
        limits.set(RiskLimits.MAX_POSITION, 5_000);
        limits.set(RiskLimits.COLLAR_BPS, 20);
        limits.set(RiskLimits.THROTTLE_CAPACITY, 50);
        limits.set(RiskLimits.THROTTLE_REFILL_PER_SECOND, 100_000);
        limits.set(RiskLimits.MAX_OPEN_ORDERS, 100);

        run(WARM_UP_CHECKS);
        final long before = threads.getCurrentThreadAllocatedBytes();
        final long startNs = System.nanoTime();
        run(MEASURED_CHECKS);
        final long elapsedNs = System.nanoTime() - startNs;
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        System.out.printf("risk allocation: %,d bytes over %,d checks (%.1f ns per check with the driver)%n",
            allocated, MEASURED_CHECKS, (double)elapsedNs / MEASURED_CHECKS);
        for (int result = RiskResult.OK; result <= RiskResult.BAD_PRICE; result++)
        {
            System.out.printf("  %-62s %,9d%n", RiskResult.describe(result), outcomes[result]);
            assertTrue(outcomes[result] > 0, "never reached: " + RiskResult.describe(result));
        }
        assertEquals(gate.accepted() + gate.rejected(), (long)WARM_UP_CHECKS + MEASURED_CHECKS);
        assertEquals(0L, allocated, "bytes allocated over " + MEASURED_CHECKS + " checks");
    }

    private void run(final int checks)
    {
        for (int i = 0; i < checks; i++)
        {
            nowNs += 1 + next(2_000);
            final int roll = next(1_000);
            if (roll == 0)
            {
                gate.tradingState(next(3));
            }
            else if (roll == 1)
            {
                gate.tradingState(TradingState.ACTIVE);
            }
            else if (roll == 2)
            {
                limits.set(RiskLimits.ALLOW_NO_REFERENCE, next(2));
            }
            exposure.set(next(8_001) - 4_000, next(2_000), next(2_000));
            exposure.openOrders = next(110);
            final int locate = next(20) == 0 ? EMPTY : AAPL;
            final int sideRoll = next(100);
            final byte side = sideRoll == 0 ? (byte)'X' : sideRoll < 50 ? (byte)'B' : (byte)'S';
            final long quantity = next(100) == 0 ? -next(10) : 1 + next(1_100);
            final long price = next(200) == 0 ? -1 : next(200) == 0 ? Long.MAX_VALUE : 3_190_000 + 100L * next(250);
            final int result = gate.check(locate, side, quantity, price, nowNs, books.book(locate), exposure);
            outcomes[result]++;
        }
    }

    private int next(final int bound)
    {
        seed ^= seed << 13;
        seed ^= seed >>> 7;
        seed ^= seed << 17;
        return (int)((seed >>> 33) % bound);
    }
}
