"""Link per-article extractions into one corpus: actors, merged meetings, conflicts.

Everything is blocked before it is compared: meetings by kind, claims by (subject, attribute),
so the work grows with the number of reports of one thing, not with the square of the corpus.
"""

from __future__ import annotations

import hashlib
import re
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
    "cross_reference": 3,
    "unresolved": 4,
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
    meetings, meeting_conflicts = merge_meetings(articles, extractions, config)
    claims = [c for a in articles if a.id in extractions for c in extractions[a.id].claims]
    conflicts = meeting_conflicts + claim_conflicts(claims, config, extractor.index)
    return Corpus(articles, extractions, actors, meetings, conflicts, list(warnings))


_ROLE_SYNONYMS: dict[str, str] = {}
_ROLE_PATTERN: re.Pattern[str] | None = None


def set_role_synonyms(synonyms: dict[str, str]) -> None:
    """Install config.conflicts.role_synonyms for `_role_key`."""
    global _ROLE_SYNONYMS, _ROLE_PATTERN
    _ROLE_SYNONYMS = {_plain(k): _plain(v) for k, v in synonyms.items()}
    keys = sorted(_ROLE_SYNONYMS, key=len, reverse=True)
    _ROLE_PATTERN = (
        re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b") if keys else None
    )


def _plain(role: str) -> str:
    return " ".join(role.lower().replace("-", " ").replace(" (former)", "").split())


@lru_cache(maxsize=4096)
def _role_key_cached(role: str, pattern: re.Pattern[str] | None) -> str:
    plain = _plain(role)
    if pattern is None:
        return plain
    return pattern.sub(lambda m: _ROLE_SYNONYMS[m.group()], plain)


def _role_key(role: str) -> str:
    """A role in the form roles are compared in: 'Defence Minister' == 'minister of defense'."""
    return _role_key_cached(role, _ROLE_PATTERN)


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
            if article.id not in entry.articles:
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


@dataclass
class _Group:
    mentions: list[MeetingMention] = field(default_factory=list)

    @property
    def type_ids(self) -> set[str]:
        return {m.type_id for m in self.mentions}

    def span(self) -> tuple[date, date] | None:
        best = _best_dated(self.mentions)
        if best is None:
            return None
        return date.fromisoformat(best.start), date.fromisoformat(best.end or best.start)

    def places(self) -> set[str]:
        return {m.place for m in self.mentions if m.place}


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
    articles: list[Article], extractions: dict[str, ArticleExtraction], config
) -> tuple[list[Meeting], list[Conflict]]:
    types = {t.id: t for t in config.meetings.types}
    window = config.meetings.merge_window_days

    def related(a: str, b: str) -> bool:
        ta, tb = types.get(a), types.get(b)
        return a == b or bool(ta and b in ta.merge_with) or bool(tb and a in tb.merge_with)

    def single(type_id: str) -> bool:
        t = types.get(type_id)
        return bool(t and t.single_event)

    mentions = [m for a in articles if a.id in extractions for m in extractions[a.id].meetings]
    dated = sorted((m for m in mentions if m.start), key=lambda m: (m.start, m.type_id))
    undated = [m for m in mentions if not m.start]
    blocks: dict[str, list[_Group]] = defaultdict(list)  # blocked by kind

    for mention in dated:
        span = _span_of(mention)
        target = None
        for group in blocks[mention.kind]:
            if not any(related(mention.type_id, t) for t in group.type_ids):
                continue
            other = group.span()
            if other is None or span is None:
                continue
            overlap = span[0] <= other[1] and other[0] <= span[1]
            gap = max((span[0] - other[1]).days, (other[0] - span[1]).days)
            places_ok = not mention.place or not group.places() or mention.place in group.places()
            if (
                single(mention.type_id)
                and (overlap or (gap <= window and places_ok))
                or overlap
                and places_ok
                and mention.place
                and group.places()
            ):
                target = group
            if target:
                break
        if target is None:
            target = _Group()
            blocks[mention.kind].append(target)
        target.mentions.append(mention)

    for mention in undated:
        candidates = [
            g
            for g in blocks[mention.kind]
            if any(related(mention.type_id, t) for t in g.type_ids)
            and single(mention.type_id)
            and (not mention.place or not g.places() or mention.place in g.places())
        ]
        if mention.place:
            candidates = [g for g in candidates if mention.place in g.places()] or candidates
        if mention.weekday_hint is not None:
            candidates = [g for g in candidates if _has_weekday(g.span(), mention.weekday_hint)]
        if len(candidates) == 1:
            candidates[0].mentions.append(mention)
        else:
            group = _Group([mention])
            blocks[mention.kind].append(group)

    meetings, conflicts = [], []
    for kind in sorted(blocks):
        for group in blocks[kind]:
            meeting = _meeting(group, types)
            meetings.append(meeting)
            conflicts += _meeting_conflicts(meeting, group)
    meetings.sort(key=lambda m: (m.start is None, m.start or "", m.name))
    return meetings, conflicts


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
        for m in group.mentions:
            if m.start and m.precision == "day" and m.start <= end and start <= (m.end or m.start):
                start, end = min(start, m.start), max(end, m.end or m.start)
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


