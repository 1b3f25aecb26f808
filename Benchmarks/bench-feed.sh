#!/usr/bin/env bash
# Newznab/Torznab feed reading (IdkarrIndexers.FeedReader): a 100-item Newznab feed and a 100-item
# Torznab feed built from the recorded fixture items, read N times in process, one core.
# Prints µs per feed and items/s.
# Environment: IDKARR_BIN (release binary; default .build/release/idkarr), BENCH_SECONDS (2).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${IDKARR_BIN:-.build/release/idkarr}"
echo "machine: $(nproc) cores, $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN" bench feed --fixtures Tests/Fixtures/indexers --items 100 --seconds "${BENCH_SECONDS:-2}"
