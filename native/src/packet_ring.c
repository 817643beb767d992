#define _GNU_SOURCE
#include "cz_packet_ring.h"

#include "cz_error.h"
#include "cz_packet_filter.h"
#include "cz_xdp_prog.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

struct cz_packet_ring
{
    int fd;
    int ifindex;
    void *map;
    size_t map_bytes;
    uint32_t frame_size;
    uint32_t rx_frames;
    uint32_t tx_frames;
    size_t rx_bytes;
};

static int power_of_two(const uint32_t n)
{
    return n != 0 && (n & (n - 1)) == 0;
}

/*
 * Blocks are the larger of a page and a frame (both powers of two, so one divides the other); a ring of fewer
 * frames than a block holds is rounded up to one block, and the layout reports the frames actually there.
 */
static struct tpacket_req ring_request(const uint32_t frame_size, const uint32_t frames)
{
    const uint32_t page = (uint32_t)sysconf(_SC_PAGESIZE);
    const uint32_t block = frame_size > page ? frame_size : page;
    const uint32_t per_block = block / frame_size;
    const uint32_t blocks = (frames + per_block - 1) / per_block;
    return (struct tpacket_req){
        .tp_block_size = block, .tp_block_nr = blocks, .tp_frame_size = frame_size, .tp_frame_nr = blocks * per_block };
}

int cz_packet_ring_open(
    const struct cz_packet_ring_config *c, struct cz_packet_ring **ring, char *message, const size_t message_size)
{
    char what[IF_NAMESIZE + 32];
    snprintf(what, sizeof(what), "TPACKET_V2 on %s", c->interface_name != NULL ? c->interface_name : "(null)");

    struct sock_filter filter[CZ_PACKET_FILTER_MAX_INSNS];
    const int filter_length = c->port_count >= 1 && c->port_count <= CZ_MAX_PORTS
        ? cz_packet_filter_build(filter, c->ports, c->port_count, c->ipv4_destination) : -EINVAL;
    if (c->interface_name == NULL || c->frame_size < 2048 || !power_of_two(c->frame_size) ||
        !power_of_two(c->rx_frames) || (c->tx_frames != 0 && !power_of_two(c->tx_frames)) || filter_length < 0)
    {
        return cz_error(message, message_size, what, "checking the arguments", EINVAL,
            "frame size a power of two >= 2048, frame counts powers of two, 1 to 4 non-zero ports");
    }

    struct cz_packet_ring *r = calloc(1, sizeof(*r));
    if (r == NULL)
    {
        return cz_error(message, message_size, what, "allocating", ENOMEM, NULL);
    }
    r->fd = -1;
    r->map = MAP_FAILED;
    r->frame_size = c->frame_size;

    const char *step = "looking up the interface";
    int err = 0;
    r->ifindex = (int)if_nametoindex(c->interface_name);
    if (r->ifindex == 0)
    {
        err = errno;
        goto fail;
    }

    /* Protocol 0: nothing is queued until bind, by which time the filter and the rings are in place. */
    step = "creating the AF_PACKET socket";
    r->fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
    if (r->fd < 0)
    {
        err = errno;
        goto fail;
    }

    step = "setting PACKET_VERSION TPACKET_V2";
    const int version = TPACKET_V2;
    if (setsockopt(r->fd, SOL_PACKET, PACKET_VERSION, &version, sizeof(version)) != 0)
    {
        err = errno;
        goto fail;
    }

    step = "setting PACKET_QDISC_BYPASS";
    const int bypass = 1;
    if (setsockopt(r->fd, SOL_PACKET, PACKET_QDISC_BYPASS, &bypass, sizeof(bypass)) != 0)
    {
        err = errno;
        goto fail;
    }

    /*
     * PACKET_LOSS: a TX frame the kernel cannot send is skipped (its slot handed back AVAILABLE) rather than left
     * as TP_STATUS_WRONG_FORMAT with the kernel's TX head parked on it, which would hold every later frame until
     * the ring came round to that slot again.
     */
    step = "setting PACKET_LOSS";
    const int loss = 1;
    if (setsockopt(r->fd, SOL_PACKET, PACKET_LOSS, &loss, sizeof(loss)) != 0)
    {
        err = errno;
        goto fail;
    }

    step = "attaching the socket filter";
    const struct sock_fprog program = { .len = (unsigned short)filter_length, .filter = filter };
    if (setsockopt(r->fd, SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof(program)) != 0)
    {
        err = errno;
        goto fail;
    }

    step = "setting PACKET_RX_RING";
    const struct tpacket_req rx = ring_request(c->frame_size, c->rx_frames);
    if (setsockopt(r->fd, SOL_PACKET, PACKET_RX_RING, &rx, sizeof(rx)) != 0)
    {
        err = errno;
        goto fail;
    }
    r->rx_frames = rx.tp_frame_nr;
    r->rx_bytes = (size_t)rx.tp_block_size * rx.tp_block_nr;
    r->map_bytes = r->rx_bytes;

    if (c->tx_frames != 0)
    {
        step = "setting PACKET_TX_RING";
        const struct tpacket_req tx = ring_request(c->frame_size, c->tx_frames);
        if (setsockopt(r->fd, SOL_PACKET, PACKET_TX_RING, &tx, sizeof(tx)) != 0)
        {
            err = errno;
            goto fail;
        }
        r->tx_frames = tx.tp_frame_nr;
        r->map_bytes += (size_t)tx.tp_block_size * tx.tp_block_nr;
    }

    /*
     * One mapping, RX ring first then TX, as the kernel lays them out. No mlock or pre-faulting: the ring pages
     * are kernel pages, never swapped, and packet_mmap inserts every one of them into the mapping right here.
     */
    step = "mapping the rings";
    r->map = mmap(NULL, r->map_bytes, PROT_READ | PROT_WRITE, MAP_SHARED, r->fd, 0);
    if (r->map == MAP_FAILED)
    {
        err = errno;
        goto fail;
    }

    /* Bound for IPv4 only: frames this host sends are not delivered back (only ETH_P_ALL taps see those). */
    step = "binding to the interface";
    const struct sockaddr_ll address = {
        .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_IP), .sll_ifindex = r->ifindex };
    if (bind(r->fd, (const struct sockaddr *)&address, sizeof(address)) != 0)
    {
        err = errno;
        goto fail;
    }

    *ring = r;
    return 0;

