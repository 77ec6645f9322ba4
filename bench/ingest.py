"""Cold ingest: articles per second with one process and with several, in the same run.

    python bench/ingest.py [--n 1000] [--jobs 1 2] [--config FILE]

Each run starts from an empty cache and ingests the generated corpus bench/corpora/N (made if
missing): scan, read and clean, extract, write to SQLite (what `natotui extract` and the
dashboard do before linking). Linking is not included: see bench/link.py. Goal: two processes
>= 1.7x one on this 2-core machine.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from common import cache_dir, corpus, load


def cold_ingest(path: Path, loaded, jobs: int, cache_path: Path) -> tuple[float, int]:
    from tui.core.cache import Cache
    from tui.core.parallel import Runner
    from tui.core.pipeline import ingest
    from tui.core.progress import Progress

    shutil.rmtree(cache_path, ignore_errors=True)
    cache_path.mkdir(parents=True)
    cache, notices = Cache.open(cache_path / "cache.sqlite3")
    started = time.perf_counter()
    with Runner(loaded, jobs, notices) as runner, Progress(bar=True) as progress:
        ingested = ingest([path], loaded, cache, runner, progress)
    seconds = time.perf_counter() - started
    cache.close()
    if notices:
        print(f"  notices: {notices}", file=sys.stderr)
    return seconds, ingested.extracted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="corpus size (bench/corpora/N)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--config", type=Path, default=None)
    args = parser.parse_args(argv)

    from tui.core.config import load_config

    path = corpus(args.n)
    loaded = load_config(args.config)
    print(f"cold ingest of {args.n:,} generated articles ({path})")
    rates = {}
    for jobs in args.jobs:
        before = load()
        seconds, extracted = cold_ingest(path, loaded, jobs, cache_dir(f"ingest-{jobs}"))
        rates[jobs] = extracted / seconds
        print(
            f"  {jobs} process{'es' if jobs > 1 else '':2}  {seconds:8.1f} s  "
            f"{rates[jobs]:8.1f} articles/s   (load average before: {before})",
            flush=True,
        )
    if 1 in rates:
        for jobs, rate in rates.items():
            if jobs != 1:
                print(f"  speed-up with {jobs}: {rate / rates[1]:.2f}x  (goal >= 1.7x with 2)")
    for jobs in args.jobs:
        shutil.rmtree(cache_dir(f"ingest-{jobs}"), ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
