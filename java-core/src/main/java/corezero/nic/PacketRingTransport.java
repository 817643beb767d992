package corezero.nic;

import corezero.sys.Errno;
import corezero.sys.NativeNic;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;

import static corezero.nic.PacketRingDescriptor.HEADER_LENGTH;
import static corezero.nic.PacketRingDescriptor.LEN_OFFSET;
import static corezero.nic.PacketRingDescriptor.MAC_OFFSET;
import static corezero.nic.PacketRingDescriptor.SNAPLEN_OFFSET;
import static corezero.nic.PacketRingDescriptor.STATUS_OFFSET;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_AVAILABLE;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_CSUMNOTREADY;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_KERNEL;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_LOSING;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_SEND_REQUEST;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_USER;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_WRONG_FORMAT;
import static corezero.nic.RawUdpDescriptor.BYTE_ORDER;
import static corezero.nic.RawUdpDescriptor.ETHER_TYPE_IPV4;
import static corezero.nic.RawUdpDescriptor.ETHER_TYPE_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_MIN_HEADER_LENGTH;
import static corezero.nic.RawUdpDescriptor.IP_PROTOCOL_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_VERSION_IHL_OFFSET;
import static corezero.nic.RawUdpDescriptor.MAX_VLAN_TAGS;
import static corezero.nic.RawUdpDescriptor.PROTOCOL_UDP;
import static corezero.nic.RawUdpDescriptor.UDP_CHECKSUM_OFFSET;
import static corezero.nic.RawUdpDescriptor.UDP_HEADER_LENGTH;
import static corezero.nic.RawUdpDescriptor.UDP_NO_CHECKSUM;
import static corezero.nic.RawUdpDescriptor.VLAN_TAG_LENGTH;
import static corezero.sys.NativeNic.PR_FD;
import static corezero.sys.NativeNic.PR_FRAME_SIZE;
import static corezero.sys.NativeNic.PR_LAYOUT_LENGTH;
import static corezero.sys.NativeNic.PR_RX_ADDRESS;
import static corezero.sys.NativeNic.PR_RX_FRAMES;
import static corezero.sys.NativeNic.PR_TX_ADDRESS;
import static corezero.sys.NativeNic.PR_TX_DATA_OFFSET;
import static corezero.sys.NativeNic.PR_TX_FRAMES;

/**
 * TPACKET_V2: IPv4 UDP frames from an AF_PACKET socket's memory-mapped RX ring, and sending through its TX ring
 * ({@link PacketRingDescriptor}). The kernel still runs its receive path up to the packet socket (and the
 * socket's filter), but handing frames over is memory only: no system call per frame received.
 * <p>
 * {@link #poll} walks the RX slots in order: a slot is this side's while its status has TP_STATUS_USER (acquire
 * load); its frame, at {@code tp_mac} for {@code tp_snaplen} bytes, is checked in place by a
 * {@link RawUdpParser} (destination address: {@link PacketRingOptions#destinationAddress()}; any port, since
 * the socket's filter already chose the ports) and the UDP payload handed to the handler; then the slot goes
 * back to the kernel with a release store of TP_STATUS_KERNEL, whether the frame was delivered, dropped as
 * malformed (counted by {@link RawUdpReason}), or handed to a handler that threw. TP_STATUS_LOSING on a slot
 * means the kernel dropped frames before it for a full ring: counted. A frame with TP_STATUS_CSUMNOTREADY was
 * sent from this host (a veth peer) with its UDP checksum left to offload, so the field holds only a partial
 * sum: it is cleared to "not computed" in place before parsing, and counted.
 * <p>
 * Sending ({@link #newSender}) takes the next TX slot if its status is TP_STATUS_AVAILABLE (acquire load),
 * writes the frame at {@code PR_TX_DATA_OFFSET} and {@code tp_len}, marks it TP_STATUS_SEND_REQUEST (release)
 * and kicks ({@code send}), one system call per frame by the nature of this ring. A slot the kernel marked
 * TP_STATUS_WRONG_FORMAT is counted and reused. A kick answered with EAGAIN, EBUSY or ENOBUFS is retried by
 * the next poll.
 * <p>
 * Thread: one polling thread does everything, senders included; {@link #close} from it too, or after it has
 * stopped (the rings are unmapped). Counters may be read from any thread.
 */
public final class PacketRingTransport extends AbstractRingTransport
{
    private static final int EBUSY = 16;
    private static final int ENOBUFS = 105;

