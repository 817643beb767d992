package corezero.nic;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static corezero.nic.RawUdpDescriptor.BYTE_ORDER;
import static corezero.nic.RawUdpDescriptor.DESTINATION_MAC_OFFSET;
import static corezero.nic.RawUdpDescriptor.ETHERNET_HEADER_LENGTH;
import static corezero.nic.RawUdpDescriptor.ETHER_TYPE_IPV4;
import static corezero.nic.RawUdpDescriptor.ETHER_TYPE_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_CHECKSUM_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_DESTINATION_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_DONT_FRAGMENT;
import static corezero.nic.RawUdpDescriptor.IP_FLAGS_FRAGMENT_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_IDENTIFICATION_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_MIN_HEADER_LENGTH;
import static corezero.nic.RawUdpDescriptor.IP_MIN_IHL;
import static corezero.nic.RawUdpDescriptor.IP_PROTOCOL_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_SOURCE_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_TOS_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_TOTAL_LENGTH_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_TTL_OFFSET;
import static corezero.nic.RawUdpDescriptor.IP_VERSION;
import static corezero.nic.RawUdpDescriptor.IP_VERSION_IHL_OFFSET;
import static corezero.nic.RawUdpDescriptor.MAX_PAYLOAD_LENGTH;
import static corezero.nic.RawUdpDescriptor.MAX_VLAN_TAGS;
import static corezero.nic.RawUdpDescriptor.PROTOCOL_UDP;
import static corezero.nic.RawUdpDescriptor.SOURCE_MAC_OFFSET;
import static corezero.nic.RawUdpDescriptor.TPID_8021AD;
import static corezero.nic.RawUdpDescriptor.TPID_8021Q;
import static corezero.nic.RawUdpDescriptor.UDP_CHECKSUM_OFFSET;
import static corezero.nic.RawUdpDescriptor.UDP_DESTINATION_PORT_OFFSET;
import static corezero.nic.RawUdpDescriptor.UDP_HEADER_LENGTH;
import static corezero.nic.RawUdpDescriptor.UDP_LENGTH_OFFSET;
import static corezero.nic.RawUdpDescriptor.UDP_NO_CHECKSUM;
import static corezero.nic.RawUdpDescriptor.UDP_SOURCE_PORT_OFFSET;
import static corezero.nic.RawUdpDescriptor.VLAN_TAG_LENGTH;

/**
 * Writes Ethernet II, optional VLAN tags, an option-free IPv4 header and a UDP header around a payload
 * ({@link RawUdpDescriptor}), with both checksums computed. The addresses, ports, TTL and tags are set once on
 * the control path; {@link #encode} and {@link #build} allocate nothing, so a TX ring can use them per frame.
 * The frame is not padded to the Ethernet minimum of 60 bytes: NICs pad short frames themselves.
 * <p>
 * Don't Fragment is set and DSCP/ECN are 0. With one tag it is 802.1Q; with two the outer is 802.1ad.
 */
public final class RawUdpBuilder
{
    private long destinationMac;
    private long sourceMac;
    private int sourceAddress;
    private int destinationAddress;
    private int sourcePort;
    private int destinationPort;
    private int ttl = 64;
    private int identification;
    private int vlanTags;
    private int outerTci;
    private int innerTci;
    private boolean udpChecksum = true;

    /**
     * @param destinationMac in the low 48 bits, first byte on the wire most significant.
     * @param sourceMac      in the low 48 bits.
     * @return this.
     */
    public RawUdpBuilder macs(final long destinationMac, final long sourceMac)
    {
        this.destinationMac = destinationMac;
        this.sourceMac = sourceMac;
        return this;
    }

    /**
     * @param sourceAddress      IPv4 address as a big-endian int.
     * @param sourcePort         UDP port, 0 to 65535.
     * @param destinationAddress IPv4 address as a big-endian int.
     * @param destinationPort    UDP port, 0 to 65535.
     * @return this.
     */
    public RawUdpBuilder endpoints(
        final int sourceAddress, final int sourcePort, final int destinationAddress, final int destinationPort)
    {
        requireU16("sourcePort", sourcePort);
        requireU16("destinationPort", destinationPort);
        this.sourceAddress = sourceAddress;
        this.sourcePort = sourcePort;
        this.destinationAddress = destinationAddress;
        this.destinationPort = destinationPort;
        return this;
    }

