package corezero.risk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TokenBucket} on a manual clock: burst to capacity, refill over time, exact arithmetic with no drift,
 * limit changes and clocks that jump.
 */
class TokenBucketTest
{
    private static final long SECOND = 1_000_000_000L;

    private final TokenBucket bucket = new TokenBucket();

    private int acquireAll(final long capacity, final long rate, final long nowNs)
    {
        int n = 0;
        while (bucket.tryAcquire(capacity, rate, nowNs))
        {
            n++;
        }
        return n;
    }

    @Test
    void startsFullAndBurstsToCapacity()
    {
        assertEquals(5, acquireAll(5, 1, 123));
        assertFalse(bucket.tryAcquire(5, 1, 123));
    }

    @Test
    void refillsOneTokenPerPeriod()
    {
        assertEquals(3, acquireAll(3, 10, 0));
        assertFalse(bucket.tryAcquire(3, 10, SECOND / 10 - 1));
        assertTrue(bucket.tryAcquire(3, 10, SECOND / 10));
        assertFalse(bucket.tryAcquire(3, 10, SECOND / 10));
        // A long wait fills the bucket and no more.
        assertEquals(3, acquireAll(3, 10, 100 * SECOND));
    }

    @Test
    void fractionsOfATokenAreKeptBetweenCalls()
    {
        // 3 a second: three steps of 333,333,333 ns earn 2.999999997 tokens, one nanosecond more makes 3.
        assertEquals(3, acquireAll(3, 3, 0));
        long t = 0;
        int got = 0;
        for (int i = 0; i < 3; i++)
        {
            t += 333_333_333;
            got += acquireAll(3, 3, t);
        }
        assertEquals(2, got);
        assertEquals(2_999_999_997L - 2 * TokenBucket.UNITS_PER_TOKEN, bucket.units());
        assertEquals(1, acquireAll(3, 3, t + 1));
        assertEquals(0, bucket.units());
    }

    @Test
    void noDriftOverAHundredSecondsOfMillisecondPolls()
    {
        // 7 a second, polled every millisecond: the 2 of the start then exactly 7 per second (the bucket never
        // fills, so nothing is lost to the capacity).
        int got = 0;
        for (long t = 0; t <= 100 * SECOND; t += 1_000_000)
        {
            got += bucket.tryAcquire(2, 7, t) ? 1 : 0;
        }
        assertEquals(2 + 700, got);
    }

    @Test
    void manySmallStepsEqualOneBigStep()
    {
        final TokenBucket stepped = new TokenBucket();
        final TokenBucket jumped = new TokenBucket();
        assertEquals(1_000, drain(stepped, 1_000, 997, 0));
        assertEquals(1_000, drain(jumped, 1_000, 997, 0));
        for (long t = 1; t <= 1_000_000; t += 1)
        {
            stepped.refill(1_000, 997, t * 1_003);
        }
        jumped.refill(1_000, 997, 1_000_000L * 1_003);
        assertEquals(jumped.units(), stepped.units());
        assertEquals(1_003_000_000L * 997, jumped.units());
    }

    private static int drain(final TokenBucket bucket, final long capacity, final long rate, final long nowNs)
    {
        int n = 0;
        while (bucket.tryAcquire(capacity, rate, nowNs))
        {
            n++;
        }
        return n;
    }

    @Test
    void aLoweredCapacityDropsTokensAndARaisedOneIsEarned()
    {
        assertEquals(0, acquireAll(10, 1, 0) - 10);
        bucket.refill(10, 1, 10 * SECOND);
        assertEquals(10, bucket.tokens());
        assertEquals(2, acquireAll(2, 1, 10 * SECOND));
        assertEquals(0, acquireAll(10, 1, 10 * SECOND));
        assertEquals(1, acquireAll(10, 1, 11 * SECOND));
    }

    @Test
    void aClockGoingBackwardsAddsNothing()
    {
        assertEquals(2, acquireAll(2, 1, 50 * SECOND));
        assertEquals(0, acquireAll(2, 1, 10 * SECOND));
        assertEquals(0, acquireAll(2, 1, 50 * SECOND));
        assertEquals(0, acquireAll(2, 1, 51 * SECOND - 1));
        assertEquals(1, acquireAll(2, 1, 51 * SECOND));
    }

    @Test
    void extremeTimesAndRatesDoNotOverflow()
    {
        final long max = RiskLimits.MAX_THROTTLE;
        assertEquals(1, acquireAll(1, max, Long.MIN_VALUE));
        bucket.refill(1, max, Long.MAX_VALUE); // the gap overflows a long
        assertEquals(1, bucket.tokens());
        bucket.reset();
        bucket.refill(max, max, 0);
        assertEquals(max, bucket.tokens());
        assertTrue(bucket.tryAcquire(max, max, 0));
        bucket.refill(max, max, 1);
        assertEquals(max * TokenBucket.UNITS_PER_TOKEN, bucket.units());
        bucket.refill(max, max, Long.MAX_VALUE);
        assertEquals(max, bucket.tokens());
    }

    @Test
    void zeroCapacityOrZeroRate()
    {
        assertFalse(bucket.tryAcquire(0, 1_000, 0));
        assertFalse(bucket.tryAcquire(0, 1_000, 10 * SECOND));
        bucket.reset();
        assertEquals(4, acquireAll(4, 0, 0));
        assertEquals(0, acquireAll(4, 0, 1_000 * SECOND));
    }
}
