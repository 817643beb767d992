package corezero.core;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Where the engine's market data comes from: ITCH 5.0 over MoldUDP64, on kernel UDP (unicast, or a multicast
 * group joined on an interface) or on a shared-memory ring, and where retransmission requests go.
 */
public final class FeedConfig
{
    /** Kinds of transport. */
    public enum Transport
    {
        /** Kernel UDP: unicast bind address or multicast group. */
        UDP,
        /** Agrona ring in a memory-mapped file, for same-host feeds. */
        SHARED_MEMORY,
        /** AF_XDP socket on an interface queue, its rings read as memory ({@link #nic()} says where). */
        XDP,
        /** TPACKET_V2 packet rings on an interface, read as memory ({@link #nic()} says where). */
        PACKET_RING
    }

    private final Transport transport;
    private final InetSocketAddress bindAddress;
    private final String multicastInterface;
    private final Path sharedMemoryFile;
    private final InetSocketAddress rerequestAddress;
    private final int receiveBufferBytes;
    private final int recoveryBufferBytes;
    private final long retryIntervalNs;
    private final int maxRetries;
    private final NicConfig nic;

    /**
     * @param transport           kind of transport.
     * @param bindAddress         UDP: local address to bind, or the multicast group and port; null for shared memory.
     * @param multicastInterface  UDP multicast: interface name to join on; null for unicast.
     * @param sharedMemoryFile    shared memory: the ring file; null for UDP.
     * @param rerequestAddress    MoldUDP64 re-request server; null when gaps cannot be recovered.
     * @param receiveBufferBytes  largest frame (and the UDP receive buffer).
     * @param recoveryBufferBytes bytes of packets kept while a gap is being recovered.
     * @param retryIntervalNs     time between re-requests of the same gap.
     * @param maxRetries          re-requests of one gap before it is declared unrecoverable.
     */
    public FeedConfig(
        final Transport transport,
        final InetSocketAddress bindAddress,
        final String multicastInterface,
        final Path sharedMemoryFile,
        final InetSocketAddress rerequestAddress,
        final int receiveBufferBytes,
        final int recoveryBufferBytes,
        final long retryIntervalNs,
        final int maxRetries)
    {
        require(transport != null, "transport", transport, ":udp, :shm, :xdp or :packet-ring");
        require(transport == Transport.SHARED_MEMORY || bindAddress != null, "bind", bindAddress,
            "\"HOST:PORT\" for :" + (null == transport ? "udp" : transport.name().toLowerCase()));
        require(transport != Transport.SHARED_MEMORY || sharedMemoryFile != null,
            "shm-file", sharedMemoryFile, "a file path for :shm");
        require(receiveBufferBytes >= 1500, "receive-buffer-bytes", receiveBufferBytes, "an integer >= 1500");
        require(recoveryBufferBytes >= 65536, "recovery-buffer-bytes", recoveryBufferBytes, "an integer >= 65536");
        require(retryIntervalNs > 0, "retry-ms", retryIntervalNs, "a positive duration");
        require(maxRetries >= 0, "max-retries", maxRetries, "an integer >= 0");
        this.transport = transport;
        this.bindAddress = bindAddress;
        this.multicastInterface = multicastInterface;
        this.sharedMemoryFile = sharedMemoryFile;
        this.rerequestAddress = rerequestAddress;
        this.receiveBufferBytes = receiveBufferBytes;
        this.recoveryBufferBytes = recoveryBufferBytes;
        this.retryIntervalNs = retryIntervalNs;
        this.maxRetries = maxRetries;
        this.nic = null;
    }

