/*
 * An AF_PACKET socket with TPACKET_V2 RX and TX rings in one mapping, bound to one interface for IPv4, with
 * the classic filter of cz_packet_filter.h.
 *
 * Layout (int64_t, indices mirror corezero.sys.NativeNic.PR_*):
 *
 *   0 fd | 1 ifindex | 2 RX frame 0 address | 3 RX frames | 4 TX frame 0 address | 5 TX frames | 6 frame size
 *   7 TX data offset | 8 mapping bytes
 *
 *   mapping: | RX block 0 | ... | RX block n-1 | TX block 0 | ... |   each block = block size / frame size slots
 *   slot:    | struct tpacket2_hdr (tp_status first) | ... data at tp_mac (RX) or at the TX data offset |
 */
#ifndef CZ_PACKET_RING_H
#define CZ_PACKET_RING_H

#include <stddef.h>
#include <stdint.h>

#define CZ_PR_FD 0
#define CZ_PR_IFINDEX 1
#define CZ_PR_RX_ADDRESS 2
#define CZ_PR_RX_FRAMES 3
#define CZ_PR_TX_ADDRESS 4
#define CZ_PR_TX_FRAMES 5
#define CZ_PR_FRAME_SIZE 6
#define CZ_PR_TX_DATA_OFFSET 7
#define CZ_PR_MAP_BYTES 8
#define CZ_PR_LAYOUT_LENGTH 9

struct cz_packet_ring_config
{
    const char *interface_name;
    uint32_t frame_size;       /* a power of two, at least 2048 */
    uint32_t rx_frames;        /* a power of two */
    uint32_t tx_frames;        /* a power of two, or 0 for no TX ring */
    const uint16_t *ports;     /* host order */
    int port_count;            /* 1..4 */
    uint32_t ipv4_destination; /* host order, 0 for any */
};

struct cz_packet_ring;

/* Opens the socket and maps the rings. Returns 0 and *ring, or a positive errno with message set. */
int cz_packet_ring_open(
    const struct cz_packet_ring_config *config, struct cz_packet_ring **ring, char *message, size_t message_size);

/* Fills layout (CZ_PR_LAYOUT_LENGTH entries). */
void cz_packet_ring_layout(const struct cz_packet_ring *ring, int64_t *layout);

/* Unmaps the rings and closes the socket. NULL is ignored. */
void cz_packet_ring_close(struct cz_packet_ring *ring);

/* send(fd, NULL, 0, MSG_DONTWAIT): transmits the slots marked TP_STATUS_SEND_REQUEST. 0 or a positive errno. */
int cz_packet_ring_kick(int fd);

/* PACKET_STATISTICS, which the kernel resets on read: [0] packets, [1] drops. 0 or a positive errno. */
int cz_packet_ring_statistics(int fd, int64_t *stats);

#endif
