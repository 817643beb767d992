package corezero.nic;

/**
 * Outcome of {@link RawUdpParser#parse}: {@link #OK} or why the frame was dropped. Every outcome is counted per
 * kind ({@link RawUdpParser#count(int)}); codes are stable.
 */
public final class RawUdpReason
{
    /** An IPv4 UDP datagram to the configured destination, whole and with correct checksums. */
    public static final int OK = 0;

    /** The frame ends before a header it declares (or the offset and length lie outside the buffer). */
    public static final int TRUNCATED = 1;

    /** The EtherType after at most two VLAN tags is not IPv4. */
    public static final int NOT_IPV4 = 2;

    /** The IPv4 version is not 4, the IHL is below 5, or the total length is shorter than the header. */
    public static final int BAD_IP_HEADER = 3;

    /** The IPv4 header checksum is wrong. */
    public static final int BAD_IP_CHECKSUM = 4;

    /** The datagram is a fragment: More Fragments set or a non-zero fragment offset. */
    public static final int FRAGMENT = 5;

    /** The IPv4 protocol is not UDP. */
    public static final int NOT_UDP = 6;

    /** The destination address or port is not the configured one. */
    public static final int WRONG_DESTINATION = 7;

    /** The UDP header does not fit in the IPv4 datagram, or its length is below 8 or past the datagram. */
    public static final int BAD_UDP_LENGTH = 8;

    /** The UDP checksum is non-zero and wrong. */
    public static final int BAD_UDP_CHECKSUM = 9;

    /** Number of outcome codes (for per-kind counters). */
    public static final int COUNT = 10;

    private RawUdpReason()
    {
    }

    /**
     * Human-readable text for an outcome code (control path).
     *
     * @param reason code.
     * @return description.
     */
    public static String describe(final int reason)
    {
        switch (reason)
        {
            case OK: return "ok";
            case TRUNCATED: return "truncated: the frame ends inside a header or the IPv4 datagram";
            case NOT_IPV4: return "not IPv4 (EtherType after VLAN tags)";
            case BAD_IP_HEADER: return "bad IPv4 header: version, IHL or total length";
            case BAD_IP_CHECKSUM: return "bad IPv4 header checksum";
            case FRAGMENT: return "IPv4 fragment";
            case NOT_UDP: return "IPv4 protocol is not UDP";
            case WRONG_DESTINATION: return "wrong destination address or port";
            case BAD_UDP_LENGTH: return "bad UDP length";
            case BAD_UDP_CHECKSUM: return "bad UDP checksum";
            default: return "unknown reason " + reason;
        }
    }
}
