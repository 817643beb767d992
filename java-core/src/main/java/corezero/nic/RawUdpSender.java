package corezero.nic;

import org.agrona.DirectBuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A {@link DatagramSender} through a raw ring's TX side ({@link XdpTransport#newSender},
 * {@link PacketRingTransport#newSender}): each payload is copied into a free TX frame behind Ethernet, IPv4 and
 * UDP headers written by a {@link RawUdpBuilder} (both checksums computed here: nothing is offloaded), then
 * posted to the ring. Senders share their transport's TX ring and must be used on the transport's polling
 * thread. No ARP: the destination MAC is configuration, like the addresses.
 * <p>
 * {@link #send} never blocks, throws or allocates. Counters are written with release stores and may be read
 * from any thread.
 */
public final class RawUdpSender implements DatagramSender
{
    private static final VarHandle FRAMES_SENT;
    private static final VarHandle FRAMES_NOT_SENT;

    static
    {
        try
        {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            FRAMES_SENT = lookup.findVarHandle(RawUdpSender.class, "framesSent", long.class);
            FRAMES_NOT_SENT = lookup.findVarHandle(RawUdpSender.class, "framesNotSent", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final TxFrameRing ring;
    private final RawUdpBuilder builder;
    private final int maxPayloadLength;
    private final String description;

    private int identification;
    private boolean closed;
    private long framesSent;
    private long framesNotSent;

    /**
     * Control path: the transports' {@code newSender}.
     *
     * @param ring               the TX side to claim frames from.
     * @param sourceMac          in the low 48 bits.
     * @param sourceAddress      IPv4 address as a big-endian int.
     * @param sourcePort         1 to 65535.
     * @param destinationMac     in the low 48 bits.
     * @param destinationAddress IPv4 address as a big-endian int.
     * @param destinationPort    1 to 65535.
     */
    RawUdpSender(
        final TxFrameRing ring,
        final long sourceMac,
        final int sourceAddress,
        final int sourcePort,
        final long destinationMac,
        final int destinationAddress,
        final int destinationPort)
    {
        if (sourcePort < 1 || sourcePort > 0xFFFF || destinationPort < 1 || destinationPort > 0xFFFF)
        {
            throw new IllegalArgumentException(
                "ports must be 1 to 65535: source " + sourcePort + ", destination " + destinationPort);
        }
        this.ring = ring;
        builder = new RawUdpBuilder()
            .macs(destinationMac, sourceMac)
            .endpoints(sourceAddress, sourcePort, destinationAddress, destinationPort);
        maxPayloadLength = Math.min(ring.maxFrameLength() - builder.headersLength(),
            RawUdpDescriptor.MAX_PAYLOAD_LENGTH);
        if (maxPayloadLength < 1)
        {
            throw new IllegalArgumentException("TX frames of " + ring.maxFrameLength() + " bytes hold no payload");
        }
        description = ring.name() + " sender " + formatAddress(sourceAddress) + ":" + sourcePort + " -> " +
            formatAddress(destinationAddress) + ":" + destinationPort + " (" + formatMac(destinationMac) + ")";
    }

    /**
     * Send one datagram: claim a TX frame, build it around the payload, post it (the ring wakes the kernel as its
     * protocol requires).
     *
     * @param buffer holding the payload.
     * @param offset of the payload in {@code buffer}.
     * @param length 1 to {@link #maxPayloadLength()} bytes.
     * @return true if the frame was posted to the TX ring; false if no TX frame was free, the sender or its
     * transport is closed, or the range is unusable.
     */
    public boolean send(final DirectBuffer buffer, final int offset, final int length)
    {
        if (closed || length < 1 || length > maxPayloadLength || offset < 0 || offset > buffer.capacity() - length)
        {
            return notSent();
        }
        final int frame = ring.claim();
        if (frame < 0)
        {
            return notSent();
        }

        builder.identification(identification++);
        final int frameLength = builder.build(ring.frameBuffer(), frame, buffer, offset, length);
        ring.post(frame, frameLength);
        FRAMES_SENT.setRelease(this, framesSent + 1);
        return true;
    }

    private boolean notSent()
    {
        FRAMES_NOT_SENT.setRelease(this, framesNotSent + 1);
        return false;
    }

    /** @return the longest payload a frame holds. */
    public int maxPayloadLength()
    {
        return maxPayloadLength;
    }

    /** @return frames posted to the TX ring. */
    public long framesSent()
    {
        return (long)FRAMES_SENT.getAcquire(this);
    }

    /** @return sends that returned false. */
    public long framesNotSent()
    {
        return (long)FRAMES_NOT_SENT.getAcquire(this);
    }

    /** {@inheritDoc} */
    public String description()
    {
        return description;
    }

    /** Later sends return false; the transport and its ring stay open. Idempotent. */
    public void close()
    {
        closed = true;
    }

    /** {@inheritDoc} */
    public String toString()
    {
        return description;
    }

    /**
     * @param address IPv4 address as a big-endian int.
     * @return dotted quad.
     */
    static String formatAddress(final int address)
    {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." +
            (address & 0xFF);
    }

    /**
     * @param mac in the low 48 bits.
     * @return colon-separated hex.
     */
    static String formatMac(final long mac)
    {
        final StringBuilder text = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8)
        {
            final int octet = (int)(mac >>> shift) & 0xFF;
            text.append(Character.forDigit(octet >>> 4, 16)).append(Character.forDigit(octet & 0xF, 16));
            if (shift > 0)
            {
                text.append(':');
            }
        }
        return text.toString();
    }
}
