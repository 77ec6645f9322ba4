"""The status line: what is loaded, what the list is limited to, what went wrong."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from .literal import literal_line

BAR_WIDTH = 12


@dataclass
class Status:
    """Everything the status line shows; the dashboard fills it in."""

    articles: int = 0
    shown: int = 0
    unread: int = 0
    starred: int = 0
    load_warnings: int = 0
    article_warnings: int = 0
    actor_filter: str | None = None
    search: str | None = None
    loading: tuple[int, int] | None = None  # (done, total) while loading
    loading_message: str | None = None
    error: str | None = None


def progress_bar(done: int, total: int) -> str:
    filled = round(BAR_WIDTH * done / total) if total else 0
    return "▰" * filled + "▱" * (BAR_WIDTH - filled)


def status_text(status: Status) -> Text:
    """The status line for `status`."""
    text = Text()
    if status.error:
        text.append("Load failed: ", style="bold")
        text.append_text(literal_line(status.error, limit=200))
        text.append("  r: retry", style="dim")
        return text
    if status.loading is not None:
        done, total = status.loading
        text.append(status.loading_message or "Loading", style="bold")
        if total:
            text.append(f" {progress_bar(done, total)} {done}/{total} articles")
        else:
            text.append("…")
        text.append("  ")
    if status.articles or status.loading is None:
        shown = (
            f"{status.shown} of {status.articles}"
            if status.shown != status.articles
            else f"{status.articles}"
        )
        text.append(f"{shown} article{'s' if status.articles != 1 else ''}", style="bold")
        text.append(f" · {status.unread} unread · {status.starred}★")
    if status.actor_filter:
        text.append(" · actor: ")
        text.append_text(literal_line(status.actor_filter, "bold", limit=30))
    if status.search:
        text.append(" · search: ")
        text.append_text(literal_line(status.search, "bold", limit=30))
    warnings = status.load_warnings + status.article_warnings
    if warnings:
        text.append(f" · ⚠ {warnings} warning{'s' if warnings != 1 else ''} (w)", style="bold")
    text.append("  ? help", style="dim")
    return text


class StatusLine(Static):
    """One line at the bottom of the dashboard."""

    def show(self, status: Status) -> None:
        self.set_class(bool(status.error), "-error")
        self.update(status_text(status))
