#!/usr/bin/env bash
# Two network namespaces joined by a veth pair, for the native-transport tests, the bench and the XDP demo.
#
#   scripts/netns-pair.sh up PREFIX [SUBNET]   creates namespaces PREFIX-v (venue) and PREFIX-e (engine), joined
#                                              by veth PREFIX-v <-> PREFIX-e with SUBNET.1/24 and SUBNET.2/24
#                                              (SUBNET defaults to 10.199.0), loopback up in both; prints
#                                              shell assignments of the names, addresses and MACs
#   scripts/netns-pair.sh down PREFIX          deletes both namespaces (the veth pair goes with them); idempotent
#
# PREFIX is at most 12 characters, so that the interface names fit in IFNAMSIZ. Root only.
set -euo pipefail

usage() { echo "usage: $0 up PREFIX [SUBNET] | down PREFIX" >&2; exit 2; }
[ $# -ge 2 ] || usage
cmd=$1 prefix=$2 subnet=${3:-10.199.0}
[ ${#prefix} -le 12 ] || { echo "netns-pair: prefix '$prefix' is longer than 12 characters" >&2; exit 2; }
[[ $subnet =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "netns-pair: subnet '$subnet' is not A.B.C" >&2; exit 2; }
venue=$prefix-v engine=$prefix-e

down() {
    ip netns del "$venue" 2>/dev/null || true
    ip netns del "$engine" 2>/dev/null || true
}

case $cmd in
    up)
        [ "$(id -u)" -eq 0 ] || { echo "netns-pair: needs root (ip netns add)" >&2; exit 1; }
        command -v ip >/dev/null || { echo "netns-pair: no 'ip' command: apt-get install iproute2" >&2; exit 1; }
        down
        trap 'down' ERR
        ip netns add "$venue"
        ip netns add "$engine"
        ip link add "$venue" type veth peer name "$engine"
        ip link set "$venue" netns "$venue"
        ip link set "$engine" netns "$engine"
        ip -n "$venue" addr add "$subnet.1/24" dev "$venue"
        ip -n "$engine" addr add "$subnet.2/24" dev "$engine"
        for ns in "$venue" "$engine"; do
            ip -n "$ns" link set lo up
            ip -n "$ns" link set "$ns" up
        done
        # A veth leaves UDP checksums to "offload" (CHECKSUM_PARTIAL): a raw ring would see a frame whose UDP
        # checksum field holds only the pseudo-header sum, and count it as a bad checksum. A real NIC puts the
        # full checksum on the wire; turning TX offload off on both ends makes the kernel do the same here.
        command -v ethtool >/dev/null || { echo "netns-pair: no ethtool: apt-get install ethtool" >&2; exit 1; }
        ip netns exec "$venue" ethtool -K "$venue" tx off >/dev/null
        ip netns exec "$engine" ethtool -K "$engine" tx off >/dev/null
        trap - ERR
        echo "VENUE_NS=$venue"
        echo "ENGINE_NS=$engine"
        echo "VENUE_IF=$venue"
        echo "ENGINE_IF=$engine"
        echo "VENUE_IP=$subnet.1"
        echo "ENGINE_IP=$subnet.2"
        echo "VENUE_MAC=$(ip -n "$venue" -br link show "$venue" | awk '{print $3}')"
        echo "ENGINE_MAC=$(ip -n "$engine" -br link show "$engine" | awk '{print $3}')"
        ;;
    down)
        down
        ;;
    *)
        usage
        ;;
esac
