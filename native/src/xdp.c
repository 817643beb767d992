#define _GNU_SOURCE
#include "cz_xdp.h"

#include "cz_error.h"
#include "cz_mem.h"
#include "cz_xdp_prog.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <linux/if_link.h>
#include <linux/if_xdp.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <xdp/xsk.h>

/* Enough for the verifier's log of a 48-instruction program at log level 1. */
#define VERIFIER_LOG_BYTES (64 * 1024)
/* How much of the log's end goes into the error message: the last lines name the rejected instruction. */
#define VERIFIER_TAIL_BYTES 600
/* How long a bind waits for the queue a just-closed socket held: 100 x 10 ms. */
#define BUSY_RETRIES 100
#define BUSY_RETRY_US 10000

struct cz_xdp
{
    struct cz_mapping area;
    uint64_t umem_bytes;
    uint32_t frame_size;
    uint32_t frame_count;
    struct xsk_umem *umem;
    struct xsk_socket *xsk;
    /* libxdp keeps pointers to these four until the socket is deleted, so they live here, not on a stack. */
    struct xsk_ring_cons rx;
    struct xsk_ring_prod tx;
    struct xsk_ring_prod fill;
    struct xsk_ring_cons completion;
    int fd;
    int map_fd;
    int prog_fd;
    int ifindex;
    int link_fd;           /* the BPF link holding the program on the interface; -1 while not attached */
    uint32_t attach_flags; /* 0 while the program is not attached */
    int attached_mode;
    uint32_t prog_id;
    int zero_copy;
};

static int valid_config(const struct cz_xdp_config *c)
{
    if (c->interface_name == NULL || c->queue < 0 || c->mode < CZ_XDP_MODE_AUTO || c->mode > CZ_XDP_MODE_NATIVE ||
        c->copy_mode < CZ_XDP_COPY_AUTO || c->copy_mode > CZ_XDP_ZERO_COPY)
    {
        return 0;
    }
    if ((c->frame_size != 2048 && c->frame_size != 4096) || c->frame_count < 2 ||
        (c->frame_count & (c->frame_count - 1)) != 0 || c->port_count < 1 || c->port_count > CZ_MAX_PORTS)
    {
        return 0;
    }
    for (int i = 0; i < c->port_count; i++)
    {
        if (c->ports[i] == 0)
        {
            return 0;
        }
    }
    return 1;
}

/* Registers the UMEM and binds the socket with bind_mode (XDP_COPY or XDP_ZEROCOPY); on failure neither remains. */
static int create_socket(struct cz_xdp *x, const struct cz_xdp_config *c, const uint16_t bind_mode, const char **step)
{
    const struct xsk_umem_config umem_config = {
        .fill_size = c->frame_count / 2,
        .comp_size = c->frame_count / 2,
        .frame_size = c->frame_size,
        .frame_headroom = 0,
        .flags = 0,
    };
    *step = "registering the UMEM";
    int rc = xsk_umem__create(&x->umem, x->area.address, x->umem_bytes, &x->fill, &x->completion, &umem_config);
    if (rc != 0)
    {
        x->umem = NULL;
        return -rc;
    }

    /* We load and attach our own program; libxdp must not install its default one. */
    const struct xsk_socket_config socket_config = {
        .rx_size = c->frame_count / 2,
        .tx_size = c->frame_count / 2,
        .libxdp_flags = XSK_LIBXDP_FLAGS__INHIBIT_PROG_LOAD,
        .xdp_flags = 0,
        .bind_flags = XDP_USE_NEED_WAKEUP | bind_mode,
    };
    *step = bind_mode == XDP_ZEROCOPY ? "binding the socket zero-copy" : "binding the socket in copy mode";
    rc = xsk_socket__create(&x->xsk, c->interface_name, (uint32_t)c->queue, x->umem, &x->rx, &x->tx, &socket_config);
    /*
     * EBUSY: the queue still has a buffer pool. Closing an AF_XDP socket releases its pool from a work item,
     * after close returns, so binding again right after a close fails for a few milliseconds. Wait that out,
     * bounded; a queue that stays busy belongs to another live socket.
     */
    for (int retry = 0; rc == -EBUSY && retry < BUSY_RETRIES; retry++)
    {
        usleep(BUSY_RETRY_US);
        rc = xsk_socket__create(&x->xsk, c->interface_name, (uint32_t)c->queue, x->umem, &x->rx, &x->tx,
            &socket_config);
    }
    if (rc == -EBUSY)
    {
        *step = bind_mode == XDP_ZEROCOPY ? "binding the socket zero-copy (queue busy for 1 s: another socket?)"
                                          : "binding the socket in copy mode (queue busy for 1 s: another socket?)";
    }
    if (rc != 0)
    {
        x->xsk = NULL;
        xsk_umem__delete(x->umem);
        x->umem = NULL;
        return -rc;
    }
    x->fd = xsk_socket__fd(x->xsk);
    return 0;
}

