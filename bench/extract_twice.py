"""`natotui extract` run twice on the same corpus: the second run extracts nothing.

    python bench/extract_twice.py [--n 10000] [--jobs N] [--format json|table]

Both runs are the real command (`python -m tui extract CORPUS`) with a cache folder of their
own, emptied before the first; the output goes to a file whose size is reported. Goal: the
second run under a tenth of the first.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time

from common import CORPORA, ROOT, cache_dir, corpus, load


def run(path, cache, jobs, fmt) -> tuple[float, int, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NATOTUI_")}
    env["NATOTUI_CACHE_DIR"] = str(cache)
    out = CORPORA / ".cache" / "extract-output"
    command = [sys.executable, "-m", "tui", "extract", str(path), "--format", fmt]
    if jobs:
        command += ["--jobs", str(jobs)]
    started = time.perf_counter()
    with out.open("wb") as stdout:
        done = subprocess.run(command, cwd=ROOT, env=env, stdout=stdout, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"natotui extract failed:\n{done.stderr.decode()}")
    size = out.stat().st_size
    out.unlink()
    return seconds, size, done.stderr.decode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--format", default="json", choices=["json", "table"])
    args = parser.parse_args(argv)
    path = corpus(args.n)
    cache = cache_dir("extract-twice")
    shutil.rmtree(cache)
    print(f"natotui extract {path} --format {args.format}, twice, empty cache first")
    times = []
    for label in ("first (cold)", "second (warm)"):
        before = load()
        seconds, size, err = run(path, cache, args.jobs, args.format)
        times.append(seconds)
        notes = [line for line in err.splitlines() if "cache" in line or "parallel" in line]
        print(
            f"  {label:14} {seconds:8.1f} s   output {size / 1e6:8.1f} MB"
            f"   (load average before: {before}){'  ' + '; '.join(notes) if notes else ''}",
            flush=True,
        )
    print(f"  second / first: {times[1] / times[0]:.3f}  (goal < 0.1)")
    shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
