"""How corpus linking grows with the corpus: each stage timed on the cached extractions.

    python bench/link.py CORPUS [CORPUS ...] [--config FILE] [--jobs N] [--stages]

For each corpus (ingested into the cache first if need be, which is not timed) the light
per-article payloads are read from the cache and `linking.link_corpus` runs on them, then each
of its stages alone: `corpus_actors`, `merge_meetings`, `claim_conflicts`. A stage whose time
grows with the square of the corpus shows as a ratio near 100 between 1k and 10k.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def light_corpus(path: Path, loaded, jobs: int | None):
    from tui.core.cache import Cache
    from tui.core.loading import article_id_for
    from tui.core.models import Article
    from tui.core.parallel import Runner
    from tui.core.payloads import decode_link
    from tui.core.pipeline import ingest
    from tui.core.progress import Progress

    cache, notices = Cache.open()
    with Runner(loaded, jobs, notices) as runner, Progress(bar=True) as progress:
        ingested = ingest([path], loaded, cache, runner, progress)
    wanted = {e.key: e for e in ingested.articles}
    articles, extractions = [], {}
    keys = (ingested.roots, ingested.config, ingested.version, ingested.year)
    ids = {}
    for _rowid, key, _hash, link in cache.links(*keys):
        entry = wanted.get(key)
        if entry is not None:
            article_id = article_id_for(Path(entry.path), Path(entry.base))
            ids[key] = article_id
            extractions[article_id] = decode_link(article_id, link)
    for entry in ingested.articles:
        if entry.key in ids:
            articles.append(Article(ids[entry.key], str(entry.path), ""))
    cache.close()
    return articles, extractions


def timed(label: str, function, *args):
    from tui.core.payloads import bulk

    started = time.perf_counter()
    with bulk():  # as the pipeline links: no cyclic GC
        result = function(*args)
    seconds = time.perf_counter() - started
    return result, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--config", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--stages", action="store_true", help="also time each stage alone")
    args = parser.parse_args(argv)

    from tui.core.config import load_config
    from tui.core.extraction import Extractor
    from tui.core.linking import claim_conflicts, corpus_actors, link_corpus, merge_meetings

    loaded = load_config(args.config)
    extractor = Extractor.for_config(loaded)
    print(
        f"{'articles':>9} {'claims':>9} {'meeting reports':>16} {'link_corpus':>12}"
        f" {'actors':>9} {'meetings':>9} {'conflicts':>9}  (seconds)"
    )
    for path in args.corpora:
        articles, extractions = light_corpus(path, loaded, args.jobs)
        claims = [c for a in articles for c in extractions[a.id].claims]
        reports = sum(len(e.meetings) for e in extractions.values())
        corpus, total = timed("link", link_corpus, articles, extractions, extractor, [])
        line = f"{len(articles):>9,} {len(claims):>9,} {reports:>16,} {total:>12.2f}"
        if args.stages:
            _, actors = timed("actors", corpus_actors, articles, extractions)
            _, meetings = timed("meetings", merge_meetings, articles, extractions, loaded.config)
            _, conflicts = timed(
                "conflicts", claim_conflicts, claims, loaded.config, extractor.index
            )
            line += f" {actors:>9.2f} {meetings:>9.2f} {conflicts:>9.2f}"
        print(
            line + f"   -> {len(corpus.meetings):,} meetings, {len(corpus.conflicts):,} conflicts",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
