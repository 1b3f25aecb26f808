#!/usr/bin/env bash
# Release-parser throughput: idkarr vs guessit vs parse-torrent-title on the same titles.
# Environment: IDKARR_BIN (release binary; default .build/release/idkarr).
# guessit and parse-torrent-title come from PyPI into .venv-bench (gitignored), not the test venv.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${IDKARR_BIN:-.build/release/idkarr}"
CORPUS="$(mktemp -t idkarr-parse-corpus.XXXXXX)"
trap 'rm -f "$CORPUS"' EXIT

# 1. Build the corpus (>= 10,000 titles from the Sonarr/Radarr fixtures) and time idkarr on it.
OURS_OUT="$("$BIN" bench parse --fixtures Tests/Fixtures/parsing --write-corpus "$CORPUS" --min-titles 10000 --seconds 3)"
echo "$OURS_OUT" | grep -v '^IDKARR_TITLES_PER_SECOND='
OURS="$(echo "$OURS_OUT" | sed -n 's/^IDKARR_TITLES_PER_SECOND=//p')"

# 2. guessit and parse-torrent-title in their own virtual environment.
VENV=.venv-bench
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check guessit parse-torrent-title >/dev/null

# 3. Same titles, single process, one core; guessit on a sample (it is slow).
"$VENV/bin/python" Benchmarks/parse-compare.py "$CORPUS" --ours "$OURS" --guessit-sample "${GUESSIT_SAMPLE:-500}" --ptt-sample "${PTT_SAMPLE:-3000}"
