/*
 * Root-only smoke test of the AF_XDP and TPACKET_V2 helpers on a veth pair; test/smoke-nic.sh sets up the two
 * namespaces and runs it as: smoke_nic NS_A NS_B IF_A IF_B.
 *
 * For each of AF_XDP in SKB mode, AF_XDP in native mode and TPACKET_V2, on IF_B in NS_B it:
 *   - opens the ring for UDP ports 30001 and 30005 to 10.77.0.2, and drives it only through the layout array,
 *     following the kernel's ring protocol (acquire the producer, release the consumer);
 *   - sends from NS_A 20 datagrams to 10.77.0.2:30001, 5 to :30005 (both must reach the ring), 10 to :30009,
 *     5 to 10.77.0.3:30001 and one 3000-byte datagram to :30001, fragmented by the 1500 MTU (none of which may);
 *   - checks that exactly the 25 arrive in the ring, that the kernel got the others (UDP sockets in NS_B), and
 *     that ARP (neighbours flushed first, so the datagrams themselves needed it) and ICMP echo still work;
 *   - transmits one frame through the ring to a UDP socket in NS_A, and notes whether a second one leaves
 *     without a kick;
 *   - closes, and for XDP checks that the program is gone from the interface.
 * The XDP program's decisions are also checked one by one with BPF_PROG_TEST_RUN (VLAN tag, fragments, ...).
 * Every wait is bounded.
 */
#define _GNU_SOURCE
#include "cz_netns.h"
#include "cz_packet_ring.h"
#include "cz_xdp.h"

#include <arpa/inet.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_link.h>
#include <linux/if_packet.h>
#include <linux/if_xdp.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define PORT_FILTERED 30001
#define PORT_SECOND 30005
#define PORT_OTHER 30009
#define PORT_A_RECEIVER 40100
#define ADDRESS_A 0x0a4d0001u
#define ADDRESS_B 0x0a4d0002u
#define ADDRESS_B_OTHER 0x0a4d0003u
#define SENT_FILTERED 20
#define SENT_SECOND 5
#define SENT_OTHER_PORT 10
#define SENT_OTHER_ADDRESS 5
#define FRAME_SIZE 2048
#define FRAME_COUNT 256
#define WAIT_MS 2000

static const uint8_t MAC_A[6] = { 0x02, 0x77, 0, 0, 0, 0x0a };
static const uint8_t MAC_B[6] = { 0x02, 0x77, 0, 0, 0, 0x0b };
static const uint16_t PORTS[] = { PORT_FILTERED, PORT_SECOND };

static int failures;
static const char *ns_a_name;
static const char *ns_b_name;
static const char *if_b;
static char ns_a_path[256];
static char ns_b_path[256];

/* Sockets in NS_A: a sender and the receiver of what the rings transmit; in NS_B: the kernel's share. */
static int sender_a;
static int receiver_a;
static int kernel_filtered_b;
static int kernel_other_b;
static int icmp_a;

static void check(const int ok, const char *what, const long value)
{
    printf("%s  %-66s (%ld)\n", ok ? "ok  " : "FAIL", what, value);
    if (!ok)
    {
        failures++;
    }
}

static long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void enter(const char *path)
{
    const int err = cz_netns_enter_path(path);
    if (err != 0)
    {
        fprintf(stderr, "smoke_nic: setns %s: %s\n", path, strerror(err));
        exit(2);
    }
}

static int udp_socket(const uint32_t address, const uint16_t port)
{
    const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    const struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(address) };
    if (fd < 0 || bind(fd, (const struct sockaddr *)&sin, sizeof(sin)) != 0)
    {
        perror("smoke_nic: udp socket");
        exit(2);
    }
    return fd;
}

static void send_to(const uint32_t address, const uint16_t port, const size_t bytes, const int count)
{
    static char payload[4000];
    const struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(address) };
    for (int i = 0; i < count; i++)
    {
        const int length = snprintf(payload, sizeof(payload), "czsmoke %u %d", port, i);
        const size_t size = bytes > (size_t)length ? bytes : (size_t)length;
        if (sendto(sender_a, payload, size, 0, (const struct sockaddr *)&sin, sizeof(sin)) != (ssize_t)size)
        {
            perror("smoke_nic: sendto");
        }
    }
}

