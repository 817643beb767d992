package corezero.nic;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared-memory transport with its publisher: a million frames across threads, the poll contract, and a
 * clear error for every file that cannot be opened.
 */
class SharedMemoryTransportTest
{
    private static final int RING_CAPACITY = 1 << 20;
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(120);

    @TempDir
    Path dir;

    @Test
    void aMillionFramesOfVaryingSizesArriveInOrderWithExactContents() throws InterruptedException
    {
        final int frameCount = 1_000_000;
        final Path file = dir.resolve("feed.ring");
        final SharedMemoryPublisher publisher = SharedMemoryPublisher.create(file, RING_CAPACITY);
        final SharedMemoryTransport transport = SharedMemoryTransport.open(file);
        final int maxFrame = 4096;
        final AtomicLong received = new AtomicLong();
        final AtomicReference<String> mismatch = new AtomicReference<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        final Thread consumer = new Thread(() ->
        {
            final long[] next = new long[1];
            final DirectBuffer[] ringBuffer = new DirectBuffer[1];
            final FrameHandler handler = (buffer, offset, length) ->
            {
                if (null == ringBuffer[0])
                {
                    ringBuffer[0] = buffer;
                }
                final long sequence = next[0]++;
                final String difference = buffer != ringBuffer[0] ? "frame " + sequence + " not in the ring" :
                    TestFrames.mismatch(buffer, offset, length, sequence, TestFrames.length(sequence, maxFrame));
                if (null != difference && null == mismatch.get())
                {
                    mismatch.set(difference);
                }
            };
            try
            {
                final long deadlineNs = System.nanoTime() + TIMEOUT_NS;
                while (next[0] < frameCount && System.nanoTime() - deadlineNs < 0)
                {
                    if (0 == transport.poll(handler, 64))
                    {
                        Thread.yield();
                    }
                }
                received.set(next[0]);
            }
            catch (final Throwable t)
            {
                failure.set(t);
            }
        }, "shm-test-consumer");
        consumer.start();

        final UnsafeBuffer frame = new UnsafeBuffer(ByteBuffer.allocateDirect(maxFrame));
        final long deadlineNs = System.nanoTime() + TIMEOUT_NS;
        long fullRing = 0;
        for (int i = 0; i < frameCount && System.nanoTime() - deadlineNs < 0; i++)
        {
            final int length = TestFrames.length(i, maxFrame);
            TestFrames.fill(frame, 0, i, length);
            while (!publisher.offer(frame, 0, length) && System.nanoTime() - deadlineNs < 0)
            {
                fullRing++;
                Thread.yield();
            }
        }
        consumer.join(TimeUnit.NANOSECONDS.toMillis(TIMEOUT_NS) + 10_000);

        try
        {
            assertNull(failure.get());
            assertNull(mismatch.get());
            assertEquals(frameCount, received.get());
            assertEquals(frameCount, transport.framesReceived());
            assertEquals(0, transport.recordsSkipped());
            System.out.println("SharedMemoryTransportTest: " + frameCount + " frames, ring full " + fullRing +
                " times on offer");
        }
        finally
        {
            transport.close();
            publisher.close();
        }
    }

    @Test
    void pollRespectsTheLimitAndIsZeroWhenIdle()
    {
        final Path file = dir.resolve("limit.ring");
        try (SharedMemoryPublisher publisher = SharedMemoryPublisher.create(file, 4096);
            SharedMemoryTransport transport = SharedMemoryTransport.open(file))
        {
            assertEquals("shm " + file, transport.description());
            assertEquals(4096, transport.ringCapacity());
            assertEquals(512, publisher.maxFrameLength());
            assertEquals(1, publisher.publisherStarts());

            final int[] calls = new int[1];
            final FrameHandler handler = (buffer, offset, length) -> calls[0]++;
            for (int i = 0; i < 1000; i++)
            {
                assertEquals(0, transport.poll(handler, 16));
            }

            final UnsafeBuffer frame = new UnsafeBuffer(new byte[512]);
            for (int i = 0; i < 10; i++)
            {
                TestFrames.fill(frame, 0, i, 40);
                assertTrue(publisher.offer(frame, 0, 40));
            }
            assertTrue(publisher.offer(frame, 0, 0), "an empty frame is a frame");
            assertTrue(publisher.offer(frame, 0, 512), "the largest frame");

            assertEquals(0, transport.poll(handler, 0));
            assertEquals(3, transport.poll(handler, 3));
            assertEquals(3, calls[0]);
            assertEquals(3, transport.poll(handler, 3));
            assertEquals(3, transport.poll(handler, 3));
            assertEquals(3, transport.poll(handler, 3));
            assertEquals(0, transport.poll(handler, 3));
            assertEquals(12, calls[0]);
            assertEquals(12, transport.framesReceived());

            assertThrows(IllegalArgumentException.class, () -> publisher.offer(frame, 0, 513));
        }
    }

