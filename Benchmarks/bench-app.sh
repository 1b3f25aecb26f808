#!/usr/bin/env bash
# The foundation benchmark of the whole application at the design size (ARCHITECTURE §9):
# 5,000 series × 50 episodes (250,000 episodes) + 10,000 movies in a temporary data folder.
#
#   1. idkarr bench generate   the synthetic library, an admin and an API key (timed)
#   2. idkarr bench app        in-process: load, Library.listMedia, setMonitored vs a raw durable write
#   3. the real server (idkarr serve, release build), measured from outside:
#        cold start to ready   process start → first 200 of GET /api/v1/system/status (best of 3)
#        RSS after load        VmRSS / VmHWM from /proc/PID/status once ready, and after the load test
#        page of 50            wrk against GET /api/v1/media?pageSize=50, and against GET /ping of
#                              `idkarr bench trivial-server` (same binary, same Hummingbird config)
#        every series          GET /api/v1/media?mediaType=series&pageSize=1000, every page
#        monitoring toggle     PUT /api/v1/media/{id}/monitor of one episode, sequential, keep-alive
#   The store's durable write ratio (document vs raw write+fsync+rename) is bench-store.sh's.
#
# Environment: IDKARR_BIN (release binary), PY (python with `requests`; default .venv/bin/python),
# BENCH_SERIES / BENCH_EPISODES / BENCH_MOVIES (default 5000 / 50 / 10000), BENCH_WRK_SECONDS (10),
# BENCH_ROUNDS (3), BENCH_TOGGLES (500), BENCH_KEEP=1 keeps the temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${IDKARR_BIN:?set IDKARR_BIN to the idkarr release binary}"
PY="${PY:-.venv/bin/python}"
command -v wrk >/dev/null || { echo "bench-app: wrk is missing (apt-get install wrk, or make deps-bench)" >&2; exit 1; }
"$PY" -c 'import requests' 2>/dev/null || { echo "bench-app: $PY lacks requests (make deps-test)" >&2; exit 1; }

TMP="$(mktemp -d "${TMPDIR:-/tmp}/idkarr-bench-app.XXXXXX")"
cleanup() {
  local rc=$?
  if [[ -f "$TMP/pids" ]]; then
    while read -r pid; do
      if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
    done <"$TMP/pids"
    sleep 0.5
    while read -r pid; do
      if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    done <"$TMP/pids"
  fi
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "bench-app: kept $TMP"; else rm -rf "$TMP"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary:  $IDKARR_BIN"
"$IDKARR_BIN" bench generate --data "$TMP/data" --key-file "$TMP/key" \
  --series "${BENCH_SERIES:-5000}" --episodes-per-series "${BENCH_EPISODES:-50}" --movies "${BENCH_MOVIES:-10000}" | grep -v '^api key:'
"$IDKARR_BIN" bench app --data "$TMP/data" | tee "$TMP/inprocess.txt"

IDKARR_BIN="$IDKARR_BIN" BENCH_TMP="$TMP" "$PY" - <<'PYTHON'
import json, os, random, re, signal, socket, subprocess, sys, time
import requests

BIN, TMP = os.environ["IDKARR_BIN"], os.environ["BENCH_TMP"]
DATA, KEY = TMP + "/data", open(TMP + "/key").read().strip()
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
WRK_SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "10"))
TOGGLES = int(os.environ.get("BENCH_TOGGLES", "500"))
HEADERS = {"X-Api-Key": KEY}

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def track(proc):
    with open(TMP + "/pids", "a") as f:
        f.write(f"{proc.pid}\n")
    return proc

