package corezero.order;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Average-cost positions and P&amp;L checked against hand-computed values (money is price × shares with 4
 * implied decimals: 10,000 units = $1), and against an exact BigInteger model near the documented bounds.
 */
class PositionsTest
{
    private static final int LOCATE = 7;
    private final Positions positions = new Positions(2, 4);

    @Test
    void longToFlatToShortToFlatMatchesHandComputedValues()
    {
        buy(100, 100_000);                                  // 100 @ $10.0000: cost $1,000.0000
        check(100, 100_000, 0);
        buy(50, 103_000);                                   // + 50 @ $10.3000: cost 15,150,000, avg 10.1000
        check(150, 101_000, 0);
        sell(120, 105_000);                                 // close 120: released 12,120,000, proceeds 12,600,000
        check(30, 101_000, 480_000);
        assertEquals(-15_000, positions.unrealizedPnl(LOCATE, 100_500));   // 30 × 100,500 - 3,030,000
        sell(80, 102_000);                                  // close 30 (+30,000), open short 50 @ 10.2000
        check(-50, 102_000, 510_000);
        assertEquals(50_000, positions.unrealizedPnl(LOCATE, 101_000));    // 5,100,000 - 50 × 101,000
        assertEquals(560_000, positions.totalPnl(LOCATE, 101_000));
        buy(20, 101_000);                                   // cover 20: released 2,040,000, paid 2,020,000
        check(-30, 102_000, 530_000);
        buy(30, 104_000);                                   // cover 30: released 3,060,000, paid 3,120,000
        check(0, 0, 470_000);
        assertEquals(0, positions.unrealizedPnl(LOCATE, 999_999));
        assertEquals(470_000, positions.totalPnl(LOCATE, 1));
        assertEquals(470_000, positions.realizedPnl(0, LOCATE));
        assertEquals(0, positions.realizedPnl(1, LOCATE));
        assertEquals(470_000, positions.realizedPnl());
    }

    @Test
    void roundingOfTheAverageNeverLeaksIntoRealizedPnl()
    {
        buy(1, 10);
        buy(2, 11);                                         // cost 32 for 3 shares: average 10.67, shown as 10
        check(3, 10, 0);
        sell(1, 12);                                        // released floor(32 / 3) = 10
        check(2, 11, 2);
        sell(2, 12);                                        // released the remaining 22
        check(0, 0, 4);                                     // exactly 36 - 32
    }

    @Test
    void oneFillCrossingZeroClosesAndReopensAtTheFillPrice()
    {
        sell(10, 50_000);
        buy(25, 40_000);                                    // cover 10 (+100,000), long 15 @ 4.0000
        check(15, 40_000, 100_000);
        assertEquals(15 * 1_000 + 100_000, positions.totalPnl(LOCATE, 41_000));
    }

    @Test
    void strategySlotsKeepTheirOwnPositionsAndTheTotalKeepsTheNet()
    {
        assertEquals(OrderResult.OK, positions.onFill(0, LOCATE, true, 100, 100_000));
        assertEquals(OrderResult.OK, positions.onFill(1, LOCATE, false, 100, 110_000));
        assertEquals(100, positions.position(0, LOCATE));
        assertEquals(-100, positions.position(1, LOCATE));
        assertEquals(0, positions.position(LOCATE));
        assertEquals(1_000_000, positions.realizedPnl(LOCATE));
        assertEquals(0, positions.realizedPnl(0, LOCATE));
        assertEquals(100 * 5_000, positions.unrealizedPnl(0, LOCATE, 105_000));
        assertEquals(100 * 5_000, positions.unrealizedPnl(1, LOCATE, 105_000));
        assertEquals(100_000, positions.averageCost(0, LOCATE));
        assertEquals(110_000, positions.averageCost(1, LOCATE));
    }

