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

    def on_day(self, day: date) -> list[Meeting]:
        return self.by_day.get(day, [])

    def in_month(self, month: Month) -> list[Meeting]:
        """Meetings with a day in `month`, each once, in date order."""
        seen: dict[str, Meeting] = {}
        for day in sorted(d for d in self.by_day if (d.year, d.month) == month):
            for meeting in self.by_day[day]:
                seen.setdefault(meeting.id, meeting)
        return list(seen.values())

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
    start, end = parse_day(meeting.start), parse_day(meeting.end)
    precision = meeting.precision or "day"
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
    month = parse_month(meeting.start)
    if month and precision in ("day", "week", "month"):
        prefix = "week of " if precision == "week" and start else ""
        if prefix:
            return f"{prefix}{start.day} {MONTH_NAMES[month[1] - 1]} {month[0]}"
        return f"{MONTH_NAMES[month[1] - 1]} {month[0]}"
    if meeting.start and len(meeting.start) >= 4:
        return meeting.start[:4]
    return "no date"


BASIS_LABELS = {
    "explicit": "stated",
    "relative": "resolved from a relative date",
    "year_inferred": "year inferred",
    "unresolved": "not resolved",
}


def basis_label(basis: str | None) -> str:
    return BASIS_LABELS.get(basis or "", basis or "unknown")
