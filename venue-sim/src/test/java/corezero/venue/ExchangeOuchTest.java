package corezero.venue;

import com.paritytrading.nassau.soupbintcp.SoupBinTCP;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static corezero.venue.ExchangeTestData.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exchange mode end to end over loopback: nassau's SoupBinTCP client on the OUCH port, the MoldUDP64 feed on a
 * UDP socket, a capture that leaves an ask of 100 at $10.00 and a bid of 100 at $9.90 in the book.
 */
class ExchangeOuchTest
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

    static OuchSettings settings(
        final long latencyNs, final long rejectEvery, final long disconnectAfter, final boolean isSilent,
        final Path stateDir)
    {
        return new OuchSettings(loopback(0), OuchSettings.DEFAULT_SESSION, "demo", "demo", latencyNs, rejectEvery,
            disconnectAfter, isSilent, stateDir, 0, 1, OuchSettings.DEFAULT_MAX_FLOW_ORDERS, false,
            OuchSettings.DEFAULT_SPIN_NS);
    }

    static Exchange startExchange(final FeedReceiver feed, final OuchSettings settings) throws IOException
    {
        final Exchange exchange = new Exchange(
            twoSidedBook(),
            FeedSettings.defaults().withMessagesPerSecond(1_000_000),
            LoopbackUdp.address(feed.channel),
            0,
            settings,
            new SystemNanoClock(),
            System.currentTimeMillis(),
            Throwable::printStackTrace);
        exchange.start();

        return exchange;
    }

    private FeedReceiver feed;
    private Exchange exchange;

    private void start(final OuchSettings settings) throws IOException
    {
        feed = use(new FeedReceiver());
        exchange = use(startExchange(feed, settings));
        assertTrue(feed.await(() -> feed.messages.size() >= 3), "the capture's three messages on the feed");
    }

    private OuchTestClient login() throws IOException
    {
        return use(OuchTestClient.loggedIn(exchange, 1));
    }

    @Test
    void acceptsTheRightCredentialsAndRejectsOthers() throws IOException
    {
        start(settings(0, 0, 0, false, null));

        final OuchTestClient wrongPassword = use(new OuchTestClient(exchange.ouchAddress()));
        wrongPassword.login("demo", "nope", "", 1);
        assertFalse(wrongPassword.awaitLogin());
        assertEquals(SoupBinTCP.LOGIN_REJECT_CODE_NOT_AUTHORIZED, wrongPassword.loginRejectCode);

        final OuchTestClient wrongSession = use(new OuchTestClient(exchange.ouchAddress()));
        wrongSession.login("DEMO", "Demo", "OTHER", 1);
        assertFalse(wrongSession.awaitLogin());
        assertEquals(SoupBinTCP.LOGIN_REJECT_CODE_SESSION_NOT_AVAILABLE, wrongSession.loginRejectCode);

        final OuchTestClient client = login();
        assertEquals(1, client.loginSequenceNumber);

        final OuchTestClient second = use(new OuchTestClient(exchange.ouchAddress()));
        second.login("demo", "demo", OuchSettings.DEFAULT_SESSION, 1);
        assertFalse(second.awaitLogin());
        assertEquals(SoupBinTCP.LOGIN_REJECT_CODE_SESSION_NOT_AVAILABLE, second.loginRejectCode);

        client.accountQuery();
        assertTrue(client.awaitMessages(1), "the first session is still served");
        assertEquals(2, exchange.counters().ouchLoginsRejected.get() - 1);
    }

    @Test
    void fillsAgainstARestingOrderAndRestsTheRemainder() throws IOException
    {
        start(settings(0, 0, 0, false, null));
        final OuchTestClient client = login();

        client.enter(1, 'B', 150, SYMBOL, ASK_PRICE, '0', "BUY1");
        assertTrue(client.awaitMessages(2));
        assertEquals("AE", types(client.messages));
        final long orderRef = accepted(client.messages.get(0)).orderReferenceNumber();
        assertEquals(1, accepted(client.messages.get(0)).userRefNum());
        assertEquals(150, accepted(client.messages.get(0)).quantity());
        assertEquals('L', accepted(client.messages.get(0)).orderState());
        assertTrue(ExchangeCore.isParticipant(orderRef));
        assertEquals(100, executed(client.messages.get(1)).quantity());
        assertEquals(ASK_PRICE, executed(client.messages.get(1)).price());
        assertEquals('R', executed(client.messages.get(1)).liquidityFlag());
        final long matchNumber = executed(client.messages.get(1)).matchNumber();

        assertTrue(feed.await(() -> feed.messages.size() >= 5), "execute and add on the feed");
        assertEquals("RAAEA", feed.types());
        final byte[] execute = feed.messages.get(3);
        assertEquals(ASK_REF, ItchOrderDescriptor.u64(wrap(execute), 11));
        assertEquals(100, ItchOrderDescriptor.u32(wrap(execute), 19));
        assertEquals(matchNumber, ItchOrderDescriptor.u64(wrap(execute), 23));
        assertEquals(LOCATE, ItchOrderDescriptor.locate(wrap(execute), 0));
        assertFalse(feed.book.contains(ASK_REF));
        assertEquals(50, feed.book.shares(orderRef));
        assertNull(feed.book.fault);

        // The resting remainder is filled by a sell of our own: both sides see it.
        client.enter(2, 'S', 50, SYMBOL, BID_PRICE, '3', "SELL2");
        assertTrue(client.awaitMessages(5));
        assertEquals("AEAEE", types(client.messages));
        assertEquals('A', executed(client.messages.get(3)).liquidityFlag());
        assertEquals(1, executed(client.messages.get(3)).userRefNum());
        assertEquals(ASK_PRICE, executed(client.messages.get(3)).price());
        assertEquals('R', executed(client.messages.get(4)).liquidityFlag());
        assertEquals(2, executed(client.messages.get(4)).userRefNum());
        assertEquals(3, exchange.counters().ouchFills.get());
    }

    @Test
    void cancelsPartiallyReplacesAndCancelsTheRest() throws IOException
    {
        start(settings(0, 0, 0, false, null));
        final OuchTestClient client = login();

        client.enter(1, 'B', 300, SYMBOL, 90_000, '0', "B1");
        client.cancel(1, 200);
        client.replace(1, 5, 250, 90_500);
        client.cancel(5, 0);
        assertTrue(client.awaitMessages(4));
        assertEquals("ACUC", types(client.messages));
        assertEquals(100, canceled(client.messages.get(1)).quantity());
        assertEquals('U', canceled(client.messages.get(1)).reason());
        final long oldRef = accepted(client.messages.get(0)).orderReferenceNumber();
        assertEquals(1, replaced(client.messages.get(2)).origUserRefNum());
        assertEquals(5, replaced(client.messages.get(2)).userRefNum());
        assertEquals(250, replaced(client.messages.get(2)).quantity());
        assertEquals(90_500, replaced(client.messages.get(2)).price());
        final long newRef = replaced(client.messages.get(2)).orderReferenceNumber();
        assertTrue(newRef > oldRef);
        assertEquals(5, canceled(client.messages.get(3)).userRefNum());
        assertEquals(250, canceled(client.messages.get(3)).quantity());

        assertTrue(feed.await(() -> feed.messages.size() >= 7));
        assertEquals("RAAAXUD", feed.types());
        assertFalse(feed.book.contains(oldRef));
        assertFalse(feed.book.contains(newRef));
        assertNull(feed.book.fault);
        assertEquals(0, exchange.orders().openCount());
    }

    @Test
    void cancelsTheRemainderOfAnImmediateOrCancelOrder() throws IOException
    {
        start(settings(0, 0, 0, false, null));
        final OuchTestClient client = login();

        client.enter(1, 'B', 150, SYMBOL, ASK_PRICE, '3', "IOC1");
        assertTrue(client.awaitMessages(3));
        assertEquals("AEC", types(client.messages));
        assertEquals(50, canceled(client.messages.get(2)).quantity());
        assertEquals('I', canceled(client.messages.get(2)).reason());
        assertTrue(feed.await(() -> feed.messages.size() >= 4));
        assertEquals("RAAE", feed.types());
    }

    @Test
    void rejectsAUserRefNumNotAboveTheLastAndIgnoresUnknownCancels() throws IOException
    {
        start(settings(0, 0, 0, false, null));
        final OuchTestClient client = login();

        client.enter(5, 'B', 100, SYMBOL, 90_000, '0', "B5");
        client.enter(5, 'B', 100, SYMBOL, 90_000, '0', "B5AGAIN");
        client.enter(4, 'B', 100, SYMBOL, 90_000, '0', "B4");
        client.cancel(99, 0);
        client.cancel(5, 100);
        client.enter(6, 'X', 100, SYMBOL, 90_000, '0', "BADSIDE");
        client.enter(7, 'B', 0, SYMBOL, 90_000, '0', "ZERO");
        client.enter(8, 'B', 100, "NOPE", 90_000, '0', "NOSYMBOL");
        client.enter(9, 'B', 100, SYMBOL, 90_050, '0', "SUBPENNY");
        client.enter(10, 'B', 100, SYMBOL, 90_000, '6', "GTT");
        client.accountQuery();
        assertTrue(client.awaitMessages(9));
        assertEquals("AJJJJJJJQ", types(client.messages));
        assertEquals(OuchRejectReason.OTHER, rejected(client.messages.get(1)).reason());
        assertEquals("B5AGAIN", rejected(client.messages.get(1)).clOrdIdAsString().trim());
        assertEquals(4, rejected(client.messages.get(2)).userRefNum());
        assertEquals(OuchRejectReason.INVALID_SIDE, rejected(client.messages.get(3)).reason());
        assertEquals(OuchRejectReason.INVALID_QUANTITY, rejected(client.messages.get(4)).reason());
        assertEquals(OuchRejectReason.INVALID_SYMBOL, rejected(client.messages.get(5)).reason());
        assertEquals(OuchRejectReason.INVALID_PRICE, rejected(client.messages.get(6)).reason());
        assertEquals(OuchRejectReason.OTHER, rejected(client.messages.get(7)).reason());
        assertEquals(11, accountQueryResponse(client.messages.get(8)).nextUserRefNum());
        assertEquals(2, exchange.counters().ouchRequestsIgnored.get(), "unknown and superfluous cancels");
        assertEquals(7, exchange.counters().ouchOrdersRejected.get());
    }

    @Test
    void modifiesTheQuantityAndSellSideAndRejectsAChangeOfSide() throws IOException
    {
        start(settings(0, 0, 0, false, null));
        final OuchTestClient client = login();

        client.enter(1, 'S', 300, SYMBOL, 110_000, '0', "S1");
        client.modify(1, 'T', 200);
        client.modify(1, 'B', 100);
        client.modify(1, 'T', 250);
        client.accountQuery();
        assertTrue(client.awaitMessages(4));
        assertEquals("AMJQ", types(client.messages));
        assertEquals('T', modified(client.messages.get(1)).side());
        assertEquals(200, modified(client.messages.get(1)).quantity());
        assertEquals(OuchRejectReason.INVALID_SIDE, rejected(client.messages.get(2)).reason());
        assertEquals(1, exchange.counters().ouchRequestsIgnored.get(), "the increase");
        assertTrue(feed.await(() -> feed.messages.size() >= 5));
        assertEquals("RAAAX", feed.types());
    }

    @Test
    void countsMalformedAndUnsupportedMessagesAndTheSessionGoesOn() throws IOException
    {
        start(settings(0, 0, 0, false, null));
        final OuchTestClient client = login();

        client.sendRaw(new byte[]{ 'Z', 1, 2, 3 });
        client.sendRaw(new byte[]{ 'O', 0, 0, 0, 1 });
        client.sendRaw(new byte[]{ 'C', 0, 0, 0, 1, 'F', 'I', 'R', 'M', 'Z', 'V', 'Z', 'Z', 'T', ' ', ' ', ' ', 0, 0 });
        client.accountQuery();
        assertTrue(client.awaitMessages(1));
        assertEquals("Q", types(client.messages));
        assertEquals(1, accountQueryResponse(client.messages.get(0)).nextUserRefNum());
        assertEquals(2, exchange.counters().ouchMessagesMalformed.get());
        assertEquals(1, exchange.counters().ouchMessagesUnsupported.get());
        assertEquals(4, exchange.counters().ouchMessagesReceived.get());
    }

    @Test
    void holdsOutboundMessagesForTheInjectedLatency() throws IOException
    {
        final long latencyNs = TimeUnit.MILLISECONDS.toNanos(200);
        start(settings(latencyNs, 0, 0, false, null));
        final OuchTestClient client = login();

        final long sentNs = System.nanoTime();
        client.enter(1, 'B', 100, SYMBOL, 90_000, '0', "SLOW");
        client.accountQuery();
        assertTrue(client.awaitMessages(1));
        final long elapsedNs = System.nanoTime() - sentNs;
        assertTrue(client.awaitMessages(2));
        assertEquals("AQ", types(client.messages));
        assertTrue(elapsedNs >= latencyNs, "held at least the injected latency, took " + elapsedNs + " ns");
        assertEquals(2, exchange.counters().ouchMessagesDelayed.get());
    }

    @Test
    void rejectsEveryNthEnterOrder() throws IOException
    {
        start(settings(0, 2, 0, false, null));
        final OuchTestClient client = login();

        for (int i = 1; i <= 4; i++)
        {
            client.enter(i, 'B', 100, SYMBOL, 90_000, '0', "B" + i);
        }
        assertTrue(client.awaitMessages(4));
        assertEquals("AJAJ", types(client.messages));
        assertEquals(OuchRejectReason.TEST, rejected(client.messages.get(1)).reason());
        assertEquals(2, exchange.counters().ouchRejectsInjected.get());
    }

    @Test
    void dropsTheConnectionAfterTheNthMessageAndReplaysOnReconnect() throws IOException
    {
        start(settings(0, 0, 2, false, null));
        final OuchTestClient client = login();

        client.enter(1, 'B', 100, SYMBOL, 90_000, '0', "B1");
        client.enter(2, 'B', 100, SYMBOL, 89_000, '0', "B2");
        assertTrue(client.awaitClosed(), "dropped without a logout");
        assertEquals(1, exchange.counters().ouchDisconnectsInjected.get());
        assertEquals(0, exchange.counters().ouchLogouts.get());

        final long received = client.messages.size();
        final OuchTestClient again = use(OuchTestClient.loggedIn(exchange, received + 1));
        assertEquals(received + 1, again.loginSequenceNumber);
        assertTrue(again.awaitMessages((int)(2 - received)));
        client.messages.addAll(again.messages);
        assertEquals("AA", types(client.messages));
        assertEquals(2, accepted(client.messages.get(1)).userRefNum());

        again.enter(3, 'B', 100, SYMBOL, 88_000, '0', "B3");
        assertTrue(again.awaitMessages((int)(2 - received) + 1), "no second drop");
    }

    @Test
    void startsFromTheNextNewMessageWhenAskedForSequenceZero() throws IOException
    {
        start(settings(0, 0, 0, false, null));
        final OuchTestClient client = login();
        client.enter(1, 'B', 100, SYMBOL, 90_000, '0', "B1");
        assertTrue(client.awaitMessages(1));
        client.close();
        assertTrue(feed.await(() -> exchange.counters().ouchLogouts.get() == 1));

        final OuchTestClient fromNow = use(OuchTestClient.loggedIn(exchange, 0));
        assertEquals(2, fromNow.loginSequenceNumber);
        fromNow.accountQuery();
        assertTrue(fromNow.awaitMessages(1));
        assertEquals("Q", types(fromNow.messages));

        fromNow.close();
        assertTrue(feed.await(() -> exchange.counters().ouchLogouts.get() == 2));
        final OuchTestClient fromOne = use(OuchTestClient.loggedIn(exchange, 1));
        assertTrue(fromOne.awaitMessages(2));
        assertEquals("AQ", types(fromOne.messages));
    }
}