    private final UnsafeBuffer rxRing;
    private final UnsafeBuffer txRing;
    private final int frameSize;
    private final int rxFrames;
    private final int txFrames;
    private final int txDataOffset;
    private final RawUdpParser parser;
    private final RingKicker kicker;
    private final Runnable release;
    private final PacketRingOptions options;
    private final String description;
    private final TxFrameRing txSide = new TxSide();

    private int rxIndex;
    private boolean losing;
    private int txIndex;
    private boolean txKickPending;
    /** Volatile: core 0 reads it before asking the socket for statistics ({@link #kernelDrops()}). */
    private volatile boolean closed;

    /**
     * Wrap rings that are already set up.
     *
     * @param options what was asked for (addresses, ports, names).
     * @param layout  filled per {@code NativeNic}'s {@code PR_*} indices; every slot owned by the kernel (RX) or
     *                available (TX).
     * @param kicker  transmit wake-ups.
     * @param release unmaps the rings and closes the socket, run once by {@link #close}.
     */
    PacketRingTransport(
        final PacketRingOptions options, final long[] layout, final RingKicker kicker, final Runnable release)
    {
        if (layout.length < PR_LAYOUT_LENGTH)
        {
            throw new IllegalArgumentException("packet ring layout has " + layout.length + " entries, expected " +
                PR_LAYOUT_LENGTH);
        }
        final long frameSizeValue = layout[PR_FRAME_SIZE];
        final long rxFramesValue = layout[PR_RX_FRAMES];
        final long txFramesValue = layout[PR_TX_FRAMES];
        final long txDataOffsetValue = layout[PR_TX_DATA_OFFSET];
        if (frameSizeValue < 256 || frameSizeValue > 65536 || rxFramesValue < 1 || txFramesValue < 0 ||
            rxFramesValue * frameSizeValue > Integer.MAX_VALUE || txFramesValue * frameSizeValue > Integer.MAX_VALUE ||
            txDataOffsetValue < HEADER_LENGTH || txDataOffsetValue >= frameSizeValue)
        {
            throw new IllegalArgumentException("packet ring of " + rxFramesValue + " RX and " + txFramesValue +
                " TX slots of " + frameSizeValue + " bytes, TX data at " + txDataOffsetValue + ": unusable");
        }
        frameSize = (int)frameSizeValue;
        rxFrames = (int)rxFramesValue;
        txFrames = (int)txFramesValue;
        txDataOffset = (int)txDataOffsetValue;
        rxRing = new UnsafeBuffer(layout[PR_RX_ADDRESS], rxFrames * frameSize);
        txRing = 0 == txFrames ? new UnsafeBuffer(new byte[0]) : new UnsafeBuffer(layout[PR_TX_ADDRESS],
            txFrames * frameSize);
        this.kicker = kicker;
        this.release = release;
        this.options = options;
        parser = new RawUdpParser(options.destinationAddress(), RawUdpParser.ANY);
        description = "tpacket_v2 " + options.interfaceName() + " (" + rxFrames + " rx, " + txFrames +
            " tx slots of " + frameSize + ") udp " + XdpTransport.ports(options.udpPorts());
    }

    /**
     * Open a packet socket with its rings per {@code options} ({@code NativeNic.packetRingOpen}). Control path,
     * core 0.
     *
     * @param options validated here.
     * @return the transport, owning the socket and its mapping until closed.
     * @throws IllegalArgumentException if an option is unusable.
     * @throws IllegalStateException    if the native library is not loaded.
     * @throws UncheckedIOException     naming the step that failed and the errno.
     */
    public static PacketRingTransport open(final PacketRingOptions options)
    {
        options.validate();
        final long[] layout = new long[PR_LAYOUT_LENGTH];
        final long handle;
        try
        {
            handle = NativeNic.packetRingOpen(options.interfaceName(), options.frameSize(), options.rxFrames(),
                options.txFrames(), options.udpPorts(), options.destinationAddress(), layout);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex.getMessage(), ex);
        }

