package corezero.venue;

import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static corezero.venue.ExchangeTestData.*;
import static corezero.venue.MoldUdp64Descriptor.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exchange killed part way through its capture (closed in-process) and started again on its state directory,
 * over loopback: one feed consumer that stays up across the restart sees one session whose numbering goes on, ends
 * with the book the restarted engine holds, and can still re-request messages from before the restart; the
 * participant's OUCH session goes on too.
 */
class ExchangeRestartTest
{
    private static final long MESSAGES_PER_SECOND = 250;

    private final Resources resources = new Resources();

    @AfterEach
    void closeAll() throws Exception
    {
        resources.closeAll();
    }

    private <T extends AutoCloseable> T use(final T resource)
    {
        return resources.use(resource);
    }

    private static Exchange startExchange(
        final BinaryFileCapture capture, final FeedReceiver feed, final Path stateDir) throws IOException
    {
        final Exchange exchange = new Exchange(
            capture,
            FeedSettings.defaults().withMessagesPerSecond(MESSAGES_PER_SECOND),
            LoopbackUdp.address(feed.channel),
            0,
            ExchangeOuchTest.settings(0, 0, 0, false, stateDir),
            new SystemNanoClock(),
            System.currentTimeMillis(),
            Throwable::printStackTrace);
        exchange.start();

        return exchange;
    }

    @Test
    void theFeedGoesOnAcrossARestart(@TempDir final Path stateDir) throws IOException
    {
        final BinaryFileCapture capture = churningBook(60);
        final FeedReceiver feed = use(new FeedReceiver());

        final long firstRunMessages;
        final long firstRunOuchMessages;
        final Exchange first = use(startExchange(capture, feed, stateDir));
        try (OuchTestClient client = OuchTestClient.loggedIn(first, 1))
        {
            assertTrue(feed.await(() -> feed.messages.size() >= 40), "part of the capture");
            client.enter(1, 'B', 150, SYMBOL, ASK_PRICE, '3', "TAKE");
            client.enter(2, 'S', 100, SYMBOL, 105_000, '0', "REST");
            assertTrue(client.await(() -> types(client.messages).matches("AE+C?A")),
                () -> "a fill and a resting order, got " + types(client.messages));
            firstRunOuchMessages = client.messages.size();
            first.close();
        }
        firstRunMessages = first.feed().messageCount();
        assertTrue(feed.await(() -> feed.messages.size() == firstRunMessages), "all that was sent is read");

        final int packetsBeforeRestart = feed.packetSequenceNumbers.size();
        final Exchange exchange = use(startExchange(capture, feed, stateDir));
        assertEquals(firstRunMessages, exchange.restoredFeedMessages());
        assertEquals(firstRunOuchMessages, exchange.restoredOuchMessages());
        final int position = exchange.restoredCapturePosition();
        assertTrue(position > 0 && position < capture.messageCount(), "stopped part way: " + position);

        // (c) The OUCH session goes on: no gap, the resting sell still live.
        try (OuchTestClient client = OuchTestClient.loggedIn(exchange, firstRunOuchMessages + 1))
        {
            client.accountQuery();
            assertTrue(client.awaitMessages(1));
            assertEquals(3, accountQueryResponse(client.messages.get(0)).nextUserRefNum());
            assertEquals(100, exchange.orders().byUserRefNum(2).openQty);
        }

        assertTrue(feed.await(() -> feed.types().endsWith("S")), "the rest of the capture, to its last message");
        assertTrue(feed.await(() -> feed.packetSequenceNumbers.size() > packetsBeforeRestart));

        // (d) A message from before the restart is answered.
        assertArrayEquals(feed.messages.get(1), rerequest(exchange, 2));
        assertArrayEquals(feed.messages.get((int)firstRunMessages - 1), rerequest(exchange, firstRunMessages));

        exchange.close();

        // (a) The first packet after the restart, heartbeat or not, goes on from the last one before it.
        assertEquals(firstRunMessages + 1, feed.packetSequenceNumbers.get(packetsBeforeRestart));
        for (int i = packetsBeforeRestart; i < feed.packetSequenceNumbers.size(); i++)
        {
            assertTrue(feed.packetSequenceNumbers.get(i) > firstRunMessages, "never back to old numbers");
        }
        assertNull(feed.fault, "one session without a gap");

        // (b) The consumer's book is the restarted engine's, which is not crossed and knew every order.
        assertNull(feed.book.fault);
        assertEquals(exchange.feed().messageCount(), feed.messages.size());
        assertEquals(describe(exchange.core().engine()), feed.book.describe(LOCATE));
        assertEquals(0, exchange.core().restoreMismatches());
        assertTrue(exchange.core().bestPrice(LOCATE, MatchingEngine.BUY) <
            exchange.core().bestPrice(LOCATE, MatchingEngine.SELL));
        assertTrue(feed.book.contains(exchange.orders().byUserRefNum(2).orderRef), "our sell once");
        assertEquals(1, exchange.orders().openCount());
    }

