package corezero.sys;

import java.io.IOException;

/**
 * JNI binding to the network half of {@code libcorezero.so}: AF_XDP sockets with their UMEM and XDP program,
 * TPACKET_V2 packet rings, per-thread perf counters, network namespaces and locked memory.
 * <p>
 * <b>Setup and core 0 only.</b> Opening a ring returns, in a {@code long[]} layout, the addresses and sizes of
 * everything the kernel shares with user space; {@code corezero.nic} wraps those in {@code UnsafeBuffer}s and
 * the hot thread reads and writes them as plain memory. The only calls a hot thread may make after setup are
 * the transmit kicks ({@link #xdpKick}, {@link #packetRingKick}), which are a system call each by nature and
 * are counted by their callers.
 * <p>
 * The library is the one {@link NativeSys} loads; {@link NativeSys#isAvailable()} says whether it did. Opening
 * calls throw {@link IOException} with a sentence naming the interface, the step that failed and the errno
 * (for example "AF_XDP on veth0 queue 0, native mode: attaching the XDP program: EOPNOTSUPP"); the others
 * return 0 or a negative errno as documented.
 */
public final class NativeNic
{
    /** XDP attach mode: let the kernel choose (native when the driver supports it, else generic SKB). */
    public static final int XDP_MODE_AUTO = 0;
    /** XDP attach mode: generic (SKB) mode, works on any device, copies every frame. */
    public static final int XDP_MODE_SKB = 1;
    /** XDP attach mode: native (driver) mode. */
    public static final int XDP_MODE_NATIVE = 2;

    /** AF_XDP bind: copy or zero-copy as the device allows (zero-copy first, then copy). */
    public static final int XDP_COPY_AUTO = 0;
    /** AF_XDP bind: copy mode. */
    public static final int XDP_COPY = 1;
    /** AF_XDP bind: zero-copy, refused by devices that cannot (veth). */
    public static final int XDP_ZERO_COPY = 2;

    // Layout of the long[] filled by xdpOpen. Addresses are virtual addresses in this process.
    /** Socket file descriptor. */
    public static final int XDP_FD = 0;
    /** First byte of the UMEM area. */
    public static final int XDP_UMEM_ADDRESS = 1;
    /** Bytes of the UMEM area (frameSize * frameCount). */
    public static final int XDP_UMEM_BYTES = 2;
    /** Bytes per UMEM frame (2048 or 4096). */
    public static final int XDP_FRAME_SIZE = 3;
    /** UMEM frames. */
    public static final int XDP_FRAME_COUNT = 4;
    /** 1 when the UMEM is on huge pages, 0 when on locked, pre-faulted normal pages. */
    public static final int XDP_HUGE_PAGES = 5;
    /** Mode the program was attached in: {@link #XDP_MODE_SKB} or {@link #XDP_MODE_NATIVE}. */
    public static final int XDP_ATTACHED_MODE = 6;
    /** 1 when bound zero-copy, 0 when copy. */
    public static final int XDP_BOUND_ZERO_COPY = 7;
    /** Kernel id of the attached XDP program (what {@code ip link} shows). */
    public static final int XDP_PROGRAM_ID = 8;
    /** Interface index. */
    public static final int XDP_IFINDEX = 9;
    /** 1 when the socket was bound with XDP_USE_NEED_WAKEUP. */
    public static final int XDP_NEED_WAKEUP = 10;
    /** First ring block; ring r's fields are at {@code XDP_RINGS + r * XDP_RING_FIELDS + field}. */
    public static final int XDP_RINGS = 11;
    /** Ring index: RX, descriptors {@code struct xdp_desc {u64 addr; u32 len; u32 options;}} (16 bytes). */
    public static final int XDP_RING_RX = 0;
    /** Ring index: TX, descriptors as RX. */
    public static final int XDP_RING_TX = 1;
    /** Ring index: fill, descriptors {@code u64} UMEM offsets. */
    public static final int XDP_RING_FILL = 2;
    /** Ring index: completion, descriptors {@code u64} UMEM offsets. */
    public static final int XDP_RING_COMPLETION = 3;
    /** Ring field: address of the {@code u32} producer index. */
    public static final int RING_PRODUCER = 0;
    /** Ring field: address of the {@code u32} consumer index. */
    public static final int RING_CONSUMER = 1;
    /** Ring field: address of the {@code u32} flags word (XDP_RING_NEED_WAKEUP = 1). */
    public static final int RING_FLAGS = 2;
    /** Ring field: address of descriptor 0. */
    public static final int RING_DESCRIPTORS = 3;
    /** Ring field: number of descriptors, a power of two. */
    public static final int RING_SIZE = 4;
    /** Fields per ring block. */
    public static final int XDP_RING_FIELDS = 5;
    /** Length of the long[] xdpOpen fills. */
    public static final int XDP_LAYOUT_LENGTH = XDP_RINGS + 4 * XDP_RING_FIELDS;

