package corezero.nic;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unicast kernel UDP on loopback: frames handed over in place with their exact bytes, counters, the poll limit,
 * idle polls, oversized datagrams, and what a bad argument or a closed transport does.
 */
class UdpTransportTest
{
    private static final int MAX_FRAME = 2048;
    private static final long RECEIVE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private UdpTransport transport;
    private DatagramChannel sender;

    @BeforeEach
    void open() throws IOException
    {
        transport = UdpTransport.unicast(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), MAX_FRAME);
        sender = DatagramChannel.open();
        sender.connect(transport.localAddress());
    }

    @AfterEach
    void close() throws IOException
    {
        transport.close();
        sender.close();
    }

    @Test
    void describesItsBoundAddress()
    {
        final int port = transport.localAddress().getPort();
        assertNotEquals(0, port);
        assertEquals("udp 127.0.0.1:" + port, transport.description());
        assertTrue(transport.socketReceiveBufferBytes() > 0);
    }

    @Test
    void framesArriveInPlaceWithExactBytesAndCounts() throws IOException
    {
        final int frameCount = 200;
        final int[] lengths = new int[frameCount];
        long totalBytes = 0;
        for (int i = 0; i < frameCount; i++)
        {
            // 1 byte up to exactly the largest accepted frame.
            lengths[i] = i == frameCount - 1 ? MAX_FRAME : TestFrames.length(i, MAX_FRAME);
            totalBytes += lengths[i];
            send(i, lengths[i]);
        }

        final List<String> mismatches = new ArrayList<>();
        final DirectBuffer[] seenBuffer = new DirectBuffer[1];
        final int[] received = new int[1];
        final FrameHandler handler = (buffer, offset, length) ->
        {
            if (null == seenBuffer[0])
            {
                seenBuffer[0] = buffer;
            }
            assertSame(seenBuffer[0], buffer, "every frame in the one receive buffer");
            assertEquals(0, offset);
            final int sequence = received[0]++;
            final String mismatch = TestFrames.mismatch(buffer, offset, length, sequence, lengths[sequence]);
            if (null != mismatch)
            {
                mismatches.add(mismatch);
            }
        };

        pollUntil(handler, received, frameCount);

        assertEquals(List.of(), mismatches);
        assertEquals(frameCount, received[0]);
        assertEquals(frameCount, transport.framesReceived());
        assertEquals(totalBytes, transport.bytesReceived());
        assertEquals(0, transport.truncatedFrames());
        assertEquals(0, transport.receiveErrors());
        assertEquals(0, transport.poll(handler, 10), "nothing more");
    }

    @Test
    void pollDeliversAtMostTheLimit() throws IOException, InterruptedException
    {
        for (int i = 0; i < 10; i++)
        {
            send(i, 64);
        }
        // Loopback has queued them all on the socket well within this.
        Thread.sleep(100);

        final int[] calls = new int[1];
        final FrameHandler handler = (buffer, offset, length) -> calls[0]++;
        assertEquals(0, transport.poll(handler, 0));
        assertEquals(0, transport.poll(handler, -1));
        assertEquals(3, transport.poll(handler, 3));
        assertEquals(3, calls[0]);
        assertEquals(3, transport.poll(handler, 3));
        assertEquals(3, transport.poll(handler, 3));
        assertEquals(1, transport.poll(handler, 3));
        assertEquals(0, transport.poll(handler, 3));
        assertEquals(10, calls[0]);
        assertEquals(10, transport.framesReceived());
    }

    @Test
    void pollReturnsZeroWhenIdle()
    {
        final int[] calls = new int[1];
        final FrameHandler handler = (buffer, offset, length) -> calls[0]++;
        for (int i = 0; i < 10_000; i++)
        {
            assertEquals(0, transport.poll(handler, 16));
        }
        assertEquals(0, calls[0]);
        assertEquals(0, transport.framesReceived());
        assertEquals(0, transport.receiveErrors());
    }

    @Test
    void datagramsLongerThanTheBufferAreCountedAsTruncatedAndDropped() throws IOException
    {
        final UdpTransport small =
            UdpTransport.unicast(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        try (DatagramChannel out = DatagramChannel.open())
        {
            out.connect(small.localAddress());
            out.write(ByteBuffer.wrap(bytes(100, 1)));
            out.write(ByteBuffer.wrap(bytes(101, 2)));
            out.write(ByteBuffer.wrap(bytes(5000, 3)));
            out.write(ByteBuffer.wrap(bytes(1, 4)));

            final List<byte[]> frames = new ArrayList<>();
            final FrameHandler handler = (buffer, offset, length) ->
            {
                final byte[] copy = new byte[length];
                buffer.getBytes(offset, copy);
                frames.add(copy);
            };
            final long deadlineNs = System.nanoTime() + RECEIVE_TIMEOUT_NS;
            while (frames.size() < 2 && System.nanoTime() - deadlineNs < 0)
            {
                small.poll(handler, 8);
            }

            assertEquals(2, frames.size());
            assertArrayEquals(bytes(100, 1), frames.get(0));
            assertArrayEquals(bytes(1, 4), frames.get(1));
            assertEquals(2, small.truncatedFrames());
            assertEquals(2, small.framesReceived());
            assertEquals(101, small.bytesReceived());
        }
        finally
        {
            small.close();
        }
    }

    @Test
    void aHandlerThatThrowsConsumesItsFrameOnly() throws IOException
    {
        send(0, 10);
        send(1, 20);
        final int[] received = new int[1];
        final RuntimeException failure = new IllegalStateException("strategy bug");
        final FrameHandler throwing = (buffer, offset, length) ->
        {
            throw failure;
        };
        final long deadlineNs = System.nanoTime() + RECEIVE_TIMEOUT_NS;
        while (transport.framesReceived() == 0 && System.nanoTime() - deadlineNs < 0)
        {
            try
            {
                transport.poll(throwing, 8);
            }
            catch (final IllegalStateException ex)
            {
                assertSame(failure, ex);
            }
        }
        assertEquals(1, transport.framesReceived());

        pollUntil((buffer, offset, length) ->
        {
            assertEquals(null, TestFrames.mismatch(buffer, offset, length, 1, 20));
            received[0]++;
        }, received, 1);
        assertEquals(2, transport.framesReceived());
    }

    @Test
    void pollAfterCloseDeliversNothingAndCloseIsIdempotent() throws IOException
    {
        send(0, 10);
        transport.close();
        transport.close();
        assertEquals(0, transport.poll((buffer, offset, length) -> { }, 8));
        assertEquals(0, transport.receiveErrors());
    }

    @Test
    void refusesUnusableArguments() throws IOException
    {
        final InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        final InetSocketAddress group = new InetSocketAddress(InetAddress.getByName("239.1.1.1"), 0);
        final NetworkInterface lo = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> UdpTransport.unicast(loopback, 0))
            .getMessage().contains("receiveBufferBytes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UdpTransport.unicast(group, 1500))
            .getMessage().contains("is a multicast group"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UdpTransport.multicast(loopback, lo, 1500))
            .getMessage().contains("is not a multicast group address"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UdpTransport.multicast(group, null, 1500))
            .getMessage().contains("no network interface"));
        assertThrows(IllegalArgumentException.class,
            () -> UdpTransport.unicast(InetSocketAddress.createUnresolved("feed.example", 1), 1500));

        final UncheckedIOException taken = assertThrows(
            UncheckedIOException.class, () -> UdpTransport.unicast(transport.localAddress(), 1500));
        assertTrue(taken.getMessage().startsWith("cannot bind udp " + UdpTransport.format(transport.localAddress())),
            taken.getMessage());
    }

    private void pollUntil(final FrameHandler handler, final int[] received, final int expected)
    {
        final long deadlineNs = System.nanoTime() + RECEIVE_TIMEOUT_NS;
        while (received[0] < expected && System.nanoTime() - deadlineNs < 0)
        {
            if (0 == transport.poll(handler, 16))
            {
                Thread.onSpinWait();
            }
        }
    }

    private void send(final long sequence, final int length) throws IOException
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[length]);
        TestFrames.fill(frame, 0, sequence, length);
        assertEquals(length, sender.write(ByteBuffer.wrap(frame.byteArray())));
    }

    private static byte[] bytes(final int length, final int seed)
    {
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(seed + i);
        }
        return bytes;
    }
}
