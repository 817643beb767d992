package corezero.venue;

import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SleepingIdleStrategy;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;

/**
 * The ITCH feed side of the venue simulator assembled: the two UDP sockets, the {@link MoldUdp64Publisher} and the
 * {@link RetransmissionServer} sharing one {@link MessageStore}, run as one composite agent on one thread that
 * sleeps when idle (it lives on the ops core, not a hot one).
 * <p>
 * With a loopback feed target both sockets bind to the loopback address of the same family; with any other target
 * they bind to the wildcard address, so that remote receivers can send re-requests.
 */
public final class VenueSim implements AutoCloseable
{
    /**
     * Park when a duty cycle found nothing to do. At 1 ms the thread costs a few percent of a core at 10,000
     * messages a second and packs about ten messages a packet; parks of 10 to 100 us cost 15 to 30 percent of the
     * ops core for one-message packets. The pacer carries the time over, so the rate holds either way.
     */
    static final long IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final VenueSimCounters counters = new VenueSimCounters();
    private final MessageStore store;
    private final MoldUdp64Publisher publisher;
    private final InetSocketAddress feedAddress;
    private final InetSocketAddress rerequestAddress;
    private final AgentRunner runner;
    private Thread thread;

    /**
     * Open and bind the sockets and build the agents; nothing is sent until {@link #start()}.
     *
     * @param capture       of the messages to publish, at least one.
     * @param settings      session, pace, heartbeats, linger, loop and packet size.
     * @param feedAddress   where the feed goes.
     * @param rerequestPort UDP port to bind for re-requests, 0 for an ephemeral one.
     * @param clock         time source for pacing and heartbeats.
     * @param errorHandler  for errors the duty cycle reports; they are counted too.
     * @throws IOException if a socket cannot be opened or bound; the message says which.
     */
    public VenueSim(
        final BinaryFileCapture capture,
        final FeedSettings settings,
        final InetSocketAddress feedAddress,
        final int rerequestPort,
        final NanoClock clock,
        final ErrorHandler errorHandler) throws IOException
    {
        final InetAddress target = feedAddress.getAddress();
        final boolean isIpv6 = target instanceof Inet6Address;
        final ProtocolFamily family = isIpv6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        final InetAddress bindAddress = InetAddress.getByAddress(
            target.isLoopbackAddress() ? (isIpv6 ? ipv6Loopback() : new byte[]{ 127, 0, 0, 1 }) :
                new byte[isIpv6 ? 16 : 4]);

        DatagramChannel feedChannel = null;
        DatagramChannel rerequestChannel = null;
        try
        {
            feedChannel = open(family, new InetSocketAddress(bindAddress, 0), "feed socket");
            rerequestChannel = open(family, new InetSocketAddress(bindAddress, rerequestPort), "re-request port");

            this.feedAddress = feedAddress;
            this.rerequestAddress = (InetSocketAddress)rerequestChannel.getLocalAddress();
            this.store = new MessageStore(capture);
            this.publisher = new MoldUdp64Publisher(store, settings, feedChannel, feedAddress, clock, counters);
            final RetransmissionServer server = new RetransmissionServer(store, settings, rerequestChannel, counters);
            final IdleStrategy idleStrategy = new SleepingIdleStrategy(IDLE_PARK_NS);
            this.runner = new AgentRunner(
                idleStrategy, errorHandler, counters.errors, new CompositeAgent(publisher, server));
        }
        catch (final IOException | RuntimeException ex)
        {
            CloseHelper.quietCloseAll(feedChannel, rerequestChannel);
            throw ex;
        }
    }

    /**
     * Start the agent on a thread of its own.
     */
    public void start()
    {
        thread = AgentRunner.startOnThread(runner);
    }

    /**
     * Wait until the agent stops: at the end of the session's linger, or after {@link #close()}.
     *
     * @throws InterruptedException if the waiting thread is interrupted.
     */
    public void awaitTermination() throws InterruptedException
    {
        if (null != thread)
        {
            thread.join();
        }
    }

    /**
     * Stop the agent, waiting for its thread, and close the sockets. Safe to call more than once, from any thread.
     */
    public void close()
    {
        runner.close();
    }

    /**
     * @return the counters; exact once the agent has stopped, and readable while it runs.
     */
    public VenueSimCounters counters()
    {
        return counters;
    }

    /**
     * @return true if the whole capture was sent and the end-of-session linger is over.
     */
    public boolean isComplete()
    {
        return publisher.isComplete();
    }

    /**
     * @return the store of messages: its next sequence number tells how many were sent.
     */
    public MessageStore store()
    {
        return store;
    }

    /**
     * @return where the feed goes.
     */
    public InetSocketAddress feedAddress()
    {
        return feedAddress;
    }

    /**
     * @return the address the re-request server is bound to, with the actual port.
     */
    public InetSocketAddress rerequestAddress()
    {
        return rerequestAddress;
    }

    /**
     * Open a non-blocking UDP socket bound to an address (the exchange's sockets too).
     *
     * @param family       of the address.
     * @param localAddress to bind.
     * @param role         names the socket in the error.
     * @return the bound channel.
     * @throws IOException saying which socket could not be bound, and why.
     */
    static DatagramChannel open(
        final ProtocolFamily family, final InetSocketAddress localAddress, final String role) throws IOException
    {
        final DatagramChannel channel = DatagramChannel.open(family);
        try
        {
            channel.configureBlocking(false);
            channel.bind(localAddress);

            return channel;
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(channel);
            throw new IOException("cannot bind " + role + " " + localAddress + ": " + ex.getMessage(), ex);
        }
    }

    private static byte[] ipv6Loopback()
    {
        final byte[] address = new byte[16];
        address[15] = 1;

        return address;
    }
}
