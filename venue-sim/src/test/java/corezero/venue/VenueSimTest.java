package corezero.venue;

import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;

import static corezero.venue.MoldUdp64Descriptor.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The assembled feed on its own thread with the system clock: a receiver gets the whole capture, then re-requests
 * from the same socket during the end-of-session linger, as the MoldUDP64 spec's receiver does.
 */
@Timeout(60)
class VenueSimTest
{
    @Test
    void shouldPublishTheCaptureAndAnswerReRequestsDuringTheLinger() throws Exception
    {
        final BinaryFileCapture capture = BinaryFileCapture.load(SharedData.aaplCapture());
        final FeedSettings settings = FeedSettings.defaults()
            .withMessagesPerSecond(50_000)
            .withHeartbeatIntervalNs(TimeUnit.MILLISECONDS.toNanos(50))
            .withEndOfSessionLingerNs(TimeUnit.SECONDS.toNanos(30));

        try (DatagramChannel receiver = LoopbackUdp.bind())
        {
            final VenueSim sim = new VenueSim(
                capture, settings, LoopbackUdp.address(receiver), 0, new SystemNanoClock(), Throwable::printStackTrace);
            try
            {
                publishThenReRequest(capture, settings, receiver, sim);
            }
            finally
            {
                sim.close();
            }

            assertFalse(sim.isComplete(), "closed during the linger");
            assertEquals(10_000, sim.counters().messagesSent.get());
            assertEquals(1, sim.counters().requestsAnswered.get());
            assertEquals(3, sim.counters().messagesRetransmitted.get());
            assertEquals(0, sim.counters().errors.get());
        }
    }

    private static void publishThenReRequest(
        final BinaryFileCapture capture,
        final FeedSettings settings,
        final DatagramChannel receiver,
        final VenueSim sim)
        throws IOException
    {
        assertTrue(sim.rerequestAddress().getAddress().isLoopbackAddress());
        assertNotEquals(0, sim.rerequestAddress().getPort());

        sim.start();
        final FeedCheck feed = new FeedCheck(capture, settings.session())
            .receiveAll(receiver, TimeUnit.SECONDS.toNanos(20));

        assertNull(feed.fault, feed.fault);
        assertEquals(10_000, feed.messages);
        assertEquals(10_001, feed.endOfSessionSequenceNumber);

        final ByteBuffer requestByteBuffer = ByteBuffer.allocateDirect(REQUEST_LENGTH);
        encodeRequest(new UnsafeBuffer(requestByteBuffer), 0, sessionBytes(settings.session()), 9_998, 5);
        receiver.send(requestByteBuffer, sim.rerequestAddress());

        final ByteBuffer answerByteBuffer = ByteBuffer.allocateDirect(MAX_UDP_PAYLOAD_LENGTH);
        final UnsafeBuffer answer = new UnsafeBuffer(answerByteBuffer);
        for (int i = 0; i < 1_000; i++)
        {
            assertNotNull(LoopbackUdp.receive(receiver, answerByteBuffer, () -> {}), "an answer in time");
            if (END_OF_SESSION_MESSAGE_COUNT != messageCount(answer, 0))
            {
                break;
            }
        }

        assertEquals(9_998, sequenceNumber(answer, 0));
        assertEquals(3, messageCount(answer, 0), "9998 to 10000: nothing beyond the last message sent");
        final int thirdBlockOffset = HEADER_LENGTH +
            MESSAGE_LENGTH_FIELD_LENGTH + capture.messageLength(9_997) +
            MESSAGE_LENGTH_FIELD_LENGTH + capture.messageLength(9_998);
        assertEquals(capture.messageLength(9_999), messageLength(answer, thirdBlockOffset));
        assertEquals(thirdBlockOffset + MESSAGE_LENGTH_FIELD_LENGTH + capture.messageLength(9_999),
            answerByteBuffer.limit());
    }
}
