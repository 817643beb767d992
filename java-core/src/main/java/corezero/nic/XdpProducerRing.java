package corezero.nic;

import org.agrona.concurrent.UnsafeBuffer;

import static corezero.sys.NativeNic.RING_CONSUMER;
import static corezero.sys.NativeNic.RING_DESCRIPTORS;
import static corezero.sys.NativeNic.RING_FLAGS;
import static corezero.sys.NativeNic.RING_PRODUCER;
import static corezero.sys.NativeNic.RING_SIZE;
import static corezero.sys.NativeNic.XDP_RINGS;
import static corezero.sys.NativeNic.XDP_RING_FIELDS;

/**
 * The user side of an AF_XDP ring that user space produces: fill or TX ({@link XdpRingDescriptor}). The same
 * protocol as libxdp's {@code xsk_ring_prod}: write descriptors into the free slots, then publish them all by
 * advancing the producer index once.
 * <pre>
 *   user (this)                                      kernel
 *   consumer = load-acquire(ring.consumer)    (1)
 *   write descriptors [producer, producer + n)  (2)
 *   store-release(ring.producer, producer + n)  (3) --&gt; load-acquire(ring.producer)   (4)
 *                                                      read descriptors up to it      (5)
 *                                                      store-release(ring.consumer)   (6)
 * </pre>
 * Ordering: the release (3) keeps the descriptor writes (2) before the index store, and the kernel's acquire
 * (4) keeps its descriptor reads (5) after the index load, so the kernel never reads a slot before it is
 * written. In the other direction the kernel's release (6) comes after it has read the slots it frees, and the
 * acquire (1) orders this side's later writes (2) into those slots after that: a slot is rewritten only once
 * the kernel is done with it.
 * <p>
 * The consumer index sits on a cache line the kernel writes; it is read only when the free space remembered
 * from the last read is not enough ({@link #free}), so a producer that keeps ahead touches no line the kernel
 * owns. The producer index is kept here as well ({@code cachedProducer}): this side is its only writer.
 * Single-threaded: one thread produces.
 */
final class XdpProducerRing
{
    private final UnsafeBuffer producer;
    private final UnsafeBuffer consumer;
    private final UnsafeBuffer flags;
    private final UnsafeBuffer descriptors;
    private final int size;
    private final int mask;
    private final int descriptorLength;

    private int cachedProducer;
    private int cachedConsumer;

    /**
     * @param layout           from {@code NativeNic.xdpOpen}.
     * @param ring             {@code NativeNic.XDP_RING_FILL} or {@code NativeNic.XDP_RING_TX}.
     * @param descriptorLength {@link XdpRingDescriptor#ADDRESS_DESCRIPTOR_LENGTH} or
     *                         {@link XdpRingDescriptor#FRAME_DESCRIPTOR_LENGTH}.
     */
    XdpProducerRing(final long[] layout, final int ring, final int descriptorLength)
    {
        final int base = XDP_RINGS + ring * XDP_RING_FIELDS;
        size = XdpConsumerRing.ringSize(layout[base + RING_SIZE]);
        mask = size - 1;
        this.descriptorLength = descriptorLength;
        producer = new UnsafeBuffer(layout[base + RING_PRODUCER], Integer.BYTES);
        consumer = new UnsafeBuffer(layout[base + RING_CONSUMER], Integer.BYTES);
        flags = new UnsafeBuffer(layout[base + RING_FLAGS], Integer.BYTES);
        descriptors = new UnsafeBuffer(layout[base + RING_DESCRIPTORS], size * descriptorLength);
        cachedProducer = producer.getIntAcquire(0);
        cachedConsumer = consumer.getIntAcquire(0);
    }

    /**
     * Free slots, reading the kernel's consumer index (acquire) only if fewer than {@code wanted} are known.
     *
     * @param wanted slots the caller is about to write.
     * @return free slots now known, 0 to size; may be fewer than {@code wanted}.
     */
    int free(final int wanted)
    {
        final int free = size - (cachedProducer - cachedConsumer);
        if (free >= wanted)
        {
            return free;
        }
        cachedConsumer = consumer.getIntAcquire(0);
        return size - (cachedProducer - cachedConsumer);
    }

    /**
     * Write a fill or completion-style descriptor into the {@code i}th free slot (not yet published).
     *
     * @param i       0 to {@code free() - 1}.
     * @param address UMEM offset.
     */
    void putAddress(final int i, final long address)
    {
        descriptors.putLong(((cachedProducer + i) & mask) * descriptorLength, address);
    }

    /**
     * Write an RX/TX-style descriptor into the {@code i}th free slot (not yet published).
     *
     * @param i       0 to {@code free() - 1}.
     * @param address UMEM offset of the frame.
     * @param length  of the frame.
     */
    void putFrame(final int i, final long address, final int length)
    {
        final int offset = ((cachedProducer + i) & mask) * descriptorLength;
        descriptors.putLong(offset + XdpRingDescriptor.FRAME_ADDRESS_OFFSET, address);
        descriptors.putInt(offset + XdpRingDescriptor.FRAME_LENGTH_OFFSET, length);
        descriptors.putInt(offset + XdpRingDescriptor.FRAME_OPTIONS_OFFSET, 0);
    }

    /**
     * Publish the first {@code count} written slots: one release store of the producer index.
     *
     * @param count 0 to the slots written.
     */
    void submit(final int count)
    {
        if (count > 0)
        {
            cachedProducer += count;
            producer.putIntRelease(0, cachedProducer);
        }
    }

    /**
     * @return true when the kernel asks for a system call to notice new descriptors (acquire read of the flags).
     */
    boolean needsWakeup()
    {
        return 0 != (flags.getIntAcquire(0) & XdpRingDescriptor.NEED_WAKEUP);
    }

    /** @return descriptors the ring holds, a power of two. */
    int size()
    {
        return size;
    }

    /** @return this side's producer index, as last published. */
    int producerIndex()
    {
        return cachedProducer;
    }
}
