package corezero.nic;

import corezero.sys.Errno;
import corezero.sys.NativeNic;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static corezero.sys.NativeNic.XDP_RING_COMPLETION;
import static corezero.sys.NativeNic.XDP_RING_FILL;
import static corezero.sys.NativeNic.XDP_RING_RX;
import static corezero.sys.NativeNic.XDP_RING_TX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * XdpTransport against a fake kernel ({@link FakeXdpKernel}) over memory the test allocates: RX in order through
 * the fill ring and back, index wrap-around, limits, malformed frames, a throwing handler, wake-ups, TX through
 * the TX and completion rings, and a two-thread run.
 */
class XdpTransportTest
{
    static final int LOCAL_ADDRESS = 0x0A000002;
    static final long LOCAL_MAC = 0x020000000002L;
    static final int PEER_ADDRESS = 0x0A000001;
    static final long PEER_MAC = 0x020000000001L;
    static final int FEED_PORT = 31001;
    static final int PEER_PORT = 40000;
    private static final int FRAME_SIZE = 2048;
    private static final int FRAME_COUNT = 16;
    private static final int HALF = FRAME_COUNT / 2;
    private static final int NEAR_WRAP = 0xFFFF_FFF0;
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

    static XdpOptions options()
    {
        return new XdpOptions()
            .interfaceName("veth-e")
            .udpPorts(31001, 31002)
            .localAddress(LOCAL_ADDRESS)
            .localMac(LOCAL_MAC)
            .frameSize(FRAME_SIZE)
            .frameCount(FRAME_COUNT);
    }

    private XdpTransport transport(final FakeXdpKernel kernel)
    {
        return new XdpTransport(options(), kernel.layout(), kernel, () -> releases++);
    }

    static byte[] payload(final int sequence)
    {
        final byte[] payload = new byte[1 + Math.floorMod(sequence * 37, 300)];
        for (int i = 0; i < payload.length; i++)
        {
            payload[i] = (byte)(sequence + i * 7);
        }
        return payload;
    }

    /** Build a frame carrying {@code payload(sequence)} and hand it to the fake kernel. */
    private boolean deliver(final FakeXdpKernel kernel, final RawUdpBuilder builder, final int sequence)
    {
        final byte[] payload = payload(sequence);
        final int length = builder.build(frame, 0, new UnsafeBuffer(payload), 0, payload.length);
        return kernel.receive(frame, 0, length);
    }

    @Test
    void fillsHalfTheUmemIntoTheFillRingAtConstruction()
    {
        final FakeXdpKernel kernel = new FakeXdpKernel(FRAME_SIZE, FRAME_COUNT, 0, false, true);
        final XdpTransport transport = transport(kernel);

        assertEquals(HALF, kernel.entries(XDP_RING_FILL));
        for (int i = 0; i < HALF; i++)
        {
            assertEquals((long)i * FRAME_SIZE, kernel.peekFill(i));
        }
        assertEquals(HALF, transport.freeTxFrames());
        assertEquals("af_xdp veth-e queue 0 (native, copy, need_wakeup) udp :31001,:31002", transport.description());
    }

    @Test
    void deliversPayloadsInOrderAndReturnsEveryFrameToTheFillRing()
    {
        final FakeXdpKernel kernel = new FakeXdpKernel(FRAME_SIZE, FRAME_COUNT, 0, false, true);
        final XdpTransport transport = transport(kernel);

        long bytes = 0;
        for (int round = 0; round < 5; round++)
        {
            for (int i = 0; i < HALF; i++)
            {
                assertTrue(deliver(kernel, peer, round * HALF + i), "round " + round + " frame " + i);
                bytes += payload(round * HALF + i).length;
            }
            assertFalse(deliver(kernel, peer, -1), "the fill ring is empty: the kernel drops");
            assertEquals(HALF, transport.poll(recorder, 100));
            assertEquals(HALF, kernel.entries(XDP_RING_FILL));
            assertEquals(0, kernel.entries(XDP_RING_RX));
        }

        assertEquals(5 * HALF, received.size());
        for (int i = 0; i < received.size(); i++)
        {
            assertArrayEquals(payload(i), received.get(i), "payload " + i);
        }
        final Set<Long> fill = new HashSet<>();
        for (int i = 0; i < HALF; i++)
        {
            fill.add(kernel.peekFill(i));
        }
        final Set<Long> expected = new HashSet<>();
        for (int i = 0; i < HALF; i++)
        {
            expected.add((long)i * FRAME_SIZE);
        }
        assertEquals(expected, fill, "frame addresses, without the kernel's headroom");
        assertEquals(5 * HALF, transport.framesReceived());
        assertEquals(bytes, transport.bytesReceived());
        assertEquals(0, transport.malformedFrames());
        assertEquals(5, transport.fillRingEmptyEvents(), "the kernel had used every fill frame each round");
        assertEquals(0, transport.receiveKicks());
        assertEquals(0, transport.poll(recorder, 100));
    }

