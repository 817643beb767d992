package corezero.telemetry;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DutyCycleTrackerTest
{
    @Test
    void tracksMaximumAndCountsStallsAboveThreshold()
    {
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(4 * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(4 * CountersReader.COUNTER_LENGTH)));
        final AtomicCounter max = manager.newCounter("max");
        final AtomicCounter stalls = manager.newCounter("stalls");
        final DutyCycleTracker tracker = new DutyCycleTracker(max, stalls, 1_000);

        tracker.update(10_000);
        assertEquals(0, max.get(), "the first cycle only sets the reference time");
        tracker.update(10_500);
        tracker.update(12_000);
        tracker.update(12_100);
        tracker.update(15_100);
        assertEquals(3_000, max.get());
        assertEquals(2, stalls.get());

        tracker.resetMax();
        tracker.update(15_200);
        assertEquals(100, max.get());
    }
}
