package corezero.nic;

import org.agrona.DirectBuffer;

/**
 * A {@link FrameTransport} over rings the kernel shares with this process ({@link XdpTransport},
 * {@link PacketRingTransport}): receiving is memory reads only, and it can transmit through its own TX ring.
 * Senders and {@link #sendFrame} belong to the polling thread; the counters may be read from any thread.
 */
public interface RingTransport extends FrameTransport
{
    /**
     * A sender of UDP datagrams through this transport's TX ring, from its own MAC and address. Control path.
     *
     * @param targetAddress  IPv4 address as a big-endian int.
     * @param targetPort     1 to 65535.
     * @param sourcePort     1 to 65535, where the target answers (the feed's port, so answers come back here).
     * @param destinationMac the target's MAC, or the next hop's, in the low 48 bits.
     * @return the sender; closing it leaves this transport open.
     */
    RawUdpSender newSender(int targetAddress, int targetPort, int sourcePort, long destinationMac);

    /**
     * Transmit one Ethernet frame exactly as given (no headers added, no checksums computed): for tools and
     * tests that must put malformed frames on the wire. Polling thread only.
     *
     * @param frame  holding the frame.
     * @param offset of its first byte.
     * @param length 1 to the ring's frame size.
     * @return true if posted to the TX ring; false (counted as not sent) if no TX frame was free or it is too long.
     */
    boolean sendFrame(DirectBuffer frame, int offset, int length);

    /** @return frames accepted and handed to handlers. */
    long framesReceived();

    /** @return frames refused by the Ethernet/IPv4/UDP checks, all reasons. */
    long malformedFrames();

    /**
     * @param reason a {@link RawUdpReason} code.
     * @return frames refused for that reason.
     */
    long malformedFrames(int reason);

    /** @return wakeup kicks made (each a system call), receive and transmit. */
    long kicks();

    /** @return frames posted to the TX ring. */
    long framesSent();

    /**
     * @return times the hot thread saw the kernel short of ring room: AF_XDP polls that found the fill ring empty,
     * TPACKET_V2 runs of frames flagged TP_STATUS_LOSING. A sign, not a count of frames lost: see
     * {@link #kernelDrops()}.
     */
    long ringDrops();

    /**
     * Core 0 only, a system call: the frames the kernel dropped for this socket since it was opened, from its own
     * statistics (AF_XDP: XDP_STATISTICS rx_dropped + rx_ring_full + rx_fill_ring_empty_descs; TPACKET_V2:
     * PACKET_STATISTICS tp_drops, accumulated here because reading resets it, which also clears the LOSING flag).
     *
     * @return frames dropped, or the last value read once the transport is closed.
     */
    long kernelDrops();
}
