package corezero.risk;

import corezero.book.BookView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static corezero.risk.RiskResult.BAD_PRICE;
import static corezero.risk.RiskResult.BAD_SIDE;
import static corezero.risk.RiskResult.HALTED;
import static corezero.risk.RiskResult.MAX_OPEN_ORDERS;
import static corezero.risk.RiskResult.MAX_ORDER_NOTIONAL;
import static corezero.risk.RiskResult.MAX_ORDER_QUANTITY;
import static corezero.risk.RiskResult.MAX_POSITION;
import static corezero.risk.RiskResult.NO_REFERENCE_PRICE;
import static corezero.risk.RiskResult.OK;
import static corezero.risk.RiskResult.PRICE_COLLAR;
import static corezero.risk.RiskResult.QUANTITY_ZERO_OR_NEGATIVE;
import static corezero.risk.RiskResult.REDUCING_ONLY;
import static corezero.risk.RiskResult.THROTTLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each limit and state of {@link RiskGate} at its edge: exactly at the limit passes, one over fails. Prices are
 * AAPL-like: 3,201,400 is $320.14.
 */
class RiskGateTest
{
    private static final byte BUY = 'B';
    private static final byte SELL = 'S';
    private static final int AAPL = 1;
    private static final long BID = 3_201_300;
    private static final long ASK = 3_201_400;
    private static final long LAST = 3_201_350;

    private final RiskLimits limits = new RiskLimits();
    private final RiskGate gate = new RiskGate(limits);
    private final StubBook book = new StubBook().quote(BID, ASK, LAST);
    private final FixedExposure exposure = new FixedExposure();
    private long nowNs = 1_000_000_000L;

    @BeforeEach
    void generousLimits()
    {
        assertEquals(OK, limits.set(RiskLimits.MAX_ORDER_QTY, 1_000));
        assertEquals(OK, limits.set(RiskLimits.MAX_ORDER_NOTIONAL, 5_000_000_000L)); // $500,000
        assertEquals(OK, limits.set(RiskLimits.MAX_POSITION, 2_000));
        assertEquals(OK, limits.set(RiskLimits.COLLAR_BPS, 50));
        assertEquals(OK, limits.set(RiskLimits.THROTTLE_CAPACITY, RiskLimits.MAX_THROTTLE));
        assertEquals(OK, limits.set(RiskLimits.THROTTLE_REFILL_PER_SECOND, RiskLimits.MAX_THROTTLE));
        assertEquals(OK, limits.set(RiskLimits.MAX_OPEN_ORDERS, 10));
    }

    private int check(final byte side, final long quantity, final long price)
    {
        nowNs += 1_000;
        return gate.check(AAPL, side, quantity, price, nowNs, book, exposure);
    }

    @Test
    void orderQuantityAtTheLimitPassesAndOneOverFails()
    {
        assertEquals(OK, check(BUY, 1_000, ASK));
        assertEquals(MAX_ORDER_QUANTITY, check(BUY, 1_001, ASK));
        assertEquals(OK, check(SELL, 1_000, BID));
        assertEquals(MAX_ORDER_QUANTITY, check(SELL, 1_001, BID));
        assertEquals(MAX_ORDER_QUANTITY, check(SELL, Long.MAX_VALUE, BID));
    }

    @Test
    void quantityZeroOrNegativeIsRefused()
    {
        assertEquals(QUANTITY_ZERO_OR_NEGATIVE, check(BUY, 0, ASK));
        assertEquals(QUANTITY_ZERO_OR_NEGATIVE, check(SELL, -1, BID));
        assertEquals(QUANTITY_ZERO_OR_NEGATIVE, check(BUY, Long.MIN_VALUE, ASK));
        assertEquals(OK, check(BUY, 1, ASK));
    }

    @Test
    void notionalAtTheLimitPassesAndOneOverFails()
    {
        // $320.14 x 1,000 = $320,140.0000 = 3,201,400,000 in 1/10,000 dollar.
        assertEquals(OK, limits.set(RiskLimits.MAX_ORDER_NOTIONAL, ASK * 1_000));
        assertEquals(OK, check(BUY, 1_000, ASK));
        assertEquals(MAX_ORDER_NOTIONAL, check(BUY, 1_000, ASK + 1));
        assertEquals(OK, limits.set(RiskLimits.MAX_ORDER_NOTIONAL, ASK * 1_000 + 999));
        assertEquals(MAX_ORDER_NOTIONAL, check(BUY, 1_000, ASK + 1)); // 1,000 over by 1
        assertEquals(OK, limits.set(RiskLimits.MAX_ORDER_NOTIONAL, ASK * 1_000 + 1_000));
        assertEquals(OK, check(BUY, 1_000, ASK + 1));
    }

