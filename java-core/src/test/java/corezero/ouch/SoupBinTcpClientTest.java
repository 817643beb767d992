package corezero.ouch;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static corezero.ouch.SoupBinTcpTestServer.concat;
import static corezero.ouch.SoupBinTcpTestServer.loginAccepted;
import static corezero.ouch.SoupBinTcpTestServer.packet;
import static corezero.ouch.SoupBinTcpTestServer.until;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client against a hand-written server on loopback: exact login bytes, packets split anywhere, malformed
 * input, silence. Time is a manual clock.
 */
class SoupBinTcpClientTest
{
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final SoupBinTcpTestServer server = new SoupBinTcpTestServer();
    private final SoupBinTcpRecordingListener listener = new SoupBinTcpRecordingListener();
    private SoupBinTcpClient client;
    private long nowNs = 1_000_000_000L;

    @AfterEach
    void close()
    {
        if (client != null)
        {
            client.close();
        }
        server.close();
    }

    private SoupBinTcpClient newClient(final boolean version410)
    {
        client = new SoupBinTcpClient(
            new SoupBinTcpClient.Settings()
                .address(server.address())
                .credentials("user", "secret")
                .version410(version410)
                .clientTimeoutMs(2_500)
                .reconnectBackoffNs(100 * MS, 1_000 * MS),
            listener);
        return client;
    }

    private void step()
    {
        client.poll(nowNs);
        server.step();
    }

    private void awaitLoginRequest(final int length)
    {
        until("login request", () -> server.receivedLength() >= length, this::step);
    }

    private void login(final boolean version410, final long sequenceNumber)
    {
        newClient(version410).connect(nowNs);
        awaitLoginRequest(version410 ? 54 : 49);
        server.clearReceived();
        server.write(loginAccepted("SESS1", sequenceNumber));
        until("login accepted", client::isLoggedIn, this::step);
    }

    @Test
    void sendsThe49ByteLoginRequestOf400()
    {
        newClient(false).connect(nowNs);
        awaitLoginRequest(49);
        final byte[] expected = concat(new byte[]{0, 47}, ascii("Luser  secret                                 1"));
        assertArrayEquals(expected, server.received());
        assertEquals(49, expected.length);
    }

    @Test
    void sendsThe54ByteLoginRequestOf410WithTheHeartbeatTimeout()
    {
        newClient(true).connect(nowNs);
        awaitLoginRequest(54);
        final byte[] expected =
            concat(new byte[]{0, 52}, ascii("Luser  secret                                 1 2500"));
        assertArrayEquals(expected, server.received());
        assertEquals(54, expected.length);

        server.write(loginAccepted("SESS1", 1));
        until("login accepted", client::isLoggedIn, this::step);
        assertEquals(List.of("accepted SESS1 1"), listener.events);
    }

    @Test
    void framesPacketsSplitAtEveryByteAcrossReads()
    {
        newClient(false).connect(nowNs);
        awaitLoginRequest(49);
        final byte[] stream = concat(
            packet('+', "hello"), loginAccepted("SESS1", 7), packet('S', "first"), packet('H', ""),
            packet('S', ""), packet('U', "unsequenced"), packet('S', "third message"));
        for (final byte b : stream)
        {
            server.write(new byte[]{b});
            final long packetsBefore = client.packetsIn();
            for (int i = 0; i < 3; i++)
            {
                step();
            }
            assertTrue(client.packetsIn() - packetsBefore <= 1);
        }
        until("all packets", () -> client.packetsIn() == 7, this::step);

        assertEquals(List.of("first", "", "third message"), listener.messages);
        assertEquals(List.of(7L, 8L, 9L), listener.sequenceNumbers);
        assertEquals(10, client.nextSequence());
        assertEquals(1, client.heartbeatsIn());
        assertEquals(1, client.debugPackets());
        assertEquals(1, client.unsequencedMessagesIn());
        assertEquals(0, client.malformedPackets());
    }