    // Layout of the long[] filled by packetRingOpen.
    /** Socket file descriptor. */
    public static final int PR_FD = 0;
    /** Interface index. */
    public static final int PR_IFINDEX = 1;
    /** Address of RX frame 0; frame i is at {@code PR_RX_ADDRESS + i * PR_FRAME_SIZE}. */
    public static final int PR_RX_ADDRESS = 2;
    /** RX frames. */
    public static final int PR_RX_FRAMES = 3;
    /** Address of TX frame 0 (right after the RX ring in the same mapping). */
    public static final int PR_TX_ADDRESS = 4;
    /** TX frames, 0 when no TX ring was asked for. */
    public static final int PR_TX_FRAMES = 5;
    /** Bytes per frame slot, both rings (a divisor of the block size). */
    public static final int PR_FRAME_SIZE = 6;
    /** Offset of the packet data in a TX slot (TPACKET2_HDRLEN - sizeof(struct sockaddr_ll)). */
    public static final int PR_TX_DATA_OFFSET = 7;
    /** Bytes of the whole mapping. */
    public static final int PR_MAP_BYTES = 8;
    /** Length of the long[] packetRingOpen fills. */
    public static final int PR_LAYOUT_LENGTH = 9;

    // Layout of the long[] xdpStatistics fills (getsockopt XDP_STATISTICS).
    /** Frames the kernel dropped for this socket (filter or full ring). */
    public static final int XDP_STAT_RX_DROPPED = 0;
    /** Invalid RX descriptors. */
    public static final int XDP_STAT_RX_INVALID = 1;
    /** Invalid TX descriptors. */
    public static final int XDP_STAT_TX_INVALID = 2;
    /** Frames dropped because the RX ring was full. */
    public static final int XDP_STAT_RX_RING_FULL = 3;
    /** Times the fill ring was empty when a frame arrived. */
    public static final int XDP_STAT_FILL_RING_EMPTY = 4;
    /** Times the TX ring was empty when the kernel looked. */
    public static final int XDP_STAT_TX_RING_EMPTY = 5;
    /** Length of the statistics layout. */
    public static final int XDP_STATS_LENGTH = 6;

    /** perf software counter: context switches ({@code PERF_COUNT_SW_CONTEXT_SWITCHES}). */
    public static final int PERF_SW_CONTEXT_SWITCHES = 3;
    /** perf software counter: page faults ({@code PERF_COUNT_SW_PAGE_FAULTS}). */
    public static final int PERF_SW_PAGE_FAULTS = 2;
    /** perf software counter: CPU migrations ({@code PERF_COUNT_SW_CPU_MIGRATIONS}). */
    public static final int PERF_SW_CPU_MIGRATIONS = 4;

    private NativeNic()
    {
    }

    /**
     * Opens an AF_XDP socket on one queue of an interface, with a UMEM of its own, and attaches an XDP program
     * that redirects to it the IPv4 UDP datagrams (not fragments) whose destination port is one of
     * {@code udpPorts} (and whose destination address is {@code ipv4Destination}, unless that is 0) and passes
     * everything else, ARP included, to the kernel. The program is held by a BPF link owned by the socket: closing
     * it, or the process dying, detaches it; a program someone else attached stays, and the open fails (EBUSY).
     * <p>
     * The UMEM is on huge pages when they can be had, otherwise on normal pages locked and pre-faulted. All
     * rings are empty on return; the caller fills the fill ring.
     *
     * @param interfaceName   interface, in the calling thread's network namespace.
     * @param queue           RX queue index.
     * @param mode            {@link #XDP_MODE_AUTO}, {@link #XDP_MODE_SKB} or {@link #XDP_MODE_NATIVE}.
     * @param copyMode        {@link #XDP_COPY_AUTO}, {@link #XDP_COPY} or {@link #XDP_ZERO_COPY}.
     * @param frameSize       bytes per UMEM frame: 2048 or 4096.
     * @param frameCount      UMEM frames, a power of two; RX/TX/fill/completion rings get frameCount/2 each.
     * @param udpPorts        1 to 4 destination ports to redirect.
     * @param ipv4Destination destination address (host order) to require, or 0 for any.
     * @param layout          filled per the {@code XDP_*} indices; at least {@link #XDP_LAYOUT_LENGTH} long.
     * @return an opaque handle for {@link #xdpClose}.
     * @throws IOException naming the step that failed and the errno.
     */
    public static long xdpOpen(
        final String interfaceName,
        final int queue,
        final int mode,
        final int copyMode,
        final int frameSize,
        final int frameCount,
        final int[] udpPorts,
        final int ipv4Destination,
        final long[] layout) throws IOException
    {
        NativeSys.requireAvailable();
        return nativeXdpOpen(interfaceName, queue, mode, copyMode, frameSize, frameCount, udpPorts,
            ipv4Destination, layout);
    }

