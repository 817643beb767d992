package corezero.nic;

/**
 * Layout of a TPACKET_V2 ring slot ({@code struct tpacket2_hdr} and the frame after it), as {@code native/}
 * maps it: RX slot {@code i} at {@code PR_RX_ADDRESS + i * PR_FRAME_SIZE}, TX slots likewise from
 * {@code PR_TX_ADDRESS}. Fields are in the host's byte order.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                     tp_status (u32)                           |  0   the handshake word
 *  +---------------------------------------------------------------+
 *  |                     tp_len (u32): bytes on the wire           |  4
 *  +---------------------------------------------------------------+
 *  |                     tp_snaplen (u32): bytes in the slot       |  8
 *  +-------------------------------+-------------------------------+
 *  |   tp_mac (u16): frame offset  |  tp_net (u16): IPv4 offset    |  12
 *  +-------------------------------+-------------------------------+
 *  |                     tp_sec (u32)                              |  16
 *  +---------------------------------------------------------------+
 *  |                     tp_nsec (u32)                             |  20
 *  +-------------------------------+-------------------------------+
 *  |   tp_vlan_tci (u16)           |  tp_vlan_tpid (u16)           |  24
 *  +-------------------------------+-------------------------------+
 *  |                     padding                                   |  28
 *  +---------------------------------------------------------------+
 *  |   RX: struct sockaddr_ll, then the frame at tp_mac          ...  32
 *  |   TX: the frame at PR_TX_DATA_OFFSET (32)                   ...
 *  +----------------------------------------------------------------
 * </pre>
 * The status word passes the slot between the two sides; whoever owns a slot writes its other fields, then
 * hands it over with a release store of the status, and the other side reads the status with an acquire load
 * before anything else:
 * <pre>
 *   RX:  TP_STATUS_KERNEL (0) --kernel writes frame, header, then status USER|flags--&gt; user owns
 *        user owns (status &amp; TP_STATUS_USER) --user reads, then status = KERNEL (release)--&gt; kernel owns
 *   TX:  TP_STATUS_AVAILABLE (0) --user writes frame, tp_len, then status = SEND_REQUEST (release)--&gt;
 *        kernel sends (SENDING), then status = AVAILABLE; or WRONG_FORMAT if it refused the frame
 * </pre>
 * Both sides walk their ring in slot order, wrapping at the slot count.
 */
public final class PacketRingDescriptor
{
    /** Offset of {@code tp_status}. */
    public static final int STATUS_OFFSET = 0;
    /** Offset of {@code tp_len}. */
    public static final int LEN_OFFSET = 4;
    /** Offset of {@code tp_snaplen}. */
    public static final int SNAPLEN_OFFSET = 8;
    /** Offset of {@code tp_mac}. */
    public static final int MAC_OFFSET = 12;
    /** Offset of {@code tp_net}. */
    public static final int NET_OFFSET = 14;
    /** Offset of {@code tp_sec}. */
    public static final int SEC_OFFSET = 16;
    /** Offset of {@code tp_nsec}. */
    public static final int NSEC_OFFSET = 20;
    /** Offset of {@code tp_vlan_tci}. */
    public static final int VLAN_TCI_OFFSET = 24;
    /** Offset of {@code tp_vlan_tpid}. */
    public static final int VLAN_TPID_OFFSET = 26;
    /** Length of {@code struct tpacket2_hdr}. */
    public static final int HEADER_LENGTH = 32;

    /** RX status: the kernel owns the slot. */
    public static final int TP_STATUS_KERNEL = 0;
    /** RX status bit: user space owns the slot. */
    public static final int TP_STATUS_USER = 1;
    /** RX status bit: the frame was cut to the slot (snaplen below len). */
    public static final int TP_STATUS_COPY = 1 << 1;
    /** RX status bit: the kernel dropped frames for a full ring since the last one it delivered. */
    public static final int TP_STATUS_LOSING = 1 << 2;
    /** RX status bit: the checksum is left to offload (a locally sent frame): the UDP checksum is partial. */
    public static final int TP_STATUS_CSUMNOTREADY = 1 << 3;
    /** RX status bit: the kernel removed a VLAN tag into {@code tp_vlan_tci}. */
    public static final int TP_STATUS_VLAN_VALID = 1 << 4;

    /** TX status: the slot is free for user space. */
    public static final int TP_STATUS_AVAILABLE = 0;
    /** TX status: user space asks the kernel to send the slot. */
    public static final int TP_STATUS_SEND_REQUEST = 1;
    /** TX status: the kernel is sending the slot. */
    public static final int TP_STATUS_SENDING = 2;
    /** TX status: the kernel refused the slot's frame. */
    public static final int TP_STATUS_WRONG_FORMAT = 4;

    private PacketRingDescriptor()
    {
    }
}
