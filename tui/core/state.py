"""The user's own state: read/unread, stars, the last article, the theme.

Kept as JSON in the user's data directory, one entry per corpus folder, and written atomically
(a temporary file in the same directory, then `os.replace`) so a crash never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .paths import user_data_dir

STATE_FILE = "state.json"
VERSION = 1


def default_state_path() -> Path:
    return user_data_dir() / STATE_FILE


class ReadState:
    """Read marks, stars and the last selected article of one corpus."""

    def __init__(self, corpus_key: str, path: Path | None = None) -> None:
        self.path = path or default_state_path()
        self.corpus_key = corpus_key
        self.read: set[str] = set()
        self.starred: set[str] = set()
        self.last_article: str | None = None
        self.theme: str | None = None
        self.problem: str | None = None  # why the file could not be read, for a notice
        self._load()

    # --- queries ---------------------------------------------------------------------------

    def is_read(self, article_id: str) -> bool:
        return article_id in self.read

    def is_starred(self, article_id: str) -> bool:
        return article_id in self.starred

    # --- changes (each saved at once) -------------------------------------------------------

    def set_read(self, article_id: str, read: bool = True) -> bool:
        """Mark read or unread; returns True when that changed something."""
        if (article_id in self.read) == read:
            return False
        (self.read.add if read else self.read.discard)(article_id)
        self.save()
        return True

    def toggle_read(self, article_id: str) -> bool:
        self.set_read(article_id, article_id not in self.read)
        return article_id in self.read

    def toggle_star(self, article_id: str) -> bool:
        if article_id in self.starred:
            self.starred.discard(article_id)
        else:
            self.starred.add(article_id)
        self.save()
        return article_id in self.starred

    def set_last_article(self, article_id: str | None, save: bool = False) -> None:
        self.last_article = article_id
        if save:
            self.save()

    def set_theme(self, theme: str) -> None:
        if theme != self.theme:
            self.theme = theme
            self.save()

    # --- file -------------------------------------------------------------------------------

    def _read_file(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            self.problem = f"{self.path}: could not read saved state ({exc}); starting afresh"
            return {}
        if not isinstance(data, dict):
            self.problem = f"{self.path}: saved state is not a JSON object; starting afresh"
            return {}
        return data

    def _load(self) -> None:
        data = self._read_file()
        theme = data.get("theme")
        self.theme = theme if isinstance(theme, str) else None
        corpora = data.get("corpora")
        entry = corpora.get(self.corpus_key) if isinstance(corpora, dict) else None
        if not isinstance(entry, dict):
            return
        self.read = {x for x in entry.get("read") or [] if isinstance(x, str)}
        self.starred = {x for x in entry.get("starred") or [] if isinstance(x, str)}
        last = entry.get("last_article")
        self.last_article = last if isinstance(last, str) else None

    def save(self) -> None:
        """Write this corpus's entry, keeping other corpora's entries as they are on disk."""
        if self.problem and self.path.exists():
            # Keep the unreadable file for the user rather than overwriting it.
            os.replace(self.path, self.path.with_name(self.path.name + ".corrupt"))
            self.problem = None
        data = self._read_file()
        corpora = data.get("corpora") if isinstance(data.get("corpora"), dict) else {}
        corpora[self.corpus_key] = {
            "read": sorted(self.read),
            "starred": sorted(self.starred),
            "last_article": self.last_article,
        }
        document = {"version": VERSION, "theme": self.theme, "corpora": corpora}
        write_json_atomic(self.path, document)


def write_json_atomic(path: Path, document: Any) -> None:
    """Write JSON to `path` so that readers see the old file or the new one, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
