package corezero.nic;

import org.agrona.DirectBuffer;

/**
 * Sends UDP payloads from the hot thread to one fixed target (MoldUDP64 re-requests): over a kernel socket
 * ({@link UdpSender}) or through a raw ring's TX side ({@link XdpTransport#newSender},
 * {@link PacketRingTransport#newSender}), which write the Ethernet, IPv4 and UDP headers themselves.
 * <p>
 * {@link #send} never blocks, throws or allocates: whatever stops a payload from going out returns false and is
 * counted by the implementation. Call it from one thread, the one that owns the sender.
 */
public interface DatagramSender extends AutoCloseable
{
    /**
     * Send one UDP datagram holding {@code length} bytes of {@code buffer} from {@code offset}.
     *
     * @param buffer holding the payload.
     * @param offset of the payload in {@code buffer}.
     * @param length of the payload, at least 1 and at most what the implementation can carry.
     * @return true if the datagram was handed to the kernel or the NIC's ring; false, counted, if it could not
     * be (no room, an error, a closed sender, an unusable range).
     */
    boolean send(DirectBuffer buffer, int offset, int length);

    /**
     * Control path, for status and logs.
     *
     * @return where the sender sends from and to, e.g. {@code "udp sender 127.0.0.1:40000 -> 127.0.0.1:9000"}.
     */
    String description();

    /**
     * Stop sending; later sends return false. Idempotent.
     */
    void close();
}
