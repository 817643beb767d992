/*
 * The XDP program behind an AF_XDP socket, assembled by hand: it redirects to the socket of the receiving queue
 * the IPv4 UDP datagrams, not fragments, sent to one of up to four ports (and to one address, unless 0), and
 * passes everything else to the kernel.
 *
 * Pure: builds instructions, loads nothing, so it is testable without root.
 */
#ifndef CZ_XDP_PROG_H
#define CZ_XDP_PROG_H

#include <linux/bpf.h>
#include <stdint.h>

/* Most UDP ports one program (or one classic filter) matches. */
#define CZ_MAX_PORTS 4

/* Instructions cz_xdp_prog_build emits at most: room for CZ_MAX_PORTS ports and the address check. */
#define CZ_XDP_PROG_MAX_INSNS 48

/*
 * Writes the program into insns (CZ_XDP_PROG_MAX_INSNS long) and returns how many instructions it has, or
 * -EINVAL when port_count is not 1..CZ_MAX_PORTS or a port is 0. Ports and the address are in host order;
 * xskmap_fd is the BPF_MAP_TYPE_XSKMAP indexed by RX queue.
 */
int cz_xdp_prog_build(
    struct bpf_insn *insns, const uint16_t *ports, int port_count, uint32_t ipv4_destination, int xskmap_fd);

#endif
