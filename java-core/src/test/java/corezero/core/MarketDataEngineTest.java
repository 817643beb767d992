package corezero.core;

import corezero.book.BookSnapshot;
import corezero.book.ItchBookAdapter;
import corezero.book.OrderBooks;
import corezero.itch.ItchDecoder;
import corezero.itch.MoldUdp64Descriptor;
import corezero.nic.SharedMemoryPublisher;
import corezero.telemetry.EngineCounter;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole market-data path in a running engine, on the real AAPL capture: MoldUDP64 packets over loopback UDP
 * (one of them dropped, then recovered through the re-request server this test plays) or over a shared-memory
 * ring, into the hot thread's books; the book the REPL would see equals a direct replay of the capture.
 */
class MarketDataEngineTest
{
    private static final byte[] SESSION = "TESTSESS01".getBytes(StandardCharsets.US_ASCII);
    private static final int MESSAGES_PER_PACKET = 8;
    private static final int DROPPED_PACKET = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static List<byte[]> messages;

    @TempDir
    Path tempDir;

    private Engine engine;

    @BeforeAll
    static void loadCapture() throws IOException
    {
        messages = CapturePackets.messages();
        assertEquals(10_000, messages.size());
    }

    @AfterEach
    void close()
    {
        if (null != engine)
        {
            engine.close();
        }
    }

    @Test
    void udpFeedWithADroppedPacketRecoversAndBuildsTheSameBook() throws Exception
    {
        try (DatagramSocket rerequestServer = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            DatagramSocket publisher = new DatagramSocket())
        {
            final FeedConfig feed = new FeedConfig(
                FeedConfig.Transport.UDP, new InetSocketAddress("127.0.0.1", 0), null, null,
                (InetSocketAddress)rerequestServer.getLocalSocketAddress(), 65536, 1 << 20,
                TimeUnit.MILLISECONDS.toNanos(50), 10);
            engine = launch(feed);
            final InetSocketAddress feedAddress = engine.feedLocalAddress();

            final AtomicBoolean running = new AtomicBoolean(true);
            final AtomicInteger requestsAnswered = new AtomicInteger();
            final Thread server = new Thread(() -> answerRequests(rerequestServer, running, requestsAnswered));
            server.start();
            try
            {
                final AtomicInteger packetNumber = new AtomicInteger();
                publish((packet) ->
                {
                    if (packetNumber.incrementAndGet() != DROPPED_PACKET)
                    {
                        send(publisher, packet, feedAddress);
                    }
                });
                awaitMessages(messages.size());
            }
            finally
            {
                running.set(false);
                server.join(5_000);
            }

            assertEquals(1, engine.counter(EngineCounter.FEED_GAPS));
            assertEquals(1, engine.counter(EngineCounter.FEED_GAPS_RECOVERED));
            assertEquals(0, engine.counter(EngineCounter.FEED_GAPS_UNRECOVERABLE));
            assertTrue(requestsAnswered.get() >= 1);
            assertEquals(0, engine.counter(EngineCounter.FEED_STALE));
            assertBookEqualsDirectReplay();
        }
    }

    @Test
    void sharedMemoryFeedBuildsTheSameBook() throws Exception
    {
        final Path ring = tempDir.resolve("feed.ring");
        try (SharedMemoryPublisher publisher = SharedMemoryPublisher.create(ring, 1 << 22))
        {
            final FeedConfig feed = new FeedConfig(
                FeedConfig.Transport.SHARED_MEMORY, null, null, ring, null, 65536, 1 << 20,
                TimeUnit.MILLISECONDS.toNanos(50), 0);
            engine = launch(feed);
            publish((packet) ->
            {
                while (!publisher.offer(packet, 0, packet.capacity()))
                {
                    Thread.onSpinWait();
                }
            });
            awaitMessages(messages.size());
            assertEquals(0, engine.counter(EngineCounter.FEED_GAPS));
            assertBookEqualsDirectReplay();
        }
    }

    private Engine launch(final FeedConfig feed)
    {
        final int hotCpu = corezero.sys.CpuPinning.onlineCpus().length() - 1;
        return Engine.launch(
            EngineConfig.defaults(0, hotCpu == 0 ? -1 : hotCpu, tempDir.resolve("run"))
                .withBooks(65536, 4096, 16)
                .withFeed(feed),
            new SystemNanoClock(),
            SystemEpochClock.INSTANCE);
    }

