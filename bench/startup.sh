#!/usr/bin/env bash
# Times launch to nREPL ready: the engine (bin/corezero run on a temporary config, A) against a bare nREPL 1.0
# server from the same jars (B: nrepl.cmdline from nREPL's sources; C: start-server from the AOT-compiled nREPL
# classes in corezero-repl.jar), interleaved A B C A B C. See corezero.bench.StartupHarness, docs/PERFORMANCE.md.
#   bench/startup.sh              10 runs of each after one uncounted warm-up round
#   bench/startup.sh --runs 20    more runs (also: --warmup N)
# Needs the packaged build: cd <root> && mvn -B -q install -DskipTests. The output is also kept in
# bench/results/startup-<date>.txt (git-ignored).
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
jar=$root/bench/target/corezero-bench.jar

if [ ! -f "$jar" ] || [ ! -f "$root/repl/target/corezero-repl.jar" ]; then
    echo "startup: not built yet; run: cd $root && mvn -B -q install -DskipTests" >&2
    exit 1
fi

mkdir -p "$root/bench/results"
log=$root/bench/results/startup-$(date +%Y-%m-%d-%H%M%S).txt
# pipefail (set above) keeps the harness's exit status: non-zero when any launch failed.
java -cp "$jar" corezero.bench.StartupHarness --home "$root" "$@" 2>&1 | tee "$log"
echo "startup: log in $log"
