"""From files to a linked `Corpus`: load, extract each article, link across the corpus.

`Extractor.extract` is pure (article + compiled rules + corpus year -> extraction), so it runs in
any process and its result is cached by content hash (`cache.py`). A load goes:

1. scan: list the files and stat them;
2. read: files whose mtime or size changed since the cache saw them are read and hashed; an
   unchanged hash keeps the cached row, otherwise the file is cleaned to learn its date;
3. the corpus year (the fallback year of dates written without one) from every article's date;
4. extract: articles that are new, changed, or were extracted with another corpus year, in
   worker processes when there are many (`parallel.py`); the parent writes the rows;
5. link across the corpus, or take the linked result cached for exactly these extractions.

`build_corpus` returns everything in memory (the CLI, small corpora); `store.Store` keeps only
what the dashboard lists in memory and reads the rest from the cache by id.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .cache import (
    Cache,
    CacheCorrupt,
    CachedFile,
    CacheUnavailable,
    Key,
    Record,
    digest_of,
    remove_files,
)
from .code_version import code_version
from .config import LoadedConfig
from .extraction import Extractor
from .linking import link_corpus
from .loading import ARTICLE_SUFFIXES
from .models import Article, ArticleExtraction, Corpus
from .parallel import FileTask, Runner, file_state
from .paths import root_key
from .payloads import (
    bulk,
    decode_article,
    decode_extraction,
    decode_linked,
    decode_record,
    encode_linked,
)
from .progress import Progress, ProgressCallback, StageCallback

T = TypeVar("T")

# A file modified this close to the moment the cache looked at it may have changed again within
# the same mtime tick: it is hashed again next time rather than trusted ("racy git").
RACY_NS = 2_000_000_000
WRITE_BATCH = 64


def corpus_year(articles: list[Article]) -> int | None:
    """The year most articles were published in: the fallback for dates written without one."""
    return year_of(a.published for a in articles)


def year_of(published: Iterable[str | None]) -> int | None:
    """The most common year of ISO dates; ties go to the later year (file order does not count)."""
    years = Counter(p[:4] for p in published if p)
    if not years:
        return None
    return int(max(years.items(), key=lambda item: (item[1], item[0]))[0])


def extract_all(
    articles: list[Article],
    extractor: Extractor,
    on_progress: ProgressCallback | None = None,
) -> dict[str, ArticleExtraction]:
    """Extract every article in this process (no cache)."""
    year = corpus_year(articles)
    results: dict[str, ArticleExtraction] = {}
    for done, article in enumerate(articles, 1):
        results[article.id] = extractor.extract(article, year)
        if on_progress:
            on_progress(done, len(articles))
    return results


# --- ingest --------------------------------------------------------------------------------------


@dataclass(slots=True)
class Entry:
    """A file of the corpus and what this load learnt about it."""

    key: Key
    path: str  # as listed (Article.path)
    base: str  # the folder article ids are relative to
    state: tuple[int, int] | None  # (mtime_ns, size) at scan time
    content_hash: str | None = None
    status: str = "new"  # "article" | "skipped"
    reason: str | None = None
    published: str | None = None
    current: bool = False  # the cached row holds this content under this config and version

    @property
    def task(self) -> FileTask:
        return FileTask(self.key, self.path, self.base)

    @property
    def warning(self) -> str:
        return f"{self.path}: skipped, {self.reason}"


@dataclass
class Ingested:
    """The corpus after `ingest`: every article's rows in the cache are current."""

    entries: list[Entry]
    roots: list[str]
    year: int | None
    corpus_key: str  # the roots under this config and code
    state: str  # what linking depends on: article files, their content, the corpus year
    config: str
    version: str
    read: int  # files read in this load
    extracted: int  # articles extracted in this load
    rows: dict[Key, CachedFile]  # the cache rows as they were before this load
    written: set[Key]  # rows (re)written by this load

    @property
    def articles(self) -> list[Entry]:
        return [e for e in self.entries if e.status == "article"]

    @property
    def warnings(self) -> list[str]:
        return [e.warning for e in self.entries if e.status == "skipped"]


def scan(paths: list[Path]) -> list[Entry]:
    """Every article file under `paths`, in `loading.iter_files` order, with its mtime and size.

    The same files in the same order as `loading.find_article_files`, listed with `os.scandir`
    rather than `Path.rglob` (ten times faster on 100k files: a warm start is mostly this).
    """
    entries = []
    for root in paths:
        root = Path(root)
        if not root.exists():
            raise FileNotFoundError(f"{root}: no such file or directory")
        key = root_key(root)
        if not root.is_dir():
            path = str(root)
            entries.append(Entry((key, key), path, str(root.parent), file_state(path)))
            continue
        base = str(root)
        # Joined by hand: os.path.join costs more than the rest of the listing.
        prefix = "" if base == "." else base.rstrip("/") + "/"
        absolute = key.rstrip("/") + "/"
        for parts in _article_files(base):
            relative = "/".join(parts)
            path = prefix + relative
            entries.append(Entry((key, absolute + relative), path, base, file_state(path)))
    return entries


