#include "cz_xdp_prog.h"

#include "cz_ebpf.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/in.h>

/*
 * Frame offsets the program reads (all multi-byte fields big-endian; a load yields the same bits as reading the
 * field in C, so the constants compared against are htons/htonl of the host values):
 *
 *   0      6      12     14                       untagged
 *   | dst  | src  | type | IPv4 header ...
 *   0      6      12     14     16     18         one 802.1Q tag
 *   | dst  | src  |8100  | TCI  | type | IPv4 header ...
 *
 *   IPv4: +0 version/IHL, +6 flags/fragment offset, +9 protocol, +16 destination; UDP at +4*IHL: +2 dst port.
 */
#define ETH_TYPE_OFFSET 12
#define VLAN_TYPE_OFFSET 16
#define IP_FRAG_OFFSET 6
#define IP_PROTOCOL_OFFSET 9
#define IP_DESTINATION_OFFSET 16
#define IP_MIN_HEADER 20
#define UDP_DST_PORT_OFFSET 2
#define UDP_HEADER 8
/* The MF flag and the 13-bit fragment offset: any bit set means a fragment. */
#define IP_FRAGMENT_MASK 0x3fff

/* struct xdp_md offsets */
#define XDP_MD_DATA 0
#define XDP_MD_DATA_END 4
#define XDP_MD_RX_QUEUE_INDEX 16

struct assembler
{
    struct bpf_insn *insns;
    int count;
    int to_pass[16];      /* jumps to patch to the XDP_PASS exit */
    int pass_count;
    int to_redirect[CZ_MAX_PORTS];
    int redirect_count;
};

static void emit(struct assembler *a, const struct bpf_insn insn)
{
    a->insns[a->count++] = insn;
}

static void emit_to_pass(struct assembler *a, const struct bpf_insn jump)
{
    a->to_pass[a->pass_count++] = a->count;
    emit(a, jump);
}

static void patch(struct assembler *a, const int *jumps, const int count, const int target)
{
    for (int i = 0; i < count; i++)
    {
        a->insns[jumps[i]].off = (int16_t)(target - (jumps[i] + 1));
    }
}

