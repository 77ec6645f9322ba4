"""A month grid: meeting days marked, a selected day moved with the arrow keys."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ..core.calendar_index import MONTH_NAMES, shift_month

WEEKDAYS = " Mo Tu We Th Fr Sa Su"
# Each day is three cells: the number and a mark ("•" on a meeting day, readable without colour).
MEETING_MARK = "•"
_MONTHS = calendar.Calendar(firstweekday=0)


def _clamped(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


class MonthGrid(Widget, can_focus=True):
    """One month, Monday first; days with meetings stand out."""

    COMPONENT_CLASSES = {
        "month-grid--title",
        "month-grid--weekday",
        "month-grid--meeting",
        "month-grid--article",
        "month-grid--selected",
    }

    BINDINGS = [
        Binding("left,h", "move(-1)", "Previous day", show=False, id="calendar.previous_day"),
        Binding("right,l", "move(1)", "Next day", show=False, id="calendar.next_day"),
        Binding("up,k", "move(-7)", "Previous week", show=False, id="calendar.previous_week"),
        Binding("down,j", "move(7)", "Next week", show=False, id="calendar.next_week"),
        Binding("left_square_bracket", "month(-1)", "Previous month", id="calendar.previous_month"),
        Binding("right_square_bracket", "month(1)", "Next month", id="calendar.next_month"),
        Binding(
            "left_curly_bracket",
            "month(-12)",
            "Previous year",
            show=False,
            id="calendar.previous_year",
        ),
        Binding(
            "right_curly_bracket", "month(12)", "Next year", show=False, id="calendar.next_year"
        ),
        Binding("n", "meeting(1)", "Next meeting", id="calendar.next_meeting"),
        Binding("p", "meeting(-1)", "Previous meeting", id="calendar.previous_meeting"),
        Binding("home", "edge(0)", "First day of month", show=False, id="calendar.month_start"),
        Binding("end", "edge(1)", "Last day of month", show=False, id="calendar.month_end"),
    ]

    day: reactive[date] = reactive(date(2025, 1, 1), always_update=False)

    @dataclass
    class DayChanged(Message):
        """The selected day moved (possibly into another month)."""

        month_grid: MonthGrid
        day: date

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.meeting_days: set[date] = set()
        self.article_days: set[date] = set()

    def set_marks(self, meeting_days: set[date], article_days: set[date]) -> None:
        if (meeting_days, article_days) != (self.meeting_days, self.article_days):
            self.meeting_days, self.article_days = meeting_days, article_days
            self.refresh()

    @property
    def month(self) -> tuple[int, int]:
        return self.day.year, self.day.month

    def watch_day(self, old: date, new: date) -> None:
        self.post_message(self.DayChanged(self, new))

    def action_move(self, days: int) -> None:
        self.day = self.day + timedelta(days=days)

    def action_month(self, months: int) -> None:
        year, month = shift_month(self.month, months)
        self.day = _clamped(year, month, self.day.day)

    def action_edge(self, end: int) -> None:
        last = calendar.monthrange(*self.month)[1]
        self.day = self.day.replace(day=last if end else 1)

    def action_meeting(self, direction: int) -> None:
        """Jump to the next (or previous) day that has a meeting."""
        days = sorted(self.meeting_days)
        if direction > 0:
            later = [d for d in days if d > self.day]
            if later:
                self.day = later[0]
        else:
            earlier = [d for d in days if d < self.day]
            if earlier:
                self.day = earlier[-1]

    def render(self) -> Text:
        year, month = self.month
        style = self.get_component_rich_style
        text = Text(justify="left")
        title = f"{MONTH_NAMES[month - 1]} {year}"
        text.append(f" ‹{title.center(17)}›", style=style("month-grid--title"))
        text.append("\n")
        text.append(WEEKDAYS, style=style("month-grid--weekday"))
        for week in _MONTHS.monthdayscalendar(year, month):
            text.append("\n")
            text.append(" ")
            for number in week:
                if not number:
                    text.append("   ")
                    continue
                day = date(year, month, number)
                cell_style = None
                if day in self.article_days:
                    cell_style = style("month-grid--article")
                elif day in self.meeting_days:
                    cell_style = style("month-grid--meeting")
                if day == self.day:
                    selected = style("month-grid--selected")
                    cell_style = cell_style + selected if cell_style else selected
                text.append(f"{number:>2}", style=cell_style or "")
                text.append(
                    MEETING_MARK if day in self.meeting_days else " ",
                    style=style("month-grid--meeting"),
                )
        return text
