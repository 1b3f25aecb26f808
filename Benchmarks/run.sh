#!/usr/bin/env bash
# make bench: runs every Benchmarks/bench-*.sh in turn (app, calendar, parse, store). Each prints its own figures.
# Environment: IDKARR_BIN (release binary), PY (the test virtualenv's python).
set -euo pipefail
cd "$(dirname "$0")/.."
for b in Benchmarks/bench-*.sh; do
  echo "== $b"
  bash "$b"
done
