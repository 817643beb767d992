package corezero.nic;

import org.agrona.DirectBuffer;

import static corezero.nic.RawUdpDescriptor.BYTE_ORDER;
import static corezero.nic.RawUdpDescriptor.ETHER_TYPE_IPV4;
import static corezero.nic.RawUdpDescriptor.ETHER_TYPE_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_CHECKSUM_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_DESTINATION_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_FLAGS_FRAGMENT_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_FRAGMENT_OFFSET_MASK;
import static corezero.nic.RawUdpDescriptor.IP_MIN_HEADER_LENGTH;
import static corezero.nic.RawUdpDescriptor.IP_MIN_IHL;
import static corezero.nic.RawUdpDescriptor.IP_MORE_FRAGMENTS;
import static corezero.nic.RawUdpDescriptor.IP_PROTOCOL_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_SOURCE_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_TOTAL_LENGTH_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_VERSION;
import static corezero.nic.RawUdpDescriptor.IP_VERSION_IHL_OFFSET;
import static corezero.nic.RawUdpDescriptor.MAX_VLAN_TAGS;
import static corezero.nic.RawUdpDescriptor.PROTOCOL_UDP;
import static corezero.nic.RawUdpDescriptor.UDP_CHECKSUM_OFFSET;
import static corezero.nic.RawUdpDescriptor.UDP_DESTINATION_PORT_OFFSET;
import static corezero.nic.RawUdpDescriptor.UDP_HEADER_LENGTH;
import static corezero.nic.RawUdpDescriptor.UDP_LENGTH_OFFSET;
import static corezero.nic.RawUdpDescriptor.UDP_NO_CHECKSUM;
import static corezero.nic.RawUdpDescriptor.UDP_SOURCE_PORT_OFFSET;
import static corezero.nic.RawUdpDescriptor.VLAN_TAG_LENGTH;

/**
 * Checks a raw Ethernet frame ({@link RawUdpDescriptor}) for an IPv4 UDP datagram to one destination and finds
 * its payload, in place. One parser per receiving thread: {@link #parse} writes the result fields that the
 * accessors read, and counts every outcome ({@link RawUdpReason}).
 * <p>
 * The checks run cheapest-first only where that does not change the verdict on a corrupted header: the IPv4
 * header checksum is verified before any of its fields other than version, IHL and total length is trusted, so
 * a bit flip in an address counts as a bad checksum, not a wrong destination. Every read is bounded by the
 * frame's length first: no input bytes can make {@link #parse} throw. It allocates nothing.
 */
public final class RawUdpParser
{
    /** Configured destination address or port meaning "any". */
    public static final int ANY = 0;

    private final int destinationAddress;
    private final int destinationPort;
    private final long[] counts = new long[RawUdpReason.COUNT];

    private int payloadOffset;
    private int payloadLength;
    private int sourceAddress;
    private int sourcePort;
    private int receivedDestinationAddress;
    private int receivedDestinationPort;

    /**
     * @param destinationAddress IPv4 address to accept, as a big-endian int ({@code 10.0.0.1} is
     *                           {@code 0x0A000001}), or {@link #ANY}.
     * @param destinationPort    UDP port to accept, 1 to 65535, or {@link #ANY}.
     */
    public RawUdpParser(final int destinationAddress, final int destinationPort)
    {
        if (destinationPort < 0 || destinationPort > 0xFFFF)
        {
            throw new IllegalArgumentException("destinationPort out of range: " + destinationPort);
        }
        this.destinationAddress = destinationAddress;
        this.destinationPort = destinationPort;
    }

    /**
     * Check a frame and, when it is accepted, set the result fields. After any other outcome the result fields
     * are unspecified.
     *
     * @param frame  holding the frame.
     * @param offset of the frame's first byte (the destination MAC).
     * @param length of the frame, without frame check sequence; may include Ethernet padding.
     * @return {@link RawUdpReason#OK} or the reason the frame was dropped; the outcome has been counted.
     */
    public int parse(final DirectBuffer frame, final int offset, final int length)
    {
        final int reason = check(frame, offset, length);
        counts[reason]++;
        return reason;
    }