    @Test
    void indicesWrapPast2To32()
    {
        final FakeXdpKernel kernel = new FakeXdpKernel(FRAME_SIZE, FRAME_COUNT, NEAR_WRAP, false, true);
        final XdpTransport transport = transport(kernel);

        int sequence = 0;
        for (int round = 0; round < 8; round++)
        {
            for (int i = 0; i < 5; i++)
            {
                assertTrue(deliver(kernel, peer, sequence++));
            }
            assertEquals(5, transport.poll(recorder, 100));
        }
        final TxCapture capture = new TxCapture();
        final RawUdpSender sender = transport.newSender(PEER_ADDRESS, PEER_PORT, FEED_PORT, PEER_MAC);
        for (int i = 0; i < 40; i++)
        {
            final byte[] payload = payload(i);
            assertTrue(sender.send(new UnsafeBuffer(payload), 0, payload.length), "send " + i);
            assertEquals(1, kernel.transmit(capture, 10));
        }

        assertEquals(sequence, received.size());
        for (int i = 0; i < sequence; i++)
        {
            assertArrayEquals(payload(i), received.get(i));
        }
        assertEquals(40, capture.payloads.size());
        assertEquals(List.of(), capture.mismatches(0));
        // The fill producer started at NEAR_WRAP, then HALF at construction and 40 refills: past 2^32.
        assertEquals(NEAR_WRAP + HALF + 40, kernel.producer(XDP_RING_FILL));
        assertTrue(Integer.compareUnsigned(kernel.producer(XDP_RING_FILL), 0x100) < 0);
        assertEquals(NEAR_WRAP + 40, kernel.consumer(XDP_RING_RX));
        assertEquals(NEAR_WRAP + 40, kernel.consumer(XDP_RING_TX));
        assertEquals(HALF, kernel.entries(XDP_RING_FILL));
    }

    @Test
    void honoursTheLimit()
    {
        final FakeXdpKernel kernel = new FakeXdpKernel(FRAME_SIZE, FRAME_COUNT, NEAR_WRAP, false, true);
        final XdpTransport transport = transport(kernel);
        for (int i = 0; i < 7; i++)
        {
            assertTrue(deliver(kernel, peer, i));
        }

        assertEquals(0, transport.poll(recorder, 0));
        assertEquals(0, transport.poll(recorder, -1));
        assertEquals(3, transport.poll(recorder, 3));
        assertEquals(3, received.size());
        assertEquals(4, kernel.entries(XDP_RING_RX));
        assertEquals(HALF - 7 + 3, kernel.entries(XDP_RING_FILL));
        assertEquals(3, transport.poll(recorder, 3));
        assertEquals(1, transport.poll(recorder, 3));
        assertEquals(0, transport.poll(recorder, 3));
        for (int i = 0; i < 7; i++)
        {
            assertArrayEquals(payload(i), received.get(i));
        }
        assertEquals(HALF, kernel.entries(XDP_RING_FILL));
    }