/* Datagrams waiting on a socket, drained. */
static int drain(const int fd)
{
    char buffer[4000];
    int count = 0;
    while (recv(fd, buffer, sizeof(buffer), MSG_DONTWAIT) > 0)
    {
        count++;
    }
    return count;
}

static int wait_for_datagram(const int fd, const char *expected, const int timeout_ms)
{
    struct pollfd p = { .fd = fd, .events = POLLIN };
    if (poll(&p, 1, timeout_ms) != 1)
    {
        return 0;
    }
    char buffer[256] = "";
    const ssize_t n = recv(fd, buffer, sizeof(buffer) - 1, MSG_DONTWAIT);
    return n > 0 && strncmp(buffer, expected, strlen(expected)) == 0;
}

static uint16_t ip_checksum(const uint8_t *header, const size_t length)
{
    uint32_t sum = 0;
    for (size_t i = 0; i < length; i += 2)
    {
        sum += (uint32_t)(header[i] << 8 | header[i + 1]);
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return (uint16_t)~sum;
}

/* b -> a: Ethernet, IPv4 (checksummed), UDP (checksum 0, "none", allowed for IPv4) with the payload. */
static size_t build_tx_frame(uint8_t *frame, const char *payload)
{
    const size_t payload_length = strlen(payload);
    memcpy(frame, MAC_A, 6);
    memcpy(frame + 6, MAC_B, 6);
    frame[12] = 0x08;
    frame[13] = 0x00;
    uint8_t *ip = frame + 14;
    memset(ip, 0, 20);
    ip[0] = 0x45;
    const uint16_t total = htons((uint16_t)(20 + 8 + payload_length));
    memcpy(ip + 2, &total, 2);
    ip[8] = 64;
    ip[9] = IPPROTO_UDP;
    const uint32_t source = htonl(ADDRESS_B);
    const uint32_t destination = htonl(ADDRESS_A);
    memcpy(ip + 12, &source, 4);
    memcpy(ip + 16, &destination, 4);
    const uint16_t checksum = htons(ip_checksum(ip, 20));
    memcpy(ip + 10, &checksum, 2);
    uint8_t *udp = ip + 20;
    const uint16_t ports[2] = { htons(PORT_FILTERED), htons(PORT_A_RECEIVER) };
    const uint16_t udp_length = htons((uint16_t)(8 + payload_length));
    memcpy(udp, ports, 4);
    memcpy(udp + 4, &udp_length, 2);
    memset(udp + 6, 0, 2);
    memcpy(udp + 8, payload, payload_length);
    return 14 + 20 + 8 + payload_length;
}

/* What arrived in a ring is one of ours: IPv4 UDP to 10.77.0.2 port 30001 or 30005, not a fragment, "czsmoke". */
static int expected_frame(const uint8_t *frame, const uint32_t length)
{
    if (length < 14 + 20 + 8 + 7 || frame[12] != 0x08 || frame[13] != 0x00 || frame[14 + 9] != IPPROTO_UDP)
    {
        return 0;
    }
    const uint8_t *ip = frame + 14;
    const uint32_t destination = (uint32_t)ip[16] << 24 | (uint32_t)ip[17] << 16 | (uint32_t)ip[18] << 8 | ip[19];
    const uint16_t fragment = (uint16_t)(ip[6] << 8 | ip[7]) & 0x3fff;
    const uint8_t *udp = ip + (ip[0] & 0x0f) * 4;
    const uint16_t port = (uint16_t)(udp[2] << 8 | udp[3]);
    return destination == ADDRESS_B && fragment == 0 && (port == PORT_FILTERED || port == PORT_SECOND) &&
        memcmp(udp + 8, "czsmoke", 7) == 0;
}

static void send_traffic(void)
{
    enter(ns_a_path);
    send_to(ADDRESS_B, PORT_FILTERED, 0, SENT_FILTERED);
    send_to(ADDRESS_B, PORT_SECOND, 0, SENT_SECOND);
    send_to(ADDRESS_B, PORT_OTHER, 0, SENT_OTHER_PORT);
    send_to(ADDRESS_B_OTHER, PORT_FILTERED, 0, SENT_OTHER_ADDRESS);
    send_to(ADDRESS_B, PORT_FILTERED, 3000, 1);
    enter(ns_b_path);
}

static void flush_neighbours(void)
{
    char command[512];
    snprintf(command, sizeof(command), "ip -n %s neigh flush all; ip -n %s neigh flush all", ns_a_name, ns_b_name);
    if (system(command) != 0)
    {
        fprintf(stderr, "smoke_nic: neigh flush failed\n");
    }
}

/*
 * One ICMP echo from NS_A to 10.77.0.2 and its reply, on a raw socket opened in NS_A at start (no ping(8)
 * needed): up to 3 tries of 500 ms.
 */
static int ping_works(void)
{
    uint8_t request[16] = { 8, 0, 0, 0, 0x43, 0x5a, 0, 0, 'c', 'z', 's', 'm', 'o', 'k', 'e', '!' };
    const struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(ADDRESS_B) };
    for (uint8_t sequence = 1; sequence <= 3; sequence++)
    {
        request[7] = sequence;
        request[2] = request[3] = 0;
        const uint16_t checksum = htons(ip_checksum(request, sizeof(request)));
        memcpy(request + 2, &checksum, 2);
        if (sendto(icmp_a, request, sizeof(request), 0, (const struct sockaddr *)&to, sizeof(to)) < 0)
        {
            return 0;
        }
        const long deadline = now_ms() + 500;
        while (now_ms() < deadline)
        {
            struct pollfd p = { .fd = icmp_a, .events = POLLIN };
            if (poll(&p, 1, 50) != 1)
            {
                continue;
            }
            uint8_t reply[256];
            const ssize_t n = recv(icmp_a, reply, sizeof(reply), MSG_DONTWAIT);
            /* A raw ICMP socket reads the IP header too; an echo reply (type 0) with our id and sequence. */
            if (n >= 20 + 8)
            {
                const uint8_t *icmp = reply + (reply[0] & 0x0f) * 4;
                if (icmp[0] == 0 && icmp[4] == 0x43 && icmp[5] == 0x5a && icmp[7] == sequence)
                {
                    return 1;
                }
            }
        }
    }
    return 0;
}

