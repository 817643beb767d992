package corezero.nic;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UdpSender to UdpTransport over loopback, and the answers' way back to the sender's address.
 */
class UdpSenderTest
{
    private static final int MAX_FRAME = 1500;
    private static final long RECEIVE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    @Test
    void framesSentArriveWithTheirExactBytes()
    {
        final UdpTransport transport =
            UdpTransport.unicast(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), MAX_FRAME);
        final UdpSender sender = new UdpSender(transport.localAddress());
        try
        {
            final int frameCount = 500;
            // Frames sit at an offset in a larger buffer: the sender copies only the range it is given.
            final UnsafeBuffer source = new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_FRAME + 64));
            final List<String> mismatches = new ArrayList<>();
            final int[] received = new int[1];
            final FrameHandler handler = (buffer, offset, length) ->
            {
                final long sequence = received[0]++;
                final String mismatch = TestFrames.mismatch(
                    buffer, offset, length, sequence, TestFrames.length(sequence, MAX_FRAME));
                if (null != mismatch)
                {
                    mismatches.add(mismatch);
                }
            };

            for (int i = 0; i < frameCount; i++)
            {
                final int length = TestFrames.length(i, MAX_FRAME);
                source.setMemory(0, source.capacity(), (byte)0x5A);
                TestFrames.fill(source, 17, i, length);
                assertTrue(sender.send(source, 17, length), "frame " + i);
                // Received as it goes, so that no socket buffer size matters.
                transport.poll(handler, 16);
            }
            final long deadlineNs = System.nanoTime() + RECEIVE_TIMEOUT_NS;
            while (received[0] < frameCount && System.nanoTime() - deadlineNs < 0)
            {
                transport.poll(handler, 16);
            }

            assertEquals(List.of(), mismatches);
            assertEquals(frameCount, received[0]);
            assertEquals(frameCount, sender.framesSent());
            assertEquals(0, sender.framesNotSent());
        }
        finally
        {
            sender.close();
            transport.close();
        }
    }

    @Test
    void theTargetAnswersToTheSendersLocalAddress() throws IOException
    {
        try (DatagramChannel server = DatagramChannel.open())
        {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            final UdpSender sender = new UdpSender((InetSocketAddress)server.getLocalAddress());
            try
            {
                final UnsafeBuffer request = new UnsafeBuffer(new byte[20]);
                TestFrames.fill(request, 0, 42, 20);
                assertTrue(sender.send(request, 0, 20));

                final ByteBuffer received = ByteBuffer.allocate(64);
                final InetSocketAddress requester = (InetSocketAddress)server.receive(received);
                assertNotNull(requester);
                assertEquals(20, received.position());
                assertEquals(sender.localAddress().getPort(), requester.getPort());
                assertEquals(null, TestFrames.mismatch(new UnsafeBuffer(received.array()), 0, 20, 42, 20));
            }
            finally
            {
                sender.close();
            }
        }
    }

    @Test
    void unusableRangesAndAClosedSenderReturnFalse()
    {
        final UdpSender sender = new UdpSender(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9));
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[100]);
        assertFalse(sender.send(buffer, 0, 0));
        assertFalse(sender.send(buffer, 0, -1));
        assertFalse(sender.send(buffer, 0, 101));
        assertFalse(sender.send(buffer, 90, 11));
        assertFalse(sender.send(buffer, -1, 10));
        assertFalse(sender.send(new UnsafeBuffer(new byte[UdpSender.MAX_DATAGRAM_LENGTH + 1]), 0,
            UdpSender.MAX_DATAGRAM_LENGTH + 1));
        assertEquals(6, sender.framesNotSent());

        sender.close();
        sender.close();
        assertFalse(sender.send(buffer, 0, 10));
        assertEquals(7, sender.framesNotSent());
        assertEquals(0, sender.framesSent());
    }

    @Test
    void refusesUnusableTargets()
    {
        assertThrows(IllegalArgumentException.class,
            () -> new UdpSender(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        assertThrows(IllegalArgumentException.class,
            () -> new UdpSender(InetSocketAddress.createUnresolved("venue.example", 9000)));
    }
}
