"""What the known meetings (gazetteer.events) tell: the year of a yearless dateline, the place
of a meeting the text dates but does not place.

"WASHINGTON, July 9 (Yonhap)" on the NATO summit: of the NATO summits in gazetteer.events only
the 2024 one is held near July 9, so the article is from 2024. Used only when the text writes no
full date to take the year from.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config_models import KnownEvent

# A report comes out in the days before a meeting, during it, or just after.
_BEFORE = timedelta(days=14)
_AFTER = timedelta(days=7)


def year_from_events(
    month: int, day: int, types: set[str], events: list[KnownEvent], text: str = ""
) -> int | None:
    """The year of the known meeting of one of `types` held nearest `month`-`day`: first those
    whose city the text names, then by distance; None when two years tie."""
    lowered = text.lower()
    ranked: list[tuple[tuple[bool, int], int]] = []
    for event in events:
        if event.type not in types:
            continue
        try:
            reported = date(event.start.year, month, day)
        except ValueError:
            continue
        first, last = event.start, event.end or event.start
        if not first - _BEFORE <= reported <= last + _AFTER:
            continue
        distance = (
            0
            if first <= reported <= last
            else min(abs((reported - first).days), abs((reported - last).days))
        )
        elsewhere = not (event.place and event.place.lower() in lowered)
        ranked.append(((elsewhere, distance), event.start.year))
    if not ranked:
        return None
    ranked.sort()
    best = [year for key, year in ranked if key == ranked[0][0]]
    return best[0] if len(set(best)) == 1 else None


def known_place(first: date, last: date, events: list[KnownEvent]) -> str | None:
    """Where the one known meeting of `events` (those of one kind) held between `first` and
    `last` was: "wrapping up a two-day summit" on 24-25 June 2025 is in The Hague. None when
    there are two, or none."""
    places = {
        event.place
        for event in events
        if event.place and event.start <= last and first <= (event.end or event.start)
    }
    return places.pop() if len(places) == 1 else None