    @Test
    void notionalThatOverflowsALongIsOverAnyLimit()
    {
        limits.set(RiskLimits.MAX_ORDER_QTY, Long.MAX_VALUE);
        limits.set(RiskLimits.MAX_ORDER_NOTIONAL, Long.MAX_VALUE);
        limits.set(RiskLimits.MAX_POSITION, Long.MAX_VALUE);
        limits.set(RiskLimits.COLLAR_BPS, RiskLimits.MAX_COLLAR_BPS);

        // 2 x (Long.MAX_VALUE / 2) = Long.MAX_VALUE - 1 fits; one share more wraps to Long.MIN_VALUE.
        book.quote(1, 2, 2);
        assertEquals(OK, check(BUY, Long.MAX_VALUE / 2, 2));
        assertEquals(MAX_ORDER_NOTIONAL, check(BUY, Long.MAX_VALUE / 2 + 1, 2));
        // (2^30 + 1) x 2^34 = 2^64 + 2^34: the low 64 bits, 17,179,869,184 ($1,717,986.9184), are under a
        // $5,000,000 limit, and a plain multiply-and-compare would let this order through.
        final long price = (1L << 30) + 1;
        book.quote(price, price, price);
        limits.set(RiskLimits.MAX_ORDER_NOTIONAL, 50_000_000_000L);
        assertEquals(1L << 34, price * (1L << 34));
        assertEquals(MAX_ORDER_NOTIONAL, check(SELL, 1L << 34, price));
        assertEquals(MAX_ORDER_NOTIONAL, check(BUY, 1L << 34, price));
        assertEquals(OK, check(SELL, 1, price));
        limits.set(RiskLimits.MAX_ORDER_NOTIONAL, Long.MAX_VALUE);
        book.quote(RiskGate.MAX_PRICE, RiskGate.MAX_PRICE, RiskGate.MAX_PRICE);
        assertEquals(MAX_ORDER_NOTIONAL, check(SELL, Long.MAX_VALUE, RiskGate.MAX_PRICE));
        assertEquals(MAX_ORDER_NOTIONAL, check(BUY, Long.MAX_VALUE, RiskGate.MAX_PRICE));
        assertEquals(OK, check(SELL, Long.MAX_VALUE / RiskGate.MAX_PRICE, RiskGate.MAX_PRICE));
    }

    @Test
    void collarInBasisPointsAgainstTheTouch()
    {
        // 50 bps: a buy up to 3,201,400 x 1.005 = 3,217,407.0 ($321.7407), exactly.
        assertEquals(OK, check(BUY, 100, 3_217_407));
        assertEquals(PRICE_COLLAR, check(BUY, 100, 3_217_408));
        // A sell down to 3,201,300 x 0.995 = 3,185,293.5: 3,185,294 passes, 3,185,293 is below.
        assertEquals(OK, check(SELL, 100, 3_185_294));
        assertEquals(PRICE_COLLAR, check(SELL, 100, 3_185_293));
        // Passive prices are not collared.
        assertEquals(OK, check(BUY, 100, 1));
        assertEquals(OK, check(SELL, 100, 9_999_999));
    }

    @Test
    void zeroCollarMeansNoWorseThanTheTouch()
    {
        limits.set(RiskLimits.COLLAR_BPS, 0);
        assertEquals(OK, check(BUY, 100, ASK));
        assertEquals(PRICE_COLLAR, check(BUY, 100, ASK + 1));
        assertEquals(OK, check(SELL, 100, BID));
        assertEquals(PRICE_COLLAR, check(SELL, 100, BID - 1));
    }

    @Test
    void oneBasisPointOnARealPrice()
    {
        limits.set(RiskLimits.COLLAR_BPS, 1);
        // 1 bp of $320.14 is $0.032014: limit 3,201,720.14 for a buy, 3,200,979.87 for a sell from the bid.
        assertEquals(OK, check(BUY, 100, 3_201_720));
        assertEquals(PRICE_COLLAR, check(BUY, 100, 3_201_721));
        assertEquals(OK, check(SELL, 100, 3_200_980));
        assertEquals(PRICE_COLLAR, check(SELL, 100, 3_200_979));
    }

    @Test
    void fullCollarLetsAnySellPriceThrough()
    {
        limits.set(RiskLimits.COLLAR_BPS, RiskLimits.MAX_COLLAR_BPS);
        assertEquals(OK, check(SELL, 1, 1));
        assertEquals(OK, check(BUY, 1, 2 * ASK));
        assertEquals(PRICE_COLLAR, check(BUY, 1, 2 * ASK + 1));
    }