    private int check(final DirectBuffer frame, final int offset, final int length)
    {
        if (offset < 0 || length < 0 || length > frame.capacity() - offset)
        {
            return RawUdpReason.TRUNCATED;
        }
        final int end = offset + length;

        int typeOffset = offset + ETHER_TYPE_OFFSET;
        if (typeOffset + 2 > end)
        {
            return RawUdpReason.TRUNCATED;
        }
        int etherType = frame.getShort(typeOffset, BYTE_ORDER) & 0xFFFF;
        for (int tags = 0; tags < MAX_VLAN_TAGS && RawUdpDescriptor.isVlanTpid(etherType); tags++)
        {
            typeOffset += VLAN_TAG_LENGTH;
            if (typeOffset + 2 > end)
            {
                return RawUdpReason.TRUNCATED;
            }
            etherType = frame.getShort(typeOffset, BYTE_ORDER) & 0xFFFF;
        }
        if (ETHER_TYPE_IPV4 != etherType)
        {
            return RawUdpReason.NOT_IPV4;
        }

        final int ip = typeOffset + 2;
        if (ip + IP_MIN_HEADER_LENGTH > end)
        {
            return RawUdpReason.TRUNCATED;
        }
        final int versionIhl = frame.getByte(ip + IP_VERSION_IHL_OFFSET) & 0xFF;
        final int ipHeaderLength = (versionIhl & 0x0F) << 2;
        if (IP_VERSION != (versionIhl >>> 4) || (versionIhl & 0x0F) < IP_MIN_IHL)
        {
            return RawUdpReason.BAD_IP_HEADER;
        }
        final int totalLength = frame.getShort(ip + IP_TOTAL_LENGTH_OFFSET, BYTE_ORDER) & 0xFFFF;
        if (totalLength < ipHeaderLength)
        {
            return RawUdpReason.BAD_IP_HEADER;
        }
        // With totalLength >= ipHeaderLength, this also bounds every read of the header and its options.
        if (totalLength > end - ip)
        {
            return RawUdpReason.TRUNCATED;
        }
        if (InternetChecksum.VERIFIED != InternetChecksum.fold(InternetChecksum.add(0, frame, ip, ipHeaderLength)))
        {
            return RawUdpReason.BAD_IP_CHECKSUM;
        }
        if (0 != (frame.getShort(ip + IP_FLAGS_FRAGMENT_OFFSET, BYTE_ORDER) &
            (IP_MORE_FRAGMENTS | IP_FRAGMENT_OFFSET_MASK)))
        {
            return RawUdpReason.FRAGMENT;
        }
        if (PROTOCOL_UDP != (frame.getByte(ip + IP_PROTOCOL_OFFSET) & 0xFF))
        {
            return RawUdpReason.NOT_UDP;
        }
        final int ipDestination = frame.getInt(ip + IP_DESTINATION_OFFSET, BYTE_ORDER);
        if (ANY != destinationAddress && destinationAddress != ipDestination)
        {
            return RawUdpReason.WRONG_DESTINATION;
        }

        final int udp = ip + ipHeaderLength;
        final int udpRoom = totalLength - ipHeaderLength;
        if (udpRoom < UDP_HEADER_LENGTH)
        {
            return RawUdpReason.BAD_UDP_LENGTH;
        }
        final int udpDestinationPort = frame.getShort(udp + UDP_DESTINATION_PORT_OFFSET, BYTE_ORDER) & 0xFFFF;
        if (ANY != destinationPort && destinationPort != udpDestinationPort)
        {
            return RawUdpReason.WRONG_DESTINATION;
        }
        // A UDP length short of the IPv4 payload leaves trailing bytes that are not payload (as Linux trims).
        final int udpLength = frame.getShort(udp + UDP_LENGTH_OFFSET, BYTE_ORDER) & 0xFFFF;
        if (udpLength < UDP_HEADER_LENGTH || udpLength > udpRoom)
        {
            return RawUdpReason.BAD_UDP_LENGTH;
        }
        final int ipSource = frame.getInt(ip + IP_SOURCE_OFFSET, BYTE_ORDER);
        if (UDP_NO_CHECKSUM != frame.getShort(udp + UDP_CHECKSUM_OFFSET, BYTE_ORDER))
        {
            final long sum = InternetChecksum.add(
                InternetChecksum.udpPseudoHeader(ipSource, ipDestination, udpLength), frame, udp, udpLength);
            if (InternetChecksum.VERIFIED != InternetChecksum.fold(sum))
            {
                return RawUdpReason.BAD_UDP_CHECKSUM;
            }
        }

        payloadOffset = udp + UDP_HEADER_LENGTH;
        payloadLength = udpLength - UDP_HEADER_LENGTH;
        sourceAddress = ipSource;
        sourcePort = frame.getShort(udp + UDP_SOURCE_PORT_OFFSET, BYTE_ORDER) & 0xFFFF;
        receivedDestinationAddress = ipDestination;
        receivedDestinationPort = udpDestinationPort;
        return RawUdpReason.OK;
    }

    /**
     * @return offset in the frame's buffer of the accepted datagram's payload.
     */
    public int payloadOffset()
    {
        return payloadOffset;
    }

    /**
     * @return length of the accepted datagram's payload, 0 or more.
     */
    public int payloadLength()
    {
        return payloadLength;
    }

    /**
     * @return IPv4 source address of the accepted datagram, as a big-endian int.
     */
    public int sourceAddress()
    {
        return sourceAddress;
    }

    /**
     * @return UDP source port of the accepted datagram, 0 to 65535.
     */
    public int sourcePort()
    {
        return sourcePort;
    }

    /**
     * @return IPv4 destination address of the accepted datagram (useful when configured with {@link #ANY}).
     */
    public int destinationAddress()
    {
        return receivedDestinationAddress;
    }

    /**
     * @return UDP destination port of the accepted datagram (useful when configured with {@link #ANY}).
     */
    public int destinationPort()
    {
        return receivedDestinationPort;
    }

    /**
     * @param reason a {@link RawUdpReason} code.
     * @return how many frames had that outcome; 0 for a code out of range.
     */
    public long count(final int reason)
    {
        return reason >= 0 && reason < RawUdpReason.COUNT ? counts[reason] : 0;
    }

    /**
     * @return frames parsed, whatever the outcome.
     */
    public long frames()
    {
        long total = 0;
        for (final long count : counts)
        {
            total += count;
        }
        return total;
    }
}
