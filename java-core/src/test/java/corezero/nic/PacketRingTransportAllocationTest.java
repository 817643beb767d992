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
 * TPACKET_V2 poll (accepted, malformed, LOSING and CSUMNOTREADY slots) and send allocate nothing after warm-up.
 */
class PacketRingTransportAllocationTest
{
    @Test
    void pollAndSendAllocateNothingAfterWarmUp()
    {
        final FakePacketRing kernel = new FakePacketRing(2048, 64, 16);
        final PacketRingOptions options = new PacketRingOptions().interfaceName("veth-p").udpPorts(FEED_PORT)
            .localAddress(LOCAL_ADDRESS).localMac(LOCAL_MAC);
        final PacketRingTransport transport = new PacketRingTransport(options, kernel.layout(), kernel, () -> { });
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

        final long allocated = RingAllocation.measure((i) ->
        {
            kernel.receive(good, 0, goodLength, PacketRingDescriptor.TP_STATUS_LOSING);
            kernel.receive(bad, 0, goodLength, PacketRingDescriptor.TP_STATUS_CSUMNOTREADY);
            kernel.receive(bad, 0, goodLength, 0);
            transport.poll(handler, 8);
            payload.putLong(0, i);
            sender.send(payload, 0, 8 + (i & 31));
            kernel.transmit(wire, 8);
        });

        final long steps = (long)(RingAllocation.WARM_UP_ROUNDS + RingAllocation.ROUNDS_MEASURED) *
            RingAllocation.STEPS_PER_ROUND;
        assertEquals(0L, allocated, "bytes allocated over " + RingAllocation.ROUNDS_MEASURED *
            RingAllocation.STEPS_PER_ROUND + " polls and sends");
        assertEquals(2 * steps, transport.framesReceived(), "the CSUMNOTREADY frame is accepted");
        assertEquals(steps, transport.malformedFrames(RawUdpReason.BAD_UDP_CHECKSUM));
        assertEquals(steps, transport.losingEvents());
        assertEquals(steps, transport.framesSent());
        assertEquals(steps, wire.frames);
        System.out.println("PacketRingTransportAllocationTest: " + steps + " polls and sends, 0 bytes (" +
            handler.checksum + "/" + wire.checksum + ")");
    }
}