    @Test
    void countsAndSkipsMalformedFramesAndStillReturnsThem()
    {
        final FakeXdpKernel kernel = new FakeXdpKernel(FRAME_SIZE, FRAME_COUNT, 0, false, true);
        final XdpTransport transport = transport(kernel);
        final UnsafeBuffer payload = new UnsafeBuffer(payload(1));
        final int ip = RawUdpDescriptor.ETHERNET_HEADER_LENGTH;
        final int length = peer.build(frame, 0, payload, 0, payload.capacity());

        assertTrue(kernel.receive(frame, 0, 20));
        frame.putByte(ip + RawUdpDescriptor.IP_TTL_OFFSET, (byte)1);
        assertTrue(kernel.receive(frame, 0, length));
        peer.build(frame, 0, payload, 0, payload.capacity());
        frame.putByte(length - 1, (byte)(frame.getByte(length - 1) ^ 0x40));
        assertTrue(kernel.receive(frame, 0, length));
        final RawUdpBuilder stranger = new RawUdpBuilder().macs(LOCAL_MAC, PEER_MAC)
            .endpoints(PEER_ADDRESS, PEER_PORT, LOCAL_ADDRESS + 1, FEED_PORT);
        assertTrue(deliver(kernel, stranger, 1));
        assertTrue(deliver(kernel, peer, 2));

        assertEquals(1, transport.poll(recorder, 10));
        assertEquals(1, received.size());
        assertArrayEquals(payload(2), received.get(0));
        assertEquals(1, transport.malformedFrames(RawUdpReason.TRUNCATED));
        assertEquals(1, transport.malformedFrames(RawUdpReason.BAD_IP_CHECKSUM));
        assertEquals(1, transport.malformedFrames(RawUdpReason.BAD_UDP_CHECKSUM));
        assertEquals(1, transport.malformedFrames(RawUdpReason.WRONG_DESTINATION));
        assertEquals(0, transport.malformedFrames(RawUdpReason.OK));
        assertEquals(4, transport.malformedFrames());
        assertEquals(1, transport.framesReceived());
        assertEquals(HALF, kernel.entries(XDP_RING_FILL));
    }

    @Test
    void acceptsAnyPortTheProgramRedirected()
    {
        final FakeXdpKernel kernel = new FakeXdpKernel(FRAME_SIZE, FRAME_COUNT, 0, false, true);
        final XdpTransport transport = transport(kernel);
        final RawUdpBuilder otherPort = new RawUdpBuilder().macs(LOCAL_MAC, PEER_MAC)
            .endpoints(PEER_ADDRESS, PEER_PORT, LOCAL_ADDRESS, 31002);
        assertTrue(deliver(kernel, otherPort, 3));

        assertEquals(1, transport.poll(recorder, 10));
        assertArrayEquals(payload(3), received.get(0));
    }

    @Test
    void aDescriptorOutsideItsFrameIsCountedAndItsFrameReturned()
    {
        final FakeXdpKernel kernel = new FakeXdpKernel(FRAME_SIZE, FRAME_COUNT, 0, false, true);
        final XdpTransport transport = transport(kernel);
        assertTrue(kernel.receive(frame, 0, FRAME_SIZE - FakeXdpKernel.HEADROOM));
        // Stretch the descriptor's length past the end of its frame.
        final int rxDescriptor = (int)(kernel.layout()[NativeNic.XDP_RINGS + XDP_RING_RX * NativeNic.XDP_RING_FIELDS +
            NativeNic.RING_DESCRIPTORS] - kernel.memory().addressOffset());
        kernel.memory().putInt(rxDescriptor + 8, FRAME_SIZE);

        assertEquals(0, transport.poll(recorder, 10));
        assertEquals(1, transport.invalidDescriptors());
        assertEquals(HALF, kernel.entries(XDP_RING_FILL));
    }

