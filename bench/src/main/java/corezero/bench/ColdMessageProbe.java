package corezero.bench;

import corezero.book.ItchBookAdapter;
import corezero.book.OrderBooks;
import corezero.itch.ItchDecoder;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;

/**
 * How much slower one message is when it comes alone after an idle gap, as it does on a live feed, than back to
 * back: each message of the real slice is decoded and applied to the books (sized as the demo's) one at a time,
 * timed with two clock reads, after waiting a gap by spinning on the clock, or by spinning on a non-blocking
 * {@code recvfrom} of an empty loopback socket (what the hot thread's idle loop does with kernel UDP). It tells
 * whether the idle loop's system calls, or the idle time itself, make the in-core path slow.
 * <pre>
 *   taskset -c 1 java ... corezero.bench.ColdMessageProbe [GAP_US ...]      (default 0 100)
 * </pre>
 * Prints p50 / p90 / p99 in ns per mode and gap, from the last of four passes over the slice (the first ones warm
 * the JIT). Run it on the idle hot CPU.
 */
public final class ColdMessageProbe
{
    private static final int PASSES = 4;

    private ColdMessageProbe()
    {
    }

    /**
     * @param args idle gaps in microseconds.
     * @throws IOException if the loopback socket cannot be opened.
     */
    public static void main(final String[] args) throws IOException
    {
        final long[] gapsUs = args.length == 0 ? new long[]{ 0, 100 } : new long[args.length];
        for (int i = 0; i < args.length; i++)
        {
            gapsUs[i] = Long.parseLong(args[i]);
        }
        final ItchSlice slice = ItchSlice.load();
        final UnsafeBuffer buffer = slice.buffer();
        try (DatagramChannel channel = DatagramChannel.open())
        {
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            channel.configureBlocking(false);
            final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(2048);
            System.out.println("decode + book of one real AAPL message, timed alone (ns), last of " + PASSES +
                " passes over " + slice.messageCount() + " messages");
            for (final long gapUs : gapsUs)
            {
                for (final boolean pollSocket : new boolean[]{ false, true })
                {
                    if (0 == gapUs && pollSocket)
                    {
                        continue;
                    }
                    Histogram last = null;
                    for (int pass = 0; pass < PASSES; pass++)
                    {
                        last = pass(buffer, slice.length(), gapUs * 1000, pollSocket ? channel : null, receiveBuffer);
                    }
                    System.out.printf("gap %4d us, idle %-22s p50 %6d  p90 %6d  p99 %8d%n", gapUs,
                        0 == gapUs ? "none (back to back)" : pollSocket ? "polling recvfrom" : "spinning on the clock",
                        last.getValueAtPercentile(50), last.getValueAtPercentile(90), last.getValueAtPercentile(99));
                }
            }
        }
    }

    private static Histogram pass(
        final UnsafeBuffer buffer,
        final int length,
        final long gapNs,
        final DatagramChannel channel,
        final ByteBuffer receiveBuffer) throws IOException
    {
        final OrderBooks books = new OrderBooks(65_536, 4_096, 16);
        final ItchBookAdapter adapter = new ItchBookAdapter(books);
        final ItchDecoder decoder = new ItchDecoder();
        final Histogram histogram = new Histogram(3);
        int offset = 0;
        while (offset < length)
        {
            final int messageLength = buffer.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            final int message = offset + ItchSlice.FRAME_HEADER_LENGTH;
            final long untilNs = System.nanoTime() + gapNs;
            while (System.nanoTime() < untilNs)
            {
                if (null != channel)
                {
                    receiveBuffer.clear();
                    channel.receive(receiveBuffer);
                }
            }
            final long startNs = System.nanoTime();
            decoder.decode(buffer, message, messageLength, adapter);
            histogram.recordValue(System.nanoTime() - startNs);
            offset = message + messageLength;
        }
        return histogram;
    }
}
