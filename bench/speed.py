"""Extraction throughput against naive `dateparser.search.search_dates`, in the same run.

    python bench/speed.py [--data DIR] [--config FILE] [--repeat N]

Both run over the same clean texts. natotui's figure is the full per-article extraction (actors,
dates, meetings, claims) plus corpus linking; compiling the config is reported separately since
it happens once per run. Prints characters per second of each and the ratio (goal: >= 10x).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--config", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=25, help="passes over the corpus for natotui")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds of both")
    args = parser.parse_args(argv)

    from tui.core.config import load_config
    from tui.core.extraction import Extractor
    from tui.core.linking import link_corpus
    from tui.core.loading import load_corpus
    from tui.core.pipeline import corpus_year

    loaded = load_config(args.config)
    articles = load_corpus([args.data], loaded.config).articles
    chars = sum(len(a.text) for a in articles)
    print(f"corpus: {len(articles)} articles, {chars:,} characters of clean text")
    from common import host_speed

    print(f"host reference loop: {host_speed()} (lower is faster)")

    started = time.process_time()
    extractor = Extractor.for_config(loaded)
    compile_seconds = time.process_time() - started
    year = corpus_year(articles)
    extractor.extract(articles[0], year)  # warm caches once, as a long run would be

    from dateparser.search import search_dates

    warnings.simplefilter("ignore")
    search_dates("warm up on 3 April 2025", languages=["en"])

    def natotui_pass() -> float:
        started = time.process_time()
        extractions = {a.id: extractor.extract(a, year) for a in articles}
        link_corpus(articles, extractions, extractor, [])
        return time.process_time() - started

    def naive_pass() -> float:
        started = time.process_time()
        for article in articles:
            search_dates(article.text, languages=["en"])
        return time.process_time() - started

    # Rounds that alternate the two, so that both meet the same machine; in each round the best
    # of a few natotui passes (they are short) against one naive pass. The median round counts.
    rounds = []
    for _ in range(args.rounds):
        ours_round = min(natotui_pass() for _ in range(max(1, args.repeat // args.rounds)))
        rounds.append((ours_round, naive_pass()))
    rounds.sort(key=lambda r: r[1] / r[0])
    natotui_seconds, naive_seconds = rounds[len(rounds) // 2]
    ratios = [n / o for o, n in rounds]
    ours = chars / natotui_seconds
    theirs = chars / naive_seconds
    print(f"config compile (once):            {compile_seconds * 1000:8.1f} ms")
    print(
        f"natotui extract + link:           {ours:12,.0f} chars/s  (median round {natotui_seconds * 1000:.1f} ms)"
    )
    print(
        f"dateparser search_dates (naive):  {theirs:12,.0f} chars/s  (median round {naive_seconds * 1000:.1f} ms)"
    )
    print(
        f"ratio:                            {ours / theirs:8.1f}x  (median of {len(ratios)} rounds; "
        f"lowest {min(ratios):.1f}x, highest {max(ratios):.1f}x; goal >= 10x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
