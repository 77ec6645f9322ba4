"""The extraction cache and full-text index: one SQLite file (WAL) in the user's cache directory.

Derived data only: deleting the file loses nothing, and a damaged, old-format or locked file is
never an error. A damaged or old-format file is rebuilt, a locked one is worked around (the run
goes on in memory), and each case leaves a notice for the user.

One row per article file, keyed by (root folder, file path). A row is reused only when it
matches the file's content hash, the config digest and natotui's code version; its extraction
is reused only when it was made with the corpus year of this run too (`pipeline.corpus_year`).
The file's mtime and size are kept so that an unchanged file is not even read on a warm start.
The cleaned text is a plain column so the FTS5 index (external content, kept in sync by
triggers) can index it and the reader can fetch it by id; the rest of the article, its
extraction and the light part of the extraction that corpus linking needs are compressed JSON.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .paths import user_cache_dir

SCHEMA_VERSION = "3"
CACHE_FILE = "cache.sqlite3"
TIMEOUT_ENV = "NATOTUI_CACHE_TIMEOUT"
DEFAULT_TIMEOUT = 5.0  # seconds to wait for a lock held by another natotui before going on without
BATCH = 500  # rows per statement when fetching by id

Key = tuple[str, str]  # (root, absolute path of the file)


class CacheUnavailable(Exception):
    """The cache cannot be used now (locked, read-only, disk full): run without it."""


class CacheCorrupt(Exception):
    """The cache file is damaged: rebuild it."""


# `files` is small (what decides reuse, what the list shows) so that a warm start reads 100k rows
# of it in a blink; the bulky part of each article (text, payloads) is in `contents`, same id.
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(
    id INTEGER PRIMARY KEY,
    root TEXT NOT NULL,
    path TEXT NOT NULL,
    mtime_ns INTEGER,
    size INTEGER,
    seen_ns INTEGER,
    content_hash TEXT,
    config TEXT NOT NULL,
    version TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    extracted INTEGER NOT NULL,
    year INTEGER,
    article_id TEXT,
    title TEXT,
    published TEXT,
    published_basis TEXT,
    authors TEXT,
    outlet TEXT,
    warnings TEXT,
    UNIQUE(root, path)
);
CREATE TABLE contents(
    id INTEGER PRIMARY KEY,
    title TEXT,
    text TEXT,
    article BLOB,
    extraction BLOB,
    link BLOB
);
CREATE TABLE corpora(
    key TEXT PRIMARY KEY,
    roots TEXT NOT NULL,
    state TEXT NOT NULL,
    linked BLOB NOT NULL
);
"""

# The FTS5 index reads its text from `contents` (external content) and follows it by triggers.
_FTS_SCHEMA = """
CREATE VIRTUAL TABLE fts USING fts5(
    title, text, content='contents', content_rowid='id', tokenize='{tokenizer}', prefix='2 3'
);
CREATE TRIGGER contents_ai AFTER INSERT ON contents BEGIN
    INSERT INTO fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER contents_ad AFTER DELETE ON contents BEGIN
    INSERT INTO fts(fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER contents_au AFTER UPDATE OF title, text ON contents BEGIN
    INSERT INTO fts(fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
"""
TITLE_WEIGHT = 10.0  # bm25 weight of the title column against the text's 1.0
TOKENIZERS = ("unicode61 remove_diacritics 2", "unicode61")


@cache
def fts5_available() -> bool:
    """Whether this Python's SQLite has the FTS5 extension."""
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.Error:
        return False
    return True


def default_path() -> Path:
    return user_cache_dir() / CACHE_FILE


def timeout_from_env() -> float:
    try:
        return float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


# --- payloads ------------------------------------------------------------------------------------


def pack(value: Any) -> bytes:
    """Compressed JSON."""
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(), 3)


def unpack(blob: bytes | None) -> Any:
    """The value `pack` stored; a damaged payload is a damaged cache."""
    if blob is None:
        raise CacheCorrupt("a cache row has lost its payload")
    try:
        return json.loads(zlib.decompress(blob))
    except (zlib.error, ValueError) as exc:
        raise CacheCorrupt(f"a cache payload cannot be read ({exc})") from None


