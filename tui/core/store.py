"""A corpus kept in the cache, for the dashboard: what is listed in memory, the rest by id.

`Store.open` brings the cache up to date (as `build_corpus` does) and keeps in memory only:

- `articles`: one `ArticleSummary` per article (id, title, published and its basis, authors,
  outlet, path, load warnings), in corpus order;
- `actors`, `meetings`, `conflicts`: the linked corpus (cached for exactly these extractions,
  linked again from the light per-article payloads when anything changed).

An article's clean text and its extraction are read from SQLite when asked for
(`Store.article(id)`, `Store.extraction(id)`), with a small LRU for moving back and forth.
`Store.search` answers from the FTS5 index. Read/unread and stars stay in `state.ReadState`.
Every method is safe to call from any thread.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from .cache import Cache, CacheCorrupt, CacheUnavailable
from .config import LoadedConfig
from .linking import link_corpus
from .models import Article, ArticleExtraction, Conflict, Corpus, CorpusActor, Meeting
from .parallel import Runner, Worker
from .payloads import (
    decode_article,
    decode_extraction,
    decode_link,
    decode_linked,
    decode_record,
    encode_linked,
    share_ids,
)
from .pipeline import Entry, Ingested, ingest, with_cache
from .progress import Progress, ProgressCallback, StageCallback
from .search import SearchHit, SearchIndex

RECENT = 64  # articles kept decoded, for moving back and forth in the list


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the article list shows; the attribute names are `Article`'s."""

    id: str
    title: str | None
    published: str | None
    published_basis: str
    authors: tuple[str, ...]
    outlet: str | None
    path: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Row:
    article_id: str
    rowid: int
    content_hash: str | None
    entry: Entry


