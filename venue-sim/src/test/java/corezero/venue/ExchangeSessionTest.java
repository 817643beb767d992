package corezero.venue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static corezero.venue.ExchangeTestData.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SoupBinTCP session of the exchange mode: the 4.10 login, heartbeats and their absence, and a restart from the
 * state directory.
 */
class ExchangeSessionTest
{
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

    /**
     * A 54-byte SoupBinTCP 4.10 Login Request on a raw socket, then everything the server sends for a while.
     *
     * @return the packet types received, e.g. "AHH".
     */
    private static String rawLoginAndListen(final Exchange exchange, final long listenNs) throws IOException
    {
        try (SocketChannel channel = SocketChannel.open(exchange.ouchAddress()))
        {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            final String login = "L" + pad("demo", 6) + pad("demo", 10) + pad("", 10) +
                String.format("%20d", 1) + String.format("%5d", 15_000);
            final ByteBuffer request = ByteBuffer.allocate(2 + login.length());
            request.putShort((short)login.length()).put(login.getBytes(StandardCharsets.US_ASCII)).flip();
            assertEquals(54, request.remaining());
            while (request.hasRemaining())
            {
                channel.write(request);
            }

            channel.configureBlocking(false);
            final ByteBuffer in = ByteBuffer.allocate(4096);
            final StringBuilder types = new StringBuilder();
            final long deadlineNs = System.nanoTime() + listenNs;
            while (System.nanoTime() - deadlineNs < 0)
            {
                if (channel.read(in) < 0)
                {
                    break;
                }
                in.flip();
                while (in.remaining() >= 2 && in.remaining() >= 2 + (in.getShort(in.position()) & 0xFFFF))
                {
                    final int length = in.getShort() & 0xFFFF;
                    types.append((char)in.get(in.position()));
                    in.position(in.position() + length);
                }
                in.compact();
                // A heartbeat to the server now and then, so that it does not time us out.
                if (types.length() > 0)
                {
                    final ByteBuffer heartbeat = ByteBuffer.wrap(new byte[]{ 0, 1, 'R' });
                    channel.write(heartbeat);
                }
                Thread.onSpinWait();
            }

            return types.toString();
        }
    }

    @Test
    void acceptsTheFourTenLoginAndSendsHeartbeatsWhenIdle() throws IOException
    {
        final FeedReceiver feed = use(new FeedReceiver());
        final Exchange exchange = use(ExchangeOuchTest.startExchange(
            feed, ExchangeOuchTest.settings(0, 0, 0, false, null)));

        final String types = rawLoginAndListen(exchange, TimeUnit.MILLISECONDS.toNanos(2_500));
        assertTrue(types.startsWith("AH"), "Login Accepted then a heartbeat within 2.5 s, got " + types);
        assertEquals(1, exchange.counters().ouchLoginsAccepted.get());
    }

    @Test
    void sendsNoHeartbeatsWhenSilent() throws IOException
    {
        final FeedReceiver feed = use(new FeedReceiver());
        final Exchange exchange = use(ExchangeOuchTest.startExchange(
            feed, ExchangeOuchTest.settings(0, 0, 0, true, null)));

        final String types = rawLoginAndListen(exchange, TimeUnit.MILLISECONDS.toNanos(2_500));
        assertEquals("A", types);
        assertTrue(feed.await(() -> exchange.counters().ouchHeartbeatsWithheld.get() >= 1));
    }

