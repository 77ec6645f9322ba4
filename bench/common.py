"""Shared by the benchmark scripts: corpora under bench/corpora/, timing, machine load."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "bench" / "corpora"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def corpus(n: int, seed: int = 1) -> Path:
    """bench/corpora/N, generated (deterministically) if it is not there yet."""
    from make_corpus import make_corpus

    out = CORPORA / str(n)
    marker = out / ".complete"
    if not marker.exists():
        started = time.perf_counter()
        print(f"generating {n:,} articles in {out} ...", file=sys.stderr, flush=True)
        make_corpus(n, out, seed)
        # As a user's archive: files older than the cache (a file written within two seconds of
        # a load is hashed again next time, its mtime not yet trusted).
        an_hour_ago = time.time_ns() - 3600 * 10**9
        for path in out.rglob("*.*"):
            os.utime(path, ns=(an_hour_ago, an_hour_ago))
        marker.write_text(f"{n} {seed}\n")
        print(f"  done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return out


def cache_dir(name: str) -> Path:
    """A cache folder of the benchmarks' own (never the user's)."""
    path = CORPORA / ".cache" / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def load() -> str:
    """The 1-minute load average: on a shared 2-core machine it says how fair a timing is."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "?"


def host_speed() -> str:
    """A fixed pure-Python workload's time, best of 5 (lower is faster). The host's speed
    moves by 15-20% within an hour whatever the load says: timings from two sittings compare
    only with this beside them (about 30 ms on a fast stretch of the development machine)."""
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        total = 0
        table: dict[int, int] = {}
        for i in range(200_000):
            table[i % 1000] = table.get(i % 1000, 0) + i
            total += len(str(i))
        best = min(best, time.process_time() - started)
    return f"{best * 1000:.0f} ms"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values)
