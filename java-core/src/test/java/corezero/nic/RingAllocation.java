package corezero.nic;

import org.agrona.DirectBuffer;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures the bytes a step allocates on this thread (ThreadMXBean) after warm-up rounds, for the ring
 * transports' allocation tests: the step plays the fake kernel and the poller in turn, so everything it runs
 * is counted.
 */
final class RingAllocation
{
    static final int WARM_UP_ROUNDS = 4;
    static final int ROUNDS_MEASURED = 4;
    static final int STEPS_PER_ROUND = 100_000;

    private RingAllocation()
    {
    }

    /** One duty cycle of the test: kernel receives, poll, send, kernel transmits. */
    interface Step
    {
        void run(int i);
    }

    /** @return bytes allocated over the measured rounds. */
    static long measure(final Step step)
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        for (int round = 0; round < WARM_UP_ROUNDS; round++)
        {
            runRound(step);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < ROUNDS_MEASURED; round++)
        {
            runRound(step);
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static void runRound(final Step step)
    {
        for (int i = 0; i < STEPS_PER_ROUND; i++)
        {
            step.run(i);
        }
    }

    /** Reads every frame's first and last bytes, as a decoder would, into fields. */
    static final class SummingHandler implements FrameHandler
    {
        long frames;
        long checksum;

        public void onFrame(final DirectBuffer buffer, final int offset, final int length)
        {
            frames++;
            checksum += buffer.getByte(offset) + buffer.getByte(offset + length - 1);
        }
    }
}
