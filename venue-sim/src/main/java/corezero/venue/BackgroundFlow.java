package corezero.venue;

import java.util.SplittableRandom;

/**
 * Other participants' flow once the capture is over (or from the start with a synthetic session), so that a demo
 * book keeps moving and resting quotes get filled: the mid walks randomly a cent at a time; events arrive as a
 * Poisson process; each is a passive limit order 1 to 10 cents from the mid (day), a cancel of an earlier flow
 * order, or a marketable IOC order 3 cents through the mid. At most {@code maxOrders} flow orders rest: when the
 * list is full the next event is a cancel, so a long demo does not grow without bound.
 * <p>
 * The choices depend only on the seed (the book is read once, for the starting mid), so the same seed over the same
 * book gives the same flow. Order reference numbers start at {@link ExchangeCore#FLOW_ORDER_ID_BASE}, or after a
 * restart after the highest the restored feed carried (the flow itself starts afresh: orders of the earlier run rest
 * on).
 * Single-threaded.
 */
final class BackgroundFlow
{
    /** Events handled at most per duty cycle; a flow that falls further behind skips ahead. */
    static final int MAX_EVENTS_PER_DUTY_CYCLE = 64;

    /** Mid when the book has no two-sided market at the start: $100.00. */
    static final long DEFAULT_MID = 1_000_000;

    private static final long CENT = MatchingEngine.CENT;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ExchangeCore core;
    private final MatchingEngine engine;
    private final SplittableRandom random;
    private final double meanGapNs;
    private final long[] restingIds;
    private final VenueSimCounters counters;
    private int restingCount;
    private int locate;
    private long mid;
    private long nextOrderId;
    private long nextEventNs;
    private boolean isStarted;

    /**
     * @param core            the engine to trade in.
     * @param seed            of the choices.
     * @param eventsPerSecond mean rate, above zero.
     * @param maxOrders       flow orders resting at most.
     * @param counters        to count events.
     */
    BackgroundFlow(
        final ExchangeCore core,
        final long seed,
        final long eventsPerSecond,
        final int maxOrders,
        final VenueSimCounters counters)
    {
        this.core = core;
        this.engine = core.engine();
        this.random = new SplittableRandom(seed);
        this.meanGapNs = (double)NANOS_PER_SECOND / eventsPerSecond;
        this.restingIds = new long[maxOrders];
        this.counters = counters;
        this.nextOrderId = core.lastFlowOrderRef() + 1;
    }

    /**
     * Start trading a stock from now, at the mid of its book.
     *
     * @param locate stock, listed.
     * @param nowNs  the exchange's time.
     */
    void start(final int locate, final long nowNs)
    {
        this.locate = locate;
        final long bid = core.bestPrice(locate, MatchingEngine.BUY);
        final long ask = core.bestPrice(locate, MatchingEngine.SELL);
        final long bookMid = MatchingBook.NO_PRICE != bid && MatchingBook.NO_PRICE != ask ? (bid + ask) / 2 :
            MatchingBook.NO_PRICE != bid ? bid : MatchingBook.NO_PRICE != ask ? ask : DEFAULT_MID;
        this.mid = Math.max(MatchingEngine.ONE_DOLLAR + 20 * CENT, bookMid / CENT * CENT);
        this.nextEventNs = nowNs + gapNs();
        this.isStarted = true;
    }

    boolean isStarted()
    {
        return isStarted;
    }

    int restingCount()
    {
        return restingCount;
    }

    long mid()
    {
        return mid;
    }

    /**
     * @return when the next event is due; {@link Long#MAX_VALUE} before the start.
     */
    long nextEventNs()
    {
        return isStarted ? nextEventNs : Long.MAX_VALUE;
    }

    /**
     * @param nowNs the exchange's time.
     * @return events handled.
     */
    int doWork(final long nowNs)
    {
        if (!isStarted)
        {
            return 0;
        }

        int events = 0;
        while (nextEventNs - nowNs <= 0 && events < MAX_EVENTS_PER_DUTY_CYCLE)
        {
            event();
            nextEventNs += gapNs();
            events++;
        }
        if (nextEventNs - nowNs < -NANOS_PER_SECOND)
        {
            nextEventNs = nowNs;
        }

        return events;
    }

    /**
     * One event, whatever the time: the test steps the flow with this.
     */
    void event()
    {
        counters.flowEvents.incrementRelease();
        mid = Math.max(MatchingEngine.ONE_DOLLAR + 20 * CENT, mid + CENT * (random.nextInt(3) - 1));
        final double choice = random.nextDouble();
        if (restingCount == restingIds.length || (restingCount > 0 && choice < 0.35))
        {
            cancel(random.nextInt(restingCount));
        }
        else if (choice < 0.45)
        {
            final byte side = random.nextBoolean() ? MatchingEngine.BUY : MatchingEngine.SELL;
            final long price = MatchingEngine.BUY == side ? mid + 3 * CENT : mid - 3 * CENT;
            final long qty = 100L * (1 + random.nextInt(3));
            engine.enter(nextOrderId++, locate, side, qty, price, MatchingEngine.IMMEDIATE_OR_CANCEL,
                core.clock().nanoTime());
        }
        else
        {
            final byte side = random.nextBoolean() ? MatchingEngine.BUY : MatchingEngine.SELL;
            final long offset = CENT * (1 + random.nextInt(10));
            final long price = MatchingEngine.BUY == side ? mid - offset : mid + offset;
            final long qty = 100L * (1 + random.nextInt(5));
            final long orderId = nextOrderId++;
            engine.enter(orderId, locate, side, qty, price, MatchingEngine.DAY, core.clock().nanoTime());
            if (engine.openQty(orderId) > 0)
            {
                restingIds[restingCount++] = orderId;
            }
        }
    }

    private void cancel(final int index)
    {
        final long orderId = restingIds[index];
        restingIds[index] = restingIds[--restingCount];
        if (engine.openQty(orderId) > 0)
        {
            engine.cancel(orderId, 0);
        }
    }

    private long gapNs()
    {
        return 1 + (long)(-Math.log(1.0 - random.nextDouble()) * meanGapNs);
    }
}
