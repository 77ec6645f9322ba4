"""Warm start at 10k and 100k articles beside the shipped corpus, in the same run.

    python bench/warm_start.py [--n 10000 100000] [--runs 5]

natotui runs in an 80x24 pseudo-terminal (as bench/startup.py does) with
NATOTUI_EXIT_AFTER_PAINT: it records the moment the corpus is first on screen (the list, and
the selected article in the reader, actors, calendar and conflicts panes) and exits. Each
corpus has its own warm cache (bench/corpora/.cache/corpus-N, ingested first if need be and
not measured); runs alternate between the corpora. Peak resident memory of each run is printed
too (from the kernel's rusage of the finished process).

Goal (issue 5): the start at 100k within 2x the start on the shipped corpus.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, cache_dir, corpus, load
from startup import first_paint, natotui_command


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="natotui-warm-"))
    marker = work / "painted"
    base = {k: v for k, v in os.environ.items() if not k.startswith("NATOTUI_")}
    base["TERM"] = "xterm-256color"
    corpora = [(5, ROOT / "data")] + [(n, corpus(n)) for n in args.n]
    runs: dict[int, list[tuple[float, float]]] = {n: [] for n, _ in corpora}
    for attempt in range(args.runs + 1):  # the first round warms the caches, not counted
        for n, data in corpora:
            env = {
                **base,
                "NATOTUI_CACHE_DIR": str(cache_dir(f"corpus-{n}")),
                "NATOTUI_STATE_DIR": str(work / f"state-{n}"),
                "NATOTUI_EXIT_AFTER_PAINT": str(marker),
            }
            seconds, peak = paint_and_peak(natotui_command(None, str(data)), env, marker)
            if attempt:
                runs[n].append((seconds, peak))
    shipped = statistics.median(s for s, _ in runs[5])
    print(f"warm start to first complete paint at 80x24, median of {args.runs}, load {load()}")
    print(f"{'articles':>9} {'median':>9} {'min':>8} {'max':>8} {'vs shipped':>10} {'peak RSS':>9}")
    for n, _ in corpora:
        times = [s for s, _ in runs[n]]
        median = statistics.median(times)
        print(
            f"{n:>9,} {median * 1000:7.0f}ms {min(times) * 1000:6.0f}ms {max(times) * 1000:6.0f}ms"
            f" {median / shipped:9.2f}x {max(p for _, p in runs[n]):6.0f} MB"
        )
    return 0


def paint_and_peak(command: list[str], env: dict[str, str], marker: Path) -> tuple[float, float]:
    """`startup.first_paint`, and the process's own peak RSS in MB (from wait4's rusage)."""
    peaks: list[float] = []
    real_wait = subprocess.Popen.wait

    def wait(process, timeout=None):
        if process.returncode is None:
            _pid, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            peaks.append(usage.ru_maxrss / 1024)  # KiB on Linux
        return real_wait(process, timeout)

    subprocess.Popen.wait = wait  # type: ignore[method-assign]
    try:
        seconds = first_paint(command, env, marker)
    finally:
        subprocess.Popen.wait = real_wait  # type: ignore[method-assign]
    return seconds, max(peaks, default=0.0)


if __name__ == "__main__":
    sys.exit(main())
