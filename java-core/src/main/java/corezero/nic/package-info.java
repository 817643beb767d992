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
 *     <li>AF_XDP and TPACKET_V2 (not built yet) implement the same interface over rings that {@code native/}
 *     sets up at start, read as memory with the kernel's acquire/release protocol.</li>
 * </ul>
 * For the raw rings, {@link corezero.nic.RawUdpParser} checks an Ethernet (optionally VLAN-tagged) IPv4 UDP frame
 * in place (header and UDP checksums, fragments, destination) and finds its payload, counting every reject by
 * {@link corezero.nic.RawUdpReason}; {@link corezero.nic.RawUdpBuilder} writes such frames (tests, the TX ring);
 * layouts in {@link corezero.nic.RawUdpDescriptor}, checksums in {@link corezero.nic.InternetChecksum}.
 * {@link corezero.nic.UdpSender} sends the few datagrams the hot thread originates (MoldUDP64 re-requests).
 * Opening and closing allocate and may throw; polling and sending do neither.
 */
package corezero.nic;
