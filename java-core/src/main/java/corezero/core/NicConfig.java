package corezero.core;

/**
 * How a native feed transport ({@code :transport :xdp} or {@code :packet-ring}) takes the NIC: interface and
 * queue, XDP attach and copy modes, ring sizes, and what to do when the native path cannot be had.
 * The address and port it receives on are the feed's {@code :bind}.
 */
public final class NicConfig
{
    /** What to do when the native transport cannot be opened. */
    public enum Fallback
    {
        /** Say once what could not be done, and receive on kernel UDP at the same address instead. */
        UDP,
        /** Refuse to start: the configuration demands the native path. */
        REFUSE
    }

    /** XDP attach mode. */
    public enum XdpMode
    {
        /** Native (driver) mode when the device supports it, else generic. */
        AUTO,
        /** Native (driver) mode only. */
        NATIVE,
        /** Generic (SKB) mode. */
        SKB
    }

    /** AF_XDP bind mode. */
    public enum CopyMode
    {
        /** Zero-copy when the device allows it, else copy. */
        AUTO,
        /** Copy mode. */
        COPY,
        /** Zero-copy only. */
        ZERO_COPY
    }

    private final String interfaceName;
    private final int queue;
    private final XdpMode xdpMode;
    private final CopyMode copyMode;
    private final int frameSize;
    private final int frameCount;
    private final Fallback fallback;

    /**
     * @param interfaceName interface the rings are on.
     * @param queue         RX queue (AF_XDP).
     * @param xdpMode       attach mode (AF_XDP).
     * @param copyMode      bind mode (AF_XDP).
     * @param frameSize     bytes per frame: 2048 or 4096.
     * @param frameCount    frames in the UMEM or in each packet ring, a power of two from 64 to 65536.
     * @param fallback      what to do when the native path cannot be had.
     * @throws IllegalArgumentException naming the config key of a bad value.
     */
    public NicConfig(
        final String interfaceName,
        final int queue,
        final XdpMode xdpMode,
        final CopyMode copyMode,
        final int frameSize,
        final int frameCount,
        final Fallback fallback)
    {
        require(null != interfaceName && !interfaceName.isBlank() && interfaceName.length() < 16,
            "interface", interfaceName, "an interface name (at most 15 characters)");
        require(queue >= 0, "queue", queue, "an RX queue index >= 0");
        require(null != xdpMode, "xdp-mode", xdpMode, ":auto, :native or :skb");
        require(null != copyMode, "zero-copy", copyMode, ":auto, true or false");
        require(frameSize == 2048 || frameSize == 4096, "frame-size", frameSize, "2048 or 4096");
        require(frameCount >= 64 && frameCount <= 65536 && Integer.bitCount(frameCount) == 1,
            "frames", frameCount, "a power of two from 64 to 65536");
        require(null != fallback, "fallback", fallback, ":udp or :refuse");
        this.interfaceName = interfaceName;
        this.queue = queue;
        this.xdpMode = xdpMode;
        this.copyMode = copyMode;
        this.frameSize = frameSize;
        this.frameCount = frameCount;
        this.fallback = fallback;
    }

    /**
     * Defaults: queue 0, modes chosen by the device, 2048-byte frames, 4096 of them, fall back to UDP.
     *
     * @param interfaceName interface the rings are on.
     * @return the configuration.
     */
    public static NicConfig of(final String interfaceName)
    {
        return new NicConfig(interfaceName, 0, XdpMode.AUTO, CopyMode.AUTO, 2048, 4096, Fallback.UDP);
    }

    private static void require(final boolean ok, final String key, final Object value, final String expected)
    {
        if (!ok)
        {
            throw new IllegalArgumentException("config :feed :" + key + " is " + value + ", expected " + expected);
        }
    }

    /** @return interface name. */
    public String interfaceName()
    {
        return interfaceName;
    }

    /** @return RX queue. */
    public int queue()
    {
        return queue;
    }

    /** @return XDP attach mode. */
    public XdpMode xdpMode()
    {
        return xdpMode;
    }

    /** @return AF_XDP bind mode. */
    public CopyMode copyMode()
    {
        return copyMode;
    }

    /** @return bytes per frame. */
    public int frameSize()
    {
        return frameSize;
    }

    /** @return frames. */
    public int frameCount()
    {
        return frameCount;
    }

    /** @return fallback. */
    public Fallback fallback()
    {
        return fallback;
    }

    /** {@inheritDoc} */
    public String toString()
    {
        return interfaceName + " queue " + queue + " (xdp " + xdpMode.name().toLowerCase() + ", copy " +
            copyMode.name().toLowerCase() + ", " + frameCount + " x " + frameSize + " B, fallback " +
            fallback.name().toLowerCase() + ")";
    }
}