/* Checks what the kernel (not the ring) received in NS_B: the unfiltered datagrams. */
static void check_kernel_share(const char *label, const int expected_filtered_port)
{
    char what[128];
    const long deadline = now_ms() + WAIT_MS;
    int filtered = 0;
    int other = 0;
    while (now_ms() < deadline && (filtered < expected_filtered_port || other < SENT_OTHER_PORT))
    {
        filtered += drain(kernel_filtered_b);
        other += drain(kernel_other_b);
        usleep(10000);
    }
    usleep(100000);
    filtered += drain(kernel_filtered_b);
    other += drain(kernel_other_b);
    snprintf(what, sizeof(what), "%s: kernel got %d datagrams on :30001", label, expected_filtered_port);
    check(filtered == expected_filtered_port, what, filtered);
    snprintf(what, sizeof(what), "%s: kernel got all %d datagrams on :30009", label, SENT_OTHER_PORT);
    check(other == SENT_OTHER_PORT, what, other);
}

/* ---- AF_XDP ---------------------------------------------------------------------------------------------- */

struct xdp_ring
{
    uint32_t *producer;
    uint32_t *consumer;
    uint32_t *flags;
    void *descriptors;
    uint32_t mask;
};

static struct xdp_ring ring_at(const int64_t *layout, const int ring)
{
    const int64_t *f = layout + CZ_XDP_RINGS + ring * CZ_XDP_RING_FIELDS;
    return (struct xdp_ring){ (uint32_t *)(uintptr_t)f[CZ_RING_PRODUCER], (uint32_t *)(uintptr_t)f[CZ_RING_CONSUMER],
        (uint32_t *)(uintptr_t)f[CZ_RING_FLAGS], (void *)(uintptr_t)f[CZ_RING_DESCRIPTORS], (uint32_t)f[CZ_RING_SIZE] - 1 };
}