    @Test
    void deliversManyPacketsArrivingInOneRead()
    {
        login(false, 1);
        byte[] stream = new byte[0];
        for (int i = 1; i <= 2_000; i++)
        {
            stream = concat(stream, packet('S', "m" + i));
        }
        server.write(stream);
        until("2000 messages", () -> listener.messages.size() == 2_000, this::step);
        for (int i = 0; i < 2_000; i++)
        {
            assertEquals("m" + (i + 1), listener.messages.get(i));
            assertEquals(i + 1, listener.sequenceNumbers.get(i));
        }
    }

    @Test
    void sendsAClientHeartbeatAfterASecondOfSilenceAndCountsServerHeartbeats()
    {
        login(false, 1);
        nowNs += 1_000 * MS;
        step();
        step();
        assertEquals(0, client.heartbeatsOut(), "exactly 1 s is not more than 1 s");

        nowNs += 1;
        until("client heartbeat", () -> server.receivedLength() == 3, this::step);
        assertArrayEquals(new byte[]{0, 1, 'R'}, server.received());
        assertEquals(1, client.heartbeatsOut());

        // Sending data postpones the next heartbeat.
        nowNs += 600 * MS;
        step();
        assertTrue(client.sendUnsequenced(new UnsafeBuffer(ascii("order")), 0, 5));
        nowNs += 600 * MS;
        step();
        assertEquals(1, client.heartbeatsOut());

        for (int i = 0; i < 10; i++)
        {
            server.write(packet('H', ""));
            nowNs += 1_001 * MS;
            step();
        }
        until("server heartbeats", () -> client.heartbeatsIn() == 10, this::step);
        assertTrue(client.isLoggedIn(), "heartbeats keep the session alive well past the timeout");
        assertTrue(client.heartbeatsOut() >= 10);
    }

    @Test
    void unsequencedDataReachesTheServer()
    {
        login(false, 1);
        assertTrue(client.sendUnsequenced(new UnsafeBuffer(ascii("xxOUCHyy")), 2, 4));
        until("unsequenced data", () -> server.receivedLength() == 7, this::step);
        assertArrayEquals(new byte[]{0, 5, 'U', 'O', 'U', 'C', 'H'}, server.received());
    }

    @Test
    void serverSilenceReconnectsAndResumesFromTheNextSequenceNumber()
    {
        login(false, 1);
        server.write(concat(packet('S', "a"), packet('S', "b"), packet('S', "c")));
        until("three messages", () -> listener.messages.size() == 3, this::step);

        nowNs += 15_000 * MS;
        step();
        assertTrue(client.isLoggedIn(), "exactly the timeout is not yet silence");
        nowNs += 1;
        step();
        assertFalse(client.isLoggedIn());
        assertEquals(List.of(SoupBinTcpListener.DISCONNECT_SERVER_TIMEOUT), listener.disconnects);

        nowNs += 100 * MS;
        until("second connection", () -> server.connections == 2 && server.receivedLength() >= 49, this::step);
        assertEquals(1, client.reconnects());
        assertEquals(new String(concat(new byte[]{0, 47}, ascii("Luser  secret         SESS1                   4"))),
            new String(server.received()));
        server.clearReceived();
        server.write(concat(loginAccepted("SESS1", 4), packet('S', "d")));
        until("resumed", () -> listener.messages.size() == 4, this::step);
        assertEquals(List.of(1L, 2L, 3L, 4L), listener.sequenceNumbers);
    }

    @Test
    void serverCloseReconnectsWithBackoff()
    {
        login(false, 1);
        server.dropConnection();
        until("disconnect", () -> !client.isLoggedIn(), this::step);
        assertEquals(List.of(SoupBinTcpListener.DISCONNECT_CLOSED_BY_SERVER), listener.disconnects);
        for (int i = 0; i < 20; i++)
        {
            step();
        }
        assertEquals(1, server.connections, "no reconnect before the backoff");
        nowNs += 100 * MS;
        until("reconnect", () -> server.connections == 2, this::step);
    }

