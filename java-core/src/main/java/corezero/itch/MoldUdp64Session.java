package corezero.itch;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

import static corezero.itch.MoldUdp64Descriptor.BLOCK_HEADER_LENGTH;
import static corezero.itch.MoldUdp64Descriptor.END_OF_SESSION_COUNT;
import static corezero.itch.MoldUdp64Descriptor.HEADER_LENGTH;
import static corezero.itch.MoldUdp64Descriptor.HEARTBEAT_COUNT;
import static corezero.itch.MoldUdp64Descriptor.MAX_REQUESTED_COUNT;
import static corezero.itch.MoldUdp64Descriptor.REQUEST_LENGTH;
import static corezero.itch.MoldUdp64Descriptor.SESSION_LENGTH;
import static corezero.itch.MoldUdp64Descriptor.encodeRequest;
import static corezero.itch.MoldUdp64Descriptor.messageCount;
import static corezero.itch.MoldUdp64Descriptor.messageLength;
import static corezero.itch.MoldUdp64Descriptor.sequenceNumber;
import static corezero.itch.MoldUdp64Descriptor.sessionEquals;

/**
 * Receiving side of one MoldUDP64 session: turns packets, live and retransmitted alike, into messages delivered
 * exactly once and in sequence order to a {@link MoldUdp64Listener}, with gap detection and recovery. Single
 * threaded, allocation-free after construction, and it never throws on bad input: every packet it cannot use is
 * counted.
 * <ul>
 *   <li><b>Session.</b> The first packet with a whole header fixes the session; later packets of another session
 *   are dropped ({@link #sessionMismatches()}). The next expected sequence number is the first packet's, unless
 *   {@link #expectSequence(long)} set it before.</li>
 *   <li><b>In order.</b> A packet whose messages continue at the expected sequence number is delivered. One that
 *   overlaps it is delivered from its first new message; one with nothing new is dropped
 *   ({@link #oldPacketsDropped()}); every message not delivered because it was already is counted in
 *   {@link #duplicatesDropped()}.</li>
 *   <li><b>Gap.</b> A packet starting beyond the expected sequence number, or a heartbeat or end of session naming a
 *   later next sequence number, reveals a gap: {@link MoldUdp64Listener#onGap} is called at once, a request for the
 *   missing messages (at most {@link MoldUdp64Descriptor#MAX_REQUESTED_COUNT}, the most its count field holds) is
 *   encoded into a pre-allocated buffer and handed to the {@link RetransmitRequester}, and packets beyond the gap
 *   are copied into a pre-allocated recovery buffer. Packets that fill the gap are delivered as they come; whenever
 *   one does and messages are still missing, the rest is asked for at once. Once the gap is filled, the buffered
 *   packets are delivered in order, then {@link MoldUdp64Listener#onRecovered} is called. If the buffered packets
 *   have a hole of their own, that is the next gap, reported after the previous one's recovery.</li>
 *   <li><b>Retries.</b> {@link #onTimer(long)} asks again when {@code retryIntervalNs} has passed since the last
 *   request without the gap being filled, up to {@code maxRetries} times; a request the requester could not send
 *   counts as an attempt. After the last one's interval the gap is given up.</li>
 *   <li><b>Giving up.</b> When retries run out, or a packet does not fit the recovery buffer
 *   ({@link #recoveryBufferOverflows()}), the gap is declared unrecoverable ({@link #gapsUnrecoverable()}) and the
 *   session resynchronises: it skips past the gap's messages, delivers what it had buffered behind it and carries
 *   on with the newest packets (a packet that still does not fit is taken as the new starting point). No
 *   {@code onRecovered} is called for that gap: its messages are lost, see {@link MoldUdp64Listener}.</li>
 *   <li><b>Malformed.</b> A packet shorter than its header, or ending before a block's length field, is counted in
 *   {@link #truncatedPackets()}; a block whose length runs past the end in {@link #badBlockLengths()}. Blocks
 *   before the bad one are used and the rest of the packet is dropped, so its missing messages become a gap when
 *   the next packet arrives. A sequence number at or above 2^63 - 2^16, which no real session reaches, is counted
 *   in {@link #badSequenceNumbers()} and the packet dropped.</li>
 *   <li><b>End of session.</b> {@link MoldUdp64Listener#onEndOfSession} is called once, when an end-of-session
 *   packet has arrived and every message before the sequence number it names has been delivered.</li>
 * </ul>
 * The counters are plain fields written by the session's thread; read them on that thread (or accept that another
 * thread may see them a little late).
 */
