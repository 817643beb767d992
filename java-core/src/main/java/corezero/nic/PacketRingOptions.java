package corezero.nic;

import java.util.Arrays;

/**
 * What {@link PacketRingTransport#open} asks of {@code NativeNic.packetRingOpen}: interface, slot size and
 * counts, the UDP ports the socket's filter admits, and this host's IPv4 and MAC addresses (the destination
 * accepted on receive unless {@link #destinationAddress(int)} says otherwise, and the source of what is sent).
 * Control path: fluent setters, validated by {@link #validate()}.
 */
public final class PacketRingOptions
{
    /** Default bytes per slot. */
    public static final int DEFAULT_FRAME_SIZE = 2048;

    /** Default RX slots. */
    public static final int DEFAULT_RX_FRAMES = 4096;

    /** Default TX slots. */
    public static final int DEFAULT_TX_FRAMES = 256;

    private String interfaceName;
    private int frameSize = DEFAULT_FRAME_SIZE;
    private int rxFrames = DEFAULT_RX_FRAMES;
    private int txFrames = DEFAULT_TX_FRAMES;
    private int[] udpPorts = new int[0];
    private int localAddress;
    private long localMac;
    private int destinationAddress;
    private boolean destinationAddressSet;

    /**
     * @param interfaceName interface, in the opening thread's network namespace.
     * @return this.
     */
    public PacketRingOptions interfaceName(final String interfaceName)
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
     * @param frameSize bytes per slot, a power of two from 2048 (default) to 65536.
     * @return this.
     */
    public PacketRingOptions frameSize(final int frameSize)
    {
        this.frameSize = frameSize;
        return this;
    }

    /** @return bytes per slot. */
    public int frameSize()
    {
        return frameSize;
    }

    /**
     * @param rxFrames RX slots, a power of two (default 4096).
     * @return this.
     */
    public PacketRingOptions rxFrames(final int rxFrames)
    {
        this.rxFrames = rxFrames;
        return this;
    }

    /** @return RX slots. */
    public int rxFrames()
    {
        return rxFrames;
    }

    /**
     * @param txFrames TX slots, a power of two (default 256), or 0 for no TX ring.
     * @return this.
     */
    public PacketRingOptions txFrames(final int txFrames)
    {
        this.txFrames = txFrames;
        return this;
    }

    /** @return TX slots. */
    public int txFrames()
    {
        return txFrames;
    }

    /**
     * @param udpPorts 1 to 4 destination ports the socket's filter admits (copied).
     * @return this.
     */
    public PacketRingOptions udpPorts(final int... udpPorts)
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
     * @param localAddress this host's IPv4 address on the interface, as a big-endian int: the source of frames
     *                     sent, and the destination accepted unless {@link #destinationAddress(int)} is set.
     * @return this.
     */
    public PacketRingOptions localAddress(final int localAddress)
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
    public PacketRingOptions localMac(final long localMac)
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
    public PacketRingOptions destinationAddress(final int destinationAddress)
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
    public PacketRingOptions validate()
    {
        if (null == interfaceName || interfaceName.isEmpty())
        {
            throw new IllegalArgumentException("no interface given for the packet ring");
        }
        if (frameSize < 2048 || frameSize > 65536 || 0 != (frameSize & (frameSize - 1)))
        {
            throw new IllegalArgumentException(
                "packet ring frame size is " + frameSize + ", expected a power of two from 2048 to 65536");
        }
        if (rxFrames < 1 || 0 != (rxFrames & (rxFrames - 1)) || (long)rxFrames * frameSize > 1L << 30)
        {
            throw new IllegalArgumentException("packet ring RX frames is " + rxFrames +
                ", expected a power of two, with a ring of at most 1 GiB");
        }
        if (txFrames < 0 || 0 != (txFrames & (txFrames - 1)) || (long)txFrames * frameSize > 1L << 30)
        {
            throw new IllegalArgumentException("packet ring TX frames is " + txFrames +
                ", expected 0 or a power of two, with a ring of at most 1 GiB");
        }
        XdpOptions.checkPorts("packet ring", udpPorts);
        return this;
    }

    /** {@inheritDoc} */
    public String toString()
    {
        return "PacketRingOptions{interface=" + interfaceName + ", frameSize=" + frameSize + ", rxFrames=" +
            rxFrames + ", txFrames=" + txFrames + ", udpPorts=" + Arrays.toString(udpPorts) + ", localAddress=" +
            RawUdpSender.formatAddress(localAddress) + ", destinationAddress=" +
            RawUdpSender.formatAddress(destinationAddress()) + ", localMac=" + RawUdpSender.formatMac(localMac) + "}";
    }
}
