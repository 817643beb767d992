package corezero.nic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a raw transport needs to address frames itself, found on the control path in the calling thread's
 * network namespace: an interface's MAC and IPv4 address, and a neighbour's MAC from the kernel's ARP table
 * (asked for first with one kernel UDP datagram, so that the kernel resolves it).
 */
public final class Neighbours
{
    /** The calling thread's own ARP table (per thread, so that it follows a namespace entered with setns). */
    static final Path ARP_TABLE = Path.of("/proc/thread-self/net/arp");

    /** ARP entry flag: the entry is complete. */
    private static final int ATF_COM = 0x2;

    /** The discard port: where the datagram that starts resolution goes. */
    private static final int DISCARD_PORT = 9;

    private Neighbours()
    {
    }

    /**
     * @param interfaceName an interface in the calling thread's namespace.
     * @return its MAC in the low 48 bits, first byte on the wire most significant.
     * @throws IllegalStateException if there is no such interface or it has no MAC.
     */
    public static long interfaceMac(final String interfaceName)
    {
        final byte[] mac;
        try
        {
            final NetworkInterface networkInterface = NetworkInterface.getByName(interfaceName);
            if (null == networkInterface)
            {
                throw new IllegalStateException("no interface named " + interfaceName + " in this namespace");
            }
            mac = networkInterface.getHardwareAddress();
        }
        catch (final SocketException ex)
        {
            throw new UncheckedIOException("cannot read interface " + interfaceName, ex);
        }
        if (null == mac || mac.length != 6)
        {
            throw new IllegalStateException("interface " + interfaceName + " has no Ethernet address");
        }
        long value = 0;
        for (final byte b : mac)
        {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    /**
     * @param address an IPv4 address.
     * @return it as a big-endian int ({@code 10.0.0.1} is {@code 0x0A000001}).
     */
    public static int ipv4(final InetAddress address)
    {
        if (!(address instanceof Inet4Address))
        {
            throw new IllegalArgumentException(address + " is not an IPv4 address");
        }
        final byte[] bytes = address.getAddress();
        return ((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
    }

    /**
     * The MAC of a neighbour on a directly connected subnet. When the ARP table has no complete entry, sends one
     * UDP datagram to the neighbour's discard port so that the kernel asks, and reads the table again until the
     * timeout.
     *
     * @param neighbour IPv4 address of the neighbour (a gateway's address, if the peer is beyond one).
     * @param timeoutMs how long to wait for the answer.
     * @return the MAC in the low 48 bits, or -1 when none was learnt in time.
     */
    public static long resolveMac(final InetAddress neighbour, final long timeoutMs)
    {
        final String ip = neighbour.getHostAddress();
        long mac = lookup(ip);
        if (mac >= 0)
        {
            return mac;
        }

        try (DatagramChannel channel = DatagramChannel.open())
        {
            channel.send(ByteBuffer.allocate(1), new InetSocketAddress(neighbour, DISCARD_PORT));
        }
        catch (final IOException ex)
        {
            return -1;
        }

        final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while ((mac = lookup(ip)) < 0 && System.nanoTime() < deadline)
        {
            try
            {
                Thread.sleep(5);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return mac;
    }

    private static long lookup(final String ip)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(ARP_TABLE);
        }
        catch (final IOException ex)
        {
            return -1;
        }
        return parseArpTable(lines, ip);
    }

    /**
     * Finds a complete entry in /proc/net/arp text: "IP address  HW type  Flags  HW address  Mask  Device".
     *
     * @param lines the table, header first.
     * @param ip    dotted address.
     * @return the MAC, or -1.
     */
    static long parseArpTable(final List<String> lines, final String ip)
    {
        for (int i = 1; i < lines.size(); i++)
        {
            final String[] fields = lines.get(i).trim().split("\\s+");
            if (fields.length >= 4 && fields[0].equals(ip))
            {
                final int flags = Integer.decode(fields[2]);
                if ((flags & ATF_COM) != 0)
                {
                    return parseMac(fields[3]);
                }
            }
        }
        return -1;
    }

    /**
     * @param text "aa:bb:cc:dd:ee:ff".
     * @return the MAC in the low 48 bits, or -1 if malformed.
     */
    public static long parseMac(final String text)
    {
        final String[] parts = text.split(":");
        if (parts.length != 6)
        {
            return -1;
        }
        long value = 0;
        for (final String part : parts)
        {
            if (part.length() != 2)
            {
                return -1;
            }
            try
            {
                value = (value << 8) | Integer.parseInt(part, 16);
            }
            catch (final NumberFormatException ex)
            {
                return -1;
            }
        }
        return value;
    }
}
