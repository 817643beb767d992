#!/usr/bin/env bash
# End-to-end tick-to-trade: venue-sim's exchange replays the real AAPL slice at a set rate over loopback UDP; the
# engine's TouchQuoter sends a 1-share IOC probe every N book updates; the harness records in-core tick-to-trade
# (frame handed to the agent -> Enter Order in the session's send buffer, and -> TCP write returned) and wire-to-wire (venue send -> venue receipt
# of the order) for the engine and for the naive design (receiver thread + ArrayBlockingQueue hop in front of the
# same hot path), in the same run. See corezero.bench.TickToTradeHarness and docs/PERFORMANCE.md.
#   bench/tick-to-trade.sh                          1 warm-up + 3 measured rounds per variant, 10,000 msgs/s, probe
#                                                   every 5 book updates (under a minute)
#   bench/tick-to-trade.sh --rounds 5 --rate 20000  other settings (also --probe-every N, --warmup N, --itch FILE)
# Writes bench/results/tick-to-trade-<date>.txt (report), .html (percentile plot, self-contained) and one .hgrm
# per series (bench/results/ is git-ignored). Exits non-zero if any round failed a check (no orders reached the
# venue, or the counts of orders sent, in-core samples, wire samples and venue orders disagree).
# Needs the packaged build: cd <root> && mvn -B -q install -DskipTests.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
jar=$root/bench/target/benchmarks.jar
itch=$root/../shared/data/itch50-aapl-20200130-10k.bin

if [ ! -f "$jar" ]; then
    echo "tick-to-trade: $jar missing; build first: cd $root && mvn -B -q install -DskipTests" >&2
    exit 1
fi
if [ "$(nproc --all)" -lt 2 ] || ! taskset -c 1 true 2>/dev/null; then
    echo "tick-to-trade: needs CPU 1 for the hot thread (CPUs: $(nproc --all))" >&2
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
run_jar=$(mktemp --suffix=.jar /tmp/cz-tick-to-trade-XXXXXX)
trap 'rm -f "$run_jar"' EXIT
cp "$jar" "$run_jar"
stamp=$(date +%Y-%m-%d-%H%M%S)
cmd=(taskset -c 0 java "${jvm_opts[@]}" -cp "$run_jar" corezero.bench.TickToTradeHarness --itch "$itch"
    --out "$root/bench/results" --stamp "$stamp" "$@")
echo "tick-to-trade: command: ${cmd[*]}"
"${cmd[@]}"
