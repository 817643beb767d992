package corezero.itch;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static corezero.itch.MoldPackets.SESSION;
import static corezero.itch.MoldPackets.data;
import static corezero.itch.MoldPackets.endOfSession;
import static corezero.itch.MoldPackets.heartbeat;
import static corezero.itch.MoldPackets.message;
import static corezero.itch.MoldPackets.packet;
import static corezero.itch.MoldPackets.request;
import static corezero.itch.RecordingMoldListener.messages;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoldUdp64SessionTest
{
    private static final long RETRY_NS = 1_000;
    private static final int MAX_RETRIES = 2;

    private final RecordingMoldListener listener = new RecordingMoldListener();
    private final RecordingRequester requester = new RecordingRequester();
    private MoldUdp64Session session = new MoldUdp64Session(listener, requester, 64 * 1024, RETRY_NS, MAX_RETRIES);
    private long now = 1_000_000;

    private void receive(final UnsafeBuffer packet)
    {
        session.onPacket(packet, 0, packet.capacity(), now);
    }

    private static List<String> concat(final List<String> first, final String... rest)
    {
        final List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));

        return all;
    }

    private static List<String> concat(final List<String> first, final List<String> second)
    {
        final List<String> all = new ArrayList<>(first);
        all.addAll(second);

        return all;
    }

    @Test
    void deliversInOrderNumberingMessagesFromThePacketSequence()
    {
        receive(data(1, 3));
        receive(data(4, 1));
        receive(data(5, 2));

        assertEquals(messages(1, 6), listener.take());
        assertEquals(7, session.expectedSequence());
        assertEquals(3, session.packets());
        assertEquals(6, session.messages());
        assertEquals(SESSION, session.session());
        assertFalse(session.isRecovering());
        assertTrue(requester.requests.isEmpty());
    }

    @Test
    void firstPacketSetsTheExpectedSequenceAndSessionUnlessConfigured()
    {
        assertEquals("", session.session());
        receive(data(1000, 2));
        assertEquals(messages(1000, 1001), listener.take());
        assertEquals(1002, session.expectedSequence());
        assertEquals(0, session.gapsDetected());
        assertThrows(IllegalStateException.class, () -> session.expectSequence(1));
    }

    @Test
    void configuredExpectedSequenceMakesALateFirstPacketAGap()
    {
        session.expectSequence(1);
        receive(data(5, 2));

        assertEquals(List.of("gap 1+4"), listener.take());
        assertArrayEquals(request(SESSION, 1, 4), requester.last());
        receive(data(1, 4));
        assertEquals(concat(messages(1, 6), "recovered 1+4"), listener.take());
    }

    @Test
    void heartbeatsCountAndDeliverNothing()
    {
        receive(data(1, 2));
        receive(heartbeat(3));
        receive(heartbeat(3));
        receive(heartbeat(2));

        assertEquals(messages(1, 2), listener.take());
        assertEquals(3, session.heartbeats());
        assertEquals(0, session.gapsDetected());
        assertEquals(3, session.expectedSequence());
    }

    @Test
    void heartbeatAheadOfTheExpectedSequenceRevealsLostTailMessages()
    {
        receive(data(1, 2));
        receive(heartbeat(6));

        assertEquals(concat(messages(1, 2), "gap 3+3"), listener.take());
        assertArrayEquals(request(SESSION, 3, 3), requester.last());
        receive(data(3, 3));
        assertEquals(concat(messages(3, 5), "recovered 3+3"), listener.take());
    }

    @Test
    void heartbeatAsFirstPacketStartsTheSession()
    {
        receive(heartbeat(10));
        receive(data(10, 1));
        assertEquals(messages(10, 10), listener.take());
        assertEquals(1, session.heartbeats());
    }

    @Test
    void endOfSessionIsReportedOnceWithTheNextSequence()
    {
        receive(data(1, 3));
        receive(endOfSession(4));
        receive(endOfSession(4));
        receive(endOfSession(4));

        assertEquals(concat(messages(1, 3), "end 4"), listener.take());
        assertEquals(3, session.endOfSessionPackets());
        assertEquals(0, session.heartbeats());
    }

    @Test
    void endOfSessionWaitsUntilTheMessagesBeforeItAreRecovered()
    {
        receive(data(1, 1));
        receive(endOfSession(4));
        assertEquals(concat(messages(1, 1), "gap 2+2"), listener.take());

        receive(data(2, 2));
        assertEquals(concat(messages(2, 3), "recovered 2+2", "end 4"), listener.take());
    }

    @Test
    void duplicatePacketIsDroppedAndCounted()
    {
        receive(data(1, 3));
        receive(data(1, 3));

        assertEquals(messages(1, 3), listener.take());
        assertEquals(1, session.oldPacketsDropped());
        assertEquals(3, session.duplicatesDropped());
        assertEquals(3, session.messages());
    }

    @Test
    void oldPacketIsDroppedAndCounted()
    {
        receive(data(1, 10));
        receive(data(3, 2));
        receive(data(10, 1));

        assertEquals(messages(1, 10), listener.take());
        assertEquals(2, session.oldPacketsDropped());
        assertEquals(3, session.duplicatesDropped());
        assertEquals(0, session.gapsDetected());
    }

    @Test
    void overlappingPacketIsDeliveredFromItsFirstNewMessage()
    {
        receive(data(1, 4));
        receive(data(3, 4));

        assertEquals(messages(1, 6), listener.take());
        assertEquals(0, session.oldPacketsDropped());
        assertEquals(2, session.duplicatesDropped());
        assertEquals(7, session.expectedSequence());
    }

    @Test
    void gapIsReportedAtOnceAndARequestWithTheSpecLayoutSent()
    {
        receive(data(1, 2));
        receive(data(6, 2));

        assertEquals(concat(messages(1, 2), "gap 3+3"), listener.take(), "nothing after the gap delivered yet");
        assertEquals(1, requester.requests.size());
        final byte[] expected =
        {
            '0', '0', '0', '0', '1', '2', '3', '4', '5', 'A',
            0, 0, 0, 0, 0, 0, 0, 3,
            0, 3,
        };
        assertArrayEquals(expected, requester.last());
        assertEquals(1, session.gapsDetected());
        assertEquals(1, session.retransmitRequests());
        assertTrue(session.isRecovering());
        assertEquals(3, session.expectedSequence());
    }

    @Test
    void requestForAHugeGapIsCappedAtTheCountFieldsMaximum()
    {
        receive(data(1, 1));
        receive(data(1L << 40, 1));

        assertEquals(List.of("1:m1", "gap 2+" + ((1L << 40) - 2)), listener.take());
        assertArrayEquals(request(SESSION, 2, 0xFFFF), requester.last());
    }

    @Test
    void retransmissionFillsTheGapThenBufferedPacketsFollowInOrderThenRecovered()
    {
        receive(data(1, 2));
        receive(data(6, 2));
        receive(data(8, 3));
        receive(heartbeat(11));
        receive(data(11, 1));
        assertEquals(concat(messages(1, 2), "gap 3+3"), listener.take());

        receive(data(3, 3));

        assertEquals(concat(concat(messages(3, 5), messages(6, 11)), "recovered 3+3"), listener.take());
        assertFalse(session.isRecovering());
        assertEquals(12, session.expectedSequence());
        assertEquals(1, session.gapsRecovered());
        assertEquals(11, session.messages());
        assertEquals(1, requester.requests.size());

        receive(data(12, 1));
        assertEquals(messages(12, 12), listener.take());
    }

    @Test
    void partialRetransmissionAsksForTheRestAtOnce()
    {
        receive(data(1, 1));
        receive(data(11, 1));
        assertArrayEquals(request(SESSION, 2, 9), requester.last());

        receive(data(2, 4));
        assertArrayEquals(request(SESSION, 6, 5), requester.last());
        assertEquals(2, session.retransmitRequests());
        assertTrue(session.isRecovering());

        receive(data(6, 5));
        assertEquals(concat(concat(messages(1, 1), List.of("gap 2+9")), concat(messages(2, 11), "recovered 2+9")),
            listener.take());
    }

    @Test
    void retransmissionOverlappingBufferedPacketsDeliversEachMessageOnce()
    {
        receive(data(1, 1));
        receive(data(5, 3));
        receive(data(8, 2));
        receive(data(2, 7));

        assertEquals(concat(concat(messages(1, 1), List.of("gap 2+3")), concat(messages(2, 9), "recovered 2+3")),
            listener.take());
        assertEquals(1, session.oldPacketsDropped(), "5..7 made redundant by the retransmission");
        assertEquals(3 + 1, session.duplicatesDropped(), "5, 6, 7 and then 8 of the buffered 8..9");
    }

    @Test
    void holeAmongBufferedPacketsBecomesTheNextGapAfterTheFirstIsRecovered()
    {
        receive(data(1, 1));
        receive(data(4, 1));
        receive(data(7, 1));
        listener.take();

        receive(data(2, 2));
        assertEquals(concat(messages(2, 4), "recovered 2+2", "gap 5+2"), listener.take());
        assertArrayEquals(request(SESSION, 5, 2), requester.last());

        receive(data(5, 2));
        assertEquals(concat(messages(5, 7), "recovered 5+2"), listener.take());
        assertEquals(2, session.gapsDetected());
        assertEquals(2, session.gapsRecovered());
    }

    @Test
    void packetsReorderedInsideTheGapAreBufferedAndUsed()
    {
        receive(data(1, 1));
        receive(data(10, 1));
        receive(data(5, 2));
        assertArrayEquals(request(SESSION, 2, 8), requester.last());

        receive(data(2, 3));
        assertArrayEquals(request(SESSION, 7, 3), requester.last(), "5..6 were buffered, ask only for the rest");
        receive(data(7, 3));
        final List<String> events = listener.take();
        assertEquals(concat(concat(messages(1, 1), List.of("gap 2+8")), concat(messages(2, 10), "recovered 2+8")),
            events);
    }

    @Test
    void retriesOnTheTimerUpToMaxRetriesThenGivesTheGapUp()
    {
        receive(data(1, 1));
        receive(data(5, 1));
        receive(data(6, 1));
        assertEquals(1, requester.requests.size());

        session.onTimer(now + RETRY_NS - 1);
        assertEquals(1, requester.requests.size(), "not before the interval");
        session.onTimer(now + RETRY_NS);
        assertEquals(2, requester.requests.size());
        assertArrayEquals(request(SESSION, 2, 3), requester.last());
        session.onTimer(now + RETRY_NS + 1);
        assertEquals(2, requester.requests.size(), "interval counts from the last request");
        session.onTimer(now + 2 * RETRY_NS);
        assertEquals(3, requester.requests.size());
        assertEquals(3, session.retransmitRequests());
        assertTrue(session.isRecovering());
        listener.take();

        session.onTimer(now + 3 * RETRY_NS);
        assertEquals(3, requester.requests.size(), "no more than maxRetries retries");
        assertFalse(session.isRecovering());
        assertEquals(1, session.gapsUnrecoverable());
        assertEquals(0, session.gapsRecovered());
        assertEquals(messages(5, 6), listener.take(), "buffered packets delivered past the lost messages");
        assertEquals(7, session.expectedSequence());

        receive(data(7, 1));
        receive(data(2, 3));
        assertEquals(messages(7, 7), listener.take(), "a late retransmission is old now");
        assertEquals(1, session.oldPacketsDropped());
    }

    @Test
    void requestTheRequesterCannotSendCountsAsAnAttempt()
    {
        requester.accept = false;
        receive(data(1, 1));
        receive(data(3, 1));
        session.onTimer(now + RETRY_NS);
        session.onTimer(now + 2 * RETRY_NS);
        assertEquals(3, requester.requests.size());
        assertEquals(0, session.retransmitRequests());

        session.onTimer(now + 3 * RETRY_NS);
        assertEquals(1, session.gapsUnrecoverable());
        assertEquals(concat(messages(1, 1), "gap 2+1", "3:m3"), listener.take());
    }

    @Test
    void progressResetsTheRetries()
    {
        receive(data(1, 1));
        receive(data(10, 1));
        session.onTimer(now + RETRY_NS);
        session.onTimer(now + 2 * RETRY_NS);
        now += 2 * RETRY_NS;
        receive(data(2, 2));
        session.onTimer(now + RETRY_NS);
        session.onTimer(now + 2 * RETRY_NS);
        assertTrue(session.isRecovering(), "two retries again after progress");
        assertEquals(0, session.gapsUnrecoverable());
        assertArrayEquals(request(SESSION, 4, 6), requester.last());
    }

    @Test
    void recoveryBufferOverflowGivesTheGapUpAndResynchronises()
    {
        // Each buffered 1-message packet takes 16 + 20 + 2 + 2 or 3 bytes, rounded to 48: room for two.
        session = new MoldUdp64Session(listener, requester, 100, RETRY_NS, MAX_RETRIES);
        receive(data(1, 1));
        receive(data(3, 1));
        receive(data(4, 1));
        assertEquals(0, session.recoveryBufferOverflows());
        receive(data(5, 1));

        assertEquals(1, session.recoveryBufferOverflows());
        assertEquals(1, session.gapsUnrecoverable());
        assertFalse(session.isRecovering());
        assertEquals(concat(messages(1, 1), List.of("gap 2+1", "3:m3", "4:m4", "5:m5")), listener.take());
        assertEquals(6, session.expectedSequence());

        receive(data(6, 1));
        assertEquals(messages(6, 6), listener.take());
    }

    @Test
    void packetLargerThanTheWholeRecoveryBufferResynchronisesOnIt()
    {
        session = new MoldUdp64Session(listener, requester, 0, RETRY_NS, MAX_RETRIES);
        receive(data(1, 1));
        receive(data(3, 2));

        assertEquals(1, session.recoveryBufferOverflows());
        assertEquals(1, session.gapsUnrecoverable());
        assertEquals(concat(messages(1, 1), List.of("gap 2+1", "3:m3", "4:m4")), listener.take());
    }

    @Test
    void truncatedPacketsAreCountedAndDropped()
    {
        receive(data(1, 1));
        final UnsafeBuffer whole = data(2, 2);
        session.onPacket(whole, 0, 19, now);
        assertEquals(1, session.truncatedPackets());

        // count 2 but the bytes end inside the second block's length field: the first message is still good
        session.onPacket(whole, 0, 20 + 2 + 2 + 1, now);
        assertEquals(2, session.truncatedPackets());
        assertEquals(messages(1, 2), listener.take());

        receive(data(4, 1));
        assertEquals(List.of("gap 3+1"), listener.take(), "the dropped message is a gap at the next packet");
    }

    @Test
    void blockLengthRunningPastTheEndDropsTheRestOfThePacket()
    {
        receive(data(1, 1));
        final UnsafeBuffer bad = packet(SESSION, 2, 3, message(2), message(3), message(4));
        bad.putByte(20 + 4 + 4, (byte)0x01);
        receive(bad);

        assertEquals(1, session.badBlockLengths());
        assertEquals(messages(1, 3), listener.take());
        assertEquals(4, session.expectedSequence());

        receive(data(5, 1));
        assertEquals(List.of("gap 4+1"), listener.take());
        receive(data(4, 1));
        assertEquals(List.of("4:m4", "5:m5", "recovered 4+1"), listener.take());
    }

    @Test
    void packetWithoutAnyGoodBlockStillTellsWhereItsMessagesStart()
    {
        receive(data(1, 1));
        final UnsafeBuffer bad = packet(SESSION, 5, 1, message(5));
        bad.putByte(20, (byte)0x7F);
        receive(bad);

        assertEquals(1, session.badBlockLengths());
        assertEquals(concat(messages(1, 1), "gap 2+3"), listener.take());
    }

    @Test
    void packetsOfAnotherSessionAreDropped()
    {
        receive(data(1, 1));
        receive(packet("OTHER", 2, 1, message(2)));
        receive(packet("000012345B", 2, 1, message(2)));

        assertEquals(2, session.sessionMismatches());
        assertEquals(messages(1, 1), listener.take());
        assertEquals(2, session.expectedSequence());
    }

    @Test
    void sequenceNumbersNoSessionCanReachAreDropped()
    {
        receive(data(1, 1));
        receive(packet(SESSION, -1L, 1, message(0)));
        receive(packet(SESSION, MoldUdp64Session.MAX_SEQUENCE_NUMBER + 1, 1, message(0)));
        receive(heartbeat(Long.MIN_VALUE));

        assertEquals(3, session.badSequenceNumbers());
        assertEquals(0, session.gapsDetected());
        assertEquals(messages(1, 1), listener.take());
    }

    @Test
    void emptyMessagesAreDelivered()
    {
        receive(packet(SESSION, 1, 2, new byte[0], new byte[] {'x'}));
        assertEquals(List.of("1:", "2:x"), listener.take());
    }

    @Test
    void packetAtAnOffsetInsideALargerBuffer()
    {
        final UnsafeBuffer packet = data(1, 2);
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[packet.capacity() + 50]);
        frame.putBytes(42, packet, 0, packet.capacity());
        session.onPacket(frame, 42, packet.capacity(), now);
        assertEquals(messages(1, 2), listener.take());

        session.onPacket(frame, 42, packet.capacity() + 9, now);
        assertEquals(1, session.truncatedPackets(), "a length past the buffer is truncated, not an exception");
    }

    @Test
    void constructorRejectsNonsense()
    {
        assertThrows(IllegalArgumentException.class, () -> new MoldUdp64Session(listener, requester, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new MoldUdp64Session(listener, requester, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new MoldUdp64Session(listener, requester, 1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> session.expectSequence(-1));
    }
}
