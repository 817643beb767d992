package corezero.venue;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

import java.util.concurrent.TimeUnit;

/**
 * Wire-to-wire latency for the tick-to-trade bench: when each MoldUDP64 packet left (the injected clock's nanoTime,
 * System.nanoTime in a real run: the engine's clock on the same machine), by sequence number, in a ring; and, for
 * each Enter Order whose ClOrdID is {@code T} followed by the decimal sequence number of a feed message, the time
 * from that message's packet being sent to the order being read, into a histogram.
 * <p>
 * The ring holds the last {@link #RING_SIZE} sequence numbers; an order naming an older one is not timed. The
 * histogram is synchronized so another thread may copy it while the exchange records.
 */
final class WireLatency
{
    static final int RING_SIZE = 1 << 16;
    private static final int MASK = RING_SIZE - 1;
    private static final long HIGHEST_TRACKABLE_NS = TimeUnit.SECONDS.toNanos(60);

    private final long[] sequenceNumbers = new long[RING_SIZE];
    private final long[] sendNanoTimes = new long[RING_SIZE];
    private final SynchronizedHistogram histogram = new SynchronizedHistogram(HIGHEST_TRACKABLE_NS, 3);
    private volatile long lastReceiptNanoTime;

    /**
     * @param firstSequenceNumber of the packet's first message.
     * @param count               messages in the packet.
     * @param nanoTime            just before the packet is sent.
     */
    void onPacketSent(final long firstSequenceNumber, final int count, final long nanoTime)
    {
        for (int i = 0; i < count; i++)
        {
            final long sequenceNumber = firstSequenceNumber + i;
            final int slot = (int)(sequenceNumber & MASK);
            sequenceNumbers[slot] = sequenceNumber;
            sendNanoTimes[slot] = nanoTime;
        }
    }

    /**
     * @param clOrdId          the Enter Order's 14-byte ClOrdID.
     * @param receiptNanoTime  when the order was read.
     * @return true if it named a sent sequence number and was recorded.
     */
    boolean onOrder(final byte[] clOrdId, final long receiptNanoTime)
    {
        final long sequenceNumber = sequenceNumber(clOrdId);
        if (sequenceNumber < 1)
        {
            return false;
        }

        final int slot = (int)(sequenceNumber & MASK);
        if (sequenceNumbers[slot] != sequenceNumber)
        {
            return false;
        }

        final long latencyNs = receiptNanoTime - sendNanoTimes[slot];
        if (latencyNs < 0 || latencyNs > HIGHEST_TRACKABLE_NS)
        {
            return false;
        }
        histogram.recordValue(latencyNs);
        lastReceiptNanoTime = receiptNanoTime;

        return true;
    }

    /**
     * @param clOrdId 14 bytes, left-justified and space padded.
     * @return the sequence number after a leading 'T', or 0 if it is not of that form.
     */
    static long sequenceNumber(final byte[] clOrdId)
    {
        if ('T' != clOrdId[0])
        {
            return 0;
        }

        long value = 0;
        int digits = 0;
        int i = 1;
        for (; i < clOrdId.length && clOrdId[i] >= '0' && clOrdId[i] <= '9'; i++)
        {
            value = value * 10 + (clOrdId[i] - '0');
            digits++;
        }
        for (; i < clOrdId.length; i++)
        {
            if (' ' != clOrdId[i])
            {
                return 0;
            }
        }

        return 0 == digits || digits > 13 ? 0 : value;
    }

    /**
     * @return when the last timed order was read (System.nanoTime in a real run), for tests that time the client's
     * write to the venue's read.
     */
    long lastReceiptNanoTime()
    {
        return lastReceiptNanoTime;
    }

    /**
     * @return a copy of the histogram of nanoseconds, safe to read on any thread.
     */
    Histogram histogram()
    {
        return histogram.copy();
    }

    /**
     * @return the percentiles in microseconds for the end-of-run report.
     */
    String summary()
    {
        final Histogram copy = histogram();
        if (0 == copy.getTotalCount())
        {
            return "wire latency (feed packet sent to order read): no samples";
        }

        return "wire latency (feed packet sent to order read) us: count " + copy.getTotalCount() +
            ", p50 " + micros(copy.getValueAtPercentile(50)) +
            ", p90 " + micros(copy.getValueAtPercentile(90)) +
            ", p99 " + micros(copy.getValueAtPercentile(99)) +
            ", p99.9 " + micros(copy.getValueAtPercentile(99.9)) +
            ", max " + micros(copy.getMaxValue());
    }

    private static String micros(final long nanos)
    {
        return String.format("%.1f", nanos / 1000.0);
    }
}