public final class MoldUdp64Session
{
    /** Largest sequence number accepted: far beyond any session, and a whole packet after it still fits a long. */
    public static final long MAX_SEQUENCE_NUMBER = Long.MAX_VALUE - 0xFFFF;

    private final MoldUdp64Listener listener;
    private final RetransmitRequester requester;
    private final long retryIntervalNs;
    private final int maxRetries;
    private final MoldUdp64RecoveryBuffer recovery;

    /** The request packet; its first 10 bytes hold the session once fixed. */
    private final UnsafeBuffer request = new UnsafeBuffer(new byte[REQUEST_LENGTH]);

    private boolean hasSession;
    private boolean hasExpectedSequence;
    private long expectedSequence;
    /** Sequence number after the newest message known to exist: from data packets, heartbeats, end of session. */
    private long knownSequence;

    private boolean recovering;
    private long gapFirst;
    private long gapEnd;
    private int retries;
    private long lastRequestNs;

    private boolean endOfSessionSeen;
    private boolean endOfSessionDelivered;
    private long endOfSessionSequence;

    private long packets;
    private long messages;
    private long heartbeats;
    private long endOfSessionPackets;
    private long duplicatesDropped;
    private long oldPacketsDropped;
    private long gapsDetected;
    private long gapsRecovered;
    private long gapsUnrecoverable;
    private long retransmitRequests;
    private long truncatedPackets;
    private long badBlockLengths;
    private long sessionMismatches;
    private long recoveryBufferOverflows;
    private long badSequenceNumbers;

    /**
     * @param listener            receives messages, gaps and recoveries.
     * @param requester           sends request packets to the re-request server.
     * @param recoveryBufferBytes size of the buffer holding packets that arrive while a gap is recovered; each packet
     *                            takes its length plus 16, rounded up to 8.
     * @param retryIntervalNs     how long to wait for a gap to fill before asking again.
     * @param maxRetries          how many times to ask again before giving a gap up; 0 asks once only.
     * @throws IllegalArgumentException when a size, interval or count is negative, or the interval is 0.
     */
    public MoldUdp64Session(
        final MoldUdp64Listener listener,
        final RetransmitRequester requester,
        final int recoveryBufferBytes,
        final long retryIntervalNs,
        final int maxRetries)
    {
        if (recoveryBufferBytes < 0 || retryIntervalNs <= 0 || maxRetries < 0)
        {
            throw new IllegalArgumentException("recoveryBufferBytes=" + recoveryBufferBytes + " retryIntervalNs=" +
                retryIntervalNs + " maxRetries=" + maxRetries + ": sizes and counts must be >= 0, the interval > 0");
        }

        this.listener = listener;
        this.requester = requester;
        this.retryIntervalNs = retryIntervalNs;
        this.maxRetries = maxRetries;
        this.recovery = new MoldUdp64RecoveryBuffer(recoveryBufferBytes);
    }

    /**
     * Control path, before the first packet: the sequence number of the next message expected (for a receiver that
     * restarts mid-session, or one that must see the session from its first message). Without it the first packet
     * sets it.
     *
     * @param nextSequence 0 to {@link #MAX_SEQUENCE_NUMBER}.
     * @return this session.
     * @throws IllegalStateException    once a packet has fixed the session.
     * @throws IllegalArgumentException when out of range.
     */
    public MoldUdp64Session expectSequence(final long nextSequence)
    {
        if (hasSession)
        {
            throw new IllegalStateException("the session is already established at sequence " + expectedSequence);
        }
        if (nextSequence < 0 || nextSequence > MAX_SEQUENCE_NUMBER)
        {
            throw new IllegalArgumentException("sequence number out of range: " + nextSequence);
        }

        hasExpectedSequence = true;
        expectedSequence = nextSequence;
        knownSequence = nextSequence;

        return this;
    }

