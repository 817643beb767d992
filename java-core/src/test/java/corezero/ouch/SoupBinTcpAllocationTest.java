package corezero.ouch;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static corezero.ouch.SoupBinTcpDescriptor.encodeHeader;
import static corezero.ouch.SoupBinTcpTestServer.loginAccepted;
import static corezero.ouch.SoupBinTcpTestServer.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A logged-in client allocates nothing after warm-up while it polls, frames sequenced messages (split across
 * reads), counts server heartbeats, sends unsequenced data and its own heartbeats on the manual clock. Measured with
 * the thread's allocation counter (ThreadMXBean) over windows of polls against the hand-written server, which
 * this thread steps without allocating.
 */
class SoupBinTcpAllocationTest
{
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int WARM_UP_ROUNDS = 10_000;
    private static final int ROUNDS_PER_WINDOW = 5_000;
    private static final int MAX_WINDOWS = 10;
    private static final int MESSAGES_PER_ROUND = 7;

    private long nowNs = 1_000_000_000L;
    private long messages;
    private long sequenceErrors;
    private long expectedSequence = 1;

    private final SoupBinTcpListener counting = new SoupBinTcpListener()
    {
        @Override
        public void onLoginAccepted(final String session, final long sequenceNumber)
        {
        }

        @Override
        public void onLoginRejected(final byte reasonCode)
        {
        }

        @Override
        public void onSequencedMessage(
            final DirectBuffer buffer, final int offset, final int length, final long sequenceNumber)
        {
            if (sequenceNumber != expectedSequence++ || length != buffer.getByte(offset))
            {
                sequenceErrors++;
            }
            messages++;
        }

        @Override
        public void onEndOfSession()
        {
        }

        @Override
        public void onDisconnected(final int reason)
        {
            sequenceErrors++;
        }
    };

    @Test
    void pollAllocatesNothingAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        try (SoupBinTcpTestServer server = new SoupBinTcpTestServer())
        {
            final SoupBinTcpClient client = new SoupBinTcpClient(
                new SoupBinTcpClient.Settings().address(server.address()).credentials("u", "p"), counting);
            client.connect(nowNs);
            until("login request", () -> server.receivedLength() >= 49, () ->
            {
                client.poll(nowNs);
                server.step();
            });
            server.write(loginAccepted("ALLOC", 1));
            until("logged in", client::isLoggedIn, () -> client.poll(nowNs));

            // One round's server stream: messages of 1..7 bytes whose first byte is their length, and a heartbeat.
            int length = 0;
            for (int m = 1; m <= MESSAGES_PER_ROUND; m++)
            {
                length += encodeHeader(server.outBuffer, length, SoupBinTcpDescriptor.SEQUENCED_DATA, m);
                server.outBuffer.setMemory(length - m, m, (byte)m);
            }
            length += encodeHeader(server.outBuffer, length, SoupBinTcpDescriptor.SERVER_HEARTBEAT, 0);
            final int roundLength = length;
            final UnsafeBuffer order = new UnsafeBuffer(new byte[48]);

            for (int i = 0; i < WARM_UP_ROUNDS; i++)
            {
                round(server, client, roundLength, order, i);
            }

            final List<Long> allocatedPerWindow = new ArrayList<>();
            for (int window = 0; window < MAX_WINDOWS; window++)
            {
                final long heartbeatsOutBefore = client.heartbeatsOut();
                final long messagesBefore = messages;
                final long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < ROUNDS_PER_WINDOW; i++)
                {
                    round(server, client, roundLength, order, i);
                }
                final long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
                assertEquals((long)ROUNDS_PER_WINDOW * MESSAGES_PER_ROUND, messages - messagesBefore);
                assertTrue(client.heartbeatsOut() > heartbeatsOutBefore);
                allocatedPerWindow.add(allocated);
                if (0 == allocated)
                {
                    break;
                }
            }

            assertEquals(0, sequenceErrors);
            assertEquals(0, client.malformedPackets());
            assertTrue(client.isLoggedIn());
            assertEquals(0L, allocatedPerWindow.get(allocatedPerWindow.size() - 1),
                "bytes allocated per window of " + ROUNDS_PER_WINDOW + " rounds: " + allocatedPerWindow);
            client.close();
        }
    }

    /**
     * The server writes a round (in two writes split inside a packet); the client polls until it has it all and
     * sometimes sends; time moves 300 ms, so client heartbeats go out between sends.
     */
    private void round(
        final SoupBinTcpTestServer server,
        final SoupBinTcpClient client,
        final int roundLength,
        final UnsafeBuffer order,
        final int i)
    {
        final long target = messages + MESSAGES_PER_ROUND;
        server.writeRange(0, 5);
        client.poll(nowNs);
        server.writeRange(5, roundLength - 5);
        for (int spin = 0; spin < 100_000 && messages < target; spin++)
        {
            client.poll(nowNs);
            if (spin > 100)
            {
                LockSupport.parkNanos(10_000);
            }
        }
        if ((i & 7) == 0)
        {
            client.sendUnsequenced(order, 0, order.capacity());
        }
        nowNs += 300 * MS;
        client.poll(nowNs);
        server.readOnly();
        if (server.receivedLength() > 1 << 19)
        {
            server.clearReceived();
        }
    }
}
