"""The version of the code that extraction runs: part of every cache key.

A module of its own, light to import: a warm start checks its list snapshot against it
without importing the extraction pipeline.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from .. import __version__

# Modules of tui/core that do not shape what is extracted: editing them keeps the cache.
NOT_EXTRACTION = {
    "calendar_index",
    "code_version",
    "corpus_view",
    "export",
    "processes",
    "progress",
    "search",
    "state",
    "store",
    "word_diff",
}


@cache
def code_version() -> str:
    """natotui's version and a hash of the core code that extraction runs, part of the cache key.

    Editing an extraction rule in Python (not only in config.yaml) changes what is extracted;
    hashing the source keeps a developer's cache honest without bumping the version.
    """
    hasher = hashlib.blake2b(digest_size=8)
    for path in sorted(Path(__file__).parent.glob("*.py")):
        if path.stem not in NOT_EXTRACTION:
            hasher.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{hasher.hexdigest()}"
