package corezero.core;

import corezero.book.ItchBookAdapter;
import corezero.book.OrderBooks;
import corezero.itch.ItchDecoder;
import corezero.ouch.SoupBinTcpClient;
import corezero.risk.RiskLimits;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An {@link OrderEntry} against a {@link FakeOuchVenue} on loopback, both stepped by the test's thread on one
 * manual clock (a {@link CachedNanoClock}, also the strategy slots' clock) that moves a millisecond a step, with
 * AAPL at locate 1 in the books (500 bid at $100.00, 500 offered at $100.10, ITCH order refs 1 and 2).
 */
public final class OrderEntryHarness implements AutoCloseable
{
    /** A millisecond. */
    public static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    /** AAPL's locate. */
    public static final int AAPL = 1;
    /** Best bid, $100.00. */
    public static final long BID = 1_000_000;
    /** Best ask, $100.10. */
    public static final long ASK = 1_001_000;

    /** The manual clock. */
    public final CachedNanoClock clock = new CachedNanoClock();
    /** The venue. */
    public final FakeOuchVenue venue = new FakeOuchVenue(() -> clock.nanoTime() / MS);
    /** The books, fed by {@link #apply}. */
    public final OrderBooks books = new OrderBooks(1024, 64);
    /** The limits the gate checks. */
    public final RiskLimits limits;
    /** The order path under test. */
    public final OrderEntry entry;

    private final ItchDecoder itchDecoder = new ItchDecoder();
    private final ItchBookAdapter bookAdapter = new ItchBookAdapter(books);

    /**
     * @param limits    the risk limits.
     * @param maxOrders live orders held at once.
     */
    public OrderEntryHarness(final RiskLimits limits, final int maxOrders)
    {
        clock.update(1_000 * MS);
        this.limits = limits;
        aaplBook(books);
        entry = new OrderEntry(settings(venue), limits, maxOrders, 8, 1, books, clock);
    }

    /** With {@link #permissiveLimits()} and room for 64 orders. */
    public OrderEntryHarness()
    {
        this(permissiveLimits(), 64);
    }

    /** @return limits that let the tests' ordinary orders through: 1,000 shares, 10,000 position, 5 % collar. */
    public static RiskLimits permissiveLimits()
    {
        final RiskLimits limits = new RiskLimits();
        limits.set(RiskLimits.MAX_ORDER_QTY, 1_000);
        limits.set(RiskLimits.MAX_ORDER_NOTIONAL, 1_000 * 2_000_000L);
        limits.set(RiskLimits.MAX_POSITION, 10_000);
        limits.set(RiskLimits.COLLAR_BPS, 500);
        limits.set(RiskLimits.ALLOW_NO_REFERENCE, 0);
        limits.set(RiskLimits.THROTTLE_CAPACITY, 1_000);
        limits.set(RiskLimits.THROTTLE_REFILL_PER_SECOND, 1_000);
        limits.set(RiskLimits.MAX_OPEN_ORDERS, 100);
        return limits;
    }

    /**
     * Give the books AAPL at locate 1 through ITCH: Stock Directory, 500 bid at {@link #BID} (order 1), 500
     * offered at {@link #ASK} (order 2).
     *
     * @param books the books.
     */
    public static void aaplBook(final OrderBooks books)
    {
        final ItchBookAdapter adapter = new ItchBookAdapter(books);
        final ItchDecoder decoder = new ItchDecoder();
        for (final byte[] message : List.of(
            ItchMessages.stockDirectory(AAPL, "AAPL"),
            ItchMessages.addOrder(AAPL, 1, 'B', 500, "AAPL", BID),
            ItchMessages.addOrder(AAPL, 2, 'S', 500, "AAPL", ASK)))
        {
            assertEquals(ItchDecoder.OK, decoder.decode(new UnsafeBuffer(message), 0, message.length, adapter));
        }
    }

    /**
     * @param venue the venue.
     * @return session settings for it: a 4.00 login, 10 to 50 ms reconnect backoff.
     */
    public static SoupBinTcpClient.Settings settings(final FakeOuchVenue venue)
    {
        return new SoupBinTcpClient.Settings()
            .address(venue.address())
            .credentials("trader", "pa55word")
            .reconnectBackoffNs(10 * MS, 50 * MS);
    }

    /** @return the manual clock's time. */
    public long nowNs()
    {
        return clock.nanoTime();
    }

    /**
     * Apply an ITCH message to the books.
     *
     * @param message the message bytes.
     * @return the buffer holding it (to hand on to a market listener).
     */
    public UnsafeBuffer apply(final byte[] message)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(message);
        assertEquals(ItchDecoder.OK, itchDecoder.decode(buffer, 0, message.length, bookAdapter));
        return buffer;
    }

    /** Advance the clock a millisecond, poll the session, step the venue, poll again. */
    public void step()
    {
        clock.advance(MS);
        entry.poll(clock.nanoTime());
        venue.step();
        entry.poll(clock.nanoTime());
    }

    /** Connect and step until logged in and the Account Query is answered. */
    public void loginAndReconcile()
    {
        entry.connect(clock.nanoTime());
        until("logged in and reconciled", () -> entry.session().isLoggedIn() && entry.lastNextUserRefNum() > 0);
    }

    /**
     * Step both sides until {@code done}, for at most 20,000 steps (a few seconds of wall time).
     *
     * @param what  for the failure message.
     * @param done  the condition.
     */
    public void until(final String what, final BooleanSupplier done)
    {
        for (int i = 0; i < 20_000; i++)
        {
            if (done.getAsBoolean())
            {
                return;
            }
            step();
            if (i > 50)
            {
                LockSupport.parkNanos(100_000);
            }
        }
        fail("timed out waiting for " + what);
    }

    @Override
    public void close()
    {
        entry.session().close();
        venue.close();
    }
}
