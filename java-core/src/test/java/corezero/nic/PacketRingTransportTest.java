package corezero.nic;

import corezero.sys.Errno;
import corezero.sys.NativeNic;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static corezero.nic.PacketRingDescriptor.TP_STATUS_AVAILABLE;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_CSUMNOTREADY;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_KERNEL;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_SEND_REQUEST;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_VLAN_VALID;
import static corezero.nic.PacketRingDescriptor.TP_STATUS_WRONG_FORMAT;
import static corezero.nic.XdpTransportTest.FEED_PORT;
import static corezero.nic.XdpTransportTest.LOCAL_ADDRESS;
import static corezero.nic.XdpTransportTest.LOCAL_MAC;
import static corezero.nic.XdpTransportTest.PEER_ADDRESS;
import static corezero.nic.XdpTransportTest.PEER_MAC;
import static corezero.nic.XdpTransportTest.PEER_PORT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PacketRingTransport against a fake kernel ({@link FakePacketRing}) over memory the test allocates: the RX and
 * TX status handshakes, wrap-around, limits, malformed frames and slots, TP_STATUS_LOSING and CSUMNOTREADY, a
 * throwing handler, TX with a full ring and WRONG_FORMAT, and a two-thread run.
 */
class PacketRingTransportTest
{
    private static final int FRAME_SIZE = 2048;
    private static final int RX_FRAMES = 8;
    private static final int TX_FRAMES = 4;
    private static final long STRESS_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);

    private final RawUdpBuilder peer = new RawUdpBuilder()
        .macs(LOCAL_MAC, PEER_MAC)
        .endpoints(PEER_ADDRESS, PEER_PORT, LOCAL_ADDRESS, FEED_PORT);
    private final UnsafeBuffer frame = new UnsafeBuffer(ByteBuffer.allocateDirect(FRAME_SIZE));
    private final List<byte[]> received = new ArrayList<>();
    private final FrameHandler recorder = (buffer, offset, length) ->
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        received.add(bytes);
    };
    private int releases;

    private static PacketRingOptions options()
    {
        return new PacketRingOptions()
            .interfaceName("veth-p")
            .udpPorts(31001)
            .localAddress(LOCAL_ADDRESS)
            .localMac(LOCAL_MAC)
            .rxFrames(RX_FRAMES)
            .txFrames(TX_FRAMES);
    }

    private PacketRingTransport transport(final FakePacketRing kernel)
    {
        return new PacketRingTransport(options(), kernel.layout(), kernel, () -> releases++);
    }

    private static byte[] payload(final int sequence)
    {
        final byte[] payload = new byte[1 + Math.floorMod(sequence * 41, 400)];
        for (int i = 0; i < payload.length; i++)
        {
            payload[i] = (byte)(sequence * 3 + i);
        }
        return payload;
    }

    private int build(final RawUdpBuilder builder, final int sequence)
    {
        final byte[] payload = payload(sequence);
        return builder.build(frame, 0, new UnsafeBuffer(payload), 0, payload.length);
    }

    private boolean deliver(final FakePacketRing kernel, final int sequence, final int extraStatus)
    {
        return kernel.receive(frame, 0, build(peer, sequence), extraStatus);
    }

    @Test
    void deliversInOrderAndHandsEverySlotBackAcrossWrapAround()
    {
        final FakePacketRing kernel = new FakePacketRing(FRAME_SIZE, RX_FRAMES, TX_FRAMES);
        final PacketRingTransport transport = transport(kernel);
        assertEquals("tpacket_v2 veth-p (8 rx, 4 tx slots of 2048) udp :31001", transport.description());

        int sequence = 0;
        long bytes = 0;
        for (int round = 0; round < 5; round++)
        {
            for (int i = 0; i < 5; i++)
            {
                bytes += payload(sequence).length;
                assertTrue(deliver(kernel, sequence++, 0));
            }
            assertEquals(5, transport.poll(recorder, 100));
            for (int slot = 0; slot < RX_FRAMES; slot++)
            {
                assertEquals(TP_STATUS_KERNEL, kernel.rxStatus(slot), "slot " + slot);
            }
        }

        assertEquals(sequence, received.size());
        for (int i = 0; i < sequence; i++)
        {
            assertArrayEquals(payload(i), received.get(i), "payload " + i);
        }
        assertEquals(sequence, transport.framesReceived());
        assertEquals(bytes, transport.bytesReceived());
        assertEquals(0, transport.losingEvents());
        assertEquals(0, transport.poll(recorder, 100));
    }

    @Test
    void honoursTheLimit()
    {
        final FakePacketRing kernel = new FakePacketRing(FRAME_SIZE, RX_FRAMES, TX_FRAMES);
        final PacketRingTransport transport = transport(kernel);
        for (int i = 0; i < 5; i++)
        {
            assertTrue(deliver(kernel, i, 0));
        }

        assertEquals(0, transport.poll(recorder, 0));
        assertEquals(0, transport.poll(recorder, -3));
        assertEquals(2, transport.poll(recorder, 2));
        assertEquals(TP_STATUS_KERNEL, kernel.rxStatus(1));
        assertEquals(PacketRingDescriptor.TP_STATUS_USER, kernel.rxStatus(2));
        assertEquals(2, transport.poll(recorder, 2));
        assertEquals(1, transport.poll(recorder, 2));
        assertEquals(5, received.size());
        for (int i = 0; i < 5; i++)
        {
            assertArrayEquals(payload(i), received.get(i));
        }
    }

    @Test
    void countsLosingAndIgnoresAStrippedVlanTag()
    {
        final FakePacketRing kernel = new FakePacketRing(FRAME_SIZE, RX_FRAMES, TX_FRAMES);
        final PacketRingTransport transport = transport(kernel);
        for (int i = 0; i < RX_FRAMES; i++)
        {
            assertTrue(deliver(kernel, i, TP_STATUS_VLAN_VALID));
        }
        assertFalse(deliver(kernel, 99, 0), "the ring is full: the kernel drops");
        assertEquals(RX_FRAMES, transport.poll(recorder, 100));
        assertTrue(deliver(kernel, RX_FRAMES, 0));
        assertTrue(deliver(kernel, RX_FRAMES + 1, 0));

        assertEquals(2, transport.poll(recorder, 100));
        assertEquals(1, transport.losingEvents(), "both frames after the drop are flagged: one run, one event");
        assertEquals(RX_FRAMES + 2, transport.framesReceived());
        assertArrayEquals(payload(RX_FRAMES), received.get(RX_FRAMES));
        assertEquals(0, transport.malformedFrames());

        kernel.readStatistics();
        assertTrue(deliver(kernel, RX_FRAMES + 2, 0));
        assertEquals(1, transport.poll(recorder, 100));
        assertEquals(1, transport.losingEvents(), "the statistics were read: no longer flagged");
    }

    @Test
    void countsAndSkipsMalformedFramesAndReleasesTheirSlots()
    {
        final FakePacketRing kernel = new FakePacketRing(FRAME_SIZE, RX_FRAMES, TX_FRAMES);
        final PacketRingTransport transport = transport(kernel);
        final int length = build(peer, 1);

        assertTrue(kernel.receive(frame, 0, 30, 0));
        frame.putByte(RawUdpDescriptor.ETHERNET_HEADER_LENGTH + RawUdpDescriptor.IP_TTL_OFFSET, (byte)2);
        assertTrue(kernel.receive(frame, 0, length, 0));
        build(peer, 1);
        frame.putByte(length - 1, (byte)(frame.getByte(length - 1) ^ 1));
        assertTrue(kernel.receive(frame, 0, length, 0));
        final RawUdpBuilder stranger = new RawUdpBuilder().macs(LOCAL_MAC, PEER_MAC)
            .endpoints(PEER_ADDRESS, PEER_PORT, 0x0A0000FE, FEED_PORT);
        assertTrue(kernel.receive(frame, 0, build(stranger, 2), 0));
        assertTrue(deliver(kernel, 3, 0));
        assertTrue(deliver(kernel, 4, 0));
        kernel.rewriteRxHeader(5, FakePacketRing.MAC, FRAME_SIZE);

        assertEquals(1, transport.poll(recorder, 100));
        assertArrayEquals(payload(3), received.get(0));
        assertEquals(1, transport.malformedFrames(RawUdpReason.TRUNCATED));
        assertEquals(1, transport.malformedFrames(RawUdpReason.BAD_IP_CHECKSUM));
        assertEquals(1, transport.malformedFrames(RawUdpReason.BAD_UDP_CHECKSUM));
        assertEquals(1, transport.malformedFrames(RawUdpReason.WRONG_DESTINATION));
        assertEquals(4, transport.malformedFrames());
        assertEquals(1, transport.invalidSlots());
        for (int slot = 0; slot < RX_FRAMES; slot++)
        {
            assertEquals(TP_STATUS_KERNEL, kernel.rxStatus(slot), "slot " + slot);
        }
    }

    @Test
    void aPartialChecksumFromTheLocalHostIsClearedOnlyWhenTheKernelSaysSo()
    {
        final FakePacketRing kernel = new FakePacketRing(FRAME_SIZE, RX_FRAMES, TX_FRAMES);
        final PacketRingTransport transport = transport(kernel);
        final int udp = RawUdpDescriptor.ETHERNET_HEADER_LENGTH + RawUdpDescriptor.IP_MIN_HEADER_LENGTH;
        final int length = build(peer, 7);
        // What a veth peer with checksum offload hands over: the pseudo-header sum only.
        frame.putShort(udp + RawUdpDescriptor.UDP_CHECKSUM_OFFSET, (short)0x1234, RawUdpDescriptor.BYTE_ORDER);
        assertTrue(kernel.receive(frame, 0, length, TP_STATUS_CSUMNOTREADY));
        assertTrue(kernel.receive(frame, 0, length, 0));

        assertEquals(1, transport.poll(recorder, 100));
        assertArrayEquals(payload(7), received.get(0));
        assertEquals(1, transport.checksumNotReadyFrames());
        assertEquals(1, transport.malformedFrames(RawUdpReason.BAD_UDP_CHECKSUM));
    }

    @Test
    void aThrowingHandlerStillReleasesItsSlot()
    {
        final FakePacketRing kernel = new FakePacketRing(FRAME_SIZE, RX_FRAMES, TX_FRAMES);
        final PacketRingTransport transport = transport(kernel);
        for (int i = 0; i < 3; i++)
        {
            assertTrue(deliver(kernel, i, 0));
        }
        final FrameHandler throwsOnSecond = (buffer, offset, length) ->
        {
            recorder.onFrame(buffer, offset, length);
            if (2 == received.size())
            {
                throw new IllegalStateException("strategy bug");
            }
        };

        assertThrows(IllegalStateException.class, () -> transport.poll(throwsOnSecond, 10));
        assertEquals(TP_STATUS_KERNEL, kernel.rxStatus(0));
        assertEquals(TP_STATUS_KERNEL, kernel.rxStatus(1));
        assertEquals(PacketRingDescriptor.TP_STATUS_USER, kernel.rxStatus(2));
        assertEquals(2, transport.framesReceived());
        assertEquals(1, transport.poll(recorder, 10));
        assertArrayEquals(payload(2), received.get(2));
    }

    @Test
    void sendsThroughTheTxRingWithTheStatusHandshake()
    {
        final FakePacketRing kernel = new FakePacketRing(FRAME_SIZE, RX_FRAMES, TX_FRAMES);
        final PacketRingTransport transport = transport(kernel);
        final RawUdpSender sender = transport.newSender(PEER_ADDRESS, PEER_PORT, FEED_PORT, PEER_MAC);
        final XdpTransportTest.TxCapture capture = new XdpTransportTest.TxCapture();
        assertEquals(FRAME_SIZE - FakePacketRing.TX_DATA_OFFSET - RawUdpDescriptor.MIN_HEADERS_LENGTH,
            sender.maxPayloadLength());

        for (int i = 0; i < TX_FRAMES; i++)
        {
            final byte[] payload = XdpTransportTest.payload(i);
            assertTrue(sender.send(new UnsafeBuffer(payload), 0, payload.length));
            assertEquals(TP_STATUS_SEND_REQUEST, kernel.txStatus(i));
        }
        assertEquals(TX_FRAMES, kernel.kicks);
        assertEquals(TX_FRAMES, transport.transmitKicks());
        final UnsafeBuffer more = new UnsafeBuffer(XdpTransportTest.payload(TX_FRAMES));
        assertFalse(sender.send(more, 0, more.capacity()), "every slot awaits the kernel");
        assertEquals(1, transport.framesNotSent());
        assertEquals(1, sender.framesNotSent());

        assertEquals(TX_FRAMES, kernel.transmit(capture, 100));
        assertEquals(List.of(), capture.mismatches(0));
        for (int i = 0; i < TX_FRAMES; i++)
        {
            assertEquals(TP_STATUS_AVAILABLE, kernel.txStatus(i));
        }
        assertTrue(sender.send(more, 0, more.capacity()));
        assertEquals(1, kernel.transmit(capture, 100));
        assertEquals(List.of(), capture.mismatches(0));
        assertEquals(TX_FRAMES + 1, transport.framesSent());
        assertEquals(0, transport.framesReceived());
    }

    @Test
    void reusesAWrongFormatSlotAndRetriesADeferredKick()
    {
        final FakePacketRing kernel = new FakePacketRing(FRAME_SIZE, RX_FRAMES, TX_FRAMES);
        final PacketRingTransport transport = transport(kernel);
        final RawUdpSender sender = transport.newSender(PEER_ADDRESS, PEER_PORT, FEED_PORT, PEER_MAC);
        final XdpTransportTest.TxCapture capture = new XdpTransportTest.TxCapture();
        final UnsafeBuffer payload = new UnsafeBuffer(XdpTransportTest.payload(0));

        kernel.wrongFormatLength = 0;
        assertTrue(sender.send(payload, 0, payload.capacity()));
        assertEquals(0, kernel.transmit(capture, 100));
        assertEquals(TP_STATUS_WRONG_FORMAT, kernel.txStatus(0));
        kernel.wrongFormatLength = Integer.MAX_VALUE;
        for (int i = 1; i < TX_FRAMES; i++)
        {
            assertTrue(sender.send(payload, 0, payload.capacity()));
        }
        assertEquals(TX_FRAMES - 1, kernel.transmit(capture, 100));
        assertTrue(sender.send(payload, 0, payload.capacity()), "the refused slot is reused");
        assertEquals(1, transport.txWrongFormat());
        assertEquals(TP_STATUS_SEND_REQUEST, kernel.txStatus(0));

        kernel.kickErrno = Errno.EAGAIN;
        assertEquals(1, kernel.transmit(capture, 100));
        assertTrue(sender.send(payload, 0, payload.capacity()));
        assertEquals(1, transport.kickErrors());
        final int kicks = kernel.kicks;
        kernel.kickErrno = 0;
        assertEquals(0, transport.poll(recorder, 10));
        assertEquals(kicks + 1, kernel.kicks, "the next poll retries the kick");
        assertEquals(0, transport.poll(recorder, 10));
        assertEquals(kicks + 1, kernel.kicks);
    }

    @Test
    void closeIsIdempotentAndStopsEverything()
    {
        final FakePacketRing kernel = new FakePacketRing(FRAME_SIZE, RX_FRAMES, TX_FRAMES);
        final PacketRingTransport transport = transport(kernel);
        final RawUdpSender sender = transport.newSender(PEER_ADDRESS, PEER_PORT, FEED_PORT, PEER_MAC);
        assertTrue(deliver(kernel, 0, 0));
        transport.close();
        transport.close();
        assertEquals(1, releases);
        assertEquals(0, transport.poll(recorder, 10));
        assertFalse(sender.send(new UnsafeBuffer(new byte[10]), 0, 10));
        assertEquals(1, transport.framesNotSent());
    }

    @Test
    void refusesUnusableLayoutsAndOptions()
    {
        final FakePacketRing kernel = new FakePacketRing(FRAME_SIZE, RX_FRAMES, 0);
        final long[] layout = kernel.layout().clone();
        layout[NativeNic.PR_TX_DATA_OFFSET] = 8;
        assertThrows(IllegalArgumentException.class,
            () -> new PacketRingTransport(options(), layout, kernel, () -> { }));
        final PacketRingTransport noTx = new PacketRingTransport(options(), kernel.layout(), kernel, () -> { });
        assertThrows(IllegalStateException.class, () -> noTx.newSender(PEER_ADDRESS, PEER_PORT, FEED_PORT, PEER_MAC));
        assertThrows(IllegalArgumentException.class, () -> options().rxFrames(3).validate());
        assertThrows(IllegalArgumentException.class, () -> options().frameSize(1024).validate());
        assertThrows(IllegalArgumentException.class, () -> options().udpPorts(1, 2, 3, 4, 5).validate());
    }

    /**
     * The fake kernel on its own thread writes numbered frames into free RX slots and sends what the poller
     * posts; every frame must arrive once and in order, both ways.
     */
    @Test
    void twoThreadsLoseAndDuplicateNothing() throws InterruptedException
    {
        final int frames = 200_000;
        final FakePacketRing kernel = new FakePacketRing(FRAME_SIZE, 64, 16);
        final PacketRingTransport transport = transport(kernel);
        final RawUdpSender sender = transport.newSender(PEER_ADDRESS, PEER_PORT, FEED_PORT, PEER_MAC);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final long deadlineNs = System.nanoTime() + STRESS_TIMEOUT_NS;
        final XdpTransportTest.SequenceChecker transmitted =
            new XdpTransportTest.SequenceChecker(PEER_ADDRESS, PEER_PORT);

        final Thread kernelThread = new Thread(() ->
        {
            try
            {
                final RawUdpBuilder builder = new RawUdpBuilder().macs(LOCAL_MAC, PEER_MAC)
                    .endpoints(PEER_ADDRESS, PEER_PORT, LOCAL_ADDRESS, FEED_PORT);
                final UnsafeBuffer kernelFrame = new UnsafeBuffer(ByteBuffer.allocateDirect(FRAME_SIZE));
                long next = 0;
                int length = 0;
                while ((next < frames || transmitted.next < frames) && System.nanoTime() - deadlineNs < 0)
                {
                    if (next < frames)
                    {
                        if (0 == length)
                        {
                            kernelFrame.putLong(builder.headersLength(), next);
                            length = builder.encode(kernelFrame, 0, 8 + (int)(next % 64));
                        }
                        if (kernel.canReceive() && kernel.receive(kernelFrame, 0, length, 0))
                        {
                            next++;
                            length = 0;
                        }
                    }
                    kernel.transmit(transmitted, 8);
                }
            }
            catch (final Throwable t)
            {
                failure.set(t);
            }
        }, "fake-packet-kernel");

        final UnsafeBuffer sendBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
        final XdpTransportTest.SequenceChecker receivedFrames = new XdpTransportTest.SequenceChecker(0, 0);
        kernelThread.start();
        long sent = 0;
        while ((receivedFrames.next < frames || sent < frames) && null == failure.get() &&
            System.nanoTime() - deadlineNs < 0)
        {
            transport.poll(receivedFrames.payloads, 8);
            if (sent < frames)
            {
                sendBuffer.putLong(0, sent);
                if (sender.send(sendBuffer, 0, 8 + (int)(sent % 32)))
                {
                    sent++;
                }
            }
        }
        kernelThread.join();

        assertNull(failure.get());
        assertNull(receivedFrames.mismatch);
        assertNull(transmitted.mismatch);
        assertEquals(frames, receivedFrames.next);
        assertEquals(frames, transmitted.next);
        assertEquals(frames, transport.framesReceived());
        assertEquals(0, transport.malformedFrames());
        assertEquals(0, transport.losingEvents(), "the fake kernel waits rather than drops here");
        assertEquals(frames, transport.framesSent());
        System.out.println("PacketRingTransportTest: " + frames + " frames each way, " + transport.framesNotSent() +
            " sends refused, " + kernel.kernelDrops + " kernel retries");
    }
}
