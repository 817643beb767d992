package corezero.strategy;

import corezero.book.ItchBookAdapter;
import corezero.book.OrderBooks;
import corezero.core.ParamTable;
import corezero.itch.ItchDecoder;
import corezero.order.OrderState;
import corezero.risk.ExposureView;
import corezero.risk.RiskGate;
import corezero.risk.RiskLimits;
import corezero.risk.RiskResult;
import corezero.risk.TradingState;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shadow run of the load pipeline, on core 0: recorded market data (a BinaryFILE capture) is replayed through
 * fresh books and the very same {@link StrategySlots} the hot thread uses, with a recording {@link OrderGateway}
 * instead of the order session: every order intent passes a {@link RiskGate} with the engine's limits and is
 * counted, nothing is sent, no order ever fills. It reports exceptions (the slot quarantines the strategy, as live),
 * the cost per event and the bytes allocated per event, measured on the last of several passes (the first ones warm
 * the JIT, so the version swapped in next runs compiled code) and against a pass with a strategy that does nothing.
 * <p>
 * Each pass gets a new strategy instance from the factory: a shadow run never leaves its state in the instance
 * that goes live.
 */
public final class ShadowRun
{
    private static final int SLOT = 0;
    private static final int FRAME_HEADER_LENGTH = 2;

    private final RiskLimits limits;
    private final int maxOrders;
    private final int maxLevels;
    private final int maxBooks;

    /**
     * What a shadow run found.
     *
     * @param events          market data messages the measured pass delivered to the strategy.
     * @param orders          orders the strategy entered that the risk gate passed (nothing is sent).
     * @param riskRejects     orders the risk gate refused.
     * @param cancels         cancels asked for.
     * @param nanos           time of the measured pass.
     * @param baselineNanos   time of the same pass with a strategy that does nothing.
     * @param allocatedBytes  bytes the measured pass allocated on this thread.
     * @param failure         what the strategy threw (it was quarantined there), or null.
     * @param failedAtEvent   the event it threw on, or -1.
     * @param maxEventNanos   the longest single event (message handed to the slots until they returned), ns.
     */
    public record Report(
        long events,
        long orders,
        long riskRejects,
        long cancels,
        long nanos,
        long baselineNanos,
        long allocatedBytes,
        Throwable failure,
        long failedAtEvent,
        long maxEventNanos)
    {
        /** @return the strategy's own cost per event, ns: the pass less the baseline, per event. */
        public double nsPerEvent()
        {
            return events == 0 ? 0 : Math.max(0, nanos - baselineNanos) / (double)events;
        }

        /** @return bytes allocated per event. */
        public double bytesPerEvent()
        {
            return events == 0 ? 0 : allocatedBytes / (double)events;
        }
    }

    /**
     * @param limits    the risk limits orders are checked against (the engine's, copied by the caller).
     * @param maxOrders book capacity: orders.
     * @param maxLevels book capacity: levels per side.
     * @param maxBooks  book capacity: instruments.
     */
    public ShadowRun(final RiskLimits limits, final int maxOrders, final int maxLevels, final int maxBooks)
    {
        this.limits = limits;
        this.maxOrders = maxOrders;
        this.maxLevels = maxLevels;
        this.maxBooks = maxBooks;
    }

    /**
     * Read a BinaryFILE capture (2-byte big-endian length, then the message).
     *
     * @param path the file.
     * @return its bytes.
     * @throws IOException if it cannot be read.
     */
    public static byte[] readCapture(final Path path) throws IOException
    {
        return Files.readAllBytes(path);
    }