    @Test
    void aThrowingHandlerStillReturnsItsFrame()
    {
        final FakeXdpKernel kernel = new FakeXdpKernel(FRAME_SIZE, FRAME_COUNT, 0, false, true);
        final XdpTransport transport = transport(kernel);
        for (int i = 0; i < 3; i++)
        {
            assertTrue(deliver(kernel, peer, i));
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
        assertEquals(2, received.size());
        assertEquals(HALF - 1, kernel.entries(XDP_RING_FILL), "both handed frames are back");
        assertEquals(1, kernel.entries(XDP_RING_RX));
        assertEquals(2, transport.framesReceived(), "the frame handed to the throwing handler counts as consumed");

        assertEquals(1, transport.poll(recorder, 10));
        assertArrayEquals(payload(2), received.get(2));
        assertEquals(HALF, kernel.entries(XDP_RING_FILL));
    }

    @Test
    void kicksTheReceiveSideOnlyWhenTheFillRingAsks()
    {
        final FakeXdpKernel kernel = new FakeXdpKernel(FRAME_SIZE, FRAME_COUNT, 0, true, true);
        final XdpTransport transport = transport(kernel);
        assertTrue(deliver(kernel, peer, 0));
        assertEquals(1, transport.poll(recorder, 10));
        assertEquals(0, kernel.rxKicks);

        kernel.flags(XDP_RING_FILL, XdpRingDescriptor.NEED_WAKEUP);
        assertEquals(0, transport.poll(recorder, 10), "an idle poll makes no system call");
        assertEquals(0, kernel.rxKicks);
        assertTrue(deliver(kernel, peer, 1));
        assertEquals(1, transport.poll(recorder, 10));
        assertEquals(1, kernel.rxKicks);
        assertEquals(1, transport.receiveKicks());
        assertEquals(0, kernel.txKicks);
    }

    @Test
    void sendsThroughTheTxRingAndReclaimsCompletedFrames()
    {
        final FakeXdpKernel kernel = new FakeXdpKernel(FRAME_SIZE, FRAME_COUNT, NEAR_WRAP, true, true);
        final XdpTransport transport = transport(kernel);
        final RawUdpSender sender = transport.newSender(PEER_ADDRESS, PEER_PORT, FEED_PORT, PEER_MAC);
        final TxCapture capture = new TxCapture();

        int sequence = 0;
        for (int i = 0; i < HALF; i++)
        {
            final byte[] payload = payload(sequence++);
            assertTrue(sender.send(new UnsafeBuffer(payload), 0, payload.length));
        }
        assertEquals(0, transport.freeTxFrames());
        assertEquals(0, kernel.txKicks, "zero-copy with need_wakeup and the flag clear: no kick");
        final byte[] extra = payload(99);
        assertFalse(sender.send(new UnsafeBuffer(extra), 0, extra.length), "every TX frame is in flight");
        assertEquals(1, sender.framesNotSent());
        assertEquals(1, transport.framesNotSent());
        assertEquals(HALF, kernel.entries(XDP_RING_TX));

        assertEquals(HALF, kernel.transmit(capture, 100));
        assertEquals(HALF, kernel.entries(XDP_RING_COMPLETION));
        assertEquals(List.of(), capture.mismatches(0));
        final Set<Integer> frames = new HashSet<>(capture.frameAddresses);
        assertEquals(HALF, frames.size());
        for (final int address : frames)
        {
            assertTrue(address >= HALF * FRAME_SIZE && address % FRAME_SIZE == 0, "TX frame " + address);
        }

        kernel.flags(XDP_RING_TX, XdpRingDescriptor.NEED_WAKEUP);
        final byte[] payload = payload(sequence++);
        assertTrue(sender.send(new UnsafeBuffer(payload), 0, payload.length), "completed frames are reclaimed");
        assertEquals(0, kernel.entries(XDP_RING_COMPLETION));
        assertEquals(HALF - 1, transport.freeTxFrames());
        assertEquals(1, kernel.txKicks);
        assertEquals(1, transport.transmitKicks());
        assertEquals(HALF + 1, transport.framesSent());
        assertEquals(HALF + 1, sender.framesSent());
        assertEquals(1, kernel.transmit(capture, 100));
        assertEquals(List.of(), capture.mismatches(0));
        assertEquals(0, transport.framesReceived(), "sending receives nothing");
    }

    @Test
    void copyModeKicksEverySendAndRetriesAKickTheKernelDeferred()
    {
        final FakeXdpKernel kernel = new FakeXdpKernel(FRAME_SIZE, FRAME_COUNT, 0, false, true);
        final XdpTransport transport = transport(kernel);
        final RawUdpSender sender = transport.newSender(PEER_ADDRESS, PEER_PORT, FEED_PORT, PEER_MAC);
        final UnsafeBuffer payload = new UnsafeBuffer(payload(5));

        assertTrue(sender.send(payload, 0, payload.capacity()));
        assertTrue(sender.send(payload, 0, payload.capacity()));
        assertEquals(2, kernel.txKicks);

        kernel.kickErrno = Errno.EAGAIN;
        assertTrue(sender.send(payload, 0, payload.capacity()), "posted; the kernel will send it later");
        assertEquals(3, kernel.txKicks);
        assertEquals(1, transport.kickErrors());
        kernel.kickErrno = 0;
        assertEquals(0, transport.poll(recorder, 10));
        assertEquals(4, kernel.txKicks, "the next poll retries the kick");
        assertEquals(0, transport.poll(recorder, 10));
        assertEquals(4, kernel.txKicks);
        assertEquals(4, transport.transmitKicks());
    }

    @Test
    void refusesUnusableRangesAndAnythingAfterClose()
    {
        final FakeXdpKernel kernel = new FakeXdpKernel(FRAME_SIZE, FRAME_COUNT, 0, false, true);
        final XdpTransport transport = transport(kernel);
        final RawUdpSender sender = transport.newSender(PEER_ADDRESS, PEER_PORT, FEED_PORT, PEER_MAC);
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[FRAME_SIZE]);
        assertEquals(FRAME_SIZE - RawUdpDescriptor.MIN_HEADERS_LENGTH, sender.maxPayloadLength());
        assertFalse(sender.send(payload, 0, 0));
        assertFalse(sender.send(payload, 0, sender.maxPayloadLength() + 1));
        assertFalse(sender.send(payload, FRAME_SIZE - 10, 11));
        assertFalse(sender.send(payload, -1, 10));
        assertTrue(sender.send(payload, 0, sender.maxPayloadLength()));
        assertEquals(4, sender.framesNotSent());
        assertEquals(0, transport.framesNotSent(), "refused before reaching the ring");
        assertEquals("af_xdp veth-e queue 0 sender 10.0.0.2:31001 -> 10.0.0.1:40000 (02:00:00:00:00:01)",
            sender.description());

        sender.close();
        assertFalse(sender.send(payload, 0, 10));
        final RawUdpSender another = transport.newSender(PEER_ADDRESS, PEER_PORT, FEED_PORT, PEER_MAC);
        assertTrue(deliver(kernel, peer, 1));
        transport.close();
        transport.close();
        assertEquals(1, releases);
        assertEquals(0, transport.poll(recorder, 10));
        assertFalse(another.send(payload, 0, 10));
        assertEquals(1, transport.framesNotSent());
    }

