package corezero.nic;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A publisher that restarts, cleanly or after dying in the middle of a frame, continues the same ring; the
 * consumer keeps its mapping and simply goes on polling. Dying mid-frame is reproduced by claiming space in the
 * ring file directly, as Agrona's writer does, and never committing it.
 */
class SharedMemoryRestartTest
{
    private static final int CAPACITY = 8192;
    private static final int FRAME = 1000;
    private static final int WRAPPING_FRAME = 200;
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    @TempDir
    Path dir;

    @Test
    void aCleanRestartContinuesTheRing()
    {
        final Path file = dir.resolve("clean.ring");
        final List<Long> received = new ArrayList<>();
        try (SharedMemoryTransport transport = openAfter(file, 3))
        {
            try (SharedMemoryPublisher second = SharedMemoryPublisher.create(file, CAPACITY))
            {
                assertEquals(2, second.publisherStarts());
                assertEquals(0, second.bytesRecovered());
                offer(second, 3, 5);
            }
            drain(transport, received, 5);
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), received);
    }

    @Test
    void aRestartedConsumerContinuesWhereTheLastOneStopped()
    {
        final Path file = dir.resolve("consumer.ring");
        final List<Long> received = new ArrayList<>();
        try (SharedMemoryPublisher publisher = SharedMemoryPublisher.create(file, CAPACITY))
        {
            offer(publisher, 0, 5);
            try (SharedMemoryTransport first = SharedMemoryTransport.open(file))
            {
                drain(first, received, 2, 1);
            }
            try (SharedMemoryTransport second = SharedMemoryTransport.open(file))
            {
                drain(second, received, 5);
                assertEquals(3, second.framesReceived());
            }
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), received);
    }

    @Test
    void aFrameLeftHalfWrittenIsDroppedAndTheRingGoesOn()
    {
        recoversFrom(Crash.LENGTH_NEGATIVE, 1, align(FRAME + RecordDescriptor.HEADER_LENGTH));
    }

    @Test
    void aClaimWithNoRecordHeaderYetIsDroppedAndTheRingGoesOn()
    {
        recoversFrom(Crash.LENGTH_ZERO, 1, align(FRAME + RecordDescriptor.HEADER_LENGTH));
    }

    @Test
    void aClaimThatWrappedIsDroppedWithItsPadding()
    {
        // Eight 1000 byte frames (1008 byte records) leave 128 bytes before the end: a 200 byte frame's claim is
        // padding there and the record at the start.
        recoversFrom(Crash.WRAPPED_PADDING_COMMITTED, 8, align(WRAPPING_FRAME + RecordDescriptor.HEADER_LENGTH));
        recoversFrom(Crash.WRAPPED_PADDING_UNWRITTEN, 8,
            128 + align(WRAPPING_FRAME + RecordDescriptor.HEADER_LENGTH));
    }

    @Test
    void theConsumerPollingThroughoutSeesEveryCommittedFrameOnce() throws InterruptedException
    {
        final Path file = dir.resolve("live.ring");
        final List<Long> received = new ArrayList<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final SharedMemoryPublisher first = SharedMemoryPublisher.create(file, CAPACITY);
        final SharedMemoryTransport transport = SharedMemoryTransport.open(file);
        final int total = 2_000;
        final Thread consumer = new Thread(() ->
        {
            try
            {
                drain(transport, received, total);
            }
            catch (final Throwable t)
            {
                failure.set(t);
            }
        }, "shm-restart-consumer");
        consumer.start();

        // Each life publishes its share, then dies mid-frame; the next one takes over.
        SharedMemoryPublisher publisher = first;
        for (int life = 0; life < 10; life++)
        {
            offer(publisher, life * 200L, life * 200L + 200);
            publisher.close();
            if (life < 9)
            {
                crash(file, Crash.LENGTH_NEGATIVE, 100);
                publisher = SharedMemoryPublisher.create(file, CAPACITY);
                assertEquals(life + 2, publisher.publisherStarts());
            }
        }
        consumer.join(TimeUnit.NANOSECONDS.toMillis(TIMEOUT_NS) + 5_000);
        transport.close();

        assertNull(failure.get());
        assertEquals(total, received.size());
        for (int i = 0; i < total; i++)
        {
            assertEquals(i, received.get(i));
        }
    }

    private void recoversFrom(final Crash crash, final int framesBefore, final int expectedBytesRecovered)
    {
        final Path file = dir.resolve(crash.name() + ".ring");
        final List<Long> received = new ArrayList<>();
        try (SharedMemoryTransport transport = openAfter(file, framesBefore))
        {
            drain(transport, received, framesBefore);
            crash(file, crash, crash == Crash.LENGTH_NEGATIVE || crash == Crash.LENGTH_ZERO ? FRAME : WRAPPING_FRAME);
            for (int i = 0; i < 1000; i++)
            {
                assertEquals(0, transport.poll((buffer, offset, length) -> { }, 16), "stuck on the dead claim");
            }

            try (SharedMemoryPublisher second = SharedMemoryPublisher.create(file, CAPACITY))
            {
                assertEquals(expectedBytesRecovered, second.bytesRecovered(), crash.name());
                offer(second, framesBefore, framesBefore + 6);
            }
            drain(transport, received, framesBefore + 6);
            assertEquals(framesBefore + 6, transport.framesReceived());
            assertEquals(0, transport.recordsSkipped());
        }
        for (int i = 0; i < received.size(); i++)
        {
            assertEquals(i, received.get(i), crash.name());
        }
    }

    /** A publisher creates the file, offers {@code frames} frames and closes; the consumer opens it. */
    private static SharedMemoryTransport openAfter(final Path file, final int frames)
    {
        try (SharedMemoryPublisher first = SharedMemoryPublisher.create(file, CAPACITY))
        {
            assertEquals(1, first.publisherStarts());
            offer(first, 0, frames);
        }
        return SharedMemoryTransport.open(file);
    }

    private static void offer(final SharedMemoryPublisher publisher, final long from, final long to)
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[FRAME]);
        final long deadlineNs = System.nanoTime() + TIMEOUT_NS;
        for (long sequence = from; sequence < to; sequence++)
        {
            TestFrames.fill(frame, 0, sequence, FRAME);
            while (!publisher.offer(frame, 0, FRAME))
            {
                assertTrue(System.nanoTime() - deadlineNs < 0, "ring stayed full");
                Thread.yield();
            }
        }
    }

    private static void drain(final SharedMemoryTransport transport, final List<Long> received, final int expected)
    {
        drain(transport, received, expected, 16);
    }

    private static void drain(
        final SharedMemoryTransport transport, final List<Long> received, final int expected, final int limit)
    {
        final FrameHandler handler = (buffer, offset, length) ->
        {
            final long sequence = received.size();
            assertNull(TestFrames.mismatch(buffer, offset, length, sequence, FRAME));
            received.add(sequence);
        };
        final long deadlineNs = System.nanoTime() + TIMEOUT_NS;
        while (received.size() < expected && System.nanoTime() - deadlineNs < 0)
        {
            if (0 == transport.poll(handler, limit))
            {
                Thread.yield();
            }
        }
        assertEquals(expected, received.size());
    }

    private enum Crash
    {
        LENGTH_NEGATIVE, LENGTH_ZERO, WRAPPED_PADDING_COMMITTED, WRAPPED_PADDING_UNWRITTEN
    }

    /** Claim {@code length} bytes as a publisher would, write half the frame, and never commit it. */
    private static void crash(final Path file, final Crash crash, final int length)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size());
            try
            {
                final UnsafeBuffer buffer = new UnsafeBuffer(mapped, SharedMemoryDescriptor.HEADER_LENGTH,
                    CAPACITY + RingBufferDescriptor.TRAILER_LENGTH);
                final OneToOneRingBuffer ring = new OneToOneRingBuffer(buffer);
                final long deadlineNs = System.nanoTime() + TIMEOUT_NS;
                long tailBefore;
                int index;
                do
                {
                    // A consumer polling meanwhile makes room; a failed claim at the end leaves padding there.
                    tailBefore = ring.producerPosition();
                    index = ring.tryClaim(SharedMemoryDescriptor.FRAME_MSG_TYPE_ID, length);
                    assertTrue(System.nanoTime() - deadlineNs < 0, "no room to claim");
                }
                while (index < 0);
                buffer.setMemory(index, length / 2, (byte)0x66);
                final int recordIndex = index - RecordDescriptor.HEADER_LENGTH;
                final int tailIndex = (int)tailBefore & (CAPACITY - 1);
                switch (crash)
                {
                    case LENGTH_ZERO:
                        buffer.putInt(RecordDescriptor.lengthOffset(recordIndex), 0);
                        break;
                    case WRAPPED_PADDING_COMMITTED:
                        assertEquals(0, recordIndex, "the claim wrapped");
                        break;
                    case WRAPPED_PADDING_UNWRITTEN:
                        assertEquals(0, recordIndex, "the claim wrapped");
                        buffer.putLong(tailIndex, 0L);
                        break;
                    default:
                        break;
                }
            }
            finally
            {
                IoUtil.unmap(mapped);
            }
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static int align(final int length)
    {
        return (length + RecordDescriptor.ALIGNMENT - 1) & -RecordDescriptor.ALIGNMENT;
    }
}