    @Test
    void rejectsBadArgumentsAndBindsAtMostItsInstruments()
    {
        assertEquals(OrderResult.BAD_STRATEGY_SLOT, positions.onFill(2, LOCATE, true, 1, 1));
        assertEquals(OrderResult.BAD_QUANTITY, positions.onFill(0, LOCATE, true, 0, 1));
        assertEquals(OrderResult.BAD_LOCATE, positions.onFill(0, 0, true, 1, 1));
        assertEquals(OrderResult.BAD_LOCATE, positions.bind(70_000));
        for (int locate = 1; locate <= 4; locate++)
        {
            assertEquals(OrderResult.OK, positions.bind(locate));
        }
        assertEquals(OrderResult.INSTRUMENTS_EXHAUSTED, positions.bind(5));
        assertEquals(0, positions.position(5));
        assertEquals(0, positions.unrealizedPnl(5, 100));
    }

    @Test
    void exactAgainstBigIntegersNearTheDocumentedBounds()
    {
        final SplittableRandom random = new SplittableRandom(42);
        final long maxShares = (1L << 31) - 1;
        final long mark = Orders.MAX_PRICE / 2;
        for (int episode = 0; episode < 200; episode++)
        {
            final Positions exact = new Positions(1, 1);
            BigInteger position = BigInteger.ZERO;
            BigInteger cost = BigInteger.ZERO;
            BigInteger realized = BigInteger.ZERO;
            for (int i = 0; i < 1_000; i++)
            {
                final long held = position.longValueExact();
                final long room = maxShares - Math.abs(held);
                final boolean buy = room < 1 << 20 ? held < 0 : random.nextBoolean();
                final boolean adding = held == 0 || (held > 0) == buy;
                // Either many shares at a low price or a high price on fewer shares, so one fill stays < 2^51.
                final boolean manyShares = random.nextInt(4) == 0;
                final long price = 1 + random.nextLong(manyShares ? 1 << 20 : Orders.MAX_PRICE);
                final long cap = Math.min(manyShares ? maxShares : 1 << 20, adding ? room : Math.abs(held) + room);
                final long shares = 1 + random.nextLong(cap);
                assertEquals(OrderResult.OK, exact.onFill(0, 1, buy, shares, price));

                final BigInteger q = BigInteger.valueOf(shares);
                final BigInteger p = BigInteger.valueOf(price);
                if (adding)
                {
                    cost = cost.add(q.multiply(p));
                }
                else
                {
                    final BigInteger heldShares = position.abs();
                    final BigInteger closed = heldShares.min(q);
                    final BigInteger released = closed.equals(heldShares) ? cost :
                        cost.multiply(closed).divide(heldShares);
                    final BigInteger proceeds = closed.multiply(p);
                    realized = realized.add(position.signum() > 0 ? proceeds.subtract(released) :
                        released.subtract(proceeds));
                    cost = cost.subtract(released).add(q.subtract(closed).multiply(p));
                }
                position = position.add(buy ? q : q.negate());
                assertEquals(position.longValueExact(), exact.position(1));
                assertEquals(realized.longValueExact(), exact.realizedPnl(1));
                final BigInteger m = BigInteger.valueOf(mark);
                final BigInteger unrealized = position.signum() >= 0 ? position.multiply(m).subtract(cost) :
                    cost.add(position.multiply(m));
                assertEquals(unrealized.longValueExact(), exact.unrealizedPnl(1, mark));
            }
        }
    }

    private void buy(final long shares, final long price)
    {
        assertEquals(OrderResult.OK, positions.onFill(0, LOCATE, true, shares, price));
    }

    private void sell(final long shares, final long price)
    {
        assertEquals(OrderResult.OK, positions.onFill(0, LOCATE, false, shares, price));
    }

    private void check(final long position, final long averageCost, final long realizedPnl)
    {
        assertEquals(position, positions.position(LOCATE), "position");
        assertEquals(averageCost, positions.averageCost(LOCATE), "average cost");
        assertEquals(realizedPnl, positions.realizedPnl(LOCATE), "realized");
        assertEquals(position, positions.position(0, LOCATE), "slot position");
        assertEquals(realizedPnl, positions.realizedPnl(0, LOCATE), "slot realized");
    }
}
