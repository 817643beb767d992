package corezero.venue;

import com.paritytrading.nassau.moldudp64.MoldUDP64DownstreamPacket;
import com.paritytrading.nassau.moldudp64.MoldUDP64MessageStore;
import com.paritytrading.nassau.moldudp64.MoldUDP64RequestServer;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import static corezero.venue.MoldUdp64Descriptor.*;

/**
 * MoldUDP64 re-request server: receives request packets on a UDP port and answers each, unicast to its source, with
 * a downstream packet holding as many of the requested messages as fit whole. A request that cannot be answered
 * (not 20 bytes, another session, a sequence number not sent yet, zero messages) is counted in
 * {@link VenueSimCounters} and dropped; nothing a requester sends makes it throw.
 * <p>
 * The checks are made here with {@link MoldUdp64Descriptor}, because nassau's {@link MoldUDP64RequestServer} makes
 * none of them (it cuts a long datagram to 20 bytes and answers any session). The answer is nassau's: its request
 * server writes the header, the blocks come from its {@link MoldUDP64DownstreamPacket}, all through a
 * {@link RequestChannel} that hands it the checked request and sends its answer.
 * <p>
 * It reads the {@link SequencedMessages} the publisher writes, so both run on the same thread (a composite agent).
 */
public final class RetransmissionServer implements Agent
{
    /** Requests handled at most per duty cycle, so that the feed on the same thread is not starved. */
    static final int MAX_REQUESTS_PER_DUTY_CYCLE = 16;

    /** Longer than a request so that an oversized datagram is seen as too long, not silently cut to size. */
    private static final int RECEIVE_BUFFER_LENGTH = 64;

    private final SequencedMessages store;
    private final DatagramChannel channel;
    private final VenueSimCounters counters;
    private final byte[] session;
    private final int maxPayloadLength;
    private final ByteBuffer requestByteBuffer = ByteBuffer.allocateDirect(RECEIVE_BUFFER_LENGTH);
    private final UnsafeBuffer requestBuffer = new UnsafeBuffer(requestByteBuffer);
    private final RequestChannel requestChannel;
    private final MoldUDP64RequestServer requestServer;
    private final MoldUDP64DownstreamPacket answerPacket = new MoldUDP64DownstreamPacket();
    private final MoldUDP64MessageStore answerMessages = this::putAnswerMessages;
    private long firstSequenceNumber;
    private long endSequenceNumber;

    /**
     * @param store    of the messages sent so far.
     * @param settings session and packet size of the feed; answers use the same maximum packet length.
     * @param channel  bound to the re-request port, non-blocking; closed when the agent closes.
     * @param counters to count answers and rejections.
     */
    public RetransmissionServer(
        final SequencedMessages store,
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
        this.maxPayloadLength = settings.maxPacketLength() - HEADER_LENGTH;
        this.requestChannel = new RequestChannel(channel);
        this.requestServer = new MoldUDP64RequestServer(requestChannel);
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
        CloseHelper.quietClose(requestServer);
    }

    private void onRequest(final int length, final SocketAddress requester) throws IOException
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

        final long sequenceNumber = requestSequenceNumber(requestBuffer, 0);
        final int requestedCount = requestedMessageCount(requestBuffer, 0);
        if (0 == requestedCount || !store.wasSent(sequenceNumber))
        {
            counters.requestsOutOfRange.incrementRelease();
            return;
        }

        firstSequenceNumber = sequenceNumber;
        endSequenceNumber = sequenceNumber;
        requestChannel.offer(requestByteBuffer.flip(), requester);
        requestServer.serve(answerMessages);

        if (requestChannel.isAnswerSent())
        {
            counters.requestsAnswered.incrementRelease();
            counters.messagesRetransmitted.getAndAddRelease(endSequenceNumber - firstSequenceNumber);
        }
        else
        {
            counters.answersNotSent.incrementRelease();
        }
    }

    /**
     * Nassau's request server asks for the messages of the answer: they go into nassau's packet, whose blocks then go
     * into the answer after the header nassau wrote.
     */
    private int putAnswerMessages(final ByteBuffer answer, final long sequenceNumber, final int requestedCount)
    {
        final int count = (int)Math.min(requestedCount, store.nextSequenceNumber() - sequenceNumber);
        answerPacket.clear();
        final int added;
        try
        {
            added = store.putMessages(answerPacket, sequenceNumber, count, maxPayloadLength);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("nassau's packet is shorter than the answers allowed", ex);
        }

        answer.put(answerPacket.payload().flip());
        endSequenceNumber = sequenceNumber + added;

        return added;
    }
}