    /**
     * @param ttl 0 to 255; 64 by default.
     * @return this.
     */
    public RawUdpBuilder ttl(final int ttl)
    {
        if (ttl < 0 || ttl > 0xFF)
        {
            throw new IllegalArgumentException("ttl out of range: " + ttl);
        }
        this.ttl = ttl;
        return this;
    }

    /**
     * Set the IPv4 identification of the next frames (allocation-free; may be called per frame).
     *
     * @param identification the low 16 bits are used.
     * @return this.
     */
    public RawUdpBuilder identification(final int identification)
    {
        this.identification = identification & 0xFFFF;
        return this;
    }

    /**
     * @return the IPv4 identification the next frame will carry.
     */
    public int identification()
    {
        return identification;
    }

    /**
     * No VLAN tags (the default).
     *
     * @return this.
     */
    public RawUdpBuilder untagged()
    {
        vlanTags = 0;
        return this;
    }

    /**
     * One 802.1Q tag.
     *
     * @param tci tag control information: PCP (3 bits), DEI (1 bit), VID (12 bits).
     * @return this.
     */
    public RawUdpBuilder vlan(final int tci)
    {
        requireU16("tci", tci);
        vlanTags = 1;
        outerTci = tci;
        return this;
    }

    /**
     * An 802.1ad outer tag and an 802.1Q inner tag (Q-in-Q).
     *
     * @param outerTci service tag control information.
     * @param innerTci customer tag control information.
     * @return this.
     */
    public RawUdpBuilder vlans(final int outerTci, final int innerTci)
    {
        requireU16("outerTci", outerTci);
        requireU16("innerTci", innerTci);
        vlanTags = MAX_VLAN_TAGS;
        this.outerTci = outerTci;
        this.innerTci = innerTci;
        return this;
    }

    /**
     * @param udpChecksum true (the default) to compute the UDP checksum, false to send 0 ("not computed").
     * @return this.
     */
    public RawUdpBuilder udpChecksum(final boolean udpChecksum)
    {
        this.udpChecksum = udpChecksum;
        return this;
    }

    /**
     * @return bytes in front of the payload: Ethernet, tags, IPv4 and UDP headers.
     */
    public int headersLength()
    {
        return ETHERNET_HEADER_LENGTH + vlanTags * VLAN_TAG_LENGTH + IP_MIN_HEADER_LENGTH + UDP_HEADER_LENGTH;
    }

    /**
     * Copy a payload in and write the headers around it.
     *
     * @param buffer        to write the frame into.
     * @param offset        of the frame.
     * @param payload       holding the payload.
     * @param payloadOffset of the payload.
     * @param payloadLength 0 to {@link RawUdpDescriptor#MAX_PAYLOAD_LENGTH}.
     * @return the frame length.
     */
    public int build(
        final MutableDirectBuffer buffer,
        final int offset,
        final DirectBuffer payload,
        final int payloadOffset,
        final int payloadLength)
    {
        buffer.putBytes(offset + headersLength(), payload, payloadOffset, payloadLength);
        return encode(buffer, offset, payloadLength);
    }