fail:
    cz_error(message, message_size, what, step, err, NULL);
    cz_packet_ring_close(r);
    return err;
}

void cz_packet_ring_layout(const struct cz_packet_ring *r, int64_t *layout)
{
    layout[CZ_PR_FD] = r->fd;
    layout[CZ_PR_IFINDEX] = r->ifindex;
    layout[CZ_PR_RX_ADDRESS] = (int64_t)(uintptr_t)r->map;
    layout[CZ_PR_RX_FRAMES] = r->rx_frames;
    layout[CZ_PR_TX_ADDRESS] = r->tx_frames != 0 ? (int64_t)(uintptr_t)((char *)r->map + r->rx_bytes) : 0;
    layout[CZ_PR_TX_FRAMES] = r->tx_frames;
    layout[CZ_PR_FRAME_SIZE] = r->frame_size;
    /* Where the kernel takes TX data from without PACKET_TX_HAS_OFF: right after the aligned tpacket2_hdr. */
    layout[CZ_PR_TX_DATA_OFFSET] = (int64_t)(TPACKET2_HDRLEN - sizeof(struct sockaddr_ll));
    layout[CZ_PR_MAP_BYTES] = (int64_t)r->map_bytes;
}

void cz_packet_ring_close(struct cz_packet_ring *r)
{
    if (r == NULL)
    {
        return;
    }
    if (r->map != MAP_FAILED)
    {
        munmap(r->map, r->map_bytes);
    }
    if (r->fd >= 0)
    {
        close(r->fd);
    }
    free(r);
}

int cz_packet_ring_kick(const int fd)
{
    return send(fd, NULL, 0, MSG_DONTWAIT) < 0 ? errno : 0;
}

int cz_packet_ring_statistics(const int fd, int64_t *stats)
{
    struct tpacket_stats s = { 0 };
    socklen_t length = sizeof(s);
    if (getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, &s, &length) != 0)
    {
        return errno;
    }
    stats[0] = s.tp_packets;
    stats[1] = s.tp_drops;
    return 0;
}