    private FeedConfig(final FeedConfig config, final Transport transport, final NicConfig nic)
    {
        this.transport = transport;
        this.bindAddress = config.bindAddress;
        this.multicastInterface = config.multicastInterface;
        this.sharedMemoryFile = config.sharedMemoryFile;
        this.rerequestAddress = config.rerequestAddress;
        this.receiveBufferBytes = config.receiveBufferBytes;
        this.recoveryBufferBytes = config.recoveryBufferBytes;
        this.retryIntervalNs = config.retryIntervalNs;
        this.maxRetries = config.maxRetries;
        this.nic = nic;
    }

    /**
     * The same feed received through a native transport on a NIC. The bind address is the local IPv4 address
     * and UDP port that the ring's filter admits; re-requests leave through the ring from that port, so the
     * retransmissions come back through it too.
     *
     * @param transport {@link Transport#XDP} or {@link Transport#PACKET_RING}.
     * @param nic       interface, queue, modes and ring sizes.
     * @return a new configuration.
     * @throws IllegalArgumentException naming the config key of a bad value.
     */
    public FeedConfig withNic(final Transport transport, final NicConfig nic)
    {
        require(transport == Transport.XDP || transport == Transport.PACKET_RING, "transport", transport,
            ":xdp or :packet-ring with an :interface");
        require(null != nic, "interface", null, "an interface name for :" + transport.name().toLowerCase());
        require(null != bindAddress && !bindAddress.isUnresolved() &&
            bindAddress.getAddress() instanceof Inet4Address &&
            !bindAddress.getAddress().isMulticastAddress() && !bindAddress.getAddress().isAnyLocalAddress() &&
            bindAddress.getPort() > 0,
            "bind", bindAddress, "the interface's own IPv4 address and a port, \"HOST:PORT\", for a native transport");
        return new FeedConfig(this, transport, nic);
    }

    /**
     * The same feed on kernel UDP at the same bind address: what a native transport falls back to.
     *
     * @return a new configuration with transport {@link Transport#UDP}.
     */
    public FeedConfig asUdp()
    {
        return new FeedConfig(this, Transport.UDP, null);
    }

    /** @return interface, queue and rings of a native transport; null for UDP and shared memory. */
    public NicConfig nic()
    {
        return nic;
    }

    private static void require(final boolean ok, final String key, final Object value, final String expected)
    {
        if (!ok)
        {
            throw new IllegalArgumentException("config :feed :" + key + " is " + value + ", expected " + expected);
        }
    }

    /** @return kind of transport. */
    public Transport transport()
    {
        return transport;
    }

    /** @return UDP bind address or multicast group, null for shared memory. */
    public InetSocketAddress bindAddress()
    {
        return bindAddress;
    }

    /** @return multicast interface name, null for unicast. */
    public String multicastInterface()
    {
        return multicastInterface;
    }

    /** @return shared-memory ring file, null for UDP. */
    public Path sharedMemoryFile()
    {
        return sharedMemoryFile;
    }

    /** @return re-request server, or null. */
    public InetSocketAddress rerequestAddress()
    {
        return rerequestAddress;
    }

    /** @return receive buffer bytes. */
    public int receiveBufferBytes()
    {
        return receiveBufferBytes;
    }

    /** @return recovery buffer bytes. */
    public int recoveryBufferBytes()
    {
        return recoveryBufferBytes;
    }

    /** @return retry interval, ns. */
    public long retryIntervalNs()
    {
        return retryIntervalNs;
    }

    /** @return re-requests per gap. */
    public int maxRetries()
    {
        return maxRetries;
    }

    /** {@inheritDoc} */
    public String toString()
    {
        final String rerequest = rerequestAddress != null ? ", re-request " + rerequestAddress : "";
        switch (transport)
        {
            case SHARED_MEMORY:
                return "shm " + sharedMemoryFile;
            case XDP:
                return "xdp " + bindAddress + " on " + nic + rerequest;
            case PACKET_RING:
                return "packet-ring " + bindAddress + " on " + nic + rerequest;
            default:
                return "udp " + bindAddress + (multicastInterface != null ? " on " + multicastInterface : "") +
                    rerequest;
        }
    }
}