/* Copies the end of the verifier log into detail, lines joined by " | ". */
static void verifier_tail(const char *log, char *detail, const size_t detail_size)
{
    size_t length = strlen(log);
    while (length > 0 && log[length - 1] == '\n')
    {
        length--;
    }
    const size_t start = length > VERIFIER_TAIL_BYTES ? length - VERIFIER_TAIL_BYTES : 0;
    size_t out = (size_t)snprintf(detail, detail_size, "verifier: %s", start > 0 ? "..." : "");
    for (size_t i = start; i < length && out + 4 < detail_size; i++)
    {
        if (log[i] == '\n')
        {
            memcpy(detail + out, " | ", 3);
            out += 3;
        }
        else
        {
            detail[out++] = log[i];
        }
    }
    detail[out < detail_size ? out : detail_size - 1] = '\0';
}

static int load_program(struct cz_xdp *x, const struct cz_xdp_config *c, char *detail, const size_t detail_size)
{
    struct bpf_insn insns[CZ_XDP_PROG_MAX_INSNS];
    const int count = cz_xdp_prog_build(insns, c->ports, c->port_count, c->ipv4_destination, x->map_fd);
    if (count < 0)
    {
        return -count;
    }

    LIBBPF_OPTS(bpf_prog_load_opts, opts);
    const int fd = bpf_prog_load(BPF_PROG_TYPE_XDP, "cz_xsk_redirect", "Dual BSD/GPL", insns, (size_t)count, &opts);
    if (fd >= 0)
    {
        x->prog_fd = fd;
        return 0;
    }

    /* Load again, only on failure, with the verifier log on: it says which instruction and why. */
    const int err = -fd;
    char *log = calloc(1, VERIFIER_LOG_BYTES);
    if (log != NULL)
    {
        LIBBPF_OPTS(bpf_prog_load_opts, logged, .log_buf = log, .log_size = VERIFIER_LOG_BYTES, .log_level = 1);
        const int again = bpf_prog_load(BPF_PROG_TYPE_XDP, "cz_xsk_redirect", "Dual BSD/GPL", insns, (size_t)count,
            &logged);
        if (again >= 0)
        {
            close(again);
        }
        if (log[0] != '\0')
        {
            verifier_tail(log, detail, detail_size);
        }
        free(log);
    }
    return err;
}

/*
 * Attaches through a BPF link rather than netlink: the program stays exactly as long as the link's descriptor,
 * so closing it detaches from whichever thread or network namespace, and a process that dies (kill -9) leaves no
 * program behind on the interface. A program someone else attached stays, and this attach fails with EBUSY.
 */
static int attach(struct cz_xdp *x, const uint32_t flags, const int mode)
{
    LIBBPF_OPTS(bpf_link_create_opts, opts, .flags = flags);
    const int link = bpf_link_create(x->prog_fd, x->ifindex, BPF_XDP, &opts);
    if (link < 0)
    {
        return -link;
    }
    x->link_fd = link;
    x->attach_flags = flags;
    x->attached_mode = mode;
    return 0;
}

static const char *mode_name(const int mode)
{
    return mode == CZ_XDP_MODE_SKB ? "SKB" : mode == CZ_XDP_MODE_NATIVE ? "native" : "auto";
}