    @Test
    void anEmptySideFallsBackToTheLastTrade()
    {
        book.quote(BID, BookView.NO_PRICE, LAST);
        assertEquals(OK, check(BUY, 100, LAST * 10_050 / 10_000));
        assertEquals(PRICE_COLLAR, check(BUY, 100, LAST * 10_050 / 10_000 + 1));
        book.quote(BookView.NO_PRICE, ASK, LAST);
        // 3,201,350 x 0.995 = 3,185,343.25
        assertEquals(OK, check(SELL, 100, 3_185_344));
        assertEquals(PRICE_COLLAR, check(SELL, 100, 3_185_343));
    }

    @Test
    void noReferencePriceIsRefusedUnlessAllowed()
    {
        book.quote(BID, BookView.NO_PRICE, BookView.NO_PRICE);
        assertEquals(NO_REFERENCE_PRICE, check(BUY, 100, ASK));
        assertEquals(OK, check(SELL, 100, BID));
        book.quote(BookView.NO_PRICE, BookView.NO_PRICE, BookView.NO_PRICE);
        assertEquals(NO_REFERENCE_PRICE, check(SELL, 100, BID));
        // A broken view's out-of-range prices are no reference either.
        book.quote(-5, 0, RiskGate.MAX_REFERENCE_PRICE + 1);
        assertEquals(NO_REFERENCE_PRICE, check(SELL, 100, BID));
        assertEquals(NO_REFERENCE_PRICE, check(BUY, 100, ASK));

        assertEquals(OK, limits.set(RiskLimits.ALLOW_NO_REFERENCE, 1));
        assertEquals(OK, check(BUY, 100, ASK));
        assertEquals(OK, check(SELL, 100, 1));
        assertEquals(4, gate.rejects(NO_REFERENCE_PRICE));
    }

    @Test
    void badPriceIsRefusedWhateverTheCollar()
    {
        limits.set(RiskLimits.ALLOW_NO_REFERENCE, 1);
        limits.set(RiskLimits.MAX_ORDER_NOTIONAL, Long.MAX_VALUE);
        book.quote(BookView.NO_PRICE, BookView.NO_PRICE, BookView.NO_PRICE);
        assertEquals(BAD_PRICE, check(BUY, 100, 0));
        assertEquals(BAD_PRICE, check(SELL, 100, -1));
        assertEquals(BAD_PRICE, check(BUY, 100, BookView.NO_PRICE));
        assertEquals(BAD_PRICE, check(BUY, 100, RiskGate.MAX_PRICE + 1)); // OUCH's market-order price
        assertEquals(BAD_PRICE, check(SELL, 100, 0x7FFF_FFFFL));
        assertEquals(BAD_PRICE, check(SELL, 100, RiskGate.MAX_REFERENCE_PRICE));
        assertEquals(BAD_PRICE, check(BUY, 100, Long.MAX_VALUE));
        assertEquals(OK, check(BUY, 100, RiskGate.MAX_PRICE));
        assertEquals(OK, check(SELL, 100, 1));
    }

    @Test
    void badSideIsRefused()
    {
        assertEquals(BAD_SIDE, check((byte)'b', 100, ASK));
        assertEquals(BAD_SIDE, check((byte)0, 100, ASK));
        assertEquals(BAD_SIDE, check((byte)'T', 100, ASK)); // OUCH sell short: not this gate's vocabulary
        assertEquals(3, gate.rejects(BAD_SIDE));
    }

    @Test
    void worstCasePositionCountsOpenOrdersOnTheOrdersSide()
    {
        exposure.set(1_500, 400, 0);
        assertEquals(OK, check(BUY, 100, ASK)); // 1,500 + 400 + 100 = 2,000
        assertEquals(MAX_POSITION, check(BUY, 101, ASK));
        exposure.set(-1_500, 0, 400);
        assertEquals(OK, check(SELL, 100, BID));
        assertEquals(MAX_POSITION, check(SELL, 101, BID));
        // Open orders on the other side are no relief: they may be cancelled.
        exposure.set(0, 0, 5_000);
        assertEquals(OK, check(BUY, 1_000, ASK));
        exposure.set(1_000, 0, 5_000);
        assertEquals(OK, check(BUY, 1_000, ASK));
        exposure.set(1_001, 0, 5_000);
        assertEquals(MAX_POSITION, check(BUY, 1_000, ASK));
        exposure.set(2_000, 0, 0);
        assertEquals(MAX_POSITION, check(BUY, 1, ASK));
        assertEquals(OK, check(SELL, 1_000, BID)); // reducing is always inside the limit
    }

