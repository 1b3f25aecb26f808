#!/usr/bin/env bash
# The calendar, the iCal feed and the wanted lists over the design-size library (ARCHITECTURE §9):
#   1. idkarr bench generate   5,000 series × 50 episodes + 10,000 movies (with release dates)
#   2. idkarr bench calendar   in process: CalendarQuery (7 and 36 days) and WantedQuery (missing,
#                              cutoff) over the whole snapshot, as of the generator's "today"
#   3. the real server: GET /api/v1/calendar (36 days) and GET /feed/v1/calendar.ics (the default
#      7 + 28 days, rendered RFC 5545), and page 1 of /api/v1/wanted/missing, sequential, keep-alive
# Environment: IDKARR_BIN (release binary), PY (python with `requests`), BENCH_SERIES /
# BENCH_EPISODES / BENCH_MOVIES (5000 / 50 / 10000), BENCH_KEEP=1 keeps the temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${IDKARR_BIN:?set IDKARR_BIN to the idkarr release binary}"
PY="${PY:-.venv/bin/python}"
"$PY" -c 'import requests' 2>/dev/null || { echo "bench-calendar: $PY lacks requests (make deps-test)" >&2; exit 1; }

TMP="$(mktemp -d "${TMPDIR:-/tmp}/idkarr-bench-calendar.XXXXXX")"
SERVER_PID=""
cleanup() {
  local rc=$?
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "bench-calendar: kept $TMP"; else rm -rf "$TMP"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "machine: $(nproc) cores, $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$IDKARR_BIN" bench generate --data "$TMP/data" --key-file "$TMP/key" \
  --series "${BENCH_SERIES:-5000}" --episodes-per-series "${BENCH_EPISODES:-50}" --movies "${BENCH_MOVIES:-10000}" | grep -v '^api key:'
"$IDKARR_BIN" bench calendar --data "$TMP/data"

PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$IDKARR_BIN" serve --host 127.0.0.1 --port "$PORT" --data "$TMP/data" --log-level warning >"$TMP/serve.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT" KEY="$(cat "$TMP/key")" "$PY" - <<'PYTHON'
import os, sys, time
import requests

base, key = os.environ["BASE"], os.environ["KEY"]
s = requests.Session()
s.headers["X-Api-Key"] = key
for _ in range(600):
    try:
        if s.get(base + "/api/v1/system/status", timeout=2).status_code == 200:
            break
    except requests.ConnectionError:
        pass
    time.sleep(0.05)
else:
    sys.exit("bench-calendar: the server did not start")

def timed(name, path, runs=30):
    # The first request is timed on its own: the wanted lists are kept between pages (a page
    # after the first is a slice of the kept list), the calendar and the feed are not.
    times, size, first = [], 0, 0.0
    for k in range(runs + 3):
        t0 = time.perf_counter()
        r = s.get(base + path)
        elapsed = (time.perf_counter() - t0) * 1000
        if r.status_code != 200:
            sys.exit(f"bench-calendar: {path} answered {r.status_code}: {r.text[:200]}")
        size = len(r.content)
        if k == 0:
            first = elapsed
        if k >= 3:
            times.append(elapsed)
    times.sort()
    print(f"  {name:<46} first {first:7.2f} ms  then p50 {times[len(times) // 2]:7.2f} ms  max {times[-1]:7.2f} ms  ({size // 1024} KiB)")

print("over HTTP (sequential, keep-alive):")
timed("GET /api/v1/calendar, 2025-11-17..2025-12-22", "/api/v1/calendar?start=2025-11-17&end=2025-12-22")
# The feed's window is relative to the server's clock, not the generator's "today": the widest
# window (a year back and ahead) stands in for a big feed; the event count is printed.
ics = s.get(base + "/feed/v1/calendar.ics?pastDays=365&futureDays=365&apikey=" + key).text
print(f"  (the feed below holds {ics.count('BEGIN:VEVENT')} events)")
timed("GET /feed/v1/calendar.ics, pastDays=futureDays=365", "/feed/v1/calendar.ics?pastDays=365&futureDays=365&apikey=" + key, runs=10)
timed("GET /api/v1/wanted/missing (page 1 of 50)", "/api/v1/wanted/missing")
timed("GET /api/v1/wanted/cutoff (page 1 of 50)", "/api/v1/wanted/cutoff")
PYTHON
