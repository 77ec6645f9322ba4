"""Pane 1: the search field, the active filter and the article list."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from .article_list import ArticleTable
from .search_bar import SearchBar


class ArticlesPane(Vertical):
    """Holds the list; the dashboard tells it what to show."""

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search")
        yield Static(id="article-filter")
        yield ArticleTable(id="article-table")

    def on_mount(self) -> None:
        self.query_one(SearchBar).display = False
        self.query_one("#article-filter").display = False

    def show_filter(self, description: Text | None) -> None:
        """A line above the list saying what the list is limited to (None hides it)."""
        line = self.query_one("#article-filter", Static)
        line.display = description is not None
        if description is not None:
            line.update(description)