    /**
     * A MoldUDP64 packet from the feed or from the re-request server.
     *
     * @param buffer holding the packet; read during this call only.
     * @param offset of the packet.
     * @param length of the packet (the UDP payload).
     * @param nowNs  the time now, from the caller's clock; it dates requests for {@link #onTimer(long)}.
     */
    public void onPacket(final DirectBuffer buffer, final int offset, final int length, final long nowNs)
    {
        packets++;
        if (length < HEADER_LENGTH || offset < 0 || (long)offset + length > buffer.capacity())
        {
            truncatedPackets++;
            return;
        }

        final long sequence = sequenceNumber(buffer, offset);
        if (sequence < 0 || sequence > MAX_SEQUENCE_NUMBER)
        {
            badSequenceNumbers++;
            return;
        }

        if (!hasSession)
        {
            hasSession = true;
            request.putBytes(0, buffer, offset, SESSION_LENGTH);
            if (!hasExpectedSequence)
            {
                hasExpectedSequence = true;
                expectedSequence = sequence;
                knownSequence = sequence;
            }
        }
        else if (!sessionEquals(buffer, offset, request, 0))
        {
            sessionMismatches++;
            return;
        }

        final int count = messageCount(buffer, offset);
        if (HEARTBEAT_COUNT == count)
        {
            heartbeats++;
            onNextSequence(sequence, nowNs);
        }
        else if (END_OF_SESSION_COUNT == count)
        {
            endOfSessionPackets++;
            if (!endOfSessionSeen || sequence > endOfSessionSequence)
            {
                endOfSessionSeen = true;
                endOfSessionSequence = sequence;
            }
            onNextSequence(sequence, nowNs);
        }
        else
        {
            final int validCount = validBlocks(buffer, offset, length, count);
            if (0 == validCount)
            {
                // Nothing usable, but the server numbered this packet's first message: all before it exist.
                onNextSequence(sequence, nowNs);
            }
            else
            {
                onMessages(buffer, offset, length, sequence, validCount, nowNs);
            }
        }

        checkEndOfSession();
    }

    /**
     * Retries and giving up; call it regularly (every duty cycle is fine: it does nothing unless a gap is open and
     * the retry interval has passed).
     *
     * @param nowNs the time now, from the same clock as {@link #onPacket}'s.
     */
    public void onTimer(final long nowNs)
    {
        if (!recovering || nowNs - lastRequestNs < retryIntervalNs)
        {
            return;
        }

        if (retries < maxRetries)
        {
            retries++;
            sendRequest(nowNs);
        }
        else
        {
            giveUpGap(nowNs);
            checkEndOfSession();
        }
    }

    private void onNextSequence(final long nextSequence, final long nowNs)
    {
        if (nextSequence > knownSequence)
        {
            knownSequence = nextSequence;
        }

        if (!recovering && expectedSequence < knownSequence)
        {
            openGap(nowNs);
        }
    }

    private void onMessages(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long sequence,
        final int validCount,
        final long nowNs)
    {
        final long end = sequence + validCount;
        while (true)
        {
            if (end <= expectedSequence)
            {
                oldPacketsDropped++;
                duplicatesDropped += validCount;
                return;
            }

            if (sequence <= expectedSequence)
            {
                deliver(buffer, offset, sequence, validCount);
                if (end > knownSequence)
                {
                    knownSequence = end;
                }
                if (recovering)
                {
                    onRecoveryProgress(nowNs);
                }
                return;
            }

            if (!recovering)
            {
                if (sequence > knownSequence)
                {
                    knownSequence = sequence;
                }
                openGap(nowNs);
            }

            if (recovery.append(buffer, offset, length, sequence, validCount))
            {
                if (end > knownSequence)
                {
                    knownSequence = end;
                }
                return;
            }

            // Full: give the open gap up, which delivers and frees what was buffered behind it, then try again.
            // Every round consumes buffered packets or moves past this packet's gap, so it ends.
            recoveryBufferOverflows++;
            giveUpGap(nowNs);
        }
    }