# --- rows ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class CachedFile:
    """What the cache knows about one file, enough to decide whether it can be reused."""

    rowid: int
    mtime_ns: int | None
    size: int | None
    seen_ns: int | None
    content_hash: str | None
    config: str
    version: str
    status: str  # "article" | "skipped"
    reason: str | None
    published: str | None
    extracted: bool
    year: int | None
    # With `lookup(summaries=True)`: what the article list shows, as `SummaryRow` holds it.
    summary: SummaryRow | None = None


@dataclass(slots=True)
class Record:
    """A file as the workers leave it: read, cleaned, extracted and encoded (or skipped)."""

    key: Key
    mtime_ns: int | None
    size: int | None
    content_hash: str | None
    status: str  # "article" | "skipped"
    reason: str | None = None
    article_id: str | None = None
    title: str | None = None
    published: str | None = None
    published_basis: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    warnings: list[str] = field(default_factory=list)
    text: str | None = None
    article: bytes | None = None  # pack(Article.to_dict() without text and path)
    year: int | None = None
    extraction: bytes | None = None  # pack(ArticleExtraction.to_dict())
    link: bytes | None = None  # pack(what corpus linking reads), see pipeline.link_payload


@dataclass(slots=True)
class SummaryRow:
    """The columns of a row the article list shows."""

    rowid: int
    key: Key
    content_hash: str | None
    article_id: str
    title: str | None
    published: str | None
    published_basis: str
    authors: str | None  # JSON lists, see `parse_list`
    outlet: str | None
    warnings: str | None


def _classify(exc: sqlite3.Error) -> Exception:
    if isinstance(exc, sqlite3.ProgrammingError | sqlite3.InterfaceError):
        return exc  # a bug, not the cache's state: let it show
    message = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError) and any(
        word in message
        for word in (
            "locked",
            "busy",
            "readonly",
            "read-only",
            "disk i/o",
            "full",
            "unable to open",
            "interrupt",
        )
    ):
        return CacheUnavailable(str(exc))
    if isinstance(exc, sqlite3.DatabaseError):  # not a database, malformed, missing tables
        return CacheCorrupt(str(exc))
    return CacheUnavailable(str(exc))


