package corezero.venue;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static corezero.venue.MoldUdp64Descriptor.*;

/**
 * Receives the exchange's MoldUDP64 feed on a loopback channel (its own, closed with it): every message in sequence
 * order, as bytes and applied to an {@link ExchangeTestData.ItchBook}, plus the time each packet was read.
 */
final class FeedReceiver implements AutoCloseable
{
    final DatagramChannel channel;
    final List<byte[]> messages = new ArrayList<>();
    final ExchangeTestData.ItchBook book = new ExchangeTestData.ItchBook();
    /** The sequence number in the header of every packet read, heartbeats included, in the order read. */
    final List<Long> packetSequenceNumbers = new ArrayList<>();
    long lastPacketSequenceNumber;
    long lastPacketReceiveNanoTime;
    String fault;
    private final ByteBuffer byteBuffer = ByteBuffer.allocateDirect(MAX_UDP_PAYLOAD_LENGTH);
    private final UnsafeBuffer packet = new UnsafeBuffer(byteBuffer);

    FeedReceiver() throws IOException
    {
        channel = LoopbackUdp.bind();
    }

    /**
     * @return true if a packet was read.
     */
    boolean poll() throws IOException
    {
        byteBuffer.clear();
        if (null == channel.receive(byteBuffer))
        {
            return false;
        }
        final long receiveNanoTime = System.nanoTime();

        final long sequenceNumber = sequenceNumber(packet, 0);
        final int count = messageCount(packet, 0);
        packetSequenceNumbers.add(sequenceNumber);
        if (HEARTBEAT_MESSAGE_COUNT == count || END_OF_SESSION_MESSAGE_COUNT == count)
        {
            return true;
        }
        if (sequenceNumber != messages.size() + 1)
        {
            fault = null == fault ? "gap: expected " + (messages.size() + 1) + ", got " + sequenceNumber : fault;
            return true;
        }

        int offset = HEADER_LENGTH;
        for (int i = 0; i < count; i++)
        {
            final int length = messageLength(packet, offset);
            final byte[] message = new byte[length];
            packet.getBytes(offset + MESSAGE_LENGTH_FIELD_LENGTH, message);
            messages.add(message);
            book.apply(new UnsafeBuffer(message), 0, length);
            offset += MESSAGE_LENGTH_FIELD_LENGTH + length;
        }
        lastPacketSequenceNumber = sequenceNumber + count - 1;
        lastPacketReceiveNanoTime = receiveNanoTime;

        return true;
    }

    boolean await(final BooleanSupplier condition) throws IOException
    {
        final long deadlineNs = System.nanoTime() + OuchTestClient.TIMEOUT_NS;
        while (!condition.getAsBoolean() && System.nanoTime() - deadlineNs < 0)
        {
            if (!poll())
            {
                Thread.onSpinWait();
            }
        }

        return condition.getAsBoolean();
    }

    /**
     * @return the message types received, e.g. "RAA".
     */
    String types()
    {
        return ExchangeTestData.types(messages);
    }

    /**
     * {@inheritDoc}
     */
    public void close() throws IOException
    {
        channel.close();
    }
}