/* BPF_PROG_TEST_RUN of one crafted frame: the program's verdict (XDP_REDIRECT 4 or XDP_PASS 2). */
static int verdict(const int prog_fd, const uint8_t *frame, const size_t length)
{
    uint8_t out[256];
    LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = frame, .data_size_in = (uint32_t)length, .data_out = out,
        .data_size_out = sizeof(out), .repeat = 1);
    const int rc = bpf_prog_test_run_opts(prog_fd, &opts);
    return rc != 0 ? rc : (int)opts.retval;
}

static size_t crafted(uint8_t *frame, const int vlan, const uint8_t protocol, const uint16_t fragment,
    const uint32_t destination, const int ihl, const uint16_t port)
{
    memset(frame, 0, 128);
    memcpy(frame, MAC_B, 6);
    memcpy(frame + 6, MAC_A, 6);
    size_t at = 12;
    if (vlan)
    {
        frame[at++] = 0x81;
        frame[at++] = 0x00;
        frame[at++] = 0x00;
        frame[at++] = 0x07;
    }
    frame[at++] = 0x08;
    frame[at++] = 0x00;
    uint8_t *ip = frame + at;
    ip[0] = (uint8_t)(0x40 | ihl);
    ip[6] = (uint8_t)(fragment >> 8);
    ip[7] = (uint8_t)fragment;
    ip[9] = protocol;
    const uint32_t d = htonl(destination);
    memcpy(ip + 16, &d, 4);
    uint8_t *udp = ip + ihl * 4;
    udp[2] = (uint8_t)(port >> 8);
    udp[3] = (uint8_t)port;
    return at + (size_t)ihl * 4 + 8 + 4;
}

static void check_program_decisions(const int prog_fd)
{
    uint8_t f[128];
    size_t n = crafted(f, 0, IPPROTO_UDP, 0x4000, ADDRESS_B, 5, PORT_FILTERED);
    check(verdict(prog_fd, f, n) == XDP_REDIRECT, "program: UDP to 10.77.0.2:30001 (DF) redirected", 0);
    n = crafted(f, 1, IPPROTO_UDP, 0, ADDRESS_B, 5, PORT_SECOND);
    check(verdict(prog_fd, f, n) == XDP_REDIRECT, "program: 802.1Q-tagged UDP to :30005 redirected", 0);
    n = crafted(f, 0, IPPROTO_UDP, 0, ADDRESS_B, 7, PORT_FILTERED);
    check(verdict(prog_fd, f, n) == XDP_REDIRECT, "program: IP options (IHL 7) redirected", 0);
    n = crafted(f, 0, IPPROTO_UDP, 0, ADDRESS_B, 5, PORT_OTHER);
    check(verdict(prog_fd, f, n) == XDP_PASS, "program: another port passed", 0);
    n = crafted(f, 0, IPPROTO_TCP, 0, ADDRESS_B, 5, PORT_FILTERED);
    check(verdict(prog_fd, f, n) == XDP_PASS, "program: TCP passed", 0);
    n = crafted(f, 0, IPPROTO_UDP, 0x2000, ADDRESS_B, 5, PORT_FILTERED);
    check(verdict(prog_fd, f, n) == XDP_PASS, "program: first fragment (MF) passed", 0);
    n = crafted(f, 1, IPPROTO_UDP, 0x0100, ADDRESS_B, 5, PORT_FILTERED);
    check(verdict(prog_fd, f, n) == XDP_PASS, "program: tagged later fragment passed", 0);
    n = crafted(f, 0, IPPROTO_UDP, 0, ADDRESS_B_OTHER, 5, PORT_FILTERED);
    check(verdict(prog_fd, f, n) == XDP_PASS, "program: another destination address passed", 0);
    n = crafted(f, 0, IPPROTO_UDP, 0, ADDRESS_B, 4, PORT_FILTERED);
    check(verdict(prog_fd, f, n) == XDP_PASS, "program: IHL 4 (malformed) passed", 0);
    n = crafted(f, 0, IPPROTO_UDP, 0, ADDRESS_B, 5, PORT_FILTERED);
    check(verdict(prog_fd, f, 14 + 20 + 3) == XDP_PASS, "program: truncated UDP header passed", 0);
    n = crafted(f, 0, IPPROTO_UDP, 0, ADDRESS_B, 5, PORT_FILTERED);
    f[12] = 0x08;
    f[13] = 0x06;
    check(verdict(prog_fd, f, n) == XDP_PASS, "program: ARP passed", 0);
}

