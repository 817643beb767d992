#!/usr/bin/env bash
# Root-only smoke test of libcorezero's AF_XDP (SKB and native mode) and TPACKET_V2 rings, on a veth pair between
# two throw-away network namespaces:
#
#   czsmoke-a-PID: cza-PID 10.77.0.1/24 02:77:00:00:00:0a  <-veth->  czb-PID 10.77.0.2/24 + .3/24 02:77:00:00:00:0b
#                  (sends, receives what b transmits)                (the rings under test)
#
# Builds build/smoke_nic (make smoke), runs it with a time limit, and always removes the namespaces (which removes
# the veth pair with them). Not part of `make test`: it needs root and changes the network configuration.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
    echo "smoke-nic: needs root (network namespaces, XDP)" >&2
    exit 1
fi
command -v ip >/dev/null || { echo "smoke-nic: needs ip (iproute2)" >&2; exit 1; }
make -s smoke

ns_a=czsmoke-a-$$
ns_b=czsmoke-b-$$
if_a=cza-$$
if_b=czb-$$

cleanup() {
    ip netns del "$ns_a" 2>/dev/null || true
    ip netns del "$ns_b" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ip netns add "$ns_a"
ip netns add "$ns_b"
ip link add "$if_a" address 02:77:00:00:00:0a netns "$ns_a" type veth \
    peer name "$if_b" address 02:77:00:00:00:0b netns "$ns_b"
ip -n "$ns_a" addr add 10.77.0.1/24 dev "$if_a"
ip -n "$ns_b" addr add 10.77.0.2/24 dev "$if_b"
ip -n "$ns_b" addr add 10.77.0.3/24 dev "$if_b"
for ns in "$ns_a" "$ns_b"; do ip -n "$ns" link set lo up; done
ip -n "$ns_a" link set "$if_a" up
ip -n "$ns_b" link set "$if_b" up

timeout 120 build/smoke_nic "$ns_a" "$ns_b" "$if_a" "$if_b"
