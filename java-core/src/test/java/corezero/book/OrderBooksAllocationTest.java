package corezero.book;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The book path allocates nothing after warm-up: every operation kind, every reject kind, the exhaustion paths,
 * trades, trading actions, staleness and view reads, measured with this thread's allocation counter
 * (ThreadMXBean) over two million operations after two million of warm-up. The driver itself is primitive
 * only: an xorshift generator and an array of live references.
 */
class OrderBooksAllocationTest
{
    private static final int WARM_UP_OPERATIONS = 2_000_000;
    private static final int MEASURED_OPERATIONS = 2_000_000;
    private static final int MAX_ORDERS = 20_000;
    private static final int LOCATES = 5;

    private final OrderBooks books = new OrderBooks(MAX_ORDERS, 64, 16);
    private final long[] liveRefs = new long[MAX_ORDERS];
    private final int[] liveLocates = new int[MAX_ORDERS];
    private final long[] resultCounts = new long[BookResult.COUNT];
    private int liveCount;
    private long nextRef = 1;
    private long seed = 0x2545_F491_4F6C_DD1DL;
    private long timestampNs;
    private long checksum;

    @Test
    void bookOperationsAllocateZeroBytesAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        run(WARM_UP_OPERATIONS);
        final long startNs = System.nanoTime();
        final long before = threads.getCurrentThreadAllocatedBytes();
        run(MEASURED_OPERATIONS);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        final long elapsedNs = System.nanoTime() - startNs;

        System.out.printf("allocation: %,d bytes over %,d operations (%.0f ns per operation with the driver)," +
            " %,d live orders at the end%n", allocated, MEASURED_OPERATIONS, (double)elapsedNs / MEASURED_OPERATIONS,
            books.orderCount());
        for (int result = 0; result < BookResult.COUNT; result++)
        {
            System.out.printf("  %-55s %,9d%n", BookResult.describe(result), resultCounts[result]);
        }

        for (int result = 0; result < BookResult.COUNT; result++)
        {
            assertTrue(resultCounts[result] > 0, "never exercised: " + BookResult.describe(result));
        }
        assertTrue(checksum != 0);
        assertEquals(0L, allocated, "bytes allocated over " + MEASURED_OPERATIONS + " book operations");
    }

    private void run(final int operations)
    {
        for (int i = 0; i < operations; i++)
        {
            timestampNs += 10;
            // Alternate growth and shrink phases so the pool and the ladders hit their limits.
            final boolean growing = ((i >> 16) & 1) == 0;
            final int roll = next(100);
            if (roll < (growing ? 45 : 25))
            {
                add();
            }
            else if (roll < 96)
            {
                modify(roll);
            }
            else
            {
                other();
            }
            read(books.book(1 + next(LOCATES)));
        }
    }

    private void add()
    {
        final long ref = next(50) == 0 && liveCount > 0 ? liveRefs[next(liveCount)] : nextRef++;
        final int roll = next(400);
        final int locate = roll == 0 ? 0 : roll == 1 ? 70_000 : 1 + next(LOCATES);
        final byte side = roll == 2 ? (byte)'?' : next(2) == 0 ? (byte)'B' : (byte)'S';
        final int result = books.addOrder(locate, ref, side, 1 + next(1_000), price(), timestampNs);
        count(result);
        if (result == BookResult.OK)
        {
            liveRefs[liveCount] = ref;
            liveLocates[liveCount] = locate;
            liveCount++;
        }
    }

    /** Execute, cancel, delete or replace a live order, or now and then an unknown one or the wrong locate. */
    private void modify(final int roll)
    {
        final int live = liveCount == 0 || next(30) == 0 ? -1 : next(liveCount);
        final long ref = live < 0 ? nextRef + 1_000_000 : liveRefs[live];
        final int locate = live < 0 || next(30) == 0 ? next(LOCATES + 1) : liveLocates[live];
        final long open = books.orderShares(ref);
        final long shares = open == 0 || next(10) == 0 ? 1 + open + next(100) : 1 + next((int)open);
        final int result;
        if (roll < 55)
        {
            result = next(4) == 0 ?
                books.executeOrderWithPrice(locate, ref, shares, price(), next(2) == 0, timestampNs) :
                books.executeOrder(locate, ref, shares, timestampNs);
        }
        else if (roll < 67)
        {
            result = books.cancelOrder(locate, ref, shares, timestampNs);
        }
        else if (roll < 82)
        {
            result = books.deleteOrder(locate, ref, timestampNs);
        }
        else
        {
            final long newRef = next(40) == 0 && liveCount > 0 ? liveRefs[next(liveCount)] : nextRef++;
            result = books.replaceOrder(locate, ref, newRef, 1 + next(1_000), price(), timestampNs);
            if (result == BookResult.OK)
            {
                liveRefs[live] = newRef;
            }
        }
        count(result);
        if (live >= 0 && books.orderShares(liveRefs[live]) == 0)
        {
            liveCount--;
            liveRefs[live] = liveRefs[liveCount];
            liveLocates[live] = liveLocates[liveCount];
        }
    }

    private void other()
    {
        final int locate = 1 + next(LOCATES);
        switch (next(6))
        {
            case 0:
                books.onTrade(locate, 1 + next(500), price(), timestampNs);
                break;
            case 1:
                books.onCrossTrade(locate, next(5_000), price(), (byte)'C', timestampNs);
                break;
            case 2:
                books.onBrokenTrade(locate, next(1_000_000), timestampNs);
                break;
            case 3:
                books.onTradingAction(locate, next(2) == 0 ? (byte)'T' : (byte)'H', timestampNs);
                break;
            case 4:
                books.onSystemEvent((byte)'Q', timestampNs);
                break;
            default:
                books.markAllStale(next(2) == 0, timestampNs);
                break;
        }
    }

    private void read(final BookView book)
    {
        checksum += book.bestBidPrice() + book.bestAskPrice() + book.bestBidShares() + book.bestAskShares() +
            book.bidLevels() + book.askLevels() + book.orderCount() + book.tradedVolume() + book.lastTradePrice() +
            (book.isStale() ? 1 : 0) + book.tradingState() + book.lastUpdateNs();
        for (int level = 0, depth = Math.min(5, book.bidLevels()); level < depth; level++)
        {
            checksum += book.bidPrice(level) ^ book.bidShares(level) ^ book.bidOrderCount(level);
        }
        for (int level = 0, depth = Math.min(5, book.askLevels()); level < depth; level++)
        {
            checksum += book.askPrice(level) ^ book.askShares(level) ^ book.askOrderCount(level);
        }
    }

    private long price()
    {
        return 1_000_000 + 100L * next(100);
    }

    private void count(final int result)
    {
        resultCounts[result]++;
    }

    private int next(final int bound)
    {
        seed ^= seed << 13;
        seed ^= seed >>> 7;
        seed ^= seed << 17;
        return (int)((seed >>> 33) % bound);
    }
}
