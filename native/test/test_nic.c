/*
 * Checks the network helpers behind NativeNic that need no root: `make -C native test`.
 *
 * The XDP program is checked for shape (the verifier only runs as root, in smoke_nic); the classic filter is
 * run for real by the kernel, attached to a unix datagram socket, against crafted Ethernet frames.
 */
#define _GNU_SOURCE
#include "cz_mem.h"
#include "cz_netns.h"
#include "cz_packet_filter.h"
#include "cz_perf.h"
#include "cz_xdp_prog.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/perf_event.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int failures;

static void check(const int ok, const char *what, const long value)
{
    printf("%s  %-60s (%ld)\n", ok ? "ok  " : "FAIL", what, value);
    if (!ok)
    {
        failures++;
    }
}

static int find_port_immediate(const struct bpf_insn *insns, const int count, const uint16_t port)
{
    for (int i = 0; i < count; i++)
    {
        if (insns[i].code == (BPF_JMP | BPF_JEQ | BPF_K) && insns[i].imm == htons(port))
        {
            return 1;
        }
    }
    return 0;
}

/* Every jump lands inside the program, and it ends in "r0 = XDP_PASS; exit". */
static int well_formed(const struct bpf_insn *insns, const int count)
{
    for (int i = 0; i < count; i++)
    {
        const int cls = BPF_CLASS(insns[i].code);
        const int op = BPF_OP(insns[i].code);
        if ((cls == BPF_JMP || cls == BPF_JMP32) && op != BPF_CALL && op != BPF_EXIT)
        {
            const int target = i + 1 + insns[i].off;
            if (insns[i].off < 0 || target >= count)
            {
                return 0;
            }
        }
    }
    return insns[count - 2].code == (BPF_ALU64 | BPF_MOV | BPF_K) && insns[count - 2].imm == XDP_PASS &&
        insns[count - 1].code == (BPF_JMP | BPF_EXIT);
}

static void test_xdp_program(void)
{
    struct bpf_insn insns[CZ_XDP_PROG_MAX_INSNS];
    const uint16_t ports[] = { 30001, 30002, 30003, 65535 };

    const int one = cz_xdp_prog_build(insns, ports, 1, 0, 7);
    check(one > 0 && one <= CZ_XDP_PROG_MAX_INSNS, "XDP program with one port builds", one);
    check(well_formed(insns, one), "jumps stay inside; ends with return XDP_PASS", one);
    check(find_port_immediate(insns, one, 30001), "port 30001 patched in as an immediate", 30001);
    check(!find_port_immediate(insns, one, 30002), "port 30002 not in a one-port program", 30002);

    int map_loads = 0;
    for (int i = 0; i + 1 < one; i++)
    {
        if (insns[i].code == (BPF_LD | BPF_DW | BPF_IMM) && insns[i].src_reg == BPF_PSEUDO_MAP_FD &&
            insns[i].imm == 7)
        {
            map_loads++;
        }
    }
    check(map_loads == 1, "one 64-bit load of the XSKMAP fd", map_loads);

    const int four = cz_xdp_prog_build(insns, ports, 4, 0x0a4d0002, 7);
    check(four == one + 5 && four <= CZ_XDP_PROG_MAX_INSNS, "four ports and an address add 5 instructions", four);
    check(well_formed(insns, four), "four-port program jumps stay inside", four);
    int all = 1;
    for (int i = 0; i < 4; i++)
    {
        all &= find_port_immediate(insns, four, ports[i]);
    }
    check(all, "all four ports patched in", four);
    int address = 0;
    for (int i = 0; i < four; i++)
    {
        address |= insns[i].code == (BPF_JMP32 | BPF_JNE | BPF_K) && insns[i].imm == (int32_t)htonl(0x0a4d0002);
    }
    check(address, "address compared with a 32-bit jump", address);

    const uint16_t zero[] = { 0 };
    check(cz_xdp_prog_build(insns, ports, 0, 0, 7) == -EINVAL, "no ports is EINVAL", 0);
    check(cz_xdp_prog_build(insns, ports, 5, 0, 7) == -EINVAL, "five ports is EINVAL", 5);
    check(cz_xdp_prog_build(insns, zero, 1, 0, 7) == -EINVAL, "port 0 is EINVAL", 0);
}

struct frame_spec
{
    uint16_t ethertype;
    uint8_t protocol;
    uint16_t fragment; /* flags and offset, host order */
    uint32_t destination;
    uint8_t ihl;       /* 32-bit words */
    uint16_t port;
};

static const struct frame_spec MATCHING = { ETH_P_IP, 17, 0x4000, 0x0a4d0002, 5, 30001 }; /* DF set */

/* An Ethernet + IPv4 + UDP frame with 4 bytes of payload; checksums are left 0, no filter reads them. */
static size_t build_frame(uint8_t *frame, const struct frame_spec *spec)
{
    memset(frame, 0, 128);
    memset(frame, 0xff, 6);
    frame[6] = 0x02;
    frame[12] = (uint8_t)(spec->ethertype >> 8);
    frame[13] = (uint8_t)spec->ethertype;
    uint8_t *ip = frame + 14;
    const size_t ip_length = spec->ihl * 4u;
    ip[0] = (uint8_t)(0x40 | spec->ihl);
    const uint16_t total = htons((uint16_t)(ip_length + 12));
    memcpy(ip + 2, &total, 2);
    const uint16_t fragment = htons(spec->fragment);
    memcpy(ip + 6, &fragment, 2);
    ip[8] = 64;
    ip[9] = spec->protocol;
    const uint32_t source = htonl(0x0a4d0001);
    const uint32_t destination = htonl(spec->destination);
    memcpy(ip + 12, &source, 4);
    memcpy(ip + 16, &destination, 4);
    uint8_t *udp = ip + ip_length;
    const uint16_t source_port = htons(40000);
    const uint16_t port = htons(spec->port);
    const uint16_t udp_length = htons(12);
    memcpy(udp, &source_port, 2);
    memcpy(udp + 2, &port, 2);
    memcpy(udp + 4, &udp_length, 2);
    memcpy(udp + 8, "data", 4);
    return 14 + ip_length + 12;
}

