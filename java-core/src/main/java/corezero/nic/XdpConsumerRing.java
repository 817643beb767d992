package corezero.nic;

import org.agrona.concurrent.UnsafeBuffer;

import static corezero.sys.NativeNic.RING_CONSUMER;
import static corezero.sys.NativeNic.RING_DESCRIPTORS;
import static corezero.sys.NativeNic.RING_PRODUCER;
import static corezero.sys.NativeNic.RING_SIZE;
import static corezero.sys.NativeNic.XDP_RINGS;
import static corezero.sys.NativeNic.XDP_RING_FIELDS;

/**
 * The user side of an AF_XDP ring that the kernel produces: RX or completion ({@link XdpRingDescriptor}). The
 * same protocol as libxdp's {@code xsk_ring_cons}: see how many descriptors the kernel has published, read
 * them, then hand their slots back by advancing the consumer index once.
 * <pre>
 *   kernel                                           user (this)
 *   write descriptors                          (1)
 *   store-release(ring.producer)               (2) --&gt; load-acquire(ring.producer)           (3)
 *                                                      read descriptors [consumer, producer) (4)
 *   load-acquire(ring.consumer)                (6) &lt;-- store-release(ring.consumer + n)     (5)
 *   rewrite the freed slots                    (7)
 * </pre>
 * Ordering: the kernel's release (2) and the acquire (3) make the descriptors (1) visible before they are read
 * (4). The release (5) keeps the reads (4) before the index store, and the kernel's acquire (6) keeps its
 * rewrites (7) after it, so a descriptor is never overwritten while it is being read. Only the descriptor is
 * handed back: the frame it points to stays this side's until its address goes to the fill ring (RX) or the
 * free pool (completion).
 * <p>
 * The producer index sits on a cache line the kernel writes; it is read only when every descriptor seen at the
 * last read has been consumed ({@link #available}), so an idle poll is one load and a busy one touches the
 * kernel's line once per batch. Single-threaded: one thread consumes.
 */
final class XdpConsumerRing
{
    private final UnsafeBuffer producer;
    private final UnsafeBuffer consumer;
    private final UnsafeBuffer descriptors;
    private final int size;
    private final int mask;
    private final int descriptorLength;

    private int cachedProducer;
    private int cachedConsumer;

    /**
     * @param layout           from {@code NativeNic.xdpOpen}.
     * @param ring             {@code NativeNic.XDP_RING_RX} or {@code NativeNic.XDP_RING_COMPLETION}.
     * @param descriptorLength {@link XdpRingDescriptor#FRAME_DESCRIPTOR_LENGTH} or
     *                         {@link XdpRingDescriptor#ADDRESS_DESCRIPTOR_LENGTH}.
     */
    XdpConsumerRing(final long[] layout, final int ring, final int descriptorLength)
    {
        final int base = XDP_RINGS + ring * XDP_RING_FIELDS;
        size = ringSize(layout[base + RING_SIZE]);
        mask = size - 1;
        this.descriptorLength = descriptorLength;
        producer = new UnsafeBuffer(layout[base + RING_PRODUCER], Integer.BYTES);
        consumer = new UnsafeBuffer(layout[base + RING_CONSUMER], Integer.BYTES);
        descriptors = new UnsafeBuffer(layout[base + RING_DESCRIPTORS], size * descriptorLength);
        cachedConsumer = consumer.getIntAcquire(0);
        cachedProducer = producer.getIntAcquire(0);
    }

    /**
     * @param size from the layout.
     * @return it, checked: a power of two up to 2^24.
     */
    static int ringSize(final long size)
    {
        if (size < 1 || size > (1 << 24) || 0 != (size & (size - 1)))
        {
            throw new IllegalArgumentException("AF_XDP ring size " + size + " is not a power of two up to 2^24");
        }
        return (int)size;
    }

    /**
     * Descriptors ready to read, reading the kernel's producer index (acquire) only when none are known.
     *
     * @param max most wanted.
     * @return 0 to {@code max}.
     */
    int available(final int max)
    {
        int entries = cachedProducer - cachedConsumer;
        if (0 == entries)
        {
            cachedProducer = producer.getIntAcquire(0);
            entries = cachedProducer - cachedConsumer;
        }
        // Unsigned: an index the kernel never wrote (more than size ahead) reads as nothing to consume.
        return entries < 0 || entries > size ? 0 : Math.min(entries, max);
    }

    /**
     * @param i 0 to {@code available() - 1}.
     * @return the UMEM address in the {@code i}th ready descriptor.
     */
    long address(final int i)
    {
        return descriptors.getLong(((cachedConsumer + i) & mask) * descriptorLength);
    }

    /**
     * @param i 0 to {@code available() - 1}, of an RX-style ring.
     * @return the frame length in the {@code i}th ready descriptor, as an unsigned value.
     */
    long length(final int i)
    {
        return descriptors.getInt(((cachedConsumer + i) & mask) * descriptorLength +
            XdpRingDescriptor.FRAME_LENGTH_OFFSET) & 0xFFFF_FFFFL;
    }

    /**
     * Hand the first {@code count} read descriptors' slots back to the kernel: one release store.
     *
     * @param count 0 to those read.
     */
    void release(final int count)
    {
        if (count > 0)
        {
            cachedConsumer += count;
            consumer.putIntRelease(0, cachedConsumer);
        }
    }

    /** @return descriptors the ring holds, a power of two. */
    int size()
    {
        return size;
    }

    /** @return this side's consumer index, as last published. */
    int consumerIndex()
    {
        return cachedConsumer;
    }
}