    @Test
    void refusesALayoutThatDoesNotAddUp()
    {
        final FakeXdpKernel kernel = new FakeXdpKernel(FRAME_SIZE, FRAME_COUNT, 0, false, true);
        final long[] layout = kernel.layout().clone();
        layout[NativeNic.XDP_UMEM_BYTES] = FRAME_SIZE * FRAME_COUNT + 1;
        assertThrows(IllegalArgumentException.class, () -> new XdpTransport(options(), layout, kernel, () -> { }));
        final long[] smallRing = kernel.layout().clone();
        smallRing[NativeNic.XDP_RINGS + XDP_RING_FILL * NativeNic.XDP_RING_FIELDS + NativeNic.RING_SIZE] = HALF / 2;
        assertThrows(IllegalStateException.class, () -> new XdpTransport(options(), smallRing, kernel, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> options().frameSize(1000).validate());
        assertThrows(IllegalArgumentException.class, () -> options().udpPorts(new int[0]).validate());
        assertThrows(IllegalArgumentException.class, () -> options().interfaceName(null).validate());
    }

    /**
     * The fake kernel on its own thread receives numbered frames as fast as the fill ring allows and transmits
     * what the poller sends; the poller checks that every frame arrives once, in order, and the kernel that
     * every sent frame does.
     */
    @Test
    void twoThreadsLoseAndDuplicateNothing() throws InterruptedException
    {
        final int frames = 200_000;
        final FakeXdpKernel kernel = new FakeXdpKernel(FRAME_SIZE, 64, NEAR_WRAP, true, true);
        final XdpTransport transport = transport(kernel);
        final RawUdpSender sender = transport.newSender(PEER_ADDRESS, PEER_PORT, FEED_PORT, PEER_MAC);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final long deadlineNs = System.nanoTime() + STRESS_TIMEOUT_NS;
        final SequenceChecker transmitted = new SequenceChecker(PEER_ADDRESS, PEER_PORT);

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
                        if (kernel.receive(kernelFrame, 0, length))
                        {
                            next++;
                            length = 0;
                        }
                    }
                    kernel.transmit(transmitted, 16);
                }
            }
            catch (final Throwable t)
            {
                failure.set(t);
            }
        }, "fake-xdp-kernel");

        final UnsafeBuffer sendBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
        final SequenceChecker receivedFrames = new SequenceChecker(0, 0);
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
        assertEquals(0, transport.invalidDescriptors());
        assertEquals(frames, transport.framesSent());
        assertEquals(32, kernel.entries(XDP_RING_FILL) + kernel.entries(XDP_RING_RX), "every RX frame circulates");
        System.out.println("XdpTransportTest: " + frames + " frames each way, fill ring empty " +
            transport.fillRingEmptyEvents() + " times, " + transport.framesNotSent() + " sends refused");
    }

    /** Records what the fake kernel transmits and checks each frame's headers. */
    static final class TxCapture implements FrameHandler
    {
        final RawUdpParser parser = new RawUdpParser(PEER_ADDRESS, PEER_PORT);
        final List<byte[]> payloads = new ArrayList<>();
        final List<Integer> frameAddresses = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        public void onFrame(final DirectBuffer buffer, final int offset, final int length)
        {
            frameAddresses.add(offset);
            final int reason = parser.parse(buffer, offset, length);
            if (RawUdpReason.OK != reason)
            {
                problems.add("frame at " + offset + ": " + RawUdpReason.describe(reason));
                return;
            }
            if (LOCAL_ADDRESS != parser.sourceAddress() || FEED_PORT != parser.sourcePort() ||
                PEER_MAC != (buffer.getLong(offset, RawUdpDescriptor.BYTE_ORDER) >>> 16) ||
                LOCAL_MAC != (buffer.getLong(offset + 4, RawUdpDescriptor.BYTE_ORDER) & 0xFFFF_FFFF_FFFFL))
            {
                problems.add("frame at " + offset + ": wrong source or MACs");
            }
            final byte[] payload = new byte[parser.payloadLength()];
            buffer.getBytes(parser.payloadOffset(), payload);
            payloads.add(payload);
        }

        List<String> mismatches(final int firstSequence)
        {
            final List<String> mismatches = new ArrayList<>(problems);
            for (int i = 0; i < payloads.size(); i++)
            {
                if (!java.util.Arrays.equals(payload(firstSequence + i), payloads.get(i)))
                {
                    mismatches.add("payload " + i);
                }
            }
            return mismatches;
        }
    }

    /**
     * Checks numbered payloads (a long sequence first): as a FrameHandler of payloads ({@link #payloads}), or of
     * whole frames to a destination when constructed with one.
     */
    static final class SequenceChecker implements FrameHandler
    {
        final RawUdpParser parser;
        final FrameHandler payloads = this::onPayload;
        volatile long next;
        volatile String mismatch;

        SequenceChecker(final int destinationAddress, final int destinationPort)
        {
            parser = new RawUdpParser(destinationAddress, destinationPort);
        }

        public void onFrame(final DirectBuffer buffer, final int offset, final int length)
        {
            final int reason = parser.parse(buffer, offset, length);
            if (RawUdpReason.OK != reason)
            {
                mismatch = "frame " + next + ": " + RawUdpReason.describe(reason);
                return;
            }
            onPayload(buffer, parser.payloadOffset(), parser.payloadLength());
        }

        private void onPayload(final DirectBuffer buffer, final int offset, final int length)
        {
            final long sequence = buffer.getLong(offset);
            if (sequence != next && null == mismatch)
            {
                mismatch = "expected " + next + ", got " + sequence;
            }
            next = sequence + 1;
        }
    }
}
