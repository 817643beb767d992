/*
 * An AF_XDP socket on one queue of an interface, with its own UMEM and the XDP program that feeds it
 * (cz_xdp_prog.h). The rings are handed out as addresses in a layout array; the caller drives them.
 *
 * Layout (int64_t, indices mirror corezero.sys.NativeNic.XDP_*):
 *
 *   0 fd | 1 UMEM address | 2 UMEM bytes | 3 frame size | 4 frame count | 5 huge pages | 6 attached mode
 *   7 bound zero-copy | 8 program id | 9 ifindex | 10 need wakeup |
 *   11 + 5 * ring + field, ring RX 0, TX 1, fill 2, completion 3;
 *        field: 0 &producer (u32) | 1 &consumer (u32) | 2 &flags (u32) | 3 &descriptor[0] | 4 size
 */
#ifndef CZ_XDP_H
#define CZ_XDP_H

#include <stddef.h>
#include <stdint.h>

#define CZ_XDP_MODE_AUTO 0
#define CZ_XDP_MODE_SKB 1
#define CZ_XDP_MODE_NATIVE 2

#define CZ_XDP_COPY_AUTO 0
#define CZ_XDP_COPY 1
#define CZ_XDP_ZERO_COPY 2

#define CZ_XDP_FD 0
#define CZ_XDP_UMEM_ADDRESS 1
#define CZ_XDP_UMEM_BYTES 2
#define CZ_XDP_FRAME_SIZE 3
#define CZ_XDP_FRAME_COUNT 4
#define CZ_XDP_HUGE_PAGES 5
#define CZ_XDP_ATTACHED_MODE 6
#define CZ_XDP_BOUND_ZERO_COPY 7
#define CZ_XDP_PROGRAM_ID 8
#define CZ_XDP_IFINDEX 9
#define CZ_XDP_NEED_WAKEUP 10
#define CZ_XDP_RINGS 11
#define CZ_XDP_RING_RX 0
#define CZ_XDP_RING_TX 1
#define CZ_XDP_RING_FILL 2
#define CZ_XDP_RING_COMPLETION 3
#define CZ_RING_PRODUCER 0
#define CZ_RING_CONSUMER 1
#define CZ_RING_FLAGS 2
#define CZ_RING_DESCRIPTORS 3
#define CZ_RING_SIZE 4
#define CZ_XDP_RING_FIELDS 5
#define CZ_XDP_LAYOUT_LENGTH (CZ_XDP_RINGS + 4 * CZ_XDP_RING_FIELDS)

/* Indices of cz_xdp_statistics' output, mirroring NativeNic.XDP_STAT_*. */
#define CZ_XDP_STATS_LENGTH 6

struct cz_xdp_config
{
    const char *interface_name;
    int queue;
    int mode;                     /* CZ_XDP_MODE_* */
    int copy_mode;                /* CZ_XDP_COPY* */
    uint32_t frame_size;          /* 2048 or 4096 */
    uint32_t frame_count;         /* a power of two, at least 2 */
    const uint16_t *ports;        /* host order */
    int port_count;               /* 1..CZ_MAX_PORTS */
    uint32_t ipv4_destination;    /* host order, 0 for any */
};

struct cz_xdp;

/*
 * Opens the socket and attaches the program. Returns 0 and *xdp, or a positive errno with message set (see
 * cz_error.h) and everything acquired so far released.
 */
int cz_xdp_open(const struct cz_xdp_config *config, struct cz_xdp **xdp, char *message, size_t message_size);

/* Fills layout (CZ_XDP_LAYOUT_LENGTH entries). */
void cz_xdp_layout(const struct cz_xdp *xdp, int64_t *layout);

/* The loaded program's file descriptor (for tests that run it with BPF_PROG_TEST_RUN). */
int cz_xdp_prog_fd(const struct cz_xdp *xdp);

/* Detaches the program if it is still the one on the interface, closes the socket, frees the UMEM. NULL is ignored. */
void cz_xdp_close(struct cz_xdp *xdp);

/* sendto (transmit) or recvfrom (receive) with MSG_DONTWAIT and no data. Returns 0 or a positive errno. */
int cz_xdp_kick(int fd, int receive);

/* getsockopt XDP_STATISTICS into stats (CZ_XDP_STATS_LENGTH entries). Returns 0 or a positive errno. */
int cz_xdp_statistics(int fd, int64_t *stats);

#endif
