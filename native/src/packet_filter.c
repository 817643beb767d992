#include "cz_packet_filter.h"

#include "cz_xdp_prog.h"

#include <errno.h>
#include <linux/if_ether.h>
#include <linux/in.h>

/*
 * Absolute offsets in an untagged Ethernet frame. An 802.1Q tag needs no branch here, unlike in XDP: the kernel
 * removes it (skb_vlan_untag) before packet sockets see the frame and reports it in tp_vlan_tci instead.
 *
 *   12 ethertype | 14 IPv4: 14 version/IHL, 20 flags/fragment offset, 23 protocol, 30 destination
 *   UDP at 14 + 4*IHL: destination port at +2
 */
#define ETH_TYPE_AT 12
#define IP_AT 14
#define IP_FRAG_AT (IP_AT + 6)
#define IP_PROTOCOL_AT (IP_AT + 9)
#define IP_DESTINATION_AT (IP_AT + 16)
#define UDP_DST_PORT_AT (IP_AT + 2)
#define IP_FRAGMENT_MASK 0x3fff

/* Jump labels resolved after emission: jt/jf are counted from the next instruction and hold at most 255. */
#define TO_NEXT 0
#define TO_DROP 1
#define TO_ACCEPT 2

struct jump
{
    int at;
    int jt;
    int jf;
};

int cz_packet_filter_build(
    struct sock_filter *insns, const uint16_t *ports, const int port_count, const uint32_t ipv4_destination)
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

    struct jump jumps[CZ_PACKET_FILTER_MAX_INSNS];
    int jump_count = 0;
    int n = 0;

#define STMT(CODE, K) (insns[n++] = (struct sock_filter)BPF_STMT(CODE, K))
#define JUMP(CODE, K, JT, JF) \
    (jumps[jump_count++] = (struct jump){ n, JT, JF }, insns[n++] = (struct sock_filter)BPF_JUMP(CODE, K, 0, 0))

    /* A = ethertype; not IPv4 -> drop (classic loads convert from network order) */
    STMT(BPF_LD | BPF_H | BPF_ABS, ETH_TYPE_AT);
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, ETH_P_IP, TO_NEXT, TO_DROP);
    /* A = protocol; not UDP -> drop */
    STMT(BPF_LD | BPF_B | BPF_ABS, IP_PROTOCOL_AT);
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, IPPROTO_UDP, TO_NEXT, TO_DROP);
    /* A = flags and fragment offset; MF or offset set -> drop */
    STMT(BPF_LD | BPF_H | BPF_ABS, IP_FRAG_AT);
    JUMP(BPF_JMP | BPF_JSET | BPF_K, IP_FRAGMENT_MASK, TO_DROP, TO_NEXT);
    if (ipv4_destination != 0)
    {
        /* A = destination address; not the configured one -> drop */
        STMT(BPF_LD | BPF_W | BPF_ABS, IP_DESTINATION_AT);
        JUMP(BPF_JMP | BPF_JEQ | BPF_K, ipv4_destination, TO_NEXT, TO_DROP);
    }
    /* X = 4 * IHL (the BPF_MSH idiom); A = UDP destination port at X + 14 + 2 */
    STMT(BPF_LDX | BPF_B | BPF_MSH, IP_AT);
    STMT(BPF_LD | BPF_H | BPF_IND, UDP_DST_PORT_AT);
    /* port == p[i] -> accept, for each configured port; the last one falls to drop */
    for (int i = 0; i < port_count; i++)
    {
        JUMP(BPF_JMP | BPF_JEQ | BPF_K, ports[i], TO_ACCEPT, i + 1 < port_count ? TO_NEXT : TO_DROP);
    }
    const int drop = n;
    STMT(BPF_RET | BPF_K, 0);
    const int accept = n;
    STMT(BPF_RET | BPF_K, CZ_PACKET_FILTER_ACCEPT);

#undef STMT
#undef JUMP

    for (int i = 0; i < jump_count; i++)
    {
        const int next = jumps[i].at + 1;
        const int jt = jumps[i].jt == TO_DROP ? drop : jumps[i].jt == TO_ACCEPT ? accept : next;
        const int jf = jumps[i].jf == TO_DROP ? drop : jumps[i].jf == TO_ACCEPT ? accept : next;
        insns[jumps[i].at].jt = (uint8_t)(jt - next);
        insns[jumps[i].at].jf = (uint8_t)(jf - next);
    }
    return n;
}
