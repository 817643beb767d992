package corezero.itch;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Drives a {@link MoldUdp64Session} with a simulated MoldUDP64 feed built from the real capture (message for
 * sequence s is capture message {@code (s - 1) % 10000}), a simulated re-request server answering its requests
 * (late, partially, or not at all), and the impairments of a real network: loss, duplication, reordering, and
 * when asked, corruption (truncation, bad block lengths, foreign sessions, flipped bytes, garbage, wild sequence
 * numbers). It is the session's listener and requester, decodes every delivered message with an
 * {@link ItchDecoder}, and checks what is delivered against the capture. Allocation-free after construction.
 */
final class FeedDriver implements MoldUdp64Listener, RetransmitRequester, ItchHandler
{
    static final int CORRUPT_TRUNCATE = 1;
    static final int CORRUPT_BLOCK_LENGTH = 2;
    static final int CORRUPT_SESSION = 4;
    static final int CORRUPT_FLIP = 8;
    static final int CORRUPT_GARBAGE = 16;
    static final int CORRUPT_SEQUENCE = 32;
    static final int CORRUPT_FRAMING = CORRUPT_TRUNCATE | CORRUPT_BLOCK_LENGTH | CORRUPT_SESSION;
    static final int CORRUPT_ALL = 63;

    private static final byte[] SESSION = "FEEDDRIVER".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_PACKET = 1400;
    private static final int RING = 1024;

    final MoldUdp64Session session;
    final ItchDecoder decoder = new ItchDecoder();

    private final SharedCapture capture = SharedCapture.load();
    private final SplittableRandom random;
    private final double lossRate;
    private final double duplicateRate;
    private final double reorderRate;
    private final double heartbeatRate;
    private final double corruptRate;
    private final int corruptKinds;
    private final double answerLossRate;
    private final int maxAnswerDelay;
    private final long retryIntervalNs;

