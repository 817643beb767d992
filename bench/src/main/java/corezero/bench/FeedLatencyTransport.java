package corezero.bench;

import corezero.nic.FrameHandler;
import corezero.nic.FrameTransport;
import corezero.nic.Neighbours;
import corezero.nic.PacketRingOptions;
import corezero.nic.PacketRingTransport;
import corezero.nic.UdpTransport;
import corezero.nic.XdpOptions;
import corezero.nic.XdpTransport;
import corezero.sys.NativeNic;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The receive paths the feed benchmark compares, each opened on the engine's end of the veth pair, and
 * {@link #FLOOR}: the receiver's loop polling nothing, the platform's own floor on the hot CPU.
 */
enum FeedLatencyTransport
{
    /** Kernel UDP: a non-blocking {@code recvfrom} per poll (the control). */
    UDP("kernel UDP", "#1f77b4"),
    /** TPACKET_V2: an AF_PACKET RX ring mapped into the process, read as memory. */
    TPACKET_V2("TPACKET_V2", "#2ca02c"),
    /** AF_XDP, the XDP program attached in the driver (veth's native XDP). */
    XDP_NATIVE("AF_XDP native", "#d62728"),
    /** AF_XDP, the XDP program run on the generic path after the socket buffer is built. */
    XDP_SKB("AF_XDP SKB", "#ff7f0e"),
    /** No transport: the same loop, polling a source that is always empty. */
    FLOOR("floor (loop alone)", "#7f7f7f");

    /** Size of every frame buffer: one MTU frame fits. */
    static final int FRAME_SIZE = 2048;
    /** Frames in each ring (AF_XDP: half of them for receiving). */
    static final int FRAME_COUNT = 4096;

    final String label;
    final String colour;

    FeedLatencyTransport(final String label, final String colour)
    {
        this.label = label;
        this.colour = colour;
    }

    /**
     * Where a transport listens: the engine's end of the veth pair.
     *
     * @param interfaceName the engine's veth.
     * @param address       its IPv4 address.
     * @param mac           its MAC, low 48 bits.
     * @param port          the feed's UDP port.
     */
    record Endpoint(String interfaceName, InetAddress address, long mac, int port)
    {
    }

    /**
     * Opens the transport. Call it with the calling thread in the engine's namespace, on the thread that will
     * poll it. Control path.
     *
     * @param endpoint where to listen.
     * @return the open transport.
     */
    FrameTransport open(final Endpoint endpoint)
    {
        final int ipv4 = Neighbours.ipv4(endpoint.address());
        return switch (this)
        {
            case UDP -> UdpTransport.unicast(new InetSocketAddress(endpoint.address(), endpoint.port()), FRAME_SIZE);
            case TPACKET_V2 -> PacketRingTransport.open(new PacketRingOptions()
                .interfaceName(endpoint.interfaceName())
                .frameSize(FRAME_SIZE)
                .rxFrames(FRAME_COUNT)
                .udpPorts(endpoint.port())
                .localAddress(ipv4)
                .localMac(endpoint.mac()));
            case XDP_NATIVE, XDP_SKB -> XdpTransport.open(new XdpOptions()
                .interfaceName(endpoint.interfaceName())
                .queue(0)
                .mode(this == XDP_NATIVE ? NativeNic.XDP_MODE_NATIVE : NativeNic.XDP_MODE_SKB)
                .copyMode(NativeNic.XDP_COPY_AUTO)
                .frameSize(FRAME_SIZE)
                .frameCount(FRAME_COUNT)
                .udpPorts(endpoint.port())
                .localAddress(ipv4)
                .localMac(endpoint.mac()));
            case FLOOR -> new Empty();
        };
    }

    /** Always empty: a poll is a return. */
    private static final class Empty implements FrameTransport
    {
        public int poll(final FrameHandler handler, final int limit)
        {
            return 0;
        }

        public String description()
        {
            return "none (the receiver loop alone)";
        }

        public void close()
        {
        }
    }
}