    @Test
    void resumesTheSessionOrdersAndUserRefNumsAfterARestart(@TempDir final Path stateDir) throws IOException
    {
        final FeedReceiver feed = use(new FeedReceiver());
        final List<byte[]> firstRun;
        try (Exchange exchange = ExchangeOuchTest.startExchange(
                feed, ExchangeOuchTest.settings(0, 0, 0, false, stateDir));
            OuchTestClient client = OuchTestClient.loggedIn(exchange, 1))
        {
            assertTrue(feed.await(() -> feed.messages.size() >= 3));
            client.enter(1, 'B', 100, SYMBOL, ASK_PRICE, '0', "FILL");
            client.enter(2, 'S', 300, SYMBOL, 101_000, '0', "REST");
            client.cancel(2, 200);
            client.enter(3, 'B', 100, SYMBOL, 98_000, '0', "LOW");
            client.enter(7, 'B', 100, SYMBOL, 97_000, '0', "GONE");
            client.cancel(7, 0);
            assertTrue(client.awaitMessages(7));
            assertEquals("AEACAAC", types(client.messages));
            firstRun = new ArrayList<>(client.messages);
            assertEquals(2, exchange.orders().openCount());
            assertTrue(feed.await(() -> feed.messages.size() >= 9));
            assertEquals("RAAEAXAAD", feed.types());
        }

        final long askRef = accepted(firstRun.get(2)).orderReferenceNumber();
        final long bidRef = accepted(firstRun.get(4)).orderReferenceNumber();
        assertEquals(200, feed.book.shares(askRef));
        assertEquals(100, feed.book.shares(bidRef));
        try (Exchange exchange = ExchangeOuchTest.startExchange(
            feed, ExchangeOuchTest.settings(0, 0, 0, false, stateDir)))
        {
            assertEquals(7, exchange.restoredOuchMessages());
            assertEquals(9, exchange.restoredFeedMessages());
            assertEquals(3, exchange.restoredCapturePosition(), "the capture is not replayed");
            assertTrue(Files.exists(stateDir.resolve("ouch-" + OuchSettings.DEFAULT_SESSION + ".journal")));
            assertTrue(Files.exists(stateDir.resolve("itch-" + FeedSettings.DEFAULT_SESSION + ".journal")));

            // The open orders are in the rebuilt book once: nothing is published again.
            assertEquals(2, exchange.orders().openCount());
            assertEquals(200, exchange.core().engine().openQty(askRef));
            assertEquals(100, exchange.core().engine().openQty(bidRef));
            assertEquals(0, exchange.feed().unsentCount());
            assertEquals(3, exchange.core().engine().openOrderCount(), "our two and the capture's bid");

            try (OuchTestClient client = OuchTestClient.loggedIn(exchange, 4))
            {
                assertEquals(4, client.loginSequenceNumber);
                assertTrue(client.awaitMessages(4));
                for (int i = 0; i < 4; i++)
                {
                    assertArrayEquals(firstRun.get(3 + i), client.messages.get(i), "message " + (4 + i) + " again");
                }

                client.accountQuery();
                assertTrue(client.awaitMessages(5));
                assertEquals(8, accountQueryResponse(client.messages.get(4)).nextUserRefNum());

                // The reloaded ask trades: a buy of 150 takes 150 of our 200 at $10.10, then the rest is canceled.
                client.enter(8, 'B', 150, SYMBOL, 101_000, '3', "TAKE");
                client.cancel(2, 150);
                assertTrue(client.awaitMessages(9), () -> "got " + types(client.messages));
                assertEquals("QAEEC", types(client.messages.subList(4, 9)));
                assertEquals(2, executed(client.messages.get(6)).userRefNum());
                assertEquals(150, executed(client.messages.get(6)).quantity());
                assertEquals(8, executed(client.messages.get(7)).userRefNum());
                assertTrue(executed(client.messages.get(6)).matchNumber() >
                    executed(firstRun.get(1)).matchNumber(), "match numbers go on after the restart");
                assertEquals(50, canceled(client.messages.get(8)).quantity(), "intended 150 less 150 executed");
                assertNull(exchange.orders().byUserRefNum(2));
                assertEquals(1, exchange.orders().openCount());
            }

            // The feed went on from sequence number 10, in the same session, with the fill and the delete.
            assertTrue(feed.await(() -> feed.messages.size() >= 11));
            assertEquals("RAAEAXAADED", feed.types());
            assertNull(feed.fault);
            assertNull(feed.book.fault);
            assertEquals(executed(firstRun.get(1)).matchNumber() + 1,
                ItchOrderDescriptor.u64(wrap(feed.messages.get(9)), 23), "the next match number");
            assertEquals(0, feed.book.shares(askRef));
            assertEquals(100, feed.book.shares(bidRef));
        }
    }
}
