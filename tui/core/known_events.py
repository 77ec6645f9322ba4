"""What the known meetings (gazetteer.events) tell: the year of a yearless dateline, the place
of a meeting the text dates but does not place, the day an undated page reports, the days of a
named meeting a page of its day does not date.

"WASHINGTON, July 9 (Yonhap)" on the NATO summit: of the NATO summits in gazetteer.events only
the 2024 one is held near July 9, so the article is from 2024. Used only when the text writes no
full date to take the year from.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config_models import KnownEvent
    from .meetings import MeetingMatcher
    from .models import MeetingMention

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


def known_event_days(meetings: list[MeetingMention]) -> dict[date, str]:
    """The day of each known meeting an undated page reports by its weekday ("NATO foreign
    ministers gathered ... on Tuesday" on a page that writes 21 November: 3 December 2024)."""
    days = {}
    for meeting in meetings:
        if meeting.date_basis != "known_event" or meeting.weekday_hint is None:
            continue
        first = date.fromisoformat(meeting.start)
        last = date.fromisoformat(meeting.end or meeting.start)
        day = next(
            (
                first + timedelta(days=i)
                for i in range((last - first).days + 1)
                if (first + timedelta(days=i)).weekday() == meeting.weekday_hint
            ),
            None,
        )
        if day is not None:
            days[day] = meeting.type_id
    return days


def own_event_days(meetings: list[MeetingMention]) -> dict[date, str]:
    """On an undated page, the day of a meeting it dates by days ("the two-day summit (10-11
    July)") that its weekday for another report names ("On Thursday, the last day of the
    summit, Zelensky is to meet the leaders"): the page's weekdays are of that week."""
    hints = {  # weekdays of reports left undated, or dated only to a span of days
        m.weekday_hint
        for m in meetings
        if m.weekday_hint is not None and (m.start is None or m.start != (m.end or m.start))
    }
    if not hints:
        return {}
    days = {}
    for meeting in meetings:
        if meeting.start is None or meeting.date_basis not in ("explicit", "year_inferred"):
            continue
        first = date.fromisoformat(meeting.start)
        last = date.fromisoformat(meeting.end or meeting.start)
        if meeting.precision != "day" or (last - first).days > 6:
            continue
        for offset in range((last - first).days + 1):
            day = first + timedelta(days=offset)
            if day.weekday() in hints:
                days[day] = meeting.type_id
    return days


# How close to a known meeting a page that names it without a date must be written: from a
# preview three days ahead to the day after it ended.
_ON_THE_DAY = (timedelta(days=3), timedelta(days=1))


def date_on_the_day(
    meetings: list[MeetingMention],
    published: date,
    matcher: MeetingMatcher,
    countries: dict[str, str],
) -> None:
    """'Ukraine peace summit live: ... delegations gather at a Swiss mountain resort' on a page
    of 15 June 2024: a named meeting held once (`single_event`) that the page does not date is
    the one known meeting of its type held around the page's day (date basis `known_event`)."""
    types = matcher.by_id
    for meeting in meetings:
        kind = types.get(meeting.type_id)
        if meeting.start is not None or kind is None or not kind.single_event:
            continue
        found = [
            event
            for event in matcher.events.get(meeting.kind, [])
            if event.type == meeting.type_id
            and event.start - _ON_THE_DAY[0]
            <= published
            <= (event.end or event.start) + _ON_THE_DAY[1]
            # not "next year's summit in Turkey", named on a page of this year's
            and meeting.place in (None, event.place, countries.get(event.place or ""))
        ]
        if len(found) != 1:
            continue
        [event] = found
        meeting.start = event.start.isoformat()
        meeting.end = (event.end or event.start).isoformat()
        meeting.date_basis = "known_event"
        meeting.place = meeting.place or event.place
        # "the summit" the page dates itself is that one meeting: one report of it, not two.
        for other in [m for m in meetings if m is not meeting and m.kind == meeting.kind]:
            known = types.get(other.type_id)
            if (
                known is not None
                and not known.single_event  # "a summit", "the meeting": of no named series
                and (other.start, other.end) == (meeting.start, meeting.end)
                and other.place in (None, meeting.place)
            ):
                _absorb_mention(meeting, other)
                meetings.remove(other)


def _absorb_mention(meeting: MeetingMention, other: MeetingMention) -> None:
    """What a second report of one meeting in one article adds to the first."""
    for name in other.attendees:
        if name not in meeting.attendees:
            meeting.attendees.append(name)
    for name in other.absentees:
        if name not in meeting.absentees:
            meeting.absentees.append(name)
    seen = {(s.start, s.end) for s in meeting.sources}
    meeting.sources += [s for s in other.sources if (s.start, s.end) not in seen]
    meeting.sources.sort(key=lambda s: s.start)
    meeting.participants += [p for p in other.participants if p not in meeting.participants]
    meeting.lengths += [n for n in other.lengths if n not in meeting.lengths]
