package corezero.core;

import corezero.order.OrderState;
import corezero.risk.RiskLimits;
import corezero.risk.RiskResult;
import corezero.strategy.EntryResult;
import corezero.strategy.StrategyContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;

import static corezero.core.OrderEntryHarness.AAPL;
import static corezero.core.OrderEntryHarness.ASK;
import static corezero.core.OrderEntryHarness.BID;
import static corezero.core.OrderEntryHarness.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random sequences of strategy intents (enter with random slot, side, quantity and price; cancel) through
 * {@link OrderEntry#enter} and {@link OrderEntry#cancel}, interleaved with the venue's answers (accept, partial
 * and full executions, cancels, rejects) and time moving, over a real SoupBinTCP session to the fake venue, under
 * random limits. Judged from what the venue received, never from the engine's own books:
 * <ul>
 *     <li>no Enter Order above max-order-qty or max-order-notional reached the venue;</li>
 *     <li>for each side, the venue's position in that direction plus every live order on that side never
 *     exceeds max-position;</li>
 *     <li>live orders at the venue never exceed max-open-orders;</li>
 *     <li>the orders sent within any window are at most throttle-capacity plus the window times the refill
 *     rate;</li>
 *     <li>every order the venue got was one {@code enter} returned a UserRefNum for, and a refused enter sent
 *     nothing.</li>
 * </ul>
 * Each try has its own venue and session (a loopback connection and a login, a few milliseconds).
 */
class OrderEntryPropertyTest
{
    private static final int TRIES = 60;
    private static final int STEPS = 250;
    private static final AtomicLongArray OUTCOMES = new AtomicLongArray(EntryResult.COUNT);

    @Property(tries = TRIES)
    void nothingTheVenueReceivesBreaksALimit(@ForAll final long seed)
    {
        try (Simulation simulation = new Simulation(seed))
        {
            for (int i = 0; i < STEPS; i++)
            {
                simulation.step();
            }
            simulation.settle();
        }
    }

    @AfterContainer
    static void everyLimitWasReached()
    {
        final int[] wanted = {
            RiskResult.MAX_ORDER_QUANTITY, RiskResult.MAX_ORDER_NOTIONAL, RiskResult.MAX_POSITION,
            RiskResult.MAX_OPEN_ORDERS, RiskResult.THROTTLED};
        for (final int result : wanted)
        {
            assertTrue(OUTCOMES.get(result) > 0, "never reached: " + RiskResult.describe(result));
        }
        assertTrue(OUTCOMES.get(EntryResult.OK) > 0, "no order was ever sent");
    }

    /** One sequence: a harness with random limits, and what the test handed out. */
    private static final class Simulation implements AutoCloseable
    {
        private final SplittableRandom random;
        private final OrderEntryHarness harness;
        private final RiskLimits limits = new RiskLimits();
        private final List<Long> sentRefs = new ArrayList<>();
        private final List<Long> sentAtNs = new ArrayList<>();

        Simulation(final long seed)
        {
            random = new SplittableRandom(seed);
            limits.set(RiskLimits.MAX_ORDER_QTY, 1 + random.nextInt(400));
            limits.set(RiskLimits.MAX_ORDER_NOTIONAL, (1 + random.nextInt(400)) * BID);
            limits.set(RiskLimits.MAX_POSITION, random.nextInt(1_000));
            limits.set(RiskLimits.COLLAR_BPS, RiskLimits.MAX_COLLAR_BPS);
            limits.set(RiskLimits.ALLOW_NO_REFERENCE, 1);
            limits.set(RiskLimits.THROTTLE_CAPACITY, 1 + random.nextInt(20));
            limits.set(RiskLimits.THROTTLE_REFILL_PER_SECOND, random.nextInt(50));
            limits.set(RiskLimits.MAX_OPEN_ORDERS, random.nextInt(12));
            harness = new OrderEntryHarness(limits, 64);
            harness.loginAndReconcile();
        }

        void step()
        {
            final int action = random.nextInt(100);
            if (action < 40)
            {
                enter();
            }
            else if (action < 50)
            {
                cancel();
            }
            else if (action < 65)
            {
                final long ref = pick(false);
                if (ref > 0)
                {
                    harness.venue.accept(ref);
                }
            }
            else if (action < 80)
            {
                final long ref = pick(true);
                if (ref > 0)
                {
                    final long open = harness.venue.remaining(ref);
                    final long shares = random.nextBoolean() ? open : 1 + random.nextLong(open);
                    harness.venue.execute(ref, shares, harness.venue.received('O').stream()
                        .filter((r) -> r.userRefNum == ref).findFirst().orElseThrow().price);
                }
            }
            else if (action < 88)
            {
                final long ref = pick(true);
                if (ref > 0)
                {
                    harness.venue.cancel(ref, 'U');
                }
            }
            else if (action < 90)
            {
                final long ref = pick(false);
                if (ref > 0)
                {
                    harness.venue.reject(ref, 1);
                }
            }
            else
            {
                harness.clock.advance(random.nextInt(400) * MS);
            }
            harness.step();
            check();
        }

