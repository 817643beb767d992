package corezero.nic;

import corezero.sys.NativeNic;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

import static corezero.nic.PacketRingDescriptor.LEN_OFFSET;
import static corezero.nic.PacketRingDescriptor.MAC_OFFSET;
import static corezero.nic.PacketRingDescriptor.NET_OFFSET;
import static corezero.nic.PacketRingDescriptor.SNAPLEN_OFFSET;
import static corezero.nic.PacketRingDescriptor.STATUS_OFFSET;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_AVAILABLE;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_KERNEL;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_LOSING;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_SEND_REQUEST;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_USER;

/**
 * The kernel's side of a TPACKET_V2 socket over memory this test allocates: RX then TX slots in one block, laid
 * out as {@code NativeNic.packetRingOpen} describes them, handed over with the status word as the kernel does
 * (slot contents first, then a release store of the status; an acquire load before reading a slot). Like the
 * kernel, it drops a frame when the next RX slot is still the user's and flags the next frame it delivers with
 * TP_STATUS_LOSING. Single-threaded on its side.
 */
final class FakePacketRing implements RingKicker
{
    /** Where the kernel puts the frame in an RX slot: TPACKET_ALIGN(52 + 16) - 14. */
    static final int MAC = 66;
    static final int TX_DATA_OFFSET = 32;
    static final int FD = 7;

    /** Held so that the memory the layout points into lives as long as this object. */
    private final ByteBuffer memory;
    private final UnsafeBuffer buffer;
    private final long[] layout = new long[NativeNic.PR_LAYOUT_LENGTH];
    private final int frameSize;
    private final int rxFrames;
    private final int txFrames;
    private final int txBase;

    private int rxIndex;
    private int txIndex;
    private boolean losing;
    int kernelDrops;
    volatile int kicks;
    volatile int kickErrno;
    /** TX frames this long or longer are refused as TP_STATUS_WRONG_FORMAT. */
    int wrongFormatLength = Integer.MAX_VALUE;

    FakePacketRing(final int frameSize, final int rxFrames, final int txFrames)
    {
        this.frameSize = frameSize;
        this.rxFrames = rxFrames;
        this.txFrames = txFrames;
        txBase = rxFrames * frameSize;
        memory = BufferUtil.allocateDirectAligned((rxFrames + txFrames) * frameSize, 4096);
        buffer = new UnsafeBuffer(memory);
        final long address = buffer.addressOffset();
        layout[NativeNic.PR_FD] = FD;
        layout[NativeNic.PR_IFINDEX] = 3;
        layout[NativeNic.PR_RX_ADDRESS] = address;
        layout[NativeNic.PR_RX_FRAMES] = rxFrames;
        layout[NativeNic.PR_TX_ADDRESS] = address + txBase;
        layout[NativeNic.PR_TX_FRAMES] = txFrames;
        layout[NativeNic.PR_FRAME_SIZE] = frameSize;
        layout[NativeNic.PR_TX_DATA_OFFSET] = TX_DATA_OFFSET;
        layout[NativeNic.PR_MAP_BYTES] = (long)(rxFrames + txFrames) * frameSize;
    }

    long[] layout()
    {
        return layout;
    }

    UnsafeBuffer memory()
    {
        return buffer;
    }

    int rxStatus(final int slot)
    {
        return buffer.getIntAcquire(slot * frameSize + STATUS_OFFSET);
    }

    int txStatus(final int slot)
    {
        return buffer.getIntAcquire(txBase + slot * frameSize + STATUS_OFFSET);
    }

    /**
     * Write a frame into the next RX slot and hand it to user space with {@code extraStatus} bits.
     *
     * @return false, counted and remembered as TP_STATUS_LOSING, when the slot is still the user's. As in the
     * kernel, every frame after a drop is flagged LOSING until the statistics are read ({@link #readStatistics()}).
     */
    boolean receive(final DirectBuffer frame, final int offset, final int length, final int extraStatus)
    {
        final int slot = rxIndex * frameSize;
        if (TP_STATUS_KERNEL != buffer.getIntAcquire(slot + STATUS_OFFSET))
        {
            kernelDrops++;
            losing = true;
            return false;
        }
        buffer.putBytes(slot + MAC, frame, offset, length);
        buffer.putInt(slot + LEN_OFFSET, length);
        buffer.putInt(slot + SNAPLEN_OFFSET, length);
        buffer.putShort(slot + MAC_OFFSET, (short)MAC);
        buffer.putShort(slot + NET_OFFSET, (short)(MAC + 14));
        buffer.putIntRelease(slot + STATUS_OFFSET, TP_STATUS_USER | extraStatus | (losing ? TP_STATUS_LOSING : 0));
        rxIndex = (rxIndex + 1) % rxFrames;
        return true;
    }

    /** What PACKET_STATISTICS does besides reporting: it clears the LOSING flag of the frames that follow. */
    void readStatistics()
    {
        losing = false;
    }

    /** @return true when the next RX slot is the kernel's, so that {@link #receive} would not drop. */
    boolean canReceive()
    {
        return TP_STATUS_KERNEL == buffer.getIntAcquire(rxIndex * frameSize + STATUS_OFFSET);
    }

    /** Overwrite the header fields of an RX slot the kernel has handed over (for malformed-slot tests). */
    void rewriteRxHeader(final int slotIndex, final int mac, final int snaplen)
    {
        final int slot = slotIndex * frameSize;
        buffer.putShort(slot + MAC_OFFSET, (short)mac);
        buffer.putInt(slot + SNAPLEN_OFFSET, snaplen);
    }

    /**
     * Send the TX slots marked SEND_REQUEST, in order, up to {@code max}: each frame goes to {@code sent} and its
     * slot back to AVAILABLE (or WRONG_FORMAT, and the kernel stops there, as it does).
     *
     * @return frames sent.
     */
    int transmit(final FrameHandler sent, final int max)
    {
        int count = 0;
        while (count < max)
        {
            final int slot = txBase + txIndex * frameSize;
            if (TP_STATUS_SEND_REQUEST != buffer.getIntAcquire(slot + STATUS_OFFSET))
            {
                break;
            }
            final int length = buffer.getInt(slot + LEN_OFFSET);
            if (length >= wrongFormatLength)
            {
                buffer.putIntRelease(slot + STATUS_OFFSET, PacketRingDescriptor.TP_STATUS_WRONG_FORMAT);
                txIndex = (txIndex + 1) % txFrames;
                break;
            }
            sent.onFrame(buffer, slot + TX_DATA_OFFSET, length);
            buffer.putIntRelease(slot + STATUS_OFFSET, TP_STATUS_AVAILABLE);
            txIndex = (txIndex + 1) % txFrames;
            count++;
        }
        return count;
    }

    /** {@inheritDoc} */
    public int kick(final boolean receive)
    {
        kicks++;
        return kickErrno;
    }
}