class Store:
    """The corpus for the dashboard. Open with `Store.open`, close when replaced."""

    def __init__(
        self,
        cache: Cache,
        loaded: LoadedConfig,
        ingested: Ingested,
        articles: list[ArticleSummary],
        rows: dict[str, _Row],
        actors: list[CorpusActor],
        meetings: list[Meeting],
        conflicts: list[Conflict],
        warnings: list[str],
    ) -> None:
        self.articles = articles
        self.actors = actors
        self.meetings = meetings
        self.conflicts = conflicts
        self.warnings = warnings  # cache notices and skipped files, as `Corpus.warnings`
        self.year = ingested.year
        self.extracted = ingested.extracted  # articles extracted while opening
        self._cache = cache
        self._loaded = loaded
        self._config, self._version = ingested.config, ingested.version
        self._rows = rows
        self._by_id = {a.id: a for a in articles}
        self._lock = threading.RLock()
        self._recent: OrderedDict[str, tuple[Article, ArticleExtraction]] = OrderedDict()
        self._worker: Worker | None = None
        self._index = SearchIndex(cache, {r.rowid: i for i, r in rows.items()}, self._lock)

    # --- opening ------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        paths: list[Path],
        loaded: LoadedConfig,
        use_cache: bool = True,
        jobs: int | None = None,
        on_progress: ProgressCallback | None = None,
        on_stage: StageCallback | None = None,
        progress: bool = False,
    ) -> Store:
        """Load the corpus under `paths` through the cache (see `pipeline.build_corpus`)."""
        with Progress(on_progress, on_stage, bar=progress) as reporter:

            def work(cache: Cache, notices: list[str]) -> Store:
                with Runner(loaded, jobs, notices) as runner:
                    ingested = ingest(paths, loaded, cache, runner, reporter)
                    return cls._build(cache, loaded, ingested, runner, notices)

            return with_cache(use_cache, work)

    @classmethod
    def _build(
        cls,
        cache: Cache,
        loaded: LoadedConfig,
        ingested: Ingested,
        runner: Runner,
        notices: list[str],
    ) -> Store:
        expected = {e.key: e for e in ingested.articles}
        keys = (ingested.roots, ingested.config, ingested.version, ingested.year)
        found = {s.key: s for s in cache.summaries(*keys) if s.key in expected}
        stale = [e for e in expected.values() if _hash(found, e.key) != e.content_hash]
        if stale:  # rows changed under us (another natotui, another config): redo them here
            records = [runner.local.extract(e.task, ingested.year) for e in stale]
            cache.put([r for r in records if r.content_hash], *keys[1:3], 0)
            cache.commit()
            found.update(
                (s.key, s) for s in cache.summaries(*keys) if s.key in expected
            )

        strings: dict[str, str] = {}

        def same(value: str | None) -> str | None:
            return None if value is None else strings.setdefault(value, value)

        articles, rows = [], {}
        for entry in ingested.articles:
            summary = found.get(entry.key)
            if summary is None or summary.content_hash != entry.content_hash:
                continue  # vanished again: leave it out rather than show stale data
            article = ArticleSummary(
                summary.article_id,
                summary.title,
                summary.published,
                sys.intern(summary.published_basis),
                tuple(same(a) for a in summary.authors),
                same(summary.outlet),
                str(entry.path),
                tuple(summary.warnings),
            )
            articles.append(article)
            rows[article.id] = _Row(article.id, summary.rowid, summary.content_hash, entry)

        ids = {a.id: a.id for a in articles}
        linked = cache.linked(ingested.corpus_key, ingested.state)
        if linked is not None and len(articles) == len(ingested.articles):
            actors, meetings, conflicts = decode_linked(linked, ids)
        else:
            actors, meetings, conflicts = _relink(cache, ingested, articles, rows, runner)
            cache.put_linked(
                ingested.corpus_key,
                ingested.state,
                encode_linked(Corpus([], {}, actors, meetings, conflicts)),
            )
            cache.commit()
            share_ids(ids, actors, meetings, conflicts)
        warnings = [*notices, *ingested.warnings]
        return cls(cache, loaded, ingested, articles, rows, actors, meetings, conflicts, warnings)

    # --- reading ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.articles)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_id

    def summary(self, article_id: str | None) -> ArticleSummary | None:
        return self._by_id.get(article_id) if article_id else None

    def article(self, article_id: str | None) -> Article | None:
        """The article with its clean text, read from the cache."""
        pair = self._pair(article_id)
        return pair[0] if pair else None

    def extraction(self, article_id: str | None) -> ArticleExtraction | None:
        """The article's actors, dates, meetings and claims, read from the cache."""
        pair = self._pair(article_id)
        return pair[1] if pair else None

    def _pair(self, article_id: str | None) -> tuple[Article, ArticleExtraction] | None:
        row = self._rows.get(article_id) if article_id else None
        if row is None:
            return None
        with self._lock:
            pair = self._recent.get(article_id)
            if pair is not None:
                self._recent.move_to_end(article_id)
                return pair
            pair = self._read(row)
            self._recent[article_id] = pair
            if len(self._recent) > RECENT:
                self._recent.popitem(last=False)
            return pair

    def _read(self, row: _Row) -> tuple[Article, ArticleExtraction]:
        try:
            found = self._cache.article_row(
                row.rowid, row.content_hash, self._config, self._version, self.year
            )
        except (CacheCorrupt, CacheUnavailable):
            found = None
        if found is not None:
            text, article, extraction = found
            return decode_article(text, article, str(row.entry.path)), decode_extraction(extraction)
        # The row is gone or was replaced (another natotui with another config): work it out
        # again from the file, which is what the row was made from.
        if self._worker is None:
            self._worker = Worker(self._loaded)
        record = self._worker.extract(row.entry.task, self.year)
        if record.status != "article":
            summary = self._by_id[row.article_id]
            gone = Article(summary.id, summary.path, "", title=summary.title,
                           warnings=[f"cannot be read any more: {record.reason}"])
            return gone, ArticleExtraction(summary.id, [], [], [], [])
        return decode_record(record, str(row.entry.path))

    # --- search -------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 50, live: bool = False) -> list[SearchHit]:
        """The best `limit` matches, ranked (see `search.py` for what a query can say)."""
        try:
            return self._index.search(query, limit, live)
        except (CacheCorrupt, CacheUnavailable):
            return []

    def matching_ids(self, query: str, live: bool = False) -> set[str]:
        """Every article that matches `query`, unranked: for filtering the list."""
        try:
            return self._index.matching_ids(query, live)
        except (CacheCorrupt, CacheUnavailable):
            return set()

    # --- everything ---------------------------------------------------------------------------

    def corpus(self) -> Corpus:
        """The whole corpus in memory (exports, small corpora)."""
        articles, extractions = [], {}
        for summary in self.articles:
            pair = self._pair(summary.id)
            if pair is not None:
                articles.append(pair[0])
                extractions[summary.id] = pair[1]
        return Corpus(
            articles, extractions, self.actors, self.meetings, self.conflicts, list(self.warnings)
        )

    def close(self) -> None:
        with self._lock:
            self._cache.close()
            self._recent.clear()


def _hash(found: dict, key: tuple[str, str]) -> str | None:
    summary = found.get(key)
    return summary.content_hash if summary is not None else None


def _relink(
    cache: Cache,
    ingested: Ingested,
    articles: list[ArticleSummary],
    rows: dict[str, _Row],
    runner: Runner,
) -> tuple[list[CorpusActor], list[Meeting], list[Conflict]]:
    """Link the corpus from the light per-article payloads (no text, dates or mentions)."""
    by_key = {row.entry.key: (article_id, row) for article_id, row in rows.items()}
    extractions: dict[str, ArticleExtraction] = {}
    keys = (ingested.roots, ingested.config, ingested.version, ingested.year)
    for key, content_hash, link in cache.links(*keys):
        found = by_key.get(key)
        if found is not None and found[1].content_hash == content_hash:
            extractions[found[0]] = decode_link(found[0], link)
    # Linking reads only the ids of the articles.
    shells = [Article(a.id, a.path, "") for a in articles if a.id in extractions]
    corpus = link_corpus(shells, extractions, runner.local.extractor, [])
    return corpus.actors, corpus.meetings, corpus.conflicts
