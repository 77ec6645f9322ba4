"""Per-file work (read, clean, extract, encode) and the process pool that runs it.

The work on one file depends only on the file, the config and the corpus year, so it runs in
any process. Each worker process loads the config from its path once (the initializer) and
compiles its own `Extractor`; the parent only decides what to do and writes the results into
the cache. Small jobs stay in the parent: starting processes would cost more than it saves.
A single-threaded parent on Linux (the CLI) forks instead, and its workers inherit the
compiled rules.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from .cache import Key, Record
from .cleaning import CleanRules
from .config import LoadedConfig, load_config
from .extraction import Extractor
from .loading import SkippedFile, load_article
from .models import Article
from .payloads import article_payload, extraction_payloads

# Below this many extractions the work stays in-process. A spawned worker needs about a second
# to start (imports, config, compiled rules), the time of 100 to 150 extractions here; a forked
# one starts at once. Reading and cleaning a file costs about a quarter of extracting it.
PARALLEL_MIN = 150
PARALLEL_MIN_FORKED = 50
READ_WEIGHT = 0.25
CHUNK_MAX = 32


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class FileTask:
    """A file of the corpus: its cache key, its path as listed, the folder ids are relative to."""

    key: Key
    path: str
    base: str


@dataclass(slots=True)
class ReadResult:
    """What reading a file tells before extraction: its state, hash, date, or why it is skipped."""

    key: Key
    mtime_ns: int | None
    size: int | None
    content_hash: str | None
    published: str | None
    reason: str | None


def file_state(path: str) -> tuple[int, int] | None:
    """(mtime in ns, size), or None when the file cannot be stat'ed (a dangling link)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def content_hash(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
    except OSError:
        return None


class Worker:
    """The compiled config of one process and the per-file work."""

    def __init__(self, loaded: LoadedConfig) -> None:
        self.loaded = loaded
        self.rules = CleanRules.from_config(loaded.config.cleaning)
        self._extractor: Extractor | None = None

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:  # reading alone does not need the compiled rules
            self._extractor = Extractor.for_config(self.loaded)
        return self._extractor

    def _load(self, task: FileTask) -> tuple[ReadResult, Article | None]:
        # The state is taken before the content: a file changed meanwhile looks changed next time.
        state = file_state(task.path) or (None, None)
        digest = content_hash(task.path)
        try:
            article = load_article(Path(task.path), Path(task.base), self.loaded.config, self.rules)
        except SkippedFile as exc:
            return ReadResult(task.key, *state, digest, None, str(exc)), None
        return ReadResult(task.key, *state, digest, article.published, None), article

    def read(self, task: FileTask) -> ReadResult:
        return self._load(task)[0]

    def extract(self, task: FileTask, year: int | None) -> Record:
        read, article = self._load(task)
        if article is None:
            return Record(
                task.key, read.mtime_ns, read.size, read.content_hash, "skipped", read.reason
            )
        extraction = self.extractor.extract(article, year)
        text, data = article_payload(article)
        full, link = extraction_payloads(extraction)
        return Record(
            task.key,
            read.mtime_ns,
            read.size,
            read.content_hash,
            "article",
            None,
            article.id,
            article.title,
            article.published,
            article.published_basis,
            list(article.authors),
            article.outlet,
            list(article.warnings),
            text,
            data,
            year,
            full,
            link,
        )


def _can_fork() -> bool:
    return sys.platform == "linux" and threading.active_count() == 1


# --- in the worker processes ---------------------------------------------------------------------

_WORKER: Worker | None = None
_INHERITED: Worker | None = None  # the parent's, for forked workers


def _adopt() -> None:
    """A forked worker uses the compiled rules it inherited."""
    global _WORKER
    _WORKER = _INHERITED


def _initialize(config_path: str, digest: str) -> None:
    global _WORKER
    loaded = load_config(Path(config_path))
    if loaded.digest != digest:
        raise RuntimeError(f"{config_path} changed while the corpus was loading")
    _WORKER = Worker(loaded)


def _read_chunk(tasks: list[FileTask]) -> list[ReadResult]:
    assert _WORKER is not None
    return [_WORKER.read(task) for task in tasks]


def _extract_chunk(tasks: list[FileTask], year: int | None) -> list[Record]:
    assert _WORKER is not None
    return [_WORKER.extract(task, year) for task in tasks]


# --- in the parent -------------------------------------------------------------------------------


class Runner:
    """Reads and extracts files, in `jobs` processes when there is enough work.

    Results come back as they are done, not in order. If the pool fails (a worker killed, the
    config changed on disk), the rest of the work is done in-process and a notice says so.
    """

    def __init__(self, loaded: LoadedConfig, jobs: int | None, notices: list[str]) -> None:
        self.loaded = loaded
        self.jobs = default_jobs() if jobs is None else max(1, jobs)
        self.notices = notices
        self._local: Worker | None = None
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def local(self) -> Worker:
        if self._local is None:
            self._local = Worker(self.loaded)
        return self._local

    def read(self, tasks: list[FileTask]) -> Iterator[ReadResult]:
        parallel = self._parallel(len(tasks) * READ_WEIGHT)
        return self._map(tasks, parallel, _read_chunk, lambda task: self.local.read(task))

    def extract(self, tasks: list[FileTask], year: int | None) -> Iterator[Record]:
        def here(task: FileTask) -> Record:
            return self.local.extract(task, year)

        return self._map(tasks, self._parallel(len(tasks)), _extract_chunk, here, year)

    def _parallel(self, work: float) -> bool:
        """Whether `work` (in extractions) is worth the processes (or they are already up)."""
        if self.jobs <= 1:
            return False
        if self._pool is not None:
            return work >= self.jobs * 4
        if _can_fork():
            return work >= PARALLEL_MIN_FORKED
        return bool(self.loaded.files) and work >= PARALLEL_MIN

    def _map(
        self, tasks: list[FileTask], parallel: bool, remote: Callable, here: Callable, *args
    ) -> Iterator:
        if not parallel:
            for task in tasks:
                yield here(task)
            return
        size = max(1, min(CHUNK_MAX, len(tasks) // (self.jobs * 8)))
        chunks = iter([tasks[i : i + size] for i in range(0, len(tasks), size)])
        pending: dict[Future, list[FileTask]] = {}
        try:
            pool = self._start()
            for chunk in chunks:
                pending[pool.submit(remote, chunk, *args)] = chunk
                if len(pending) >= self.jobs * 3:
                    break
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    results = future.result()
                    del pending[future]
                    yield from results
                    following = next(chunks, None)
                    if following is not None:
                        pending[pool.submit(remote, following, *args)] = following
        except Exception as exc:  # noqa: BLE001 - any pool failure: finish here, say so
            self.notices.append(
                f"parallel loading stopped ({type(exc).__name__}: {exc}); continued in one process"
            )
            self.close()
            self.jobs = 1
            for chunk in [*pending.values(), *chunks]:
                for task in chunk:
                    yield here(task)

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            return self._pool
        if _can_fork():
            # A single-threaded process (the CLI) forks: workers start at once with the
            # compiled rules of the parent, nothing to import or compile again.
            global _INHERITED
            _INHERITED = self.local
            self.local.extractor  # noqa: B018 - compiled once, before the fork
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_adopt,
            )
        else:
            # Forking a threaded process (the TUI loads from a thread) is unsafe: spawn, and
            # each worker loads the config from its path and checks it is the same one.
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_initialize,
                initargs=(str(self.loaded.files[0]), self.loaded.digest),
            )
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