int cz_xdp_open(const struct cz_xdp_config *c, struct cz_xdp **xdp, char *message, const size_t message_size)
{
    char what[IF_NAMESIZE + 64];
    snprintf(what, sizeof(what), "AF_XDP on %s queue %d, %s mode", c->interface_name != NULL ? c->interface_name :
        "(null)", c->queue, mode_name(c->mode));
    if (!valid_config(c))
    {
        return cz_error(message, message_size, what, "checking the arguments", EINVAL,
            "frame size 2048 or 4096, frame count a power of two >= 2, 1 to 4 non-zero ports");
    }

    struct cz_xdp *x = calloc(1, sizeof(*x));
    if (x == NULL)
    {
        return cz_error(message, message_size, what, "allocating", ENOMEM, NULL);
    }
    x->fd = x->map_fd = x->prog_fd = x->link_fd = -1;
    x->frame_size = c->frame_size;
    x->frame_count = c->frame_count;
    x->umem_bytes = (uint64_t)c->frame_size * c->frame_count;

    char detail[VERIFIER_TAIL_BYTES + 64] = "";
    const char *step = "looking up the interface";
    int err = 0;
    x->ifindex = (int)if_nametoindex(c->interface_name);
    if (x->ifindex == 0)
    {
        err = errno;
        goto fail;
    }

    step = "mapping the UMEM";
    err = cz_map_memory(x->umem_bytes, 1, &x->area);
    if (err != 0)
    {
        goto fail;
    }

    if (c->copy_mode == CZ_XDP_COPY_AUTO)
    {
        /* veth and most drivers without AF_XDP support refuse zero-copy with EOPNOTSUPP; copy mode always binds. */
        err = create_socket(x, c, XDP_ZEROCOPY, &step);
        if (err != 0)
        {
            err = create_socket(x, c, XDP_COPY, &step);
        }
    }
    else
    {
        err = create_socket(x, c, c->copy_mode == CZ_XDP_ZERO_COPY ? XDP_ZEROCOPY : XDP_COPY, &step);
    }
    if (err != 0)
    {
        goto fail;
    }

    step = "reading the socket's XDP_OPTIONS";
    struct xdp_options options = { 0 };
    socklen_t options_length = sizeof(options);
    if (getsockopt(x->fd, SOL_XDP, XDP_OPTIONS, &options, &options_length) != 0)
    {
        err = errno;
        goto fail;
    }
    x->zero_copy = (options.flags & XDP_OPTIONS_ZEROCOPY) != 0;

    step = "creating the XSKMAP";
    /* Indexed by RX queue: entries 0..queue, only ours filled, so other queues' matches are passed. */
    x->map_fd = bpf_map_create(BPF_MAP_TYPE_XSKMAP, "cz_xsks", sizeof(int), sizeof(int), (uint32_t)c->queue + 1,
        NULL);
    if (x->map_fd < 0)
    {
        err = -x->map_fd;
        goto fail;
    }

    step = "putting the socket in the XSKMAP";
    const int key = c->queue;
    if (bpf_map_update_elem(x->map_fd, &key, &x->fd, BPF_ANY) != 0)
    {
        err = errno;
        goto fail;
    }

    step = "loading the XDP program";
    err = load_program(x, c, detail, sizeof(detail));
    if (err != 0)
    {
        goto fail;
    }

    step = "attaching the XDP program";
    if (c->mode == CZ_XDP_MODE_SKB)
    {
        err = attach(x, XDP_FLAGS_SKB_MODE, CZ_XDP_MODE_SKB);
    }
    else
    {
        err = attach(x, XDP_FLAGS_DRV_MODE, CZ_XDP_MODE_NATIVE);
        if (err != 0 && c->mode == CZ_XDP_MODE_AUTO)
        {
            step = "attaching the XDP program (native refused, then SKB)";
            err = attach(x, XDP_FLAGS_SKB_MODE, CZ_XDP_MODE_SKB);
        }
    }
    if (err != 0)
    {
        goto fail;
    }

    step = "reading the attached program's id";
    err = -bpf_xdp_query_id(x->ifindex, (int)(x->attach_flags & XDP_FLAGS_MODES), &x->prog_id);
    if (err != 0)
    {
        goto fail;
    }

    *xdp = x;
    return 0;

fail:
    cz_error(message, message_size, what, step, err, detail[0] != '\0' ? detail : NULL);
    cz_xdp_close(x);
    return err;
}

