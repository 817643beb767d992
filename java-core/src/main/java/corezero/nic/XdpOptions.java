package corezero.nic;

import corezero.sys.NativeNic;

import java.util.Arrays;

/**
 * What {@link XdpTransport#open} asks of {@code NativeNic.xdpOpen}: interface and queue, attach and copy modes,
 * UMEM geometry, the UDP ports the XDP program redirects, and this host's IPv4 and MAC addresses (the
 * destination accepted on receive unless {@link #destinationAddress(int)} says otherwise, and the source of
 * what is sent). Control path: fluent setters, validated by {@link #validate()}.
 */
public final class XdpOptions
{
    /** Default bytes per UMEM frame. */
    public static final int DEFAULT_FRAME_SIZE = 2048;

    /** Default UMEM frames: half for receiving, half for sending. */
    public static final int DEFAULT_FRAME_COUNT = 4096;

    private String interfaceName;
    private int queue;
    private int mode = NativeNic.XDP_MODE_AUTO;
    private int copyMode = NativeNic.XDP_COPY_AUTO;
    private int frameSize = DEFAULT_FRAME_SIZE;
    private int frameCount = DEFAULT_FRAME_COUNT;
    private int[] udpPorts = new int[0];
    private int localAddress;
    private long localMac;
    private int destinationAddress;
    private boolean destinationAddressSet;

    /**
     * @param interfaceName interface, in the opening thread's network namespace.
     * @return this.
     */
    public XdpOptions interfaceName(final String interfaceName)
    {
        this.interfaceName = interfaceName;
        return this;
    }

    /** @return the interface. */
    public String interfaceName()
    {
        return interfaceName;
    }

    /**
     * @param queue RX queue index, 0 by default.
     * @return this.
     */
    public XdpOptions queue(final int queue)
    {
        this.queue = queue;
        return this;
    }

    /** @return the RX queue index. */
    public int queue()
    {
        return queue;
    }

    /**
     * @param mode {@code NativeNic.XDP_MODE_AUTO} (default), {@code XDP_MODE_SKB} or {@code XDP_MODE_NATIVE}.
     * @return this.
     */
    public XdpOptions mode(final int mode)
    {
        this.mode = mode;
        return this;
    }

    /** @return the attach mode asked for. */
    public int mode()
    {
        return mode;
    }

    /**
     * @param copyMode {@code NativeNic.XDP_COPY_AUTO} (default), {@code XDP_COPY} or {@code XDP_ZERO_COPY}.
     * @return this.
     */
    public XdpOptions copyMode(final int copyMode)
    {
        this.copyMode = copyMode;
        return this;
    }

    /** @return the copy mode asked for. */
    public int copyMode()
    {
        return copyMode;
    }

    /**
     * @param frameSize bytes per UMEM frame: 2048 (default) or 4096.
     * @return this.
     */
    public XdpOptions frameSize(final int frameSize)
    {
        this.frameSize = frameSize;
        return this;
    }

    /** @return bytes per UMEM frame. */
    public int frameSize()
    {
        return frameSize;
    }

    /**
     * @param frameCount UMEM frames, a power of two of at least 2 (default 4096); each ring gets half.
     * @return this.
     */
    public XdpOptions frameCount(final int frameCount)
    {
        this.frameCount = frameCount;
        return this;
    }

    /** @return UMEM frames. */
    public int frameCount()
    {
        return frameCount;
    }

    /**
     * @param udpPorts 1 to 4 destination ports the XDP program redirects to the socket (copied).
     * @return this.
     */
    public XdpOptions udpPorts(final int... udpPorts)
    {
        this.udpPorts = udpPorts.clone();
        return this;
    }

    /** @return a copy of the ports. */
    public int[] udpPorts()
    {
        return udpPorts.clone();
    }