    @Test
    void theParticipantsOrdersAreInTheBookOnceWhenTheFeedJournalIsBehind(@TempDir final Path stateDir)
        throws IOException
    {
        final long lowRef;
        final long goneRef;
        final long restRef;
        final FeedReceiver firstFeed = use(new FeedReceiver());
        final Exchange first = use(ExchangeOuchTest.startExchange(
            firstFeed, ExchangeOuchTest.settings(0, 0, 0, false, stateDir)));
        try (OuchTestClient client = OuchTestClient.loggedIn(first, 1))
        {
            assertTrue(firstFeed.await(() -> firstFeed.messages.size() >= 3));
            client.enter(1, 'S', 300, SYMBOL, 101_000, '0', "REST");
            client.cancel(1, 200);
            client.enter(2, 'B', 100, SYMBOL, 98_000, '0', "LOW");
            client.enter(3, 'B', 100, SYMBOL, 97_000, '0', "GONE");
            client.cancel(3, 0);
            assertTrue(client.awaitMessages(5));
            assertEquals("ACAAC", types(client.messages));
            restRef = accepted(client.messages.get(0)).orderReferenceNumber();
            lowRef = accepted(client.messages.get(2)).orderReferenceNumber();
            goneRef = accepted(client.messages.get(3)).orderReferenceNumber();
            assertTrue(firstFeed.await(() -> firstFeed.messages.size() >= 8));
            assertEquals("RAAAXAAD", firstFeed.types());
            first.close();
        }

        // As if killed after the OUCH writes of the last two orders but before their ITCH ones: the Add of LOW,
        // the Add and the Delete of GONE are not on file.
        final Path itchJournal = stateDir.resolve(ItchJournal.fileName(FeedSettings.DEFAULT_SESSION));
        try (FileChannel file = FileChannel.open(itchJournal, StandardOpenOption.WRITE))
        {
            file.truncate(file.size() - 2 * (3 + ItchOrderDescriptor.ADD_ORDER_LENGTH) -
                (3 + ItchOrderDescriptor.ORDER_DELETE_LENGTH));
        }

        final FeedReceiver feed = use(new FeedReceiver());
        final Exchange exchange = use(ExchangeOuchTest.startExchange(
            feed, ExchangeOuchTest.settings(0, 0, 0, false, stateDir)));
        assertEquals(5, exchange.restoredFeedMessages());
        exchange.close();

        final List<byte[]> messages = ExchangeCoreRestartTest.feedMessages(exchange.feed());
        assertEquals("RAAAXA", types(messages), "LOW is entered again, once; GONE never was on the feed");
        assertEquals(lowRef, ItchOrderDescriptor.u64(wrap(messages.get(5)), ItchOrderDescriptor.ORDER_REF_OFFSET));
        assertEquals(200, exchange.core().engine().openQty(restRef));
        assertEquals(100, exchange.core().engine().openQty(lowRef));
        assertEquals(0, exchange.core().engine().openQty(goneRef));
        assertEquals(2, exchange.orders().openCount());
        assertTrue(exchange.orders().byUserRefNum(2).isInEngine);
    }

