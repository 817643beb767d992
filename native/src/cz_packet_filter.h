/*
 * The classic BPF socket filter of a TPACKET_V2 ring: the same rule as the XDP program (IPv4, UDP, not a
 * fragment, destination port one of up to four, destination address when not 0).
 *
 * Pure: builds instructions only, so it is testable without root (a unix socket runs classic filters too).
 */
#ifndef CZ_PACKET_FILTER_H
#define CZ_PACKET_FILTER_H

#include <linux/filter.h>
#include <stdint.h>

/* Instructions cz_packet_filter_build emits at most (four ports and the address check). */
#define CZ_PACKET_FILTER_MAX_INSNS 16

/* Bytes of a frame an accepted packet keeps: all of it (the ring slot truncates, not the filter). */
#define CZ_PACKET_FILTER_ACCEPT 0x40000

/*
 * Writes the filter into insns (CZ_PACKET_FILTER_MAX_INSNS long) and returns its length, or -EINVAL when
 * port_count is not 1..4 or a port is 0. Ports and address in host order. Offsets are from the Ethernet header,
 * as a SOCK_RAW packet socket sees the frame.
 */
int cz_packet_filter_build(
    struct sock_filter *insns, const uint16_t *ports, int port_count, uint32_t ipv4_destination);

#endif
