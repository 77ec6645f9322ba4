"""The dashboard's widgets, one module each."""

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