def _article_files(folder: str) -> list[tuple[str, ...]]:
    """Relative parts of the article files under `folder`, as `find_article_files` picks and
    orders them: no hidden parts, symlinked folders not followed, dangling links kept."""
    found: list[tuple[str, ...]] = []
    pending: list[tuple[str, tuple[str, ...]]] = [(folder, ())]
    while pending:
        directory, parts = pending.pop()
        try:
            listing = os.scandir(directory)
        except OSError:
            continue
        with listing:
            for item in listing:
                if item.name.startswith("."):
                    continue
                try:
                    if item.is_dir(follow_symlinks=False):
                        pending.append((item.path, (*parts, item.name)))
                        continue
                    if os.path.splitext(item.name)[1].lower() not in ARTICLE_SUFFIXES:
                        continue
                    if item.is_file() or (item.is_symlink() and not os.path.exists(item.path)):
                        found.append((*parts, item.name))
                except OSError:
                    continue
    found.sort()
    return found


def _current(row: CachedFile, config: str, version: str) -> bool:
    return row.config == config and row.version == version and row.content_hash is not None


def _unchanged(row: CachedFile, state: tuple[int, int] | None) -> bool:
    if state is None or (row.mtime_ns, row.size) != state or row.seen_ns is None:
        return False
    return row.mtime_ns + RACY_NS < row.seen_ns


def ingest(
    paths: list[Path],
    loaded: LoadedConfig,
    cache: Cache,
    runner: Runner,
    progress: Progress,
    summaries: bool = False,
) -> Ingested:
    """Bring the cache up to date with the files under `paths`; the parent does all the writes.

    `summaries`: also read what the article list shows from the rows (for `store.Store`)."""
    config, version = loaded.digest, code_version()
    seen = time.time_ns()
    entries = scan(paths)
    roots = list(dict.fromkeys(root_key(Path(p)) for p in paths))
    rows = cache.lookup(roots, summaries)
    written: set[Key] = set()

    to_read = []
    for entry in entries:
        row = rows.get(entry.key)
        if row is not None and _current(row, config, version) and _unchanged(row, entry.state):
            _from_row(entry, row)
        else:
            to_read.append(entry)

    by_key = {e.key: e for e in entries}
    touched, skipped = [], []
    progress.stage("reading", len(to_read))
    for done, result in enumerate(runner.read([e.task for e in to_read]), 1):
        entry = by_key[result.key]
        entry.content_hash = result.content_hash
        state = (result.mtime_ns, result.size) if result.mtime_ns is not None else None
        row = rows.get(entry.key)
        if (
            row is not None
            and _current(row, config, version)
            and row.content_hash == result.content_hash
        ):
            _from_row(entry, row)  # touched, not changed
            touched.append((entry.key, result.mtime_ns, result.size, seen))
        else:
            entry.status = "skipped" if result.reason else "article"
            entry.reason, entry.published = result.reason, result.published
            if result.reason and result.content_hash and state:
                written.add(entry.key)
                skipped.append(
                    Record(entry.key, *state, result.content_hash, "skipped", result.reason)
                )
        progress.update(done, len(to_read))
    cache.touch(touched)
    cache.put(skipped, config, version, seen)
    cache.commit()

    year = year_of(e.published for e in entries if e.status == "article")
    to_extract = [
        e
        for e in entries
        if e.status == "article"
        and not (e.current and rows[e.key].extracted and rows[e.key].year == year)
    ]
    progress.stage("extracting", len(to_extract))
    batch: list[Record] = []
    for done, record in enumerate(runner.extract([e.task for e in to_extract], year), 1):
        entry = by_key[record.key]
        entry.status, entry.reason = record.status, record.reason
        entry.content_hash = record.content_hash
        entry.published = record.published
        entry.current = record.content_hash is not None
        if entry.current:
            batch.append(record)
            written.add(record.key)
        if len(batch) >= WRITE_BATCH:
            cache.put(batch, config, version, seen)
            batch = []
            cache.commit_every()
        progress.update(done, len(to_extract))
    cache.put(batch, config, version, seen)

    # Rows of files that are gone, or could not be read this time, are dropped.
    keep = {e.key for e in entries if e.current or (e.status == "skipped" and e.content_hash)}
    cache.delete(key for key in rows if key not in keep)
    cache.commit()

    articles = [e for e in entries if e.status == "article"]
    return Ingested(
        entries=entries,
        roots=roots,
        year=year,
        corpus_key=digest_of("corpus", roots, config, version),
        state=digest_of(year, [(e.key[1], e.content_hash) for e in articles]),
        config=config,
        version=version,
        read=len(to_read),
        extracted=len(to_extract),
        rows=rows,
        written=written,
    )


def _from_row(entry: Entry, row: CachedFile) -> None:
    entry.current = True
    entry.content_hash = row.content_hash
    entry.status, entry.reason, entry.published = row.status, row.reason, row.published