    @Test
    void aLoweredPositionLimitStillLetsThePositionShrink()
    {
        exposure.set(-5_000, 0, 0);
        limits.set(RiskLimits.MAX_POSITION, 100);
        assertEquals(OK, check(BUY, 1_000, ASK));
        assertEquals(MAX_POSITION, check(SELL, 1, BID));
        limits.set(RiskLimits.MAX_POSITION, 0);
        exposure.set(0, 0, 0);
        assertEquals(MAX_POSITION, check(BUY, 1, ASK));
        assertEquals(MAX_POSITION, check(SELL, 1, BID));
    }

    @Test
    void hugeExposureSaturatesInsteadOfWrapping()
    {
        limits.set(RiskLimits.MAX_POSITION, Long.MAX_VALUE);
        exposure.set(Long.MAX_VALUE, Long.MAX_VALUE, 0);
        assertEquals(OK, check(BUY, 1, ASK)); // saturates at the limit, which is Long.MAX_VALUE
        limits.set(RiskLimits.MAX_POSITION, Long.MAX_VALUE - 1);
        assertEquals(MAX_POSITION, check(BUY, 1, ASK));
        exposure.set(Long.MIN_VALUE, 0, Long.MAX_VALUE);
        assertEquals(MAX_POSITION, check(SELL, 1, BID));
        assertEquals(OK, check(BUY, 1, ASK));
        exposure.set(Long.MAX_VALUE - 10, 0, 0);
        assertEquals(MAX_POSITION, check(BUY, 1_000, ASK));
        // An exposure that answers a negative open quantity gets no credit for it.
        limits.set(RiskLimits.MAX_POSITION, 2_000);
        exposure.set(1_500, -10_000, 0);
        assertEquals(OK, check(BUY, 500, ASK));
        assertEquals(MAX_POSITION, check(BUY, 501, ASK));
    }

    @Test
    void reducingWhenLong()
    {
        assertEquals(OK, gate.tradingState(TradingState.REDUCING));
        exposure.set(1_000, 200, 300);
        assertEquals(OK, check(SELL, 700, BID)); // 1,000 - 300 - 700 = 0: flat at worst
        assertEquals(REDUCING_ONLY, check(SELL, 701, BID));
        assertEquals(REDUCING_ONLY, check(BUY, 1, ASK));
        assertFalse(gate.isHalted());
    }

    @Test
    void reducingWhenShort()
    {
        gate.tradingState(TradingState.REDUCING);
        exposure.set(-1_000, 0, 0);
        assertEquals(OK, check(BUY, 1_000, ASK));
        assertEquals(REDUCING_ONLY, check(BUY, 1_001, ASK)); // would flip to long 1
        exposure.set(-800, 0, 0);
        assertEquals(REDUCING_ONLY, check(BUY, 801, ASK));
        assertEquals(OK, check(BUY, 800, ASK));
        exposure.set(-800, 300, 0);
        assertEquals(OK, check(BUY, 500, ASK));
        assertEquals(REDUCING_ONLY, check(BUY, 501, ASK));
        assertEquals(REDUCING_ONLY, check(SELL, 1, BID));
    }

    @Test
    void reducingWhenFlatRefusesBothSides()
    {
        gate.tradingState(TradingState.REDUCING);
        exposure.set(0, 0, 0);
        assertEquals(REDUCING_ONLY, check(BUY, 1, ASK));
        assertEquals(REDUCING_ONLY, check(SELL, 1, BID));
        gate.tradingState(TradingState.ACTIVE);
        assertEquals(OK, check(BUY, 1, ASK));
    }

    @Test
    void haltedRefusesEverythingFirst()
    {
        gate.halt();
        gate.halt();
        assertTrue(gate.isHalted());
        assertEquals(TradingState.HALTED, gate.tradingState());
        assertEquals(HALTED, check(BUY, 1, ASK));
        assertEquals(HALTED, check((byte)'X', -1, -1));
        exposure.set(1_000, 0, 0);
        assertEquals(HALTED, check(SELL, 1, BID));
        assertEquals(3, gate.rejects(HALTED));

        assertEquals(OK, gate.tradingState(TradingState.ACTIVE));
        assertFalse(gate.isHalted());
        assertEquals(OK, check(SELL, 1, BID));
    }

    @Test
    void badTradingStateChangesNothing()
    {
        gate.tradingState(TradingState.REDUCING);
        assertEquals(RiskResult.BAD_VALUE, gate.tradingState(3));
        assertEquals(RiskResult.BAD_VALUE, gate.tradingState(-1));
        assertEquals(RiskResult.BAD_VALUE, gate.tradingState(Long.MIN_VALUE));
        assertEquals(TradingState.REDUCING, gate.tradingState());
        assertEquals("reducing", TradingState.name(gate.tradingState()));
    }

