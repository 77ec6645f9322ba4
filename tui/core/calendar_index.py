"""Meetings arranged for a calendar: by day, by month when only the month is known, undated.

Nothing here looks at the machine's clock: the calendar opens on the corpus's own dates.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from .models import Meeting

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# A "day" range longer than this is not a run of days to mark but a loose period.
MAX_MARKED_DAYS = 31

Month = tuple[int, int]


def parse_day(value: str | None) -> date | None:
    """An ISO date, or None for anything less precise."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_month(value: str | None) -> Month | None:
    """(year, month) of an ISO date or 'YYYY-MM'."""
    if not value or len(value) < 7:
        return None
    try:
        year, month = int(value[:4]), int(value[5:7])
    except ValueError:
        return None
    return (year, month) if 1 <= month <= 12 else None


@dataclass
class CalendarIndex:
    """Meetings by the days they cover, by month when the day is not known, and undated."""

    by_day: dict[date, list[Meeting]] = field(default_factory=dict)
    month_only: dict[Month, list[Meeting]] = field(default_factory=dict)
    undated: list[Meeting] = field(default_factory=list)
    _ids_by_day: dict[date, set[str]] | None = field(default=None, repr=False, compare=False)

    def on_day(self, day: date) -> list[Meeting]:
        return self.by_day.get(day, [])

    def in_month(self, month: Month) -> list[Meeting]:
        """Meetings with a day in `month`, each once, in date order."""
        seen: dict[str, Meeting] = {}
        for day in sorted(d for d in self.by_day if (d.year, d.month) == month):
            for meeting in self.by_day[day]:
                seen.setdefault(meeting.id, meeting)
        return list(seen.values())

    def days_of(self, meeting_ids: set[str]) -> set[date]:
        """The marked days of the given meetings."""
        if not meeting_ids:
            return set()
        return {day for day, ids in self.ids_by_day.items() if not ids.isdisjoint(meeting_ids)}

    @property
    def ids_by_day(self) -> dict[date, set[str]]:
        if self._ids_by_day is None:
            self._ids_by_day = {day: {m.id for m in ms} for day, ms in self.by_day.items()}
        return self._ids_by_day

    def days_with_meetings(self) -> list[date]:
        return sorted(self.by_day)

    def first_month(self) -> Month | None:
        """The month to open on: the busiest month, the earliest of equals."""
        counts: Counter[Month] = Counter()
        for day, meetings in self.by_day.items():
            counts[(day.year, day.month)] += len(meetings)
        for month, meetings in self.month_only.items():
            counts[month] += len(meetings)
        if not counts:
            return None
        return max(counts.items(), key=lambda item: (item[1], -item[0][0], -item[0][1]))[0]


def index_meetings(meetings: list[Meeting]) -> CalendarIndex:
    """Arrange `meetings` for the calendar; none is dropped."""
    index = CalendarIndex()
    for meeting in meetings:
        start, end = parse_day(meeting.start), parse_day(meeting.end)
        precision = meeting.precision or "day"
        if start and precision == "day":
            end = end if end and end >= start else start
            if (end - start).days < MAX_MARKED_DAYS:
                day = start
                while day <= end:
                    index.by_day.setdefault(day, []).append(meeting)
                    day += timedelta(days=1)
                continue
        month = parse_month(meeting.start)
        if month and precision in ("day", "week", "month"):
            index.month_only.setdefault(month, []).append(meeting)
        else:
            index.undated.append(meeting)
    return index


def shift_month(month: Month, delta: int) -> Month:
    year, number = month
    total = year * 12 + (number - 1) + delta
    return total // 12, total % 12 + 1


def dates_label(meeting: Meeting) -> str:
    """'3–4 April 2025', 'June 2025', or 'no date', for people."""
    return span_label(meeting.start, meeting.end, meeting.precision or "day")


def span_label(start_value: str | None, end_value: str | None, precision: str = "day") -> str:
    """A date or range written for people: '3–4 April 2025', 'June 2025', 'no date'."""
    start, end = parse_day(start_value), parse_day(end_value)
    if start and precision == "day":
        if not end or end == start:
            return f"{start.day} {MONTH_NAMES[start.month - 1]} {start.year}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {MONTH_NAMES[start.month - 1]} {start.year}"
        if start.year == end.year:
            return (
                f"{start.day} {MONTH_NAMES[start.month - 1]} – "
                f"{end.day} {MONTH_NAMES[end.month - 1]} {start.year}"
            )
        return f"{start.isoformat()} – {end.isoformat()}"
    month = parse_month(start_value)
    if month and precision in ("day", "week", "month"):
        if precision == "week" and start:
            return f"week of {start.day} {MONTH_NAMES[month[1] - 1]} {month[0]}"
        return f"{MONTH_NAMES[month[1] - 1]} {month[0]}"
    if start_value and len(start_value) >= 4:
        return start_value[:4]
    return "no date"


def reports_by_article(meeting: Meeting) -> dict[str, tuple[str | None, str | None, str | None]]:
    """What each source article says of the meeting: (start, end, place)."""
    found: dict[str, tuple[str | None, str | None, str | None]] = {}
    for report in getattr(meeting, "reports", None) or []:
        if isinstance(report, (list, tuple)) and len(report) >= 4 and isinstance(report[0], str):
            found.setdefault(report[0], (report[1], report[2], report[3]))
    return found


BASIS_LABELS = {
    "explicit": "stated",
    "relative": "resolved from a relative date",
    "year_inferred": "year inferred",
    "known_event": "from the known meeting an undated page reports",
    "own_event": "from the days an undated page gives the meeting it reports",
    "unresolved": "not resolved",
}


def basis_label(basis: str | None) -> str:
    return BASIS_LABELS.get(basis or "", basis or "unknown")