static void test_xdp(const int mode, const char *label)
{
    char what[160];
    flush_neighbours();
    const struct cz_xdp_config config = {
        .interface_name = if_b,
        .queue = 0,
        .mode = mode,
        .copy_mode = CZ_XDP_COPY_AUTO,
        .frame_size = FRAME_SIZE,
        .frame_count = FRAME_COUNT,
        .ports = PORTS,
        .port_count = 2,
        .ipv4_destination = ADDRESS_B,
    };
    struct cz_xdp *xdp = NULL;
    char message[1024];
    const int err = cz_xdp_open(&config, &xdp, message, sizeof(message));
    snprintf(what, sizeof(what), "%s: open", label);
    check(err == 0, what, err);
    if (err != 0)
    {
        printf("      %s\n", message);
        return;
    }

    int64_t layout[CZ_XDP_LAYOUT_LENGTH];
    cz_xdp_layout(xdp, layout);
    printf("      fd %ld, mode %ld, zero-copy %ld, huge pages %ld, program id %ld, ring size %ld\n",
        (long)layout[CZ_XDP_FD], (long)layout[CZ_XDP_ATTACHED_MODE], (long)layout[CZ_XDP_BOUND_ZERO_COPY],
        (long)layout[CZ_XDP_HUGE_PAGES], (long)layout[CZ_XDP_PROGRAM_ID],
        (long)layout[CZ_XDP_RINGS + CZ_RING_SIZE]);
    snprintf(what, sizeof(what), "%s: attached in the mode asked for", label);
    check(layout[CZ_XDP_ATTACHED_MODE] == mode, what, (long)layout[CZ_XDP_ATTACHED_MODE]);
    uint32_t id = 0;
    bpf_xdp_query_id((int)layout[CZ_XDP_IFINDEX], 0, &id);
    snprintf(what, sizeof(what), "%s: the interface shows our program id", label);
    check(id == (uint32_t)layout[CZ_XDP_PROGRAM_ID] && id != 0, what, id);
    check_program_decisions(cz_xdp_prog_fd(xdp));

    const int fd = (int)layout[CZ_XDP_FD];
    uint8_t *umem = (uint8_t *)(uintptr_t)layout[CZ_XDP_UMEM_ADDRESS];
    const struct xdp_ring rx = ring_at(layout, CZ_XDP_RING_RX);
    const struct xdp_ring tx = ring_at(layout, CZ_XDP_RING_TX);
    const struct xdp_ring fill = ring_at(layout, CZ_XDP_RING_FILL);
    const struct xdp_ring completion = ring_at(layout, CZ_XDP_RING_COMPLETION);

    /* Frames 0..127 for receiving, handed to the kernel through the fill ring; 128.. for transmitting. */
    uint32_t fill_producer = *fill.producer;
    for (uint32_t i = 0; i <= fill.mask; i++)
    {
        ((uint64_t *)fill.descriptors)[fill_producer++ & fill.mask] = (uint64_t)i * FRAME_SIZE;
    }
    __atomic_store_n(fill.producer, fill_producer, __ATOMIC_RELEASE);
    const uint32_t fill_flags_before = __atomic_load_n(fill.flags, __ATOMIC_ACQUIRE);
    if (fill_flags_before & XDP_RING_NEED_WAKEUP)
    {
        cz_xdp_kick(fd, 1);
    }

    send_traffic();

    int received = 0;
    int unexpected = 0;
    int fill_wakeups_seen = 0;
    uint32_t rx_consumer = *rx.consumer;
    const long deadline = now_ms() + WAIT_MS;
    while (now_ms() < deadline && received + unexpected < SENT_FILTERED + SENT_SECOND)
    {
        const uint32_t produced = __atomic_load_n(rx.producer, __ATOMIC_ACQUIRE);
        while (rx_consumer != produced)
        {
            const struct xdp_desc *d = &((struct xdp_desc *)rx.descriptors)[rx_consumer & rx.mask];
            if (expected_frame(umem + d->addr, d->len))
            {
                received++;
            }
            else
            {
                unexpected++;
            }
            /* Give the frame back at once (the address of the frame start, as aligned mode wants it). */
            ((uint64_t *)fill.descriptors)[fill_producer++ & fill.mask] = d->addr & ~(uint64_t)(FRAME_SIZE - 1);
            rx_consumer++;
        }
        __atomic_store_n(rx.consumer, rx_consumer, __ATOMIC_RELEASE);
        __atomic_store_n(fill.producer, fill_producer, __ATOMIC_RELEASE);
        if (__atomic_load_n(fill.flags, __ATOMIC_ACQUIRE) & XDP_RING_NEED_WAKEUP)
        {
            fill_wakeups_seen++;
            cz_xdp_kick(fd, 1);
        }
        usleep(1000);
    }
    usleep(100000);
    unexpected += (int)(__atomic_load_n(rx.producer, __ATOMIC_ACQUIRE) - rx_consumer);
    snprintf(what, sizeof(what), "%s: exactly the %d filtered datagrams in the RX ring", label,
        SENT_FILTERED + SENT_SECOND);
    check(received == SENT_FILTERED + SENT_SECOND && unexpected == 0, what, received * 1000 + unexpected);
    printf("      fill ring NEED_WAKEUP: %s before traffic, seen set %d times while receiving\n",
        fill_flags_before & XDP_RING_NEED_WAKEUP ? "set" : "clear", fill_wakeups_seen);
    check_kernel_share(label, SENT_OTHER_ADDRESS + 1);
    snprintf(what, sizeof(what), "%s: ARP and ping pass to the kernel", label);
    check(ping_works(), what, 0);

    /* TX: frame 128 with a kick, then frame 129 without one, to see whether the kernel sends it unasked. */
    const uint32_t tx_flags = __atomic_load_n(tx.flags, __ATOMIC_ACQUIRE);
    uint32_t tx_producer = *tx.producer;
    uint32_t completion_consumer = *completion.consumer;
    int completed = 0;
    for (int round = 0; round < 2; round++)
    {
        const uint64_t address = (uint64_t)(FRAME_COUNT / 2 + round) * FRAME_SIZE;
        char payload[64];
        snprintf(payload, sizeof(payload), "tx %s %d", label, round);
        struct xdp_desc *d = &((struct xdp_desc *)tx.descriptors)[tx_producer & tx.mask];
        d->addr = address;
        d->len = (uint32_t)build_tx_frame(umem + address, payload);
        d->options = 0;
        __atomic_store_n(tx.producer, ++tx_producer, __ATOMIC_RELEASE);
        int kick = 0;
        if (round == 0)
        {
            kick = cz_xdp_kick(fd, 0);
            snprintf(what, sizeof(what), "%s: TX kick", label);
            check(kick == 0, what, kick);
        }
        const int arrived = wait_for_datagram(receiver_a, payload, round == 0 ? WAIT_MS : 300);
        if (round == 0)
        {
            snprintf(what, sizeof(what), "%s: transmitted frame arrives on a UDP socket in NS_A", label);
            check(arrived, what, arrived);
        }
        else
        {
            printf("      TX without a kick: %s (TX ring NEED_WAKEUP flag was %s)\n",
                arrived ? "sent anyway" : "not sent", tx_flags & XDP_RING_NEED_WAKEUP ? "set" : "clear");
            if (!arrived)
            {
                cz_xdp_kick(fd, 0);
                wait_for_datagram(receiver_a, payload, WAIT_MS);
            }
        }
    }
    const long completion_deadline = now_ms() + WAIT_MS;
    while (now_ms() < completion_deadline && completed < 2)
    {
        const uint32_t produced = __atomic_load_n(completion.producer, __ATOMIC_ACQUIRE);
        completed += (int)(produced - completion_consumer);
        completion_consumer = produced;
        __atomic_store_n(completion.consumer, completion_consumer, __ATOMIC_RELEASE);
        usleep(1000);
    }
    snprintf(what, sizeof(what), "%s: both TX frames completed", label);
    check(completed == 2, what, completed);

    int64_t stats[CZ_XDP_STATS_LENGTH];
    const int stats_rc = cz_xdp_statistics(fd, stats);
    snprintf(what, sizeof(what), "%s: statistics read, nothing dropped or invalid", label);
    check(stats_rc == 0 && stats[0] == 0 && stats[1] == 0 && stats[2] == 0 && stats[3] == 0, what, stats_rc);
    printf("      stats: rx_dropped %ld rx_invalid %ld tx_invalid %ld rx_ring_full %ld fill_empty %ld tx_empty %ld\n",
        (long)stats[0], (long)stats[1], (long)stats[2], (long)stats[3], (long)stats[4], (long)stats[5]);

    const int ifindex = (int)layout[CZ_XDP_IFINDEX];
    cz_xdp_close(xdp);
    id = 0;
    bpf_xdp_query_id(ifindex, 0, &id);
    snprintf(what, sizeof(what), "%s: program detached on close", label);
    check(id == 0, what, id);
}