int cz_xdp_prog_build(
    struct bpf_insn *insns, const uint16_t *ports, const int port_count, const uint32_t ipv4_destination,
    const int xskmap_fd)
{
    if (port_count < 1 || port_count > CZ_MAX_PORTS)
    {
        return -EINVAL;
    }
    for (int i = 0; i < port_count; i++)
    {
        if (ports[i] == 0)
        {
            return -EINVAL;
        }
    }

    struct assembler a = { .insns = insns };

    /* r6 = ctx; r2 = data; r3 = data_end; r7 = data + 14, the IPv4 header of an untagged frame */
    emit(&a, CZ_MOV64_REG(BPF_REG_6, BPF_REG_1));
    emit(&a, CZ_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_6, XDP_MD_DATA));
    emit(&a, CZ_LDX_MEM(BPF_W, BPF_REG_3, BPF_REG_6, XDP_MD_DATA_END));
    emit(&a, CZ_MOV64_REG(BPF_REG_7, BPF_REG_2));
    emit(&a, CZ_ALU64_IMM(BPF_ADD, BPF_REG_7, ETH_HLEN));
    /* if (data + 14 > data_end) pass; r5 = ethertype */
    emit_to_pass(&a, CZ_JMP_REG(BPF_JGT, BPF_REG_7, BPF_REG_3, 0));
    emit(&a, CZ_LDX_MEM(BPF_H, BPF_REG_5, BPF_REG_2, ETH_TYPE_OFFSET));
    /* One 802.1Q tag: skip the 3 instructions below unless tagged; else r7 += 4, bounds, r5 = inner type */
    emit(&a, CZ_JMP_IMM(BPF_JNE, BPF_REG_5, htons(ETH_P_8021Q), 3));
    emit(&a, CZ_ALU64_IMM(BPF_ADD, BPF_REG_7, 4));
    emit_to_pass(&a, CZ_JMP_REG(BPF_JGT, BPF_REG_7, BPF_REG_3, 0));
    emit(&a, CZ_LDX_MEM(BPF_H, BPF_REG_5, BPF_REG_2, VLAN_TYPE_OFFSET));
    /* if (type != IPv4) pass */
    emit_to_pass(&a, CZ_JMP_IMM(BPF_JNE, BPF_REG_5, htons(ETH_P_IP), 0));
    /* if (ip + 20 > data_end) pass */
    emit(&a, CZ_MOV64_REG(BPF_REG_4, BPF_REG_7));
    emit(&a, CZ_ALU64_IMM(BPF_ADD, BPF_REG_4, IP_MIN_HEADER));
    emit_to_pass(&a, CZ_JMP_REG(BPF_JGT, BPF_REG_4, BPF_REG_3, 0));
    /* if (protocol != UDP) pass */
    emit(&a, CZ_LDX_MEM(BPF_B, BPF_REG_5, BPF_REG_7, IP_PROTOCOL_OFFSET));
    emit_to_pass(&a, CZ_JMP_IMM(BPF_JNE, BPF_REG_5, IPPROTO_UDP, 0));
    /* if (MF or fragment offset) pass: fragments go to the kernel, which reassembles them */
    emit(&a, CZ_LDX_MEM(BPF_H, BPF_REG_5, BPF_REG_7, IP_FRAG_OFFSET));
    emit_to_pass(&a, CZ_JMP_IMM(BPF_JSET, BPF_REG_5, htons(IP_FRAGMENT_MASK), 0));
    if (ipv4_destination != 0)
    {
        /* if (destination != configured) pass; a 32-bit compare, the address may have its top bit set */
        emit(&a, CZ_LDX_MEM(BPF_W, BPF_REG_5, BPF_REG_7, IP_DESTINATION_OFFSET));
        emit_to_pass(&a, CZ_JMP32_IMM(BPF_JNE, BPF_REG_5, (int32_t)htonl(ipv4_destination), 0));
    }
    /* r5 = 4 * IHL; if (r5 < 20) pass (malformed); r7 = UDP header */
    emit(&a, CZ_LDX_MEM(BPF_B, BPF_REG_5, BPF_REG_7, 0));
    emit(&a, CZ_ALU64_IMM(BPF_AND, BPF_REG_5, 0x0f));
    emit(&a, CZ_ALU64_IMM(BPF_LSH, BPF_REG_5, 2));
    emit_to_pass(&a, CZ_JMP_IMM(BPF_JLT, BPF_REG_5, IP_MIN_HEADER, 0));
    emit(&a, CZ_ALU64_REG(BPF_ADD, BPF_REG_7, BPF_REG_5));
    /* if (udp + 8 > data_end) pass; r5 = destination port */
    emit(&a, CZ_MOV64_REG(BPF_REG_4, BPF_REG_7));
    emit(&a, CZ_ALU64_IMM(BPF_ADD, BPF_REG_4, UDP_HEADER));
    emit_to_pass(&a, CZ_JMP_REG(BPF_JGT, BPF_REG_4, BPF_REG_3, 0));
    emit(&a, CZ_LDX_MEM(BPF_H, BPF_REG_5, BPF_REG_7, UDP_DST_PORT_OFFSET));
    /* if (port == p[i]) redirect, for each configured port (immediates patched in here); else pass */
    for (int i = 0; i < port_count; i++)
    {
        a.to_redirect[a.redirect_count++] = a.count;
        emit(&a, CZ_JMP_IMM(BPF_JEQ, BPF_REG_5, htons(ports[i]), 0));
    }
    emit_to_pass(&a, CZ_JA(0));

    /* redirect: return bpf_redirect_map(&xskmap, ctx->rx_queue_index, XDP_PASS), passing when no socket */
    patch(&a, a.to_redirect, a.redirect_count, a.count);
    emit(&a, CZ_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_6, XDP_MD_RX_QUEUE_INDEX));
    const struct bpf_insn load_map[] = { CZ_LD_MAP_FD(BPF_REG_1, xskmap_fd) };
    emit(&a, load_map[0]);
    emit(&a, load_map[1]);
    emit(&a, CZ_MOV64_IMM(BPF_REG_3, XDP_PASS));
    emit(&a, CZ_CALL(BPF_FUNC_redirect_map));
    emit(&a, CZ_EXIT());

    /* pass: return XDP_PASS */
    patch(&a, a.to_pass, a.pass_count, a.count);
    emit(&a, CZ_MOV64_IMM(BPF_REG_0, XDP_PASS));
    emit(&a, CZ_EXIT());

    return a.count;
}
