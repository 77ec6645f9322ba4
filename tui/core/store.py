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

Opening a large corpus means listing and stat-ing every file and reading a row per file (about
3 seconds at 100,000 articles). So each open also writes a *list snapshot* beside the cache
(what `articles` holds, in one file): `Store.from_snapshot` opens from it in a fraction
of that, and the caller checks it against the files afterwards (`Store.open(expected=...)`,
which returns the snapshot's store itself when nothing changed, without a second list).

The snapshot is laid out so that the first screenful costs the same at 100,000 articles as at
five: a head (the ids newest first, counts, the dates) and then the rows in that order, in pages
of `PAGE_ROWS` that are read and decoded one at a time as they are asked for (`_Pages`). The
whole list (`articles`) is decoded when something wants it, or by `materialise()`, which the
dashboard calls once the first screen is painted.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import Cache, CacheCorrupt, CacheUnavailable, parse_list
from .code_version import code_version
from .config import LoadedConfig
from .corpus_view import date_sort_key
from .models import Article, ArticleExtraction, Conflict, Corpus, CorpusActor, Meeting
from .paths import root_key
from .payloads import (
    bulk,
    decode_article,
    decode_extraction,
    decode_link,
    decode_linked,
    decode_record,
    encode_linked,
    share_ids,
)
from .progress import Progress, ProgressCallback, StageCallback

# Extraction and linking (the pipeline) are imported when a store opens or links, not for
# opening from a list snapshot: a warm start paints without them.
if TYPE_CHECKING:
    from .parallel import Runner, Worker
    from .pipeline import Ingested
    from .search import SearchHit, SearchIndex

RECENT = 64  # articles kept decoded, for moving back and forth in the list
# 2: repeated titles, dates and author lists written once (marshal shares identical objects).
# 3: a head, then the rows newest first in pages decoded as they are shown (see `_Pages`).
SNAPSHOT_FORMAT = 3
READS_FORMATS = (1, 2, 3)  # an older snapshot is shown, then written again once it is confirmed
SNAPSHOT_DIR = "lists"  # beside the cache file
SNAPSHOT_MAGIC = b"natotui list\n"  # format 3 on; a format 1 or 2 file is one marshal tuple
PAGE_ROWS = 256  # rows of the list per page of a snapshot: a screenful decodes one or two


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
    rowid: int
    content_hash: str | None
    base: str  # the folder ids are relative to (one string shared by the rows of a root)


class Store:
    """The corpus for the dashboard. Open with `Store.open`, close when replaced."""

    def __init__(
        self,
        cache: Cache,
        loaded: LoadedConfig,
        opened: _Opened,
        articles: list[ArticleSummary] | None,
        rows: dict[str, _Row] | None,
        warnings: list[str],
        pages: _Pages | None = None,
    ) -> None:
        """`articles` and `rows`, or (from a snapshot) `pages` that hold them until asked."""
        self.actors: list[CorpusActor] = []
        self.meetings: list[Meeting] = []
        self.conflicts: list[Conflict] = []
        self.linked = False  # actors, meetings and conflicts are there (see `link`)
        self.warnings = warnings  # cache notices and skipped files, as `Corpus.warnings`
        self.year = opened.year
        self.extracted = opened.extracted  # articles extracted while opening
        self.from_snapshot = opened.extracted < 0  # opened from the list snapshot, unchecked
        self._snapshot_format = SNAPSHOT_FORMAT  # of the snapshot it was opened from
        self._cache = cache
        self._loaded = loaded
        self._opened = opened
        self._roots = opened.roots
        self._config, self._version = opened.config, opened.version
        self._corpus_key, self._state = opened.corpus_key, opened.state
        self._complete = opened.complete
        self._newest_first: list[str] | None = None
        self._lock = threading.RLock()
        self._recent: OrderedDict[str, tuple[Article, ArticleExtraction]] = OrderedDict()
        self._worker: Worker | None = None
        self.summaries = _Summaries(self)  # by id, without decoding the whole snapshot
        # Set once the whole list is decoded (at once unless opened from `pages`).
        self._articles: list[ArticleSummary] = []
        self._rows: dict[str, _Row] = {}
        self._by_id: dict[str, ArticleSummary] = {}
        self._search_index: SearchIndex | None = None
        self._pages = pages
        self._materialising = threading.Lock()
        if pages is None:
            assert articles is not None and rows is not None
            self._set_list(articles, rows)
        else:
            self._newest_first = pages.ids

    def _set_list(self, articles: list[ArticleSummary], rows: dict[str, _Row]) -> None:
        # Imported here: a warm start opens a paged snapshot, whose list (and search index)
        # is only set after the first paint.
        from .search import SearchIndex

        self._by_id = {a.id: a for a in articles}
        self._rows = rows
        self._articles = articles
        self._search_index = SearchIndex(
            self._cache, {r.rowid: i for i, r in rows.items()}, self._lock
        )

    @property
    def articles(self) -> list[ArticleSummary]:
        """One summary per article, in corpus order (decodes the whole snapshot if need be)."""
        if self._pages is not None:
            self.materialise()
        return self._articles

    def materialise(self) -> None:
        """Decode the whole list snapshot now (a large one: call it after the first paint).
        Reading by id works meanwhile, from the pages, in any thread."""
        with self._materialising:
            pages = self._pages
            if pages is None:
                return
            with bulk():
                articles, rows = pages.everything()
            self._set_list(articles, rows)
            self._pages = None  # after the dicts are there: readers switch to them

    @property
    def _index(self) -> SearchIndex:
        if self._pages is not None:
            self.materialise()
        assert self._search_index is not None
        return self._search_index

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
        link: bool = True,
        expected: Store | None = None,
    ) -> Store:
        """Load the corpus under `paths` through the cache (see `pipeline.build_corpus`).

        With `link=False` the store opens as soon as the articles are listed, without actors,
        meetings and conflicts; `link()` (in a worker thread) adds them later. On a warm start
        with nothing changed the linked corpus is cached and `link=True` costs little.

        `expected` (a store opened from the list snapshot): when the files are as it lists them
        (`same_as` the store this would open), it is returned itself, compared row by row with
        the cache without building a second list of every article.
        """
        from .parallel import Runner
        from .pipeline import ingest, with_cache
        from .processes import start_resource_tracker

        if threading.current_thread() is not threading.main_thread():
            # The dashboard loads in a thread, so a pool spawns its workers (see `processes`).
            start_resource_tracker()

        with Progress(on_progress, on_stage, bar=progress) as reporter:

            def work(cache: Cache, notices: list[str]) -> Store:
                with Runner(loaded, jobs, notices) as runner:
                    # Checking a snapshot, the rows' summaries are compared as they are read.
                    summaries = expected is None
                    ingested = ingest(paths, loaded, cache, runner, reporter, summaries)
                    if expected is not None and expected._lists(cache, ingested, notices):
                        cache.close()
                        store = expected
                        if store._snapshot_format != SNAPSHOT_FORMAT:
                            store._write_snapshot(paths)
                    else:
                        with bulk():
                            store = cls._build(cache, loaded, ingested, runner, notices)
                        store._write_snapshot(paths)
                if link:
                    store.link()
                return store

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
        found = {}
        for key in expected:  # warm: what the list shows was read with the rows
            row = ingested.rows.get(key)
            if (
                key not in ingested.written
                and row is not None
                and row.summary is not None
                and row.extracted
                and row.year == ingested.year
            ):
                found[key] = row.summary
        if len(found) < len(expected):
            found.update((s.key, s) for s in cache.summaries(*keys) if s.key in expected)
        stale = [e for e in expected.values() if _hash(found, e.key) != e.content_hash]
        if stale:  # rows changed under us (another natotui, another config): redo them here
            records = [runner.local.extract(e.task, ingested.year) for e in stale]
            cache.put([r for r in records if r.content_hash], *keys[1:3], 0)
            cache.commit()
            found.update((s.key, s) for s in cache.summaries(*keys) if s.key in expected)

        strings: dict[str, str] = {}
        lists: dict[str | None, tuple[str, ...]] = {None: ()}

        def same(value: str | None) -> str | None:
            return None if value is None else strings.setdefault(value, value)

        def listed(raw: str | None) -> tuple[str, ...]:
            parsed = lists.get(raw)
            if parsed is None:
                parsed = lists[raw] = tuple(same(v) for v in parse_list(raw))
            return parsed

        articles, rows = [], {}
        for entry in ingested.articles:
            summary = found.get(entry.key)
            if summary is None or summary.content_hash != entry.content_hash:
                continue  # vanished again: leave it out rather than show stale data
            article = ArticleSummary(
                summary.article_id,
                same(summary.title),
                same(summary.published),
                sys.intern(summary.published_basis),
                listed(summary.authors),
                same(summary.outlet),
                entry.path,
                listed(summary.warnings),
            )
            articles.append(article)
            rows[article.id] = _Row(summary.rowid, summary.content_hash, same(entry.base))
        warnings = [*notices, *ingested.warnings]
        opened = _Opened(
            ingested.year,
            ingested.extracted,
            tuple(ingested.roots),
            ingested.config,
            ingested.version,
            ingested.corpus_key,
            ingested.state,
            len(articles) == len(ingested.articles),
        )
        return cls(cache, loaded, opened, articles, rows, warnings)

    # --- the list snapshot --------------------------------------------------------------------

    @classmethod
    def from_snapshot(cls, paths: list[Path], loaded: LoadedConfig) -> Store | None:
        """The store as the last `open` of these paths left it, without looking at the files;
        None when there is no snapshot for this config and code. Check it with `open`."""
        try:
            cache, notices = Cache.open()
        except (CacheCorrupt, CacheUnavailable, OSError):
            return None
        if notices or not cache.persistent:
            cache.close()
            return None
        handle = None
        try:
            handle = open(_snapshot_path(cache, paths), "rb")  # noqa: SIM115 (kept by _Pages)
            magic = handle.read(len(SNAPSHOT_MAGIC))
            if magic == SNAPSHOT_MAGIC:
                store = cls._from_pages(cache, loaded, handle)
                if store is not None:
                    handle = None  # the store's pages read from it
            else:
                # One read, then loads: marshal.load on a file is five times slower.
                with bulk():
                    data = marshal.loads(magic + handle.read())
                store = cls._from_snapshot_data(cache, loaded, data)
        except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
            store = None
        finally:
            if handle is not None:
                handle.close()
        if store is None:
            cache.close()
        return store

    @classmethod
    def _from_pages(cls, cache: Cache, loaded: LoadedConfig, handle) -> Store | None:
        """A format-3 snapshot: only its head is read here (see `_Pages`)."""
        length = int.from_bytes(handle.read(8), "little")
        head = marshal.loads(handle.read(length))
        if head[0] != SNAPSHOT_FORMAT or head[1] != loaded.digest or head[2] != code_version():
            return None
        _format, config, version, year, roots, corpus_key, state, complete = head[:8]
        warnings, ids, ends, article_warnings, dates = head[8:13]
        if len(ends) != -(-len(ids) // PAGE_ROWS):
            return None
        pages = _Pages(handle, handle.tell(), ids, ends, article_warnings, dates)
        opened = _Opened(year, -1, tuple(roots), config, version, corpus_key, state, bool(complete))
        return cls(cache, loaded, opened, None, None, list(warnings), pages)

    @classmethod
    def _from_snapshot_data(cls, cache: Cache, loaded: LoadedConfig, data) -> Store | None:
        head, table, warnings = data
        if head[0] not in READS_FORMATS or head[1] != loaded.digest or head[2] != code_version():
            return None
        _format, config, version, year, roots, corpus_key, state, complete = head[:8]
        articles, rows = [], {}
        # Dates, titles (syndicated copies), outlets and author lists repeat: one object each.
        strings: dict[str, str] = {}
        lists: dict[tuple[str, ...], tuple[str, ...]] = {}
        same, listed = strings.setdefault, lists.setdefault
        with bulk():
            for record in table:
                article_id, title, published, basis, authors, outlet, path, notes = record[:8]
                authors, notes = tuple(authors), tuple(notes)
                article = ArticleSummary(
                    article_id,
                    title if title is None else same(title, title),
                    published if published is None else same(published, published),
                    sys.intern(basis),
                    listed(authors, authors),
                    outlet if outlet is None else same(outlet, outlet),
                    path,
                    listed(notes, notes),
                )
                articles.append(article)
                rows[article_id] = _Row(record[8], record[9], record[10])
        opened = _Opened(year, -1, tuple(roots), config, version, corpus_key, state, bool(complete))
        store = cls(cache, loaded, opened, articles, rows, list(warnings))
        store._snapshot_format = head[0]
        if len(head) > 8 and len(head[8]) == len(articles):
            store._newest_first = [articles[i].id for i in head[8]]
        return store

    def _write_snapshot(self, paths: list[Path]) -> None:
        """Best effort: without a snapshot the next start is only slower."""
        if not self._cache.persistent:
            return
        self.materialise()
        o = self._opened
        ids = self.newest_first()
        position = {article_id: i for i, article_id in enumerate(ids)}
        pages, ends, size = [], [], 0
        for start in range(0, len(ids), PAGE_ROWS):
            records = []
            for article_id in ids[start : start + PAGE_ROWS]:
                a, row = self._by_id[article_id], self._rows[article_id]
                records.append(
                    (
                        a.title,
                        a.published,
                        a.published_basis,
                        a.authors,  # tuples, shared: marshal writes a repeated one once
                        a.outlet,
                        a.path,
                        a.warnings,
                        row.rowid,
                        row.content_hash,
                        row.base,
                    )
                )
            pages.append(marshal.dumps(records))
            size += len(pages[-1])
            ends.append(size)
        # Cache notices ("rebuilt", "locked") belong to this open, not to the next one.
        warnings = [w for w in self.warnings if not w.startswith("cache:")]
        head = marshal.dumps(
            (
                SNAPSHOT_FORMAT,
                o.config,
                o.version,
                o.year,
                list(o.roots),
                o.corpus_key,
                o.state,
                o.complete,
                warnings,
                ids,
                ends,
                self.article_warning_count(),
                self.published_values(),
            )
        )
        # After the pages: where each article of the corpus order is among them.
        pages.append(marshal.dumps([position[a.id] for a in self.articles]))
        path = _snapshot_path(self._cache, paths)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(temporary, "wb") as handle:
                handle.write(SNAPSHOT_MAGIC + len(head).to_bytes(8, "little") + head)
                handle.writelines(pages)
            os.replace(temporary, path)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def article_warning_count(self) -> int:
        """How many load warnings the articles have, all together."""
        pages = self._pages
        if pages is not None:
            return pages.article_warnings
        return sum(len(a.warnings) for a in self._articles)

    def published_values(self) -> list[str | None]:
        """Every distinct publication date of the articles (None too, if one has none)."""
        pages = self._pages
        if pages is not None:
            return pages.dates
        return list(dict.fromkeys(a.published for a in self._articles))

    def newest_first(self) -> list[str]:
        """The article ids by date, newest first, undated last (as the list shows them)."""
        if self._newest_first is None:
            order = {a.id: i for i, a in enumerate(self.articles)}
            self._newest_first = [
                a.id
                for a in sorted(self.articles, key=lambda a: date_sort_key(a, order[a.id], True))
            ]
        return self._newest_first

    def same_as(self, other: Store) -> bool:
        """Both list the same articles, rows and warnings from the same files, config and code
        (a snapshot that `open` confirmed)."""
        self.materialise()
        other.materialise()
        return (
            self._state == other._state
            and self._corpus_key == other._corpus_key
            and self.year == other.year
            and self.warnings == other.warnings
            and self.articles == other.articles
            and self._rows == other._rows
        )

    def _lists(self, cache: Cache, ingested: Ingested, notices: list[str]) -> bool:
        """`same_as` the store `_build` would make of `ingested`, without making it: the rows'
        summaries are read one at a time and compared with this store's articles. False when
        anything differs, or might (`_build` then does what it always did)."""
        try:
            self.materialise()
        except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
            return False  # a damaged snapshot: the store is built again from the cache
        entries = ingested.articles
        if (
            self._state != ingested.state
            or self._corpus_key != ingested.corpus_key
            or self.year != ingested.year
            or self.warnings != [*notices, *ingested.warnings]
            or len(entries) != len(self.articles)
            or len(self._rows) != len(self.articles)
        ):
            return False
        position: dict[tuple[str, str], int] = {}
        for i, (entry, article) in enumerate(zip(entries, self.articles, strict=True)):
            row = self._rows[article.id]
            if (
                entry.path != article.path
                or entry.base != row.base
                or entry.content_hash != row.content_hash
            ):
                return False
            position[entry.key] = i
        keys = (ingested.roots, ingested.config, ingested.version, ingested.year)
        matched = bytearray(len(self.articles))
        try:
            for summary in cache.summaries(*keys):
                i = position.get(summary.key)
                if i is None:
                    continue
                article = self.articles[i]
                if (
                    summary.content_hash != self._rows[article.id].content_hash
                    or summary.rowid != self._rows[article.id].rowid
                    or summary.article_id != article.id
                    or summary.title != article.title
                    or summary.published != article.published
                    or summary.published_basis != article.published_basis
                    or summary.outlet != article.outlet
                    or tuple(parse_list(summary.authors)) != article.authors
                    or tuple(parse_list(summary.warnings)) != article.warnings
                ):
                    return False
                matched[i] = 1
        except (CacheCorrupt, CacheUnavailable):
            return False
        return all(matched)

    def link(self) -> None:
        """Fill `actors`, `meetings` and `conflicts`: the cached linked corpus when it is the
        one of these extractions, otherwise linked now from the light per-article payloads
        (slow on a large corpus; safe in a worker thread, reading articles meanwhile works)."""
        with bulk():
            self._link()

    def link_from_cache(self) -> bool:
        """Fill `actors`, `meetings` and `conflicts` from the cache if the linked corpus of
        exactly these extractions is there (cheap); False when `link()` has work to do."""
        if self.linked:
            return True
        if not self._complete:
            return False
        with self._lock:
            try:
                linked = self._cache.linked(self._corpus_key, self._state)
            except (CacheCorrupt, CacheUnavailable):
                linked = None
        if linked is None:
            return False
        with bulk():
            ids = {a.id: a.id for a in self.articles}
            self.actors, self.meetings, self.conflicts = decode_linked(linked, ids)
        self.linked = True
        return True

    def _link(self) -> None:
        if self.link_from_cache():
            return
        from .linking import link_corpus

        ids = {a.id: a.id for a in self.articles}
        with self._lock:
            extractions = self._light_extractions()
        shells = [Article(a.id, a.path, "") for a in self.articles if a.id in extractions]
        corpus = link_corpus(shells, extractions, self._extractor(), [])
        del extractions, shells
        share_ids(ids, corpus.actors, corpus.meetings, corpus.conflicts)
        if self._complete:
            with self._lock:
                try:
                    self._cache.put_linked(
                        self._corpus_key, self._roots, self._state, encode_linked(corpus)
                    )
                    self._cache.commit()
                except (CacheCorrupt, CacheUnavailable):
                    pass  # linked again next time
        self.actors, self.meetings, self.conflicts = (
            corpus.actors,
            corpus.meetings,
            corpus.conflicts,
        )
        self.linked = True

    def _light_extractions(self) -> dict[str, ArticleExtraction]:
        """What linking reads of each article; those whose row is gone are read from the file."""
        self.materialise()
        by_rowid = {row.rowid: (article_id, row) for article_id, row in self._rows.items()}
        extractions: dict[str, ArticleExtraction] = {}
        keys = (self._roots, self._config, self._version, self.year)
        try:
            for rowid, _key, content_hash, link in self._cache.links(*keys):
                found = by_rowid.get(rowid)
                if found is not None and found[1].content_hash == content_hash:
                    extractions[found[0]] = decode_link(found[0], link)
        except (CacheCorrupt, CacheUnavailable):
            pass
        for summary in self.articles:
            if summary.id not in extractions:
                extractions[summary.id] = self._pair(summary.id)[1]
        return extractions

    def _extractor(self):
        if self._worker is None:
            from .parallel import Worker

            self._worker = Worker(self._loaded)
        return self._worker.extractor

    # --- reading ------------------------------------------------------------------------------

    def __len__(self) -> int:
        pages = self._pages
        return len(pages.ids) if pages is not None else len(self._articles)

    def __contains__(self, article_id: object) -> bool:
        pages = self._pages
        if pages is not None:
            return isinstance(article_id, str) and pages.position(article_id) is not None
        return article_id in self._by_id

    def summary(self, article_id: str | None) -> ArticleSummary | None:
        if not article_id:
            return None
        pages = self._pages
        if pages is not None:
            found = pages.get(article_id)
            return found[0] if found is not None else None
        return self._by_id.get(article_id)

    def _row(self, article_id: str) -> tuple[ArticleSummary, _Row] | None:
        pages = self._pages
        if pages is not None:
            return pages.get(article_id)
        row = self._rows.get(article_id)
        return (self._by_id[article_id], row) if row is not None else None

    def article(self, article_id: str | None) -> Article | None:
        """The article with its clean text, read from the cache."""
        pair = self._pair(article_id)
        return pair[0] if pair else None

    def extraction(self, article_id: str | None) -> ArticleExtraction | None:
        """The article's actors, dates, meetings and claims, read from the cache."""
        pair = self._pair(article_id)
        return pair[1] if pair else None

    def _pair(self, article_id: str | None) -> tuple[Article, ArticleExtraction] | None:
        found = self._row(article_id) if article_id else None
        if found is None:
            return None
        with self._lock:
            pair = self._recent.get(article_id)
            if pair is not None:
                self._recent.move_to_end(article_id)
                return pair
            pair = self._read(*found)
            self._recent[article_id] = pair
            if len(self._recent) > RECENT:
                self._recent.popitem(last=False)
            return pair

    def _read(self, summary: ArticleSummary, row: _Row) -> tuple[Article, ArticleExtraction]:
        try:
            found = self._cache.article_row(
                row.rowid, row.content_hash, self._config, self._version, self.year
            )
        except (CacheCorrupt, CacheUnavailable):
            found = None
        if found is not None:
            text, article, extraction = found
            return decode_article(text, article, summary.path), decode_extraction(extraction)
        # The row is gone or was replaced (another natotui with another config): work it out
        # again from the file, which is what the row was made from.
        from .parallel import FileTask

        self._extractor()
        assert self._worker is not None
        task = FileTask((row.base, os.path.abspath(summary.path)), summary.path, row.base)
        record = self._worker.extract(task, self.year)
        if record.status != "article":
            gone = Article(
                summary.id,
                summary.path,
                "",
                title=summary.title,
                warnings=[f"cannot be read any more: {record.reason}"],
            )
            return gone, ArticleExtraction(summary.id, [], [], [], [])
        return decode_record(record, summary.path)

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
        pages = self._pages
        if pages is not None:
            pages.close()


@dataclass(frozen=True, slots=True)
class _Opened:
    """What a store knows of how it was opened (from `Ingested`, or from a snapshot)."""

    year: int | None
    extracted: int  # articles extracted while opening; -1: opened from a snapshot
    roots: tuple[str, ...]
    config: str
    version: str
    corpus_key: str
    state: str
    complete: bool  # every listed file has its row


def _snapshot_path(cache: Cache, paths: list[Path]) -> Path:
    assert cache.path is not None
    roots = "\0".join(dict.fromkeys(root_key(Path(p)) for p in paths))
    name = hashlib.blake2b(roots.encode(), digest_size=10).hexdigest()
    return Path(cache.path).parent / SNAPSHOT_DIR / f"{name}.marshal"


def _hash(found: dict, key: tuple[str, str]) -> str | None:
    summary = found.get(key)
    return summary.content_hash if summary is not None else None


class _Summaries(Mapping):
    """A store's summaries by id, as a mapping (for `CorpusView.articles`): looking one up
    does not decode the whole list snapshot; iterating does (corpus order)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def __getitem__(self, article_id: str) -> ArticleSummary:
        found = self._store.summary(article_id)
        if found is None:
            raise KeyError(article_id)
        return found

    def get(self, article_id, default=None):
        found = self._store.summary(article_id)
        return default if found is None else found

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._store

    def __len__(self) -> int:
        return len(self._store)

    def __iter__(self) -> Iterator[str]:
        return (a.id for a in self._store.articles)


class _Pages:
    """The rows of a format-3 list snapshot, read and decoded a page at a time.

    The file holds the head (read by `Store._from_pages`: `ids` newest first, the end of each
    page, counts), then the pages: each is the marshal of `PAGE_ROWS` rows newest first,
    without their ids; last, where each article of the corpus order is among them. Looking up
    an id indexes the ids once (about 10 ms at 100,000) unless it is on a page already decoded
    or among the first rows. Safe in any thread: a page decoded twice at once is decoded the
    same.
    """

    def __init__(
        self,
        handle,
        body: int,
        ids: list[str],
        ends: list[int],
        article_warnings: int,
        dates: list[str | None],
    ) -> None:
        self.ids, self.article_warnings, self.dates = ids, article_warnings, dates
        self._handle, self._body, self._ends = handle, body, ends
        self._read_lock = threading.Lock()
        self._decoded: dict[int, list[tuple[ArticleSummary, _Row]]] = {}
        self._seen: dict[str, int] = {}  # the ids of the pages decoded so far
        self._position: dict[str, int] | None = None
        self._everything: list[tuple[ArticleSummary, _Row]] | None = None

    def position(self, article_id: str) -> int | None:
        """Where `article_id` is in `ids` (None: not listed)."""
        found = self._seen.get(article_id)
        if found is not None:
            return found
        if self._position is None:
            # Before the first screenful is decoded, the article looked for (the one read
            # last) is most often near the top.
            with contextlib.suppress(ValueError):
                return self.ids.index(article_id, 0, PAGE_ROWS)
            self._position = {a: i for i, a in enumerate(self.ids)}
        return self._position.get(article_id)

    def get(self, article_id: str) -> tuple[ArticleSummary, _Row] | None:
        at = self.position(article_id)
        if at is None:
            return None
        page = self._decoded.get(at // PAGE_ROWS)
        if page is None:
            page = self._decode(at // PAGE_ROWS)
        return page[at % PAGE_ROWS]

    def _decode(self, number: int) -> list[tuple[ArticleSummary, _Row]]:
        start = self._ends[number - 1] if number else 0
        first = number * PAGE_ROWS
        with self._read_lock:
            if self._everything is not None:  # decoded and closed meanwhile, in another thread
                return self._everything[first : first + PAGE_ROWS]
            self._handle.seek(self._body + start)
            blob = self._handle.read(self._ends[number] - start)
        page = [
            _decoded(self.ids[first + i], record, None, None)
            for i, record in enumerate(marshal.loads(blob))
        ]
        self._decoded[number] = page
        self._seen.update((self.ids[first + i], first + i) for i in range(len(page)))
        return page

    def everything(self) -> tuple[list[ArticleSummary], dict[str, _Row]]:
        """Every article in corpus order and every row, as `Store._build` makes them; the
        file is closed after."""
        with self._read_lock:
            self._handle.seek(self._body)
            body = self._handle.read()
        # Dates, titles (syndicated copies), outlets and author lists repeat: one object each.
        strings: dict[str, str] = {}
        lists: dict[tuple[str, ...], tuple[str, ...]] = {}
        newest: list[tuple[ArticleSummary, _Row]] = []
        view, start = memoryview(body), 0
        for end in self._ends:
            first = len(newest)
            records = marshal.loads(view[start:end])
            newest.extend(
                _decoded(self.ids[first + i], record, strings, lists)
                for i, record in enumerate(records)
            )
            start = end
        if len(newest) != len(self.ids):
            raise ValueError("list snapshot: pages and ids differ")
        with self._read_lock:
            self._everything = newest
            self._handle.close()
        articles, rows = [], {}
        file_order = marshal.loads(view[start:])
        if len(file_order) != len(newest):
            raise ValueError("list snapshot: pages and corpus order differ")
        for at in file_order:
            summary, row = newest[at]
            articles.append(summary)
            rows[summary.id] = row
        return articles, rows

    def close(self) -> None:
        with self._read_lock:
            self._handle.close()


def _decoded(article_id: str, record, strings, lists) -> tuple[ArticleSummary, _Row]:
    """A page's row as a summary and a row; with `strings` and `lists`, repeated values are
    shared across pages (one object each)."""
    title, published, basis, authors, outlet, path, notes, rowid, content_hash, base = record
    if strings is not None:
        same, listed = strings.setdefault, lists.setdefault
        title = title if title is None else same(title, title)
        published = published if published is None else same(published, published)
        outlet = outlet if outlet is None else same(outlet, outlet)
        authors, notes = listed(authors, authors), listed(notes, notes)
        base = same(base, base)
    summary = ArticleSummary(
        article_id, title, published, sys.intern(basis), authors, outlet, path, notes
    )
    return summary, _Row(rowid, content_hash, base)
