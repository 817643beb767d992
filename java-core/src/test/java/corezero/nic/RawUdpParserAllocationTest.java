package corezero.nic;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parsing (accepted frames and every kind of reject) and encoding allocate nothing after warm-up, measured with
 * this thread's own allocation counter (ThreadMXBean).
 */
class RawUdpParserAllocationTest
{
    private static final int WARM_UP_ROUNDS = 4;
    private static final int ROUNDS_MEASURED = 4;
    private static final int FRAMES_PER_ROUND = 250_000;

    @Test
    void parseAndEncodeAllocateNothingAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        final RawUdpBuilder builder = RawUdpFrames.builder().vlan(100);
        final RawUdpParser parser = RawUdpFrames.parser();
        final UnsafeBuffer[] frames = new UnsafeBuffer[4];
        final int[] lengths = new int[frames.length];
        for (int i = 0; i < frames.length; i++)
        {
            frames[i] = RawUdpFrames.buffer();
            lengths[i] = RawUdpFrames.frame(builder, frames[i], 1 + 200 * i);
        }
        frames[1].putByte(18 + 10, (byte)(frames[1].getByte(18 + 10) ^ 1));
        frames[2].putByte(lengths[2] - 1, (byte)(frames[2].getByte(lengths[2] - 1) ^ 1));
        lengths[3] -= 5;

        long sink = 0;
        for (int round = 0; round < WARM_UP_ROUNDS; round++)
        {
            sink += run(builder, parser, frames, lengths);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < ROUNDS_MEASURED; round++)
        {
            sink += run(builder, parser, frames, lengths);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        final long frameCount = (long)ROUNDS_MEASURED * FRAMES_PER_ROUND;
        assertEquals(0L, allocated, "bytes allocated over " + frameCount + " parses and encodes");
        assertEquals((long)(WARM_UP_ROUNDS + ROUNDS_MEASURED) * FRAMES_PER_ROUND, parser.frames());
        assertEquals(parser.frames() / 4, parser.count(RawUdpReason.OK));
        assertEquals(parser.frames() / 4, parser.count(RawUdpReason.BAD_IP_CHECKSUM));
        assertEquals(parser.frames() / 4, parser.count(RawUdpReason.BAD_UDP_CHECKSUM));
        assertEquals(parser.frames() / 4, parser.count(RawUdpReason.TRUNCATED));
        System.out.println("RawUdpParserAllocationTest: " + frameCount + " parses and encodes, 0 bytes (" +
            sink + ")");
    }

    private static long run(
        final RawUdpBuilder builder, final RawUdpParser parser, final UnsafeBuffer[] frames, final int[] lengths)
    {
        long sum = 0;
        for (int i = 0; i < FRAMES_PER_ROUND; i++)
        {
            final int which = i & 3;
            if (0 == which)
            {
                builder.identification(i);
                lengths[0] = builder.encode(frames[0], 0, 1);
            }
            sum += parser.parse(frames[which], 0, lengths[which]) + parser.payloadLength();
        }
        return sum;
    }
}