/* ---- TPACKET_V2 ------------------------------------------------------------------------------------------ */

static void test_packet_ring(void)
{
    const char *label = "TPACKET_V2";
    flush_neighbours();
    const struct cz_packet_ring_config config = {
        .interface_name = if_b,
        .frame_size = FRAME_SIZE,
        .rx_frames = 64,
        .tx_frames = 16,
        .ports = PORTS,
        .port_count = 2,
        .ipv4_destination = ADDRESS_B,
    };
    struct cz_packet_ring *ring = NULL;
    char message[1024];
    const int err = cz_packet_ring_open(&config, &ring, message, sizeof(message));
    check(err == 0, "TPACKET_V2: open", err);
    if (err != 0)
    {
        printf("      %s\n", message);
        return;
    }
    int64_t layout[CZ_PR_LAYOUT_LENGTH];
    cz_packet_ring_layout(ring, layout);
    printf("      fd %ld, rx %ld frames, tx %ld frames of %ld bytes, tx data offset %ld, mapping %ld bytes\n",
        (long)layout[CZ_PR_FD], (long)layout[CZ_PR_RX_FRAMES], (long)layout[CZ_PR_TX_FRAMES],
        (long)layout[CZ_PR_FRAME_SIZE], (long)layout[CZ_PR_TX_DATA_OFFSET], (long)layout[CZ_PR_MAP_BYTES]);
    const int fd = (int)layout[CZ_PR_FD];
    uint8_t *rx = (uint8_t *)(uintptr_t)layout[CZ_PR_RX_ADDRESS];
    uint8_t *tx = (uint8_t *)(uintptr_t)layout[CZ_PR_TX_ADDRESS];
    const uint32_t rx_frames = (uint32_t)layout[CZ_PR_RX_FRAMES];
    const uint32_t frame_size = (uint32_t)layout[CZ_PR_FRAME_SIZE];
    int64_t stats[2];
    cz_packet_ring_statistics(fd, stats);

    send_traffic();

    int received = 0;
    int unexpected = 0;
    uint32_t slot = 0;
    const long deadline = now_ms() + WAIT_MS;
    while (now_ms() < deadline && received + unexpected < SENT_FILTERED + SENT_SECOND)
    {
        for (;;)
        {
            struct tpacket2_hdr *h = (struct tpacket2_hdr *)(rx + (size_t)slot * frame_size);
            if ((__atomic_load_n(&h->tp_status, __ATOMIC_ACQUIRE) & TP_STATUS_USER) == 0)
            {
                break;
            }
            if (expected_frame((uint8_t *)h + h->tp_mac, h->tp_snaplen))
            {
                received++;
            }
            else
            {
                unexpected++;
            }
            __atomic_store_n(&h->tp_status, TP_STATUS_KERNEL, __ATOMIC_RELEASE);
            slot = (slot + 1) % rx_frames;
        }
        usleep(1000);
    }
    usleep(100000);
    const struct tpacket2_hdr *next = (const struct tpacket2_hdr *)(rx + (size_t)slot * frame_size);
    unexpected += (__atomic_load_n(&next->tp_status, __ATOMIC_ACQUIRE) & TP_STATUS_USER) != 0;
    check(received == SENT_FILTERED + SENT_SECOND && unexpected == 0,
        "TPACKET_V2: exactly the 25 filtered datagrams in the RX ring", received * 1000 + unexpected);
    /* A packet socket is a tap: the kernel still gets everything, 20 + 5 + 1 on :30001 in NS_B. */
    check_kernel_share(label, SENT_FILTERED + SENT_OTHER_ADDRESS + 1);
    check(ping_works(), "TPACKET_V2: ARP and ping work", 0);

    for (int round = 0; round < 2; round++)
    {
        char payload[64];
        snprintf(payload, sizeof(payload), "tx %s %d", label, round);
        struct tpacket2_hdr *h = (struct tpacket2_hdr *)(tx + (size_t)round * frame_size);
        const size_t length = build_tx_frame((uint8_t *)h + layout[CZ_PR_TX_DATA_OFFSET], payload);
        h->tp_len = (uint32_t)length;
        __atomic_store_n(&h->tp_status, TP_STATUS_SEND_REQUEST, __ATOMIC_RELEASE);
        if (round == 0)
        {
            const int kick = cz_packet_ring_kick(fd);
            check(kick == 0, "TPACKET_V2: TX kick", kick);
            check(wait_for_datagram(receiver_a, payload, WAIT_MS),
                "TPACKET_V2: transmitted frame arrives on a UDP socket in NS_A", 0);
            const long until = now_ms() + WAIT_MS;
            while (now_ms() < until && __atomic_load_n(&h->tp_status, __ATOMIC_ACQUIRE) != TP_STATUS_AVAILABLE)
            {
                usleep(1000);
            }
            check(h->tp_status == TP_STATUS_AVAILABLE, "TPACKET_V2: TX slot back to AVAILABLE", h->tp_status);
        }
        else
        {
            const int arrived = wait_for_datagram(receiver_a, payload, 300);
            printf("      TX without a kick: %s\n", arrived ? "sent anyway" : "not sent");
            if (!arrived)
            {
                cz_packet_ring_kick(fd);
                wait_for_datagram(receiver_a, payload, WAIT_MS);
            }
        }
    }
    const int stats_rc = cz_packet_ring_statistics(fd, stats);
    check(stats_rc == 0 && stats[1] == 0, "TPACKET_V2: statistics read, no drops", (long)stats[0]);
    printf("      stats: packets %ld drops %ld\n", (long)stats[0], (long)stats[1]);
    cz_packet_ring_close(ring);
}

