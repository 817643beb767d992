package corezero.nic;

import corezero.sys.Errno;
import corezero.sys.NativeNic;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;

import static corezero.nic.XdpRingDescriptor.ADDRESS_DESCRIPTOR_LENGTH;
import static corezero.nic.XdpRingDescriptor.FRAME_DESCRIPTOR_LENGTH;
import static corezero.sys.NativeNic.XDP_ATTACHED_MODE;
import static corezero.sys.NativeNic.XDP_BOUND_ZERO_COPY;
import static corezero.sys.NativeNic.XDP_FD;
import static corezero.sys.NativeNic.XDP_FRAME_COUNT;
import static corezero.sys.NativeNic.XDP_FRAME_SIZE;
import static corezero.sys.NativeNic.XDP_LAYOUT_LENGTH;
import static corezero.sys.NativeNic.XDP_NEED_WAKEUP;
import static corezero.sys.NativeNic.XDP_RING_COMPLETION;
import static corezero.sys.NativeNic.XDP_RING_FILL;
import static corezero.sys.NativeNic.XDP_RING_RX;
import static corezero.sys.NativeNic.XDP_RING_TX;
import static corezero.sys.NativeNic.XDP_UMEM_ADDRESS;
import static corezero.sys.NativeNic.XDP_UMEM_BYTES;

/**
 * AF_XDP: IPv4 UDP frames straight from one NIC queue through the four rings {@code native/} maps
 * ({@link XdpRingDescriptor}), read and written as memory with the kernel's acquire/release protocol
 * ({@link XdpConsumerRing}, {@link XdpProducerRing}). Receiving makes no system call unless the kernel asks for
 * a wake-up (need-wakeup mode, the fill ring's flag).
 * <p>
 * UMEM frames are split once, at construction: the first half goes to the fill ring and circulates
 * fill → RX → fill; the second half is the free TX pool and circulates pool → TX → completion → pool. The fill
 * ring holds half the frames, so a frame taken from RX always has a fill slot to go back to.
 * <p>
 * {@link #poll} consumes up to {@code limit} RX descriptors; each frame is checked in place by a
 * {@link RawUdpParser} (destination address: {@link XdpOptions#destinationAddress()}; any port, since the XDP
 * program already chose the ports) and its UDP payload handed to the handler, in place in the UMEM. Malformed
 * frames are counted by {@link RawUdpReason} and dropped. Every frame, delivered, dropped, or handed to a
 * handler that threw, goes back to the fill ring: the fill producer and the RX consumer are each published
 * once per poll. It allocates nothing and throws only what the handler throws.
 * <p>
 * Sending ({@link #newSender}) takes a free TX frame (first reclaiming what the completion ring returned),
 * builds the frame there and posts it; copy mode, a socket without need-wakeup, or the TX ring's NEED_WAKEUP
 * flag make it kick ({@code sendto}). A kick the kernel answers with EAGAIN, EBUSY or ENOBUFS is retried by the
 * next poll, so that a posted frame is not left waiting for the next send.
 * <p>
 * Thread: one polling thread does everything, senders included; {@link #close} from it too, or after it has
 * stopped (the rings are unmapped). Counters may be read from any thread.
 */
public final class XdpTransport extends AbstractRingTransport
{
    private static final int EBUSY = 16;
    private static final int ENOBUFS = 105;

    private final UnsafeBuffer umem;
    private final long umemBytes;
    private final int frameSize;
    private final long chunkMask;
    private final XdpConsumerRing rx;
    private final XdpProducerRing fill;
    private final XdpProducerRing tx;
    private final XdpConsumerRing completion;
    private final int fillSize;
    private final boolean needWakeup;
    private final boolean copyMode;
    private final long[] freeFrames;
    private final RawUdpParser parser;
    private final RingKicker kicker;
    private final Runnable release;
    private final XdpOptions options;
    private final String description;
    private final TxFrameRing txRing = new TxSide();

    private int freeFrameCount;
    private boolean txKickPending;
    /** Volatile: core 0 reads it before asking the socket for statistics ({@link #kernelDrops()}). */
    private volatile boolean closed;

