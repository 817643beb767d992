package corezero.nic;

/**
 * Layout of the four AF_XDP rings that the kernel shares with user space ({@code struct xdp_ring} and the
 * descriptors after it, mapped by {@code native/} and described by {@code corezero.sys.NativeNic}'s layout).
 * Every field is in the host's byte order.
 * <p>
 * A ring is a power-of-two array of descriptors and two free-running {@code u32} indices, each on a cache line of
 * its own, plus a flags word. The producer writes descriptors at {@code producer & mask} onwards and then
 * advances {@code producer}; the consumer reads descriptors at {@code consumer & mask} onwards and then advances
 * {@code consumer}. The indices are never masked when stored: they wrap at 2<sup>32</sup>, and
 * {@code producer - consumer} (in 32-bit arithmetic) is the number of descriptors in the ring, 0 to size.
 * <pre>
 *   producer index (u32)      written by the producer only (release), read by the consumer (acquire)
 *   consumer index (u32)      written by the consumer only (release), read by the producer (acquire)
 *   flags (u32)               written by the kernel: bit 0 NEED_WAKEUP
 *
 *   descriptors, size a power of two, mask = size - 1:
 *
 *        consumer &amp; mask                   producer &amp; mask
 *               v                                  v
 *   +-------+-------+-------+-------+-------+-------+-------+-------+
 *   | free  | full  | full  | full  | full  | free  | free  | free  |
 *   +-------+-------+-------+-------+-------+-------+-------+-------+
 *             the consumer's to read            the producer's to write
 *             (producer - consumer entries)     (size - (producer - consumer) entries)
 * </pre>
 * Who produces which ring:
 * <pre>
 *   ring         producer     consumer     descriptor
 *   fill         user         kernel       u64 UMEM address of a frame the kernel may receive into
 *   RX           kernel       user         struct xdp_desc: a received frame
 *   TX           user         kernel       struct xdp_desc: a frame to send
 *   completion   kernel       user         u64 UMEM address of a frame the kernel has sent
 * </pre>
 * {@code struct xdp_desc}, 16 bytes:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  addr (u64): UMEM offset of the               |  0
 *  |                  frame's first byte                           |
 *  +---------------------------------------------------------------+
 *  |                  len (u32): frame length                      |  8
 *  +---------------------------------------------------------------+
 *  |                  options (u32): 0                             |  12
 *  +---------------------------------------------------------------+
 * </pre>
 * In aligned-chunk mode (the only one used here) an RX descriptor's address may point past the start of its
 * frame (the kernel's headroom); the frame it belongs to is {@code addr & ~(frameSize - 1)}.
 */
public final class XdpRingDescriptor
{
    /** Length of an RX or TX descriptor ({@code struct xdp_desc}). */
    public static final int FRAME_DESCRIPTOR_LENGTH = 16;

    /** Offset of the {@code u64} UMEM address in an RX or TX descriptor. */
    public static final int FRAME_ADDRESS_OFFSET = 0;

    /** Offset of the {@code u32} frame length in an RX or TX descriptor. */
    public static final int FRAME_LENGTH_OFFSET = 8;

    /** Offset of the {@code u32} options in an RX or TX descriptor. */
    public static final int FRAME_OPTIONS_OFFSET = 12;

    /** Length of a fill or completion descriptor: one {@code u64} UMEM address. */
    public static final int ADDRESS_DESCRIPTOR_LENGTH = 8;

    /** Flags bit: the kernel sleeps until a system call wakes it ({@code XDP_RING_NEED_WAKEUP}). */
    public static final int NEED_WAKEUP = 1;

    private XdpRingDescriptor()
    {
    }
}
