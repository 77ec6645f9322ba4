"""From files to a linked `Corpus`: load, extract each article, link across the corpus.

`extract_article` is pure (article + compiled rules -> extraction), so it can run in any process
and its result can be cached by content hash. `build_corpus` is what the CLI and the TUI call.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from .config import LoadedConfig
from .extraction import Extractor
from .linking import link_corpus
from .loading import load_corpus
from .models import Article, ArticleExtraction, Corpus

ProgressCallback = Callable[[int, int], None]


def corpus_year(articles: list[Article]) -> int | None:
    """The year most articles were published in: the fallback for dates written without one."""
    years = Counter(a.published[:4] for a in articles if a.published)
    if not years:
        return None
    # Most common, ties broken by the later year so the choice does not depend on file order.
    return int(max(years.items(), key=lambda item: (item[1], item[0]))[0])


def extract_all(
    articles: list[Article],
    extractor: Extractor,
    on_progress: ProgressCallback | None = None,
) -> dict[str, ArticleExtraction]:
    year = corpus_year(articles)
    results: dict[str, ArticleExtraction] = {}
    for done, article in enumerate(articles, 1):
        results[article.id] = extractor.extract(article, year)
        if on_progress:
            on_progress(done, len(articles))
    return results


def build_corpus(
    paths: list[Path],
    loaded: LoadedConfig,
    use_cache: bool = True,
    progress: bool = False,
    on_progress: ProgressCallback | None = None,
) -> Corpus:
    """Load, extract and link the articles under `paths`."""
    result = load_corpus(paths, loaded.config)
    extractor = Extractor.for_config(loaded)
    extractions = extract_all(result.articles, extractor, on_progress)
    return link_corpus(result.articles, extractions, extractor, result.warnings)
