"""Link per-article extractions into one corpus: actors, merged meetings, conflicts.

Everything is blocked before it is compared: meetings by kind, claims by (subject, attribute),
so the work grows with the number of reports of one thing, not with the square of the corpus.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import combinations

from .models import (
    Article,
    ArticleExtraction,
    Claim,
    Conflict,
    ConflictSide,
    Corpus,
    CorpusActor,
    Meeting,
    MeetingMention,
    Source,
)

_BASIS_RANK = {
    "explicit": 0,
    "relative": 1,
    "year_inferred": 2,
    "own_event": 3,  # an undated page's weekday, read against the days it gives its meeting
    "known_event": 3,
    "cross_reference": 4,
    "unresolved": 5,
}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def link_corpus(
    articles: list[Article],
    extractions: dict[str, ArticleExtraction],
    extractor,
    warnings: list[str],
) -> Corpus:
    config = extractor.config
    set_role_synonyms(config.conflicts.role_synonyms)
    actors = corpus_actors(articles, extractions)
    meetings, meeting_conflicts = merge_meetings(
        articles,
        extractions,
        config,
        extractor.index.place_countries,
        extractor.index.place_regions,
    )
    claims = [c for a in articles if a.id in extractions for c in extractions[a.id].claims]
    conflicts = meeting_conflicts + claim_conflicts(claims, config, extractor.index)
    return Corpus(articles, extractions, actors, meetings, conflicts, list(warnings))


_ROLE_SYNONYMS: dict[str, str] = {}
_ROLE_PATTERN: re.Pattern[str] | None = None
_ROLE_SYNONYMS_GIVEN: dict[str, str] | None = None  # as last installed, to skip a repeat


def set_role_synonyms(synonyms: dict[str, str]) -> None:
    """Install config.conflicts.role_synonyms for `_role_key` (each link does; the same ones
    again change nothing and keep the keys worked out so far)."""
    global _ROLE_SYNONYMS, _ROLE_PATTERN, _ROLE_SYNONYMS_GIVEN
    if synonyms == _ROLE_SYNONYMS_GIVEN:
        return
    _ROLE_SYNONYMS_GIVEN = dict(synonyms)
    _ROLE_SYNONYMS = {_plain(k): _plain(v) for k, v in synonyms.items()}
    keys = sorted(_ROLE_SYNONYMS, key=len, reverse=True)
    _ROLE_PATTERN = (
        re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b") if keys else None
    )
    _role_key.cache_clear()


def _plain(role: str) -> str:
    return " ".join(role.lower().replace("-", " ").replace(" (former)", "").split())


# By the role alone (a compiled pattern in the key would be hashed, code and all, at each call);
# emptied when other synonyms are installed.
@lru_cache(maxsize=4096)
def _role_key(role: str) -> str:
    """A role in the form roles are compared in: 'Defence Minister' == 'minister of defense'."""
    plain = _plain(role)
    if _ROLE_PATTERN is None:
        return plain
    return _ROLE_PATTERN.sub(lambda m: _ROLE_SYNONYMS[m.group()], plain)


def corpus_actors(
    articles: list[Article], extractions: dict[str, ArticleExtraction]
) -> list[CorpusActor]:
    merged: dict[tuple[str, str], CorpusActor] = {}
    role_keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    for article in articles:
        extraction = extractions.get(article.id)
        if extraction is None:
            continue
        for actor in extraction.actors:
            key = (actor.name, actor.kind)
            entry = merged.get(key)
            if entry is None:
                entry = merged[key] = CorpusActor(actor.name, actor.kind, [], 0, [], actor.country)
            entry.mentions += len(actor.mentions)
            if not entry.articles or entry.articles[-1] != article.id:  # articles come in order
                entry.articles.append(article.id)
            for role in actor.roles:
                if _role_key(role) not in role_keys[key]:
                    role_keys[key].add(_role_key(role))
                    entry.roles.append(role)
    kinds = {"person": 0, "organization": 1, "country": 2, "place": 3}
    return sorted(
        merged.values(), key=lambda a: (kinds.get(a.kind, 9), -len(a.articles), -a.mentions, a.name)
    )


# --- meetings ------------------------------------------------------------------------------------


@dataclass(eq=False)  # a group is itself: `in` tests identity, not every field
class _Group:
    """Reports of one meeting; its span and places are kept up to date as reports join."""

    mentions: list[MeetingMention] = field(default_factory=list)
    type_ids: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    ordinals: set[int] = field(default_factory=set)  # "the third round": its number in a series
    kinds: dict[str, str] = field(default_factory=dict)  # type id -> kind, of its reports
    articles: set[str] = field(default_factory=set)  # the articles of its reports
    attendees: set[str] = field(default_factory=set)  # who its reports say attends
    _span: tuple[date, date] | None = None
    _stale: bool = True

    def add(self, mention: MeetingMention) -> None:
        self.mentions.append(mention)
        self.type_ids.add(mention.type_id)
        self.kinds.setdefault(mention.type_id, mention.kind)
        self.articles.add(mention.sources[0].article)
        self.attendees.update(mention.attendees)
        if mention.ordinal is not None:
            self.ordinals.add(mention.ordinal)
        if mention.place:
            self.places.add(mention.place)
        if mention.start:
            self._stale = True

    def span(self) -> tuple[date, date] | None:
        if self._stale:
            best = _best_dated(self.mentions)
            self._span = (
                None
                if best is None
                else (date.fromisoformat(best.start), date.fromisoformat(best.end or best.start))
            )
            self._stale = False
        return self._span


def _best_dated(mentions: list[MeetingMention]) -> MeetingMention | None:
    dated = [m for m in mentions if m.start]
    if not dated:
        return None
    # The most precise, then the best basis, then the most reported span.
    spans = Counter((m.start, m.end) for m in dated)
    return min(
        dated,
        key=lambda m: (
            _PRECISION_RANK.get(m.precision, 9),
            _BASIS_RANK.get(m.date_basis, 9),
            -spans[(m.start, m.end)],
            m.start,
        ),
    )


def _span_of(m: MeetingMention) -> tuple[date, date] | None:
    if not m.start:
        return None
    return date.fromisoformat(m.start), date.fromisoformat(m.end or m.start)


def merge_meetings(
    articles: list[Article],
    extractions: dict[str, ArticleExtraction],
    config,
    place_countries: dict[str, str] | None = None,
    place_regions: dict[str, str] | None = None,
) -> tuple[list[Meeting], list[Conflict]]:
    """Reports of one meeting from many articles become one meeting.

    Dated reports are taken in date order and compared only with the meetings still open at that
    date (blocking on kind and time), undated ones only with meetings at their place: the work
    grows with the reports of one meeting, not with the square of the corpus.
    """
    types = {t.id: t for t in config.meetings.types}
    window = config.meetings.merge_window_days
    areas = _areas_for(place_regions or {}, place_countries)

    def related(a: str, b: str) -> bool:
        ta, tb = types.get(a), types.get(b)
        return a == b or bool(ta and b in ta.merge_with) or bool(tb and a in tb.merge_with)

    def single(type_id: str) -> bool:
        t = types.get(type_id)
        return bool(t and t.single_event)

    mentions = [m for a in articles if a.id in extractions for m in extractions[a.id].meetings]
    dated = sorted((m for m in mentions if m.start), key=lambda m: (m.start, m.type_id))
    undated = [m for m in mentions if not m.start]
    blocks: dict[str, list[_Group]] = defaultdict(list)  # every group, by kind
    # The dated groups each article reports: where it may contradict itself.
    by_article: dict[str, list[_Group]] = defaultdict(list)
    # Groups a later report may still join: single-event meetings by type, others by place.
    open_by_type: dict[str, list[_Group]] = defaultdict(list)
    open_by_place: dict[tuple[str, str], list[_Group]] = defaultdict(list)
    by_place: dict[tuple[str, str], list[_Group]] = defaultdict(list)
    # Every open group by place, whatever its kind: "a meeting in London on 2 March" (one
    # outlet) is "the summit in London" of that day (another).
    open_at_place: dict[str, list[_Group]] = defaultdict(list)
    # Open calls by each pair of their callers: "Scholz's 90-minute phone call with Putin last
    # month" (one outlet) is the call of 15 November between them (another).
    open_by_callers: dict[frozenset[str], list[_Group]] = defaultdict(list)
    # Groups of a kind not held daily by type and day: "the first round of the talks, on May
    # 16" (no place) is the "peace talks in Istanbul" of that day.
    by_type_day: dict[tuple[str, int], list[_Group]] = defaultdict(list)
    # The types each type's reports may join, worked out only for the types that occur.
    related_ids: dict[str, list[str]] = {}

    def related_types(type_id: str) -> list[str]:
        if type_id not in related_ids:
            known = type_id in types
            related_ids[type_id] = [u for u in types if known and related(type_id, u)] or [type_id]
        return related_ids[type_id]

    def still_open(groups: list[_Group], horizon: int) -> list[_Group]:
        kept = [g for g in groups if g.span() is None or g.span()[1].toordinal() >= horizon]
        groups[:] = kept
        return kept

    for mention in dated:
        span = _span_of(mention)
        horizon = span[0].toordinal() - window - 31  # a month-long span starts a month earlier
        # A named meeting ("NATO Summit") and a report of its kind at its place ("the summit in
        # The Hague") find each other: single-event groups by type, the others by place.
        by_type = [
            g
            for t in related_types(mention.type_id)
            if single(t) or t == mention.type_id
            for g in still_open(open_by_type[t], horizon)
        ]
        at_place = (
            [
                g
                for name in areas.names(mention.place)
                for g in still_open(open_by_place[(mention.kind, name)], horizon)
            ]
            if mention.place
            else []
        )
        candidates = by_type + at_place if single(mention.type_id) else at_place + by_type
        if not single(mention.type_id) and not mention.place:
            candidates = []
        # A report that only says a meeting took place ("a meeting in London", "leaders met").
        generic = _vague(mention.type_id, mention.kind, types)
        if mention.place:
            candidates += [
                g
                for name in areas.names(mention.place)
                for g in still_open(open_at_place[name], horizon)
                if g not in candidates
            ]
        callers = _caller_pairs(mention)
        for pair in callers:
            candidates += [
                g for g in still_open(open_by_callers[pair], horizon) if g not in candidates
            ]
        not_daily = mention.kind not in _DAILY_KINDS
        days = range(span[0].toordinal(), min(span[1].toordinal(), span[0].toordinal() + 6) + 1)
        if not_daily:
            for day in days:
                candidates += [
                    g for g in by_type_day[(mention.type_id, day)] if g not in candidates
                ]
        article = mention.sources[0].article
        # The article's own reports a day or two away: where it may contradict itself.
        candidates = candidates + [
            g
            for g in by_article[article]
            if (other := g.span()) is not None
            and (span[0] - other[1]).days <= 2
            and (other[0] - span[1]).days <= 2
            and g not in candidates
        ]
        target, target_key = None, None
        for group in candidates:
            other = group.span()
            if other is None:
                continue
            # A generic report of another outlet, same place, same days: that meeting.
            # (sets kept on the group: a summit's thousands of reports are not walked here)
            vague_side = generic or all(_vague(t, k, types) for t, k in group.kinds.items())
            elsewhere = (
                vague_side
                and bool(group.places)
                and areas.holds(group.places, mention.place)
                and article not in group.articles
            )
            same_days_elsewhere = elsewhere and other == span
            # "talks in Jeddah" on the 10th (one outlet) and "a meeting in Jeddah" with the same
            # people on the 11th (another): one meeting dated two ways.
            if (
                elsewhere
                and not same_days_elsewhere
                and max((span[0] - other[1]).days, (other[0] - span[1]).days) == 1
                and not group.attendees.isdisjoint(mention.attendees)
            ):
                same_days_elsewhere = True
            if not same_days_elsewhere and not any(
                related(mention.type_id, t) for t in group.type_ids
            ):
                continue
            if (
                mention.ordinal is not None
                and group.ordinals
                and mention.ordinal not in group.ordinals
            ):
                continue  # the second round is not the third
            overlap = span[0] <= other[1] and other[0] <= span[1]
            # The same two callers on days that overlap, in another outlet: one call.
            same_call = (
                bool(callers)
                and overlap
                and article not in group.articles
                and set(group.kinds.values()) == {"call"}
                and any(pair <= group.attendees for pair in callers)
            )
            gap = max((span[0] - other[1]).days, (other[0] - span[1]).days)
            places_ok = (
                not mention.place or not group.places or areas.holds(group.places, mention.place)
            )
            group_single = any(single(t) for t in group.type_ids)
            both_single = single(mention.type_id) and group_single
            # "the third round of talks in Istanbul" on 22 and on 23 July: one round, two dates.
            same_number = (
                mention.ordinal is not None
                and mention.ordinal in group.ordinals
                and mention.kind not in ("bilateral", "call")
                and places_ok
                and gap <= window
            )
            # One article that dates one meeting (at one place) two ways, a day or two apart.
            self_contradiction = (
                (
                    (mention.place and areas.holds(group.places, mention.place))
                    # a report that names no place, of a kind that does not happen daily
                    or (places_ok and mention.kind not in ("bilateral", "call", "meeting"))
                )
                and 1 <= gap <= 2
                and mention.type_id in group.type_ids
                and any(m.sources[0].article == mention.sources[0].article for m in group.mentions)
            )
            # "the summit in Anchorage on Saturday" (a Hong Kong paper) and "last Friday's
            # summit in Alaska": two outlets a day apart on a meeting that is not held daily.
            day_apart = (
                gap == 1
                and mention.kind in _NOT_DAILY
                and mention.place
                and group.places
                and places_ok
                and article not in group.articles
            )
            # "The first round of the talks, on May 16" (no place) and "peace talks in
            # Istanbul on May 16": a meeting of one kind, not held daily, on the same days.
            placeless_same = (
                not_daily
                and (not mention.place or not group.places)
                and (
                    other[0] <= span[0] <= span[1] <= other[1]
                    or span[0] <= other[0] <= other[1] <= span[1]
                )
                and mention.type_id in group.type_ids
            )
            if (
                (both_single and (overlap or (gap <= window and places_ok)))
                or placeless_same
                or day_apart
                or (overlap and places_ok and mention.place and group.places)
                or (overlap and places_ok and group_single)  # "the summit in The Hague"
                or same_number
                or self_contradiction
                or same_days_elsewhere
                or same_call
            ):
                # A meeting of its own kind, then the one it overlaps, then the one most
                # reported (not the first opened).
                key = (
                    not same_days_elsewhere,
                    overlap,
                    places_ok and bool(group.places),
                    len(group.mentions),
                )
                if target_key is None or key > target_key:
                    target, target_key = group, key
        if target is None:
            target = _Group()
            blocks[mention.kind].append(target)
            if single(mention.type_id):
                open_by_type[mention.type_id].append(target)
            elif mention.place:
                open_by_place[(mention.kind, mention.place)].append(target)
            if mention.place:
                open_at_place[mention.place].append(target)
        elif single(mention.type_id) and not any(
            g is target for g in open_by_type[mention.type_id]
        ):
            open_by_type[mention.type_id].append(target)  # found by its type from now on too
        for pair in callers:
            if not any(g is target for g in open_by_callers[pair]):
                open_by_callers[pair].append(target)
        if not_daily:
            for day in days:
                if not any(g is target for g in by_type_day[(mention.type_id, day)]):
                    by_type_day[(mention.type_id, day)].append(target)
        target.add(mention)
        if not by_article[article] or by_article[article][-1] is not target:
            by_article[article].append(target)
        if mention.place and (
            not by_place[(mention.kind, mention.place)]
            or by_place[(mention.kind, mention.place)][-1] is not target
        ):
            by_place[(mention.kind, mention.place)].append(target)

    for mention in undated:
        if mention.ordinal is not None and mention.place:
            # "the third round of talks in Istanbul", undated here, dated in another report.
            candidates = [
                g for g in by_place[(mention.kind, mention.place)] if mention.ordinal in g.ordinals
            ]
        elif not single(mention.type_id):
            candidates = []
        elif mention.place:
            candidates = list({id(g): g for g in by_place[(mention.kind, mention.place)]}.values())
        elif len(blocks[mention.kind]) <= 50:
            candidates = list(blocks[mention.kind])
        else:
            candidates = []  # too many to tell which one it is
        candidates = [g for g in candidates if any(related(mention.type_id, t) for t in g.type_ids)]
        if mention.weekday_hint is not None:
            candidates = [g for g in candidates if _has_weekday(g.span(), mention.weekday_hint)]
        if len(candidates) == 1:
            candidates[0].add(mention)
        else:
            group = _Group()
            group.add(mention)
            blocks[mention.kind].append(group)
            if mention.place:
                by_place[(mention.kind, mention.place)].append(group)

    meetings, conflicts = [], []
    for kind in sorted(blocks):
        for group in blocks[kind]:
            meeting = _meeting(group, types)
            meetings.append(meeting)
            conflicts += _meeting_conflicts(meeting, group, place_countries or {}, areas)
    meetings.sort(key=lambda m: (m.start is None, m.start or "", m.name))
    return meetings, conflicts


def _caller_pairs(mention: MeetingMention) -> list[frozenset[str]]:
    """Each pair of the people a call report names as on it (none for other meetings, or for
    a call with fewer than two named)."""
    if mention.kind != "call" or len(mention.attendees) < 2:
        return []
    people = sorted(set(mention.attendees))[:6]  # a call has few callers; a list is no call
    return [frozenset((a, b)) for i, a in enumerate(people) for b in people[i + 1 :]]


def _vague(type_id: str, kind: str, types: dict) -> bool:
    """A report of some meeting or summit ("a summit in Switzerland"), not of a named one, of
    talks, a visit or a call."""
    known = types.get(type_id)
    return (
        kind == "meeting"
        or bool(known and known.generic)
        or (kind == "summit" and not (known and known.single_event))
    )


# Kinds of meeting a place does not hold on two days running, unless it is one meeting.
_NOT_DAILY = frozenset({"summit", "ministerial", "conference", "talks"})


class _Areas:
    """Places that hold one another: a region and its cities (Alaska, Anchorage), a country and
    its places (Switzerland, Bürgenstock). Two cities of one country do not."""

    def __init__(self, regions: dict[str, str], countries: dict[str, str] | None = None):
        self.regions = regions
        self.cities: dict[str, list[str]] = defaultdict(list)
        for city, region in regions.items():
            self.cities[region].append(city)
        self.countries = {p: c for p, c in (countries or {}).items() if p != c}
        for place, country in self.countries.items():
            self.cities[country].append(place)
        self._names: dict[str, list[str]] = {}

    def names(self, place: str) -> list[str]:
        """`place`, the region and country it is in, and the places in it."""
        found = self._names.get(place)
        if found is None:
            region, country = self.regions.get(place), self.countries.get(place)
            found = list(
                dict.fromkeys(
                    [place, *([region] if region else []), *([country] if country else [])]
                    + self.cities.get(place, [])
                )
            )
            self._names[place] = found
        return found

    def holds(self, places: set[str], place: str) -> bool:
        """Whether one of `places` is `place`, its region or country, or a place in it."""
        return place in places or any(name in places for name in self.names(place)[1:])


_LAST_AREAS: list[tuple[dict, dict | None, _Areas]] = []


def _areas_for(regions: dict[str, str], countries: dict[str, str] | None) -> _Areas:
    """The `_Areas` of a gazetteer's dicts, built once: each link of a long session (and each
    pass of a benchmark) reuses it rather than inverting thousands of places again."""
    if _LAST_AREAS and _LAST_AREAS[0][0] is regions and _LAST_AREAS[0][1] is countries:
        return _LAST_AREAS[0][2]
    areas = _Areas(regions, countries)
    _LAST_AREAS[:] = [(regions, countries, areas)]
    return areas


def _has_weekday(span: tuple[date, date] | None, weekday: int) -> bool:
    if span is None:
        return False
    first, last = span
    return (last - first).days >= 6 or any(
        (first.toordinal() + i) % 7 == (weekday + 1) % 7 for i in range((last - first).days + 1)
    )


def _meeting(group: _Group, types) -> Meeting:
    best = _best_dated(group.mentions)
    named = [m for m in group.mentions if not (types.get(m.type_id) and types[m.type_id].generic)]
    name_source = named or group.mentions
    name = Counter(m.name for m in name_source).most_common(1)[0][0]
    kind = (named or group.mentions)[0].kind
    places = Counter(m.place for m in group.mentions if m.place)
    absentees = list(dict.fromkeys(n for m in group.mentions for n in m.absentees))
    attendees = list(
        dict.fromkeys(n for m in group.mentions for n in m.attendees if n not in absentees)
    )
    sources: list[Source] = []
    seen = set()
    for mention in group.mentions:
        for source in mention.sources:
            key = (source.article, source.start)
            if key not in seen:
                seen.add(key)
                sources.append(source)
    basis = best.date_basis if best else "unresolved"
    if best and any(not m.start for m in group.mentions) and basis == "unresolved":
        basis = "cross_reference"
    place = places.most_common(1)[0][0] if places else None
    start = best.start if best else None
    end = (best.end or best.start) if best else None
    if best and best.precision == "day":
        # "April 3" in one report and "a two-day meeting from April 3" in another: April 3-4.
        # Spans that only overlap (24-25 and 25-26 June) disagree: the conflict shows both.
        for m in group.mentions:
            if not m.start or m.precision != "day":
                continue
            m_end = m.end or m.start
            if m.start <= start and end <= m_end:
                start, end = m.start, m_end
    digest = hashlib.sha1(
        f"{kind}|{name}|{start}|{place}|{sources[0].article}|{sources[0].start}".encode()
    ).hexdigest()[:10]
    return Meeting(
        id=f"m-{digest}",
        name=name,
        kind=kind,
        place=place,
        start=start,
        end=end,
        date_basis=basis,
        attendees=attendees,
        absentees=absentees,
        sources=sources,
        precision=best.precision if best else "day",
        reports=[[m.sources[0].article, m.start, m.end, m.place] for m in group.mentions],
    )


def _meeting_conflicts(
    meeting: Meeting, group: _Group, place_countries: dict[str, str], areas: _Areas
) -> list[Conflict]:
    """Reports of one meeting that disagree on its dates, its place, or who attends.

    Reports are grouped by what they say first, so a summit reported by thousands of articles
    costs the number of distinct versions squared, not the number of reports squared.
    """
    conflicts = []
    by_span: dict[tuple[date, date], MeetingMention] = {}
    for m in group.mentions:
        if m.start and m.precision == "day":
            if m.days == 1:
                by_span[_span_of(m)] = m  # the report that says how long it is speaks for it
            else:
                by_span.setdefault(_span_of(m), m)
    for (sa, a), (sb, b) in combinations(by_span.items(), 2):
        # "on June 25" beside "June 24-25" is a day of it, unless it is "the one-day summit".
        single_in_range = (sa[0] == sa[1] and sb[0] <= sa[0] <= sb[1] and a.days != 1) or (
            sb[0] == sb[1] and sa[0] <= sb[0] <= sa[1] and b.days != 1
        )
        # "opens on Wednesday" and "on Thursday" beside a report of both days: two days of it.
        in_one_range = (
            sa[0] == sa[1]
            and sb[0] == sb[1]
            and any(r[0] <= min(sa[0], sb[0]) and max(sa[1], sb[1]) <= r[1] for r in by_span)
        )
        if not single_in_range and not in_one_range:
            va, vb = _span_text(sa), _span_text(sb)
            conflicts.append(_conflict(meeting.name, "dates", a.sources[0], va, b.sources[0], vb))
    by_place: dict[str, MeetingMention] = {}
    for m in group.mentions:
        if m.place:
            by_place.setdefault(m.place, m)
    # "in the Netherlands" and "in The Hague" agree.
    countries = {place_countries.get(p) for p in by_place} - {None}
    for country in countries & set(by_place):
        if len(by_place) > 1:
            del by_place[country]
    # "in Alaska" and "in Anchorage" agree too.
    for region in {areas.regions.get(p) for p in by_place} & set(by_place):
        if len(by_place) > 1:
            del by_place[region]
    if len(by_place) > 1:
        (pa, a), (pb, b) = list(by_place.items())[:2]
        conflicts.append(_conflict(meeting.name, "place", a.sources[0], pa, b.sources[0], pb))
    counted: dict[str, Source] = {}
    for m in group.mentions:
        for count in m.participants:
            counted.setdefault(count, _source_writing(m, count))
    for (va, a), (vb, b) in combinations(counted.items(), 2):
        if _COUNTED.get(va.split()[-1]) != _COUNTED.get(vb.split()[-1]):
            continue  # 40 countries and 5,000 participants are counts of different things
        ra, rb = _count_range(va), _count_range(vb)
        if ra and rb and (ra[1] < rb[0] or rb[1] < ra[0]):
            conflicts.append(_conflict(meeting.name, "participants", a, va, b, vb))
            break  # one pair shows the disagreement
    timed: dict[str, Source] = {}
    for m in group.mentions:
        for length in m.lengths:
            timed.setdefault(length, _source_timing(m, length))
    for (va, a), (vb, b) in combinations(timed.items(), 2):
        ra, rb = _length_range(va), _length_range(vb)
        if ra and rb and (ra[1] < rb[0] or rb[1] < ra[0]):
            conflicts.append(_conflict(meeting.name, "length", a, va, b, vb))
            break
    attending: dict[str, MeetingMention] = {}
    absent: dict[str, MeetingMention] = {}
    for m in group.mentions:
        for person in m.attendees:
            attending.setdefault(person, m)
        for person in m.absentees:
            absent.setdefault(person, m)
    for person in sorted(set(attending) & set(absent)):
        a, b = attending[person], absent[person]
        if a is not b:
            conflicts.append(
                _conflict(
                    person,
                    f"attendance: {meeting.name}",
                    a.sources[0],
                    "attends",
                    b.sources[0],
                    "absent",
                )
            )
    return conflicts


# What a count's qualifier allows, as factors of its number: "nearly 50" is 45 to 50.
_COUNT_QUALIFIERS = {
    "nearly": (0.9, 0.99),
    "almost": (0.9, 0.99),
    "close to": (0.9, 1.0),
    "about": (0.9, 1.1),
    "around": (0.9, 1.1),
    "some": (0.9, 1.1),
    "roughly": (0.9, 1.1),
    "approximately": (0.9, 1.1),
    "more than": (1.01, 1.3),
    "well over": (1.1, 1.6),
    "over": (1.01, 1.3),
    "at least": (1.0, 1.3),
    "up to": (0.7, 1.0),
    "just over": (1.0, 1.15),
    "just under": (0.9, 1.0),
    "less than": (0.7, 0.99),
    "under": (0.7, 0.99),
    "barely": (0.85, 1.0),
}


_LENGTH_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                   "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                   "twelve": 12, "half an": 0.5, "half a": 0.5}  # fmt: skip
_LENGTH = re.compile(
    r"(?:(?P<h>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half an?)"
    r"(?P<half1>\s+and\s+a\s+half)?\s+hours?(?P<half2>\s+and\s+a\s+half)?)?"
    r"(?:\s*(?:and\s+)?(?P<m>\d+)\s+minutes)?"
)


_LENGTH_WORDS = {
    "hour-long": "an hour",
    "half-hour": "half an hour",
    "hour-and-a-half": "an hour and a half",
}
_LENGTH_ADJECTIVE = re.compile(r"^(?P<n>\w+)(?P<half>-and-a-half)?-(?P<unit>hour|minute)$")
# "almost nine hours" and "nine hours" can both be said of one meeting.
_LENGTH_QUALIFIERS = {"nearly": (0.9, 1.0), "almost": (0.9, 1.0)}


def _length_range(written: str) -> tuple[float, float] | None:
    """'almost an hour' -> (54, 60) minutes; '1 hour 40 minutes' -> (100, 100)."""
    qualifier = ""
    for q in sorted(_COUNT_QUALIFIERS, key=len, reverse=True):
        if written.startswith(q + " "):
            qualifier, written = q, written[len(q) + 1 :]
            break
    # "a 90-minute call", "a two-and-a-half-hour meeting": the adjective as a length.
    written = _LENGTH_WORDS.get(written, written)  # "an hour-long call"
    written = _LENGTH_ADJECTIVE.sub(
        lambda m: f"{m['n']}{' and a half' if m['half'] else ''} {m['unit']}s", written
    )
    match = _LENGTH.fullmatch(written.strip())
    if match is None or not (match["h"] or match["m"]):
        return None
    hours = match["h"]
    minutes = 0.0
    if hours:
        minutes += 60 * (float(hours) if hours.isdigit() else _LENGTH_NUMBERS[hours])
        if match["half1"] or match["half2"]:
            minutes += 30
    if match["m"]:
        minutes += int(match["m"])
    low, high = _LENGTH_QUALIFIERS.get(qualifier) or _COUNT_QUALIFIERS.get(qualifier, (1.0, 1.0))
    return minutes * low, minutes * high


def _source_timing(mention: MeetingMention, length: str) -> Source:
    """The sentence of `mention` that says it lasted `length`."""
    last = length.split()[-1]
    return next((s for s in mention.sources if last in s.sentence.lower()), mention.sources[0])


def _source_writing(mention: MeetingMention, count: str) -> Source:
    """The sentence of `mention` that writes `count` ('nearly 50 countries')."""
    number, what = count.split()[-2:]
    return next(
        (
            s
            for s in mention.sources
            if re.search(rf"\b{re.escape(number)}\s+{what}\b", s.sentence, re.IGNORECASE)
        ),
        mention.sources[0],
    )


# What a count counts, so that only counts of one thing are compared.
_COUNTED = {
    "countries": "countries",
    "nations": "countries",
    "states": "countries",
    "allies": "countries",
    "delegations": "delegations",
    "participants": "people",
    "attendees": "people",
    "delegates": "people",
    "people": "people",
    "signing": "signatories",  # "80 countries signing" is not "92 countries" attending
}


# "the leaders of eight countries": a count in words.
_COUNT_WORDS = {w: n for w, n in _LENGTH_NUMBERS.items() if isinstance(n, int) and n >= 2}
_COUNT_WORDS["dozen"] = 12


def _count_range(written: str) -> tuple[float, float] | None:
    """'nearly 50 countries' -> (45, 49.5); '40 countries' -> (40, 40)."""
    match = re.match(r"(?:(?P<q>[a-z ]+?)\s+)?(?P<n>\d[\d,]*|[a-z]+)\b", written)
    if match is None:
        return None
    word = _COUNT_WORDS.get(match["n"])
    if word is None and not match["n"][0].isdigit():
        return None
    n = word or int(match["n"].replace(",", ""))
    low, high = _COUNT_QUALIFIERS.get(match["q"] or "", (1.0, 1.0))
    return n * low, n * high


# Kinds of meeting held any day, by anyone: two reports of one on a day are not one meeting.
_DAILY_KINDS = frozenset({"bilateral", "call", "meeting", "visit"})


def _span_text(span: tuple[date, date]) -> str:
    return (
        span[0].isoformat()
        if span[0] == span[1]
        else f"{span[0].isoformat()}..{span[1].isoformat()}"
    )


def _conflict(
    subject: str, attribute: str, a: Source, value_a: str, b: Source, value_b: str
) -> Conflict:
    digest = hashlib.sha1(
        f"{subject}|{attribute}|{a.article}:{a.start}|{b.article}:{b.start}|{value_a}|{value_b}".encode()
    ).hexdigest()[:10]
    return Conflict(
        id=f"c-{digest}",
        subject=subject,
        attribute=attribute,
        a=ConflictSide(a.article, a.sentence, value_a, a.start, a.end),
        b=ConflictSide(b.article, b.sentence, value_b, b.start, b.end),
    )


# --- claims --------------------------------------------------------------------------------------


def claim_conflicts(claims: list[Claim], config, index) -> list[Conflict]:
    rules = config.conflicts
    days = rules.same_time_days
    conflicts: list[Conflict] = []
    blocks: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    former: dict[tuple[str, str], list[Claim]] = defaultdict(list)  # "former president X"
    for claim in claims:
        if claim.period == "current":
            blocks[(claim.subject, claim.attribute)].append(claim)
        elif claim.attribute == "role" and claim.when:
            former[(claim.subject, _role_key(claim.value))].append(claim)

    exclusive = [{_role_key(r) for r in group} for group in rules.exclusive_roles]
    per_article = {(r.subject, r.attribute) for r in rules.claims if r.within_article}
    for (subject, attribute), block in blocks.items():
        if attribute == "role":
            conflicts += _role_conflicts(subject, block, exclusive, days)
        elif (subject, attribute) in per_article:
            by_article: dict[str, list[Claim]] = defaultdict(list)
            for claim in block:
                by_article[claim.source.article].append(claim)
            for claims_of_one in by_article.values():
                conflicts += _value_conflicts(subject, attribute, claims_of_one, days * 4)
        else:
            conflicts += _value_conflicts(subject, attribute, block, days * 4)
    conflicts += _office_conflicts(blocks, rules, index, days)
    if former:
        conflicts += _stale_role_conflicts(blocks, former, index)
    return conflicts


STALE_ROLE_DAYS = 120  # how close a "former" statement must be to confirm a stale title


def _stale_role_conflicts(blocks, former, index) -> list[Conflict]:
    """'Romanian President Klaus Iohannis' on 1 March 2025 and 'former president Iohannis' two
    days later: the gazetteer has his term ending on 12 February, so the first title is out of
    date. Both the gazetteer and a 'former' statement must say so: either alone is not enough
    (a title the gazetteer does not know, or a term that began between the two statements)."""
    out = []
    for (subject, attribute), block in blocks.items():
        if attribute != "role" or subject not in index.people_by_name:
            continue
        periods = index.people_by_name[subject].roles
        for claim in block:
            if not claim.when:
                continue
            key = _role_key(claim.value)
            pasts = former.get((subject, key))
            if not pasts:
                continue
            day = date.fromisoformat(claim.when)
            mine = [p for p in periods if _role_key(p.title) == key]
            if not mine or any(p.held_on(day) for p in mine):
                continue  # the gazetteer does not know the title, or has it held that day
            past = min(pasts, key=lambda c: abs((date.fromisoformat(c.when) - day).days))
            if abs((date.fromisoformat(past.when) - day).days) <= STALE_ROLE_DAYS:
                out.append(
                    _conflict(
                        subject,
                        "role",
                        claim.source,
                        claim.value,
                        past.source,
                        f"former {past.value}",
                    )
                )
                break  # one example of the stale title per person
    return out


PAIRS_PER_DISAGREEMENT = 5  # examples kept of one disagreement (one pair of values)


def _by_value(block: list[Claim], key) -> dict[str, list[Claim]]:
    values: dict[str, list[Claim]] = defaultdict(list)
    for claim in block:
        values[key(claim.value)].append(claim)
    return values


def _example_pairs(
    side_a: list[Claim],
    side_b: list[Claim],
    days: int,
    dated_only: bool = False,
    across: bool = False,
) -> list[tuple[Claim, Claim]]:
    """Up to PAIRS_PER_DISAGREEMENT pairs (a, b) made at the same time, one per article pair.

    The same article first (it contradicts itself), then other articles close in date, found by
    bisection over the dated claims: never every claim against every claim.
    """
    dated = sorted((c for c in side_b if c.when), key=lambda c: c.when)
    ordinals = [date.fromisoformat(c.when).toordinal() for c in dated]
    undated = [] if dated_only else [c for c in side_b if not c.when]
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in side_b:
        by_article[claim.source.article].append(claim)
    pairs: list[tuple[Claim, Claim]] = []
    seen: set[frozenset[str]] = set()
    for a in side_a:
        if dated_only and not a.when:
            continue
        if a.when:
            day = date.fromisoformat(a.when).toordinal()
            lo, hi = bisect_left(ordinals, day - days), bisect_right(ordinals, day + days)
            near = dated[lo:hi]
        else:
            near = [] if dated_only else dated[:50]
        candidates = ([] if across else by_article[a.source.article]) + near + undated[:50]
        for b in candidates[:200]:
            if across and a.source.article == b.source.article:
                continue
            if b.source.article == a.source.article and b.source.start == a.source.start and across:
                continue
            key = frozenset((a.source.article, b.source.article))
            if key in seen:
                continue
            seen.add(key)
            pairs.append((a, b))
            if len(pairs) >= PAIRS_PER_DISAGREEMENT:
                return pairs
    return pairs


def _role_conflicts(
    subject: str, block: list[Claim], exclusive: list[set[str]], days: int
) -> list[Conflict]:
    out = []
    values = _by_value(block, _role_key)
    for ra, rb in combinations(sorted(values), 2):
        if not any(ra in group and rb in group for group in exclusive):
            continue
        if _held_together(ra, rb, values[ra] + values[rb]):
            continue
        for a, b in _example_pairs(values[ra], values[rb], days):
            out.append(_conflict(subject, "role", a.source, a.value, b.source, b.value))
    return out


def _held_together(ra: str, rb: str, claims: list[Claim]) -> bool:
    """'Secretary of State and national security adviser Marco Rubio': two titles joined by
    'and' are held at once (not 'the former defence minister, now NSDC secretary')."""
    for claim in claims:
        sentence = _role_key(claim.source.sentence)
        if f"{ra} and {rb}" in sentence or f"{rb} and {ra}" in sentence:
            return True
    return False


def _value_conflicts(subject: str, attribute: str, block: list[Claim], days: int) -> list[Conflict]:
    out = []
    values = _by_value(block, lambda v: v)
    for va, vb in combinations(sorted(values), 2):
        for a, b in _example_pairs(values[va], values[vb], days):
            out.append(_conflict(subject, attribute, a.source, a.value, b.source, b.value))
    return out


def _office_conflicts(blocks, rules, index, days: int) -> list[Conflict]:
    """Two people named as the holder of one office at one time, by dated articles. Within one
    article both must be named as current ("former" marks a predecessor); an undated article
    may be from another term."""
    offices = {_role_key(o) for o in rules.office_holders}
    if not offices:
        return []
    people = index.people_by_name
    longest_first = sorted(offices, key=len, reverse=True)
    scoped: dict[str, tuple[str | None, str | None]] = {}
    holders: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for (subject, attribute), block in blocks.items():
        if attribute != "role":
            continue
        entity = people.get(subject)
        if entity is None:
            continue
        for claim in block:
            role = _role_key(claim.value)
            named_scope = None
            if role not in offices:
                # "European Council president", "president of the European Council": the
                # office, and whose it is, as the text names them.
                if role not in scoped:
                    scoped[role] = _office_and_scope(role, offices, longest_first)
                role, named_scope = scoped[role]
                if role is None:
                    continue
            scope = named_scope or (
                next((p.org for p in entity.roles if p.org and _role_key(p.title) == role), None)
                or entity.country
            )
            if scope:
                holders[f"{scope} {role}"][subject].append(claim)
    out = []
    for office, by_person in holders.items():
        for pa, pb in combinations(sorted(by_person), 2):
            for a, b in _example_pairs(by_person[pa], by_person[pb], days, dated_only=True):
                out.append(_conflict(office, "holder", a.source, pa, b.source, pb))
    return out


_OF_SCOPE = re.compile(r"^(?P<office>.+?) of (?:the )?(?P<scope>.+)$")


def _office_and_scope(
    role: str, offices: set[str], longest_first: list[str]
) -> tuple[str | None, str | None]:
    """('president', 'european council') for 'european council president' or 'president of the
    european council'; (None, None) when no office of `offices` is named."""
    of = _OF_SCOPE.match(role)
    if of and of["office"] in offices:
        return of["office"], of["scope"]
    for office in longest_first:
        # A scope of two letters or more ("eu high representative"), not a prefix ("ex").
        if role.endswith(" " + office) and len(role) > len(office) + 2:
            scope = role[: -len(office) - 1]
            if scope not in _NOT_SCOPES:
                return office, scope
    return None, None


_NOT_SCOPES = {"ex"}  # "ex president" (from "ex-president") is a former president