    private void openGap(final long nowNs)
    {
        recovering = true;
        gapFirst = expectedSequence;
        gapEnd = nextKnownSequence();
        retries = 0;
        gapsDetected++;
        listener.onGap(gapFirst, gapEnd - gapFirst);
        sendRequest(nowNs);
    }

    private void onRecoveryProgress(final long nowNs)
    {
        drainRecoveryBuffer();
        if (expectedSequence >= gapEnd)
        {
            recovering = false;
            gapsRecovered++;
            listener.onRecovered(gapFirst, gapEnd - gapFirst);
            if (expectedSequence < nextKnownSequence())
            {
                openGap(nowNs);
            }
        }
        else
        {
            retries = 0;
            sendRequest(nowNs);
        }
    }

    private void giveUpGap(final long nowNs)
    {
        recovering = false;
        gapsUnrecoverable++;
        listener.onGapUnrecoverable(gapFirst, gapEnd - gapFirst);
        if (expectedSequence < gapEnd)
        {
            expectedSequence = gapEnd;
        }
        drainRecoveryBuffer();
        if (expectedSequence < nextKnownSequence())
        {
            openGap(nowNs);
        }
    }

    private void sendRequest(final long nowNs)
    {
        final long missing = nextKnownSequence() - expectedSequence;
        encodeRequest(request, 0, expectedSequence, (int)Math.min(missing, MAX_REQUESTED_COUNT));
        lastRequestNs = nowNs;
        if (requester.request(request, 0, REQUEST_LENGTH))
        {
            retransmitRequests++;
        }
    }

    /**
     * @return the sequence number of the oldest buffered message, or the newest known to exist when none is buffered.
     */
    private long nextKnownSequence()
    {
        return recovery.isEmpty() ? knownSequence : recovery.lowestSequence();
    }

    /**
     * Deliver buffered packets while one continues at the expected sequence number; drop those made redundant.
     */
    private void drainRecoveryBuffer()
    {
        final MoldUdp64RecoveryBuffer recovery = this.recovery;
        int position = recovery.first();
        while (MoldUdp64RecoveryBuffer.END != position)
        {
            final long sequence = recovery.sequence(position);
            final int count = recovery.messageCount(position);
            if (sequence + count <= expectedSequence)
            {
                oldPacketsDropped++;
                duplicatesDropped += count;
                recovery.consume(position);
                position = recovery.next(position);
            }
            else if (sequence <= expectedSequence)
            {
                deliver(recovery.buffer(), recovery.packetOffset(position), sequence, count);
                recovery.consume(position);
                position = recovery.first();
            }
            else
            {
                position = recovery.next(position);
            }
        }
    }

    /**
     * Deliver the messages of a packet from the expected one on; the first {@code validCount} blocks are known
     * to be well formed.
     */
    private void deliver(final DirectBuffer buffer, final int offset, final long sequence, final int validCount)
    {
        int blockOffset = offset + HEADER_LENGTH;
        final long end = sequence + validCount;
        for (long s = sequence; s < end; s++)
        {
            final int length = messageLength(buffer, blockOffset);
            if (s == expectedSequence)
            {
                expectedSequence = s + 1;
                messages++;
                listener.onMessage(buffer, blockOffset + BLOCK_HEADER_LENGTH, length, s);
            }
            else
            {
                duplicatesDropped++;
            }
            blockOffset += BLOCK_HEADER_LENGTH + length;
        }
    }