# --- the cache, with recovery --------------------------------------------------------------------


def with_cache(use_cache: bool, work: Callable[[Cache, list[str]], T]) -> T:
    """Run `work(cache, notices)` against the cache; rebuild it or go on without it when it fails.

    `work` must be safe to run again from the start (ingest is). It owns the cache it is given
    when it returns; on failure the cache is closed here.
    """
    if not use_cache:
        return work(Cache.memory(), [])
    cache, notices = Cache.open()
    for attempt in range(2):
        try:
            return work(cache, notices)
        except CacheCorrupt as exc:
            cache.close()
            if not cache.persistent:
                raise
            if attempt == 0 and remove_files(cache.path):
                notices.append(f"cache: {cache.path} was damaged ({exc}); rebuilt")
                cache, more = Cache.open(cache.path)
                notices += more
                continue
            notices.append(f"cache: {cache.path} was damaged ({exc}); running without the cache")
        except CacheUnavailable as exc:
            cache.close()
            if not cache.persistent:
                raise
            notices.append(f"cache: {cache.path} cannot be used ({exc}); running without the cache")
        break
    return work(Cache.memory(), notices)


# --- build_corpus --------------------------------------------------------------------------------


def build_corpus(
    paths: list[Path],
    loaded: LoadedConfig,
    use_cache: bool = True,
    progress: bool = False,
    on_progress: ProgressCallback | None = None,
    jobs: int | None = None,
    on_stage: StageCallback | None = None,
) -> Corpus:
    """Load, extract and link the articles under `paths`, everything in memory.

    `progress` draws a bar on stderr when it is a terminal; `on_progress(done, total)` is called
    during each stage (see `progress.py`); `jobs` is the number of processes (default: CPUs).
    Cache problems are notices in `Corpus.warnings` (starting with "cache:"), never errors.
    """
    with Progress(on_progress, on_stage, bar=progress) as reporter:

        def work(cache: Cache, notices: list[str]) -> Corpus:
            with Runner(loaded, jobs, notices) as runner:
                ingested = ingest(paths, loaded, cache, runner, reporter)
                with bulk():
                    corpus = _assemble(ingested, cache, runner)
            cache.close()
            corpus.warnings = [*notices, *corpus.warnings]
            return corpus

        return with_cache(use_cache, work)


def export_corpus(
    paths: list[Path],
    loaded: LoadedConfig,
    render: Callable[[Corpus], bytes],
    kind: str,
    use_cache: bool = True,
    progress: bool = False,
    jobs: int | None = None,
) -> tuple[bytes, list[str]]:
    """`render(corpus)` of the articles under `paths`, and the corpus warnings (cache notices
    first). The rendered document is kept beside the cache (`export_cache`): when the files, the
    config and the code are as they were, it is returned without assembling the corpus again."""
    from .export_cache import keep_export, read_export

    with Progress(None, None, bar=progress) as reporter:

        def work(cache: Cache, notices: list[str]) -> tuple[bytes, list[str]]:
            with Runner(loaded, jobs, notices) as runner:
                ingested = ingest(paths, loaded, cache, runner, reporter)
                key, state = ingested.corpus_key, ingested.state
                kept = read_export(cache.path, key, state, kind)
                if kept is None:
                    with bulk():
                        corpus = _assemble(ingested, cache, runner)
                        kept = render(corpus), corpus.warnings
                    keep_export(cache.path, key, state, kind, *kept)
            cache.close()
            document, warnings = kept
            return document, [*notices, *warnings]

        return with_cache(use_cache, work)


def _assemble(ingested: Ingested, cache: Cache, runner: Runner) -> Corpus:
    wanted = {e.key: e for e in ingested.articles}
    found: dict[Key, tuple[Article, ArticleExtraction]] = {}
    rows = cache.full(ingested.roots, ingested.config, ingested.version, ingested.year)
    for key, content_hash, text, article, extraction in rows:
        entry = wanted.get(key)
        if entry is not None and entry.content_hash == content_hash:
            found[key] = (
                decode_article(text, article, entry.path),
                decode_extraction(extraction),
            )
    articles, extractions = [], {}
    for entry in ingested.articles:
        pair = found.get(entry.key)
        if pair is None:
            # The row changed under us (another natotui with another config): redo it here.
            record = runner.local.extract(entry.task, ingested.year)
            if record.status != "article":
                continue
            pair = decode_record(record, entry.path)
        articles.append(pair[0])
        extractions[pair[0].id] = pair[1]

    warnings = ingested.warnings
    linked = cache.linked(ingested.corpus_key, ingested.state)
    if linked is not None and len(articles) == len(ingested.articles):
        actors, meetings, conflicts = decode_linked(linked, {a.id: a.id for a in articles})
        return Corpus(articles, extractions, actors, meetings, conflicts, warnings)
    corpus = link_corpus(articles, extractions, runner.local.extractor, warnings)
    cache.put_linked(ingested.corpus_key, ingested.roots, ingested.state, encode_linked(corpus))
    cache.commit()
    return corpus