    @Test
    void openOrdersAtTheLimitAreRefused()
    {
        exposure.openOrders = 9;
        assertEquals(OK, check(BUY, 1, ASK));
        exposure.openOrders = 10;
        assertEquals(MAX_OPEN_ORDERS, check(BUY, 1, ASK));
        exposure.openOrders = Integer.MAX_VALUE;
        assertEquals(MAX_OPEN_ORDERS, check(SELL, 1, BID));
    }

    @Test
    void aTokenIsTakenOnlyByAnOrderThatPassedEverythingElse()
    {
        limits.set(RiskLimits.THROTTLE_CAPACITY, 2);
        limits.set(RiskLimits.THROTTLE_REFILL_PER_SECOND, 0);
        assertEquals(MAX_ORDER_QUANTITY, check(BUY, 5_000, ASK));
        assertEquals(PRICE_COLLAR, check(BUY, 1, 2 * ASK));
        exposure.openOrders = 10;
        assertEquals(MAX_OPEN_ORDERS, check(BUY, 1, ASK));
        exposure.openOrders = 0;
        assertEquals(OK, check(BUY, 1, ASK));
        assertEquals(OK, check(BUY, 1, ASK));
        assertEquals(THROTTLED, check(BUY, 1, ASK));
        assertEquals(THROTTLED, check(SELL, 1, BID));
        assertEquals(0, gate.throttle().tokens());
    }

    @Test
    void throttleRefillsOnTheInjectedClock()
    {
        limits.set(RiskLimits.THROTTLE_CAPACITY, 3);
        limits.set(RiskLimits.THROTTLE_REFILL_PER_SECOND, 10);
        final long t0 = 5_000_000_000L;
        for (int i = 0; i < 3; i++)
        {
            assertEquals(OK, gate.check(AAPL, BUY, 1, ASK, t0, book, exposure));
        }
        assertEquals(THROTTLED, gate.check(AAPL, BUY, 1, ASK, t0, book, exposure));
        assertEquals(THROTTLED, gate.check(AAPL, BUY, 1, ASK, t0 + 99_999_999, book, exposure));
        assertEquals(OK, gate.check(AAPL, BUY, 1, ASK, t0 + 100_000_000, book, exposure));
        assertEquals(THROTTLED, gate.check(AAPL, BUY, 1, ASK, t0 + 100_000_000, book, exposure));
    }

    @Test
    void aFreshLimitsObjectLetsNothingThrough()
    {
        final RiskGate closed = new RiskGate(new RiskLimits());
        assertEquals(MAX_ORDER_QUANTITY, closed.check(AAPL, BUY, 1, ASK, 0, book, exposure));
        assertEquals(MAX_ORDER_QUANTITY, closed.check(AAPL, SELL, 1, BID, 0, book, exposure));
        assertEquals(TradingState.ACTIVE, closed.tradingState());
    }

    @Test
    void everyOutcomeIsCounted()
    {
        assertEquals(OK, check(BUY, 1, ASK));
        assertEquals(MAX_ORDER_QUANTITY, check(BUY, 1_001, ASK));
        assertEquals(MAX_ORDER_QUANTITY, check(BUY, 1_001, ASK));
        assertEquals(BAD_SIDE, check((byte)'?', 1, ASK));
        assertEquals(1, gate.accepted());
        assertEquals(3, gate.rejected());
        assertEquals(2, gate.rejects(MAX_ORDER_QUANTITY));
        assertEquals(1, gate.rejects(BAD_SIDE));
        assertEquals(0, gate.rejects(OK));
        assertEquals(0, gate.rejects(-1));
        assertEquals(0, gate.rejects(RiskResult.COUNT));
        assertEquals(0, gate.rejects(Integer.MAX_VALUE));
        long sum = 0;
        for (int reason = 0; reason < RiskResult.COUNT; reason++)
        {
            sum += gate.rejects(reason);
        }
        assertEquals(gate.rejected(), sum);
    }

    @Test
    void everyResultHasItsOwnDescription()
    {
        final java.util.Set<String> seen = new java.util.HashSet<>();
        for (int result = 0; result < RiskResult.COUNT; result++)
        {
            final String text = RiskResult.describe(result);
            assertFalse(text.startsWith("result "), text);
            assertTrue(seen.add(text), text);
        }
        assertEquals("result 99", RiskResult.describe(99));
        assertEquals("unknown", TradingState.name(7));
    }
}
