#!/usr/bin/env bash
# Runs the corezero JMH benchmarks (command channel round trip, idle duty cycle, ITCH decode and decode + book)
# with their peers, as recorded in docs/PERFORMANCE.md. Fork, warm-up and measurement settings are in the benchmark
# annotations (2 forks, 3 x 1 s warm-up, 5 x 1 s measurement, average time in ns/op); -prof gc adds the allocation
# columns.
#   bench/run-jmh.sh                   every benchmark (about 4 1/2 minutes)
#   bench/run-jmh.sh DutyCycle         only benchmarks matching a JMH regex, here a class name; other JMH options
#   bench/run-jmh.sh Itch              may follow (Itch: ItchDecodeBenchmark and ItchBookBenchmark, about 2 minutes)
# Writes bench/results/jmh-<date>.json (JMH JSON) and .txt (the console log); bench/results/ is git-ignored.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
jar=$root/bench/target/benchmarks.jar
results=$root/bench/results

if [ ! -f "$jar" ]; then
    echo "run-jmh: $jar missing; build first: cd $root && mvn -B -q install -DskipTests" >&2
    exit 1
fi
mkdir -p "$results"
stamp=$(date +%Y-%m-%d-%H%M%S)
json=$results/jmh-$stamp.json
log=$results/jmh-$stamp.txt

# Pin the JMH JVM, and so the forked benchmark JVMs that inherit its affinity, to CPU 1: the hot core. JIT and GC
# threads of the fork share that CPU; the rest of the machine stays on CPU 0.
cpus=$(nproc --all)
pin=()
if [ "$cpus" -ge 2 ] && taskset -c 1 true 2>/dev/null; then
    pin=(taskset -c 1)
    pinning="pinned to CPU 1 with taskset (forked JVMs inherit it)"
else
    pinning="NOT pinned: $cpus CPU(s), CPU 1 not available"
fi

cmd=("${pin[@]}" java -jar "$jar" -prof gc -rf json -rff "$json" "$@")
{
    echo "run-jmh: $(date -Is), $cpus CPUs, kernel $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "run-jmh: $(java -version 2>&1 | head -n 1)"
    echo "run-jmh: JMH JVM $pinning"
    echo "run-jmh: command: ${cmd[*]}"
} | tee "$log"

"${cmd[@]}" 2>&1 | tee -a "$log"

echo "run-jmh: load average at the end $(cut -d' ' -f1-3 /proc/loadavg); results in $json and $log" | tee -a "$log"
