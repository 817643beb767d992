package corezero.core;

import corezero.nic.DatagramSender;
import corezero.nic.FrameTransport;
import corezero.nic.Neighbours;
import corezero.nic.PacketRingOptions;
import corezero.nic.PacketRingTransport;
import corezero.nic.RingTransport;
import corezero.nic.SharedMemoryTransport;
import corezero.nic.UdpTransport;
import corezero.nic.XdpOptions;
import corezero.nic.XdpTransport;
import corezero.sys.NativeNic;
import corezero.sys.NativeSys;
import org.agrona.CloseHelper;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;

/**
 * Opens what a {@link FeedConfig} asks for on core 0: the live feed's transport, and the socket or ring that
 * MoldUDP64 re-requests leave from (and their answers come back to).
 * <p>
 * A native transport (AF_XDP, TPACKET_V2) receives the feed's port on the bind address; re-requests leave
 * through its TX ring from that same port, so the answers come back through the RX ring and the hot thread
 * reads no socket at all. When the native path cannot be had (no library, no privilege, no such interface, a
 * mode the device refuses), {@link NicConfig.Fallback#UDP} says so once, in a note, and receives on kernel UDP at
 * the same address; {@link NicConfig.Fallback#REFUSE} throws with the same sentence.
 */
final class FeedTransports
{
    /** How long core 0 waits for the kernel to learn the re-request server's MAC at start. */
    static final long NEIGHBOUR_TIMEOUT_MS = 1_000;

    /** What was opened. */
    static final class Opened
    {
        final FrameTransport transport;
        final UdpTransport recovery;
        final DatagramSender sender;

        Opened(final FrameTransport transport, final UdpTransport recovery, final DatagramSender sender)
        {
            this.transport = transport;
            this.recovery = recovery;
            this.sender = sender;
        }
    }

    private FeedTransports()
    {
    }

    /**
     * @param config   the feed.
     * @param supplied a transport the caller made (tests, harnesses), or null to open the configured one.
     * @param notes    where to add what could not be done as configured, for the launcher to print once.
     * @return the transports.
     * @throws IllegalStateException if a native path is refused ({@link NicConfig.Fallback#REFUSE}).
     */
    static Opened open(final FeedConfig config, final FrameTransport supplied, final List<String> notes)
    {
        if (null == supplied && null != config.nic())
        {
            final RingTransport ring = openNative(config, notes);
            if (null != ring)
            {
                try
                {
                    return withRingSender(config, ring, notes);
                }
                catch (final RuntimeException ex)
                {
                    CloseHelper.quietClose(ring);
                    throw ex;
                }
            }
        }

        final FrameTransport transport = null != supplied ? supplied : openPortable(
            null != config.nic() ? config.asUdp() : config);
        try
        {
            return withUdpSender(config, transport);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(transport);
            throw ex;
        }
    }

    private static RingTransport openNative(final FeedConfig config, final List<String> notes)
    {
        final NicConfig nic = config.nic();
        final String what = (config.transport() == FeedConfig.Transport.XDP ? "AF_XDP" : "TPACKET_V2") + " on " +
            nic.interfaceName() + (config.transport() == FeedConfig.Transport.XDP ? " queue " + nic.queue() : "");
        String failure = NativeSys.unavailableReason();
        if (NativeSys.isAvailable())
        {
            try
            {
                return config.transport() == FeedConfig.Transport.XDP ? openXdp(config) : openPacketRing(config);
            }
            catch (final RuntimeException ex)
            {
                failure = ex.getMessage();
            }
        }

        final String message = "feed: " + what + " could not be opened: " + failure;
        if (nic.fallback() == NicConfig.Fallback.REFUSE)
        {
            throw new IllegalStateException(message + " (config :feed :fallback :refuse)");
        }
        notes.add(message + "; receiving on kernel UDP " + UdpTransport.format(config.bindAddress()) +
            " instead (each packet a system call on the hot thread; :fallback :refuse stops instead)");
        return null;
    }