    /**
     * Wrap rings that are already set up.
     *
     * @param options what was asked for (addresses, ports, names).
     * @param layout  filled per {@code NativeNic}'s {@code XDP_*} indices; all rings empty.
     * @param kicker  wake-ups.
     * @param release frees the socket and memory, run once by {@link #close}.
     */
    XdpTransport(final XdpOptions options, final long[] layout, final RingKicker kicker, final Runnable release)
    {
        if (layout.length < XDP_LAYOUT_LENGTH)
        {
            throw new IllegalArgumentException("AF_XDP layout has " + layout.length + " entries, expected " +
                XDP_LAYOUT_LENGTH);
        }
        final long frameSizeValue = layout[XDP_FRAME_SIZE];
        final long frameCount = layout[XDP_FRAME_COUNT];
        umemBytes = layout[XDP_UMEM_BYTES];
        if (frameSizeValue < 256 || frameSizeValue > 65536 || 0 != (frameSizeValue & (frameSizeValue - 1)) ||
            frameCount < 2 || 0 != (frameCount & (frameCount - 1)) || umemBytes != frameSizeValue * frameCount ||
            umemBytes > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("AF_XDP UMEM of " + frameCount + " frames of " + frameSizeValue +
                " bytes in " + umemBytes + " bytes: expected powers of two and at most 2 GiB");
        }
        frameSize = (int)frameSizeValue;
        chunkMask = ~(frameSizeValue - 1);
        umem = new UnsafeBuffer(layout[XDP_UMEM_ADDRESS], (int)umemBytes);
        rx = new XdpConsumerRing(layout, XDP_RING_RX, FRAME_DESCRIPTOR_LENGTH);
        fill = new XdpProducerRing(layout, XDP_RING_FILL, ADDRESS_DESCRIPTOR_LENGTH);
        tx = new XdpProducerRing(layout, XDP_RING_TX, FRAME_DESCRIPTOR_LENGTH);
        completion = new XdpConsumerRing(layout, XDP_RING_COMPLETION, ADDRESS_DESCRIPTOR_LENGTH);
        fillSize = fill.size();
        needWakeup = 0 != layout[XDP_NEED_WAKEUP];
        copyMode = 0 == layout[XDP_BOUND_ZERO_COPY];
        this.kicker = kicker;
        this.release = release;
        this.options = options;
        parser = new RawUdpParser(options.destinationAddress(), RawUdpParser.ANY);

        final int half = (int)(frameCount / 2);
        if (fill.free(half) < half)
        {
            throw new IllegalStateException("AF_XDP fill ring has room for " + fill.free(half) + " of the " + half +
                " receive frames");
        }
        for (int i = 0; i < half; i++)
        {
            fill.putAddress(i, (long)i * frameSize);
        }
        fill.submit(half);
        freeFrames = new long[half];
        for (int i = 0; i < half; i++)
        {
            freeFrames[i] = (long)(half + i) * frameSize;
        }
        freeFrameCount = half;

        description = "af_xdp " + options.interfaceName() + " queue " + options.queue() + " (" +
            (NativeNic.XDP_MODE_NATIVE == layout[XDP_ATTACHED_MODE] ? "native" : "skb") + ", " +
            (copyMode ? "copy" : "zero-copy") + (needWakeup ? ", need_wakeup" : "") + ") udp " +
            ports(options.udpPorts());
    }

    /**
     * Open an AF_XDP socket per {@code options} ({@code NativeNic.xdpOpen}) and fill its fill ring. Control
     * path, core 0.
     *
     * @param options validated here.
     * @return the transport, owning the socket, its UMEM and the XDP program until closed.
     * @throws IllegalArgumentException if an option is unusable.
     * @throws IllegalStateException    if the native library is not loaded.
     * @throws UncheckedIOException     naming the step that failed and the errno.
     */
    public static XdpTransport open(final XdpOptions options)
    {
        options.validate();
        final long[] layout = new long[XDP_LAYOUT_LENGTH];
        final long handle;
        try
        {
            handle = NativeNic.xdpOpen(options.interfaceName(), options.queue(), options.mode(),
                options.copyMode(), options.frameSize(), options.frameCount(), options.udpPorts(),
                options.destinationAddress(), layout);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex.getMessage(), ex);
        }

