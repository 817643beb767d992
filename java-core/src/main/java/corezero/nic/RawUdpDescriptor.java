package corezero.nic;

import java.nio.ByteOrder;

/**
 * Layout of an IPv4 UDP datagram in a raw Ethernet II frame, as an AF_XDP or TPACKET_V2 ring hands it over (no
 * preamble, no frame check sequence). Every number is big-endian (network order). Offsets of the Ethernet fields
 * are from the start of the frame, IPv4 fields from the start of the IPv4 header, UDP fields from the start of
 * the UDP header.
 * <p>
 * Ethernet II header, 14 bytes:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                    Destination MAC (6 bytes)                  |  0
 *  |                               +-------------------------------+
 *  |                               |                               |  4
 *  +-------------------------------+                               |
 *  |                       Source MAC (6 bytes)                    |  8
 *  +-------------------------------+-------------------------------+
 *  |   EtherType 0x0800 (IPv4)     |   IPv4 header ...            ...  12
 *  +-------------------------------+--------------------------------
 * </pre>
 * A VLAN tag, 4 bytes, sits in front of the EtherType; a frame may carry none, one (802.1Q, TPID
 * {@code 0x8100}) or two (802.1ad outer TPID {@code 0x88A8}, or {@code 0x8100}, then 802.1Q inner), so the
 * EtherType is at 12, 16 or 20 and the IPv4 header at 14, 18 or 22:
 * <pre>
 *  +-------------------------------+-----+-+-----------------------+
 *  |   TPID 0x88A8 or 0x8100       | PCP |D|        VID (12)       |  12, then 16 for a second tag
 *  +-------------------------------+-----+-+-----------------------+
 * </pre>
 * IPv4 header, {@code IHL × 4} bytes (20 to 60; options, if any, are skipped and not interpreted):
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-------+-------+---------------+-------------------------------+
 *  |Version|  IHL  |   DSCP|ECN    |       Total Length (u16)      |  0
 *  +-------+-------+---------------+-----+-------------------------+
 *  |     Identification (u16)      |0|D|M|  Fragment Offset (13)   |  4
 *  +---------------+---------------+-----+-------------------------+
 *  |     TTL       |  Protocol 17  |     Header Checksum (u16)     |  8
 *  +---------------+---------------+-------------------------------+
 *  |                     Source Address (u32)                      |  12
 *  +---------------------------------------------------------------+
 *  |                   Destination Address (u32)                   |  16
 *  +---------------------------------------------------------------+
 *  |                    Options (IHL > 5) ...                     ...  20
 *  +----------------------------------------------------------------
 * </pre>
 * Total Length counts the IPv4 header and everything after it; bytes past it are Ethernet padding. D is Don't
 * Fragment, M is More Fragments: a datagram is whole when M is clear and the fragment offset is 0. The header
 * checksum is the ones' complement of the ones' complement sum of the header's 16-bit words
 * ({@link InternetChecksum}).
 * <p>
 * UDP header, 8 bytes, then the payload:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-------------------------------+-------------------------------+
 *  |      Source Port (u16)        |    Destination Port (u16)     |  0
 *  +-------------------------------+-------------------------------+
 *  |        Length (u16)           |        Checksum (u16)         |  4
 *  +-------------------------------+-------------------------------+
 *  |                          Payload ...                         ...  8
 *  +----------------------------------------------------------------
 * </pre>
 * Length counts the UDP header and payload (at least 8). A checksum of 0 means "not computed"; otherwise it
 * covers this pseudo-header, the UDP header and the payload (padded with a zero byte to an even length), and a
 * computed value of 0 is sent as {@code 0xFFFF}:
 * <pre>
 *  +---------------------------------------------------------------+
 *  |                     Source Address (u32)                      |
 *  +---------------------------------------------------------------+
 *  |                   Destination Address (u32)                   |
 *  +---------------+---------------+-------------------------------+
 *  |     zero      |  Protocol 17  |        UDP Length (u16)       |
 *  +---------------+---------------+-------------------------------+
 * </pre>
 */
public final class RawUdpDescriptor
{
    /** Byte order of every header field. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.BIG_ENDIAN;

    /** Offset of the destination MAC in the frame. */
    public static final int DESTINATION_MAC_OFFSET = 0;

    /** Offset of the source MAC in the frame. */
    public static final int SOURCE_MAC_OFFSET = 6;

    /** Length of a MAC address. */
    public static final int MAC_LENGTH = 6;

    /** Offset of the EtherType (or the first tag's TPID) in the frame. */
    public static final int ETHER_TYPE_OFFSET = 12;