    private final UnsafeBuffer live = new UnsafeBuffer(new byte[MAX_PACKET]);
    private final UnsafeBuffer held = new UnsafeBuffer(new byte[MAX_PACKET]);
    private final UnsafeBuffer answer = new UnsafeBuffer(new byte[MAX_PACKET]);
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[MAX_PACKET]);
    private int heldLength = -1;

    private final long[] requestSequence = new long[RING];
    private final int[] requestCount = new int[RING];
    private final long[] requestDue = new long[RING];
    private int requestHead;
    private int requestTail;

    long step;
    long nowNs = 1;
    long nextSequence = 1;
    long packetsSent;
    long corrupted;
    long requestsSeen;
    long badRequests;
    long answersSent;

    long delivered;
    long lastDelivered;
    long orderViolations;
    long payloadMismatches;
    long gapCalls;
    long recoveredCalls;
    long endOfSessionCalls;
    long openGapFirst = -1;
    long fieldSum;

    FeedDriver(
        final long seed,
        final int recoveryBufferBytes,
        final long retryIntervalNs,
        final int maxRetries,
        final double lossRate,
        final double duplicateRate,
        final double reorderRate,
        final double heartbeatRate,
        final double corruptRate,
        final int corruptKinds,
        final double answerLossRate,
        final int maxAnswerDelay)
    {
        this.random = new SplittableRandom(seed);
        this.lossRate = lossRate;
        this.duplicateRate = duplicateRate;
        this.reorderRate = reorderRate;
        this.heartbeatRate = heartbeatRate;
        this.corruptRate = corruptRate;
        this.corruptKinds = corruptKinds;
        this.answerLossRate = answerLossRate;
        this.maxAnswerDelay = maxAnswerDelay;
        this.retryIntervalNs = retryIntervalNs;
        this.session = new MoldUdp64Session(this, this, recoveryBufferBytes, retryIntervalNs, maxRetries)
            .expectSequence(1);

        // A clean heartbeat first: the first packet fixes the session, and a corrupted one would make it foreign.
        MoldUdp64Descriptor.encodeHeader(scratch, 0, SESSION, 1, 0);
        deliverPacket(scratch, MoldUdp64Descriptor.HEADER_LENGTH);
    }

    /**
     * One step of the feed: answers due, one live packet (maybe lost, duplicated, held back, corrupted), maybe a
     * heartbeat, and the session's timer.
     */
    void step()
    {
        step++;
        nowNs += random.nextLong(retryIntervalNs / 2 + 1);
        answerDueRequests(false);

        final int count = 1 + random.nextInt(5);
        final int length = buildPacket(live, nextSequence, count, MAX_PACKET);
        nextSequence += messagesIn(live);

        if (random.nextDouble() >= lossRate)
        {
            if (heldLength < 0 && random.nextDouble() < reorderRate)
            {
                held.putBytes(0, live, 0, length);
                heldLength = length;
            }
            else
            {
                send(live, length);
                if (heldLength >= 0)
                {
                    send(held, heldLength);
                    heldLength = -1;
                }
                if (random.nextDouble() < duplicateRate)
                {
                    send(live, length);
                }
            }
        }

        if (random.nextDouble() < heartbeatRate)
        {
            MoldUdp64Descriptor.encodeHeader(scratch, 0, SESSION, nextSequence, 0);
            send(scratch, MoldUdp64Descriptor.HEADER_LENGTH);
        }

        session.onTimer(nowNs);
    }

    /**
     * Stop impairing: send what is held, answer every request at once and in full, and let the timer run until
     * the session has nothing missing (or has given it up).
     */
    void finish()
    {
        if (heldLength >= 0)
        {
            deliverPacket(held, heldLength);
            heldLength = -1;
        }
        MoldUdp64Descriptor.encodeHeader(scratch, 0, SESSION, nextSequence, 0);
        deliverPacket(scratch, MoldUdp64Descriptor.HEADER_LENGTH);
        for (int i = 0; i < 10_000 && (session.isRecovering() || requestHead != requestTail); i++)
        {
            answerDueRequests(true);
            nowNs += retryIntervalNs;
            session.onTimer(nowNs);
        }
    }

    private void send(final UnsafeBuffer packet, final int length)
    {
        if (corruptRate > 0 && random.nextDouble() < corruptRate)
        {
            scratch.putBytes(0, packet, 0, length);
            final int corruptLength = corrupt(scratch, length);
            corrupted++;
            deliverPacket(scratch, corruptLength);
        }
        else
        {
            deliverPacket(packet, length);
        }
    }

    private void deliverPacket(final UnsafeBuffer packet, final int length)
    {
        packetsSent++;
        session.onPacket(packet, 0, length, nowNs);
    }

    private int corrupt(final UnsafeBuffer packet, final int length)
    {
        int kind;
        do
        {
            kind = 1 << random.nextInt(6);
        }
        while (0 == (kind & corruptKinds));

        switch (kind)
        {
            case CORRUPT_TRUNCATE:
                return random.nextInt(length + 1);

            case CORRUPT_BLOCK_LENGTH:
                if (length > MoldUdp64Descriptor.HEADER_LENGTH + 1)
                {
                    packet.putShort(MoldUdp64Descriptor.HEADER_LENGTH, (short)random.nextInt(0x10000));
                }
                return length;

            case CORRUPT_SESSION:
                packet.putByte(random.nextInt(MoldUdp64Descriptor.SESSION_LENGTH), (byte)random.nextInt(256));
                return length;

            case CORRUPT_FLIP:
                final int flips = 1 + random.nextInt(3);
                for (int i = 0; i < flips; i++)
                {
                    final int at = random.nextInt(length);
                    packet.putByte(at, (byte)(packet.getByte(at) ^ (1 << random.nextInt(8))));
                }
                return length;

            case CORRUPT_GARBAGE:
                final int garbageLength = random.nextInt(MAX_PACKET);
                for (int i = 0; i < garbageLength; i++)
                {
                    packet.putByte(i, (byte)random.nextInt(256));
                }
                if (random.nextBoolean())
                {
                    packet.putBytes(0, SESSION);
                }
                return garbageLength;

            default:
                packet.putLong(MoldUdp64Descriptor.SEQUENCE_NUMBER_OFFSET,
                    random.nextBoolean() ? random.nextLong() : nextSequence + random.nextInt(200) - 100,
                    ByteOrder.BIG_ENDIAN);
                return length;
        }
    }

    private void answerDueRequests(final boolean all)
    {
        while (requestHead != requestTail)
        {
            final int slot = requestHead & (RING - 1);
            if (!all && requestDue[slot] > step)
            {
                return;
            }
            requestHead++;
            if (!all && random.nextDouble() < answerLossRate)
            {
                continue;
            }

            final long first = requestSequence[slot];
            if (first < 1 || first >= nextSequence)
            {
                continue;
            }
            final int wanted = (int)Math.min(requestCount[slot], nextSequence - first);
            final int count = all ? wanted : 1 + random.nextInt(wanted);
            final int length = buildPacket(answer, first, count, MAX_PACKET);
            answersSent++;
            if (all)
            {
                deliverPacket(answer, length);
            }
            else
            {
                send(answer, length);
            }
        }
    }

    /**
     * Pack as many of {@code count} messages from {@code sequence} as fit; the header states how many did.
     */
    private int buildPacket(final UnsafeBuffer packet, final long sequence, final int count, final int maxLength)
    {
        int position = MoldUdp64Descriptor.HEADER_LENGTH;
        int packed = 0;
        while (packed < count)
        {
            final int index = captureIndex(sequence + packed);
            final int messageLength = capture.length(index);
            if (position + 2 + messageLength > maxLength)
            {
                break;
            }
            packet.putShort(position, (short)messageLength, ByteOrder.BIG_ENDIAN);
            packet.putBytes(position + 2, capture.buffer(), capture.offset(index), messageLength);
            position += 2 + messageLength;
            packed++;
        }
        MoldUdp64Descriptor.encodeHeader(packet, 0, SESSION, sequence, packed);

        return position;
    }

    private static int messagesIn(final UnsafeBuffer packet)
    {
        return MoldUdp64Descriptor.messageCount(packet, 0);
    }

    private int captureIndex(final long sequence)
    {
        return (int)((sequence - 1) % capture.count());
    }

    public boolean request(final DirectBuffer packet, final int offset, final int length)
    {
        requestsSeen++;
        if (MoldUdp64Descriptor.REQUEST_LENGTH != length)
        {
            badRequests++;
            return false;
        }
        if (0 == random.nextInt(50) || requestTail - requestHead == RING)
        {
            return false;
        }

        final int slot = requestTail & (RING - 1);
        requestSequence[slot] = packet.getLong(offset + MoldUdp64Descriptor.SEQUENCE_NUMBER_OFFSET,
            ByteOrder.BIG_ENDIAN);
        requestCount[slot] = packet.getShort(offset + MoldUdp64Descriptor.REQUESTED_COUNT_OFFSET,
            ByteOrder.BIG_ENDIAN) & 0xFFFF;
        requestDue[slot] = step + random.nextInt(maxAnswerDelay + 1);
        requestTail++;

        return true;
    }

    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final long sequenceNumber)
    {
        delivered++;
        if (sequenceNumber <= lastDelivered && delivered > 1)
        {
            orderViolations++;
        }
        lastDelivered = sequenceNumber;

        if (sequenceNumber < 1 || !sameAsCapture(buffer, offset, length, captureIndex(sequenceNumber)))
        {
            payloadMismatches++;
        }
        decoder.decode(buffer, offset, length, this);
    }

    private boolean sameAsCapture(final DirectBuffer buffer, final int offset, final int length, final int index)
    {
        if (length != capture.length(index))
        {
            return false;
        }
        final int captureOffset = capture.offset(index);
        for (int i = 0; i < length; i++)
        {
            if (buffer.getByte(offset + i) != capture.buffer().getByte(captureOffset + i))
            {
                return false;
            }
        }

        return true;
    }

    public void onGap(final long firstMissingSequence, final long missingCount)
    {
        gapCalls++;
        openGapFirst = firstMissingSequence;
    }

    public void onRecovered(final long firstMissingSequence, final long missingCount)
    {
        recoveredCalls++;
        if (firstMissingSequence != openGapFirst)
        {
            orderViolations++;
        }
        openGapFirst = -1;
    }

    public void onEndOfSession(final long nextSequence)
    {
        endOfSessionCalls++;
    }

    public void onAddOrder(final AddOrderDecoder message)
    {
        fieldSum += message.price() + message.shares() + message.orderReferenceNumber() + message.stockCode();
    }

    public void onOrderDelete(final OrderDeleteDecoder message)
    {
        fieldSum += message.orderReferenceNumber() + message.timestampNs();
    }

    public void onOrderExecuted(final OrderExecutedDecoder message)
    {
        fieldSum += message.executedShares() + message.matchNumber();
    }

    public void onTrade(final TradeDecoder message)
    {
        fieldSum += message.price() + message.shares() + message.buySellIndicator();
    }

    public void onOrderReplace(final OrderReplaceDecoder message)
    {
        fieldSum += message.newOrderReferenceNumber() + message.price();
    }

    public void onStockDirectory(final StockDirectoryDecoder message)
    {
        fieldSum += message.stockLocate() + message.roundLotSize();
    }
}