/* 1 when a unix datagram socket with the filter receives the frame, 0 when the filter drops it. */
static int filter_accepts(const int sockets[2], const struct frame_spec *spec)
{
    uint8_t frame[128];
    const size_t length = build_frame(frame, spec);
    if (send(sockets[0], frame, length, 0) != (ssize_t)length)
    {
        return -1;
    }
    uint8_t received[128];
    return recv(sockets[1], received, sizeof(received), MSG_DONTWAIT) == (ssize_t)length;
}

static void test_packet_filter(void)
{
    struct sock_filter insns[CZ_PACKET_FILTER_MAX_INSNS];
    const uint16_t ports[] = { 30001, 30004 };

    for (int with_address = 0; with_address <= 1; with_address++)
    {
        const int length = cz_packet_filter_build(insns, ports, 2, with_address ? 0x0a4d0002 : 0);
        check(length > 0 && length <= CZ_PACKET_FILTER_MAX_INSNS, "classic filter builds", length);

        int sockets[2];
        if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sockets) != 0)
        {
            check(0, "socketpair", errno);
            return;
        }
        const struct sock_fprog program = { .len = (unsigned short)length, .filter = insns };
        const int attached = setsockopt(sockets[1], SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof(program));
        check(attached == 0, "kernel accepts the classic filter", attached == 0 ? 0 : errno);

        struct frame_spec s = MATCHING;
        check(filter_accepts(sockets, &s) == 1, "accepts UDP to the first port", s.port);
        s.port = 30004;
        check(filter_accepts(sockets, &s) == 1, "accepts UDP to the second port", s.port);
        s.port = 30002;
        check(filter_accepts(sockets, &s) == 0, "drops UDP to another port", s.port);
        s = MATCHING;
        s.ihl = 6;
        check(filter_accepts(sockets, &s) == 1, "accepts with IP options (IHL 6)", s.ihl);
        s = MATCHING;
        s.protocol = 6;
        check(filter_accepts(sockets, &s) == 0, "drops TCP", s.protocol);
        s = MATCHING;
        s.fragment = 0x2000;
        check(filter_accepts(sockets, &s) == 0, "drops a first fragment (MF)", s.fragment);
        s.fragment = 0x0010;
        check(filter_accepts(sockets, &s) == 0, "drops a later fragment (offset)", s.fragment);
        s = MATCHING;
        s.ethertype = ETH_P_ARP;
        check(filter_accepts(sockets, &s) == 0, "drops ARP", s.ethertype);
        s = MATCHING;
        s.destination = 0x0a4d0003;
        check(filter_accepts(sockets, &s) == !with_address,
            with_address ? "drops another destination address" : "accepts any address when 0", with_address);

        close(sockets[0]);
        close(sockets[1]);
    }
    check(cz_packet_filter_build(insns, ports, 5, 0) == -EINVAL, "five ports is EINVAL", 5);
}

static void test_map_memory(void)
{
    struct cz_mapping mapping;
    const int rc = cz_map_memory(100000, 0, &mapping);
    check(rc == 0, "maps 100000 bytes on normal pages", rc);
    if (rc == 0)
    {
        check(mapping.bytes >= 100000 && mapping.bytes % (size_t)sysconf(_SC_PAGESIZE) == 0,
            "rounded up to whole pages", (long)mapping.bytes);
        check(mapping.huge_pages == 0, "not on huge pages when not asked", mapping.huge_pages);
        ((volatile char *)mapping.address)[mapping.bytes - 1] = 1;
        check(cz_unmap_memory(mapping.address, mapping.bytes) == 0, "unmaps", 0);
    }
    check(cz_map_memory(0, 0, &mapping) == EINVAL, "0 bytes is EINVAL", 0);

    /* Huge pages when the kernel has them reserved, normal pages otherwise: both are a success. */
    const int huge = cz_map_memory(1, 1, &mapping);
    check(huge == 0, "maps with a huge-page attempt", huge);
    if (huge == 0)
    {
        printf("      (on huge pages: %d, locked: %d)\n", mapping.huge_pages, mapping.locked);
        cz_unmap_memory(mapping.address, mapping.bytes);
    }
}

static void test_perf_and_netns(void)
{
    const int fd = cz_perf_open_software(gettid(), PERF_COUNT_SW_CONTEXT_SWITCHES);
    if (fd >= 0)
    {
        usleep(1000);
        check(cz_perf_read(fd) >= 1, "context switches counted after a sleep", (long)cz_perf_read(fd));
        close(fd);
    }
    else
    {
        /* perf_event_paranoid or a container may refuse: that is the environment, not the helper. */
        check(fd == -EACCES || fd == -EPERM || fd == -ENOENT || fd == -ENOSYS, "perf refused with an errno", fd);
    }
    check(cz_tracepoint_id("no_such_category/no_such_event") == -ENOENT, "unknown tracepoint is ENOENT", 0);
    check(cz_tracepoint_id("../../x") == -EINVAL, "tracepoint with .. is EINVAL", 0);

    const int ns = cz_netns_open_current();
    check(ns >= 0, "opens the current network namespace", ns);
    if (ns >= 0)
    {
        close(ns);
    }
}

int main(void)
{
    test_xdp_program();
    test_packet_filter();
    test_map_memory();
    test_perf_and_netns();

    if (failures != 0)
    {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("all network helper checks passed\n");
    return 0;
}
