package corezero.venue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class CaptureTimingPacerTest
{
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long MILLISECOND_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long START_NS = 5 * SECOND_NS;

    /** 10:00:00 and then gaps of 10 ms, 0, 30 ms, 1 hour and 5 ms. */
    private static final long T0 = TimeUnit.HOURS.toNanos(10);
    private final BinaryFileCapture capture = TestCaptures.systemEvents(
        T0,
        T0 + 10 * MILLISECOND_NS,
        T0 + 10 * MILLISECOND_NS,
        T0 + 40 * MILLISECOND_NS,
        T0 + 40 * MILLISECOND_NS + TimeUnit.HOURS.toNanos(1),
        T0 + 45 * MILLISECOND_NS + TimeUnit.HOURS.toNanos(1));

    @Test
    void shouldReleaseEachMessageAtItsScaledGapAndNotBefore()
    {
        final CaptureTimingPacer pacer = new CaptureTimingPacer(capture, 10, SECOND_NS, false);
        pacer.start(START_NS);

        assertEquals(1, pacer.available(START_NS, 100), "the first message at once; the next is 1 ms later");
        pacer.consume(1);

        assertEquals(0, pacer.available(START_NS + MILLISECOND_NS - 1, 100));
        assertEquals(2, pacer.available(START_NS + MILLISECOND_NS, 100), "two messages with the same timestamp");
        pacer.consume(2);

        assertEquals(0, pacer.available(START_NS + 4 * MILLISECOND_NS - 1, 100));
        assertEquals(1, pacer.available(START_NS + 4 * MILLISECOND_NS, 100), "30 ms at x10 is 3 ms");
        pacer.consume(1);

        final long afterIdleNs = START_NS + 4 * MILLISECOND_NS + SECOND_NS;
        assertEquals(0, pacer.available(afterIdleNs - 1, 100));
        assertEquals(1, pacer.available(afterIdleNs, 100), "an hour at x10 is capped to the 1 s maximum idle");
        pacer.consume(1);

        assertEquals(0, pacer.available(afterIdleNs + MILLISECOND_NS / 2 - 1, 100));
        assertEquals(1, pacer.available(afterIdleNs + MILLISECOND_NS / 2, 100), "5 ms at x10 is 0.5 ms");
        pacer.consume(1);
        assertEquals(0, pacer.available(afterIdleNs + SECOND_NS, 100), "the capture is over");
    }

    @Test
    void shouldStartPartWayThroughAfterARestart()
    {
        final CaptureTimingPacer pacer = new CaptureTimingPacer(capture, 10, SECOND_NS, false);
        pacer.start(START_NS, 3);

        assertEquals(1, pacer.available(START_NS, 100), "message 3 at once; the next is an hour (capped) later");
        pacer.consume(1);
        assertEquals(0, pacer.available(START_NS + SECOND_NS - 1, 100));
        assertEquals(1, pacer.available(START_NS + SECOND_NS, 100));
        pacer.consume(1);
        assertEquals(1, pacer.available(START_NS + 2 * SECOND_NS, 100), "then the last");
        pacer.consume(1);
        assertEquals(0, pacer.available(START_NS + 3 * SECOND_NS, 100), "three messages were sent before");
    }

    @Test
    void shouldHoldTheScheduleHoweverSeldomItIsPolled()
    {
        final CaptureTimingPacer pacer = new CaptureTimingPacer(capture, 10, SECOND_NS, false);
        pacer.start(START_NS);

        assertEquals(2, pacer.available(START_NS + 99 * MILLISECOND_NS, 2), "no more than the caller can take");
        pacer.consume(2);
        assertEquals(2, pacer.available(START_NS + 99 * MILLISECOND_NS, 100),
            "the third at 1 ms and the fourth at 4 ms are due; the fifth, after the capped hour, is not");
    }

    @Test
    void shouldScaleSlowerThanTheCaptureToo()
    {
        final CaptureTimingPacer pacer = new CaptureTimingPacer(capture, 0.5, TimeUnit.HOURS.toNanos(3), false);
        pacer.start(START_NS);
        pacer.consume(pacer.available(START_NS, 100));

        assertEquals(0, pacer.available(START_NS + 20 * MILLISECOND_NS - 1, 100));
        assertEquals(2, pacer.available(START_NS + 20 * MILLISECOND_NS, 100), "10 ms at half speed is 20 ms");
        pacer.consume(2);
        pacer.consume(pacer.available(START_NS + 80 * MILLISECOND_NS, 100));

        assertEquals(0, pacer.available(START_NS + 80 * MILLISECOND_NS + TimeUnit.HOURS.toNanos(2) - 1, 100));
        assertEquals(1, pacer.available(START_NS + 80 * MILLISECOND_NS + TimeUnit.HOURS.toNanos(2), 100),
            "an hour at half speed is two, within a cap of three");
    }

    @Test
    void shouldRestartTheCaptureWithoutAGapWhenLooping()
    {
        final CaptureTimingPacer pacer = new CaptureTimingPacer(capture, 1_000, 0, true);
        pacer.start(START_NS);

        assertEquals(20, pacer.available(START_NS, 20), "a maximum idle of 0 releases everything at once");
        pacer.consume(20);
        assertEquals(7, pacer.available(START_NS, 7), "and goes on around the capture");
    }

    @Test
    void shouldMoveTheScheduleLaterAfterAStallInsteadOfBursting()
    {
        final BinaryFileCapture evenlySpaced = TestCaptures.systemEvents(
            T0, T0 + MILLISECOND_NS, T0 + 2 * MILLISECOND_NS, T0 + 3 * MILLISECOND_NS, T0 + 400 * MILLISECOND_NS,
            T0 + 401 * MILLISECOND_NS);
        final CaptureTimingPacer pacer = new CaptureTimingPacer(evenlySpaced, 1, SECOND_NS, false);
        pacer.start(START_NS);
        pacer.consume(pacer.available(START_NS, 100));

        final long stalledNs = START_NS + 5 * SECOND_NS;
        assertEquals(3, pacer.available(stalledNs, 100),
            "the three messages within 100 ms of the start go, the 397 ms gap before the fifth is kept");
        pacer.consume(3);
        assertEquals(0, pacer.available(stalledNs + 299 * MILLISECOND_NS - 1, 100), "100 ms back, then 1 + 1 + 397");
        assertEquals(1, pacer.available(stalledNs + 299 * MILLISECOND_NS, 100));
    }

    @Test
    void shouldTreatGapsBackInTimeAndShortMessagesAsNone()
    {
        final BinaryFileCapture backwards = TestCaptures.systemEvents(T0, T0 - SECOND_NS, T0 + MILLISECOND_NS);
        final CaptureTimingPacer pacer = new CaptureTimingPacer(backwards, 1, SECOND_NS, false);
        pacer.start(START_NS);
        assertEquals(2, pacer.available(START_NS, 100));
        assertEquals(0, pacer.wallGapNs(0, 1));
        assertEquals(MILLISECOND_NS, pacer.wallGapNs(0, 2));
        assertEquals(SECOND_NS, pacer.wallGapNs(1, 2), "1.001 s capped");

        final byte[] tooShort = { 0, 3, 'o', 'n', 'e', 0, 3, 't', 'w', 'o' };
        final BinaryFileCapture untimed = BinaryFileCapture.index("untimed", new UnsafeBuffer(tooShort), tooShort.length);
        final CaptureTimingPacer untimedPacer = new CaptureTimingPacer(untimed, 1, SECOND_NS, false);
        untimedPacer.start(START_NS);
        assertEquals(2, untimedPacer.available(START_NS, 100));
    }

    @Test
    void shouldRejectSpeedsAndCapsOutOfRange()
    {
        assertThrows(IllegalArgumentException.class, () -> new CaptureTimingPacer(capture, 0, SECOND_NS, false));
        assertThrows(IllegalArgumentException.class, () -> new CaptureTimingPacer(capture, Double.NaN, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new CaptureTimingPacer(capture, 2e6, SECOND_NS, false));
        assertThrows(IllegalArgumentException.class, () -> new CaptureTimingPacer(capture, 1, -1, false));
    }
}