    @Test
    void unknownPacketTypeIsCountedAndSkipped()
    {
        login(false, 1);
        server.write(concat(packet('X', "junk"), packet('S', "after")));
        until("message after junk", () -> listener.messages.size() == 1, this::step);
        assertEquals(1, client.malformedPackets());
        assertEquals(1, client.unknownPackets());
        assertTrue(client.isLoggedIn());
    }

    @Test
    void zeroLengthPacketLogsOutAndReconnects()
    {
        login(false, 1);
        server.write(new byte[]{0, 0, 'S'});
        until("logout request", () -> server.peerClosed, this::step);
        assertArrayEquals(new byte[]{0, 1, 'O'}, server.received());
        assertEquals(1, client.malformedPackets());
        assertEquals(List.of(SoupBinTcpListener.DISCONNECT_MALFORMED), listener.disconnects);

        nowNs += 100 * MS;
        until("reconnect", () -> server.connections == 2 && server.receivedLength() >= 49, this::step);
    }

    @Test
    void badLoginAcceptedAndWrongSizedHeartbeatAreProtocolViolations()
    {
        newClient(false).connect(nowNs);
        awaitLoginRequest(49);
        server.write(packet('A', "SESS1     not a number        "));
        until("disconnect", () -> !listener.disconnects.isEmpty(), this::step);
        assertEquals(1, client.malformedPackets());

        nowNs += 100 * MS;
        until("reconnect", () -> server.connections == 2 && server.receivedLength() >= 49, this::step);
        server.clearReceived();
        server.write(concat(loginAccepted("SESS1", 1), packet('H', "x")));
        until("second disconnect", () -> listener.disconnects.size() == 2, this::step);
        assertEquals(2, client.malformedPackets());
        assertEquals(SoupBinTcpListener.DISCONNECT_MALFORMED, listener.disconnects.get(1));
    }

    @Test
    void sequencedDataBeforeLoginIsAProtocolViolation()
    {
        newClient(false).connect(nowNs);
        awaitLoginRequest(49);
        server.write(packet('S', "early"));
        until("disconnect", () -> !listener.disconnects.isEmpty(), this::step);
        assertEquals(List.of(), listener.messages);
        assertEquals(1, client.malformedPackets());
    }

    @Test
    void fullSendBufferRefusesAndCounts()
    {
        client = new SoupBinTcpClient(
            new SoupBinTcpClient.Settings().address(server.address()).credentials("u", "p").sendBufferBytes(64),
            listener);
        client.connect(nowNs);
        awaitLoginRequest(49);
        server.write(loginAccepted("S", 1));
        until("login accepted", client::isLoggedIn, this::step);
        assertFalse(client.sendUnsequenced(new UnsafeBuffer(new byte[100]), 0, 100));
        assertEquals(1, client.sendBufferFull());
        assertTrue(client.sendUnsequenced(new UnsafeBuffer(new byte[61]), 0, 61));
    }

    @Test
    void connectFailureBacksOffAndRetries()
    {
        final java.net.InetSocketAddress address = server.address();
        server.close();
        client = new SoupBinTcpClient(
            new SoupBinTcpClient.Settings().address(address).reconnectBackoffNs(100 * MS, 400 * MS), listener);
        client.connect(nowNs);
        until("failed connect", () -> !listener.disconnects.isEmpty(), () -> client.poll(nowNs));
        assertEquals(SoupBinTcpListener.DISCONNECT_CONNECT_FAILED, listener.disconnects.get(0));
        for (int attempt = 1; attempt <= 4; attempt++)
        {
            nowNs += 400 * MS;
            final int failures = attempt + 1;
            until("retry " + attempt, () -> listener.disconnects.size() == failures, () -> client.poll(nowNs));
        }
        assertEquals(4, client.reconnects());
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