    /** Length of the Ethernet II header without tags. */
    public static final int ETHERNET_HEADER_LENGTH = 14;

    /** Length of one VLAN tag: TPID and TCI. */
    public static final int VLAN_TAG_LENGTH = 4;

    /** Most VLAN tags a frame may carry (802.1ad outer plus 802.1Q inner). */
    public static final int MAX_VLAN_TAGS = 2;

    /** EtherType of IPv4. */
    public static final int ETHER_TYPE_IPV4 = 0x0800;

    /** TPID of an 802.1Q (customer) VLAN tag. */
    public static final int TPID_8021Q = 0x8100;

    /** TPID of an 802.1ad (service, outer) VLAN tag. */
    public static final int TPID_8021AD = 0x88A8;

    /** Offset of version (high nibble) and IHL (low nibble) in the IPv4 header. */
    public static final int IP_VERSION_IHL_OFFSET = 0;

    /** Offset of DSCP and ECN in the IPv4 header. */
    public static final int IP_TOS_OFFSET = 1;

    /** Offset of the total length in the IPv4 header. */
    public static final int IP_TOTAL_LENGTH_OFFSET = 2;

    /** Offset of the identification in the IPv4 header. */
    public static final int IP_IDENTIFICATION_OFFSET = 4;

    /** Offset of the flags and fragment offset in the IPv4 header. */
    public static final int IP_FLAGS_FRAGMENT_OFFSET = 6;

    /** Offset of the TTL in the IPv4 header. */
    public static final int IP_TTL_OFFSET = 8;

    /** Offset of the protocol in the IPv4 header. */
    public static final int IP_PROTOCOL_OFFSET = 9;

    /** Offset of the header checksum in the IPv4 header. */
    public static final int IP_CHECKSUM_OFFSET = 10;

    /** Offset of the source address in the IPv4 header. */
    public static final int IP_SOURCE_OFFSET = 12;

    /** Offset of the destination address in the IPv4 header. */
    public static final int IP_DESTINATION_OFFSET = 16;

    /** IPv4 version number. */
    public static final int IP_VERSION = 4;

    /** Smallest IHL (a header without options), in 32-bit words. */
    public static final int IP_MIN_IHL = 5;

    /** Length of an IPv4 header without options. */
    public static final int IP_MIN_HEADER_LENGTH = 20;

    /** Length of an IPv4 header with the most options (IHL 15). */
    public static final int IP_MAX_HEADER_LENGTH = 60;

    /** Don't Fragment flag in the flags and fragment offset field. */
    public static final int IP_DONT_FRAGMENT = 0x4000;

    /** More Fragments flag in the flags and fragment offset field. */
    public static final int IP_MORE_FRAGMENTS = 0x2000;

    /** Fragment offset bits (in 8-byte units) in the flags and fragment offset field. */
    public static final int IP_FRAGMENT_OFFSET_MASK = 0x1FFF;

    /** IPv4 protocol number of UDP. */
    public static final int PROTOCOL_UDP = 17;

    /** Offset of the source port in the UDP header. */
    public static final int UDP_SOURCE_PORT_OFFSET = 0;

    /** Offset of the destination port in the UDP header. */
    public static final int UDP_DESTINATION_PORT_OFFSET = 2;

    /** Offset of the length in the UDP header. */
    public static final int UDP_LENGTH_OFFSET = 4;

    /** Offset of the checksum in the UDP header. */
    public static final int UDP_CHECKSUM_OFFSET = 6;

    /** Length of the UDP header. */
    public static final int UDP_HEADER_LENGTH = 8;

    /** UDP checksum field value meaning "not computed". */
    public static final int UDP_NO_CHECKSUM = 0;

    /** Largest IPv4 total length. */
    public static final int IP_MAX_TOTAL_LENGTH = 0xFFFF;

    /** Largest UDP payload with an option-free IPv4 header: 65535 - 20 - 8. */
    public static final int MAX_PAYLOAD_LENGTH = IP_MAX_TOTAL_LENGTH - IP_MIN_HEADER_LENGTH - UDP_HEADER_LENGTH;

    /** Headers in front of the payload of an untagged frame without IPv4 options: 14 + 20 + 8. */
    public static final int MIN_HEADERS_LENGTH = ETHERNET_HEADER_LENGTH + IP_MIN_HEADER_LENGTH + UDP_HEADER_LENGTH;

    private RawUdpDescriptor()
    {
    }

    /**
     * @param tpid an EtherType field value.
     * @return true when it introduces a VLAN tag.
     */
    public static boolean isVlanTpid(final int tpid)
    {
        return TPID_8021Q == tpid || TPID_8021AD == tpid;
    }
}
