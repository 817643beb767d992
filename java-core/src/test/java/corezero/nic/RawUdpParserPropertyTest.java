package corezero.nic;

import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random bytes, and valid frames with random mutations (bytes flipped or overwritten, the length cut or extended,
 * sometimes with the checksums repaired so that the later checks are reached), through {@link RawUdpParser}:
 * <ul>
 *     <li>it never throws, and every result is a {@link RawUdpReason} code;</li>
 *     <li>an accepted frame's payload lies inside the frame;</li>
 *     <li>an unmutated frame is accepted;</li>
 *     <li>the parser's counters equal the test's tally of results, and add up to the frames parsed.</li>
 * </ul>
 */
class RawUdpParserPropertyTest
{
    private static final int FRAMES_PER_TRY = 200;
    private static final AtomicLongArray OUTCOMES = new AtomicLongArray(RawUdpReason.COUNT);

    @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
    void randomBytesNeverThrow(
        @ForAll @Size(max = 128) final byte[] bytes,
        @ForAll @IntRange(min = 0, max = 16) final int offset,
        @ForAll final boolean anyDestination)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[offset + bytes.length]);
        buffer.putBytes(offset, bytes);
        final RawUdpParser parser = anyDestination ?
            new RawUdpParser(RawUdpParser.ANY, RawUdpParser.ANY) : RawUdpFrames.parser();
        final long[] tally = new long[RawUdpReason.COUNT];
        for (int length = 0; length <= bytes.length; length++)
        {
            check(parser, buffer, offset, length, tally);
        }
        verifyCounters(parser, tally);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void mutatedFramesNeverThrowAndCountersAddUp(@ForAll final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final UnsafeBuffer buffer = RawUdpFrames.buffer();
        final RawUdpParser parser = RawUdpFrames.parser();
        final long[] tally = new long[RawUdpReason.COUNT];
        for (int i = 0; i < FRAMES_PER_TRY; i++)
        {
            final RawUdpBuilder builder = RawUdpFrames.builder().udpChecksum(random.nextInt(4) != 0);
            final int tags = random.nextInt(3);
            if (1 == tags)
            {
                builder.vlan(random.nextInt(0x10000));
            }
            else if (2 == tags)
            {
                builder.vlans(random.nextInt(0x10000), random.nextInt(0x10000));
            }
            final int offset = random.nextInt(64);
            final int payloadLength = random.nextInt(4) == 0 ? random.nextInt(1473) : random.nextInt(40);
            for (int b = 0; b < payloadLength; b++)
            {
                buffer.putByte(offset + builder.headersLength() + b, (byte)random.nextInt());
            }
            final int frameLength = builder.encode(buffer, offset, payloadLength);

            final int mutations = random.nextInt(4);
            int length = frameLength;
            for (int m = 0; m < mutations; m++)
            {
                length = mutate(random, buffer, offset, length, builder.headersLength());
            }
            if (mutations > 0 && random.nextBoolean())
            {
                final int ip = offset + 14 + 4 * tags;
                RawUdpFrames.fixIpChecksum(buffer, ip);
            }
            final int result = check(parser, buffer, offset, length, tally);
            if (0 == mutations)
            {
                assertEquals(RawUdpReason.OK, result, "unmutated frame");
                assertEquals(payloadLength, parser.payloadLength());
            }
        }
        verifyCounters(parser, tally);
    }

    @AfterContainer
    static void commonOutcomesWereReached()
    {
        for (final int reason : new int[]{RawUdpReason.OK, RawUdpReason.TRUNCATED, RawUdpReason.NOT_IPV4,
            RawUdpReason.BAD_IP_HEADER, RawUdpReason.BAD_IP_CHECKSUM, RawUdpReason.BAD_UDP_CHECKSUM})
        {
            assertTrue(OUTCOMES.get(reason) > 0, "never reached: " + RawUdpReason.describe(reason));
        }
    }

    private static int mutate(
        final SplittableRandom random, final UnsafeBuffer buffer, final int offset, final int length,
        final int headersLength)
    {
        switch (random.nextInt(5))
        {
            case 0:
                return Math.max(0, length - 1 - random.nextInt(Math.max(1, length)));
            case 1:
            {
                final int extended = Math.min(buffer.capacity() - offset, length + 1 + random.nextInt(64));
                for (int i = offset + length; i < offset + extended; i++)
                {
                    buffer.putByte(i, (byte)random.nextInt());
                }
                return extended;
            }
            case 2:
            {
                // Headers are where the checks are: aim there most of the time.
                final int index = offset + random.nextInt(Math.max(1, Math.min(length, headersLength)));
                buffer.putByte(index, (byte)(buffer.getByte(index) ^ (1 << random.nextInt(8))));
                return length;
            }
            case 3:
            {
                final int index = offset + random.nextInt(Math.max(1, length));
                buffer.putByte(index, (byte)random.nextInt());
                return length;
            }
            default:
            {
                final int index = offset + random.nextInt(Math.max(1, Math.min(length, headersLength)));
                buffer.putByte(index, (byte)(random.nextBoolean() ? 0 : 0xFF));
                return length;
            }
        }
    }

    private static int check(
        final RawUdpParser parser, final UnsafeBuffer buffer, final int offset, final int length, final long[] tally)
    {
        final int result = parser.parse(buffer, offset, length);
        assertTrue(result >= 0 && result < RawUdpReason.COUNT, "result " + result);
        tally[result]++;
        OUTCOMES.incrementAndGet(result);
        if (RawUdpReason.OK == result)
        {
            assertTrue(parser.payloadOffset() >= offset + RawUdpDescriptor.MIN_HEADERS_LENGTH);
            assertTrue(parser.payloadLength() >= 0);
            assertTrue(parser.payloadOffset() + parser.payloadLength() <= offset + length);
        }
        return result;
    }

    private static void verifyCounters(final RawUdpParser parser, final long[] tally)
    {
        long total = 0;
        for (int reason = 0; reason < RawUdpReason.COUNT; reason++)
        {
            assertEquals(tally[reason], parser.count(reason), RawUdpReason.describe(reason));
            total += tally[reason];
        }
        assertEquals(total, parser.frames());
    }
}