    @Test
    void offerReturnsFalseWhenTheRingIsFull()
    {
        final Path file = dir.resolve("full.ring");
        try (SharedMemoryPublisher publisher = SharedMemoryPublisher.create(file, 4096);
            SharedMemoryTransport transport = SharedMemoryTransport.open(file))
        {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[100]);
            int offered = 0;
            while (publisher.offer(frame, 0, 100))
            {
                offered++;
            }
            assertTrue(offered > 30 && offered < 4096 / 100, "offered " + offered);
            assertEquals(offered, transport.poll((buffer, offset, length) -> { }, Integer.MAX_VALUE));
            assertTrue(publisher.offer(frame, 0, 100), "room again once consumed");
        }
    }

    @Test
    void framesAreHandedOverInPlaceInTheMapping()
    {
        final Path file = dir.resolve("inplace.ring");
        try (SharedMemoryPublisher publisher = SharedMemoryPublisher.create(file, 4096);
            SharedMemoryTransport transport = SharedMemoryTransport.open(file))
        {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[64]);
            TestFrames.fill(frame, 0, 7, 64);
            assertTrue(publisher.offer(frame, 0, 64));
            assertTrue(publisher.offer(frame, 0, 64));

            final DirectBuffer[] buffers = new DirectBuffer[2];
            final int[] offsets = new int[2];
            final int[] count = new int[1];
            transport.poll((buffer, offset, length) ->
            {
                buffers[count[0]] = buffer;
                offsets[count[0]++] = offset;
            }, 2);

            assertEquals(2, count[0]);
            assertSame(buffers[0], buffers[1]);
            // Records follow each other in the ring: the second frame is 64 bytes + an 8 byte header later.
            assertEquals(offsets[0] + 72, offsets[1]);
            assertEquals(4096 + org.agrona.concurrent.ringbuffer.RingBufferDescriptor.TRAILER_LENGTH,
                buffers[0].capacity(), "the handler sees the ring itself");
        }
    }

    @Test
    void openingAMissingFileSaysThePublisherCreatesIt()
    {
        final Path file = dir.resolve("absent.ring");
        final IllegalStateException ex =
            assertThrows(IllegalStateException.class, () -> SharedMemoryTransport.open(file));
        assertEquals("no shared-memory frame ring at " + file + ": the publisher creates it, is it running with " +
            "that path?", ex.getMessage());
    }

    @Test
    void openingAForeignFileSaysSo() throws IOException
    {
        final Path text = dir.resolve("notes.txt");
        Files.writeString(text, "x".repeat(10_000));
        assertEquals(text + " is not a corezero shared-memory frame ring (magic 0x7878787878787878, expected 0x" +
            Long.toHexString(SharedMemoryDescriptor.MAGIC) + ")",
            assertThrows(IllegalStateException.class, () -> SharedMemoryTransport.open(text)).getMessage());

        final Path tiny = dir.resolve("tiny");
        Files.write(tiny, new byte[10]);
        assertTrue(assertThrows(IllegalStateException.class, () -> SharedMemoryTransport.open(tiny)).getMessage()
            .contains("is 10 bytes, shorter than its header"));

        final Path zeros = dir.resolve("zeros");
        Files.write(zeros, new byte[8192]);
        assertTrue(assertThrows(IllegalStateException.class, () -> SharedMemoryTransport.open(zeros)).getMessage()
            .contains("has no header yet"));
    }

    @Test
    void openingAnotherLayoutVersionSaysWhichVersions() throws IOException
    {
        final Path file = dir.resolve("v99.ring");
        SharedMemoryPublisher.create(file, 4096).close();
        patchInt(file, SharedMemoryDescriptor.VERSION_OFFSET, 99);

        assertEquals("shared-memory frame ring " + file + " has layout version 99, this build reads version " +
            SharedMemoryDescriptor.VERSION + ": run publisher and consumer from the same release",
            assertThrows(IllegalStateException.class, () -> SharedMemoryTransport.open(file)).getMessage());
        assertThrows(IllegalStateException.class, () -> SharedMemoryPublisher.create(file, 4096),
            "a publisher does not take over another version either");
    }

    @Test
    void openingATruncatedFileSaysSo() throws IOException
    {
        final Path file = dir.resolve("cut.ring");
        SharedMemoryPublisher.create(file, 8192).close();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(SharedMemoryDescriptor.fileLength(4096));
        }
        assertTrue(assertThrows(IllegalStateException.class, () -> SharedMemoryTransport.open(file)).getMessage()
            .endsWith("its ring capacity of 8192 needs " + SharedMemoryDescriptor.fileLength(8192) +
                ": truncated or corrupt"));
    }

    @Test
    void aSecondConsumerOrPublisherIsRefused()
    {
        final Path file = dir.resolve("taken.ring");
        try (SharedMemoryPublisher publisher = SharedMemoryPublisher.create(file, 4096);
            SharedMemoryTransport transport = SharedMemoryTransport.open(file))
        {
            assertEquals("shared-memory frame ring " + file + " already has a consumer (a one-to-one ring takes " +
                "one of each)", assertThrows(IllegalStateException.class,
                () -> SharedMemoryTransport.open(file)).getMessage());
            assertTrue(assertThrows(IllegalStateException.class,
                () -> SharedMemoryPublisher.create(file, 4096)).getMessage().contains("already has a publisher"));
            assertEquals(0, transport.framesReceived());
            assertEquals(1, publisher.publisherStarts());
        }

        // Both released on close.
        SharedMemoryPublisher.create(file, 4096).close();
        SharedMemoryTransport.open(file).close();
    }

    @Test
    void aPublisherIsNotGivenAnUnusableCapacityOrDirectory() throws IOException
    {
        assertThrows(IllegalArgumentException.class, () -> SharedMemoryPublisher.create(dir.resolve("a"), 5000));
        assertThrows(IllegalArgumentException.class, () -> SharedMemoryPublisher.create(dir.resolve("b"), 2048));
        final Path missingDir = dir.resolve("no-such-dir").resolve("feed.ring");
        assertEquals("cannot create shared-memory frame ring " + missingDir + ": directory " +
            missingDir.getParent() + " does not exist",
            assertThrows(IllegalStateException.class, () -> SharedMemoryPublisher.create(missingDir, 4096))
                .getMessage());

        final Path file = dir.resolve("sized.ring");
        SharedMemoryPublisher.create(file, 4096).close();
        assertEquals("shared-memory frame ring " + file + " exists with ring capacity 4096, not 8192: use that " +
            "capacity, or remove the file while no consumer has it open",
            assertThrows(IllegalStateException.class, () -> SharedMemoryPublisher.create(file, 8192)).getMessage());

        final Path foreign = dir.resolve("foreign");
        Files.writeString(foreign, "y".repeat(10_000));
        assertThrows(IllegalStateException.class, () -> SharedMemoryPublisher.create(foreign, 4096));
        assertEquals("y".repeat(10_000), Files.readString(foreign), "a foreign file is left as it was");
    }

    @Test
    void pollAndCloseAfterCloseAreHarmless()
    {
        final Path file = dir.resolve("closed.ring");
        final SharedMemoryPublisher publisher = SharedMemoryPublisher.create(file, 4096);
        final SharedMemoryTransport transport = SharedMemoryTransport.open(file);
        assertTrue(publisher.offer(new UnsafeBuffer(new byte[8]), 0, 8));
        transport.close();
        transport.close();
        assertEquals(0, transport.poll((buffer, offset, length) -> { }, 8));
        publisher.close();
        publisher.close();
        assertThrows(IllegalStateException.class, () -> publisher.offer(new UnsafeBuffer(new byte[8]), 0, 8));
    }

    static void patchInt(final Path file, final int offset, final int value) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            final ByteBuffer bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value);
            channel.write(bytes, offset);
        }
    }
}
