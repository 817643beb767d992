/**
 * Frame transports: where the hot thread's market data frames come from. Every transport implements
 * {@link corezero.nic.FrameTransport}; the hot thread calls {@code poll} once per duty cycle and receives each
 * frame in place, in the transport's own memory, through a {@link corezero.nic.FrameHandler}.
 * <ul>
 *     <li>{@link corezero.nic.UdpTransport}: kernel UDP, unicast or multicast; one {@code recvfrom} per frame
 *     (the portable transport, and the one that needs no privileges).</li>
 *     <li>{@link corezero.nic.SharedMemoryTransport}: an Agrona one-to-one ring in a memory-mapped file
 *     ({@link corezero.nic.SharedMemoryDescriptor}) written by a {@link corezero.nic.SharedMemoryPublisher} on
 *     the same host; polling is plain memory reads.</li>
 *     <li>{@link corezero.nic.XdpTransport} (AF_XDP) and {@link corezero.nic.PacketRingTransport} (TPACKET_V2),
 *     both {@link corezero.nic.RingTransport}s: rings that {@code native/} sets up at start
 *     ({@link corezero.sys.NativeNic}), read and written as memory with the kernel's acquire/release protocol
 *     ({@link corezero.nic.XdpRingDescriptor}, {@link corezero.nic.PacketRingDescriptor}); they transmit through
 *     their TX ring ({@link corezero.nic.RawUdpSender}), the wakeup kick being the one system call, counted.</li>
 * </ul>
 * For the raw rings, {@link corezero.nic.RawUdpParser} checks an Ethernet (optionally VLAN-tagged) IPv4 UDP frame
 * in place (header and UDP checksums, fragments, destination) and finds its payload, counting every reject by
 * {@link corezero.nic.RawUdpReason}; {@link corezero.nic.RawUdpBuilder} writes such frames (tests, the TX ring);
 * layouts in {@link corezero.nic.RawUdpDescriptor}, checksums in {@link corezero.nic.InternetChecksum}.
 * A {@link corezero.nic.DatagramSender} sends the few datagrams the hot thread originates (MoldUDP64
 * re-requests): {@link corezero.nic.UdpSender} on kernel UDP, {@link corezero.nic.RawUdpSender} through a ring.
 * {@link corezero.nic.Neighbours} finds the MACs and addresses a raw ring needs, on the control path.
 * Opening and closing allocate and may throw; polling and sending do neither.
 */
package corezero.nic;