    /**
     * @return how many blocks from the first are well formed; counts the packet as truncated or as having a bad
     * block length when fewer than {@code count}.
     */
    private int validBlocks(final DirectBuffer buffer, final int offset, final int length, final int count)
    {
        final int end = offset + length;
        int blockOffset = offset + HEADER_LENGTH;
        for (int i = 0; i < count; i++)
        {
            if (end - blockOffset < BLOCK_HEADER_LENGTH)
            {
                truncatedPackets++;
                return i;
            }
            final int messageLength = messageLength(buffer, blockOffset);
            if (messageLength > end - blockOffset - BLOCK_HEADER_LENGTH)
            {
                badBlockLengths++;
                return i;
            }
            blockOffset += BLOCK_HEADER_LENGTH + messageLength;
        }

        return count;
    }

    private void checkEndOfSession()
    {
        if (endOfSessionSeen && !endOfSessionDelivered && !recovering && expectedSequence >= endOfSessionSequence)
        {
            endOfSessionDelivered = true;
            listener.onEndOfSession(expectedSequence);
        }
    }

    /**
     * @return the sequence number of the next message to deliver.
     */
    public long expectedSequence()
    {
        return expectedSequence;
    }

    /**
     * @return true while a gap is open.
     */
    public boolean isRecovering()
    {
        return recovering;
    }

    /**
     * Control path.
     *
     * @return the session fixed by the first packet without its padding, or "" before it.
     */
    public String session()
    {
        if (!hasSession)
        {
            return "";
        }

        final byte[] bytes = new byte[SESSION_LENGTH];
        request.getBytes(0, bytes);

        return new String(bytes, StandardCharsets.US_ASCII).stripTrailing();
    }

    /**
     * @return packets passed to {@link #onPacket}, whatever became of them.
     */
    public long packets()
    {
        return packets;
    }

    /**
     * @return messages delivered to the listener.
     */
    public long messages()
    {
        return messages;
    }

    /**
     * @return heartbeat packets (message count 0).
     */
    public long heartbeats()
    {
        return heartbeats;
    }

    /**
     * @return end-of-session packets (message count 0xFFFF), repeats included.
     */
    public long endOfSessionPackets()
    {
        return endOfSessionPackets;
    }

    /**
     * @return messages not delivered because they had been already: in old packets, in the part of a packet
     * before the expected sequence number, and in buffered packets made redundant by retransmissions.
     */
    public long duplicatesDropped()
    {
        return duplicatesDropped;
    }

    /**
     * @return data packets dropped whole because every message in them had been delivered already.
     */
    public long oldPacketsDropped()
    {
        return oldPacketsDropped;
    }

    /**
     * @return gaps reported through {@link MoldUdp64Listener#onGap}.
     */
    public long gapsDetected()
    {
        return gapsDetected;
    }

    /**
     * @return gaps reported through {@link MoldUdp64Listener#onRecovered}.
     */
    public long gapsRecovered()
    {
        return gapsRecovered;
    }

    /**
     * @return gaps given up: retries exhausted or recovery buffer full.
     */
    public long gapsUnrecoverable()
    {
        return gapsUnrecoverable;
    }

    /**
     * @return request packets the requester accepted.
     */
    public long retransmitRequests()
    {
        return retransmitRequests;
    }

    /**
     * @return packets shorter than the header, or ending before a block's length field.
     */
    public long truncatedPackets()
    {
        return truncatedPackets;
    }

    /**
     * @return packets with a block whose length runs past the end of the packet.
     */
    public long badBlockLengths()
    {
        return badBlockLengths;
    }

    /**
     * @return packets of another session, dropped.
     */
    public long sessionMismatches()
    {
        return sessionMismatches;
    }

    /**
     * @return packets that did not fit the recovery buffer, each giving a gap up.
     */
    public long recoveryBufferOverflows()
    {
        return recoveryBufferOverflows;
    }

    /**
     * @return packets dropped for a sequence number above {@link #MAX_SEQUENCE_NUMBER}.
     */
    public long badSequenceNumbers()
    {
        return badSequenceNumbers;
    }
}