int main(const int argc, char **argv)
{
    if (argc != 5)
    {
        fprintf(stderr, "usage: smoke_nic NS_A NS_B IF_A IF_B (run by test/smoke-nic.sh)\n");
        return 2;
    }
    ns_a_name = argv[1];
    ns_b_name = argv[2];
    if_b = argv[4];
    snprintf(ns_a_path, sizeof(ns_a_path), "/var/run/netns/%s", ns_a_name);
    snprintf(ns_b_path, sizeof(ns_b_path), "/var/run/netns/%s", ns_b_name);
    setvbuf(stdout, NULL, _IOLBF, 0);

    enter(ns_a_path);
    sender_a = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    receiver_a = udp_socket(ADDRESS_A, PORT_A_RECEIVER);
    icmp_a = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP);
    enter(ns_b_path);
    kernel_filtered_b = udp_socket(0, PORT_FILTERED);
    kernel_other_b = udp_socket(0, PORT_OTHER);

    test_xdp(CZ_XDP_MODE_SKB, "AF_XDP SKB");
    test_xdp(CZ_XDP_MODE_NATIVE, "AF_XDP native");
    test_packet_ring();

    if (failures != 0)
    {
        fprintf(stderr, "smoke_nic: %d check(s) failed\n", failures);
        return 1;
    }
    printf("smoke_nic: all checks passed\n");
    return 0;
}
