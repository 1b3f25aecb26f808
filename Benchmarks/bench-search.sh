#!/usr/bin/env bash
# A search across 20 local fake Newznab indexers, end to end (`idkarr bench search`):
# GET /api/v1/search on the real application → 20 indexers asked in parallel over loopback HTTP →
# 100-item feeds read, every release parsed, merged → JSON; and the same search in process.
# Environment: IDKARR_BIN (release binary; default .build/release/idkarr), BENCH_INDEXERS (20), BENCH_SEARCHES (30).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${IDKARR_BIN:-.build/release/idkarr}"
echo "machine: $(nproc) cores, $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN" bench search --fixtures Tests/Fixtures/indexers --indexers "${BENCH_INDEXERS:-20}" --searches "${BENCH_SEARCHES:-30}"
