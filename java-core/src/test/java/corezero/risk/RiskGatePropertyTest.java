package corezero.risk;

import corezero.book.BookView;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random sequences of strategy intents (orders of random side, quantity and price, fills, cancels, limit changes,
 * trading-state changes, book moves and time advances) driven through {@link RiskGate} and a simple exposure
 * model kept by this test. Each order is also judged by an oracle written here, from the limits as the test set
 * them, in BigInteger arithmetic and with the throttle as a sliding-window bound rather than a bucket:
 * <ul>
 *     <li>no accepted order breaks a limit: state, size, notional, collar, worst-case position, open orders,
 *     and the rate over every window ending now ({@code n ≤ capacity + elapsed × rate});</li>
 *     <li>a refusal names a limit that the order does break, and an order that breaks none but the rate is
 *     accepted or throttled;</li>
 *     <li>until the throttle's settings change after its first use, the bucket is exactly the window bound:
 *     throttled if and only if accepting would exceed it;</li>
 *     <li>the gate's counters equal the test's.</li>
 * </ul>
 * jqwik draws the seeds and reports the seed of a failing sequence.
 */
class RiskGatePropertyTest
{
    private static final int TRIES = 300;
    private static final int STEPS = 2_000;
    private static final AtomicLongArray OUTCOMES = new AtomicLongArray(RiskResult.COUNT);

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.MIXIN)
    void noAcceptedOrderBreaksALimit(@ForAll final long seed)
    {
        final Simulation simulation = new Simulation(seed);
        for (int i = 0; i < STEPS; i++)
        {
            simulation.step();
        }
        simulation.verifyCounters();
    }

    @AfterContainer
    static void everyOutcomeWasReached()
    {
        for (int result = RiskResult.OK; result <= RiskResult.BAD_PRICE; result++)
        {
            assertTrue(OUTCOMES.get(result) > 0, "never reached: " + RiskResult.describe(result));
        }
    }

    /** One sequence: the gate under test, and the test's own model of limits, state, exposure and time. */
    private static final class Simulation implements ExposureView
    {
        private static final int LOCATES = 3;
        private static final long[] BASE_PRICES = {0, 3_201_400, 1_234_500, 15_000};
        private static final BigInteger BPS = BigInteger.valueOf(10_000);

        private final SplittableRandom random;
        private final RiskLimits limits = new RiskLimits();
        private final RiskGate gate = new RiskGate(limits);
        private final StubBook[] books = new StubBook[LOCATES + 1];

        // The test's copy of the limits and state.
        private long maxOrderQty;
        private long maxOrderNotional;
        private long maxPosition;
        private long collarBps;
        private boolean allowNoReference;
        private long throttleCapacity;
        private long throttleRefill;
        private long maxOpenOrders;
        private int state = TradingState.ACTIVE;

        // Exposure: positions and the open orders, one entry per order.
        private final long[] position = new long[LOCATES + 1];
        private final int[] orderLocate = new int[STEPS];
        private final boolean[] orderBuy = new boolean[STEPS];
        private final long[] orderRemaining = new long[STEPS];
        private int openCount;

        // Throttle windows: accept times since the throttle's settings last changed.
        private final long[] acceptTimes = new long[STEPS];
        private int acceptCount;
        private int segmentStart;
        private boolean throttleStarted;
        private long throttleStartNs;
        private boolean pristine = true;

        private final long[] outcomes = new long[RiskResult.COUNT];
        private long nowNs;

        Simulation(final long seed)
        {
            random = new SplittableRandom(seed);
            for (int locate = 1; locate <= LOCATES; locate++)
            {
                books[locate] = new StubBook();
                moveBook(locate);
            }
            nowNs = random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
            set(RiskLimits.MAX_ORDER_QTY, 1 + random.nextLong(2_000));
            set(RiskLimits.MAX_ORDER_NOTIONAL, 1 + random.nextLong(3_201_400L * 2_000));
            set(RiskLimits.MAX_POSITION, random.nextLong(10_000));
            set(RiskLimits.COLLAR_BPS, random.nextLong(200));
            set(RiskLimits.ALLOW_NO_REFERENCE, random.nextInt(2));
            set(RiskLimits.THROTTLE_CAPACITY, random.nextLong(20));
            set(RiskLimits.THROTTLE_REFILL_PER_SECOND, random.nextLong(50));
            set(RiskLimits.MAX_OPEN_ORDERS, random.nextLong(60));
        }

        void step()
        {
            final int roll = random.nextInt(100);
            if (roll < 50)
            {
                order();
            }
            else if (roll < 62)
            {
                fill();
            }
            else if (roll < 70)
            {
                cancel();
            }
            else if (roll < 74)
            {
                changeLimit();
            }
            else if (roll < 77)
            {
                changeState();
            }
            else if (roll < 84)
            {
                moveBook(1 + random.nextInt(LOCATES));
            }
            else
            {
                advanceTime();
            }
        }

        private void order()
        {
            final int locate = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(LOCATES);
            final BookView book = books[0 == locate ? 1 + random.nextInt(LOCATES) : locate];
            final int sideRoll = random.nextInt(100);
            final byte side = sideRoll == 0 ? (byte)'x' : sideRoll < 50 ? (byte)'B' : (byte)'S';
            final boolean buy = 'B' == side;
            final long quantity = drawQuantity(locate, buy);
            final long price = drawPrice(book, buy);

            final int violations = violations(locate, side, quantity, price, book);
            final int result = gate.check(locate, side, quantity, price, nowNs, book, this);
            outcomes[result]++;
            OUTCOMES.incrementAndGet(result);

            if (0 == violations && !throttleStarted)
            {
                throttleStarted = true;
                throttleStartNs = nowNs;
            }
            final boolean rateAllows = 0 == violations && rateAllows();
            final String what = "order " + (char)side + " " + quantity + " @ " + price + " locate " + locate +
                " at " + nowNs + ": " + RiskResult.describe(result) + "; violations " +
                Integer.toBinaryString(violations) + "; " + limits;

            if (RiskResult.OK == result)
            {
                assertEquals(0, violations, what);
                assertTrue(rateAllows, "rate window exceeded by " + what);
                accept(locate, buy, quantity);
            }
            else if (RiskResult.THROTTLED == result)
            {
                assertEquals(0, violations, what);
                if (pristine)
                {
                    assertTrue(!rateAllows, "throttled inside the rate bound: " + what);
                }
            }
            else
            {
                // Also fails when the order breaks nothing at all.
                assertTrue(0 != (violations & (1 << result)), "refused for a limit it does not break: " + what);
            }
        }

        /** Bit per {@link RiskResult} code that this order breaks, THROTTLED aside. */
        private int violations(
            final int locate, final byte side, final long quantity, final long price, final BookView book)
        {
            int violations = 0;
            if (TradingState.HALTED == state)
            {
                violations |= 1 << RiskResult.HALTED;
            }
            final boolean buy = 'B' == side;
            final boolean goodSide = buy || 'S' == side;
            if (!goodSide)
            {
                violations |= 1 << RiskResult.BAD_SIDE;
            }
            if (quantity <= 0)
            {
                violations |= 1 << RiskResult.QUANTITY_ZERO_OR_NEGATIVE;
            }
            final boolean goodPrice = price > 0 && price < 0x7FFF_FFFFL; // OUCH's market price is out
            if (!goodPrice)
            {
                violations |= 1 << RiskResult.BAD_PRICE;
            }
            if (quantity > maxOrderQty)
            {
                violations |= 1 << RiskResult.MAX_ORDER_QUANTITY;
            }
            if (quantity > 0 && goodPrice &&
                BigInteger.valueOf(price).multiply(BigInteger.valueOf(quantity))
                    .compareTo(BigInteger.valueOf(maxOrderNotional)) > 0)
            {
                violations |= 1 << RiskResult.MAX_ORDER_NOTIONAL;
            }
            if (openCount >= maxOpenOrders)
            {
                violations |= 1 << RiskResult.MAX_OPEN_ORDERS;
            }
            if (goodSide && quantity > 0)
            {
                final BigInteger before = BigInteger.valueOf(position(locate));
                final BigInteger order = BigInteger.valueOf(quantity);
                final BigInteger after = buy ?
                    before.add(BigInteger.valueOf(openBuyQuantity(locate))).add(order) :
                    before.subtract(BigInteger.valueOf(openSellQuantity(locate))).subtract(order);
                // Past the limit on the side this order pushes towards (a buy that leaves a short is reducing).
                if (after.abs().compareTo(BigInteger.valueOf(maxPosition)) > 0 && after.signum() == (buy ? 1 : -1))
                {
                    violations |= 1 << RiskResult.MAX_POSITION;
                }
                final boolean reduces = buy ? before.signum() < 0 && after.signum() <= 0 :
                    before.signum() > 0 && after.signum() >= 0;
                if (TradingState.REDUCING == state && !reduces)
                {
                    violations |= 1 << RiskResult.REDUCING_ONLY;
                }
                if (goodPrice)
                {
                    violations |= collarViolation(buy, price, book);
                }
            }
            return violations;
        }

        private int collarViolation(final boolean buy, final long price, final BookView book)
        {
            long reference = buy ? book.bestAskPrice() : book.bestBidPrice();
            if (BookView.NO_PRICE == reference)
            {
                reference = book.lastTradePrice();
            }
            if (BookView.NO_PRICE == reference)
            {
                return allowNoReference ? 0 : 1 << RiskResult.NO_REFERENCE_PRICE;
            }
            final BigInteger scaledPrice = BigInteger.valueOf(price).multiply(BPS);
            final BigInteger bound = BigInteger.valueOf(reference)
                .multiply(BigInteger.valueOf(buy ? 10_000 + collarBps : 10_000 - collarBps));
            final int compare = scaledPrice.compareTo(bound);
            return (buy ? compare > 0 : compare < 0) ? 1 << RiskResult.PRICE_COLLAR : 0;
        }

        /**
         * Would one more order now stay within capacity + elapsed × rate over every window ending now? Windows
         * starting at an accept time are enough: any other start counts the same orders as the first accept after
         * it, over more time. Until the settings change, the window from the bucket's first use (full) counts too.
         */
        private boolean rateAllows()
        {
            final long accepted = acceptCount - segmentStart;
            if (pristine && !windowAllows(accepted + 1, nowNs - throttleStartNs))
            {
                return false;
            }
            for (int i = segmentStart; i < acceptCount; i++)
            {
                if (!windowAllows(acceptCount - i + 1, nowNs - acceptTimes[i]))
                {
                    return false;
                }
            }
            return true;
        }

        private boolean windowAllows(final long orders, final long elapsedNs)
        {
            final BigInteger earned = BigInteger.valueOf(elapsedNs).multiply(BigInteger.valueOf(throttleRefill));
            final BigInteger needed = BigInteger.valueOf(orders - throttleCapacity)
                .multiply(BigInteger.valueOf(1_000_000_000L));
            // A bucket of capacity 0 never holds a whole token, whatever the rate.
            return throttleCapacity > 0 && (orders <= throttleCapacity || needed.compareTo(earned) <= 0);
        }

        private void accept(final int locate, final boolean buy, final long quantity)
        {
            orderLocate[openCount] = locate;
            orderBuy[openCount] = buy;
            orderRemaining[openCount] = quantity;
            openCount++;
            acceptTimes[acceptCount++] = nowNs;
        }

        private long drawQuantity(final int locate, final boolean buy)
        {
            final int roll = random.nextInt(100);
            if (roll < 3)
            {
                return -random.nextLong(3);
            }
            if (roll < 5)
            {
                return Long.MAX_VALUE - random.nextLong(3);
            }
            if (roll < 20)
            {
                return Math.max(1, maxOrderQty + random.nextLong(3) - 1);
            }
            if (roll < 40)
            {
                // Right at the edge of the worst-case position, or of flat when reducing.
                final long worst = buy ?
                    position(locate) + openBuyQuantity(locate) : -position(locate) + openSellQuantity(locate);
                final long room = (random.nextBoolean() ? maxPosition : 0) - worst;
                return Math.max(1, room + random.nextLong(3) - 1);
            }
            return 1 + random.nextLong(Math.max(1, Math.min(maxOrderQty, 5_000)));
        }

        private long drawPrice(final BookView book, final boolean buy)
        {
            final int roll = random.nextInt(100);
            if (roll < 2)
            {
                return -random.nextLong(2);
            }
            if (roll < 4)
            {
                return 0x7FFF_FFFFL + random.nextLong(3) - 2;
            }
            long reference = buy ? book.bestAskPrice() : book.bestBidPrice();
            if (BookView.NO_PRICE == reference)
            {
                reference = book.lastTradePrice();
            }
            if (BookView.NO_PRICE == reference)
            {
                reference = BASE_PRICES[1 + random.nextInt(LOCATES)];
            }
            if (roll < 30)
            {
                // The collar's edge: floor for a buy, ceiling for a sell, then one either side.
                final long scaled = reference * (buy ? 10_000 + collarBps : 10_000 - collarBps);
                final long edge = buy ? Math.floorDiv(scaled, 10_000) : -Math.floorDiv(-scaled, 10_000);
                return edge + random.nextLong(3) - 1;
            }
            final long spread = Math.max(1, reference * (collarBps + 20) / 10_000);
            return Math.max(1, reference + random.nextLong(-spread, spread + 1));
        }

        private void fill()
        {
            if (0 == openCount)
            {
                return;
            }
            final int i = random.nextInt(openCount);
            final long shares = 1 + random.nextLong(orderRemaining[i]);
            position[orderLocate[i]] += orderBuy[i] ? shares : -shares;
            orderRemaining[i] -= shares;
            if (0 == orderRemaining[i])
            {
                remove(i);
            }
        }

        private void cancel()
        {
            if (0 != openCount)
            {
                remove(random.nextInt(openCount));
            }
        }

        private void remove(final int i)
        {
            openCount--;
            orderLocate[i] = orderLocate[openCount];
            orderBuy[i] = orderBuy[openCount];
            orderRemaining[i] = orderRemaining[openCount];
        }

        private void changeLimit()
        {
            switch (random.nextInt(9))
            {
                case 0:
                    set(RiskLimits.MAX_ORDER_QTY, random.nextInt(10) == 0 ? Long.MAX_VALUE :
                        random.nextLong(-1, 2_000));
                    break;
                case 1:
                    set(RiskLimits.MAX_ORDER_NOTIONAL, random.nextInt(10) == 0 ? Long.MAX_VALUE :
                        random.nextLong(-1, 3_201_400L * 2_000));
                    break;
                case 2:
                    set(RiskLimits.MAX_POSITION, random.nextLong(-1, 10_000));
                    break;
                case 3:
                    set(RiskLimits.COLLAR_BPS, random.nextInt(10) == 0 ? 10_000 + random.nextLong(-1, 2) :
                        random.nextLong(-1, 200));
                    break;
                case 4:
                    set(RiskLimits.ALLOW_NO_REFERENCE, random.nextLong(-1, 3));
                    break;
                case 5:
                    set(RiskLimits.THROTTLE_CAPACITY, random.nextInt(10) == 0 ?
                        RiskLimits.MAX_THROTTLE + random.nextLong(-1, 2) : random.nextLong(-1, 20));
                    break;
                case 6:
                    set(RiskLimits.THROTTLE_REFILL_PER_SECOND, random.nextInt(10) == 0 ?
                        RiskLimits.MAX_THROTTLE + random.nextLong(-1, 2) : random.nextLong(-1, 50));
                    break;
                case 7:
                    set(RiskLimits.MAX_OPEN_ORDERS, random.nextInt(10) == 0 ? Integer.MAX_VALUE :
                        random.nextLong(-1, 60));
                    break;
                default:
                    assertEquals(RiskResult.UNKNOWN_KEY, limits.set("max-orders", 1));
                    break;
            }
        }

        /** Set through the gate's limits and, when the test's own range check agrees, in the test's copy. */
        private void set(final String key, final long value)
        {
            final boolean valid;
            switch (key)
            {
                case RiskLimits.COLLAR_BPS:
                    valid = value >= 0 && value <= 10_000;
                    break;
                case RiskLimits.ALLOW_NO_REFERENCE:
                    valid = value == 0 || value == 1;
                    break;
                case RiskLimits.THROTTLE_CAPACITY:
                case RiskLimits.THROTTLE_REFILL_PER_SECOND:
                    valid = value >= 0 && value <= 1_000_000_000L;
                    break;
                case RiskLimits.MAX_OPEN_ORDERS:
                    valid = value >= 0 && value <= Integer.MAX_VALUE;
                    break;
                default:
                    valid = value >= 0;
                    break;
            }
            assertEquals(valid ? RiskResult.OK : RiskResult.BAD_VALUE, limits.set(key, value), key + " " + value);
            if (!valid)
            {
                return;
            }
            switch (key)
            {
                case RiskLimits.MAX_ORDER_QTY:
                    maxOrderQty = value;
                    break;
                case RiskLimits.MAX_ORDER_NOTIONAL:
                    maxOrderNotional = value;
                    break;
                case RiskLimits.MAX_POSITION:
                    maxPosition = value;
                    break;
                case RiskLimits.COLLAR_BPS:
                    collarBps = value;
                    break;
                case RiskLimits.ALLOW_NO_REFERENCE:
                    allowNoReference = value == 1;
                    break;
                case RiskLimits.THROTTLE_CAPACITY:
                    throttleCapacity = value;
                    newThrottleSegment();
                    break;
                case RiskLimits.THROTTLE_REFILL_PER_SECOND:
                    throttleRefill = value;
                    newThrottleSegment();
                    break;
                default:
                    maxOpenOrders = value;
                    break;
            }
        }

        private void newThrottleSegment()
        {
            segmentStart = acceptCount;
            pristine = pristine && !throttleStarted;
        }

        private void changeState()
        {
            final int roll = random.nextInt(100);
            final int next = roll < 55 ? TradingState.ACTIVE : roll < 85 ? TradingState.REDUCING :
                roll < 98 ? TradingState.HALTED : 3;
            if (TradingState.isValid(next))
            {
                assertEquals(RiskResult.OK, gate.tradingState(next));
                state = next;
            }
            else
            {
                assertEquals(RiskResult.BAD_VALUE, gate.tradingState(next));
            }
            assertEquals(state, gate.tradingState());
            assertEquals(TradingState.HALTED == state, gate.isHalted());
        }

        private void moveBook(final int locate)
        {
            final long base = BASE_PRICES[locate];
            final long mid = base + random.nextLong(-base / 100, base / 100 + 1);
            final long halfSpread = 1 + random.nextLong(Math.max(1, base / 2_000));
            final int roll = random.nextInt(100);
            final long bid = roll < 8 ? BookView.NO_PRICE : mid - halfSpread;
            final long ask = roll >= 4 && roll < 12 ? BookView.NO_PRICE : mid + halfSpread;
            final long last = roll < 6 || random.nextInt(4) == 0 ? BookView.NO_PRICE : mid;
            books[locate].quote(bid, ask, last);
        }

        private void advanceTime()
        {
            final int roll = random.nextInt(100);
            if (roll < 20)
            {
                return; // bursts at one instant
            }
            nowNs += roll < 50 ? random.nextLong(1_000_000) : roll < 95 ? random.nextLong(200_000_000) :
                random.nextLong(5_000_000_000L);
        }

        void verifyCounters()
        {
            assertEquals(outcomes[RiskResult.OK], gate.accepted());
            long rejected = 0;
            for (int result = RiskResult.HALTED; result < RiskResult.COUNT; result++)
            {
                assertEquals(outcomes[result], gate.rejects(result), RiskResult.describe(result));
                rejected += outcomes[result];
            }
            assertEquals(rejected, gate.rejected());
        }

        @Override
        public long position(final int stockLocate)
        {
            return position[stockLocate];
        }

        @Override
        public long openBuyQuantity(final int stockLocate)
        {
            return openQuantity(stockLocate, true);
        }

        @Override
        public long openSellQuantity(final int stockLocate)
        {
            return openQuantity(stockLocate, false);
        }

        private long openQuantity(final int stockLocate, final boolean buy)
        {
            long quantity = 0;
            for (int i = 0; i < openCount; i++)
            {
                if (orderLocate[i] == stockLocate && orderBuy[i] == buy)
                {
                    quantity += orderRemaining[i];
                }
            }
            return quantity;
        }

        @Override
        public int openOrders()
        {
            return openCount;
        }
    }
}