static void ring_fields(int64_t *field, const uint32_t *producer, const uint32_t *consumer, const uint32_t *flags,
    const void *descriptors, const uint32_t size)
{
    field[CZ_RING_PRODUCER] = (int64_t)(uintptr_t)producer;
    field[CZ_RING_CONSUMER] = (int64_t)(uintptr_t)consumer;
    field[CZ_RING_FLAGS] = (int64_t)(uintptr_t)flags;
    field[CZ_RING_DESCRIPTORS] = (int64_t)(uintptr_t)descriptors;
    field[CZ_RING_SIZE] = size;
}

void cz_xdp_layout(const struct cz_xdp *x, int64_t *layout)
{
    layout[CZ_XDP_FD] = x->fd;
    layout[CZ_XDP_UMEM_ADDRESS] = (int64_t)(uintptr_t)x->area.address;
    layout[CZ_XDP_UMEM_BYTES] = (int64_t)x->umem_bytes;
    layout[CZ_XDP_FRAME_SIZE] = x->frame_size;
    layout[CZ_XDP_FRAME_COUNT] = x->frame_count;
    layout[CZ_XDP_HUGE_PAGES] = x->area.huge_pages;
    layout[CZ_XDP_ATTACHED_MODE] = x->attached_mode;
    layout[CZ_XDP_BOUND_ZERO_COPY] = x->zero_copy;
    layout[CZ_XDP_PROGRAM_ID] = x->prog_id;
    layout[CZ_XDP_IFINDEX] = x->ifindex;
    /* Always asked for at bind; the kernel refuses the bind rather than ignore the flag. */
    layout[CZ_XDP_NEED_WAKEUP] = 1;

    int64_t *rings = layout + CZ_XDP_RINGS;
    ring_fields(rings + CZ_XDP_RING_RX * CZ_XDP_RING_FIELDS, x->rx.producer, x->rx.consumer, x->rx.flags, x->rx.ring,
        x->rx.size);
    ring_fields(rings + CZ_XDP_RING_TX * CZ_XDP_RING_FIELDS, x->tx.producer, x->tx.consumer, x->tx.flags, x->tx.ring,
        x->tx.size);
    ring_fields(rings + CZ_XDP_RING_FILL * CZ_XDP_RING_FIELDS, x->fill.producer, x->fill.consumer, x->fill.flags,
        x->fill.ring, x->fill.size);
    ring_fields(rings + CZ_XDP_RING_COMPLETION * CZ_XDP_RING_FIELDS, x->completion.producer, x->completion.consumer,
        x->completion.flags, x->completion.ring, x->completion.size);
}

int cz_xdp_prog_fd(const struct cz_xdp *x)
{
    return x->prog_fd;
}

void cz_xdp_close(struct cz_xdp *x)
{
    if (x == NULL)
    {
        return;
    }
    if (x->link_fd >= 0)
    {
        /* Detaches the program: the link is its only holder on the interface. */
        close(x->link_fd);
    }
    if (x->prog_fd >= 0)
    {
        close(x->prog_fd);
    }
    if (x->map_fd >= 0)
    {
        close(x->map_fd);
    }
    if (x->xsk != NULL)
    {
        xsk_socket__delete(x->xsk);
    }
    if (x->umem != NULL)
    {
        xsk_umem__delete(x->umem);
    }
    if (x->area.address != NULL)
    {
        cz_unmap_memory(x->area.address, x->area.bytes);
    }
    free(x);
}

int cz_xdp_kick(const int fd, const int receive)
{
    const ssize_t rc = receive ? recvfrom(fd, NULL, 0, MSG_DONTWAIT, NULL, NULL)
                               : sendto(fd, NULL, 0, MSG_DONTWAIT, NULL, 0);
    return rc < 0 ? errno : 0;
}

int cz_xdp_statistics(const int fd, int64_t *stats)
{
    struct xdp_statistics s = { 0 };
    socklen_t length = sizeof(s);
    if (getsockopt(fd, SOL_XDP, XDP_STATISTICS, &s, &length) != 0)
    {
        return errno;
    }
    stats[0] = (int64_t)s.rx_dropped;
    stats[1] = (int64_t)s.rx_invalid_descs;
    stats[2] = (int64_t)s.tx_invalid_descs;
    stats[3] = (int64_t)s.rx_ring_full;
    stats[4] = (int64_t)s.rx_fill_ring_empty_descs;
    stats[5] = (int64_t)s.tx_ring_empty_descs;
    return 0;
}