        /** Let everything in flight arrive, then check once more. */
        void settle()
        {
            harness.until("the venue has every order and the engine every answer", () ->
                harness.venue.received('O').size() == sentRefs.size() &&
                harness.entry.session().sequencedMessages() == harness.venue.streamLength());
            check();
            final List<FakeOuchVenue.Received> received = harness.venue.received('O');
            for (int i = 0; i < received.size(); i++)
            {
                assertEquals(sentRefs.get(i), received.get(i).userRefNum, "order " + i + " at the venue");
            }
        }

        private void enter()
        {
            final int slot = random.nextInt(3);
            final byte side = random.nextBoolean() ? (byte)'B' : (byte)'S';
            final long maxQty = limits.maxOrderQty();
            final long quantity = 1 + random.nextLong(maxQty + maxQty / 2 + 1);
            final long price = BID - 5_000 + random.nextLong(ASK - BID + 10_000);
            final long result = harness.entry.enter(
                slot, AAPL, side, quantity, price, StrategyContext.DAY, 0, harness.nowNs());
            if (result > 0)
            {
                OUTCOMES.incrementAndGet(EntryResult.OK);
                assertEquals(harness.entry.orders().nextUserRefNum() - 1, result);
                sentRefs.add(result);
                sentAtNs.add(harness.nowNs());
            }
            else
            {
                assertTrue(result < 0, "never 0");
                OUTCOMES.incrementAndGet((int)-result);
            }
        }

        private void cancel()
        {
            if (sentRefs.isEmpty())
            {
                return;
            }
            final long ref = sentRefs.get(random.nextInt(sentRefs.size()));
            final int slot = harness.entry.orders().strategySlot(ref);
            final OrderState before = harness.entry.orders().state(ref);
            final int result = harness.entry.cancel(slot < 0 ? 0 : slot, ref, harness.nowNs());
            if (EntryResult.OK == result)
            {
                assertTrue(OrderState.ACCEPTED == before || OrderState.PARTIALLY_FILLED == before, before.name());
                assertEquals(OrderState.CANCEL_PENDING, harness.entry.orders().state(ref));
            }
        }

        /** A random order the venue received that is live, and accepted or not as asked; 0 for none. */
        private long pick(final boolean accepted)
        {
            final List<Long> candidates = new ArrayList<>();
            for (final FakeOuchVenue.Received order : harness.venue.received('O'))
            {
                if (harness.venue.remaining(order.userRefNum) > 0 &&
                    accepted == harness.venue.isAccepted(order.userRefNum))
                {
                    candidates.add(order.userRefNum);
                }
            }
            return candidates.isEmpty() ? 0 : candidates.get(random.nextInt(candidates.size()));
        }

        private void check()
        {
            long openBuy = 0;
            long openSell = 0;
            int live = 0;
            for (final FakeOuchVenue.Received order : harness.venue.received('O'))
            {
                assertTrue(order.quantity <= limits.maxOrderQty(), "quantity above the limit: " + order);
                assertTrue(order.quantity * order.price <= limits.maxOrderNotional(), "notional: " + order);
                assertTrue(sentRefs.contains(order.userRefNum), "never handed out: " + order);
                final long remaining = harness.venue.remaining(order.userRefNum);
                if (remaining > 0)
                {
                    live++;
                    if ('B' == order.side)
                    {
                        openBuy += remaining;
                    }
                    else
                    {
                        openSell += remaining;
                    }
                }
            }
            final long position = harness.venue.position();
            assertTrue(position + openBuy <= limits.maxPosition(),
                "long exposure " + position + " + " + openBuy + " > " + limits.maxPosition());
            assertTrue(-position + openSell <= limits.maxPosition(),
                "short exposure " + -position + " + " + openSell + " > " + limits.maxPosition());
            assertTrue(live <= limits.maxOpenOrders(), "live orders " + live + " > " + limits.maxOpenOrders());

            // Every window [i, j] of sends: at most capacity + elapsed × rate orders.
            final int n = sentAtNs.size();
            for (int i = 0; i < n; i++)
            {
                for (int j = i; j < n; j++)
                {
                    final long count = j - i + 1;
                    final long elapsedNs = sentAtNs.get(j) - sentAtNs.get(i);
                    assertTrue(count * 1_000_000_000L <=
                        limits.throttleCapacity() * 1_000_000_000L + elapsedNs * limits.throttleRefillPerSecond(),
                        count + " orders in " + elapsedNs + " ns");
                }
            }
        }

        @Override
        public void close()
        {
            harness.close();
        }
    }
}
