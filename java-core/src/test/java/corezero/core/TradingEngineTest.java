package corezero.core;

import corezero.nic.SharedMemoryPublisher;
import corezero.order.OrderState;
import corezero.risk.RiskLimits;
import corezero.risk.RiskResult;
import corezero.risk.TradingState;
import corezero.strategy.TouchQuoter;
import corezero.telemetry.EngineCounter;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static corezero.core.OrderEntryHarness.ASK;
import static corezero.core.OrderEntryHarness.BID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The order path in a running engine: ITCH over a shared-memory ring builds the AAPL book, the
 * {@link TouchQuoter} in slot 0 quotes it through the risk gate and OUCH to a fake venue on loopback (its own
 * thread, wall clock, accepting every order and confirming every cancel), and core 0 watches and steers it
 * through the command client: snapshots, the kill switch, limits, flatten, and the engine's close.
 */
class TradingEngineTest
{
    private static final byte[] SESSION = "TRADING001".getBytes(StandardCharsets.US_ASCII);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int AAPL = 1;

    @TempDir
    Path tempDir;

    private final FakeOuchVenue venue = new FakeOuchVenue();
    private SharedMemoryPublisher publisher;
    private Engine engine;
    private long sequence = 1;
    private long itchRef = 1;

    @AfterEach
    void close()
    {
        if (null != engine)
        {
            engine.close();
        }
        venue.close();
        if (null != publisher)
        {
            publisher.close();
        }
    }

    @Test
    void theQuoterTradesThroughTheVenueAndCore0KillsUnkillsAndSetsLimits()
    {
        launch();
        awaitTrue("logged in and reconciled", () -> 1 == venue.received('Q').size());

        publish(
            ItchMessages.stockDirectory(AAPL, "AAPL"),
            ItchMessages.addOrder(AAPL, itchRef++, 'B', 500, "AAPL", BID),
            ItchMessages.addOrder(AAPL, itchRef++, 'S', 500, "AAPL", ASK));
        awaitTrue("both quotes at the venue", () -> 2 == venue.received('O').size());
        final List<FakeOuchVenue.Received> quotes = venue.received('O');
        assertEquals('B', quotes.get(0).side);
        assertEquals(BID, quotes.get(0).price);
        assertEquals(100, quotes.get(0).quantity);
        assertEquals("AAPL    ", quotes.get(0).symbol);
        assertEquals('S', quotes.get(1).side);
        assertEquals(ASK, quotes.get(1).price);

        final TradingSnapshot quoting = awaitSnapshot("both quotes accepted", (s) -> 2 == s.orderRows() &&
            OrderState.ACCEPTED == s.orderState(0) && OrderState.ACCEPTED == s.orderState(1));
        assertEquals("AAPL", quoting.symbol(quoting.orderLocate(0)));
        assertEquals(0, quoting.orderSlot(0));
        assertEquals('B', quoting.orderSide(0));
        assertEquals('S', quoting.orderSide(1));
        assertTrue(quoting.loggedIn());
        assertEquals(TradingState.ACTIVE, quoting.tradingState());
        assertEquals(2, quoting.ordersSent());

        engine.commands().kill(TIMEOUT);
        awaitTrue("the venue gets both cancels", () -> 2 == venue.received('X').size());
        final TradingSnapshot killed = awaitSnapshot("nothing open once the venue confirmed",
            (s) -> 0 == s.openOrdersTotal());
        assertEquals(TradingState.HALTED, killed.tradingState());
        assertEquals(0, killed.orderRows());
        assertEquals(2, killed.cancelsSent());

        // The touch moves while halted: the quoter sees the trading state and holds back; nothing reaches the
        // venue (the gate's own HALTED refusal is OrderEntryTest's).
        final long updatesBefore = slotEvents();
        publish(ItchMessages.addOrder(AAPL, itchRef++, 'B', 100, "AAPL", BID + 100));
        awaitTrue("the quoter saw the halted book update", () -> slotEvents() > updatesBefore);
        final TradingSnapshot halted = snapshot();
        assertEquals(2, halted.ordersSent());
        assertEquals(0, halted.riskRejects(RiskResult.HALTED), "the quoter does not try while halted");
        assertEquals(2, venue.received('O').size());

        engine.commands().unkill(TIMEOUT);
        publish(ItchMessages.addOrder(AAPL, itchRef++, 'S', 100, "AAPL", ASK - 100));
        awaitTrue("quoting again after unkill", () -> 4 == venue.received('O').size());
        final List<FakeOuchVenue.Received> requotes = venue.received('O');
        assertEquals(BID + 100, requotes.get(2).price);
        assertEquals(ASK - 100, requotes.get(3).price);
        assertEquals(TradingState.ACTIVE, snapshot().tradingState());

        final CommandException badKey = assertThrows(CommandException.class,
            () -> engine.commands().setLimit("max-order-quantity", 10, TIMEOUT));
        assertEquals(CommandException.Kind.REJECTED, badKey.kind());
        assertTrue(badKey.getMessage().contains("unknown limit key"), badKey.getMessage());
        final CommandException badValue = assertThrows(CommandException.class,
            () -> engine.commands().setLimit(RiskLimits.COLLAR_BPS, RiskLimits.MAX_COLLAR_BPS + 1, TIMEOUT));
        assertEquals(CommandException.Kind.REJECTED, badValue.kind());
        assertTrue(badValue.getMessage().contains("out of range"), badValue.getMessage());
        engine.commands().setLimit(RiskLimits.MAX_ORDER_QTY, 50, TIMEOUT);
        assertEquals(50, snapshot().limit(List.of(RiskLimits.KEYS).indexOf(RiskLimits.MAX_ORDER_QTY)));

        final CommandException unknownSymbol = assertThrows(CommandException.class,
            () -> engine.commands().flatten("MSFT", TIMEOUT));
        assertTrue(unknownSymbol.getMessage().contains("unknown symbol"), unknownSymbol.getMessage());
        engine.commands().cancelAll(TIMEOUT);
        awaitTrue("the venue gets the cancel-all", () -> 4 == venue.received('X').size());
        awaitSnapshot("nothing open after cancel-all", (s) -> 0 == s.openOrdersTotal());

        final corezero.strategy.StrategyChange pause = engine.commands().changeStrategy(
            new corezero.strategy.StrategyChange(corezero.strategy.StrategyChange.PAUSE, 0, null, 0), TIMEOUT);
        assertEquals(corezero.strategy.StrategyChange.OK, pause.outcome());
        assertTrue(pause.inputSequence() > 0);
        final corezero.strategy.StrategySlotsSnapshot slots =
            engine.commands().fill(new corezero.strategy.StrategySlotsSnapshot(), TIMEOUT);
        assertEquals(corezero.strategy.StrategySlots.PAUSED, slots.state(0));
        assertTrue(slots.strategy(0) instanceof TouchQuoter);
        assertTrue(slots.events(0) > 0);
        final corezero.strategy.StrategyChange resume = engine.commands().changeStrategy(
            new corezero.strategy.StrategyChange(corezero.strategy.StrategyChange.RESUME, 0, null, 0), TIMEOUT);
        assertEquals(corezero.strategy.StrategyChange.OK, resume.outcome());

        assertEquals(0, engine.counter(EngineCounter.STRATEGY_FAULTS));
        assertEquals(1, engine.counter(EngineCounter.ORDER_SESSION_UP));
        engine.commands().shutdown(TIMEOUT);
        awaitTrue("shutdown logs out of the order session", () -> 1 == venue.logouts());
        engine.close();
        assertTrue(engine.isStopRequested());
        assertFalse(engine.hotThread().isAlive());
        awaitTrue("the venue sees the session go", () -> !venue.isConnected());
    }

