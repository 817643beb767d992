package corezero.venue;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static corezero.venue.MoldUdp64Descriptor.*;

/**
 * Builds one MoldUDP64 downstream packet at a time in a buffer, adding message blocks while they fit in the maximum
 * packet length. The layout is drawn in {@link MoldUdp64Descriptor}. It allocates nothing.
 */
public final class MoldUdp64PacketWriter
{
    private final MutableDirectBuffer buffer;
    private final int maxPacketLength;
    private final byte[] session;
    private int length;
    private int messageCount;

    /**
     * @param buffer          to build packets in, at offset 0; at least {@code maxPacketLength} long.
     * @param maxPacketLength largest packet, header included: the UDP payload.
     * @param session         10 bytes from {@link MoldUdp64Descriptor#sessionBytes(String)}.
     */
    public MoldUdp64PacketWriter(final MutableDirectBuffer buffer, final int maxPacketLength, final byte[] session)
    {
        if (maxPacketLength < HEADER_LENGTH || maxPacketLength > MAX_UDP_PAYLOAD_LENGTH)
        {
            throw new IllegalArgumentException(
                "max packet length must be " + HEADER_LENGTH + ".." + MAX_UDP_PAYLOAD_LENGTH +
                ", got " + maxPacketLength);
        }
        if (buffer.capacity() < maxPacketLength)
        {
            throw new IllegalArgumentException(
                "buffer of " + buffer.capacity() + " bytes is shorter than the max packet length " + maxPacketLength);
        }
        if (session.length != SESSION_LENGTH)
        {
            throw new IllegalArgumentException("session must be " + SESSION_LENGTH + " bytes, got " + session.length);
        }

        this.buffer = buffer;
        this.maxPacketLength = maxPacketLength;
        this.session = session.clone();
    }

    /**
     * Start a packet of messages.
     *
     * @param firstSequenceNumber of the first message to be added.
     * @return this for fluent use.
     */
    public MoldUdp64PacketWriter reset(final long firstSequenceNumber)
    {
        encodeHeader(buffer, 0, session, firstSequenceNumber, 0);
        length = HEADER_LENGTH;
        messageCount = 0;

        return this;
    }

    /**
     * Add a message if its block fits whole and the count allows another.
     *
     * @param source holding the message.
     * @param offset of the message in the source.
     * @param length of the message.
     * @return true if added; false if the packet is full.
     */
    public boolean tryAppend(final DirectBuffer source, final int offset, final int length)
    {
        if (messageCount == MAX_MESSAGE_COUNT || length > maxPacketLength - MESSAGE_LENGTH_FIELD_LENGTH - this.length)
        {
            return false;
        }

        this.length = putMessageBlock(buffer, this.length, source, offset, length);
        messageCount++;

        return true;
    }

    /**
     * Write the message count of the packet being built.
     *
     * @return the packet length in bytes.
     */
    public int finish()
    {
        MoldUdp64Descriptor.messageCount(buffer, 0, messageCount);

        return length;
    }

    /**
     * Build a heartbeat packet.
     *
     * @param nextSequenceNumber the sequence number of the next message to be sent.
     * @return the packet length in bytes.
     */
    public int heartbeat(final long nextSequenceNumber)
    {
        encodeHeader(buffer, 0, session, nextSequenceNumber, HEARTBEAT_MESSAGE_COUNT);
        length = HEADER_LENGTH;
        messageCount = 0;

        return length;
    }

    /**
     * Build an end-of-session packet.
     *
     * @param nextSequenceNumber one more than the last sequence number of the session.
     * @return the packet length in bytes.
     */
    public int endOfSession(final long nextSequenceNumber)
    {
        encodeHeader(buffer, 0, session, nextSequenceNumber, END_OF_SESSION_MESSAGE_COUNT);
        length = HEADER_LENGTH;
        messageCount = 0;

        return length;
    }

    /**
     * @return number of messages in the packet being built.
     */
    public int messageCount()
    {
        return messageCount;
    }

    /**
     * @return bytes written so far in the packet being built.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return the largest packet length, header included.
     */
    public int maxPacketLength()
    {
        return maxPacketLength;
    }

    /**
     * @param messageLength of a message.
     * @return true if a packet of this writer's maximum length can carry the message at all.
     */
    public boolean canCarry(final int messageLength)
    {
        return messageLength <= maxPacketLength - HEADER_LENGTH - MESSAGE_LENGTH_FIELD_LENGTH;
    }
}
