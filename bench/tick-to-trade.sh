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

exec "$(dirname "$(readlink -f "$0")")/engine-harness.sh" tick-to-trade corezero.bench.TickToTradeHarness "$@"
