package corezero.core;

import com.paritytrading.nassau.soupbintcp.SoupBinTCP;
import com.paritytrading.nassau.soupbintcp.SoupBinTCPServer;
import com.paritytrading.nassau.soupbintcp.SoupBinTCPServerStatusListener;
import corezero.ouch.OuchAcceptedEncoder;
import corezero.ouch.OuchAccountQueryRequestDecoder;
import corezero.ouch.OuchAccountQueryResponseEncoder;
import corezero.ouch.OuchCancelOrderDecoder;
import corezero.ouch.OuchCanceledEncoder;
import corezero.ouch.OuchDecoder;
import corezero.ouch.OuchEncoder;
import corezero.ouch.OuchEnterOrderDecoder;
import corezero.ouch.OuchExecutedEncoder;
import corezero.ouch.OuchInboundDecoder;
import corezero.ouch.OuchInboundHandler;
import corezero.ouch.OuchRejectedEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A fake OUCH 5.0 venue for tests on loopback: nassau's SoupBinTCP server (an implementation nobody here wrote)
 * carries the session; the Enter Order, Cancel Order and Account Query messages the client sends are decoded with
 * {@link OuchInboundDecoder} and recorded; answers are encoded with the Ouch*Encoder classes and sent as sequenced
 * data, kept in a stream that a login replays from the requested sequence number.
 * <p>
 * The test either steps it from its own thread ({@link #step()}) or lets a background thread step it
 * ({@link #startThread()}) when the client runs on another thread (an engine) or must be measured alone. Every
 * public method holds the venue's lock, so the two never interleave.
 * <p>
 * What it remembers as "received" is what the venue acted on: an Enter Order it was told to ignore is counted
 * but not remembered, and does not move the next UserRefNum the venue expects (as if lost in flight).
 */
public final class FakeOuchVenue implements AutoCloseable
{
    /** Venue order reference numbers start here, so they never look like UserRefNums. */
    public static final long FIRST_ORDER_REFERENCE = 900_000;

    /** One inbound message the venue acted on. */
    public static final class Received
    {
        /** 'O' Enter Order, 'X' Cancel Order, 'Q' Account Query. */
        public final char type;
        /** Connection it arrived on, from 1. */
        public final int connection;
        /** UserRefNum (0 for an Account Query). */
        public final long userRefNum;
        /** Side (Enter Order). */
        public final char side;
        /** Quantity: shares of an Enter Order, the quantity left wanted by a Cancel Order. */
        public final long quantity;
        /** The 8-byte symbol with its padding (Enter Order). */
        public final String symbol;
        /** Limit price (Enter Order). */
        public final long price;
        /** Time in force (Enter Order). */
        public final char timeInForce;
        /** The 14-byte ClOrdID with its padding (Enter Order). */
        public final String clOrdId;

        Received(
            final char type, final int connection, final long userRefNum, final char side, final long quantity,
            final String symbol, final long price, final char timeInForce, final String clOrdId)
        {
            this.type = type;
            this.connection = connection;
            this.userRefNum = userRefNum;
            this.side = side;
            this.quantity = quantity;
            this.symbol = symbol;
            this.price = price;
            this.timeInForce = timeInForce;
            this.clOrdId = clOrdId;
        }

        @Override
        public String toString()
        {
            return type + "#" + userRefNum + " " + side + " " + quantity + " " + symbol + " @" + price + " tif=" +
                timeInForce + " clOrdId=" + clOrdId + " conn=" + connection;
        }
    }

    private final LongSupplier clockMs;
    private final ServerSocketChannel acceptor;
    private final OuchInboundDecoder decoder = new OuchInboundDecoder();
    private final UnsafeBuffer inbound = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[256]);
    private final OuchAcceptedEncoder acceptedEncoder = new OuchAcceptedEncoder();
    private final OuchExecutedEncoder executedEncoder = new OuchExecutedEncoder();
    private final OuchCanceledEncoder canceledEncoder = new OuchCanceledEncoder();
    private final OuchRejectedEncoder rejectedEncoder = new OuchRejectedEncoder();
    private final OuchAccountQueryResponseEncoder accountQueryEncoder = new OuchAccountQueryResponseEncoder();
    private final List<Received> received = new ArrayList<>();
    private final List<byte[]> stream = new ArrayList<>();
    private final List<Long> requestedSequences = new ArrayList<>();
    /** Orders on the venue's book: UserRefNum to the Enter Order. */
    private final Map<Long, Received> enters = new HashMap<>();
    private final Map<Long, Long> openShares = new HashMap<>();
    /** Every order received: shares still live (pending or on the book), 0 once finished. */
    private final Map<Long, Long> remaining = new HashMap<>();
    private final Set<Long> acceptedRefs = new HashSet<>();
    private long position;

    private SoupBinTCPServer server;
    private int connections;
    private long nextUserRefNum = 1;
    private long nextOrderReference = FIRST_ORDER_REFERENCE;
    private long nextMatch = 1;
    private int ignoreEnters;
    private int ignoreCancels;
    private long ignoredEnters;
    private long ignoredCancels;
    private boolean autoAccept;
    private boolean autoCancel;
    private long executeOnAccept;
    private int decodeErrors;
    private Thread thread;
    private volatile boolean running;

    private final OuchInboundHandler handler = new OuchInboundHandler()
    {
        @Override
        public void onEnterOrder(final OuchEnterOrderDecoder enterOrder)
        {
            if (ignoreEnters > 0)
            {
                ignoreEnters--;
                ignoredEnters++;
                return;
            }
            final Received order = new Received(
                'O', connections, enterOrder.userRefNum(), (char)enterOrder.side(), enterOrder.quantity(),
                inbound.getStringWithoutLengthAscii(OuchEnterOrderDecoder.SYMBOL_OFFSET, 8), enterOrder.price(),
                (char)enterOrder.timeInForce(),
                inbound.getStringWithoutLengthAscii(OuchEnterOrderDecoder.CL_ORD_ID_OFFSET, 14));
            received.add(order);
            nextUserRefNum = Math.max(nextUserRefNum, order.userRefNum + 1);
            enters.put(order.userRefNum, order);
            remaining.put(order.userRefNum, order.quantity);
            if (autoAccept)
            {
                accept(order.userRefNum);
                if (executeOnAccept > 0)
                {
                    execute(order.userRefNum, Math.min(executeOnAccept, order.quantity), order.price);
                }
            }
        }

        @Override
        public void onCancelOrder(final OuchCancelOrderDecoder cancelOrder)
        {
            if (ignoreCancels > 0)
            {
                ignoreCancels--;
                ignoredCancels++;
                return;
            }
            final long userRefNum = cancelOrder.userRefNum();
            received.add(new Received('X', connections, userRefNum, ' ', cancelOrder.quantity(), "", 0, ' ', ""));
            if (autoCancel && openShares.containsKey(userRefNum))
            {
                cancel(userRefNum, 'U');
            }
        }

        @Override
        public void onAccountQueryRequest(final OuchAccountQueryRequestDecoder accountQueryRequest)
        {
            received.add(new Received('Q', connections, 0, ' ', 0, "", 0, ' ', ""));
            accountQueryEncoder.wrap(scratch, 0).timestampNs(timestampNs()).nextUserRefNum(nextUserRefNum);
            send(accountQueryEncoder);
        }
    };

    private final SoupBinTCPServerStatusListener status = new SoupBinTCPServerStatusListener()
    {
        @Override
        public void heartbeatTimeout(final SoupBinTCPServer session)
        {
            closeServer();
        }

        @Override
        public void loginRequest(final SoupBinTCPServer session, final SoupBinTCP.LoginRequest request)
            throws IOException
        {
            final long requested = request.getRequestedSequenceNumber();
            requestedSequences.add(requested);
            final long first = requested < 1 || requested > stream.size() + 1 ? stream.size() + 1 : requested;
            final SoupBinTCP.LoginAccepted accepted = new SoupBinTCP.LoginAccepted();
            accepted.setSession("FAKEVENUE");
            accepted.setSequenceNumber(first);
            session.accept(accepted);
            for (long s = first; s <= stream.size(); s++)
            {
                session.send(ByteBuffer.wrap(stream.get((int)s - 1)));
            }
        }

        @Override
        public void logoutRequest(final SoupBinTCPServer session)
        {
            logouts++;
            closeServer();
        }
    };

    private volatile int logouts;

    /** @return Logout Requests received. */
    public int logouts()
    {
        return logouts;
    }

    /**
     * @param clockMs the venue's clock for heartbeats and timeouts, in milliseconds: the test's manual clock
     *                when it steps both sides, the wall clock otherwise.
     */
    public FakeOuchVenue(final LongSupplier clockMs)
    {
        this.clockMs = clockMs;
        try
        {
            acceptor = ServerSocketChannel.open();
            acceptor.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            acceptor.configureBlocking(false);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** A venue on the wall clock. */
    public FakeOuchVenue()
    {
        this(System::currentTimeMillis);
    }

    /** @return where the client connects. */
    public InetSocketAddress address()
    {
        try
        {
            return (InetSocketAddress)acceptor.getLocalAddress();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Accept a new connection (replacing the current one), read and answer what arrived, heartbeat. */
    public synchronized void step()
    {
        try
        {
            final SocketChannel accepted = acceptor.accept();
            if (null != accepted)
            {
                closeServer();
                accepted.configureBlocking(false);
                // Without it Nagle holds a small write behind the delayed ACK of the previous one (40 ms on Linux).
                accepted.setOption(StandardSocketOptions.TCP_NODELAY, Boolean.TRUE);
                server = new SoupBinTCPServer(clockMs::getAsLong, accepted, 1 << 16, this::onMessage, status);
                connections++;
            }
            if (null != server)
            {
                if (server.receive() < 0)
                {
                    closeServer();
                }
                else if (null != server)
                {
                    server.keepAlive();
                }
            }
        }
        catch (final IOException ex)
        {
            closeServer();
        }
    }

    /** Step on a background thread until {@link #close()}, for a client run by another thread. */
    public synchronized void startThread()
    {
        running = true;
        thread = new Thread(() ->
        {
            while (running)
            {
                step();
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
            }
        }, "fake-ouch-venue");
        thread.setDaemon(true);
        thread.start();
    }

    /** @param autoAccept answer every Enter Order with Accepted at once. */
    public synchronized void autoAccept(final boolean autoAccept)
    {
        this.autoAccept = autoAccept;
    }

    /** @param autoCancel answer every Cancel Order for an order on the book with Canceled for all its shares. */
    public synchronized void autoCancel(final boolean autoCancel)
    {
        this.autoCancel = autoCancel;
    }

    /** @param shares with auto-accept, also execute this many shares at the limit price right after (0: none). */
    public synchronized void executeOnAccept(final long shares)
    {
        this.executeOnAccept = shares;
    }

    /** @param next the UserRefNum the venue expects next (as if an earlier engine had used the port). */
    public synchronized void nextUserRefNum(final long next)
    {
        this.nextUserRefNum = next;
    }

    /** @param count the next Enter Orders to drop unseen, as if lost on the wire. */
    public synchronized void ignoreNextEnters(final int count)
    {
        this.ignoreEnters = count;
    }

    /** @param count the next Cancel Orders to drop unseen. */
    public synchronized void ignoreNextCancels(final int count)
    {
        this.ignoreCancels = count;
    }

    /** @return copies of every inbound message acted on, in arrival order. */
    public synchronized List<Received> received()
    {
        return new ArrayList<>(received);
    }

    /**
     * @param type 'O', 'X' or 'Q'.
     * @return the inbound messages of that type, in arrival order.
     */
    public synchronized List<Received> received(final char type)
    {
        final List<Received> ofType = new ArrayList<>();
        for (final Received message : received)
        {
            if (message.type == type)
            {
                ofType.add(message);
            }
        }
        return ofType;
    }

    /** @return connections accepted so far. */
    public synchronized int connections()
    {
        return connections;
    }

    /** @return the requested sequence number of every login, in order. */
    public synchronized List<Long> requestedSequences()
    {
        return new ArrayList<>(requestedSequences);
    }

    /** @return sequenced messages sent so far in the session. */
    public synchronized int streamLength()
    {
        return stream.size();
    }

    /** @return Enter Orders dropped by {@link #ignoreNextEnters}. */
    public synchronized long ignoredEnters()
    {
        return ignoredEnters;
    }

    /** @return Cancel Orders dropped by {@link #ignoreNextCancels}. */
    public synchronized long ignoredCancels()
    {
        return ignoredCancels;
    }

    /**
     * @param userRefNum an order.
     * @return shares of it still live at the venue (received and not yet executed, cancelled or rejected).
     */
    public synchronized long remaining(final long userRefNum)
    {
        return remaining.getOrDefault(userRefNum, 0L);
    }

    /**
     * @param userRefNum an order.
     * @return true once the venue sent its Accepted.
     */
    public synchronized boolean isAccepted(final long userRefNum)
    {
        return acceptedRefs.contains(userRefNum);
    }

    /** @return the signed position the venue's executions made, shares. */
    public synchronized long position()
    {
        return position;
    }

    /** @return orders on the venue's book (accepted, with shares open). */
    public synchronized int openOrders()
    {
        return openShares.size();
    }

    /** @return inbound messages the decoder refused. */
    public synchronized int decodeErrors()
    {
        return decodeErrors;
    }

    /** @return true while a client connection is open. */
    public synchronized boolean isConnected()
    {
        return null != server;
    }

    /**
     * Accept an Enter Order the venue received: Accepted with its side, quantity, symbol, price and ClOrdID.
     *
     * @param userRefNum the order.
     */
    public synchronized void accept(final long userRefNum)
    {
        final Received order = enters.get(userRefNum);
        if (null == order)
        {
            throw new IllegalArgumentException("venue never received order " + userRefNum);
        }
        acceptedEncoder.wrap(scratch, 0)
            .timestampNs(timestampNs())
            .userRefNum(userRefNum)
            .side((byte)order.side)
            .quantity(order.quantity)
            .symbol(order.symbol)
            .price(order.price)
            .timeInForce((byte)order.timeInForce)
            .display((byte)'Y')
            .orderReferenceNumber(nextOrderReference++)
            .capacity((byte)'P')
            .interMarketSweepEligibility((byte)'N')
            .crossType((byte)'N')
            .orderState((byte)'L')
            .clOrdId(order.clOrdId);
        openShares.put(userRefNum, order.quantity);
        acceptedRefs.add(userRefNum);
        send(acceptedEncoder);
    }

    /**
     * Execute shares of an order.
     *
     * @param userRefNum the order.
     * @param shares     executed.
     * @param price      execution price.
     */
    public synchronized void execute(final long userRefNum, final long shares, final long price)
    {
        executedEncoder.wrap(scratch, 0)
            .timestampNs(timestampNs())
            .userRefNum(userRefNum)
            .quantity(shares)
            .price(price)
            .liquidityFlag((byte)'A')
            .matchNumber(nextMatch++);
        final Received order = enters.get(userRefNum);
        if (null != order)
        {
            position += 'B' == order.side ? shares : -shares;
            remaining.put(userRefNum, Math.max(0, remaining.get(userRefNum) - shares));
        }
        final Long open = openShares.get(userRefNum);
        if (null != open)
        {
            if (open - shares <= 0)
            {
                openShares.remove(userRefNum);
            }
            else
            {
                openShares.put(userRefNum, open - shares);
            }
        }
        send(executedEncoder);
    }

    /**
     * Cancel what is left of an order (as the answer to a Cancel Order, or unsolicited).
     *
     * @param userRefNum the order.
     * @param reason     OUCH cancel reason, e.g. 'U' user requested.
     */
    public synchronized void cancel(final long userRefNum, final char reason)
    {
        final Long open = openShares.remove(userRefNum);
        if (remaining.containsKey(userRefNum))
        {
            remaining.put(userRefNum, 0L);
        }
        canceledEncoder.wrap(scratch, 0)
            .timestampNs(timestampNs())
            .userRefNum(userRefNum)
            .quantity(null == open ? 0 : open)
            .reason((byte)reason);
        send(canceledEncoder);
    }

    /**
     * Reject an Enter Order.
     *
     * @param userRefNum the order.
     * @param reason     OUCH reject reason code.
     */
    public synchronized void reject(final long userRefNum, final int reason)
    {
        rejectedEncoder.wrap(scratch, 0)
            .timestampNs(timestampNs())
            .userRefNum(userRefNum)
            .reason(reason)
            .clOrdId("");
        if (remaining.containsKey(userRefNum))
        {
            remaining.put(userRefNum, 0L);
        }
        send(rejectedEncoder);
    }

    /**
     * Send any bytes as one sequenced message (malformed input).
     *
     * @param message the message bytes.
     */
    public synchronized void sendRaw(final byte[] message)
    {
        stream.add(message.clone());
        write(message);
    }

    /** Close the client's connection without a word (the session's stream is kept for its next login). */
    public synchronized void dropConnection()
    {
        closeServer();
    }

    @Override
    public void close()
    {
        running = false;
        final Thread stepper;
        synchronized (this)
        {
            stepper = thread;
        }
        if (null != stepper)
        {
            try
            {
                stepper.join(5_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this)
        {
            closeServer();
            try
            {
                acceptor.close();
            }
            catch (final IOException ignore)
            {
                // Closing is best effort in a test.
            }
        }
    }

    private void onMessage(final ByteBuffer message)
    {
        inbound.wrap(message, message.position(), message.remaining());
        if (OuchDecoder.OK != decoder.decode(inbound, 0, message.remaining(), handler))
        {
            decodeErrors++;
        }
    }

    private void send(final OuchEncoder encoder)
    {
        final byte[] message = new byte[encoder.encodedLength()];
        scratch.getBytes(0, message);
        stream.add(message);
        write(message);
    }

    private void write(final byte[] message)
    {
        if (null != server)
        {
            try
            {
                server.send(ByteBuffer.wrap(message));
            }
            catch (final IOException ex)
            {
                closeServer();
            }
        }
    }

    private long timestampNs()
    {
        return TimeUnit.MILLISECONDS.toNanos(clockMs.getAsLong()) % TimeUnit.DAYS.toNanos(1);
    }

    private void closeServer()
    {
        if (null != server)
        {
            try
            {
                server.close();
            }
            catch (final IOException ignore)
            {
                // Closing is best effort in a test.
            }
            server = null;
        }
    }
}
