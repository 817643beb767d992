package corezero.bench;

import corezero.sys.CpuPinning;
import corezero.sys.NetworkNamespace;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The venue side of the feed benchmark: one thread, pinned to the ops CPU and moved into the venue's network
 * namespace, sending {@link FeedLatencyDescriptor} packets over kernel UDP to the engine's address until stopped.
 * <p>
 * <b>Paced</b> ({@code ratePerSecond > 0}): packet i is due at {@code start + i * interval}, on a fixed schedule
 * that never looks at the receiver (open loop), so a receiver that stalls finds the packets queued behind the
 * stall and records every one of them late: no coordinated omission on the receiving side. The sender yields in a
 * loop on the clock until a packet is due; if it is itself late (preempted on the shared CPU, or the send took longer
 * than an interval), it sends what is due back to back to catch up, and each packet also carries the time it
 * was due, so the receiver can measure both from the actual send and from the schedule.
 * <b>Unpaced</b> ({@code ratePerSecond == 0}): sends as fast as one thread can.
 * <p>
 * The socket is unconnected, so the ICMP port-unreachable answers of the ring phases (nothing listens on the port
 * in the kernel then) are discarded instead of failing a later send.
 */
final class FeedLatencySender implements Runnable
{
    private final String venueNs;
    private final InetSocketAddress target;
    private final int cpu;
    private final long ratePerSecond;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    /**
     * @param venueNs       namespace to send from.
     * @param target        the engine's address and feed port.
     * @param cpu           CPU to pin to.
     * @param ratePerSecond packets a second, or 0 for as fast as possible.
     */
    FeedLatencySender(final String venueNs, final InetSocketAddress target, final int cpu, final long ratePerSecond)
    {
        this.venueNs = venueNs;
        this.target = target;
        this.cpu = cpu;
        this.ratePerSecond = ratePerSecond;
    }

    /** @return packets sent so far; any thread. */
    long sent()
    {
        return sent.get();
    }

    /** @return what stopped the sender, or null. */
    Throwable failure()
    {
        return failure.get();
    }

    /** Asks the sender to stop after the packet in hand. */
    void stop()
    {
        running = false;
    }

    /** {@inheritDoc} */
    public void run()
    {
        try
        {
            CpuPinning.pinCurrentThread(cpu);
            NetworkNamespace.call(venueNs, () ->
            {
                try (DatagramChannel channel = DatagramChannel.open())
                {
                    send(channel);
                }
                return null;
            });
        }
        catch (final Throwable ex)
        {
            failure.compareAndSet(null, ex);
        }
    }

    private void send(final DatagramChannel channel) throws IOException
    {
        final ByteBuffer packet = BufferUtil.allocateDirectAligned(FeedLatencyDescriptor.PACKET_LENGTH, 64);
        final UnsafeBuffer buffer = new UnsafeBuffer(packet);
        FeedLatencyDescriptor.encodeTemplate(buffer);
        final InetSocketAddress target = this.target;
        final long intervalNs = ratePerSecond > 0 ? 1_000_000_000L / ratePerSecond : 0;
        final long startNs = System.nanoTime();
        long sequence = 1;
        while (running)
        {
            final long scheduledNs;
            if (intervalNs > 0)
            {
                scheduledNs = startNs + (sequence - 1) * intervalNs;
                while (System.nanoTime() < scheduledNs)
                {
                    // Yield rather than spin: CPU 0 also runs the kernel's veth and receive work (in ksoftirqd
                    // when it is deferred), the JIT and the controlling thread. In a trial a spinning sender gave
                    // the same p50 and a worse p99 (0.5-1.4 ms against 0.1-0.3 ms; noisy).
                    Thread.yield();
                }
            }
            else
            {
                scheduledNs = System.nanoTime();
            }
            final long sentNs = System.nanoTime();
            FeedLatencyDescriptor.stamp(buffer, sequence, scheduledNs, sentNs);
            packet.clear();
            channel.send(packet, target);
            sent.lazySet(sequence);
            sequence++;
        }
    }
}
