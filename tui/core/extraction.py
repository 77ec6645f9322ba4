"""Per-article extraction: the stages wired together, compiled once per config."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .actors import ActorRules, find_actors, particle_source
from .claims import ClaimMatcher, quantity_claims, role_claims
from .config import LoadedConfig
from .dates import DateResolver, find_dates
from .gazetteer import GazetteerIndex
from .known_events import date_on_the_day, known_event_days, own_event_days, year_from_events
from .meetings import MeetingMatcher, find_meetings, meeting_types_in
from .models import Article, ArticleExtraction, DateExpr
from .textutil import PatternSet

if TYPE_CHECKING:  # the models pull in pydantic; only validation needs it at run time
    from .config_models import Config


def complete_partial_date(
    article: Article, corpus_year: int | None, known_year: int | None = None
) -> None:
    """'June 24 (Reuters)' with no year: the year of the known meeting the article reports,
    else the corpus's year, marked as coming from the corpus."""
    if article.published or not article.published_partial:
        return
    year = known_year or corpus_year
    if year is None:
        return
    candidate = f"{year}-{article.published_partial}"
    try:
        date.fromisoformat(candidate)
    except ValueError:
        return
    article.published = candidate
    article.published_basis = article.published_partial_basis if known_year else "corpus"


def _month_day(partial: str) -> tuple[int, int]:
    month, day = partial.split("-")
    return int(month), int(day)


def _date_of_content(dates: list[DateExpr]) -> str | None:
    """An undated article is about the time its own dates point to (the median day)."""
    days = sorted(
        d.value for d in dates if d.value and d.precision == "day" and d.basis != "unresolved"
    )
    return days[len(days) // 2] if days else None


@dataclass
class ScanResult:
    """What `TextScan` found in one text, per stage."""

    claims: list[list[re.Match[str]]]  # per claim rule
    meeting_anchors: list[re.Match[str]] | None  # None: the meeting rules have no anchors
    particles: list[re.Match[str]]
    titles: list[re.Match[str]]


class TextScan:
    """What the stages look for over the whole text, found in one scan of it (a scan costs
    mostly per position it tries, hardly per pattern): each claim rule's patterns, the meeting
    anchors, the name particles, the titles. Each pattern finds what it would find alone
    (`PatternSet`)."""

    def __init__(
        self, claims: list[str], meeting_anchors: str | None, particles: str, titles: str
    ) -> None:
        self.claim_rules = len(claims)
        self.meetings = meeting_anchors is not None
        # The rare ones first: the patterns before the one that matched at a position are not
        # tried there again.
        anchors = [meeting_anchors] if meeting_anchors is not None else []
        self.patterns = PatternSet([*claims, *anchors, particles, titles])

    def run(self, text: str) -> ScanResult:
        found = self.patterns.finditer_each(text)
        return ScanResult(
            claims=found[: self.claim_rules],
            meeting_anchors=found[self.claim_rules] if self.meetings else None,
            particles=found[-2],
            titles=found[-1],
        )


@dataclass
class Extractor:
    """Compiled rules of one config; `extract` is pure and safe to run in any process."""

    config: Config
    digest: str
    index: GazetteerIndex
    actor_rules: ActorRules
    date_resolver: DateResolver
    meeting_matcher: MeetingMatcher
    claim_matcher: ClaimMatcher
    text_scan: TextScan

    @classmethod
    def for_config(cls, loaded: LoadedConfig) -> Extractor:
        config = loaded.config
        actor_rules = ActorRules.from_config(config.actors)
        meeting_matcher = MeetingMatcher.from_config(config.meetings, config.gazetteer.events)
        claim_matcher = ClaimMatcher.from_config(config.conflicts)
        anchors = meeting_matcher.anchors
        text_scan = TextScan(
            [p.pattern for p in claim_matcher.patterns.patterns],
            anchors.pattern if anchors is not None else None,
            particle_source(actor_rules.particles),
            actor_rules.titles.pattern,
        )
        return cls(
            config=config,
            digest=loaded.digest,
            index=GazetteerIndex(config.gazetteer),
            actor_rules=actor_rules,
            date_resolver=DateResolver.from_config(config.dates),
            meeting_matcher=meeting_matcher,
            claim_matcher=claim_matcher,
            text_scan=text_scan,
        )

    def _known_year(self, article: Article) -> int | None:
        """The year a yearless dateline is in, from the known meetings the text reports."""
        events = self.config.gazetteer.events
        if article.published or not article.published_partial or not events:
            return None
        types = meeting_types_in(article.text, article.sentences, self.meeting_matcher)
        month, day = _month_day(article.published_partial)
        return year_from_events(month, day, types, events, article.text)

    def _dates_and_meetings(self, article, published, corpus_year, actors, found):
        text, sentences = article.text, article.sentences
        dates = find_dates(text, sentences, published, corpus_year, self.date_resolver)
        meetings = find_meetings(
            text,
            sentences,
            actors,
            dates,
            self.index,
            self.meeting_matcher,
            article.id,
            found.meeting_anchors,
        )
        return dates, meetings

    def _against_known_event(self, article, corpus_year, actors, found, meetings):
        """An undated page's dates and meetings against the day of the one known meeting it
        reports by weekday, or None. That day is the reference, or the day after when the page
        tells of it in the past ("gathered on Tuesday": at the latest a report of the next day
        is likelier than one of a week later). Checked: against the reference the page must
        date that meeting, by its weekday, to the known meeting's day."""
        anchors = known_event_days(meetings)
        own = not anchors
        if own:
            # No known meeting: a weekday of the page that falls in the days the page itself
            # gives a meeting ("10-11 July" ... "On Thursday, the last day of the summit").
            anchors = own_event_days(meetings)
        if len(anchors) != 1:
            return None  # none, or two meetings that would date the page differently
        [(day, type_id)] = anchors.items()
        for reference in (day + timedelta(days=1), day):
            dates, again = self._dates_and_meetings(article, reference, corpus_year, actors, found)
            if any(
                (own or m.type_id == type_id)
                and m.date_basis == "relative"
                and m.start is not None
                and m.start <= day.isoformat() <= (m.end or m.start)
                for m in again
            ):
                return reference, dates, again, "own_event" if own else "known_event"
        return None

    def extract(self, article: Article, corpus_year: int | None) -> ArticleExtraction:
        complete_partial_date(article, corpus_year, self._known_year(article))
        text, sentences = article.text, article.sentences
        published = article.published_date
        found = self.text_scan.run(text)
        actors = find_actors(
            text,
            sentences,
            self.index,
            self.actor_rules,
            article.authors,
            published,
            found.titles,
            found.particles,
        )
        dates, meetings = self._dates_and_meetings(article, published, corpus_year, actors, found)
        reference = None
        known = (
            None
            if published
            else self._against_known_event(article, corpus_year, actors, found, meetings)
        )
        if known is not None:
            # The page's "on Thursday" and "next week" resolve against the day it reports.
            reference, dates, meetings, basis = known
            for meeting in meetings:
                if meeting.date_basis == "relative":
                    meeting.date_basis = basis
        if published is not None:
            places = self.index.place_countries
            date_on_the_day(meetings, published, self.meeting_matcher, places)
        when = article.published or (reference and reference.isoformat()) or _date_of_content(dates)
        claims = role_claims(text, sentences, actors, article.id, when)
        claims += quantity_claims(
            text, sentences, self.claim_matcher, article.id, when, found.claims, actors
        )
        return ArticleExtraction(article.id, actors, dates, meetings, claims)
