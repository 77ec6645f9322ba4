"""Search latency on a warm store: ranked top 50 and the full matching set, per kind of query.

    python bench/search.py [--n 10000 100000] [--repeat 20] [--jobs N]

Opens the generated corpus bench/corpora/N through its own cache (ingesting it first if the
cache is cold, which is not timed; linking is skipped, search does not need it) and times
`Store.search(query, 50)` and `Store.matching_ids(query)`: median and 95th percentile over the
repeats. Goal: <= 100 ms at 100k.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from common import cache_dir, corpus, median, percentile

QUERIES = {
    "common word": "nato",
    "rare word": "quagmire",
    "two words": "rutte brussels",
    "phrase": '"foreign ministers"',
    "prefix": "minist*",
    "short prefix": "ru*",
    "exclusion": "ukraine -russia",
    "as typed (live)": "antal",
    "odd input": "'; DROP TABLE (\"nato",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)

    from tui.core.config import load_config
    from tui.core.store import Store

    loaded = load_config(None)
    for n in args.n:
        path = corpus(n)
        os.environ["NATOTUI_CACHE_DIR"] = str(cache_dir(f"corpus-{n}"))
        store = Store.open([path], loaded, jobs=args.jobs, progress=True, link=False)
        print(
            f"\n{len(store):,} articles (search index {'FTS5' if store._index.cache.fts else 'plain Python'})"
        )
        print(
            f"  {'query':18} {'hits':>7}   {'top 50: median':>14} {'p95':>8}   {'all ids: median':>15} {'p95':>8}"
        )
        for label, query in QUERIES.items():
            live = label.endswith("(live)")
            ranked, every = [], []
            for _ in range(args.repeat):
                started = time.perf_counter()
                store.search(query, 50, live=live)
                ranked.append(time.perf_counter() - started)
                started = time.perf_counter()
                ids = store.matching_ids(query, live=live)
                every.append(time.perf_counter() - started)
            print(
                f"  {label:18} {len(ids):>7,}   {median(ranked) * 1e3:11.1f} ms {percentile(ranked, 95) * 1e3:5.1f} ms"
                f"   {median(every) * 1e3:12.1f} ms {percentile(every, 95) * 1e3:5.1f} ms",
                flush=True,
            )
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
