"""Pane 4: the meetings calendar, a month grid beside the agenda of the day or the month."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical

from ..core.calendar_index import MONTH_NAMES, CalendarIndex, parse_day
from .agenda import IN_ARTICLE_MARK, Agenda, AgendaSection
from .deferred import DeferredContents
from .month_grid import MonthGrid
from .text_lines import TextLines

FALLBACK_DAY = date(2025, 1, 1)  # only when the corpus holds no date at all; never the clock


def _day_title(day: date) -> str:
    return f"{day.strftime('%A')} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


class CalendarPane(DeferredContents, Horizontal):
    """Month grid (arrows, [ ]) and agenda (the selected day, or the whole month with m)."""

    BINDINGS = [
        Binding("m", "toggle_month", "Day/month agenda", id="calendar.agenda_scope"),
    ]

    def __init__(self, deferred: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.month_view = False
        self.index = CalendarIndex()
        self._in_article: set[str] = set()
        self._agenda_ids: set[str] = set()  # meetings the agenda lists now
        self._describe: Callable[[str], Text] = lambda article_id: Text(article_id)
        self._defer(deferred)
        self._start: date | None = None  # the day to open on, until built

    def compose(self) -> ComposeResult:
        if not self.built:
            return
        with Vertical(id="calendar-left"):
            yield MonthGrid(id="month-grid")
            yield TextLines(id="calendar-legend")
        with Vertical(id="calendar-right"):
            yield TextLines(id="agenda-title")
            yield Agenda(id="agenda")

    @property
    def grid(self) -> MonthGrid:
        return self.query_one(MonthGrid)

    @property
    def agenda(self) -> Agenda:
        return self.query_one(Agenda)

    def set_index(
        self, index: CalendarIndex, describe_article: Callable[[str], Text], start: date | None
    ) -> None:
        """New meetings; keeps the selected day unless this is the first fill."""
        self.index, self._describe = index, describe_article
        if not self.built:
            self._start = start or self._start
            return
        first_fill = start is not None
        if first_fill:
            self.grid.set_reactive(MonthGrid.day, start)
        self._mark()
        self._refresh_agenda()

    def _built(self) -> None:
        self.set_index(self.index, self._describe, self._start)

    def set_article_meetings(self, meeting_ids: set[str]) -> None:
        """Mark the selected article's meetings in the grid and count them in the title line
        (cheap: this runs on every move in the article list)."""
        if meeting_ids == self._in_article:
            return
        self._in_article = meeting_ids
        if not self.built:
            return
        self._mark()
        self._show_title()

    def go_to(self, day: date, month_view: bool | None = None) -> None:
        if month_view is not None:
            self.month_view = month_view
        if day != self.grid.day:
            self.grid.day = day  # the grid reports the change, which refreshes the agenda
        else:
            self._refresh_agenda()

    def action_toggle_month(self) -> None:
        self.month_view = not self.month_view
        self._refresh_agenda()

    @on(MonthGrid.DayChanged)
    def _day_changed(self, event: MonthGrid.DayChanged) -> None:
        event.stop()
        self._refresh_agenda()

    def _mark(self) -> None:
        self.grid.set_marks(set(self.index.by_day), self.index.days_of(self._in_article))

    def _sections(self) -> list[AgendaSection]:
        day = self.grid.day
        month = (day.year, day.month)
        month_name = f"{MONTH_NAMES[month[1] - 1]} {month[0]}"
        if self.month_view:
            sections = [
                AgendaSection(
                    f"{month_name}, all meetings",
                    self.index.in_month(month),
                    "No dated meetings this month",
                )
            ]
        else:
            sections = [
                AgendaSection(_day_title(day), self.index.on_day(day), "No meetings on this day")
            ]
        sections.append(
            AgendaSection(f"{month_name}, day not stated", self.index.month_only.get(month, []))
        )
        sections.append(AgendaSection("Undated", self.index.undated))
        return sections

    def _refresh_agenda(self) -> None:
        day = self.grid.day
        month = (day.year, day.month)
        sections = self._sections()
        self._agenda_ids = {m.id for section in sections for m in section.meetings}
        self.agenda.show(sections, self._describe)
        self._show_title()
        in_month = len(self.index.in_month(month))
        loose = len(self.index.month_only.get(month, []))
        legend = Text()
        legend.append(f"{in_month} this month", style="bold")
        if loose:
            legend.append(f", {loose} without a day")
        legend.append(f"\n{len(self.index.undated)} undated\n")
        legend.append(" 3•", style=self.grid.get_component_rich_style("month-grid--meeting"))
        legend.append(" meeting day\n")
        legend.append(" 3•", style=self.grid.get_component_rich_style("month-grid--article"))
        legend.append(f" {IN_ARTICLE_MARK} this article")
        self.query_one("#calendar-legend", TextLines).update(legend)

    def _show_title(self) -> None:
        title = Text.assemble(
            ("Agenda of the ", "dim"), ("month" if self.month_view else "day", "bold")
        )
        here = len(self._in_article & self._agenda_ids)
        if here:
            title.append(f"  {IN_ARTICLE_MARK} {here} from this article", style="bold")
        title.append("  m: day/month  Enter: open source", style="dim")
        self.query_one("#agenda-title", TextLines).update(title)


def opening_day(index: CalendarIndex, article_dates: list[str | None]) -> date:
    """The day the calendar opens on: the first meeting day of the busiest month."""
    month = index.first_month()
    if month is not None:
        days = [d for d in index.days_with_meetings() if (d.year, d.month) == month]
        return days[0] if days else date(month[0], month[1], 1)
    dated = sorted(d for d in (parse_day(v) for v in article_dates) if d)
    return dated[-1] if dated else FALLBACK_DAY