    @Test
    void anOrderTheSessionReducedIsReducedOnTheBookWhenTheFeedJournalIsBehind(@TempDir final Path stateDir)
        throws IOException
    {
        final long goneRef;
        final FeedReceiver firstFeed = use(new FeedReceiver());
        final Exchange first = use(ExchangeOuchTest.startExchange(
            firstFeed, ExchangeOuchTest.settings(0, 0, 0, false, stateDir)));
        try (OuchTestClient client = OuchTestClient.loggedIn(first, 1))
        {
            assertTrue(firstFeed.await(() -> firstFeed.messages.size() >= 3));
            client.enter(1, 'B', 300, SYMBOL, 97_000, '0', "GONE");
            client.cancel(1, 100);
            assertTrue(client.awaitMessages(2));
            goneRef = accepted(client.messages.get(0)).orderReferenceNumber();
            assertTrue(firstFeed.await(() -> firstFeed.messages.size() >= 5));
            assertEquals("RAAAX", firstFeed.types());
            first.close();
        }

        // As if killed between the OUCH Canceled and the ITCH Cancel: the book on file still has 300.
        final Path itchJournal = stateDir.resolve(ItchJournal.fileName(FeedSettings.DEFAULT_SESSION));
        try (FileChannel file = FileChannel.open(itchJournal, StandardOpenOption.WRITE))
        {
            file.truncate(file.size() - (3 + ItchOrderDescriptor.ORDER_CANCEL_LENGTH));
        }

        final FeedReceiver feed = use(new FeedReceiver());
        final Exchange exchange = use(ExchangeOuchTest.startExchange(
            feed, ExchangeOuchTest.settings(0, 0, 0, false, stateDir)));
        exchange.close();

        final List<byte[]> messages = ExchangeCoreRestartTest.feedMessages(exchange.feed());
        assertEquals("RAAAX", types(messages), "reduced to what the session was told");
        assertEquals(200, ItchOrderDescriptor.u32(wrap(messages.get(4)), ItchOrderDescriptor.SHARES_OFFSET));
        assertEquals(100, exchange.core().engine().openQty(goneRef));
        assertEquals(100, exchange.orders().byUserRefNum(1).openQty);
    }

    /**
     * @return the engine's orders of the test stock as {@link ItchBook#describe} gives a consumer's, by reference.
     */
    private static List<String> describe(final MatchingEngine engine)
    {
        final TreeMap<Long, String> orders = new TreeMap<>();
        final MatchingBook book = engine.bookOrNull(LOCATE);
        assertNotNull(book);
        for (final byte side : new byte[]{ MatchingEngine.BUY, MatchingEngine.SELL })
        {
            final MatchingSide levels = book.side(side);
            for (int rank = 0; rank < levels.levelCount(); rank++)
            {
                for (MatchingOrder order = levels.level(rank).head; null != order; order = order.next)
                {
                    orders.put(order.orderId, (char)side + " " + order.price + " " + order.qty + " " + order.orderId);
                }
            }
        }

        return new ArrayList<>(orders.values());
    }

    private static byte[] rerequest(final Exchange exchange, final long sequenceNumber) throws IOException
    {
        try (DatagramChannel channel = LoopbackUdp.bind())
        {
            final ByteBuffer request = ByteBuffer.allocateDirect(REQUEST_LENGTH);
            encodeRequest(new UnsafeBuffer(request), 0, sessionBytes(FeedSettings.DEFAULT_SESSION), sequenceNumber, 1);
            channel.send(request, exchange.rerequestAddress());

            final ByteBuffer answer = ByteBuffer.allocateDirect(MAX_UDP_PAYLOAD_LENGTH);
            assertNotNull(LoopbackUdp.receive(channel, answer, () ->
            {
            }), "an answer");
            final UnsafeBuffer packet = new UnsafeBuffer(answer);
            assertEquals(FeedSettings.DEFAULT_SESSION, sessionName(packet, 0));
            assertEquals(sequenceNumber, sequenceNumber(packet, 0));
            assertEquals(1, messageCount(packet, 0));
            final byte[] message = new byte[messageLength(packet, HEADER_LENGTH)];
            packet.getBytes(HEADER_LENGTH + MESSAGE_LENGTH_FIELD_LENGTH, message);

            return message;
        }
    }
}
