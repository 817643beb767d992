package corezero.nic;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both poll paths allocate nothing after warm-up, measured with the polling thread's own allocation counter
 * (ThreadMXBean) over a million polls while another thread keeps frames coming; the UDP sender's path is
 * measured on the feeding thread at the same time.
 */
class FrameTransportAllocationTest
{
    private static final int WARM_UP_ROUNDS = 4;
    private static final int POLLS_PER_ROUND = 500_000;
    private static final int MEASURED_POLLS = 1_000_000;
    private static final int MIN_MEASURED_FRAMES = 10_000;
    private static final long MEASURE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);
    private static final int POLL_LIMIT = 8;
    private static final int MAX_FRAME = 1024;
    private static final int SENDER_WARM_UP_SENDS = 20_000;

    private static com.sun.management.ThreadMXBean threads;

    @TempDir
    Path dir;

    @BeforeAll
    static void enableAllocationCounting()
    {
        threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    @Test
    void udpPollAndSendAllocateNothingAfterWarmUp() throws InterruptedException
    {
        final UdpTransport transport =
            UdpTransport.unicast(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), MAX_FRAME);
        final UdpSender sender = new UdpSender(transport.localAddress());
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicLong senderAllocatedBytes = new AtomicLong(-1);
        final AtomicLong sendsMeasured = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        final Thread feeder = new Thread(() ->
        {
            try
            {
                final UnsafeBuffer frame = new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_FRAME));
                long sequence = 0;
                long before = 0;
                while (!done.get())
                {
                    if (SENDER_WARM_UP_SENDS == sequence)
                    {
                        before = threads.getCurrentThreadAllocatedBytes();
                    }
                    final int length = TestFrames.length(sequence, MAX_FRAME);
                    frame.putLong(0, sequence++);
                    sender.send(frame, 0, length);
                    if (0 == (sequence & 3))
                    {
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(20));
                    }
                }
                if (sequence > SENDER_WARM_UP_SENDS)
                {
                    senderAllocatedBytes.set(threads.getCurrentThreadAllocatedBytes() - before);
                    sendsMeasured.set(sequence - SENDER_WARM_UP_SENDS);
                }
            }
            catch (final Throwable t)
            {
                failure.set(t);
            }
        }, "udp-allocation-feeder");

        try
        {
            feeder.start();
            final Measurement measurement = measurePolls(transport, done, failure);
            feeder.join();

            assertNull(failure.get());
            assertTrue(measurement.frames >= MIN_MEASURED_FRAMES, "frames while measuring: " + measurement.frames);
            assertEquals(0L, measurement.allocatedBytes, "bytes allocated by the polling thread over " +
                measurement.polls + " polls (" + measurement.frames + " frames)");
            assertTrue(sendsMeasured.get() > 1_000, "sends measured: " + sendsMeasured.get());
            assertEquals(0L, senderAllocatedBytes.get(),
                "bytes allocated by the sending thread over " + sendsMeasured.get() + " sends");
            assertEquals(0, transport.receiveErrors());
            System.out.println("FrameTransportAllocationTest udp: " + measurement.frames + " frames in " +
                measurement.polls + " measured polls, " + sendsMeasured.get() + " measured sends, 0 bytes");
        }
        finally
        {
            done.set(true);
            feeder.join();
            sender.close();
            transport.close();
        }
    }

    @Test
    void sharedMemoryPollAllocatesNothingAfterWarmUp() throws InterruptedException
    {
        final Path file = dir.resolve("allocation.ring");
        final SharedMemoryPublisher publisher = SharedMemoryPublisher.create(file, 1 << 16);
        final SharedMemoryTransport transport = SharedMemoryTransport.open(file);
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        final Thread feeder = new Thread(() ->
        {
            try
            {
                final UnsafeBuffer frame = new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_FRAME));
                long sequence = 0;
                while (!done.get())
                {
                    frame.putLong(0, sequence);
                    if (publisher.offer(frame, 0, TestFrames.length(sequence, MAX_FRAME)))
                    {
                        sequence++;
                    }
                    else
                    {
                        Thread.yield();
                    }
                }
            }
            catch (final Throwable t)
            {
                failure.set(t);
            }
        }, "shm-allocation-feeder");

        try
        {
            feeder.start();
            final Measurement measurement = measurePolls(transport, done, failure);
            feeder.join();

            assertNull(failure.get());
            assertTrue(measurement.frames >= MIN_MEASURED_FRAMES, "frames while measuring: " + measurement.frames);
            assertEquals(0L, measurement.allocatedBytes, "bytes allocated by the polling thread over " +
                measurement.polls + " polls (" + measurement.frames + " frames)");
            System.out.println("FrameTransportAllocationTest shm: " + measurement.frames + " frames in " +
                measurement.polls + " measured polls, 0 bytes");
        }
        finally
        {
            done.set(true);
            feeder.join();
            transport.close();
            publisher.close();
        }
    }

    /**
     * Poll on a fresh thread: warm up in rounds (the loop is left and re-entered, as the measurement will, so
     * that its compiled form is final), then measure at least {@link #MEASURED_POLLS} polls and
     * {@link #MIN_MEASURED_FRAMES} frames; sets {@code done} when finished.
     */
    private static Measurement measurePolls(
        final FrameTransport transport, final AtomicBoolean done, final AtomicReference<Throwable> failure)
        throws InterruptedException
    {
        final Measurement measurement = new Measurement();
        final Thread poller = new Thread(() ->
        {
            try
            {
                final SummingHandler handler = new SummingHandler();
                for (int round = 0; round < WARM_UP_ROUNDS; round++)
                {
                    poll(transport, handler, POLLS_PER_ROUND);
                }
                final long framesBefore = handler.frames;
                final long deadlineNs = System.nanoTime() + MEASURE_TIMEOUT_NS;
                final long before = threads.getCurrentThreadAllocatedBytes();
                long polls = 0;
                while (polls < MEASURED_POLLS ||
                    (handler.frames - framesBefore < MIN_MEASURED_FRAMES && System.nanoTime() - deadlineNs < 0))
                {
                    poll(transport, handler, POLLS_PER_ROUND);
                    polls += POLLS_PER_ROUND;
                }
                final long after = threads.getCurrentThreadAllocatedBytes();
                measurement.polls = polls;
                measurement.allocatedBytes = after - before;
                measurement.frames = handler.frames - framesBefore;
                measurement.checksum = handler.checksum;
            }
            catch (final Throwable t)
            {
                failure.set(t);
            }
            finally
            {
                done.set(true);
            }
        }, "allocation-test-poller");
        poller.start();
        poller.join();
        return measurement;
    }

    private static void poll(final FrameTransport transport, final FrameHandler handler, final int polls)
    {
        for (int i = 0; i < polls; i++)
        {
            transport.poll(handler, POLL_LIMIT);
        }
    }

    private static final class Measurement
    {
        long allocatedBytes = -1;
        long polls;
        long frames;
        long checksum;
    }

    /** Reads every frame's first and last bytes, as a decoder would, into fields. */
    private static final class SummingHandler implements FrameHandler
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