def _meeting_conflicts(meeting: Meeting, group: _Group) -> list[Conflict]:
    conflicts = []
    day_reports = [m for m in group.mentions if m.start and m.precision == "day"]
    seen: set[tuple[str, str]] = set()
    for a, b in combinations(day_reports, 2):
        sa, sb = _span_of(a), _span_of(b)
        if sa == sb or sa is None or sb is None:
            continue
        single_in_range = (sa[0] == sa[1] and sb[0] <= sa[0] <= sb[1]) or (
            sb[0] == sb[1] and sa[0] <= sb[0] <= sa[1]
        )
        if single_in_range:
            continue
        va, vb = _span_text(sa), _span_text(sb)
        key = tuple(sorted((f"{a.sources[0].article}:{va}", f"{b.sources[0].article}:{vb}")))
        if key in seen:
            continue
        seen.add(key)
        conflicts.append(_conflict(meeting.name, "dates", a.sources[0], va, b.sources[0], vb))
    placed = [m for m in group.mentions if m.place]
    for a, b in combinations(placed, 2):
        if a.place != b.place and a.sources[0].article != b.sources[0].article:
            conflicts.append(
                _conflict(meeting.name, "place", a.sources[0], a.place, b.sources[0], b.place)
            )
            break
    for a, b in combinations(group.mentions, 2):
        for person in set(a.attendees) & set(b.absentees):
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
        for person in set(a.absentees) & set(b.attendees):
            conflicts.append(
                _conflict(
                    person,
                    f"attendance: {meeting.name}",
                    a.sources[0],
                    "absent",
                    b.sources[0],
                    "attends",
                )
            )
    return conflicts


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


def _same_time(a: Claim, b: Claim, days: int) -> bool:
    if a.source.article == b.source.article:
        return True
    if a.when is None or b.when is None:
        return True  # an undated statement may be about the same time
    return abs((date.fromisoformat(a.when) - date.fromisoformat(b.when)).days) <= days


def claim_conflicts(claims: list[Claim], config, index) -> list[Conflict]:
    rules = config.conflicts
    days = rules.same_time_days
    conflicts: list[Conflict] = []
    blocks: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.period == "current":
            blocks[(claim.subject, claim.attribute)].append(claim)

    exclusive = [{_role_key(r) for r in group} for group in rules.exclusive_roles]
    for (subject, attribute), block in blocks.items():
        if attribute == "role":
            conflicts += _role_conflicts(subject, block, exclusive, days)
        else:
            conflicts += _value_conflicts(subject, attribute, block, days * 4)
    conflicts += _office_conflicts(blocks, rules, index, days)
    return conflicts


def _role_conflicts(
    subject: str, block: list[Claim], exclusive: list[set[str]], days: int
) -> list[Conflict]:
    out, seen = [], set()
    for a, b in combinations(block, 2):
        ra, rb = _role_key(a.value), _role_key(b.value)
        if ra == rb:
            continue
        if not any(ra in group and rb in group for group in exclusive):
            continue
        if not _same_time(a, b, days):
            continue
        key = (frozenset((ra, rb)), frozenset((a.source.article, b.source.article)))
        if key in seen:
            continue
        seen.add(key)
        out.append(_conflict(subject, "role", a.source, a.value, b.source, b.value))
    return out


def _value_conflicts(subject: str, attribute: str, block: list[Claim], days: int) -> list[Conflict]:
    out, seen = [], set()
    for a, b in combinations(block, 2):
        if a.value == b.value or not _same_time(a, b, days):
            continue
        key = (frozenset((a.value, b.value)), frozenset((a.source.article, b.source.article)))
        if key in seen:
            continue
        seen.add(key)
        out.append(_conflict(subject, attribute, a.source, a.value, b.source, b.value))
    return out


def _office_conflicts(blocks, rules, index, days: int) -> list[Conflict]:
    """Two people named as the holder of one office at one time."""
    offices = {_role_key(o) for o in rules.office_holders}
    if not offices:
        return []
    people = {p.name: p for p in index.people}
    holders: dict[str, list[tuple[str, Claim]]] = defaultdict(list)
    for (subject, attribute), block in blocks.items():
        if attribute != "role":
            continue
        for claim in block:
            role = _role_key(claim.value)
            if role not in offices:
                continue
            entity = people.get(subject)
            scope = None
            if entity is not None:
                for period in entity.roles:
                    if _role_key(period.title) == role and period.org:
                        scope = period.org
                        break
                scope = scope or entity.country
            if scope is None:
                continue
            holders[f"{scope} {role}"].append((subject, claim))
    out, seen = [], set()
    for office, entries in holders.items():
        for (pa, a), (pb, b) in combinations(entries, 2):
            # One article may well name a predecessor and a successor; sources disagree across
            # articles, and only when both are dated (an undated piece may be from another term).
            if pa == pb or a.source.article == b.source.article or a.when is None or b.when is None:
                continue
            if not _same_time(a, b, days):
                continue
            key = (office, frozenset((pa, pb)))
            if key in seen:
                continue
            seen.add(key)
            out.append(_conflict(office, "holder", a.source, pa, b.source, pb))
    return out
