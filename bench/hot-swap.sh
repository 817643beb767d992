#!/usr/bin/env bash
# Hot swap under load: the tick-to-trade round (venue-sim replays the real AAPL slice at a set rate, TouchQuoter
# probes, the engine trades) without swaps and with N swaps of the strategy for a fresh instance while the feed
# runs. Reports the hot thread's stall per swap, in-core tick-to-trade with and without swaps, and input events
# lost. See corezero.bench.HotSwapHarness and docs/PERFORMANCE.md.
#   bench/hot-swap.sh                       3 rounds of each, 10 swaps a round, 10,000 msgs/s (about 20 s)
#   bench/hot-swap.sh --rounds 5 --swaps 20
# Writes bench/results/hot-swap-<date>.txt (git-ignored). Exits non-zero if a round failed a check.
# Needs the packaged build: cd <root> && mvn -B -q install -DskipTests.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
jar=$root/bench/target/benchmarks.jar
itch=$root/../shared/data/itch50-aapl-20200130-10k.bin

if [ ! -f "$jar" ]; then
    echo "hot-swap: $jar missing; build first: cd $root && mvn -B -q install -DskipTests" >&2
    exit 1
fi
if [ "$(nproc --all)" -lt 2 ] || ! taskset -c 1 true 2>/dev/null; then
    echo "hot-swap: needs CPU 1 for the hot thread (CPUs: $(nproc --all))" >&2
    exit 1
fi

# bin/corezero's JVM options. The JVM is bound to CPU 0 (the ops core: JIT, GC, venue-sim, the naive receiver);
# the hot thread pins itself to CPU 1.
jvm_opts=(
    --add-exports java.base/jdk.internal.misc=ALL-UNNAMED
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
    ${CZ_EXTRA_JVM_OPTS:-}
    -XX:+UseSerialGC
    -XX:+UnlockDiagnosticVMOptions
    -XX:GuaranteedSafepointInterval=0
    -Xss1m
)
# Run from a copy: a build in another shell rewrites the jar in place (shade) while this runs.
run_jar=$(mktemp --suffix=.jar /tmp/cz-hot-swap-XXXXXX)
trap 'rm -f "$run_jar"' EXIT
cp "$jar" "$run_jar"
stamp=$(date +%Y-%m-%d-%H%M%S)
cmd=(taskset -c 0 java "${jvm_opts[@]}" -cp "$run_jar" corezero.bench.HotSwapHarness --itch "$itch"
    --out "$root/bench/results" --stamp "$stamp" "$@")
echo "hot-swap: command: ${cmd[*]}"
"${cmd[@]}"
