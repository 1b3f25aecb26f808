#!/usr/bin/env bash
# Deciding 1,000 releases against the design-size library (ARCHITECTURE §9: 5,000 series with
# 250,000 episodes, 10,000 movies), made in a temporary folder by `idkarr bench generate`:
# RSS sync's match-to-library-and-decide step, and one series' interactive-search decisions.
# Environment: IDKARR_BIN (release binary; default .build/release/idkarr),
# BENCH_SERIES / BENCH_EPISODES / BENCH_MOVIES (5000 / 50 / 10000), BENCH_RELEASES (1000).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${IDKARR_BIN:-.build/release/idkarr}"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/idkarr-bench-decide.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
echo "machine: $(nproc) cores, $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN" bench generate --data "$TMP/data" --series "${BENCH_SERIES:-5000}" --episodes-per-series "${BENCH_EPISODES:-50}" \
  --movies "${BENCH_MOVIES:-10000}" | grep -E '^  total'
"$BIN" bench decide --data "$TMP/data" --releases "${BENCH_RELEASES:-1000}"
