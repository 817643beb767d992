#!/usr/bin/env bash
# Runs one of the end-to-end harnesses (the engine with its hot thread on CPU 1, venue-sim in the same JVM) the way
# bench/tick-to-trade.sh and bench/hot-swap.sh do: bin/corezero's JVM options, the JVM bound to CPU 0, from a copy of
# bench/target/benchmarks.jar (a build in another shell rewrites the jar in place while this runs).
#   bench/engine-harness.sh NAME MAIN_CLASS [harness options]
# NAME prefixes messages and the jar copy. CZ_EXTRA_JVM_OPTS adds JVM options (e.g. -Xlog:safepoint).
set -euo pipefail

name=$1
main=$2
shift 2
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
jar=$root/bench/target/benchmarks.jar
itch=$root/../shared/data/itch50-aapl-20200130-10k.bin

if [ ! -f "$jar" ]; then
    echo "$name: $jar missing; build first: cd $root && mvn -B -q install -DskipTests" >&2
    exit 1
fi
if [ "$(nproc --all)" -lt 2 ] || ! taskset -c 1 true 2>/dev/null; then
    echo "$name: needs CPU 1 for the hot thread (CPUs: $(nproc --all))" >&2
    exit 1
fi

# bin/corezero's JVM options. The JVM is bound to CPU 0 (the ops core: JIT, GC, venue-sim, a naive receiver);
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
run_jar=$(mktemp --suffix=.jar "/tmp/cz-$name-XXXXXX")
trap 'rm -f "$run_jar"' EXIT
cp "$jar" "$run_jar"
stamp=$(date +%Y-%m-%d-%H%M%S)
cmd=(taskset -c 0 java "${jvm_opts[@]}" -cp "$run_jar" "$main" --itch "$itch"
    --out "$root/bench/results" --stamp "$stamp" "$@")
echo "$name: command: ${cmd[*]}"
"${cmd[@]}"
