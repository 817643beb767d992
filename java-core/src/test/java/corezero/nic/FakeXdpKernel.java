package corezero.nic;

import corezero.sys.NativeNic;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * The kernel's side of an AF_XDP socket, over memory this test allocates: a UMEM and four rings laid out as
 * {@code NativeNic.xdpOpen} describes them, written here with the kernel's own protocol (plain descriptor
 * accesses, acquire loads and release stores of the indices), independently of the transport's ring classes.
 * The kernel side is single-threaded: receive and transmit may run on one thread other than the poller's.
 */
final class FakeXdpKernel implements RingKicker
{
    /** Where the kernel puts a received frame inside its UMEM frame (XDP_PACKET_HEADROOM). */
    static final int HEADROOM = 256;
    static final int FD = 42;

    private static final int INDEX_SPACING = 64;
    private static final int DESCRIPTORS = 3 * INDEX_SPACING;

    /** Held so that the memory the layout points into lives as long as this object. */
    private final ByteBuffer memory;
    private final UnsafeBuffer buffer;
    private final long[] layout = new long[NativeNic.XDP_LAYOUT_LENGTH];
    private final int frameSize;
    private final int ringSize;
    private final int[] ringBase = new int[4];

    volatile int rxKicks;
    volatile int txKicks;
    volatile int kickErrno;

    FakeXdpKernel(
        final int frameSize, final int frameCount, final int startIndex, final boolean zeroCopy, final boolean needWakeup)
    {
        this.frameSize = frameSize;
        ringSize = frameCount / 2;
        final int umemBytes = frameSize * frameCount;
        final int ringBytes = DESCRIPTORS + ringSize * XdpRingDescriptor.FRAME_DESCRIPTOR_LENGTH;
        memory = BufferUtil.allocateDirectAligned(umemBytes + 4 * ringBytes, 4096);
        buffer = new UnsafeBuffer(memory);
        final long address = buffer.addressOffset();

        layout[NativeNic.XDP_FD] = FD;
        layout[NativeNic.XDP_UMEM_ADDRESS] = address;
        layout[NativeNic.XDP_UMEM_BYTES] = umemBytes;
        layout[NativeNic.XDP_FRAME_SIZE] = frameSize;
        layout[NativeNic.XDP_FRAME_COUNT] = frameCount;
        layout[NativeNic.XDP_ATTACHED_MODE] = NativeNic.XDP_MODE_NATIVE;
        layout[NativeNic.XDP_BOUND_ZERO_COPY] = zeroCopy ? 1 : 0;
        layout[NativeNic.XDP_NEED_WAKEUP] = needWakeup ? 1 : 0;
        for (int ring = 0; ring < 4; ring++)
        {
            final int base = umemBytes + ring * ringBytes;
            ringBase[ring] = base;
            final int field = NativeNic.XDP_RINGS + ring * NativeNic.XDP_RING_FIELDS;
            layout[field + NativeNic.RING_PRODUCER] = address + base;
            layout[field + NativeNic.RING_CONSUMER] = address + base + INDEX_SPACING;
            layout[field + NativeNic.RING_FLAGS] = address + base + 2 * INDEX_SPACING;
            layout[field + NativeNic.RING_DESCRIPTORS] = address + base + DESCRIPTORS;
            layout[field + NativeNic.RING_SIZE] = ringSize;
            buffer.putInt(base, startIndex);
            buffer.putInt(base + INDEX_SPACING, startIndex);
        }
    }

    long[] layout()
    {
        return layout;
    }

    /** @return the UMEM and rings, for tests that look inside. */
    UnsafeBuffer memory()
    {
        return buffer;
    }

    int producer(final int ring)
    {
        return buffer.getIntAcquire(ringBase[ring]);
    }

    int consumer(final int ring)
    {
        return buffer.getIntAcquire(ringBase[ring] + INDEX_SPACING);
    }

    void flags(final int ring, final int flags)
    {
        buffer.putIntRelease(ringBase[ring] + 2 * INDEX_SPACING, flags);
    }

    /** @return entries in the ring: what its consumer may read. */
    int entries(final int ring)
    {
        return producer(ring) - consumer(ring);
    }

    /** @return the address in the fill ring's {@code i}th unread entry (not consumed). */
    long peekFill(final int i)
    {
        final int index = consumer(NativeNic.XDP_RING_FILL) + i;
        return buffer.getLong(ringBase[NativeNic.XDP_RING_FILL] + DESCRIPTORS + (index & (ringSize - 1)) * 8);
    }

    /**
     * Take a frame from the fill ring, copy a frame into it behind the headroom and post it on RX.
     *
     * @return false when the fill ring is empty or the RX ring full (the kernel would drop the frame).
     */
    boolean receive(final DirectBuffer frame, final int offset, final int length)
    {
        final int fillBase = ringBase[NativeNic.XDP_RING_FILL];
        final int rxBase = ringBase[NativeNic.XDP_RING_RX];
        final int fillConsumer = buffer.getInt(fillBase + INDEX_SPACING);
        final int rxProducer = buffer.getInt(rxBase);
        if (buffer.getIntAcquire(fillBase) == fillConsumer ||
            rxProducer - buffer.getIntAcquire(rxBase + INDEX_SPACING) == ringSize)
        {
            return false;
        }
        final long address = buffer.getLong(fillBase + DESCRIPTORS + (fillConsumer & (ringSize - 1)) * 8);
        buffer.putIntRelease(fillBase + INDEX_SPACING, fillConsumer + 1);

        final long data = address + HEADROOM;
        buffer.putBytes((int)data, frame, offset, length);
        final int descriptor = rxBase + DESCRIPTORS + (rxProducer & (ringSize - 1)) * 16;
        buffer.putLong(descriptor, data);
        buffer.putInt(descriptor + 8, length);
        buffer.putInt(descriptor + 12, 0);
        buffer.putIntRelease(rxBase, rxProducer + 1);
        return true;
    }

    /**
     * Send what the TX ring holds, up to {@code max}: hand each frame to {@code sent}, then post its address on
     * the completion ring.
     *
     * @return frames sent.
     */
    int transmit(final FrameHandler sent, final int max)
    {
        final int txBase = ringBase[NativeNic.XDP_RING_TX];
        final int completionBase = ringBase[NativeNic.XDP_RING_COMPLETION];
        int txConsumer = buffer.getInt(txBase + INDEX_SPACING);
        int completionProducer = buffer.getInt(completionBase);
        final int available = Math.min(buffer.getIntAcquire(txBase) - txConsumer,
            ringSize - (completionProducer - buffer.getIntAcquire(completionBase + INDEX_SPACING)));
        final int count = Math.min(available, max);
        for (int i = 0; i < count; i++)
        {
            final int descriptor = txBase + DESCRIPTORS + (txConsumer & (ringSize - 1)) * 16;
            final long address = buffer.getLong(descriptor);
            final int length = buffer.getInt(descriptor + 8);
            txConsumer++;
            sent.onFrame(buffer, (int)address, length);
            buffer.putLong(completionBase + DESCRIPTORS + (completionProducer & (ringSize - 1)) * 8, address);
            completionProducer++;
        }
        buffer.putIntRelease(txBase + INDEX_SPACING, txConsumer);
        buffer.putIntRelease(completionBase, completionProducer);
        return count;
    }

    /** {@inheritDoc} */
    public int kick(final boolean receive)
    {
        if (receive)
        {
            rxKicks++;
        }
        else
        {
            txKicks++;
        }
        return kickErrno;
    }

    int frameSize()
    {
        return frameSize;
    }
}