    /**
     * Detaches the XDP program, closes the socket and frees the UMEM. The rings' memory is gone afterwards: the
     * hot thread must have stopped reading it.
     *
     * @param handle from {@link #xdpOpen}; 0 is ignored.
     */
    public static void xdpClose(final long handle)
    {
        NativeSys.requireAvailable();
        nativeXdpClose(handle);
    }

    /**
     * Wakes the kernel for an AF_XDP socket: {@code sendto(fd, NULL, 0, MSG_DONTWAIT)} to transmit what the TX
     * ring holds (copy mode always needs it), or, with {@code receive}, {@code recvfrom(MSG_DONTWAIT)} when the
     * fill ring's NEED_WAKEUP flag is set. One system call.
     *
     * @param fd      the socket.
     * @param receive true for the receive-side kick.
     * @return 0, or a positive errno (EAGAIN, EBUSY and ENOBUFS mean "try again").
     */
    public static int xdpKick(final int fd, final boolean receive)
    {
        return nativeXdpKick(fd, receive);
    }

    /**
     * Reads the socket's XDP_STATISTICS. Core 0.
     *
     * @param fd    the socket.
     * @param stats filled per the {@code XDP_STAT_*} indices.
     * @return 0, or a positive errno.
     */
    public static int xdpStatistics(final int fd, final long[] stats)
    {
        NativeSys.requireAvailable();
        return nativeXdpStatistics(fd, stats);
    }

    /**
     * Opens an AF_PACKET socket with TPACKET_V2 RX and TX rings, mapped in one mapping and bound to an
     * interface for IPv4, with a classic BPF filter that admits only IPv4 UDP datagrams to {@code udpPorts}
     * (and {@code ipv4Destination} unless 0). Outgoing frames are not looped back into the RX ring, and TX
     * bypasses the qdisc.
     *
     * @param interfaceName   interface, in the calling thread's network namespace.
     * @param frameSize       bytes per slot (a power of two, at least 2048).
     * @param rxFrames        RX slots (a power of two).
     * @param txFrames        TX slots (a power of two), or 0 for none.
     * @param udpPorts        1 to 4 destination ports admitted.
     * @param ipv4Destination destination address (host order) to require, or 0 for any.
     * @param layout          filled per the {@code PR_*} indices; at least {@link #PR_LAYOUT_LENGTH} long.
     * @return an opaque handle for {@link #packetRingClose}.
     * @throws IOException naming the step that failed and the errno.
     */
    public static long packetRingOpen(
        final String interfaceName,
        final int frameSize,
        final int rxFrames,
        final int txFrames,
        final int[] udpPorts,
        final int ipv4Destination,
        final long[] layout) throws IOException
    {
        NativeSys.requireAvailable();
        return nativePacketRingOpen(interfaceName, frameSize, rxFrames, txFrames, udpPorts, ipv4Destination, layout);
    }

    /**
     * Unmaps the rings and closes the socket.
     *
     * @param handle from {@link #packetRingOpen}; 0 is ignored.
     */
    public static void packetRingClose(final long handle)
    {
        NativeSys.requireAvailable();
        nativePacketRingClose(handle);
    }

    /**
     * Asks the kernel to send the TX slots marked TP_STATUS_SEND_REQUEST: {@code send(fd, NULL, 0,
     * MSG_DONTWAIT)}. One system call.
     *
     * @param fd the socket.
     * @return 0, or a positive errno.
     */
    public static int packetRingKick(final int fd)
    {
        return nativePacketRingKick(fd);
    }

    /**
     * Reads and resets PACKET_STATISTICS. Core 0.
     *
     * @param fd    the socket.
     * @param stats [0] packets seen by the socket, [1] packets dropped for a full ring, since the last call.
     * @return 0, or a positive errno.
     */
    public static int packetRingStatistics(final int fd, final long[] stats)
    {
        NativeSys.requireAvailable();
        return nativePacketRingStatistics(fd, stats);
    }

    /**
     * Opens a counting perf event on one thread for a tracepoint, such as {@code "raw_syscalls/sys_enter"},
     * whose id is read from tracefs ({@code /sys/kernel/tracing/events/<name>/id}, else the debugfs path).
     * Counts in user and kernel mode, enabled on return.
     *
     * @param tid        thread id ({@link NativeSys#gettid()}).
     * @param tracepoint category/name.
     * @return a file descriptor, or a negative errno (-ENOENT: tracefs not mounted or no such tracepoint).
     */
    public static int perfOpenTracepoint(final int tid, final String tracepoint)
    {
        NativeSys.requireAvailable();
        return nativePerfOpenTracepoint(tid, tracepoint);
    }