def memory(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(rest.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]

def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill(); proc.wait()

def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(-(-len(s) * p // 1)) - 1))]

def start_server(port):
    """Starts `idkarr serve`; returns (process, ms from spawn to the first 200 of /system/status)."""
    log = open(TMP + f"/serve-{port}.log", "w")
    url = f"http://127.0.0.1:{port}/api/v1/system/status"
    t0 = time.perf_counter()
    proc = track(subprocess.Popen([BIN, "serve", "--host", "127.0.0.1", "--port", str(port), "--data", DATA,
                                   "--log-level", "warning"], stdout=log, stderr=subprocess.STDOUT))
    deadline = t0 + 120
    while time.perf_counter() < deadline:
        try:
            r = requests.get(url, headers=HEADERS, timeout=2)
            if r.status_code == 200:
                return proc, (time.perf_counter() - t0) * 1000
        except requests.ConnectionError:
            pass
        if proc.poll() is not None:
            sys.exit(f"bench-app: the server exited with {proc.returncode}; see {log.name}")
        time.sleep(0.002)
    sys.exit("bench-app: the server was not ready within 120 s")

def wrk(url, headers=()):
    args = ["wrk", "-t2", "-c32", f"-d{WRK_SECONDS}s", "--latency"]
    for h in headers:
        args += ["-H", h]
    out = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"\s99%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        sys.exit(f"bench-app: wrk saw {errors.group(1)} error responses from {url}")
    return rps, float(p99.group(1)) * scale

inprocess = dict(kv.split("=") for kv in open(TMP + "/inprocess.txt").read().split("BENCHAPP ")[1].split())
results = {}

# Cold start (the data files are in the page cache: this is a process restart, not a reboot).
port = free_port()
starts = []
for k in range(ROUNDS):
    proc, ms = start_server(port)
    starts.append(ms)
    rss, hwm = memory(proc.pid)
    if k < ROUNDS - 1:
        stop(proc)
print(f"cold start to ready (ms): {', '.join(f'{v:.0f}' for v in starts)}")
print(f"RSS once ready: {rss:.1f} MB (HWM {hwm:.1f} MB)")
base = f"http://127.0.0.1:{port}"
s = requests.Session()
s.headers.update(HEADERS)

# Every series, five requests of 1000: time from sending each request to holding its whole body
# (the client's JSON parsing is left out; ids are read after the clock stops).
series_runs, page_ms, series_ids, nbytes = [], [], [], 0
for k in range(12):
    page, got, ids, run = 1, 0, [], 0.0
    while True:
        p0 = time.perf_counter()
        r = s.get(f"{base}/api/v1/media", params={"mediaType": "series", "pageSize": 1000, "page": page})
        r.raise_for_status()
        elapsed = (time.perf_counter() - p0) * 1000
        run += elapsed
        if k >= 2:
            page_ms.append(elapsed)
        nbytes = len(r.content)
        body = r.json()
        ids += [rec["id"] for rec in body["records"]]
        got += len(body["records"])
        if got >= body["totalRecords"] or not body["records"]:
            break
        page += 1
    if k >= 2:
        series_runs.append(run)
    series_ids = ids
print(f"all {len(series_ids)} series in {page} requests: p50 {pct(series_runs, .5):.1f} ms, best {min(series_runs):.1f} ms; "
      f"one page of 1000: p50 {pct(page_ms, .5):.1f} ms (~{nbytes // 1024} KiB)")

# Monitoring toggles of one episode, sequential.
rng = random.Random(7)
docs = {}
for sid in rng.sample(series_ids, min(100, len(series_ids))):
    r = s.get(f"{base}/api/v1/media/{sid}")
    r.raise_for_status()
    docs[sid] = {e["id"]: e["monitored"] for e in r.json()["episodes"]}
toggle_ms, raw_ms = [], []
media_dir = DATA + "/media"
dir_fd = os.open(media_dir, os.O_RDONLY)
for k in range(TOGGLES + 10):
    sid = rng.choice(list(docs))
    eid = rng.choice(list(docs[sid]))
    want = not docs[sid][eid]
    t0 = time.perf_counter()
    r = s.put(f"{base}/api/v1/media/{sid}/monitor", json={"episodeIds": [eid], "monitored": want})
    elapsed = (time.perf_counter() - t0) * 1000
    if r.status_code != 200:
        sys.exit(f"bench-app: toggle answered {r.status_code}: {r.text[:300]}")
    docs[sid][eid] = want
    # The disk's floor at the same moment: a raw write + fsync + rename + directory fsync of the
    # document's new bytes in the same folder.
    data = open(f"{media_dir}/{sid}.json", "rb").read()
    r0 = time.perf_counter()
    fd = os.open(f"{media_dir}/.bench-raw.tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.write(fd, data); os.fsync(fd); os.close(fd)
    os.rename(f"{media_dir}/.bench-raw.tmp", f"{media_dir}/bench-raw.bench"); os.fsync(dir_fd)
    raw_elapsed = (time.perf_counter() - r0) * 1000
    if k >= 10:
        toggle_ms.append(elapsed)
        raw_ms.append(raw_elapsed)
os.close(dir_fd)
os.unlink(f"{media_dir}/bench-raw.bench")
print(f"toggle one episode ({TOGGLES}×): p50 {pct(toggle_ms, .5):.2f} ms, p99 {pct(toggle_ms, .99):.2f} ms, max {max(toggle_ms):.2f} ms; "
      f"raw durable write of the same bytes, interleaved: p50 {pct(raw_ms, .5):.2f} ms, p99 {pct(raw_ms, .99):.2f} ms")

# Throughput: page of 50 against the trivial route, alternated.
tport = free_port()
tlog = open(TMP + "/trivial.log", "w")
trivial = track(subprocess.Popen([BIN, "bench", "trivial-server", "--host", "127.0.0.1", "--port", str(tport)],
                                 stdout=tlog, stderr=subprocess.STDOUT))
for _ in range(2000):
    try:
        if requests.get(f"http://127.0.0.1:{tport}/ping", timeout=1).text == "pong":
            break
    except requests.ConnectionError:
        time.sleep(0.005)
page_bytes = len(s.get(f"{base}/api/v1/media", params={"pageSize": 50}).content)
media_runs, trivial_runs, floor_runs = [], [], []
for k in range(ROUNDS):
    trivial_runs.append(wrk(f"http://127.0.0.1:{tport}/ping"))
    media_runs.append(wrk(f"{base}/api/v1/media?pageSize=50", [f"X-Api-Key: {KEY}"]))
    floor_runs.append(wrk(f"http://127.0.0.1:{tport}/bytes/{page_bytes}"))
    print(f"wrk round {k + 1}: trivial {trivial_runs[-1][0]:.0f} req/s (p99 {trivial_runs[-1][1]:.2f} ms); "
          f"page of 50 {media_runs[-1][0]:.0f} req/s (p99 {media_runs[-1][1]:.2f} ms); "
          f"trivial sending {page_bytes} bytes {floor_runs[-1][0]:.0f} req/s (p99 {floor_runs[-1][1]:.2f} ms)")
stop(trivial)
rss_after, hwm_after = memory(proc.pid)
print(f"RSS after the load test: {rss_after:.1f} MB (HWM {hwm_after:.1f} MB)")
stop(proc)

best_media = max(media_runs)
best_trivial = max(trivial_runs)
best_floor = max(floor_runs)
ratio = best_media[0] / best_trivial[0]
rows = [
    ("cold start to ready (best of %d)" % ROUNDS, f"{min(starts):.0f} ms", "< 1000 ms", min(starts) < 1000),
    ("RSS after load (VmRSS / VmHWM)", f"{rss:.0f} / {hwm:.0f} MB", "< 200 MB", rss < 200),
    ("RSS after the load test", f"{rss_after:.0f} / {hwm_after:.0f} MB", "< 200 MB", rss_after < 200),
    ("GET media?pageSize=50 req/s (best)", f"{best_media[0]:.0f} req/s", "", None),
    ("  p99 under load (c32)", f"{best_media[1]:.1f} ms", "", None),
    ("trivial Hummingbird GET /ping (best)", f"{best_trivial[0]:.0f} req/s", "", None),
    ("  page of 50 / trivial", f"{ratio * 100:.0f} %", ">= 70 %", ratio >= 0.7),
    ("trivial route sending %d bytes (best)" % page_bytes, f"{best_floor[0]:.0f} req/s", "", None),
    ("  page of 50 / same-size trivial", f"{best_media[0] / best_floor[0] * 100:.0f} %", "", None),
    ("all series (%d requests of 1000), p50" % page, f"{pct(series_runs, .5):.1f} ms", "< 50 ms", pct(series_runs, .5) < 50),
    ("  best", f"{min(series_runs):.1f} ms", "< 50 ms", min(series_runs) < 50),
    ("  listMedia in process, all series", f"{float(inprocess['allseries_ms']):.1f} ms", "", None),
    ("toggle one episode p50 / p99 (HTTP)", f"{pct(toggle_ms, .5):.2f} / {pct(toggle_ms, .99):.2f} ms", "p99 < 5 ms", pct(toggle_ms, .99) < 5),
    ("  setMonitored in process p50 / p99", f"{float(inprocess['toggle_p50_ms']):.2f} / {float(inprocess['toggle_p99_ms']):.2f} ms", "", None),
    ("  raw write+fsync+rename, same moment", f"{pct(raw_ms, .5):.2f} / {pct(raw_ms, .99):.2f} ms", "(the disk's floor)", None),
    ("  in process, raw same bytes", f"{float(inprocess['raw_p50_ms']):.2f} / {float(inprocess['raw_p99_ms']):.2f} ms", "(the disk's floor)", None),
    ("store write vs raw write", "see bench-store.sh", "<= 1.5x", None),
]
print()
print(f"{'figure':<40} {'measured':>20}  {'target':<18} ")
print("-" * 84)
for name, value, target, ok in rows:
    mark = "" if ok is None else ("ok" if ok else "MISSED")
    print(f"{name:<40} {value:>20}  {target:<18} {mark}")
print("load average at the end:", open("/proc/loadavg").read().split()[:3])
PYTHON
