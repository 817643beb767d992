package corezero.itch;

import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over a million random and mutated packets thrown at {@link MoldUdp64Session} and, through it, at
 * {@link ItchDecoder}: nothing throws, messages come out in strictly increasing sequence order, and the counters
 * add up. Each try is a seeded simulated feed ({@link FeedDriver}) of 5,000 steps with its own loss, duplication,
 * reordering, answer loss, recovery buffer size and corruption; jqwik reports the seed of any failing try.
 */
class MoldUdp64FuzzTest
{
    private static final int TRIES = 250;
    private static final int STEPS_PER_TRY = 6_000;
    private static final AtomicLong PACKETS = new AtomicLong();

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.MIXIN)
    void sessionAndDecoderSurviveImpairedAndCorruptedFeeds(
        @ForAll final long seed,
        @ForAll @IntRange(min = 0, max = 3) final int corruption,
        @ForAll @IntRange(min = 0, max = 64 * 1024) final int recoveryBufferBytes,
        @ForAll @IntRange(min = 0, max = 4) final int maxRetries,
        @ForAll @IntRange(min = 0, max = 50) final int lossPercent)
    {
        final int corruptKinds = 0 == corruption ? 0 :
            1 == corruption ? FeedDriver.CORRUPT_FRAMING : FeedDriver.CORRUPT_ALL;
        final double corruptRate = 0 == corruption ? 0 : 3 == corruption ? 0.3 : 0.02;
        final FeedDriver driver = new FeedDriver(seed, recoveryBufferBytes, 1_000, maxRetries,
            lossPercent / 100.0, 0.05, 0.05, 0.05, corruptRate, corruptKinds, 0.2, 30);
        for (int i = 0; i < STEPS_PER_TRY; i++)
        {
            driver.step();
        }
        driver.finish();

        final MoldUdp64Session session = driver.session;
        PACKETS.addAndGet(session.packets());
        assertTrue(session.packets() >= STEPS_PER_TRY * (1 - lossPercent / 100.0) * 0.9, "packets " +
            session.packets());

        assertEquals(0, driver.orderViolations, "out of order or mismatched recovery");
        assertEquals(driver.delivered, session.messages());
        assertEquals(driver.gapCalls, session.gapsDetected());
        assertEquals(driver.recoveredCalls, session.gapsRecovered());
        assertEquals(session.gapsDetected(),
            session.gapsRecovered() + session.gapsUnrecoverable() + (session.isRecovering() ? 1 : 0));
        assertTrue(session.recoveryBufferOverflows() <= session.gapsUnrecoverable(), "each overflow gives a gap up");
        assertTrue(driver.lastDelivered < session.expectedSequence() || 0 == driver.delivered);
        assertTrue(session.retransmitRequests() <= driver.requestsSeen);
        assertEquals(0, driver.badRequests, "every request is 20 bytes");
        assertTrue(session.heartbeats() + session.endOfSessionPackets() + session.sessionMismatches() +
            session.badSequenceNumbers() + session.oldPacketsDropped() <= session.packets());
        assertEquals(driver.packetsSent, session.packets());

        final ItchDecoder decoder = driver.decoder;
        assertEquals(session.messages(),
            decoder.decoded() + decoder.unknownTypes() + decoder.badLengths() + decoder.empties(),
            "every delivered message decoded or rejected once");

        if (0 == corruption)
        {
            assertEquals(0, driver.payloadMismatches, "a clean feed delivers the capture's bytes");
            assertEquals(0, session.truncatedPackets() + session.badBlockLengths() + session.sessionMismatches() +
                session.badSequenceNumbers());
            assertEquals(session.messages(), decoder.decoded(), "real messages all decode");
            assertTrue(!session.isRecovering(), "a clean feed answered in full ends recovered");
            if (0 == session.gapsUnrecoverable())
            {
                assertEquals(driver.nextSequence - 1, session.messages(), "nothing lost without a gap given up");
                assertEquals(driver.nextSequence, session.expectedSequence());
            }
        }
    }

    @Property(tries = 3_000)
    void arbitraryBytesNeverThrow(
        @ForAll @Size(max = 200) final byte[] bytes,
        @ForAll @IntRange(min = 0, max = 8) final int offset)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[bytes.length + offset]);
        buffer.putBytes(offset, bytes);
        final RecordingMoldListener listener = new RecordingMoldListener();
        final MoldUdp64Session session = new MoldUdp64Session(listener, new RecordingRequester(), 256, 10, 1);
        session.onPacket(MoldPackets.data(1, 1), 0, MoldPackets.data(1, 1).capacity(), 0);
        session.onPacket(buffer, offset, bytes.length, 1);
        session.onPacket(buffer, offset, bytes.length, 2);
        session.onTimer(100);
        session.onTimer(200);
        PACKETS.addAndGet(session.packets());
        assertEquals(3, session.packets());

        final ItchDecoder decoder = new ItchDecoder();
        final int result = decoder.decode(buffer, offset, bytes.length, new RecordingHandler());
        if (0 == bytes.length)
        {
            assertEquals(ItchDecoder.EMPTY, result);
        }
        else if (!ItchMessageType.isKnown(bytes[0]))
        {
            assertEquals(ItchDecoder.UNKNOWN_TYPE, result);
        }
        else
        {
            assertEquals(ItchMessageType.length(bytes[0]) == bytes.length ? ItchDecoder.OK : ItchDecoder.BAD_LENGTH,
                result);
        }
    }

    @Property(tries = 3_000)
    void mutatedRealMessagesDecodeToTheRightResult(
        @ForAll @IntRange(min = 0, max = 9_999) final int index,
        @ForAll @IntRange(min = -3, max = 3) final int lengthChange,
        @ForAll final byte newType,
        @ForAll final boolean changeType)
    {
        final SharedCapture capture = SharedCapture.load();
        final byte[] message = java.util.Arrays.copyOf(capture.message(index), capture.length(index) + 3);
        final int length = capture.length(index) + lengthChange;
        if (changeType)
        {
            message[0] = newType;
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(message);
        final RecordingHandler handler = new RecordingHandler();
        final int result = new ItchDecoder().decode(buffer, 0, length, handler);

        final int expected = 0 == length ? ItchDecoder.EMPTY :
            !ItchMessageType.isKnown(message[0]) ? ItchDecoder.UNKNOWN_TYPE :
            ItchMessageType.length(message[0]) != length ? ItchDecoder.BAD_LENGTH : ItchDecoder.OK;
        assertEquals(expected, result);
        assertEquals(ItchDecoder.OK == result ? 1 : 0, handler.calls);
    }

    @AfterContainer
    static void atLeastAMillionPackets()
    {
        assertTrue(PACKETS.get() >= 1_000_000, "packets thrown at the session: " + PACKETS.get());
    }
}
