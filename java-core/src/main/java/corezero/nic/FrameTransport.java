package corezero.nic;

/**
 * A source of frames polled by one thread. The polling thread owns the transport: {@link #poll} is called
 * from that thread only, and {@link #close} from it too, or after it has stopped.
 * <p>
 * Implementations: {@link UdpTransport} (kernel UDP: each frame is a {@code recvfrom} system call, by design),
 * {@link SharedMemoryTransport} (memory reads only), and the {@link RingTransport}s {@link XdpTransport} (AF_XDP)
 * and {@link PacketRingTransport} (TPACKET_V2), over rings mapped from the kernel and read with no system call.
 */
public interface FrameTransport extends AutoCloseable
{
    /**
     * Deliver the frames that are ready, up to {@code limit}, to {@code handler}, in arrival order. Never
     * blocks, never throws on what arrives (malformed or oversized input is dropped and counted), allocates
     * nothing. An exception thrown by the handler propagates; the frame it was handed counts as consumed.
     *
     * @param handler called once per frame, on this thread.
     * @param limit   most frames to deliver; 0 or less delivers none.
     * @return the number of frames delivered, 0 when idle.
     */
    int poll(FrameHandler handler, int limit);

    /**
     * Control path, for status and logs.
     *
     * @return what this transport receives, e.g. {@code "udp 239.1.1.1:31001 on lo"}.
     */
    String description();

    /**
     * Release the socket or mapping. Idempotent; a poll after close delivers nothing.
     */
    void close();
}