    /**
     * Opens a counting perf software event ({@code PERF_SW_*}) on one thread, enabled on return.
     *
     * @param tid    thread id.
     * @param config a {@code PERF_SW_*} value.
     * @return a file descriptor, or a negative errno.
     */
    public static int perfOpenSoftware(final int tid, final int config)
    {
        NativeSys.requireAvailable();
        return nativePerfOpenSoftware(tid, config);
    }

    /**
     * Reads a counting perf event.
     *
     * @param fd from a {@code perfOpen*} call.
     * @return the count, or a negative errno.
     */
    public static long perfRead(final int fd)
    {
        NativeSys.requireAvailable();
        return nativePerfRead(fd);
    }

    /**
     * Closes a file descriptor this class handed out.
     *
     * @param fd the descriptor.
     * @return 0, or a positive errno.
     */
    public static int closeFd(final int fd)
    {
        NativeSys.requireAvailable();
        return nativeCloseFd(fd);
    }

    /**
     * Opens the calling thread's current network namespace ({@code /proc/thread-self/ns/net}), to return to.
     *
     * @return a file descriptor, or a negative errno.
     */
    public static int netnsOpenCurrent()
    {
        NativeSys.requireAvailable();
        return nativeNetnsOpenCurrent();
    }

    /**
     * Moves the calling thread (only) into the network namespace at {@code path} (such as
     * {@code /var/run/netns/NAME}) with {@code setns(CLONE_NEWNET)}. Sockets the thread creates afterwards, and
     * threads it starts, belong to that namespace. Needs CAP_SYS_ADMIN.
     *
     * @param path a namespace file.
     * @return 0, or a positive errno.
     */
    public static int netnsEnterPath(final String path)
    {
        NativeSys.requireAvailable();
        return nativeNetnsEnterPath(path);
    }

    /**
     * Moves the calling thread into the network namespace of a descriptor from {@link #netnsOpenCurrent()}.
     *
     * @param fd namespace descriptor.
     * @return 0, or a positive errno.
     */
    public static int netnsEnterFd(final int fd)
    {
        NativeSys.requireAvailable();
        return nativeNetnsEnterFd(fd);
    }

    /**
     * Maps anonymous memory for rings or pools: on huge pages when {@code hugePages} and the kernel has them
     * free, else normal pages; locked ({@code mlock}) and pre-faulted either way, so the hot thread never
     * faults on it.
     *
     * @param bytes     size; rounded up to the page size used.
     * @param hugePages try huge pages first.
     * @param result    [0] address, [1] mapped bytes, [2] 1 if on huge pages, [3] 1 if locked.
     * @return 0, or a positive errno.
     */
    public static int mapMemory(final long bytes, final boolean hugePages, final long[] result)
    {
        NativeSys.requireAvailable();
        return nativeMapMemory(bytes, hugePages, result);
    }

    /**
     * Unmaps memory from {@link #mapMemory}.
     *
     * @param address [0] of its result.
     * @param bytes   [1] of its result.
     * @return 0, or a positive errno.
     */
    public static int unmapMemory(final long address, final long bytes)
    {
        NativeSys.requireAvailable();
        return nativeUnmapMemory(address, bytes);
    }

    private static native long nativeXdpOpen(
        String interfaceName, int queue, int mode, int copyMode, int frameSize, int frameCount, int[] udpPorts,
        int ipv4Destination, long[] layout) throws IOException;

    private static native void nativeXdpClose(long handle);

    private static native int nativeXdpKick(int fd, boolean receive);

    private static native int nativeXdpStatistics(int fd, long[] stats);

    private static native long nativePacketRingOpen(
        String interfaceName, int frameSize, int rxFrames, int txFrames, int[] udpPorts, int ipv4Destination,
        long[] layout) throws IOException;

    private static native void nativePacketRingClose(long handle);

    private static native int nativePacketRingKick(int fd);

    private static native int nativePacketRingStatistics(int fd, long[] stats);

    private static native int nativePerfOpenTracepoint(int tid, String tracepoint);

    private static native int nativePerfOpenSoftware(int tid, int config);

    private static native long nativePerfRead(int fd);

    private static native int nativeCloseFd(int fd);

    private static native int nativeNetnsOpenCurrent();

    private static native int nativeNetnsEnterPath(String path);

    private static native int nativeNetnsEnterFd(int fd);

    private static native int nativeMapMemory(long bytes, boolean hugePages, long[] result);

    private static native int nativeUnmapMemory(long address, long bytes);
}
