package corezero.bench;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50Parser;
import com.paritytrading.parity.book.Market;
import corezero.book.BookResult;
import corezero.book.BookView;
import corezero.book.ItchBookAdapter;
import corezero.book.OrderBooks;
import corezero.core.EngineConfig;
import corezero.itch.ItchDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * ITCH 5.0 decode plus L3 book, per message, over the real 10,000-message AAPL capture ({@link ItchSlice})
 * replayed whole in every invocation, from empty books each time.
 * <p>
 * Ours: {@link ItchDecoder} → {@link ItchBookAdapter} → {@link OrderBooks}, sized for the slice (2,048 orders,
 * 256 levels per side, 1 book: about three times the slice's peak of 678 live orders and 83 levels on a side) or
 * at the engine's defaults ({@link EngineConfig}: 2^20 orders, 4,096 levels, 256 books), whose order table is
 * tens of megabytes and costs cache and TLB misses. Peer, same bytes, same run: juncture-nasdaq's
 * {@code ITCH50Parser} → {@link JunctureParityAdapter} → parity-book 0.7.0's {@link Market}. Before either is
 * timed, one pass of each is replayed and their depth compared level by level ({@link ParityDepthCheck}).
 * <p>
 * <b>Reset between passes.</b> The capture adds the same order references on every pass, so each pass must start
 * from empty books. A {@code @Setup(Level.Invocation)} method does that outside the timed region by deleting the
 * orders a pass leaves live (found once, in the trial set-up; 215 of them). That leaves the structures as a long
 * running engine has them (empty, pools and tables warm and at their size) rather than freshly allocated: a fresh
 * engine-default {@link OrderBooks} per pass would allocate over 100 MB, which JMH's {@code -prof gc} would charge
 * to the benchmark, since it counts every byte allocated during an iteration, set-ups included. The reset's own
 * allocation is printed by the trial set-up (ours: 0 bytes; the peer's is whatever parity-book allocates to
 * delete, and it is included in the peer's B/op). Each invocation is one whole pass (10,000 messages, a few
 * hundred microseconds), long enough that JMH's per-invocation timestamps cost nothing measurable.
 * <p>
 * The forks run with the engine's GC and safepoint flags from bin/corezero. Not final: JMH generates subclasses
 * of benchmark and state classes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {
    "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "-XX:+UseSerialGC", "-XX:+UnlockDiagnosticVMOptions", "-XX:GuaranteedSafepointInterval=0" })
public class ItchBookBenchmark
{
    /** {@link OrderBooks} sizing for the slice alone. */
    static final int SLICE_MAX_ORDERS = 2048;
    static final int SLICE_MAX_LEVELS_PER_SIDE = 256;
    static final int SLICE_MAX_BOOKS = 1;

    /** Ours: the engine's decoder, adapter and books. */
    @State(Scope.Thread)
    public static class Ours
    {
        /** "slice": sized for the capture; "engine-default": the engine's default sizing. */
        @Param({ "slice", "engine-default" })
        public String sizing;

        final ItchDecoder decoder = new ItchDecoder();
        OrderBooks books;
        ItchBookAdapter adapter;
        UnsafeBuffer buffer;
        int length;
        long[] liveAfterPass;
        boolean dirty;

        /** Build the books, replay one pass, find the orders it leaves live, and check that a reset empties them. */
        @Setup(Level.Trial)
        public void setUp()
        {
            final ItchSlice slice = ItchSlice.load();
            buffer = slice.buffer();
            length = slice.length();
            books = newBooks(sizing);
            adapter = new ItchBookAdapter(books);

            ItchReplay.decodeAll(decoder, buffer, length, adapter);
            if (ItchSlice.MESSAGE_COUNT != decoder.decoded())
            {
                throw new IllegalStateException("decoded " + decoder.decoded() + " of " + ItchSlice.MESSAGE_COUNT);
            }
            requireNoRejects(books);
            liveAfterPass = Arrays.stream(slice.introducedOrderRefs()).filter((ref) -> books.orderShares(ref) > 0)
                .toArray();
            if (liveAfterPass.length != books.orderCount())
            {
                throw new IllegalStateException(
                    books.orderCount() + " live orders, " + liveAfterPass.length + " found by reference");
            }
            dirty = true;
            final long allocatedBytes = allocatedBytesOf(this::reset);
            final BookView book = books.book(ItchSlice.STOCK_LOCATE);
            if (0 != books.orderCount() || 0 != book.bidLevels() || 0 != book.askLevels())
            {
                throw new IllegalStateException("reset left " + books.orderCount() + " orders");
            }
            requireNoRejects(books);
            System.out.printf("%nours (%s): a pass leaves %d orders live; the reset deleting them allocated %d bytes%n",
                sizing, liveAfterPass.length, allocatedBytes);
        }

        /** Untimed: delete what the last pass left, so the next pass starts from empty books. */
        @Setup(Level.Invocation)
        public void reset()
        {
            if (dirty)
            {
                final OrderBooks books = this.books;
                for (final long ref : liveAfterPass)
                {
                    books.deleteOrder(ItchSlice.STOCK_LOCATE, ref, 0);
                }
                dirty = false;
            }
        }

        /** Every pass must have replayed without a single reject, as one pass from empty books does. */
        @TearDown(Level.Trial)
        public void tearDown()
        {
            requireNoRejects(books);
        }
    }

    /** Peer: juncture-nasdaq's parser feeding a parity-book market. */
    @State(Scope.Thread)
    public static class Peer
    {
        final CountingMarketListener listener = new CountingMarketListener();
        final Market market = new Market(listener);
        final ITCH50Parser parser = new ITCH50Parser(new JunctureParityAdapter(market));
        ByteBuffer frames;
        ByteBuffer messages;
        int length;
        long[] liveAfterPass;
        boolean dirty;

        /**
         * Replay one pass, check its depth against ours after the same pass, find the orders it leaves live.
         *
         * @throws IOException never for this capture.
         */
        @Setup(Level.Trial)
        public void setUp() throws IOException
        {
            final ItchSlice slice = ItchSlice.load();
            frames = slice.byteBuffer();
            messages = slice.byteBuffer();
            length = slice.length();

            ItchReplay.parseAll(parser, frames, messages, length);
            final OrderBooks reference = newBooks("slice");
            ItchReplay.decodeAll(new ItchDecoder(), slice.buffer(), length, new ItchBookAdapter(reference));
            requireNoRejects(reference);
            ParityDepthCheck.requireSameDepth(
                reference.book(ItchSlice.STOCK_LOCATE), market.open(ItchSlice.STOCK_LOCATE));

            liveAfterPass = Arrays.stream(slice.introducedOrderRefs()).filter((ref) -> null != market.find(ref))
                .toArray();
            if (liveAfterPass.length != reference.orderCount())
            {
                throw new IllegalStateException(
                    "parity keeps " + liveAfterPass.length + " orders live, ours " + reference.orderCount());
            }
            dirty = true;
            final long allocatedBytes = allocatedBytesOf(this::reset);
            if (!market.open(ItchSlice.STOCK_LOCATE).getBidPrices().isEmpty() ||
                !market.open(ItchSlice.STOCK_LOCATE).getAskPrices().isEmpty())
            {
                throw new IllegalStateException("reset left price levels in the parity book");
            }
            System.out.printf("%nparity: a pass leaves %d orders live; the reset deleting them allocated %d bytes%n",
                liveAfterPass.length, allocatedBytes);
        }

        /** Untimed: delete what the last pass left, so the next pass starts from empty books. */
        @Setup(Level.Invocation)
        public void reset()
        {
            if (dirty)
            {
                final Market market = this.market;
                for (final long ref : liveAfterPass)
                {
                    market.delete(ref);
                }
                dirty = false;
            }
        }
    }

    /**
     * Ours: decode the whole capture into the books once.
     *
     * @param state the decoder, books and capture.
     * @return live orders at the end of the pass.
     */
    @Benchmark
    @OperationsPerInvocation(ItchSlice.MESSAGE_COUNT)
    public int decodeAndBook(final Ours state)
    {
        ItchReplay.decodeAll(state.decoder, state.buffer, state.length, state.adapter);
        state.dirty = true;
        return state.books.orderCount();
    }

    /**
     * Peer: parse the whole capture with juncture-nasdaq into a parity-book market once.
     *
     * @param state the parser, market and capture.
     * @return book updates the market reported so far.
     * @throws IOException never for this capture.
     */
    @Benchmark
    @OperationsPerInvocation(ItchSlice.MESSAGE_COUNT)
    public long junctureParity(final Peer state) throws IOException
    {
        ItchReplay.parseAll(state.parser, state.frames, state.messages, state.length);
        state.dirty = true;
        return state.listener.updates;
    }

    static OrderBooks newBooks(final String sizing)
    {
        switch (sizing)
        {
            case "slice":
                return new OrderBooks(SLICE_MAX_ORDERS, SLICE_MAX_LEVELS_PER_SIDE, SLICE_MAX_BOOKS);
            case "engine-default":
                return new OrderBooks(
                    EngineConfig.DEFAULT_MAX_ORDERS, EngineConfig.DEFAULT_MAX_LEVELS_PER_SIDE,
                    EngineConfig.DEFAULT_MAX_BOOKS);
            default:
                throw new IllegalArgumentException("sizing: " + sizing);
        }
    }

    static void requireNoRejects(final OrderBooks books)
    {
        for (int result = BookResult.OK + 1; result < BookResult.COUNT; result++)
        {
            if (0 != books.rejects(result))
            {
                throw new IllegalStateException(books.rejects(result) + " rejects: " + BookResult.describe(result));
            }
        }
    }

    static long allocatedBytesOf(final Runnable action)
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