class Cache:
    """A connection to the cache (or, without one, to an in-memory database of the same shape).

    Every SQLite error leaves as `CacheCorrupt` or `CacheUnavailable`, which the pipeline turns
    into a rebuild or a run without the cache.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path | None, fts: bool) -> None:
        self.connection = connection
        self.path = path  # None: in memory
        self.fts = fts
        self._pending = 0

    @property
    def persistent(self) -> bool:
        return self.path is not None

    # --- opening ------------------------------------------------------------------------------

    @classmethod
    def memory(cls) -> Cache:
        connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        fts = _create(connection)
        return cls(connection, None, fts)

    @classmethod
    def open(
        cls, path: Path | None = None, timeout: float | None = None
    ) -> tuple[Cache, list[str]]:
        """The cache at `path`, rebuilt when damaged or old; in memory when it cannot be used.

        Returns the cache and the notices for the user (empty when all went well).
        """
        path = Path(path) if path is not None else default_path()
        timeout = timeout_from_env() if timeout is None else timeout
        notices: list[str] = []
        for _attempt in range(2):
            connection = None
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(
                    path, timeout=timeout, isolation_level=None, check_same_thread=False
                )
                fts = _prepare(connection)
                return cls(connection, path, fts), notices
            except _OldFormat as exc:
                notices.append(f"cache: {path} {exc}; rebuilt")
            except sqlite3.Error as exc:
                error = _classify(exc)
                if isinstance(error, sqlite3.Error):
                    raise
                if isinstance(error, CacheUnavailable):
                    _close(connection)
                    notices.append(
                        f"cache: {path} cannot be used ({error}); running without the cache"
                    )
                    return cls.memory(), notices
                notices.append(f"cache: {path} was damaged ({error}); rebuilt")
            except OSError as exc:
                _close(connection)
                notices.append(f"cache: {path} cannot be used ({exc}); running without the cache")
                return cls.memory(), notices
            _close(connection)
            if not remove_files(path):
                notices.append(f"cache: {path} cannot be removed; running without the cache")
                return cls.memory(), notices
        notices.append(f"cache: {path} cannot be rebuilt; running without the cache")
        return cls.memory(), notices

    def close(self) -> None:
        _close(self.connection)

    # --- guarded execution --------------------------------------------------------------------

    def _execute(self, sql: str, parameters: Iterable[Any] = ()) -> sqlite3.Cursor:
        try:
            return self.connection.execute(sql, tuple(parameters))
        except sqlite3.Error as exc:
            raise _classify(exc) from None

    def _write(self, sql: str, rows: list[tuple]) -> None:
        try:
            if not self.connection.in_transaction:
                self.connection.execute("BEGIN IMMEDIATE")
            self.connection.executemany(sql, rows)
        except sqlite3.Error as exc:
            self._rollback()
            raise _classify(exc) from None
        self._pending += len(rows)

    def _rollback(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")

    def commit(self) -> None:
        """Make the writes so far durable (a long ingest commits as it goes)."""
        try:
            if self.connection.in_transaction:
                self.connection.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise _classify(exc) from None
        self._pending = 0

    def commit_every(self, rows: int = 256) -> None:
        if self._pending >= rows:
            self.commit()

    # --- files --------------------------------------------------------------------------------

    def lookup(self, roots: Iterable[str], summaries: bool = False) -> dict[Key, CachedFile]:
        """Every row under `roots`; with `summaries`, what the list shows too (one pass over
        the table on a warm start instead of two)."""
        found: dict[Key, CachedFile] = {}
        extra = (
            ", article_id, title, published_basis, authors, outlet, warnings" if summaries else ""
        )
        for root in dict.fromkeys(roots):
            cursor = self._execute(
                "SELECT id, path, mtime_ns, size, seen_ns, content_hash, config, version, status,"
                f" reason, published, extracted, year{extra} FROM files WHERE root = ?",
                (root,),
            )
            for row in _rows(cursor):
                key = (root, row[1])
                cached = found[key] = CachedFile(row[0], *row[2:11], bool(row[11]), row[12])
                if summaries and row[13] is not None:
                    cached.summary = SummaryRow(
                        row[0],
                        key,
                        row[5],
                        row[13],
                        row[14],
                        row[10],
                        row[15] or "unknown",
                        row[16],
                        row[17],
                        row[18],
                    )
        return found

    def touch(self, rows: list[tuple[Key, int | None, int | None, int]]) -> None:
        """New (mtime, size, seen) for files whose content did not change."""
        self._write(
            "UPDATE files SET mtime_ns = ?, size = ?, seen_ns = ? WHERE root = ? AND path = ?",
            [(mtime, size, seen, key[0], key[1]) for key, mtime, size, seen in rows],
        )

    def put(self, records: list[Record], config: str, version: str, seen_ns: int) -> None:
        """Store records, replacing older rows of the same files."""
        if not records:
            return
        self._write(
            "INSERT INTO files(root, path, mtime_ns, size, seen_ns, content_hash, config, version,"
            " status, reason, extracted, year, article_id, title, published, published_basis,"
            " authors, outlet, warnings)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(root, path) DO UPDATE SET mtime_ns = excluded.mtime_ns,"
            " size = excluded.size, seen_ns = excluded.seen_ns,"
            " content_hash = excluded.content_hash, config = excluded.config,"
            " version = excluded.version, status = excluded.status, reason = excluded.reason,"
            " extracted = excluded.extracted, year = excluded.year,"
            " article_id = excluded.article_id, title = excluded.title,"
            " published = excluded.published, published_basis = excluded.published_basis,"
            " authors = excluded.authors, outlet = excluded.outlet, warnings = excluded.warnings",
            [
                (
                    r.key[0],
                    r.key[1],
                    r.mtime_ns,
                    r.size,
                    seen_ns,
                    r.content_hash,
                    config,
                    version,
                    r.status,
                    r.reason,
                    int(r.extraction is not None),
                    r.year,
                    r.article_id,
                    r.title,
                    r.published,
                    r.published_basis,
                    _json(r.authors),
                    r.outlet,
                    _json(r.warnings),
                )
                for r in records
            ],
        )
        self._write(
            "INSERT INTO contents(id, title, text, article, extraction, link)"
            " VALUES ((SELECT id FROM files WHERE root = ? AND path = ?), ?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET title = excluded.title, text = excluded.text,"
            " article = excluded.article, extraction = excluded.extraction, link = excluded.link",
            [
                (r.key[0], r.key[1], r.title, r.text, r.article, r.extraction, r.link)
                for r in records
            ],
        )

    def delete(self, keys: Iterable[Key]) -> None:
        rows = [(root, path) for root, path in keys]
        if rows:
            self._write(
                "DELETE FROM contents WHERE id = (SELECT id FROM files WHERE root = ? AND path = ?)",
                rows,
            )
            self._write("DELETE FROM files WHERE root = ? AND path = ?", rows)

    def full(
        self, roots: Iterable[str], config: str, version: str, year: int | None
    ) -> Iterator[tuple[Key, str | None, str, list, list]]:
        """(key, content hash, text, article payload, extraction payload) of the articles under
        `roots` extracted with this config, code version and corpus year."""
        for root in dict.fromkeys(roots):
            cursor = self._execute(
                "SELECT f.path, f.content_hash, c.text, c.article, c.extraction"
                " FROM files f JOIN contents c ON c.id = f.id"
                " WHERE f.root = ? AND f.status = 'article' AND f.extracted"
                " AND f.config = ? AND f.version = ? AND f.year IS ?",
                (root, config, version, year),
            )
            for path, content_hash, text, article, extraction in _rows(cursor):
                yield (root, path), content_hash, text, unpack(article), unpack(extraction)

    def links(
        self, roots: Iterable[str], config: str, version: str, year: int | None
    ) -> Iterator[tuple[int, Key, str | None, list]]:
        """(rowid, key, content hash, link payload) of the articles `full` would give."""
        for root in dict.fromkeys(roots):
            cursor = self._execute(
                "SELECT f.id, f.path, f.content_hash, c.link"
                " FROM files f JOIN contents c ON c.id = f.id"
                " WHERE f.root = ? AND f.status = 'article' AND f.extracted"
                " AND f.config = ? AND f.version = ? AND f.year IS ?",
                (root, config, version, year),
            )
            for rowid, path, content_hash, link in _rows(cursor):
                yield rowid, (root, path), content_hash, unpack(link)

    def summaries(
        self, roots: Iterable[str], config: str, version: str, year: int | None
    ) -> Iterator[SummaryRow]:
        """What the article list shows of the articles `full` would give."""
        for root in dict.fromkeys(roots):
            cursor = self._execute(
                "SELECT id, path, content_hash, article_id, title, published, published_basis,"
                " authors, outlet, warnings FROM files"
                " WHERE root = ? AND status = 'article' AND extracted"
                " AND config = ? AND version = ? AND year IS ?",
                (root, config, version, year),
            )
            for row in _rows(cursor):
                yield SummaryRow(
                    row[0],
                    (root, row[1]),
                    row[2],
                    row[3],
                    row[4],
                    row[5],
                    row[6] or "unknown",
                    row[7],
                    row[8],
                    row[9],
                )

    def article_row(
        self, rowid: int, content_hash: str | None, config: str, version: str, year: int | None
    ) -> tuple[str, list, list] | None:
        """(text, article, extraction payloads) of row `rowid` if it is still the one expected."""
        row = self._execute(
            "SELECT c.text, c.article, c.extraction FROM files f JOIN contents c ON c.id = f.id"
            " WHERE f.id = ? AND f.content_hash IS ? AND f.config = ? AND f.version = ?"
            " AND f.year IS ? AND f.extracted",
            (rowid, content_hash, config, version, year),
        ).fetchone()
        if row is None:
            return None
        return row[0], unpack(row[1]), unpack(row[2])

    def texts(self, rowids: list[int]) -> Iterator[tuple[int, str | None, str | None]]:
        """(rowid, title, text) of rows, for the search fallback and snippets."""
        for start in range(0, len(rowids), BATCH):
            chunk = rowids[start : start + BATCH]
            marks = ",".join("?" * len(chunk))
            yield from _rows(
                self._execute(f"SELECT id, title, text FROM contents WHERE id IN ({marks})", chunk)
            )

    # --- linked corpora -----------------------------------------------------------------------

    def linked(self, corpus: str, state: str) -> list | None:
        row = self._execute(
            "SELECT linked FROM corpora WHERE key = ? AND state = ?", (corpus, state)
        ).fetchone()
        return unpack(row[0]) if row else None

    def put_linked(self, corpus: str, roots: list[str], state: str, linked: list) -> None:
        """Keep the linked corpus of these roots (one per set of roots: a large corpus's is big)."""
        names = json.dumps(roots, ensure_ascii=False)
        self._write("DELETE FROM corpora WHERE roots = ?", [(names,)])
        self._write(
            "INSERT OR REPLACE INTO corpora(key, roots, state, linked) VALUES (?, ?, ?, ?)",
            [(corpus, names, state, pack(linked))],
        )

    # --- full-text search ---------------------------------------------------------------------

    def fts_rowids(self, expression: str) -> list[int]:
        """The rowids matching an FTS5 expression, unordered; fetched as one string (100k rows
        one by one cost more than finding them)."""
        row = self._execute(
            "SELECT group_concat(rowid) FROM fts WHERE fts MATCH ?", (expression,)
        ).fetchone()
        return list(map(int, row[0].split(","))) if row and row[0] else []

    def fts_rows(
        self, expression: str, ranked: bool, limit: int | None = None
    ) -> list[tuple[int, float]]:
        """(rowid, bm25 rank: lower is better) of the rows matching an FTS5 expression; a title
        match weighs as ten in the text. (bm25() named in the query is faster than `rank`.)"""
        sql = f"SELECT rowid, bm25(fts, {TITLE_WEIGHT}, 1.0) AS score FROM fts WHERE fts MATCH ?"
        sql += " ORDER BY score" if ranked else ""
        parameters: tuple = (expression,)
        if limit is not None:
            sql += " LIMIT ?"
            parameters += (limit,)
        cursor = self._execute(sql, parameters)
        try:
            return list(_rows(cursor))
        finally:
            cursor.close()


class _OldFormat(Exception):
    pass


def _rows(cursor: sqlite3.Cursor) -> Iterator[tuple]:
    """Rows of a cursor, with errors raised while stepping through it classified too."""
    while True:
        try:
            rows = cursor.fetchmany(1000)
        except sqlite3.Error as exc:
            raise _classify(exc) from None
        if not rows:
            return
        yield from rows


def _prepare(connection: sqlite3.Connection) -> bool:
    """Check or create the schema; return whether full-text search is available."""
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    tables = {
        name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    if not tables:
        connection.execute("BEGIN IMMEDIATE")
        try:
            fts = _create(connection)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return fts
    if "meta" not in tables:
        raise _OldFormat("is not a natotui cache of this version")
    meta = dict(connection.execute("SELECT key, value FROM meta"))
    if meta.get("schema") != SCHEMA_VERSION:
        raise _OldFormat(f"has the old format {meta.get('schema', '?')}")
    fts = meta.get("fts") == "1"
    if fts and not fts5_available():
        raise _OldFormat("was made with full-text search, which this SQLite lacks")
    # Another natotui holding the write lock longer than the timeout: fail now, not mid-run.
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("COMMIT")
    return fts


def _create(connection: sqlite3.Connection) -> bool:
    for statement in _split(_SCHEMA):
        connection.execute(statement)
    fts = False
    if fts5_available():
        for tokenizer in TOKENIZERS:
            try:
                connection.execute("SAVEPOINT fts")
                for statement in _split(_FTS_SCHEMA.format(tokenizer=tokenizer)):
                    connection.execute(statement)
                connection.execute("RELEASE fts")
                fts = True
                break
            except sqlite3.OperationalError:
                connection.execute("ROLLBACK TO fts")
                connection.execute("RELEASE fts")
    connection.executemany(
        "INSERT INTO meta(key, value) VALUES (?, ?)",
        [("schema", SCHEMA_VERSION), ("fts", "1" if fts else "0")],
    )
    return fts


def _split(script: str) -> list[str]:
    """Statements of a script whose triggers hold `;` inside BEGIN ... END."""
    statements, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        text = "\n".join(current).strip()
        inside_trigger = text.upper().startswith("CREATE TRIGGER") and not text.upper().endswith(
            "END;"
        )
        if text.endswith(";") and not inside_trigger:
            statements.append(text)
            current = []
    return statements


def _close(connection: sqlite3.Connection | None) -> None:
    if connection is not None:
        with contextlib.suppress(sqlite3.Error):
            connection.close()


def remove_files(path: Path) -> bool:
    """Delete the cache file and its WAL companions; False when it cannot be done."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        target = Path(f"{path}{suffix}")
        try:
            target.unlink(missing_ok=True)
        except OSError:
            if suffix == "":
                return False
    return True


def _json(value: list[str]) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value else None


def parse_list(value: str | None) -> list[str]:
    """A list of strings as `put` stores it (authors, warnings)."""
    return json.loads(value) if value else []


def digest_of(*parts: object) -> str:
    """A short stable hash of JSON-able parts."""
    data = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), default=str).encode()
    return hashlib.blake2b(data, digest_size=16).hexdigest()
