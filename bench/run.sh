#!/usr/bin/env bash
# Measures futurelint against its baselines and regenerates bench/RESULTS.md.
#
#   bash bench/run.sh                full run: about 14 minutes on 2 shared cores once the
#                                    caches exist, about 26 the first time on a machine
#   BENCH_QUICK=1 bash bench/run.sh  smoke test: 2-5 minutes, numbers not meaningful
#
# Knobs (environment): BENCH_REPS (default 3), BENCH_COLD_REPS (cold go vet, default 1),
# BENCH_SERVICES (smallest corpus, default 128), BENCH_VET (default std,xtools,corpus),
# BENCH_WORKLOADS (standalone, default std,xtools,golangci,gum), BENCH_OUT (default RESULTS.md),
# BENCH_KEEP=1 keeps the temporary directory with the command log and profiles,
# BENCH_CACHE (default ~/.cache/futurelint-bench): private build cache, primed vet caches
# and generated corpora, kept between runs (other work may clean the shared build cache).
set -euo pipefail
cd "$(dirname "$0")"
args=(-o "${BENCH_OUT:-RESULTS.md}")
[[ -n "${BENCH_QUICK:-}" ]] && args+=(-quick)
[[ -n "${BENCH_REPS:-}" ]] && args+=(-reps "$BENCH_REPS")
[[ -n "${BENCH_COLD_REPS:-}" ]] && args+=(-coldreps "$BENCH_COLD_REPS")
[[ -n "${BENCH_SERVICES:-}" ]] && args+=(-services "$BENCH_SERVICES")
[[ -n "${BENCH_VET:-}" ]] && args+=(-vet "$BENCH_VET")
[[ -n "${BENCH_WORKLOADS:-}" ]] && args+=(-workloads "$BENCH_WORKLOADS")
[[ -n "${BENCH_KEEP:-}" ]] && args+=(-keep)
export BENCH_CACHE="${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/futurelint-bench}"
GOCACHE="$BENCH_CACHE/go-build" go build -o "${TMPDIR:-/tmp}/futurelint-benchrun" ./cmd/benchrun
exec "${TMPDIR:-/tmp}/futurelint-benchrun" "${args[@]}"
