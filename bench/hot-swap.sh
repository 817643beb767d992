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

exec "$(dirname "$(readlink -f "$0")")/engine-harness.sh" hot-swap corezero.bench.HotSwapHarness "$@"