    /** The capture as MoldUDP64 packets of up to 8 messages, sequence numbers from 1, then end of session. */
    private static void publish(final Consumer<UnsafeBuffer> sink)
    {
        long sequence = 1;
        for (int first = 0; first < messages.size(); first += MESSAGES_PER_PACKET)
        {
            final int count = Math.min(MESSAGES_PER_PACKET, messages.size() - first);
            sink.accept(packet(sequence, first, count));
            sequence += count;
        }
        final UnsafeBuffer endOfSession = new UnsafeBuffer(new byte[MoldUdp64Descriptor.HEADER_LENGTH]);
        MoldUdp64Descriptor.encodeHeader(
            endOfSession, 0, SESSION, sequence, MoldUdp64Descriptor.END_OF_SESSION_COUNT);
        sink.accept(endOfSession);
    }

    private static UnsafeBuffer packet(final long sequence, final int first, final int count)
    {
        return CapturePackets.packet(SESSION, messages, sequence, first, count);
    }

    private static void send(final DatagramSocket socket, final UnsafeBuffer packet, final InetSocketAddress to)
    {
        try
        {
            socket.send(new DatagramPacket(packet.byteArray(), packet.capacity(), to));
            // Loopback never drops for lack of room if the sender does not outrun a 4 MiB buffer by much.
            Thread.onSpinWait();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** The re-request server: answers each request with the messages asked for, as the spec says. */
    private static void answerRequests(
        final DatagramSocket socket, final AtomicBoolean running, final AtomicInteger answered)
    {
        final byte[] bytes = new byte[MoldUdp64Descriptor.REQUEST_LENGTH];
        try
        {
            socket.setSoTimeout(50);
            while (running.get())
            {
                final DatagramPacket request = new DatagramPacket(bytes, bytes.length);
                try
                {
                    socket.receive(request);
                }
                catch (final SocketTimeoutException ex)
                {
                    continue;
                }
                final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
                final long sequence = MoldUdp64Descriptor.sequenceNumber(buffer, 0);
                final int wanted = MoldUdp64Descriptor.messageCount(buffer, 0);
                final int available = messages.size() - (int)sequence + 1;
                final int count = Math.min(Math.min(wanted, MESSAGES_PER_PACKET), available);
                final UnsafeBuffer answer = packet(sequence, (int)sequence - 1, count);
                socket.send(new DatagramPacket(
                    answer.byteArray(), answer.capacity(), request.getAddress(), request.getPort()));
                answered.incrementAndGet();
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void awaitMessages(final long count) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (engine.counter(EngineCounter.FEED_MESSAGES) < count)
        {
            assertTrue(System.nanoTime() < deadline,
                "messages delivered: " + engine.counter(EngineCounter.FEED_MESSAGES) + " of " + count);
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private void assertBookEqualsDirectReplay()
    {
        final OrderBooks direct = new OrderBooks(65536, 4096, 16);
        final ItchBookAdapter adapter = new ItchBookAdapter(direct);
        final ItchDecoder decoder = new ItchDecoder();
        for (final byte[] message : messages)
        {
            assertEquals(ItchDecoder.OK, decoder.decode(new UnsafeBuffer(message), 0, message.length, adapter));
        }
        final BookSnapshot expected = new BookSnapshot("AAPL", 50);
        expected.fillFrom(direct);

        final BookSnapshot live = engine.commands().fill(new BookSnapshot("AAPL", 50), TIMEOUT);
        assertTrue(live.found());
        assertEquals(13, live.stockLocate());
        assertEquals(expected.orderCount(), live.orderCount());
        assertEquals(expected.totalBidLevels(), live.totalBidLevels());
        assertEquals(expected.totalAskLevels(), live.totalAskLevels());
        assertEquals(expected.tradedVolume(), live.tradedVolume());
        assertEquals(expected.lastTradePrice(), live.lastTradePrice());
        for (int i = 0; i < expected.bidLevels(); i++)
        {
            assertEquals(expected.bidPrice(i), live.bidPrice(i), "bid level " + i);
            assertEquals(expected.bidShares(i), live.bidShares(i), "bid level " + i);
            assertEquals(expected.bidOrders(i), live.bidOrders(i), "bid level " + i);
        }
        for (int i = 0; i < expected.askLevels(); i++)
        {
            assertEquals(expected.askPrice(i), live.askPrice(i), "ask level " + i);
            assertEquals(expected.askShares(i), live.askShares(i), "ask level " + i);
            assertEquals(expected.askOrders(i), live.askOrders(i), "ask level " + i);
        }
        assertTrue(live.bidPrice(0) < live.askPrice(0), "never crossed");
        assertEquals(0, engine.counter(EngineCounter.BOOK_UNKNOWN_ORDERS));
        assertEquals(0, engine.counter(EngineCounter.ITCH_UNKNOWN_TYPES));
        assertEquals(0, engine.counter(EngineCounter.ITCH_BAD_LENGTHS));
    }
}