    /**
     * @param localAddress this host's IPv4 address on the interface, as a big-endian int ({@code 10.0.0.1} is
     *                     {@code 0x0A000001}): the source of frames sent, and the destination accepted unless
     *                     {@link #destinationAddress(int)} is set.
     * @return this.
     */
    public XdpOptions localAddress(final int localAddress)
    {
        this.localAddress = localAddress;
        return this;
    }

    /** @return this host's IPv4 address. */
    public int localAddress()
    {
        return localAddress;
    }

    /**
     * @param localMac the interface's MAC in the low 48 bits: the source of frames sent.
     * @return this.
     */
    public XdpOptions localMac(final long localMac)
    {
        this.localMac = localMac;
        return this;
    }

    /** @return the interface's MAC. */
    public long localMac()
    {
        return localMac;
    }

    /**
     * @param destinationAddress IPv4 destination to accept instead of the local address: a multicast group, or
     *                           {@link RawUdpParser#ANY}.
     * @return this.
     */
    public XdpOptions destinationAddress(final int destinationAddress)
    {
        this.destinationAddress = destinationAddress;
        destinationAddressSet = true;
        return this;
    }

    /** @return the IPv4 destination accepted: the one set, else the local address. */
    public int destinationAddress()
    {
        return destinationAddressSet ? destinationAddress : localAddress;
    }

    /**
     * @return this.
     * @throws IllegalArgumentException naming the first unusable option.
     */
    public XdpOptions validate()
    {
        if (null == interfaceName || interfaceName.isEmpty())
        {
            throw new IllegalArgumentException("no interface given for AF_XDP");
        }
        if (queue < 0)
        {
            throw new IllegalArgumentException("AF_XDP queue is " + queue + ", expected 0 or more");
        }
        if (mode < NativeNic.XDP_MODE_AUTO || mode > NativeNic.XDP_MODE_NATIVE)
        {
            throw new IllegalArgumentException("AF_XDP mode is " + mode + ", expected a NativeNic.XDP_MODE_*");
        }
        if (copyMode < NativeNic.XDP_COPY_AUTO || copyMode > NativeNic.XDP_ZERO_COPY)
        {
            throw new IllegalArgumentException("AF_XDP copy mode is " + copyMode + ", expected a NativeNic.XDP_COPY_*");
        }
        if (2048 != frameSize && 4096 != frameSize)
        {
            throw new IllegalArgumentException("AF_XDP frame size is " + frameSize + ", expected 2048 or 4096");
        }
        if (frameCount < 2 || 0 != (frameCount & (frameCount - 1)) || (long)frameCount * frameSize > 1L << 30)
        {
            throw new IllegalArgumentException("AF_XDP frame count is " + frameCount +
                ", expected a power of two from 2, with a UMEM of at most 1 GiB");
        }
        checkPorts("AF_XDP", udpPorts);
        return this;
    }

    /**
     * @param what     names the transport in the message.
     * @param udpPorts 1 to 4 ports, each 1 to 65535.
     */
    static void checkPorts(final String what, final int[] udpPorts)
    {
        if (udpPorts.length < 1 || udpPorts.length > 4)
        {
            throw new IllegalArgumentException(what + " takes 1 to 4 UDP ports, got " + udpPorts.length);
        }
        for (final int port : udpPorts)
        {
            if (port < 1 || port > 0xFFFF)
            {
                throw new IllegalArgumentException(what + " UDP port out of range: " + port);
            }
        }
    }

    /** {@inheritDoc} */
    public String toString()
    {
        return "XdpOptions{interface=" + interfaceName + ", queue=" + queue + ", mode=" + mode + ", copyMode=" +
            copyMode + ", frameSize=" + frameSize + ", frameCount=" + frameCount + ", udpPorts=" +
            Arrays.toString(udpPorts) + ", localAddress=" + RawUdpSender.formatAddress(localAddress) +
            ", destinationAddress=" + RawUdpSender.formatAddress(destinationAddress()) + ", localMac=" +
            RawUdpSender.formatMac(localMac) + "}";
    }
}
