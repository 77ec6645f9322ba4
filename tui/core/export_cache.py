"""Rendered exports kept beside the cache: `natotui extract` run again on unchanged files writes
the document it wrote before instead of assembling and encoding the corpus again.

An export is one file per set of roots, config and code (the corpus key), holding the state of
the files it was made from: another state (a file added, edited or removed) makes it stale and
the next export replaces it. The document is zlib-compressed (a 10,000-article JSON export is
about 200 MB as text). Any problem reading one is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zlib
from pathlib import Path
from types import ModuleType

EXPORT_DIR = "exports"
_LEVEL = 1  # the fastest: the point is to save time


def renderer_version(*modules: ModuleType) -> str:
    """A hash of the source of the modules that render an export: the corpus key covers what
    is extracted, not how it is written out."""
    hasher = hashlib.blake2b(digest_size=6)
    for module in modules:
        hasher.update(Path(module.__file__ or "").read_bytes())
    return hasher.hexdigest()


def _path(cache_path: str, corpus_key: str, kind: str) -> Path:
    return Path(cache_path).parent / EXPORT_DIR / f"{corpus_key}-{kind}.z"


def read_export(
    cache_path: str | None, corpus_key: str, state: str, kind: str
) -> tuple[bytes, list[str]] | None:
    """The document and the corpus warnings kept for these files in this state, or None."""
    if cache_path is None:
        return None
    try:
        with open(_path(cache_path, corpus_key, kind), "rb") as handle:
            header = json.loads(handle.readline())
            if header.get("state") != state:
                return None
            return zlib.decompress(handle.read()), list(header.get("warnings", []))
    except (OSError, ValueError, zlib.error, AttributeError):
        return None


def keep_export(
    cache_path: str | None,
    corpus_key: str,
    state: str,
    kind: str,
    document: bytes,
    warnings: list[str],
) -> None:
    """Keep `document` for the next export of these files; written atomically (a reader sees
    the old file or the new one), and quietly skipped if the cache folder cannot be written."""
    if cache_path is None:
        return
    path = _path(cache_path, corpus_key, kind)
    header = json.dumps({"state": state, "warnings": warnings}, ensure_ascii=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".export-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(header.encode() + b"\n")
                out.write(zlib.compress(document, _LEVEL))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