        final int fd = (int)layout[PR_FD];
        try
        {
            final PacketRingTransport transport = new PacketRingTransport(
                options, layout, (receive) -> NativeNic.packetRingKick(fd), () -> NativeNic.packetRingClose(handle));
            final long[] stats = new long[2];
            final long[] total = new long[1];
            // PACKET_STATISTICS resets on every read: the total is kept here (kernelDrops reads under its lock).
            transport.kernelStatistics(() ->
            {
                if (0 != NativeNic.packetRingStatistics(fd, stats))
                {
                    return -1;
                }
                total[0] += stats[1];
                return total[0];
            });
            return transport;
        }
        catch (final RuntimeException ex)
        {
            NativeNic.packetRingClose(handle);
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

        final UnsafeBuffer rxRing = this.rxRing;
        int delivered = 0;
        for (int i = 0; i < limit; i++)
        {
            final int slot = rxIndex * frameSize;
            // Acquire: the kernel wrote the header and frame before it released the status.
            final int status = rxRing.getIntAcquire(slot + STATUS_OFFSET);
            if (0 == (status & TP_STATUS_USER))
            {
                break;
            }
            rxIndex = rxIndex + 1 == rxFrames ? 0 : rxIndex + 1;
            try
            {
                delivered += deliver(handler, slot, status);
            }
            finally
            {
                // Release: this side's reads of the slot, and the handler's, are done before the kernel rewrites it.
                rxRing.putIntRelease(slot + STATUS_OFFSET, TP_STATUS_KERNEL);
            }
        }

        return delivered;
    }

    private int deliver(final FrameHandler handler, final int slot, final int status)
    {
        // The kernel flags every frame LOSING from a drop until its statistics are next read (core 0 reads them
        // every 100 ms through kernelDrops): a run of flagged frames is one event.
        final boolean losing = 0 != (status & TP_STATUS_LOSING);
        if (losing && !this.losing)
        {
            counters.increment(RingCounters.LOSING);
        }
        this.losing = losing;
        final UnsafeBuffer rxRing = this.rxRing;
        final long snaplen = rxRing.getInt(slot + SNAPLEN_OFFSET) & 0xFFFF_FFFFL;
        final int mac = rxRing.getShort(slot + MAC_OFFSET) & 0xFFFF;
        if (mac < HEADER_LENGTH || snaplen > frameSize - mac)
        {
            counters.increment(RingCounters.INVALID_DESCRIPTORS);
            return 0;
        }

        final int frame = slot + mac;
        final int length = (int)snaplen;
        if (0 != (status & TP_STATUS_CSUMNOTREADY))
        {
            counters.increment(RingCounters.CHECKSUM_NOT_READY);
            clearUdpChecksum(rxRing, frame, length);
        }
        final int reason = parser.parse(rxRing, frame, length);
        if (RawUdpReason.OK != reason)
        {
            counters.increment(RingCounters.MALFORMED + reason);
            return 0;
        }
        final int payloadLength = parser.payloadLength();
        // Counted before the handler runs, so that a handler that throws leaves the counters exact.
        counters.increment(RingCounters.FRAMES_RECEIVED);
        counters.add(RingCounters.BYTES_RECEIVED, payloadLength);
        handler.onFrame(rxRing, parser.payloadOffset(), payloadLength);
        return 1;
    }

    /**
     * Set the UDP checksum of an untagged or tagged IPv4 UDP frame to 0, "not computed", when the headers are
     * there to find it; leave anything else for the parser to judge.
     *
     * @param buffer holding the frame.
     * @param offset of the frame.
     * @param length of the frame.
     */
    static void clearUdpChecksum(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int typeOffset = offset + ETHER_TYPE_OFFSET;
        if (typeOffset + 2 > end)
        {
            return;
        }
        int etherType = buffer.getShort(typeOffset, BYTE_ORDER) & 0xFFFF;
        for (int tags = 0; tags < MAX_VLAN_TAGS && RawUdpDescriptor.isVlanTpid(etherType); tags++)
        {
            typeOffset += VLAN_TAG_LENGTH;
            if (typeOffset + 2 > end)
            {
                return;
            }
            etherType = buffer.getShort(typeOffset, BYTE_ORDER) & 0xFFFF;
        }
        final int ip = typeOffset + 2;
        if (ETHER_TYPE_IPV4 != etherType || ip + IP_MIN_HEADER_LENGTH > end ||
            PROTOCOL_UDP != (buffer.getByte(ip + IP_PROTOCOL_OFFSET) & 0xFF))
        {
            return;
        }
        final int udp = ip + ((buffer.getByte(ip + IP_VERSION_IHL_OFFSET) & 0x0F) << 2);
        if (udp >= ip + IP_MIN_HEADER_LENGTH && udp + UDP_HEADER_LENGTH <= end)
        {
            buffer.putShort(udp + UDP_CHECKSUM_OFFSET, (short)UDP_NO_CHECKSUM, BYTE_ORDER);
        }
    }

