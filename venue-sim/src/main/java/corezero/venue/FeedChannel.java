package corezero.venue;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import static corezero.venue.MoldUdp64Descriptor.*;

/**
 * What nassau's {@code MoldUDP64Server} writes its downstream packets into: each packet, header and message blocks
 * gathered into one buffer, goes to the feed target from an unconnected socket, unless {@link SimulatedLoss} loses
 * it on purpose.
 * <p>
 * The socket is unconnected on purpose: a connected UDP socket reports ICMP port-unreachable as an exception on the
 * next write, and the feed must keep going while no one listens. When the socket has no room the packet is kept and
 * the write still reports it written, since nassau would otherwise spin; the publisher sends the kept packet with
 * {@link #sendPendingPacket()} before it lets nassau write another, so order and sequence numbers hold.
 * <p>
 * Single-threaded, and after construction it allocates nothing.
 */
final class FeedChannel extends DatagramChannelAdapter
{
    private final InetSocketAddress target;
    private final SimulatedLoss loss;
    private final VenueSimCounters counters;
    private final ByteBuffer packetByteBuffer;
    private final UnsafeBuffer packet;
    private boolean hasPendingPacket;

    /**
     * @param channel         the real socket, non-blocking and unconnected; closed with this channel.
     * @param target          where the feed goes.
     * @param maxPacketLength largest packet nassau may write, header included.
     * @param loss            which packets to lose on purpose.
     * @param counters        to count losses and back pressure.
     */
    FeedChannel(
        final DatagramChannel channel,
        final InetSocketAddress target,
        final int maxPacketLength,
        final SimulatedLoss loss,
        final VenueSimCounters counters)
    {
        super(channel);
        this.target = target;
        this.loss = loss;
        this.counters = counters;
        this.packetByteBuffer = ByteBuffer.allocateDirect(maxPacketLength);
        this.packet = new UnsafeBuffer(packetByteBuffer);
    }

    /**
     * A heartbeat or an end-of-session packet: the header alone.
     * <p>
     * {@inheritDoc}
     */
    public int write(final ByteBuffer src) throws IOException
    {
        beginPacket();
        append(src);

        return (int)transmit();
    }

    /**
     * A packet carrying messages: the header, then nassau's buffer of message blocks.
     * <p>
     * {@inheritDoc}
     */
    public long write(final ByteBuffer[] srcs, final int offset, final int length) throws IOException
    {
        beginPacket();
        for (int i = offset; i < offset + length; i++)
        {
            append(srcs[i]);
        }

        return transmit();
    }

    /**
     * @return true if the socket had no room for the last packet; nothing else may be written until it has gone.
     */
    boolean hasPendingPacket()
    {
        return hasPendingPacket;
    }

    /**
     * Try again to send the packet the socket had no room for.
     *
     * @return true if nothing is pending any more.
     * @throws IOException if the send fails.
     */
    boolean sendPendingPacket() throws IOException
    {
        return !hasPendingPacket || trySend();
    }

    private void beginPacket()
    {
        if (hasPendingPacket)
        {
            throw new IllegalStateException("a packet is still pending: send it before writing another");
        }
        packetByteBuffer.clear();
    }

    private void append(final ByteBuffer src) throws IOException
    {
        if (src.remaining() > packetByteBuffer.remaining())
        {
            throw new IOException("packet longer than the " + packetByteBuffer.capacity() + " bytes allowed");
        }
        packetByteBuffer.put(src);
    }

    private long transmit() throws IOException
    {
        packetByteBuffer.flip();
        final int length = packetByteBuffer.limit();
        final int messageCount = length >= HEADER_LENGTH ? messageCount(packet, 0) : HEARTBEAT_MESSAGE_COUNT;

        if (HEARTBEAT_MESSAGE_COUNT != messageCount && END_OF_SESSION_MESSAGE_COUNT != messageCount &&
            loss.shouldDrop(sequenceNumber(packet, 0), messageCount))
        {
            counters.packetsDropped.incrementRelease();
            counters.messagesDropped.getAndAddRelease(messageCount);
            return length;
        }

        trySend();

        return length;
    }

    private boolean trySend() throws IOException
    {
        if (0 == channel.send(packetByteBuffer, target))
        {
            hasPendingPacket = true;
            counters.feedBackPressure.incrementRelease();
            return false;
        }

        hasPendingPacket = false;
        return true;
    }
}
