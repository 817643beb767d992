package corezero.core;

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
        SHARED_MEMORY
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
        require(transport != null, "transport", transport, ":udp or :shm");
        require(transport != Transport.UDP || bindAddress != null, "bind", bindAddress, "\"HOST:PORT\" for :udp");
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
        return transport == Transport.UDP ?
            "udp " + bindAddress + (multicastInterface != null ? " on " + multicastInterface : "") +
            (rerequestAddress != null ? ", re-request " + rerequestAddress : "") :
            "shm " + sharedMemoryFile;
    }
}