    /**
     * Write the headers in front of a payload already in place at {@code offset + headersLength()}.
     *
     * @param buffer        holding the payload, to write the headers into.
     * @param offset        of the frame.
     * @param payloadLength 0 to {@link RawUdpDescriptor#MAX_PAYLOAD_LENGTH}.
     * @return the frame length.
     */
    public int encode(final MutableDirectBuffer buffer, final int offset, final int payloadLength)
    {
        if (payloadLength < 0 || payloadLength > MAX_PAYLOAD_LENGTH)
        {
            throw new IllegalArgumentException("payloadLength out of range: " + payloadLength);
        }
        putMac(buffer, offset + DESTINATION_MAC_OFFSET, destinationMac);
        putMac(buffer, offset + SOURCE_MAC_OFFSET, sourceMac);
        int typeOffset = offset + ETHER_TYPE_OFFSET;
        if (MAX_VLAN_TAGS == vlanTags)
        {
            putTag(buffer, typeOffset, TPID_8021AD, outerTci);
            putTag(buffer, typeOffset + VLAN_TAG_LENGTH, TPID_8021Q, innerTci);
        }
        else if (1 == vlanTags)
        {
            putTag(buffer, typeOffset, TPID_8021Q, outerTci);
        }
        typeOffset += vlanTags * VLAN_TAG_LENGTH;
        buffer.putShort(typeOffset, (short)ETHER_TYPE_IPV4, BYTE_ORDER);

        final int ip = typeOffset + 2;
        final int udp = ip + IP_MIN_HEADER_LENGTH;
        final int udpLength = UDP_HEADER_LENGTH + payloadLength;
        buffer.putByte(ip + IP_VERSION_IHL_OFFSET, (byte)((IP_VERSION << 4) | IP_MIN_IHL));
        buffer.putByte(ip + IP_TOS_OFFSET, (byte)0);
        buffer.putShort(ip + IP_TOTAL_LENGTH_OFFSET, (short)(IP_MIN_HEADER_LENGTH + udpLength), BYTE_ORDER);
        buffer.putShort(ip + IP_IDENTIFICATION_OFFSET, (short)identification, BYTE_ORDER);
        buffer.putShort(ip + IP_FLAGS_FRAGMENT_OFFSET, (short)IP_DONT_FRAGMENT, BYTE_ORDER);
        buffer.putByte(ip + IP_TTL_OFFSET, (byte)ttl);
        buffer.putByte(ip + IP_PROTOCOL_OFFSET, (byte)PROTOCOL_UDP);
        buffer.putShort(ip + IP_CHECKSUM_OFFSET, (short)0, BYTE_ORDER);
        buffer.putInt(ip + IP_SOURCE_OFFSET, sourceAddress, BYTE_ORDER);
        buffer.putInt(ip + IP_DESTINATION_OFFSET, destinationAddress, BYTE_ORDER);
        buffer.putShort(
            ip + IP_CHECKSUM_OFFSET, (short)InternetChecksum.checksum(buffer, ip, IP_MIN_HEADER_LENGTH), BYTE_ORDER);

        buffer.putShort(udp + UDP_SOURCE_PORT_OFFSET, (short)sourcePort, BYTE_ORDER);
        buffer.putShort(udp + UDP_DESTINATION_PORT_OFFSET, (short)destinationPort, BYTE_ORDER);
        buffer.putShort(udp + UDP_LENGTH_OFFSET, (short)udpLength, BYTE_ORDER);
        buffer.putShort(udp + UDP_CHECKSUM_OFFSET, (short)UDP_NO_CHECKSUM, BYTE_ORDER);
        if (udpChecksum)
        {
            final int checksum = InternetChecksum.checksum(InternetChecksum.add(
                InternetChecksum.udpPseudoHeader(sourceAddress, destinationAddress, udpLength),
                buffer, udp, udpLength));
            // 0 on the wire means "not computed"; a computed 0 is sent as its other ones' complement form.
            buffer.putShort(udp + UDP_CHECKSUM_OFFSET, (short)(0 == checksum ? 0xFFFF : checksum), BYTE_ORDER);
        }
        return udp + udpLength - offset;
    }

    private static void putMac(final MutableDirectBuffer buffer, final int index, final long mac)
    {
        buffer.putShort(index, (short)(mac >>> 32), BYTE_ORDER);
        buffer.putInt(index + 2, (int)mac, BYTE_ORDER);
    }

    private static void putTag(final MutableDirectBuffer buffer, final int index, final int tpid, final int tci)
    {
        buffer.putShort(index, (short)tpid, BYTE_ORDER);
        buffer.putShort(index + 2, (short)tci, BYTE_ORDER);
    }

    private static void requireU16(final String name, final int value)
    {
        if (value < 0 || value > 0xFFFF)
        {
            throw new IllegalArgumentException(name + " out of range: " + value);
        }
    }
}
