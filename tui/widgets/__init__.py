"""The dashboard's widgets, one module each.

The names are imported on first use (PEP 562), so that start-up imports only the modules of
the widgets it mounts, not those of panes that are off screen.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .actors import ActorsPane, ActorTable
    from .agenda import Agenda, AgendaSection
    from .article_list import ArticleTable
    from .articles_pane import ArticlesPane
    from .calendar import CalendarPane
    from .conflicts import ConflictsPane
    from .key_footer import KeyFooter
    from .month_grid import MonthGrid
    from .reader import Reader
    from .search_bar import SearchBar
    from .status_line import Status, StatusLine

_MODULES = {
    "ActorTable": "actors",
    "ActorsPane": "actors",
    "Agenda": "agenda",
    "AgendaSection": "agenda",
    "ArticleTable": "article_list",
    "ArticlesPane": "articles_pane",
    "CalendarPane": "calendar",
    "ConflictsPane": "conflicts",
    "KeyFooter": "key_footer",
    "MonthGrid": "month_grid",
    "Reader": "reader",
    "SearchBar": "search_bar",
    "Status": "status_line",
    "StatusLine": "status_line",
}

__all__ = [
    "ActorTable",
    "ActorsPane",
    "Agenda",
    "AgendaSection",
    "ArticleTable",
    "ArticlesPane",
    "CalendarPane",
    "ConflictsPane",
    "KeyFooter",
    "MonthGrid",
    "Reader",
    "SearchBar",
    "Status",
    "StatusLine",
]


def __getattr__(name: str):
    if name in _MODULES:
        return getattr(import_module(f".{_MODULES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
