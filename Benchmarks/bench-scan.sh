#!/usr/bin/env bash
# Disk scan of a whole library: 200 titles x 250 episode files (50,000 video files, realistic
# names, season folders, samples and .nfo/.srt beside) rescanned through DiskScanService: walk,
# parse and match every file, durable write of each title. Walk and match also timed alone.
# Environment: IDKARR_BIN (the release binary; `make bench` sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${IDKARR_BIN:?set IDKARR_BIN to the idkarr release binary}"
"$IDKARR_BIN" bench scan "$@"