    /**
     * Replay the capture {@code passes} times, a new strategy instance each time, and measure the last pass.
     *
     * @param factory a new instance of the version under test.
     * @param params  slot parameters (key → value) the strategy reads.
     * @param capture a BinaryFILE capture.
     * @param passes  passes, at least 1; all but the last warm up.
     * @return the report of the last pass (or of the first pass that failed).
     */
    public Report run(
        final Supplier<Strategy> factory, final Map<String, Long> params, final byte[] capture, final int passes)
    {
        if (passes < 1)
        {
            throw new IllegalArgumentException("passes must be at least 1, got " + passes);
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(capture);
        Report report = null;
        for (int pass = 0; pass < passes; pass++)
        {
            // Only the measured (last) pass needs the do-nothing baseline beside it.
            final Long baselineNanos = pass == passes - 1 ? pass(new Idle(), params, buffer, null).nanos : null;
            report = pass(factory.get(), params, buffer, baselineNanos);
            if (null != report.failure())
            {
                return report;
            }
        }
        return report;
    }

    private Report pass(
        final Strategy strategy, final Map<String, Long> params, final UnsafeBuffer capture, final Long baselineNanos)
    {
        final ParamTable paramTable = new ParamTable();
        for (final Map.Entry<String, Long> param : params.entrySet())
        {
            paramTable.set(SLOT, param.getKey(), param.getValue());
        }
        final OrderBooks books = new OrderBooks(maxOrders, maxLevels, maxBooks);
        final ItchBookAdapter adapter = new ItchBookAdapter(books);
        final ItchDecoder decoder = new ItchDecoder();
        final CachedNanoClock clock = new CachedNanoClock();
        final Recorder recorder = new Recorder(new RiskGate(limits), books);
        final StrategySlots slots = new StrategySlots(paramTable, recorder, books, clock);
        clock.update(System.nanoTime());
        if (!slots.start(SLOT, strategy))
        {
            return new Report(0, 0, 0, 0, 0, 0, 0, slots.fault(SLOT), 0, 0);
        }

        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        final long bytesBefore = threads.getThreadAllocatedBytes(threadId);
        final long startNs = System.nanoTime();
        long sequence = 0;
        long maxEventNanos = 0;
        int offset = 0;
        final int length = capture.capacity();
        while (offset + FRAME_HEADER_LENGTH <= length && StrategySlots.LIVE == slots.state(SLOT))
        {
            final int messageLength = capture.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            final int message = offset + FRAME_HEADER_LENGTH;
            if (0 == messageLength || message + messageLength > length)
            {
                break;
            }
            final long nowNs = System.nanoTime();
            clock.update(nowNs);
            if (ItchDecoder.OK == decoder.decode(capture, message, messageLength, adapter))
            {
                slots.onMarketMessage(capture, message, messageLength, ++sequence, nowNs);
                slots.onFrameDone();
                slots.onTimer(nowNs);
                maxEventNanos = Math.max(maxEventNanos, System.nanoTime() - nowNs);
            }
            offset = message + messageLength;
        }
        final long nanos = System.nanoTime() - startNs;
        final long allocated = threads.getThreadAllocatedBytes(threadId) - bytesBefore;
        final Throwable failure = slots.fault(SLOT);
        final long events = slots.eventCount(SLOT);
        slots.stop(SLOT);
        return new Report(events, recorder.orders, recorder.riskRejects, recorder.cancels, nanos,
            null == baselineNanos ? nanos : baselineNanos, allocated, failure, null == failure ? -1 : events,
            maxEventNanos);
    }

    /** Records order intents, risk-checked, sends nothing; no order ever becomes live. */
    private static final class Recorder implements OrderGateway, ExposureView
    {
        private final RiskGate gate;
        private final OrderBooks books;
        long orders;
        long riskRejects;
        long cancels;
        private long nextUserRefNum = 1;

        Recorder(final RiskGate gate, final OrderBooks books)
        {
            this.gate = gate;
            this.books = books;
        }

        public long enter(
            final int strategySlot, final int stockLocate, final byte side, final long quantity, final long price,
            final byte timeInForce, final long triggerSequence, final long nowNs)
        {
            final int risk = gate.check(stockLocate, side, quantity, price, nowNs, books.book(stockLocate), this);
            if (RiskResult.OK != risk)
            {
                riskRejects++;
                return -risk;
            }
            orders++;
            return nextUserRefNum++;
        }

        public int cancel(final int strategySlot, final long userRefNum, final long nowNs)
        {
            cancels++;
            return EntryResult.OK;
        }

        public int cancelSlot(final int strategySlot, final long nowNs)
        {
            return 0;
        }

        public void tick(final long tickNs)
        {
        }

        public long position(final int strategySlot, final int stockLocate)
        {
            return 0;
        }

        public int openOrders(final int strategySlot)
        {
            return 0;
        }

        public OrderState orderState(final int strategySlot, final long userRefNum)
        {
            return OrderState.NONE;
        }

        public int tradingState()
        {
            return TradingState.ACTIVE;
        }

        public long position(final int stockLocate)
        {
            return 0;
        }

        public long openBuyQuantity(final int stockLocate)
        {
            return 0;
        }

        public long openSellQuantity(final int stockLocate)
        {
            return 0;
        }

        public int openOrders()
        {
            return 0;
        }
    }

    /** The baseline: a strategy that does nothing. */
    private static final class Idle implements Strategy
    {
        public void onStart(final StrategyContext context)
        {
        }

        public void onStop()
        {
        }

        public void onBookUpdate(final int stockLocate, final corezero.book.BookView book)
        {
        }
    }
}
