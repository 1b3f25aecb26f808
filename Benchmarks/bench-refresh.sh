#!/usr/bin/env bash
# Adding and refreshing one 5,000-episode daily show through the real path: libcurl to a local
# TVmaze stand-in (the show in TVmaze's JSON), decode, merge onto the document, durable write.
# Environment: IDKARR_BIN (the release binary; `make bench` sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${IDKARR_BIN:?set IDKARR_BIN to the idkarr release binary}"
"$IDKARR_BIN" bench refresh "$@"
