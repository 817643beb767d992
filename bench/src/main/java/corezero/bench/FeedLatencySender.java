package corezero.bench;

import corezero.nic.FrameHandler;
import corezero.nic.Neighbours;
import corezero.nic.PacketRingOptions;
import corezero.nic.PacketRingTransport;
import corezero.nic.RawUdpSender;
import corezero.sys.CpuPinning;
import corezero.sys.NetworkNamespace;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The venue side of the feed benchmark: one thread, pinned to the ops CPU and moved into the venue's network
 * namespace, sending {@link FeedLatencyDescriptor} packets to the engine's address until stopped, through one of
 * two send paths ({@link Path}): kernel UDP (a {@code DatagramChannel}, the default), or raw Ethernet/IPv4/UDP frames
 * through a TPACKET_V2 TX ring on the venue's veth ({@link PacketRingTransport}, {@code PACKET_QDISC_BYPASS}),
 * which skips the kernel's UDP/IP send path. Every phase of a run uses the same path, so it is shared by all the
 * receive paths compared.
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
 * <p>
 * <b>Ring.</b> Each packet is stamped, then {@link RawUdpSender#send} claims a TX slot, writes the headers and
 * checksums around the payload, posts the slot and kicks ({@code sendto}): one system call per packet, which the
 * kernel answers by handing the frame straight to the veth. A slot comes back when the kernel frees the frame,
 * which for a veth can be as late as when the engine's side has consumed it. A send that finds no free slot
 * returns false: it is counted ({@link #notSent}), the ring is polled (which repeats a kick the kernel refused
 * with EAGAIN, EBUSY or ENOBUFS), the thread yields, and the same packet, with its first stamp, is sent again, so
 * the wait counts in its latency as a blocking {@code send} would. A packet still unsent when the sender is
 * stopped is counted in {@link #abandoned}. The ring's RX side listens on a port nothing sends to, and is
 * never read.
 */
final class FeedLatencySender implements Runnable
{
    /** TX frames of the ring sender: 12.8 ms of packets at 20 000 a second. */
    static final int RING_TX_FRAMES = 256;
    /** RX frames of the ring sender's socket, which nothing is sent to: few. */
    private static final int RING_RX_FRAMES = 64;
    /** Frames the ring sender polls from its own RX side at most when its TX ring is full. */
    private static final int RING_POLL_LIMIT = 16;
    private static final FrameHandler IGNORE = (buffer, offset, length) ->
    {
    };

    /** How the venue sends. */
    enum Path
    {
        /** An unconnected kernel UDP socket: {@code sendto}, the kernel's UDP/IP send path, then the veth. */
        UDP,
        /** Raw frames through a TPACKET_V2 TX ring: a {@code sendto} kick, then straight to the veth. */
        RING
    }

    /**
     * The venue's end of the veth pair: where the sender runs, and what the ring sender writes as the source.
     *
     * @param namespace     namespace to send from.
     * @param interfaceName the venue's veth (ring sender only).
     * @param address       its IPv4 address (ring sender only).
     * @param mac           its MAC, low 48 bits (ring sender only).
     */
    record Venue(String namespace, String interfaceName, InetAddress address, long mac)
    {
    }

    private final Path path;
    private final Venue venue;
    private final FeedLatencyTransport.Endpoint endpoint;
    private final int cpu;
    private final long ratePerSecond;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong notSent = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong kickErrors = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile String description = "not open";
    private volatile boolean running = true;

    /**
     * @param path          how to send.
     * @param venue         where to send from.
     * @param endpoint      the engine's veth, address, MAC and feed port.
     * @param cpu           CPU to pin to.
     * @param ratePerSecond packets a second, or 0 for as fast as possible.
     */
    FeedLatencySender(
        final Path path, final Venue venue, final FeedLatencyTransport.Endpoint endpoint, final int cpu,
        final long ratePerSecond)
    {
        this.path = path;
        this.venue = venue;
        this.endpoint = endpoint;
        this.cpu = cpu;
        this.ratePerSecond = ratePerSecond;
    }

    /**
     * @param port the feed port.
     * @return the ring sender's source port, which is also the port its own RX side listens on: nothing sends to it.
     */
    static int ringSourcePort(final int port)
    {
        return port + 1;
    }

    /** @return packets sent so far; any thread. */
    long sent()
    {
        return sent.get();
    }

    /** @return ring sends that found no free TX slot (each retried); 0 for UDP; any thread. */
    long notSent()
    {
        return notSent.get();
    }

    /** @return packets still unsent, for a full TX ring, when the sender was stopped; any thread. */
    long abandoned()
    {
        return abandoned.get();
    }

    /** @return TX kicks the kernel refused (retried by the next poll or send), once the sender has ended. */
    long kickErrors()
    {
        return kickErrors.get();
    }

    /** @return the send path as it describes itself, once open. */
    String description()
    {
        return description;
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
            NetworkNamespace.call(venue.namespace(), () ->
            {
                if (Path.RING == path)
                {
                    sendRing();
                }
                else
                {
                    try (DatagramChannel channel = DatagramChannel.open())
                    {
                        description = "kernel UDP DatagramChannel, unconnected, blocking";
                        send(channel);
                    }
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
        final InetSocketAddress target = new InetSocketAddress(endpoint.address(), endpoint.port());
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

    private void sendRing()
    {
        final int sourcePort = ringSourcePort(endpoint.port());
        final PacketRingTransport transport = PacketRingTransport.open(new PacketRingOptions()
            .interfaceName(venue.interfaceName())
            .frameSize(FeedLatencyTransport.FRAME_SIZE)
            .rxFrames(RING_RX_FRAMES)
            .txFrames(RING_TX_FRAMES)
            .udpPorts(sourcePort)
            .localAddress(Neighbours.ipv4(venue.address()))
            .localMac(venue.mac()));
        try
        {
            final RawUdpSender sender = transport.newSender(
                Neighbours.ipv4(endpoint.address()), endpoint.port(), sourcePort, endpoint.mac());
            description = String.format(Locale.ROOT, "%s, %d TX frames, QDISC_BYPASS", sender.description(),
                RING_TX_FRAMES);
            sendRing(transport, sender);
        }
        finally
        {
            kickErrors.set(transport.kickErrors());
            transport.close();
        }
    }

    private void sendRing(final PacketRingTransport transport, final RawUdpSender sender)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(
            BufferUtil.allocateDirectAligned(FeedLatencyDescriptor.PACKET_LENGTH, 64));
        FeedLatencyDescriptor.encodeTemplate(buffer);
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
                    Thread.yield();
                }
            }
            else
            {
                scheduledNs = System.nanoTime();
            }
            final long sentNs = System.nanoTime();
            FeedLatencyDescriptor.stamp(buffer, sequence, scheduledNs, sentNs);
            while (!sender.send(buffer, 0, FeedLatencyDescriptor.PACKET_LENGTH))
            {
                // No free TX slot: count it, repeat any refused kick, let CPU 0's other work run, send the same
                // packet again with its first stamp.
                notSent.lazySet(notSent.get() + 1);
                if (!running)
                {
                    abandoned.lazySet(abandoned.get() + 1);
                    return;
                }
                transport.poll(IGNORE, RING_POLL_LIMIT);
                Thread.yield();
            }
            sent.lazySet(sequence);
            sequence++;
        }
    }
}
