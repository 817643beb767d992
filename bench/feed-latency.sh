#!/usr/bin/env bash
# Feed receive: kernel UDP vs TPACKET_V2 vs AF_XDP (native and SKB mode), one JVM, one run. Creates two network
# namespaces joined by a veth pair (scripts/netns-pair.sh, deleted on exit whatever happens), then runs
# corezero.bench.FeedLatencyHarness: a sender pinned to CPU 0 in the venue namespace sends MoldUDP64 packets (one
# ITCH Add Order each, stamped with System.nanoTime) over kernel UDP at a fixed rate; a receiver pinned to CPU 1 in
# the engine namespace busy-polls one transport at a time, rounds interleaved. With --sender ring the sender
# writes the same packets as raw Ethernet/IPv4/UDP frames into a TPACKET_V2 TX ring on the venue's veth instead
# (no kernel UDP/IP send path); one sender for every phase of a run. See docs/PERFORMANCE.md.
#   bench/feed-latency.sh                              3 rounds x 4 transports, 2 s warm-up + 5 s measured each at
#                                                      20,000 packets/s, a 2 s floor per round, then 3 s unpaced per
#                                                      transport (about 2 min)
#   bench/feed-latency.sh --rounds 1 --seconds 1       a short trial; also --warmup S, --rate N, --floor-seconds S,
#                                                      --throughput-seconds S, --transports udp,xdp_native,
#                                                      --fifo PRIORITY (receiver SCHED_FIFO), --plot FILE
#   bench/feed-latency.sh --sender ring                the same with the ring sender (default: --sender udp)
# Writes bench/results/feed-latency-<date>.txt (report), .html (percentile plots, self-contained) and one .hgrm per
# series (bench/results/ is git-ignored); with --plot FILE also a copy of the page there
# (e.g. --plot docs/plots/feed-latency-$(date +%F).html). Exits non-zero if a phase failed.
# Needs root (namespaces, AF_XDP, AF_PACKET, perf counters), tracefs (scripts/ensure-kernel.sh mounts it),
# native/build/libcorezero.so and the packaged build: make build.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
jar=$root/bench/target/benchmarks.jar
lib=$root/native/build/libcorezero.so

if [ "$(id -u)" -ne 0 ]; then
    echo "feed-latency: needs root (ip netns, AF_XDP, AF_PACKET, perf counters on a thread)" >&2
    exit 1
fi
if [ ! -f "$jar" ]; then
    echo "feed-latency: $jar missing; build first: cd $root && make build" >&2
    exit 1
fi
if [ ! -f "$lib" ]; then
    echo "feed-latency: $lib missing; build first: cd $root && make build" >&2
    exit 1
fi
if [ "$(nproc --all)" -lt 2 ] || ! taskset -c 1 true 2>/dev/null; then
    echo "feed-latency: needs CPU 1 for the receiver (CPUs: $(nproc --all))" >&2
    exit 1
fi
"$root/scripts/ensure-kernel.sh"
if [ ! -d /sys/kernel/tracing/events/raw_syscalls ]; then
    echo "feed-latency: no raw_syscalls tracepoint under /sys/kernel/tracing: cannot count system calls" >&2
    exit 1
fi

# bench/engine-harness.sh's JVM options (bin/corezero's), and the JVM bound to CPU 0: its JIT, GC and the
# controlling thread share the ops CPU with the sender; the receiver pins itself to CPU 1.
jvm_opts=(
    --add-exports java.base/jdk.internal.misc=ALL-UNNAMED
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
    -Dcorezero.home="$root"
    ${CZ_EXTRA_JVM_OPTS:-}
    -XX:+UseSerialGC
    -XX:+UnlockDiagnosticVMOptions
    -XX:GuaranteedSafepointInterval=0
    -Xss1m
)

prefix=czfl$(( $$ % 10000 ))
run_jar=$(mktemp --suffix=.jar /tmp/cz-feed-latency-XXXXXX)
cleanup() {
    "$root/scripts/netns-pair.sh" down "$prefix" || true
    rm -f "$run_jar"
}
trap cleanup EXIT
# A build in another shell rewrites the jar in place while this runs.
cp "$jar" "$run_jar"

pair=$("$root/scripts/netns-pair.sh" up "$prefix" 10.203.0)
eval "$pair"

stamp=$(date +%Y-%m-%d-%H%M%S)
echo "feed-latency: $(uptime)"
cmd=(taskset -c 0 java "${jvm_opts[@]}" -cp "$run_jar" corezero.bench.FeedLatencyHarness
    --venue-ns "$VENUE_NS" --engine-ns "$ENGINE_NS" --engine-if "$ENGINE_IF" --engine-ip "$ENGINE_IP"
    --engine-mac "$ENGINE_MAC" --venue-if "$VENUE_IF" --venue-ip "$VENUE_IP" --venue-mac "$VENUE_MAC" --out "$root/bench/results" --stamp "$stamp" "$@")
echo "feed-latency: command: ${cmd[*]}"
cd "$root"
status=0
"${cmd[@]}" || status=$?
echo "feed-latency: $(uptime)"
exit $status
