package corezero.venue;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import static corezero.venue.MoldUdp64Descriptor.*;

/**
 * Receives a MoldUDP64 feed on a loopback channel and checks it against the capture as it goes: session, sequence
 * continuity and every message's bytes. It stops at the first end-of-session packet, the first fault or a deadline.
 */
final class FeedCheck
{
    private final BinaryFileCapture capture;
    private final String session;
    private final ByteBuffer byteBuffer = ByteBuffer.allocateDirect(MAX_UDP_PAYLOAD_LENGTH);
    private final UnsafeBuffer packet = new UnsafeBuffer(byteBuffer);

    long nextSequenceNumber = 1;
    long messages;
    long packets;
    long heartbeats;
    long endOfSessionSequenceNumber = -1;
    String fault;

    FeedCheck(final BinaryFileCapture capture, final String session)
    {
        this.capture = capture;
        this.session = session;
    }

    /**
     * Receive until the end of session, a fault or the deadline.
     *
     * @param channel    to receive on, non-blocking.
     * @param timeoutNs  how long to wait at most.
     * @return this, for the results.
     * @throws IOException if a receive fails.
     */
    FeedCheck receiveAll(final DatagramChannel channel, final long timeoutNs) throws IOException
    {
        final long deadlineNs = System.nanoTime() + timeoutNs;
        while (null == fault && endOfSessionSequenceNumber < 0 && System.nanoTime() - deadlineNs < 0)
        {
            byteBuffer.clear();
            if (null == channel.receive(byteBuffer))
            {
                Thread.onSpinWait();
                continue;
            }

            onPacket(byteBuffer.position());
        }

        if (null == fault && endOfSessionSequenceNumber < 0)
        {
            fault = "no end of session within the deadline; next sequence number " + nextSequenceNumber;
        }

        return this;
    }

    private void onPacket(final int length)
    {
        if (!session.equals(sessionName(packet, 0)))
        {
            fault = "session " + sessionName(packet, 0);
            return;
        }

        final long sequenceNumber = sequenceNumber(packet, 0);
        if (sequenceNumber != nextSequenceNumber)
        {
            fault = "gap: expected sequence number " + nextSequenceNumber + ", got " + sequenceNumber;
            return;
        }

        final int count = messageCount(packet, 0);
        if (END_OF_SESSION_MESSAGE_COUNT == count)
        {
            endOfSessionSequenceNumber = sequenceNumber;
            return;
        }
        if (HEARTBEAT_MESSAGE_COUNT == count)
        {
            heartbeats++;
            return;
        }

        int blockOffset = HEADER_LENGTH;
        for (int i = 0; i < count; i++)
        {
            final int index = (int)((nextSequenceNumber - 1) % capture.messageCount());
            final int messageLength = messageLength(packet, blockOffset);
            if (messageLength != capture.messageLength(index) ||
                !sameBytes(capture.messageOffset(index), blockOffset + MESSAGE_LENGTH_FIELD_LENGTH, messageLength))
            {
                fault = "message " + nextSequenceNumber + " differs from the capture";
                return;
            }
            blockOffset += MESSAGE_LENGTH_FIELD_LENGTH + messageLength;
            nextSequenceNumber++;
            messages++;
        }

        if (blockOffset != length)
        {
            fault = "packet of " + length + " bytes, blocks end at " + blockOffset;
        }
        packets++;
    }

    private boolean sameBytes(final int captureOffset, final int packetOffset, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (capture.buffer().getByte(captureOffset + i) != packet.getByte(packetOffset + i))
            {
                return false;
            }
        }

        return true;
    }
}
