"""Warm open of a corpus in the form the dashboard needs: time and peak resident memory.

    python bench/memory.py [--n 10000 100000] [--modes store store-unlinked corpus]

Each measurement runs in a fresh process (peak RSS is per process) on a warm cache (the corpus
is ingested first if need be, not measured), beside the shipped five-article corpus:

- store: `Store.open` — article summaries, actors, meetings and conflicts in memory, texts and
  extractions read by id (then 200 articles are read, as paging through the list would);
- store-unlinked: the same with `link=False` (the list and search, linking left for later);
- corpus: `build_corpus` — every article and extraction in memory (what the TUI held before).

Goal: <= 500 MB at 100k.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

from common import ROOT, cache_dir, corpus

HERE = os.path.abspath(__file__)


def child(path: str, mode: str) -> dict:
    from tui.core.config import load_config

    loaded = load_config(None)
    baseline = _rss_now()
    started = time.perf_counter()
    if mode == "corpus":
        from tui.core.pipeline import build_corpus

        result = build_corpus([path], loaded)
        count, conflicts, meetings = (
            len(result.articles),
            len(result.conflicts),
            len(result.meetings),
        )
        seconds = time.perf_counter() - started
        read_ms = 0.0
    else:
        from tui.core.store import Store

        store = Store.open([path], loaded, link=mode == "store")
        seconds = time.perf_counter() - started
        count, conflicts, meetings = len(store), len(store.conflicts), len(store.meetings)
        step = max(1, count // 200)
        ids = [a.id for a in store.articles[::step]][:200]
        started = time.perf_counter()
        for article_id in ids:
            store.article(article_id)
            store.extraction(article_id)
        read_ms = (time.perf_counter() - started) / len(ids) * 1e3
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": count,
        "meetings": meetings,
        "conflicts": conflicts,
        "seconds": seconds,
        "peak_mb": peak,
        "baseline_mb": baseline,
        "now_mb": _rss_now(),
        "read_ms": read_ms,
    }


def _rss_now() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure(path, cache, mode: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NATOTUI_")}
    env["NATOTUI_CACHE_DIR"] = str(cache)
    done = subprocess.run(
        [sys.executable, HERE, "--child", str(path), mode],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def warm(path, cache, link: bool) -> None:
    """Ingest (and link) once so that the measured opens are warm."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NATOTUI_")}
    env["NATOTUI_CACHE_DIR"] = str(cache)
    code = (
        "import sys; sys.path.insert(0, %r)\n"
        "from tui.core.config import load_config\nfrom tui.core.store import Store\n"
        "Store.open([%r], load_config(None), progress=True, link=%r).close()\n"
    )
    subprocess.run([sys.executable, "-c", code % (str(ROOT), str(path), link)], env=env, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--modes", nargs="+", default=["store", "store-unlinked", "corpus"])
    parser.add_argument(
        "--link-max",
        type=int,
        default=20_000,
        help="larger corpora are not linked (see bench/link.py): only store-unlinked runs",
    )
    parser.add_argument("--child", nargs=2, metavar=("PATH", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0

    sizes = [(5, ROOT / "data")] + [(n, corpus(n)) for n in args.n]
    print(
        f"{'articles':>9} {'mode':15} {'open (warm)':>11} {'peak RSS':>9} {'RSS after':>9}"
        f" {'of which Python+config':>22} {'read one':>9}  linked"
    )
    for n, path in sizes:
        cache = cache_dir(f"corpus-{n}")
        link = n <= args.link_max
        warm(path, cache, link)
        for mode in args.modes:
            if mode != "store-unlinked" and not link:
                print(f"{n:>9,} {mode:15} skipped: linking does not finish at this size")
                continue
            r = measure(path, cache, mode)
            print(
                f"{r['articles']:>9,} {mode:15} {r['seconds']:9.2f} s {r['peak_mb']:6.0f} MB"
                f" {r['now_mb']:6.0f} MB {r['baseline_mb']:19.0f} MB {r['read_ms']:6.2f} ms"
                f"  {r['meetings']:,} meetings, {r['conflicts']:,} conflicts",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