    /**
     * A sender through this transport's TX ring, from {@link PacketRingOptions#localAddress()} and
     * {@link PacketRingOptions#localMac()}. Use it on the polling thread. Control path.
     *
     * @param targetAddress  IPv4 address as a big-endian int.
     * @param targetPort     1 to 65535.
     * @param sourcePort     1 to 65535, where the target answers.
     * @param destinationMac the target's MAC, or the next hop's, in the low 48 bits.
     * @return the sender; closing it leaves this transport open.
     * @throws IllegalStateException if the transport has no TX ring.
     */
    public RawUdpSender newSender(
        final int targetAddress, final int targetPort, final int sourcePort, final long destinationMac)
    {
        if (0 == txFrames)
        {
            throw new IllegalStateException(description + " has no TX ring");
        }
        return new RawUdpSender(txSide, options.localMac(), options.localAddress(), sourcePort, destinationMac,
            targetAddress, targetPort);
    }

    private void kickTx()
    {
        counters.increment(RingCounters.TX_KICKS);
        final int errno = kicker.kick(false);
        if (0 != errno)
        {
            counters.increment(RingCounters.KICK_ERRORS);
        }
        txKickPending = Errno.EAGAIN == errno || EBUSY == errno || ENOBUFS == errno;
    }

    /** {@inheritDoc} */
    boolean isClosed()
    {
        return closed;
    }

    /** {@inheritDoc} */
    TxFrameRing txFrameRing()
    {
        return txSide;
    }

    /** {@inheritDoc} */
    public long kicks()
    {
        return counters.get(RingCounters.TX_KICKS);
    }

    /** {@inheritDoc} */
    public long ringDrops()
    {
        return counters.get(RingCounters.LOSING);
    }

    /** {@inheritDoc} */
    public String description()
    {
        return description;
    }

    /** @return RX slots whose {@code tp_mac} and {@code tp_snaplen} do not fit the slot, dropped. */
    public long invalidSlots()
    {
        return counters.get(RingCounters.INVALID_DESCRIPTORS);
    }

    /**
     * @return runs of RX slots flagged TP_STATUS_LOSING: each begins after the kernel dropped frames for a full ring
     * (the kernel flags every frame until its statistics are read; the exact drops are {@link #kernelDrops()}).
     */
    public long losingEvents()
    {
        return counters.get(RingCounters.LOSING);
    }

    /** @return RX frames flagged TP_STATUS_CSUMNOTREADY, whose partial UDP checksum was cleared. */
    public long checksumNotReadyFrames()
    {
        return counters.get(RingCounters.CHECKSUM_NOT_READY);
    }

    /** @return TX slots the kernel refused as TP_STATUS_WRONG_FORMAT, reused. */
    public long txWrongFormat()
    {
        return counters.get(RingCounters.TX_WRONG_FORMAT);
    }

    /** Unmap the rings and close the socket. Idempotent; polling thread only. */
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

    private final class TxSide implements TxFrameRing
    {
        public int claim()
        {
            if (closed)
            {
                counters.increment(RingCounters.FRAMES_NOT_SENT);
                return -1;
            }
            final int slot = txIndex * frameSize;
            // Acquire: the kernel has finished reading the slot before it released AVAILABLE.
            final int status = txRing.getIntAcquire(slot + STATUS_OFFSET);
            if (TP_STATUS_WRONG_FORMAT == status)
            {
                counters.increment(RingCounters.TX_WRONG_FORMAT);
                txRing.putIntRelease(slot + STATUS_OFFSET, TP_STATUS_AVAILABLE);
            }
            else if (TP_STATUS_AVAILABLE != status)
            {
                counters.increment(RingCounters.FRAMES_NOT_SENT);
                return -1;
            }
            return slot + txDataOffset;
        }

        public void post(final int frameOffset, final int frameLength)
        {
            final int slot = frameOffset - txDataOffset;
            txRing.putInt(slot + LEN_OFFSET, frameLength);
            // Release: the frame and tp_len are written before the kernel can see SEND_REQUEST.
            txRing.putIntRelease(slot + STATUS_OFFSET, TP_STATUS_SEND_REQUEST);
            txIndex = txIndex + 1 == txFrames ? 0 : txIndex + 1;
            counters.increment(RingCounters.FRAMES_SENT);
            kickTx();
        }

        public MutableDirectBuffer frameBuffer()
        {
            return txRing;
        }

        public int maxFrameLength()
        {
            return frameSize - txDataOffset;
        }

        public String name()
        {
            return "tpacket_v2 " + options.interfaceName();
        }
    }
}
