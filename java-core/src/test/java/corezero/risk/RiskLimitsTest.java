package corezero.risk;

import org.junit.jupiter.api.Test;

import static corezero.risk.RiskResult.BAD_VALUE;
import static corezero.risk.RiskResult.OK;
import static corezero.risk.RiskResult.UNKNOWN_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RiskLimits#set} by key: every key at the ends of its range, bad values and bad keys change nothing.
 */
class RiskLimitsTest
{
    private final RiskLimits limits = new RiskLimits();

    @Test
    void startsClosed()
    {
        assertEquals(0, limits.maxOrderQty());
        assertEquals(0, limits.maxOrderNotional());
        assertEquals(0, limits.maxPosition());
        assertEquals(0, limits.collarBps());
        assertFalse(limits.allowNoReference());
        assertEquals(0, limits.throttleCapacity());
        assertEquals(0, limits.throttleRefillPerSecond());
        assertEquals(0, limits.maxOpenOrders());
    }

    @Test
    void everyKeyTakesTheEndsOfItsRange()
    {
        assertEquals(OK, limits.set(RiskLimits.MAX_ORDER_QTY, Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, limits.maxOrderQty());
        assertEquals(OK, limits.set(RiskLimits.MAX_ORDER_QTY, 0));
        assertEquals(0, limits.maxOrderQty());

        assertEquals(OK, limits.set(RiskLimits.MAX_ORDER_NOTIONAL, Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, limits.maxOrderNotional());
        assertEquals(OK, limits.set(RiskLimits.MAX_POSITION, Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, limits.maxPosition());

        assertEquals(OK, limits.set(RiskLimits.COLLAR_BPS, 0));
        assertEquals(OK, limits.set(RiskLimits.COLLAR_BPS, RiskLimits.MAX_COLLAR_BPS));
        assertEquals(RiskLimits.MAX_COLLAR_BPS, limits.collarBps());

        assertEquals(OK, limits.set(RiskLimits.ALLOW_NO_REFERENCE, 1));
        assertTrue(limits.allowNoReference());
        assertEquals(OK, limits.set(RiskLimits.ALLOW_NO_REFERENCE, 0));
        assertFalse(limits.allowNoReference());

        assertEquals(OK, limits.set(RiskLimits.THROTTLE_CAPACITY, RiskLimits.MAX_THROTTLE));
        assertEquals(RiskLimits.MAX_THROTTLE, limits.throttleCapacity());
        assertEquals(OK, limits.set(RiskLimits.THROTTLE_REFILL_PER_SECOND, RiskLimits.MAX_THROTTLE));
        assertEquals(RiskLimits.MAX_THROTTLE, limits.throttleRefillPerSecond());

        assertEquals(OK, limits.set(RiskLimits.MAX_OPEN_ORDERS, Integer.MAX_VALUE));
        assertEquals(Integer.MAX_VALUE, limits.maxOpenOrders());
    }

    @Test
    void valuesOutOfRangeChangeNothing()
    {
        assertEquals(OK, limits.set(RiskLimits.MAX_ORDER_QTY, 100));
        assertEquals(OK, limits.set(RiskLimits.COLLAR_BPS, 25));
        assertEquals(OK, limits.set(RiskLimits.THROTTLE_CAPACITY, 7));
        assertEquals(OK, limits.set(RiskLimits.THROTTLE_REFILL_PER_SECOND, 8));
        assertEquals(OK, limits.set(RiskLimits.MAX_OPEN_ORDERS, 9));
        final String before = limits.toString();

        assertEquals(BAD_VALUE, limits.set(RiskLimits.MAX_ORDER_QTY, -1));
        assertEquals(BAD_VALUE, limits.set(RiskLimits.MAX_ORDER_NOTIONAL, Long.MIN_VALUE));
        assertEquals(BAD_VALUE, limits.set(RiskLimits.MAX_POSITION, -1));
        assertEquals(BAD_VALUE, limits.set(RiskLimits.COLLAR_BPS, -1));
        assertEquals(BAD_VALUE, limits.set(RiskLimits.COLLAR_BPS, RiskLimits.MAX_COLLAR_BPS + 1));
        assertEquals(BAD_VALUE, limits.set(RiskLimits.ALLOW_NO_REFERENCE, 2));
        assertEquals(BAD_VALUE, limits.set(RiskLimits.ALLOW_NO_REFERENCE, -1));
        assertEquals(BAD_VALUE, limits.set(RiskLimits.THROTTLE_CAPACITY, RiskLimits.MAX_THROTTLE + 1));
        assertEquals(BAD_VALUE, limits.set(RiskLimits.THROTTLE_CAPACITY, -1));
        assertEquals(BAD_VALUE, limits.set(RiskLimits.THROTTLE_REFILL_PER_SECOND, RiskLimits.MAX_THROTTLE + 1));
        assertEquals(BAD_VALUE, limits.set(RiskLimits.THROTTLE_REFILL_PER_SECOND, -1));
        assertEquals(BAD_VALUE, limits.set(RiskLimits.MAX_OPEN_ORDERS, Integer.MAX_VALUE + 1L));
        assertEquals(BAD_VALUE, limits.set(RiskLimits.MAX_OPEN_ORDERS, -1));

        assertEquals(before, limits.toString());
    }

    @Test
    void unknownKeysChangeNothing()
    {
        final String before = limits.toString();
        assertEquals(UNKNOWN_KEY, limits.set(null, 1));
        assertEquals(UNKNOWN_KEY, limits.set("", 1));
        assertEquals(UNKNOWN_KEY, limits.set("MAX-ORDER-QTY", 1));
        assertEquals(UNKNOWN_KEY, limits.set("max-order-qty ", 1));
        assertEquals(UNKNOWN_KEY, limits.set("maxOrderQty", 1));
        assertEquals(UNKNOWN_KEY, limits.set("max_position", 1));
        assertEquals(before, limits.toString());
    }

    @Test
    void toStringNamesEveryKey()
    {
        limits.set(RiskLimits.MAX_POSITION, 2_000);
        limits.set(RiskLimits.ALLOW_NO_REFERENCE, 1);
        assertEquals("max-order-qty=0 max-order-notional=0 max-position=2000 collar-bps=0 allow-no-reference=1" +
            " throttle-capacity=0 throttle-refill-per-second=0 max-open-orders=0", limits.toString());
    }
}
