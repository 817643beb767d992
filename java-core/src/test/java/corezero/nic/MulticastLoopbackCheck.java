package corezero.nic;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;

/**
 * Multicast end to end on one interface: a {@link UdpTransport} joins a group on it, a sender on the same host
 * sends frames to the group out of that interface (multicast loop on), and every frame must arrive once, in
 * order, with its exact bytes. Run in-process by {@link UdpMulticastTest} when the interface allows it, or as
 * {@link #main} in a child JVM inside a network namespace the test creates.
 */
final class MulticastLoopbackCheck
{
    static final String GROUP = "239.255.42.17";
    static final String OK = "multicast ok: ";

    private static final int FRAME_COUNT = 2_000;
    private static final int MAX_FRAME = 1472;
    private static final long RECEIVE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(20);

    private MulticastLoopbackCheck()
    {
    }

    /**
     * @param args interface name.
     */
    public static void main(final String[] args)
    {
        try
        {
            System.out.println(OK + run(NetworkInterface.getByName(args[0])));
            System.exit(0);
        }
        catch (final Throwable t)
        {
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }

    /**
     * @param networkInterface multicast-capable interface to join and send on.
     * @return a summary.
     * @throws AssertionError if a frame is missing, extra, out of order or different.
     */
    static String run(final NetworkInterface networkInterface) throws IOException, InterruptedException
    {
        final InetSocketAddress group = new InetSocketAddress(InetAddress.getByName(GROUP), 0);
        final UdpTransport transport = UdpTransport.multicast(group, networkInterface, MAX_FRAME);
        try (DatagramChannel sender = DatagramChannel.open(StandardProtocolFamily.INET))
        {
            final InetSocketAddress target = transport.localAddress();
            check(target.getAddress().equals(group.getAddress()) && 0 != target.getPort(),
                "bound to the group with a port: " + target);
            final String expectedDescription =
                "udp " + GROUP + ":" + target.getPort() + " on " + networkInterface.getName();
            check(expectedDescription.equals(transport.description()), "description " + transport.description());

            sender.setOption(StandardSocketOptions.IP_MULTICAST_IF, networkInterface);
            sender.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            sender.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);

            final UnsafeBuffer frame = new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_FRAME));
            final ByteBuffer frameBytes = frame.byteBuffer();
            final long[] received = new long[1];
            final String[] mismatch = new String[1];
            final FrameHandler handler = (buffer, offset, length) ->
            {
                final long sequence = received[0]++;
                final String difference = TestFrames.mismatch(
                    buffer, offset, length, sequence, TestFrames.length(sequence, MAX_FRAME));
                if (null == mismatch[0] && null != difference)
                {
                    mismatch[0] = difference;
                }
            };

            for (int i = 0; i < FRAME_COUNT; i++)
            {
                final int length = TestFrames.length(i, MAX_FRAME);
                TestFrames.fill(frame, 0, i, length);
                frameBytes.clear().limit(length);
                check(length == sender.send(frameBytes, target), "sent frame " + i);
                transport.poll(handler, 16);
            }

            final long deadlineNs = System.nanoTime() + RECEIVE_TIMEOUT_NS;
            while (received[0] < FRAME_COUNT && System.nanoTime() - deadlineNs < 0)
            {
                transport.poll(handler, 16);
            }
            // Anything still arriving would be a duplicate.
            Thread.sleep(200);
            transport.poll(handler, Integer.MAX_VALUE);

            check(null == mismatch[0], String.valueOf(mismatch[0]));
            check(FRAME_COUNT == received[0], "received " + received[0] + " of " + FRAME_COUNT + " frames");
            check(FRAME_COUNT == transport.framesReceived(), "framesReceived " + transport.framesReceived());
            check(0 == transport.truncatedFrames(), "truncatedFrames " + transport.truncatedFrames());
            return received[0] + " frames on " + transport.description();
        }
        finally
        {
            transport.close();
        }
    }

    private static void check(final boolean condition, final String what)
    {
        if (!condition)
        {
            throw new AssertionError(what);
        }
    }
}
