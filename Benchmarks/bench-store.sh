#!/usr/bin/env bash
# Document store: durable write latency (store vs raw write+fsync+rename+dir fsync) and cold load
# of the design size (5,000 series × 50 episodes + 10,000 movies) with MB/s, docs/s and RSS.
# Environment: IDKARR_BIN (the release binary; `make bench` sets it).
set -euo pipefail
: "${IDKARR_BIN:?set IDKARR_BIN to the idkarr release binary}"
"$IDKARR_BIN" bench store "$@"
