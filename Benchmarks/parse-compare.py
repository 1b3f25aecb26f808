#!/usr/bin/env python3
"""Times guessit and parse-torrent-title on the corpus `idkarr bench parse` wrote, and prints
titles per second and the ratio to idkarr's figure. Used by Benchmarks/bench-parse.sh."""
import argparse
import time


def rate(fn, titles):
    # one warm-up call so imports and caches do not count
    fn(titles[0])
    start = time.perf_counter()
    for t in titles:
        try:
            fn(t)
        except Exception:  # a crash on one title still counts as time spent on it
            pass
    return len(titles) / (time.perf_counter() - start)


def sample(titles, n):
    if n <= 0 or n >= len(titles):
        return titles
    step = len(titles) / n
    return [titles[int(i * step)] for i in range(n)]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("--ours", type=float, required=True, help="idkarr titles per second")
    p.add_argument("--guessit-sample", type=int, default=500)
    p.add_argument("--ptt-sample", type=int, default=3000)
    a = p.parse_args()
    with open(a.corpus, encoding="utf-8") as f:
        titles = [line.rstrip("\n") for line in f if line.strip()]

    results = []
    try:
        import PTN  # parse-torrent-title (PyPI) installs the PTN module

        results.append(("parse-torrent-title", rate(PTN.parse, sample(titles, a.ptt_sample)), min(a.ptt_sample, len(titles))))
    except ImportError as e:
        print(f"parse-torrent-title not available: {e}")
    try:
        from guessit import guessit

        results.append(("guessit", rate(guessit, sample(titles, a.guessit_sample)), min(a.guessit_sample, len(titles))))
    except ImportError as e:
        print(f"guessit not available: {e}")

    print(f"corpus: {len(titles)} titles")
    print(f"{'parser':<22}{'titles/s':>14}{'idkarr is x faster':>22}")
    print(f"{'idkarr':<22}{a.ours:>14,.0f}{'1.0':>22}")
    for name, r, n in results:
        print(f"{name:<22}{r:>14,.1f}{a.ours / r:>22,.1f}   (sample of {n})")


if __name__ == "__main__":
    main()