        final int fd = (int)layout[XDP_FD];
        try
        {
            final XdpTransport transport = new XdpTransport(
                options, layout, (receive) -> NativeNic.xdpKick(fd, receive), () -> NativeNic.xdpClose(handle));
            final long[] stats = new long[NativeNic.XDP_STATS_LENGTH];
            transport.kernelStatistics(() -> 0 != NativeNic.xdpStatistics(fd, stats) ? -1 :
                stats[NativeNic.XDP_STAT_RX_DROPPED] + stats[NativeNic.XDP_STAT_RX_RING_FULL] +
                stats[NativeNic.XDP_STAT_FILL_RING_EMPTY]);
            return transport;
        }
        catch (final RuntimeException ex)
        {
            NativeNic.xdpClose(handle);
            throw ex;
        }
    }

    /** {@inheritDoc} */
    public int poll(final FrameHandler handler, final int limit)
    {
        if (closed)
        {
            return 0;
        }
        if (txKickPending)
        {
            kickTx();
        }

        if (limit <= 0)
        {
            return 0;
        }
        final XdpConsumerRing rx = this.rx;
        int count = rx.available(limit);
        if (0 == count)
        {
            return 0;
        }
        final XdpProducerRing fill = this.fill;
        final int fillFree = fill.free(count);
        if (fillFree == fillSize)
        {
            // Every frame given to the kernel had been used: frames arriving meanwhile were dropped.
            counters.increment(RingCounters.FILL_RING_EMPTY);
        }
        // Never binds while the fill ring holds every receive frame (checked at construction).
        count = Math.min(count, fillFree);

        int consumed = 0;
        int refilled = 0;
        int delivered = 0;
        try
        {
            while (consumed < count)
            {
                final long address = rx.address(consumed);
                final long length = rx.length(consumed);
                consumed++;
                if (address < 0 || address >= umemBytes)
                {
                    counters.increment(RingCounters.INVALID_DESCRIPTORS);
                    continue;
                }
                // Written now, published after the loop: the frame stays this side's until then.
                fill.putAddress(refilled++, address & chunkMask);
                if (length > frameSize - (address & ~chunkMask))
                {
                    counters.increment(RingCounters.INVALID_DESCRIPTORS);
                    continue;
                }

                final int reason = parser.parse(umem, (int)address, (int)length);
                if (RawUdpReason.OK != reason)
                {
                    counters.increment(RingCounters.MALFORMED + reason);
                    continue;
                }
                final int payloadLength = parser.payloadLength();
                // Counted before the handler runs, so that a handler that throws leaves the counters exact.
                counters.increment(RingCounters.FRAMES_RECEIVED);
                counters.add(RingCounters.BYTES_RECEIVED, payloadLength);
                delivered++;
                handler.onFrame(umem, parser.payloadOffset(), payloadLength);
            }
        }
        finally
        {
            fill.submit(refilled);
            rx.release(consumed);
            if (fill.needsWakeup())
            {
                kick(true, RingCounters.RX_KICKS);
            }
        }

        return delivered;
    }

    /**
     * A sender through this transport's TX ring, from {@link XdpOptions#localAddress()} and
     * {@link XdpOptions#localMac()}. Use it on the polling thread. Control path.
     *
     * @param targetAddress  IPv4 address as a big-endian int.
     * @param targetPort     1 to 65535.
     * @param sourcePort     1 to 65535, where the target answers.
     * @param destinationMac the target's MAC, or the next hop's, in the low 48 bits.
     * @return the sender; closing it leaves this transport open.
     */
    public RawUdpSender newSender(
        final int targetAddress, final int targetPort, final int sourcePort, final long destinationMac)
    {
        return new RawUdpSender(txRing, options.localMac(), options.localAddress(), sourcePort, destinationMac,
            targetAddress, targetPort);
    }

    private void reclaimCompleted()
    {
        final XdpConsumerRing completion = this.completion;
        final int count = completion.available(completion.size());
        final long[] freeFrames = this.freeFrames;
        for (int i = 0; i < count; i++)
        {
            final long address = completion.address(i);
            if (address >= 0 && address < umemBytes && freeFrameCount < freeFrames.length)
            {
                freeFrames[freeFrameCount++] = address & chunkMask;
            }
            else
            {
                counters.increment(RingCounters.INVALID_DESCRIPTORS);
            }
        }
        completion.release(count);
    }

    private void kickTx()
    {
        final int errno = kick(false, RingCounters.TX_KICKS);
        txKickPending = isRetryable(errno);
    }

    private static boolean isRetryable(final int errno)
    {
        return Errno.EAGAIN == errno || EBUSY == errno || ENOBUFS == errno;
    }

    private int kick(final boolean receive, final int counter)
    {
        counters.increment(counter);
        final int errno = kicker.kick(receive);
        if (0 != errno)
        {
            counters.increment(RingCounters.KICK_ERRORS);
        }
        return errno;
    }

    /** {@inheritDoc} */
    boolean isClosed()
    {
        return closed;
    }

    /** {@inheritDoc} */
    TxFrameRing txFrameRing()
    {
        return txRing;
    }

    /** {@inheritDoc} */
    public long kicks()
    {
        return counters.get(RingCounters.RX_KICKS) + counters.get(RingCounters.TX_KICKS);
    }

    /** {@inheritDoc} */
    public long ringDrops()
    {
        return counters.get(RingCounters.FILL_RING_EMPTY);
    }

    /** {@inheritDoc} */
    public String description()
    {
        return description;
    }

    /** @return RX or completion descriptors outside the UMEM or past their frame (a kernel or layout bug). */
    public long invalidDescriptors()
    {
        return counters.get(RingCounters.INVALID_DESCRIPTORS);
    }

    /**
     * @return polls that found the kernel had used every fill-ring frame, so it may have dropped arrivals (the
     * exact drops are in {@code NativeNic.xdpStatistics}).
     */
    public long fillRingEmptyEvents()
    {
        return counters.get(RingCounters.FILL_RING_EMPTY);
    }

    /** @return receive-side wake-ups (system calls) the fill ring's NEED_WAKEUP flag asked for. */
    public long receiveKicks()
    {
        return counters.get(RingCounters.RX_KICKS);
    }

    /** @return TX frames free now. Polling thread only. */
    public int freeTxFrames()
    {
        return freeFrameCount;
    }

    /** Detach the XDP program, close the socket and free the UMEM. Idempotent; polling thread only. */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            release.run();
        }
    }

    /** {@inheritDoc} */
    public String toString()
    {
        return description;
    }

    /**
     * @param ports UDP ports.
     * @return {@code ":31001,:31002"}.
     */
    static String ports(final int[] ports)
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < ports.length; i++)
        {
            text.append(0 == i ? ":" : ",:").append(ports[i]);
        }
        return text.toString();
    }

    private final class TxSide implements TxFrameRing
    {
        public int claim()
        {
            if (closed)
            {
                counters.increment(RingCounters.FRAMES_NOT_SENT);
                return -1;
            }
            reclaimCompleted();
            if (0 == freeFrameCount || tx.free(1) < 1)
            {
                counters.increment(RingCounters.FRAMES_NOT_SENT);
                return -1;
            }
            return (int)freeFrames[--freeFrameCount];
        }

        public void post(final int frameOffset, final int frameLength)
        {
            tx.putFrame(0, frameOffset, frameLength);
            tx.submit(1);
            counters.increment(RingCounters.FRAMES_SENT);
            // Copy mode sends only inside the system call; without need-wakeup the kernel must always be told.
            if (copyMode || !needWakeup || tx.needsWakeup())
            {
                kickTx();
            }
        }

        public MutableDirectBuffer frameBuffer()
        {
            return umem;
        }

        public int maxFrameLength()
        {
            return frameSize;
        }

        public String name()
        {
            return "af_xdp " + options.interfaceName() + " queue " + options.queue();
        }
    }
}