    private static XdpTransport openXdp(final FeedConfig config)
    {
        final NicConfig nic = config.nic();
        return XdpTransport.open(new XdpOptions()
            .interfaceName(nic.interfaceName())
            .queue(nic.queue())
            .mode(nic.xdpMode() == NicConfig.XdpMode.NATIVE ? NativeNic.XDP_MODE_NATIVE :
                nic.xdpMode() == NicConfig.XdpMode.SKB ? NativeNic.XDP_MODE_SKB : NativeNic.XDP_MODE_AUTO)
            .copyMode(nic.copyMode() == NicConfig.CopyMode.COPY ? NativeNic.XDP_COPY :
                nic.copyMode() == NicConfig.CopyMode.ZERO_COPY ? NativeNic.XDP_ZERO_COPY : NativeNic.XDP_COPY_AUTO)
            .frameSize(nic.frameSize())
            .frameCount(nic.frameCount())
            .udpPorts(config.bindAddress().getPort())
            .localAddress(Neighbours.ipv4(config.bindAddress().getAddress()))
            .localMac(Neighbours.interfaceMac(nic.interfaceName())));
    }

    private static PacketRingTransport openPacketRing(final FeedConfig config)
    {
        final NicConfig nic = config.nic();
        return PacketRingTransport.open(new PacketRingOptions()
            .interfaceName(nic.interfaceName())
            .frameSize(nic.frameSize())
            .rxFrames(nic.frameCount())
            .udpPorts(config.bindAddress().getPort())
            .localAddress(Neighbours.ipv4(config.bindAddress().getAddress()))
            .localMac(Neighbours.interfaceMac(nic.interfaceName())));
    }

    private static Opened withRingSender(final FeedConfig config, final RingTransport ring, final List<String> notes)
    {
        final InetSocketAddress server = config.rerequestAddress();
        if (null == server)
        {
            return new Opened(ring, null, null);
        }
        final long mac = Neighbours.resolveMac(server.getAddress(), NEIGHBOUR_TIMEOUT_MS);
        if (mac >= 0)
        {
            return new Opened(ring, null, ring.newSender(
                Neighbours.ipv4(server.getAddress()), server.getPort(), config.bindAddress().getPort(), mac));
        }

        notes.add("feed: the MAC of re-request server " + UdpTransport.format(server) + " was not learnt in " +
            NEIGHBOUR_TIMEOUT_MS + " ms; re-requests go through kernel UDP (a socket the hot thread also reads)");
        return withUdpSender(config, ring);
    }

    private static Opened withUdpSender(final FeedConfig config, final FrameTransport transport)
    {
        if (null == config.rerequestAddress())
        {
            return new Opened(transport, null, null);
        }
        // Re-requests go out from this socket, so the retransmissions come back to it.
        final UdpTransport recovery = UdpTransport.unicast(
            new InetSocketAddress(config.rerequestAddress().getAddress().isLoopbackAddress() ?
                InetAddress.getLoopbackAddress() : null, 0),
            config.receiveBufferBytes());
        return new Opened(transport, recovery, recovery.newSender(config.rerequestAddress()));
    }

    private static FrameTransport openPortable(final FeedConfig feedConfig)
    {
        if (feedConfig.transport() == FeedConfig.Transport.SHARED_MEMORY)
        {
            return SharedMemoryTransport.open(feedConfig.sharedMemoryFile());
        }
        if (null != feedConfig.multicastInterface())
        {
            try
            {
                final NetworkInterface networkInterface = NetworkInterface.getByName(feedConfig.multicastInterface());
                if (null == networkInterface)
                {
                    throw new IllegalStateException(
                        "config :feed :multicast-interface: no interface named " + feedConfig.multicastInterface());
                }
                return UdpTransport.multicast(
                    feedConfig.bindAddress(), networkInterface, feedConfig.receiveBufferBytes());
            }
            catch (final SocketException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        return UdpTransport.unicast(feedConfig.bindAddress(), feedConfig.receiveBufferBytes());
    }
}
