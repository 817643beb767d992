package corezero.venue;

import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

import static corezero.venue.MoldUdp64Descriptor.*;

/**
 * MoldUDP64 re-request server: receives request packets on a UDP port and answers each, unicast to its source, with
 * a downstream packet holding as many of the requested messages as fit whole. A request that cannot be answered
 * (not 20 bytes, another session, a sequence number not sent yet, zero messages) is counted in
 * {@link VenueSimCounters} and dropped; nothing a requester sends makes it throw.
 * <p>
 * It reads the {@link MessageStore} the publisher writes, so both run on the same thread (a composite agent).
 */
public final class RetransmissionServer implements Agent
{
    /** Requests handled at most per duty cycle, so that the feed on the same thread is not starved. */
    static final int MAX_REQUESTS_PER_DUTY_CYCLE = 16;

    /** Longer than a request so that an oversized datagram is seen as too long, not silently cut to size. */
    private static final int RECEIVE_BUFFER_LENGTH = 64;

    private final MessageStore store;
    private final DatagramChannel channel;
    private final VenueSimCounters counters;
    private final byte[] session;
    private final ByteBuffer requestByteBuffer = ByteBuffer.allocateDirect(RECEIVE_BUFFER_LENGTH);
    private final UnsafeBuffer requestBuffer = new UnsafeBuffer(requestByteBuffer);
    private final ByteBuffer answerByteBuffer;
    private final MoldUdp64PacketWriter writer;

    /**
     * @param store    of the messages sent so far.
     * @param settings session and packet size of the feed; answers use the same maximum packet length.
     * @param channel  bound to the re-request port, non-blocking; closed when the agent closes.
     * @param counters to count answers and rejections.
     */
    public RetransmissionServer(
        final MessageStore store,
        final FeedSettings settings,
        final DatagramChannel channel,
        final VenueSimCounters counters)
    {
        if (channel.isBlocking())
        {
            throw new IllegalArgumentException("the re-request channel must be non-blocking");
        }

        this.store = store;
        this.channel = channel;
        this.counters = counters;
        this.session = sessionBytes(settings.session());
        this.answerByteBuffer = ByteBuffer.allocateDirect(settings.maxPacketLength());
        this.writer = new MoldUdp64PacketWriter(
            new UnsafeBuffer(answerByteBuffer), settings.maxPacketLength(), session);
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "venue-sim-rerequest";
    }

    /**
     * {@inheritDoc}
     */
    public int doWork() throws IOException
    {
        int workCount = 0;
        while (workCount < MAX_REQUESTS_PER_DUTY_CYCLE)
        {
            requestByteBuffer.clear();
            final SocketAddress requester = channel.receive(requestByteBuffer);
            if (null == requester)
            {
                break;
            }

            onRequest(requestByteBuffer.position(), requester);
            workCount++;
        }

        return workCount;
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        CloseHelper.quietClose(channel);
    }

    private void onRequest(final int length, final SocketAddress requester) throws ClosedChannelException
    {
        if (REQUEST_LENGTH != length)
        {
            counters.requestsMalformed.incrementRelease();
            return;
        }

        if (!sessionEquals(requestBuffer, 0, session))
        {
            counters.requestsUnknownSession.incrementRelease();
            return;
        }

        final long firstSequenceNumber = requestSequenceNumber(requestBuffer, 0);
        final int requestedCount = requestedMessageCount(requestBuffer, 0);
        if (0 == requestedCount || !store.wasSent(firstSequenceNumber))
        {
            counters.requestsOutOfRange.incrementRelease();
            return;
        }

        final long endSequenceNumber = firstSequenceNumber +
            Math.min(requestedCount, store.nextSequenceNumber() - firstSequenceNumber);
        long sequenceNumber = firstSequenceNumber;
        writer.reset(firstSequenceNumber);
        while (sequenceNumber < endSequenceNumber &&
            writer.tryAppend(store.buffer(), store.messageOffset(sequenceNumber), store.messageLength(sequenceNumber)))
        {
            sequenceNumber++;
        }

        answerByteBuffer.clear().limit(writer.finish());
        if (sendAnswer(requester))
        {
            counters.requestsAnswered.incrementRelease();
            counters.messagesRetransmitted.getAndAddRelease(sequenceNumber - firstSequenceNumber);
        }
        else
        {
            counters.answersNotSent.incrementRelease();
        }
    }

    private boolean sendAnswer(final SocketAddress requester) throws ClosedChannelException
    {
        try
        {
            return channel.send(answerByteBuffer, requester) > 0;
        }
        catch (final ClosedChannelException ex)
        {
            throw ex;
        }
        catch (final IOException ex)
        {
            // A requester we cannot reach is its problem, not the server's: count it and serve the next one.
            return false;
        }
    }
}