    private void launch()
    {
        venue.autoAccept(true);
        venue.autoCancel(true);
        venue.startThread();
        final Path ring = tempDir.resolve("feed.ring");
        publisher = SharedMemoryPublisher.create(ring, 1 << 20);
        final FeedConfig feed = new FeedConfig(
            FeedConfig.Transport.SHARED_MEMORY, null, null, ring, null, 65536, 1 << 20,
            TimeUnit.MILLISECONDS.toNanos(50), 0);
        final OrderEntryConfig orderEntry = new OrderEntryConfig(
            venue.address(), "trader", "pa55word", "", false, TimeUnit.SECONDS.toNanos(15), 15_000,
            TimeUnit.MILLISECONDS.toNanos(10), TimeUnit.MILLISECONDS.toNanos(100), 256, 8, 1,
            Map.of(
                RiskLimits.MAX_ORDER_QTY, 1_000L,
                RiskLimits.MAX_ORDER_NOTIONAL, 1_000 * 2_000_000L,
                RiskLimits.MAX_POSITION, 10_000L,
                RiskLimits.COLLAR_BPS, 500L,
                RiskLimits.THROTTLE_CAPACITY, 100L,
                RiskLimits.THROTTLE_REFILL_PER_SECOND, 100L,
                RiskLimits.MAX_OPEN_ORDERS, 50L));
        engine = Engine.launch(
            EngineConfig.defaults(0, -1, tempDir.resolve("run"))
                .withBooks(1024, 64, 16)
                .withFeed(feed)
                .withOrderEntry(orderEntry)
                .withStrategy(0, new TouchQuoter("AAPL")),
            new SystemNanoClock(),
            SystemEpochClock.INSTANCE);
    }

    /** The messages as one MoldUDP64 packet on the ring, sequence numbers continuing. */
    private void publish(final byte[]... messages)
    {
        final UnsafeBuffer packet = CapturePackets.packet(SESSION, List.of(messages), sequence, 0, messages.length);
        sequence += messages.length;
        final long deadlineNs = System.nanoTime() + TIMEOUT.toNanos();
        while (!publisher.offer(packet, 0, packet.capacity()))
        {
            assertTrue(System.nanoTime() < deadlineNs, "the ring stayed full");
            Thread.onSpinWait();
        }
    }

    /** ITCH messages the engine applied: strategies are called in the same duty cycle, before this moves. */
    private long slotEvents()
    {
        return engine.counter(EngineCounter.FEED_MESSAGES);
    }

    private TradingSnapshot snapshot()
    {
        return engine.commands().fill(new TradingSnapshot(), TIMEOUT);
    }

    private TradingSnapshot awaitSnapshot(final String what, final Predicate<TradingSnapshot> done)
    {
        final long deadlineNs = System.nanoTime() + TIMEOUT.toNanos();
        while (true)
        {
            final TradingSnapshot snapshot = snapshot();
            if (done.test(snapshot))
            {
                return snapshot;
            }
            if (System.nanoTime() > deadlineNs)
            {
                fail("timed out waiting for " + what);
            }
            sleepMs(2);
        }
    }

    private static void awaitTrue(final String what, final BooleanSupplier done)
    {
        final long deadlineNs = System.nanoTime() + TIMEOUT.toNanos();
        while (!done.getAsBoolean())
        {
            if (System.nanoTime() > deadlineNs)
            {
                fail("timed out waiting for " + what);
            }
            sleepMs(1);
        }
    }

    private static void sleepMs(final long ms)
    {
        try
        {
            TimeUnit.MILLISECONDS.sleep(ms);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
