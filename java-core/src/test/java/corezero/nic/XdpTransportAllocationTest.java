package corezero.nic;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static corezero.nic.XdpTransportTest.FEED_PORT;
import static corezero.nic.XdpTransportTest.LOCAL_ADDRESS;
import static corezero.nic.XdpTransportTest.LOCAL_MAC;
import static corezero.nic.XdpTransportTest.PEER_ADDRESS;
import static corezero.nic.XdpTransportTest.PEER_MAC;
import static corezero.nic.XdpTransportTest.PEER_PORT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * AF_XDP poll (accepted and malformed frames, fill-ring refills, receive kicks) and send (completion reclaim,
 * transmit kicks) allocate nothing after warm-up.
 */
class XdpTransportAllocationTest
{
    @Test
    void pollAndSendAllocateNothingAfterWarmUp()
    {
        final FakeXdpKernel kernel = new FakeXdpKernel(2048, 64, 0xFFFF_FFF0, false, true);
        final XdpTransport transport = new XdpTransport(XdpTransportTest.options(), kernel.layout(), kernel, () -> { });
        final RawUdpSender sender = transport.newSender(PEER_ADDRESS, PEER_PORT, FEED_PORT, PEER_MAC);
        final RawUdpBuilder builder = new RawUdpBuilder().macs(LOCAL_MAC, PEER_MAC)
            .endpoints(PEER_ADDRESS, PEER_PORT, LOCAL_ADDRESS, FEED_PORT);
        final UnsafeBuffer good = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
        final int goodLength = builder.encode(good, 0, 200);
        final UnsafeBuffer bad = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
        bad.putBytes(0, good, 0, goodLength);
        bad.putByte(goodLength - 1, (byte)(bad.getByte(goodLength - 1) + 1));
        final UnsafeBuffer payload = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
        final RingAllocation.SummingHandler handler = new RingAllocation.SummingHandler();
        final RingAllocation.SummingHandler wire = new RingAllocation.SummingHandler();
        kernel.flags(corezero.sys.NativeNic.XDP_RING_FILL, XdpRingDescriptor.NEED_WAKEUP);

        final long allocated = RingAllocation.measure((i) ->
        {
            kernel.receive(good, 0, goodLength);
            kernel.receive(good, 0, goodLength);
            kernel.receive(bad, 0, goodLength);
            transport.poll(handler, 8);
            payload.putLong(0, i);
            sender.send(payload, 0, 8 + (i & 31));
            kernel.transmit(wire, 8);
        });

        final long steps = (long)(RingAllocation.WARM_UP_ROUNDS + RingAllocation.ROUNDS_MEASURED) *
            RingAllocation.STEPS_PER_ROUND;
        assertEquals(0L, allocated, "bytes allocated over " + RingAllocation.ROUNDS_MEASURED *
            RingAllocation.STEPS_PER_ROUND + " polls and sends");
        assertEquals(2 * steps, transport.framesReceived());
        assertEquals(steps, transport.malformedFrames(RawUdpReason.BAD_UDP_CHECKSUM));
        assertEquals(steps, transport.framesSent());
        assertEquals(steps, wire.frames);
        assertEquals(steps, transport.receiveKicks());
        System.out.println("XdpTransportAllocationTest: " + steps + " polls and sends, 0 bytes (" +
            handler.checksum + "/" + wire.checksum + ")");
    }
}
