"""Find the meetings an article reports: what, when, where, who attends and who stays away.

Meeting references come from the phrases of each meeting type in config.yaml. A reference takes
the date and place of its own sentence, or of a neighbouring one; a generic reference ("the
meeting", "the gathering") joins the named meeting just before it. Attendance comes from cue
words (attend, represent, miss, skip ...) and the person they govern: the nearest name before
the cue, names coordinated with it, and names after "with", "along with", "accompanied by".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .gazetteer import GazetteerIndex, token_key
from .known_events import known_place
from .models import ActorRef, DateExpr, MeetingMention, Source
from .textutil import (
    WEEKDAYS,
    Caseless,
    LowerCasePattern,
    PatternSet,
    after_word_start,
    at_word_start,
    caseless,
)

if TYPE_CHECKING:  # the models pull in pydantic; only validation needs it at run time
    from .config_models import KnownEvent, MeetingRules, MeetingType

# Searched in the lower-cased text (faster than case-insensitively; the number is read lower-cased).
_DURATION = LowerCasePattern(r"\b(?P<n>one|single|two|three|four|five|1|2|3|4|5)[- ]day\b")
# What every participants pattern holds (a fast scan from digit to digit).
# A number before a counted noun ("40 countries", "eight countries"): a quick test that a
# sentence may hold a count before the participants patterns run on it.
_NOUNS = (
    r"(?:countries|nations|states|allies|delegations|participants|attendees|delegates|people)\b"
)
_DIGIT_COUNT = re.compile(r"\d[\d,]*\s+" + _NOUNS)
_WORD_COUNT = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)\s+" + _NOUNS,
    re.IGNORECASE,
)


_NOUN = re.compile(r"(?<=\s)" + _NOUNS)


def _has_count(text: str, start: int, end: int) -> bool:
    if _DIGIT_COUNT.search(text, start, end):
        return True
    # The number words only where a counted noun is (the case-blind words are slow to look for).
    noun = _NOUN.search(text, start, end)
    return noun is not None and bool(_WORD_COUNT.search(text, max(start, noun.start() - 40), end))


# A sentence that starts by speaking of the meeting just reported: "The conversation lasted".
_THE_MEETING = re.compile(
    r"\s*(?:The|That|This|Their)\s+(?:(?:phone|telephone|video)\s+)?"
    r"(?:call|conversation|talks|meeting|session|discussion)\b"
)
_LENGTH_UNIT = re.compile(r"\b(?:hours?|minutes?)\b", re.IGNORECASE)
_PUBLISHED_LABEL = re.compile(
    r"\s*(?:first\s+|last\s+)?(?:published|updated|posted|modified)\b", re.IGNORECASE
)
# What a page's time stamp holds besides its date: times, zones, weekdays, labels, separators.
# Every word is whole (no letters after it), so a line of ordinary words never matches and a
# failing match cannot backtrack through ways of splitting a word.
_STAMP_REST = re.compile(
    r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?![\d])|(?-i:[A-Z]{2,4})(?:[+-]\d{1,2})?(?![A-Za-z])"
    r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|rsday)?\.?(?![a-z])"
    # "All News 07:41 August 18, 2025": a section's name before the stamp
    r"|(?:first|last|published|updated|posted|modified|at|on|all|news|latest|breaking|live)(?![a-z])"
    r"|[\s,|•·/()+-])*",
    re.IGNORECASE,
)


def _stamp_line(text: str, sentence: tuple[int, int], expr: DateExpr) -> bool:
    """Whether `expr` is a page's time stamp: a short line of its own with a time, a zone, a
    weekday and nothing else ("18:34 JST, June 21", "Wed 10 Jul 2024 22.14 BST")."""
    start, end = sentence
    if end - start > 60:
        return False
    return bool(
        _STAMP_REST.fullmatch(text, start, expr.start)
        and _STAMP_REST.fullmatch(text, expr.end, end)
    )


_DATELINE_DASH = re.compile(r"\s*(?:\([^)\n]{1,30}\)\s*)?(?:[–—]|--|-\s)")
# "since taking office on June 4": a date that bounds something else does not date the meeting.
_BOUNDING = re.compile(r"\b(?:since|after|before|prior to)\b[^,.;]{0,45}$", re.IGNORECASE)
# "in Brussels", "at NATO Headquarters", and "the Vilnius summit": a place that says where.
# "in the Belgian capital Brussels", "at the resort town of Antalya": a venue named after its kind.
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|to)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}(?:capital|city|town|resort|port)(?:\s+of)?,?\s+)?$",
    re.IGNORECASE,
)
_PLACE_AS_ADJECTIVE = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:summit|meeting|talks|ministerial|conference|gathering|negotiations)\b",
    re.IGNORECASE,
)
_SEAT_BEFORE = re.compile(r"\b(?:in|at|inside)\s+(?:the\s+)?$", re.IGNORECASE)
_TRIP_TO = re.compile(r"\b(?:visits?|trip|travel(?:s|led|ed)?|journey)\s+to\s+$", re.IGNORECASE)
_FOR_WHOM = re.compile(
    r"\b(?:aid|assistance|support|weapons|arms|deliveries|help|message|signal|letter|sent|"
    r"supplies|funding|loans?)\s+(?:\w+\s+){0,2}?to\s+$",
    re.IGNORECASE,
)
_PLACE_NAMES_A_KIND = re.compile(r"-(?:format|style|type|like|based|born|led)\b", re.IGNORECASE)
_NAME_GOES_ON = re.compile(r"\s(?-i:[A-Z])[a-z]")
_NUMBERS = {
    "one": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "5": 5,
}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_EXCLUDED_BEFORE = re.compile(
    r"(?:\bin|\binstead of|\breplacing|\brather than|\bon behalf of|\bthan)\s*$", re.IGNORECASE
)
# A clause ends between a name and a cue; a comma or colon separates a cue from a name after it.
# ", who had chaired the contact group on Wednesday, " just before a cue.
_RELATIVE_CLAUSE = re.compile(r",\s+who\s[^,;:.!?]*(?:,[^,;:.!?]*)?,\s*(?:[\w’']+\s+){0,3}$")
# Between a subject and its verb: "China did not attend", "Russia has also skipped".
_SUBJECT_GAP = re.compile(
    r"\s*(?:(?:has|have|had|was|were|is|are|will|would|also|then|itself|again)\s+){0,2}",
    re.IGNORECASE,
)
_LISTING = ("between", "included", "includes", "including")
_CLAUSE_END = re.compile(r"[;:]|[.!?]\s")
_SEPARATED = re.compile(r"[,;:]")
# "Rubio and U.S. Ambassador Whitaker": names joined, titles between them.
_COORDINATION = re.compile(r"^\s*(?:,|and|,\s*and|&)\s*(?:[\w.’']+\s+){0,6}?$", re.IGNORECASE)
# A person after the cue counts when one of these stands just before the name (titles between).
_HOSTS = re.compile(
    r"\b(?:host|hosts|hosted|hosting|receives?|received|welcomes?|welcomed|met|meets)$"
)
_TITLE_GAP = re.compile(r"\s+(?:[\w.’'-]+\s+){0,5}")  # words, no comma or stop between
_AFTER_CUE = re.compile(
    r"\b(?:along with|together with|with|accompanied by|joined by|by|between|and)\s+(?:[\w.’'-]+\s+){0,6}?$",
    re.IGNORECASE,
)


@dataclass
class MeetingMatcher:
    """Compiled meeting rules."""

    types: list[MeetingType]
    # All types in one pattern (group tN is types[N]), matched case-insensitively except for
    # its case-sensitive parts; found by the lower-case scan of a `PatternSet`.
    references: PatternSet
    anchors: Caseless | None
    cues: PatternSet  # the absence cues, then the attendance cues
    end_cues: re.Pattern[str] | None
    # Meetings of public record, by the kind of their type.
    events: dict[str, list[KnownEvent]] = field(default_factory=dict)
    participants: re.Pattern[str] | None = None  # "representatives of 40 countries"
    lengths: re.Pattern[str] | None = None  # "the talks lasted about eight hours"
    by_id: dict[str, MeetingType] = field(default_factory=dict)

    @classmethod
    def from_config(
        cls, rules: MeetingRules, events: list[KnownEvent] | None = None
    ) -> MeetingMatcher:
        # Named types before generic ones: at one position the first alternative that matches wins.
        ordered = sorted(rules.types, key=lambda t: t.generic)
        types = [f"(?P<t{i}>{after_word_start(t.patterns)})" for i, t in enumerate(ordered)]
        attendance = rules.attendance
        return cls(
            types=ordered,
            by_id={t.id: t for t in ordered},
            references=PatternSet([at_word_start(types)]),
            anchors=caseless(at_word_start(rules.anchors)) if rules.anchors else None,
            cues=PatternSet([at_word_start(attendance.absent), at_word_start(attendance.attend)]),
            end_cues=re.compile("|".join(rf"\b(?:{p})\b" for p in rules.end_cues), re.IGNORECASE)
            if rules.end_cues
            else None,
            events=_events_by_kind(events or [], {t.id: t.kind for t in rules.types}),
            participants=re.compile(
                "|".join(f"(?:{p})" for p in _renamed_apart(rules.participants)), re.IGNORECASE
            )
            if rules.participants
            else None,
            lengths=re.compile(
                "|".join(f"(?:{p})" for p in _renamed_apart(rules.lengths)), re.IGNORECASE
            )
            if rules.lengths
            else None,
        )


_IS_A = re.compile(r"\b(?:was|is|were|are|been)\s+an?\s+\Z")


def _renamed_apart(patterns: list[str]) -> list[str]:
    """Patterns joined into one keep their groups apart: 'n' becomes 'n0', 'n1' ..."""
    return [re.sub(r"\(\?P<(\w+)>", rf"(?P<\g<1>{i}>", p) for i, p in enumerate(patterns)]


def _lengths_near_units(text: str, sentence: tuple[int, int], lengths: re.Pattern[str]):
    """The matches of the length patterns in `sentence`, in order ("the first round was a
    two-hour session; the second lasted just over an hour"), looked for only around its words
    of time ("hours", "90-minute"): the patterns are long, most of a sentence is not a length."""
    start, end = sentence
    done = start  # where the last length found ends: the next one is after it
    for unit in _LENGTH_UNIT.finditer(text, start, end):
        if unit.start() < done:
            continue
        found = lengths.search(text, max(done, unit.start() - 160), min(end, unit.end() + 60))
        if found is not None:
            done = found.end()
            yield found


def length_in(match: re.Match[str]) -> str:
    """'about eight hours' from a match of the length patterns."""
    return _written(match, ("q", "len"))


def participants_in(match: re.Match[str]) -> str:
    """'nearly 50 countries' from a match of the participants patterns; '80 countries signing'
    where the pattern counts who signed (its group `signed`)."""
    written = _written(match, ("q", "n", "what"))
    if any(v and k.rstrip("0123456789") == "signed" for k, v in match.groupdict().items()):
        written += " signing"
    return written


def _written(match: re.Match[str], keys: tuple[str, ...]) -> str:
    """The named groups of a match of patterns renamed apart (`n`, `n3` ...), lower-cased and
    joined by single spaces, in the order of `keys`."""
    groups = {k.rstrip("0123456789"): v for k, v in match.groupdict().items() if v}
    return " ".join(" ".join(groups[k].lower().split()) for k in keys if k in groups)


# "the third round of talks", "the 27th meeting of the Contact Group": which one of a series.
_ORDINAL_WORDS = {
    w: i + 1
    for i, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
        ]
    )
}
# An ordinal word or number, then what may stand between it and the meeting's name. Searched
# in the lower-cased text (faster than case-insensitively; its words are read lower-cased).
_ORDINAL_TOKEN = LowerCasePattern(
    r"\b(?:(?P<word>" + "|".join(_ORDINAL_WORDS) + r")|(?P<number>\d{1,3})(?:st|nd|rd|th))\b"
)
_ORDINAL_BETWEEN = re.compile(
    r"(?:[\s-]+(?:of\s+(?:the\s+)?)?(?!(?:days?|time|week|visit|trip|since|of|\d+|two|three|four|five|six|seven|eight|nine|ten)\b)[\w’'-]+){0,2}?"
    r"[\s-]+(?:of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)


def _events_by_kind(events: list[KnownEvent], kinds: dict[str, str]) -> dict[str, list[KnownEvent]]:
    out: dict[str, list[KnownEvent]] = {}
    for event in events:
        if event.place and event.type in kinds:
            out.setdefault(kinds[event.type], []).append(event)
    return out


@dataclass
class _Ref:
    type: MeetingType
    start: int
    end: int
    sentence: int
    ordinal: int | None = None
    year: int | None = None  # "the 2018 Brussels summit": a meeting of that year


# "the 2018 Brussels summit", "the 2023 Vilnius summit": the year names which meeting it was.
_YEAR_BEFORE = re.compile(r"\b(?P<year>(?:19|20)\d\d)\s+(?:(?-i:[A-Z])[\w’'-]+\s+){0,2}$")


def _ordinal_before(text: str, start: int, end: int) -> int | None:
    """The ordinal that numbers the meeting named at `start`: 'third round of direct talks',
    'the 27th Ramstein meeting'; not 'the first day of the summit'."""
    inside = _ORDINAL_AT.match(text, start, end)
    if inside:
        return _ordinal_value(inside)
    for token in reversed(list(_ORDINAL_TOKEN.finditer(text, max(0, start - 40), start))):
        if _ORDINAL_BETWEEN.fullmatch(text, token.end(), start):
            return _ordinal_value(token)
    return None


_ORDINAL_AT = re.compile(
    r"(?:(?P<word>" + "|".join(_ORDINAL_WORDS) + r")|(?P<number>\d{1,3})(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)


def _year_of_ref(text: str, start: int, end: int) -> int | None:
    """'the 2018 Brussels summit', 'the next summit will be held in Turkey in 2026'."""
    if not _DIGIT.search(text, max(0, start - 30), end + 50):
        return None
    match = _YEAR_BEFORE.search(text, max(0, start - 30), start) or _YEAR_AFTER.match(text, end)
    return int(match["year"]) if match else None


_DIGIT = re.compile(r"\d")
_YEAR_AFTER = re.compile(r"[^.;\n]{0,40}?\bin\s+(?P<year>(?:19|20)\d\d)\b(?![-–/])")


def _ordinal_value(match: re.Match[str]) -> int:
    word = match.group("word")
    return _ORDINAL_WORDS[word.lower()] if word else int(match.group("number"))


@dataclass
class _Draft:
    type: MeetingType
    sentences: list[int]
    date: DateExpr | None = None
    end_override: date | None = None
    place: str | None = None
    weekday: int | None = None
    attendees: list[str] = field(default_factory=list)
    absentees: list[str] = field(default_factory=list)
    ref_end: int | None = None  # where the reference that started it ends
    ordinal: int | None = None  # "the third round": another number is another meeting
    year: int | None = None  # "the 2018 summit"
    days: int | None = None  # "a two-day meeting": its length as said
    borrowed: bool = False  # its date is a neighbouring sentence's, not its own
    # Where its references start, by sentence: a cue goes to the meeting named nearest it.
    at: dict[int, list[int]] = field(default_factory=dict)

    def seen_at(self, ref: _Ref) -> _Draft:
        self.at.setdefault(ref.sentence, []).append(ref.start)
        if self.ordinal is None:
            self.ordinal = ref.ordinal
        if self.year is None:
            self.year = ref.year
        return self

    def numbered_otherwise(self, ref: _Ref) -> bool:
        """'The first round took place on May 16' is not the third round this article reports;
        'the 2018 Brussels summit' is not this year's."""
        if None not in (self.ordinal, ref.ordinal) and self.ordinal != ref.ordinal:
            return True
        if ref.year is None:
            return False
        if self.year is not None:
            return self.year != ref.year
        return bool(self.date and self.date.value) and int(self.date.value[:4]) != ref.year


def find_meetings(
    text: str,
    sentences: list[tuple[int, int]],
    actors: list[ActorRef],
    dates: list[DateExpr],
    index: GazetteerIndex,
    matcher: MeetingMatcher,
    article_id: str,
    anchors: list[re.Match[str]] | None = None,
) -> list[MeetingMention]:
    """The meetings one article reports. `anchors`: the matches of `matcher.anchors` over
    `text`, if the caller has them."""
    refs = _references(text, sentences, matcher, anchors)
    if not refs:
        return []
    sentence_of = _sentence_lookup(sentences)
    dates_by_sentence: dict[int, list[DateExpr]] = {}
    for expr in dates:
        if _DATELINE_DASH.match(text, expr.end):
            continue  # the dateline dates the article, not what it reports
        sentence = sentences[sentence_of(expr.start)]
        if _PUBLISHED_LABEL.match(text, sentence[0]):
            continue  # "Published: 10 Jan. 2025, 07:12": the page's date, not a meeting's
        if _stamp_line(text, sentence, expr):
            continue  # "18:34 JST, June 21" on a line of its own: when the page was written
        if expr.text.lower().startswith(("since", "after", "before")):
            continue
        bound = _BOUNDING.search(text, max(0, expr.start - 60), expr.start)
        # "before the Washington summit on July 9-11": a meeting named after the word has it;
        # "since a February 28 Oval Office meeting" too.
        if bound and not any(
            bound.start() < r.start < expr.start
            or 0 <= r.start - expr.end <= 25
            and not _SEPARATED.search(text, expr.end, r.start)
            for r in refs
        ):
            continue
        dates_by_sentence.setdefault(sentence_of(expr.start), []).append(expr)
    places_by_sentence = _places(text, actors, index, sentence_of)
    for ref in refs:  # "Hegseth skips Ramstein meeting": a place inside a name is that name
        here = places_by_sentence.get(ref.sentence)
        if here and any(ref.start <= p[0] < ref.end for p in here):
            here[:] = [p for p in here if not ref.start <= p[0] < ref.end]
    people = sorted(
        ((m.start, m.end, a.name) for a in actors if a.kind == "person" for m in a.mentions),
    )

    refs_by_sentence: dict[int, list[_Ref]] = {}
    for ref in refs:
        refs_by_sentence.setdefault(ref.sentence, []).append(ref)

    drafts: list[_Draft] = []
    hosts: list[tuple[_Draft, _Draft]] = []  # bilaterals held on the sidelines of a meeting
    for ref in refs:
        own_date = _best_date(
            _outside_asides(
                text,
                _own_dates(
                    text,
                    dates_by_sentence.get(ref.sentence, []),
                    ref,
                    refs_by_sentence[ref.sentence],
                ),
                ref,
                refs_by_sentence[ref.sentence],
                lambda expr: (expr.start, expr.end),
            ),
            ref,
            allow_unresolved=True,
            text=text,
        )
        own_place = _best_place(
            _outside_asides(
                text,
                _own_places(
                    text,
                    places_by_sentence.get(ref.sentence, []),
                    ref,
                    refs_by_sentence[ref.sentence],
                ),
                ref,
                refs_by_sentence[ref.sentence],
                lambda place: (place[0], place[0] + 1),
            ),
            ref.start,
        )
        if ref.type.generic:
            if _extends(text, ref, own_date, drafts):
                continue
            if _named_after(text, ref, refs_by_sentence[ref.sentence]):
                # "The next meeting of the Ukraine Defense Contact Group": not the meeting
                # before; the name after it says which one (see `_names_generic_before`).
                drafts.append(
                    _Draft(
                        ref.type, [ref.sentence], own_date, place=own_place, ref_end=ref.end
                    ).seen_at(ref)
                )
                continue
            target = _generic_target(drafts, ref, own_date, own_place)
            if isinstance(target, _Draft) and target.numbered_otherwise(ref):
                drafts.append(
                    _Draft(target.type, [ref.sentence], own_date, place=own_place).seen_at(ref)
                )
            elif isinstance(target, _Draft) and _disagrees(target, own_date):
                # "takes place on December 3-4" ... "the ministerial, on 4-5 December": the
                # article contradicts itself; both reports go on, and linking shows the conflict.
                drafts.append(
                    _Draft(target.type, [ref.sentence], own_date, place=target.place).seen_at(ref)
                )
            elif isinstance(target, _Draft):
                _absorb(target.seen_at(ref), ref.sentence, own_date, own_place)
            elif target is not None:  # a type: a new meeting of the kind just before
                drafts.append(
                    _Draft(target, [ref.sentence], own_date, place=own_place).seen_at(ref)
                )
            elif (own_date is not None and own_date.value is not None) or own_place:
                misdated = _misdated(drafts, own_date, own_place)
                if misdated is not None:
                    # "The talks in Istanbul on Thursday" in an article about Friday's talks
                    # there: the article contradicts itself; linking shows the conflict.
                    drafts.append(
                        _Draft(misdated.type, [ref.sentence], own_date, place=own_place).seen_at(
                            ref
                        )
                    )
                else:
                    drafts.append(
                        _Draft(
                            ref.type, [ref.sentence], own_date, place=own_place, ref_end=ref.end
                        ).seen_at(ref)
                    )
            continue
        if _extends(text, ref, own_date, drafts):
            continue
        if _names_generic_before(text, ref, drafts):
            _absorb(drafts[-1].seen_at(ref), ref.sentence, own_date, own_place)
            named = drafts[-1]
            earlier = next(
                (
                    d
                    for d in reversed(drafts[:-1])
                    if _related(d.type, named.type)
                    and (named.date is None or _compatible(d, named.date))
                    and not d.numbered_otherwise(ref)
                    and d.year in (None, ref.year)
                ),
                None,
            )
            if earlier is not None and not _disagrees(earlier, named.date):
                # "Austin's last Ramstein meeting" (the headline) ... "his final meeting of
                # the Ukraine Defense Contact Group on Thursday": one meeting.
                drafts.pop()
                for index, starts in named.at.items():
                    earlier.at.setdefault(index, []).extend(starts)
                _absorb(earlier, ref.sentence, named.date, named.place)
                continue
            _date_from_neighbours(named, ref.sentence, places_by_sentence, dates_by_sentence)
            if named.place is None:
                named.place = _best_place(places_by_sentence.get(ref.sentence - 1, []), None)
            continue
        same = next(
            (
                d
                for d in reversed(drafts)
                if (
                    _related(d.type, ref.type)
                    # "EU leaders will meet on 19 December for a one-day summit": one summit
                    or (d.type.kind == ref.type.kind and d.sentences[-1] == ref.sentence)
                )
                and (own_date is None or _compatible(d, own_date))
                and not d.numbered_otherwise(ref)
                and d.year in (None, ref.year)  # "the summit" is not "the 2018 summit"
                and not _meets_someone_else(text, sentences, ref, d, people)
            ),
            None,
        )
        if (
            same is not None
            and (own_place is None or same.place in (None, own_place))
            and not _disagrees(same, own_date)
        ):
            if ref.type.single_event and not same.type.single_event:
                same.type = ref.type  # "the summit" ... "the NATO summit": the NATO summit
            _absorb(same.seen_at(ref), ref.sentence, own_date, own_place)
            # "the two-day NATO summit in The Hague. The allies agreed on 24 and 25 June":
            # a meeting still undated takes a span of days next to a later report too (a
            # single day there is as likely another event's).
            _date_from_neighbours(
                same, ref.sentence, places_by_sentence, dates_by_sentence, ranges_only=True
            )
            continue
        draft = _Draft(ref.type, [ref.sentence], own_date, place=own_place).seen_at(ref)
        host = _sidelines_host(text, sentences[ref.sentence], draft, drafts)
        if host is not None:  # "met Hegseth on the sidelines of the Ramstein meeting"
            if draft.date is None or draft.date.value is None:
                draft.date, draft.end_override = host.date, host.end_override
            hosts.append((draft, host))  # its place, once the host's is known
        _date_from_neighbours(draft, ref.sentence, places_by_sentence, dates_by_sentence)
        if draft.place is None:
            draft.place = _best_place(places_by_sentence.get(ref.sentence - 1, []), None)
        drafts.append(draft)

    for draft in drafts:
        _apply_until(text, draft, dates_by_sentence)
        _apply_duration(text, sentences, draft, matcher.end_cues)
        _end_from_neighbours(text, sentences, draft, dates_by_sentence, matcher.end_cues)
        _weekday_hint(text, sentences, draft, dates_by_sentence)
    _same_day_as_the_meeting_before(drafts, sentence_of, dates)
    if matcher.events:
        _date_from_known_events(drafts, dates, matcher.events)
        for draft in drafts:
            span = _span(draft.date, draft.end_override) if draft.place is None else None
            if span is not None and draft.type.kind in matcher.events:
                draft.place = known_place(*span, matcher.events[draft.type.kind])
        _type_from_known_events(drafts, matcher)
    _days_apart_from_the_meeting(text, sentences, drafts, sentence_of)
    _rounds_of_the_series(drafts)
    for draft, host in hosts:
        draft.place = draft.place or host.place
    for draft in drafts:
        if draft.type.remote:  # "spoke by phone", a city in the sentence is where one caller was
            draft.place = None
        elif draft.type.fixed_place:  # the Munich Security Conference is in Munich
            draft.place = draft.type.default_place
    # Where the names of countries and bodies end: one of them may be a cue's subject.
    others = sorted(
        m.end for a in actors if a.kind in ("country", "organization") for m in a.mentions
    )
    _attendance(text, sentences, drafts, people, others, places_by_sentence, matcher, sentence_of)
    drafts = _join_undated_by_place(drafts)
    return [_mention(text, sentences, d, article_id, matcher, refs_by_sentence) for d in drafts]


def _join_undated_by_place(drafts: list[_Draft]) -> list[_Draft]:
    """'The meeting in Jeddah' paragraphs after 'the talks in Jeddah on Tuesday': an undated
    generic report joins the one dated meeting of the article held in that place, or of those
    the one of its own kind ("the talks in Jeddah" beside "met the Crown Prince in Jeddah")."""
    dated: dict[str, list[_Draft]] = {}
    for draft in drafts:
        if draft.place and draft.date is not None and draft.date.value is not None:
            dated.setdefault(draft.place, []).append(draft)
    if not dated:
        return drafts
    kept = []
    for draft in drafts:
        there = dated.get(draft.place or "", [])
        undated = draft.date is None or draft.date.value is None
        if len(there) > 1:
            there = [d for d in there if d.type.id == draft.type.id]
        if undated and draft.type.generic and draft.ordinal is None and len(there) == 1:
            target = there[0]
            target.sentences.extend(i for i in draft.sentences if i not in target.sentences)
            for index, starts in draft.at.items():  # where it is named: cues and lengths go by it
                target.at.setdefault(index, []).extend(starts)
            for person in draft.attendees:
                if person not in target.attendees and person not in target.absentees:
                    target.attendees.append(person)
            for person in draft.absentees:
                if person not in target.absentees and person not in target.attendees:
                    target.absentees.append(person)
            continue
        kept.append(draft)
    return kept


def _meets_someone_else(
    text: str,
    sentences: list[tuple[int, int]],
    ref: _Ref,
    draft: _Draft,
    people: list[tuple[int, int, str]],
) -> bool:
    """'was received by Pope Leo on Wednesday ... Zelensky, who met Kellogg earlier on
    Thursday': a bilateral (or a call) with a person the earlier one's sentences never name is
    another."""
    if ref.type.kind not in ("bilateral", "call") or draft.type.kind != ref.type.kind:
        return False
    at = bisect_left(people, (ref.end, 0, ""))
    if at == len(people) or people[at][0] - ref.end > 40:
        return False
    counterpart = people[at][2]
    return not any(
        name == counterpart
        for index in draft.sentences
        for start, _, name in people[
            bisect_left(people, (sentences[index][0], 0, "")) : bisect_left(
                people, (sentences[index][1], 0, "")
            )
        ]
    )


def _date_from_neighbours(
    draft: _Draft,
    sentence: int,
    places_by_sentence: dict[int, list[tuple[int, str, bool, int]]],
    dates_by_sentence: dict[int, list[DateExpr]],
    ranges_only: bool = False,
) -> None:
    """An undated meeting takes a day or week from the sentence before or after its report
    (with `ranges_only`, only a span of days)."""
    if (draft.date is not None and draft.date.value is not None) or draft.year is not None:
        return
    for neighbour in (sentence - 1, sentence + 1):
        there = _best_place(places_by_sentence.get(neighbour, []), None)
        if there and draft.place and there != draft.place:
            continue  # "leaders meeting in The Hague on 24 and 25 June" is not the Brussels one
        exprs = dates_by_sentence.get(neighbour, [])
        if ranges_only:
            exprs = [
                e for e in exprs if e.precision == "day" and e.value and e.end_value != e.value
            ]
        candidate = _best_date(exprs, None, allow_unresolved=False)
        if candidate is not None and candidate.precision in ("day", "week"):
            draft.date, draft.borrowed = candidate, True
            return


_OF_BETWEEN = re.compile(r"\s+(?:of|of the|on|for)\s+(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)
_SIDELINES = re.compile(
    r"\b(?:sidelines|margins?|fringes?)\s+of\b|\bon the (?:sidelines|margins|fringes)\b",
    re.IGNORECASE,
)


def _misdated(
    drafts: list[_Draft], own_date: DateExpr | None, own_place: str | None
) -> _Draft | None:
    """The one named meeting at `own_place` dated a day or two from `own_date`."""
    if own_place is None or own_date is None or not own_date.value or own_date.precision != "day":
        return None
    day = date.fromisoformat(own_date.value)
    close = []
    for draft in drafts:
        if draft.type.generic or draft.place != own_place:
            continue
        span = _span(draft.date, draft.end_override)
        if span is None or draft.date.precision != "day":
            continue
        gap = max((span[0] - day).days, (day - span[1]).days)
        if 1 <= gap <= 2:
            close.append(draft)
    if not close:
        return None
    # Of two, the one the article reports most.
    close.sort(key=lambda d: len(d.sentences), reverse=True)
    return (
        close[0] if len(close) == 1 or len(close[0].sentences) > len(close[1].sentences) else None
    )


def _named_after(text: str, ref: _Ref, refs: list[_Ref]) -> bool:
    """Whether a named meeting follows the generic `ref` as its complement ('the meeting of
    the NATO-Ukraine Council')."""
    return any(
        r.start >= ref.end and not r.type.generic and _OF_BETWEEN.fullmatch(text[ref.end : r.start])
        for r in refs
    )


def _names_generic_before(text: str, ref: _Ref, drafts: list[_Draft]) -> bool:
    """'the 26th meeting of the Ukraine Defense Contact Group': the generic reference just
    before, which started a meeting of its own in this sentence, is this named one."""
    if not drafts:
        return False
    last = drafts[-1]
    if not last.type.generic or last.sentences != [ref.sentence] or last.ref_end is None:
        return False
    if not _OF_BETWEEN.fullmatch(text[last.ref_end : ref.start]):
        return False
    last.type = ref.type
    last.ref_end = ref.end
    return True


def _sidelines_host(
    text: str, bounds: tuple[int, int], draft: _Draft, drafts: list[_Draft]
) -> _Draft | None:
    """The meeting a bilateral is held 'on the sidelines' of: an undated one takes its days, a
    dated one without a place its place if the days fit."""
    if draft.type.kind not in ("bilateral", "call") or not _SIDELINES.search(text, *bounds):
        return None
    dated = draft.date is not None and draft.date.value is not None
    if dated and draft.place is not None:
        return None
    for host in reversed(drafts):
        if host.type.kind in ("bilateral", "call") or host.date is None or not host.date.value:
            continue
        if not dated:
            return host
        span, day = _span(host.date, host.end_override), date.fromisoformat(draft.date.value)
        if span is not None and span[0] <= day <= span[1]:
            return host
    return None


_UNTIL = re.compile(r"\b(?:through|until|till|to|runs? to|ends? on)\s*$", re.IGNORECASE)


_CONTINUES = re.compile(
    r"\s+(?:continues|continued|resumes|resumed|will (?:continue|resume)|goes on|went on"
    r"|enters its (?:second|third|final|last) day)\b",
    re.IGNORECASE,
)
_DAY_OF = re.compile(
    r"\b(?:second|third|final|last|closing) day of (?:the |a |this )?(?:[\w-]+\s+){0,3}?$",
    re.IGNORECASE,
)


def _extends(text: str, ref: _Ref, own_date: DateExpr | None, drafts: list[_Draft]) -> bool:
    """'The summit runs through Thursday', 'the conference continues tomorrow', 'on the second
    day of the summit on Wednesday': the end of the same meeting reported before."""
    if own_date is None or own_date.value is None or own_date.precision != "day":
        return False
    until = bool(
        _UNTIL.search(text, max(0, own_date.start - 12), own_date.start)
        or own_date.text.lower().startswith(("through", "until", "till"))
    )
    goes_on = not until and bool(
        _CONTINUES.match(text, ref.end) or _DAY_OF.search(text, max(0, ref.start - 60), ref.start)
    )
    if not (until or goes_on):
        return False
    for draft in reversed(drafts):
        if draft.date is None or draft.date.value is None:
            continue
        if draft.type.id != ref.type.id and not (
            goes_on and ref.type.generic and ref.type.kind in ("meeting", draft.type.kind)
        ):
            continue
        start = date.fromisoformat(draft.date.value)
        end = date.fromisoformat(own_date.end_value or own_date.value)
        if goes_on:
            # The day after the days said so far (or one of them): not a meeting days away.
            last = draft.end_override or date.fromisoformat(
                draft.date.end_value or draft.date.value
            )
            if not 0 <= (end - last).days <= 1:
                return False
        if 0 <= (end - start).days <= 7:
            draft.end_override = end
            draft.sentences.append(ref.sentence)
            draft.seen_at(ref)
            return True
    return False


def _related(a: MeetingType, b: MeetingType) -> bool:
    return a.id == b.id or b.id in a.merge_with or a.id in b.merge_with


def _generic_target(
    drafts: list[_Draft], ref: _Ref, own_date: DateExpr | None, own_place: str | None
) -> _Draft | MeetingType | None:
    """What 'the meeting' refers to: a draft to join, a type to start a new one of, or None.
    'The ministerial' and 'the conference' refer to a meeting of their own kind."""
    if ref.type.kind != "meeting":
        drafts = [d for d in drafts if d.type.kind == ref.type.kind]
    else:  # "the session", "the meeting" is not the dinner the evening before
        drafts = [d for d in drafts if d.type.kind != "dinner"]
    if ref.year is None:
        drafts = [d for d in drafts if d.year is None]  # not "the 2018 Brussels summit"
    if not drafts:
        return None

    def place_ok(draft: _Draft) -> bool:
        # "the meeting in Kyiv" is not the call just before it, which had no place; a meeting
        # whose place was not said yet may be told it ("The meeting, held in Brussels on June 4").
        return (
            own_place is None
            or draft.place == own_place
            or (draft.place is None and draft.type.kind not in ("call", "bilateral"))
        )

    previous = drafts[-1]
    close = ref.sentence - previous.sentences[-1] <= 2
    if own_date is not None and own_date.value is not None:
        for draft in reversed(drafts):
            if (
                draft.date is not None
                and draft.date.value is not None
                and _compatible(draft, own_date)
                and place_ok(draft)
            ):
                return draft
        if close and not previous.type.generic and place_ok(previous):
            if previous.date is None or previous.date.value is None:
                return previous  # the named meeting just before gets its date from here
            return previous.type  # "the last meeting in February, the next on April 11"
        return None
    if ref.sentence - previous.sentences[-1] <= 1 and place_ok(previous):
        return previous
    # Further away, an undated "the meeting" is the article's main meeting.
    main = next((d for d in drafts if not d.type.generic), drafts[0])
    if place_ok(main):
        return main
    return next((d for d in drafts if own_place and d.place == own_place), None)


def meeting_types_in(
    text: str, sentences: list[tuple[int, int]], matcher: MeetingMatcher
) -> set[str]:
    """The ids of the named meeting types `text` refers to."""
    refs = _references(text, sentences, matcher, None)
    return {ref.type.id for ref in refs if not ref.type.generic}


def _references(
    text: str,
    sentences: list[tuple[int, int]],
    matcher: MeetingMatcher,
    anchors: list[re.Match[str]] | None,
) -> list[_Ref]:
    sentence_of = _sentence_lookup(sentences)
    found: list[_Ref] = []
    if matcher.anchors is None:
        windows = [(0, len(text))]
    else:
        windows = []
        for anchor in matcher.anchors.finditer(text) if anchors is None else anchors:
            lo, hi = max(0, anchor.start() - 100), min(len(text), anchor.end() + 60)
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], hi)
            else:
                windows.append((lo, hi))
    last_end = 0
    for match in matcher.references.finditer_windows(text, windows)[0]:
        if match.end() == match.start() or match.start() < last_end:
            continue
        last_end = match.end()
        if match.end() == match.start():
            continue
        meeting_type = matcher.types[int(match.lastgroup[1:])]
        if (
            meeting_type.generic
            and found
            and not found[-1].type.generic
            and text[found[-1].end : match.start()].isspace()
            and found[-1].sentence == sentence_of(match.start())
        ):
            continue  # "the NATO summit meeting", "a Ramstein meeting": one name of one meeting
        found.append(
            _Ref(
                meeting_type,
                match.start(),
                match.end(),
                sentence_of(match.start()),
                _ordinal_before(text, match.start(), match.end()),
                _year_of_ref(text, match.start(), match.end()),
            )
        )
    return found


def _sentence_lookup(sentences: list[tuple[int, int]]):
    starts = [s for s, _ in sentences]

    def lookup(offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    return lookup


def _places(
    text: str, actors: list[ActorRef], index: GazetteerIndex, sentence_of
) -> dict[int, list[tuple[int, str, bool, int]]]:
    """Per sentence: (offset, city, introduced by in/at, rank) of each place a meeting could be
    held in. Venues give their city; a city ranks before a country ("the summit in the
    Netherlands"); seas and regions without a country ("the Middle East") are not venues."""
    cities = index.venue_cities
    seats = index.seat_cities
    out: dict[int, list[tuple[int, str, bool, int]]] = {}
    for actor in actors:
        if actor.kind == "place" and (actor.country or actor.name in cities):
            rank, name = 0, cities.get(actor.name, actor.name)
        elif actor.kind == "organization" and actor.name in seats:
            for mention in actor.mentions:  # only "in the Kremlin", "at the White House"
                if _SEAT_BEFORE.search(text, max(0, mention.start - 12), mention.start):
                    out.setdefault(sentence_of(mention.start), []).append(
                        (mention.start, seats[actor.name], True, 0)
                    )
            continue
        elif actor.kind == "country":
            rank, name = 1, actor.name
        else:
            continue
        for mention in actor.mentions:
            if text.startswith("-", mention.end) and _PLACE_NAMES_A_KIND.match(text, mention.end):
                continue  # "the Ramstein-format coalition": a kind of meeting, not a place
            if rank == 1 and (
                not mention.text[:1].isupper() or _NAME_GOES_ON.match(text, mention.end)
            ):
                continue  # "korea", "the Korea Institute for ...": not where a meeting is
            if rank == 1 and token_key(mention.text) in index.demonyms:
                continue  # "lost in Russian strikes": an adjective says whose, not where
            if (
                rank == 1
                and text[max(0, mention.start - 4) : mention.start].lower().endswith("to ")
                and not _TRIP_TO.search(text, max(0, mention.start - 20), mention.start)
            ):
                continue  # "to Ukraine" says for whom (a "visit to Ukraine" says where)
            if text[
                max(0, mention.start - 3) : mention.start
            ].lower() == "to " and _FOR_WHOM.search(
                text, max(0, mention.start - 40), mention.start
            ):
                continue  # "military aid to Kyiv": Kyiv is who gets it
            introduced = bool(
                _PLACE_BEFORE.search(
                    text, max(0, mention.start - _place_window(text, mention.start)), mention.start
                )
                or (rank == 0 and _PLACE_AS_ADJECTIVE.match(text, mention.end))
            )
            if rank == 1 and not introduced:
                continue  # "in the Netherlands" says where
            out.setdefault(sentence_of(mention.start), []).append(
                (mention.start, name, introduced, rank)
            )
    return out


def _own_dates(
    text: str, dates: list[DateExpr], ref: _Ref, refs_here: list[_Ref]
) -> list[DateExpr]:
    """The dates of a sentence nearer `ref` than any other meeting in it: "Monday's
    meeting came three days after Trump's summit with Putin on Friday". Two references that
    name one meeting ("the meeting of the NATO-Ukraine Council") do not compete, nor does the
    meeting a talk is held on the sidelines of ("talks on June 16 on the sidelines of the
    summit")."""
    # "the Ukraine Defense Contact Group, the 29th in the Ramstein format": one meeting twice.
    others = [
        r
        for r in refs_here
        if r is not ref
        and not _one_meeting(text, r, ref)
        and (r.type.generic or not (ref.type.single_event and _related(r.type, ref.type)))
    ]
    if not others or not dates:
        return dates

    def distance(expr: DateExpr, r: _Ref) -> int:
        return max(0, r.start - expr.end, expr.start - r.end)

    def competes(expr: DateExpr, other: _Ref) -> bool:
        # The meeting another is held on the sidelines of shares its day.
        if _SIDELINES.search(text, max(0, other.start - 45), other.start):
            return False
        # "On Thursday, the last day of the summit, Zelensky is to meet the leaders at the
        # NATO-Ukraine Council": a meeting that only says which day it is.
        if _DAY_OF_THE.search(text, max(0, other.start - 40), other.start):
            return False
        # "Zelensky, who was in Ankara for talks with Erdogan on Tuesday, said ... any
        # negotiations": a day in an aside is of the meeting in it.
        if _in_aside_without(text, expr.start, expr.end, other, refs_here):
            return False
        # "who met Rutte earlier on Thursday, described their talks as substantive": the
        # talks after the day are the meeting named before it.
        if (
            other.type.generic
            and not ref.type.generic
            and ref.end <= expr.start
            and expr.end <= other.start
            and _ANAPHORIC.search(text, max(0, other.start - 8), other.start)
        ):
            return False
        return distance(expr, other) < distance(expr, ref)

    own = [d for d in dates if not any(competes(d, o) for o in others)]
    return own or (dates if len(dates) > 1 else [])


def _outside_asides(text: str, found: list, ref: _Ref, refs_here: list[_Ref], span) -> list:
    """'Trump, who cut short his attendance at the June 16-17 G7 summit in Canada last week,
    met Zelensky on Wednesday': a date or place in an aside about someone, with a meeting of
    its own, is that meeting's, not the one outside it (but 'Zelensky, who was in Ankara on
    Tuesday, after talks with Erdogan said' names where the talks were). `span(item)`: where
    an item (a date, a place) stands."""
    if not found or len(refs_here) < 2:
        return found
    return [item for item in found if not _in_aside_without(text, *span(item), ref, refs_here)]


def _in_aside_without(text: str, start: int, end: int, ref: _Ref, refs_here: list[_Ref]) -> bool:
    opener = None
    for found in _ASIDE_OPENER.finditer(text, max(0, start - 120), start):
        opener = found  # the last one before `start`
    if opener is None or _ASIDE_BREAK.search(text, opener.end(), start):
        return False
    close = _ASIDE_BREAK.search(text, end, end + 200)
    # "who attended the BRICS meeting on June 11, where he held talks with Lavrov,": one aside
    while close is not None and _ASIDE_GOES_ON.match(text, close.end()):
        close = _ASIDE_BREAK.search(text, close.end(), close.end() + 200)
    aside = range(opener.start(), close.start() if close else end)
    return ref.start not in aside and any(
        other is not ref and other.start in aside for other in refs_here
    )


_ASIDE_OPENER = re.compile(r",\s+(?:who|whose)\b")
_ASIDE_GOES_ON = re.compile(r"\s+(?:where|when|at which|during which)\b")
_ASIDE_BREAK = re.compile(r"[,.;:!?]")


_ANAPHORIC = re.compile(r"\b(?:their|its|his|her|the|these|those)\s+$", re.IGNORECASE)
_DAY_OF_THE = re.compile(
    r"\b(?:first|second|third|last|final|closing|opening|main)\s+day\s+of\s+(?:the\s+|this\s+)?\Z",
    re.IGNORECASE,
)


def _one_meeting(text: str, a: _Ref, b: _Ref) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    return (first.type.generic or second.type.generic) and bool(
        _OF_BETWEEN.fullmatch(text, first.end, second.start)
    )


def _own_places(
    text: str, places: list[tuple[int, str, bool, int]], ref: _Ref, refs_here: list[_Ref]
) -> list[tuple[int, str, bool, int]]:
    """The places of a sentence that can belong to `ref`: not those with another named
    meeting between ("the April 3-4 meeting ... before the summit in The Hague"). A generic
    reference ("a three-day meeting in Antalya") is most often the named one again."""
    # "The Istanbul talks followed the informal meeting ... in Antalya": a place just before
    # another meeting word names that meeting, generic or not.
    places = [
        p
        for p in places
        if not any(
            other is not ref
            and other.type.generic
            and 0 < other.start - p[0] <= 30
            and _NAME_BEFORE_MEETING.fullmatch(text, p[0], other.start)
            for other in refs_here
        )
    ]
    refs_here = [
        r
        for r in refs_here
        if r is ref
        or not (r.type.generic or (ref.type.single_event and _related(r.type, ref.type)))
    ]  # (two names of one meeting do not compete either)
    if len(refs_here) < 2:
        return places
    return [
        p
        for p in places
        if not any(
            other is not ref
            and (
                ref.end <= other.start < p[0]
                or p[0] < other.end <= ref.start
                or 0 <= other.start - p[0] <= 20  # "ahead of Hague summit": the summit's
            )
            for other in refs_here
        )
    ]


# "Istanbul talks", "the Hague meeting": a place name right before a meeting word.
_NAME_BEFORE_MEETING = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}")


_VENUE_KINDS = ("capital", "city", "town", "resort", "port")


def _place_window(text: str, start: int) -> int:
    """How far back 'in ...' may stand: 'in Brussels', or 'in the Belgian capital Brussels'."""
    before = text[max(0, start - 40) : start].lower()
    for kind in _VENUE_KINDS:  # a plain loop: `any` over a generator costs twice as much here
        if kind in before:
            return 40
    return 8


def _best_place(places: list[tuple[int, str, bool, int]], near: int | None) -> str | None:
    introduced = [p for p in places if p[2]]
    if not introduced:
        return None
    best_rank = min(p[3] for p in introduced)
    introduced = [p for p in introduced if p[3] == best_rank]
    if near is None:
        return introduced[0][1]
    return min(introduced, key=lambda p: abs(p[0] - near))[1]


_POSSESSIVE = ("'s", "’s")


# What stands between a meeting and the days it is held on, said of the meeting itself.
_HELD_ON = re.compile(
    r"[^.;:!?]{0,60}?\b(?:takes|take|will take|took|taking) place\s+(?:on\s+|from\s+)?$"
    r"|[^.;:!?]{0,60}?\b(?:is|are|was|were|will be|to be) (?:held|scheduled)\s+(?:on\s+|from\s+|for\s+)?$",
    re.IGNORECASE,
)


def _best_date(
    exprs: list[DateExpr], ref: _Ref | None, allow_unresolved: bool, text: str = ""
) -> DateExpr | None:
    usable = [e for e in exprs if e.value is not None and e.precision != "year"]
    if not usable:
        if allow_unresolved:
            weekdays = [e for e in exprs if e.value is None]
            return weekdays[0] if weekdays else None
        return None
    if ref is None:
        return min(usable, key=lambda e: (_PRECISION_RANK.get(e.precision, 9), e.start))
    # The nearest date, with a little preference for precise ones, and for a written date over
    # a weekday ("on Sunday, 23 November"); "Tuesday's dinner" dates the dinner, not a meeting
    # named elsewhere in the sentence ("attended Tuesday's dinner and met Trump on Wednesday").
    # "spent Wednesday and Thursday in Poland, where he held talks with Tusk on Thursday": a
    # date after the meeting, in its clause, rather than one before it in another clause.
    after = any(
        e.start >= ref.end and not _CLAUSE_BREAK.search(text, ref.end, e.start) for e in usable
    )
    best = min(
        usable,
        key=lambda e: (
            abs(e.start - ref.start)
            + 5 * _PRECISION_RANK.get(e.precision, 9)
            + (15 if e.basis == "relative" else 0)
            + (60 if text.startswith(_POSSESSIVE, e.end) and ref.start - e.end > 3 else 0)
            + (
                60
                if after and e.end <= ref.start and _CLAUSE_BREAK.search(text, e.end, ref.start)
                else 0
            )
            # "travels on Sunday to the G20 summit, which takes place next Monday and Tuesday"
            - (40 if e.start >= ref.end and _HELD_ON.match(text, ref.end, e.start) else 0)
        ),
    )
    if best.precision in ("week", "month"):
        # "meet next week in The Hague, June 24 to 25": the days within the week.
        inside = [
            e
            for e in usable
            if e.precision == "day"
            and best.value <= e.value
            and (e.end_value or e.value) <= (best.end_value or best.value)
        ]
        if inside:
            return min(inside, key=lambda e: abs(e.start - ref.start))
    return best


_CLAUSE_BREAK = re.compile(r", (?:where|when|which|after|before|while)\b|;")


def _span(
    draft_date: DateExpr | None, end_override: date | None = None
) -> tuple[date, date] | None:
    if draft_date is None or draft_date.value is None:
        return None
    first = date.fromisoformat(draft_date.value)
    last = end_override or date.fromisoformat(draft_date.end_value or draft_date.value)
    return first, last


def _compatible(draft: _Draft, expr: DateExpr) -> bool:
    mine = _span(draft.date, draft.end_override)
    theirs = _span(expr)
    if mine is None or theirs is None:
        return True
    return mine[0] <= theirs[1] and theirs[0] <= mine[1]


def _disagrees(draft: _Draft, expr: DateExpr | None) -> bool:
    """Two day spans of one meeting that overlap but neither holds the other (3-4 and 4-5
    December): a contradiction, not a detail."""
    if expr is None or expr.precision != "day" or draft.date is None:
        return False
    if draft.date.precision != "day":
        return False
    mine, theirs = _span(draft.date, draft.end_override), _span(expr)
    if mine is None or theirs is None or mine == theirs:
        return False
    inside = (mine[0] <= theirs[0] and theirs[1] <= mine[1]) or (
        theirs[0] <= mine[0] and mine[1] <= theirs[1]
    )
    return mine[0] <= theirs[1] and theirs[0] <= mine[1] and not inside


def _absorb(draft: _Draft, sentence: int, expr: DateExpr | None, place: str | None) -> None:
    draft.sentences.append(sentence)
    if expr is not None and expr.value is not None:
        current = draft.date
        if (
            current is None
            # "on Thursday" in an undated article says more than a month guessed for it
            or (current.value is None and not _guessed_month(expr))
            or _PRECISION_RANK.get(expr.precision, 9) < _PRECISION_RANK.get(current.precision, 9)
            or _wider_same_day(expr, current)
        ):
            draft.date = expr
        elif draft.type.kind in _ONE_DAY_KINDS and _one_day_within(expr, current):
            draft.date, draft.end_override = expr, None
    elif expr is not None and draft.date is None:
        draft.date = expr
    if place and draft.place is None:
        draft.place = place


# Held within a day: "on the sidelines of the conference" (its three days) then "on Friday
# Vance held a half-hour meeting with Weidel": the day.
_ONE_DAY_KINDS = ("bilateral", "call")


def _one_day_within(new: DateExpr, current: DateExpr) -> bool:
    if new.precision != "day" or current.precision != "day" or new.value != new.end_value:
        return False
    return current.value <= new.value <= (current.end_value or current.value) and (
        current.value != current.end_value
    )


def _guessed_month(expr: DateExpr) -> bool:
    return expr.precision in ("month", "year") and expr.basis == "year_inferred"


def _wider_same_day(new: DateExpr, current: DateExpr) -> bool:
    """'held on May 14-15' improves 'on Thursday' (May 15): a day range holding the known day."""
    if new.precision != "day" or current.precision != "day" or current.value != current.end_value:
        return False
    return new.value <= current.value <= new.end_value and new.value != new.end_value


def _apply_until(text: str, draft: _Draft, dates_by_sentence: dict[int, list[DateExpr]]) -> None:
    """'begins on Friday and runs until Sunday': the day after 'until' in its sentences ends it."""
    if draft.date is None or not draft.date.value or draft.end_override is not None:
        return
    if draft.date.precision != "day" or draft.date.end_value != draft.date.value:
        return
    first = date.fromisoformat(draft.date.value)
    for index in dict.fromkeys(draft.sentences):
        for expr in dates_by_sentence.get(index, ()):
            if expr is draft.date or not expr.value or expr.precision != "day":
                continue
            if not (
                expr.text.lower().startswith(("until", "through", "till"))
                or _UNTIL.search(text, max(0, expr.start - 12), expr.start)
            ):
                continue
            last = date.fromisoformat(expr.end_value or expr.value)
            if 0 < (last - first).days <= 7:
                draft.end_override = last
                return


def _end_from_neighbours(
    text: str,
    sentences: list[tuple[int, int]],
    draft: _Draft,
    dates_by_sentence: dict[int, list[DateExpr]],
    end_cues: re.Pattern[str] | None,
) -> None:
    """'closed the meeting on Sunday. ... the delegates who had filled the hotel from 14 to 16
    February': a meeting known only by its last day takes a range next to it ending that day."""
    if end_cues is None or draft.date is None or not draft.date.value:
        return
    if draft.end_override is not None or draft.date.end_value != draft.date.value:
        return
    own = draft.date
    bounds = next(
        (sentences[i] for i in draft.sentences if sentences[i][0] <= own.start < sentences[i][1]),
        None,
    )
    if bounds is None or not end_cues.search(text, bounds[0], own.start):
        return
    here = next(i for i in draft.sentences if sentences[i][0] <= own.start < sentences[i][1])
    for index in (here + 1, here - 1):
        for expr in dates_by_sentence.get(index, ()):
            if (
                expr.value
                and expr.end_value
                and expr.value != expr.end_value
                and expr.end_value == own.value
            ):
                draft.date = expr
                return


def _apply_duration(
    text: str, sentences: list[tuple[int, int]], draft: _Draft, end_cues: re.Pattern[str] | None
) -> None:
    """'a two-day meeting' starting on a known day ends n-1 days later; one that 'wrapped up'
    on it began n-1 days earlier. The length said is kept: a 'one-day summit' reported over
    two days elsewhere is a disagreement."""
    for index in draft.sentences:
        match = _DURATION.search(text, *sentences[index])
        if match:
            draft.days = _NUMBERS[match["n"].lower()]
            break
    if draft.date is None or draft.date.value is None or draft.date.precision != "day":
        return
    if draft.date.end_value != draft.date.value:
        return
    for index in draft.sentences:
        start, end = sentences[index]
        match = _DURATION.search(text, start, end)
        if match and _NUMBERS[match["n"].lower()] > 1:
            days = _NUMBERS[match["n"].lower()]
            known = date.fromisoformat(draft.date.value)
            ends_on_it = start <= draft.date.start < end and bool(
                end_cues is not None
                # "the two-day meeting ..., which ended today"
                and end_cues.search(text, max(match.end(), draft.date.start - 25), draft.date.start)
            )
            if ends_on_it or (end_cues is not None and end_cues.search(text, start, match.start())):
                draft.date = replace(
                    draft.date, value=(known - timedelta(days=days - 1)).isoformat()
                )
                return
            draft.end_override = known + timedelta(days=days - 1)
            return


# How soon after the latest day a page writes the meeting it reports "on Tuesday" may be.
KNOWN_EVENT_REACH = timedelta(days=45)


def _type_from_known_events(drafts: list[_Draft], matcher: MeetingMatcher) -> None:
    """'An informal meeting in Prague on May 30-31' is the one known meeting held there on
    those days (the informal meeting of NATO foreign ministers of 2024): a report of some
    meeting takes the type of the known meeting at its place and days."""
    types = matcher.by_id
    for draft in drafts:
        span = _span(draft.date, draft.end_override)
        if not draft.type.generic or draft.place is None or span is None:
            continue
        if (span[1] - span[0]).days > 6:
            continue  # "a meeting in Istanbul in July" may be any of the month's
        found = {
            event.type
            for events in matcher.events.values()
            for event in events
            if event.place == draft.place
            and event.start <= span[1]
            and span[0] <= (event.end or event.start)
            and event.type in types
        }
        if len(found) == 1:
            draft.type = types[found.pop()]


_SAME_DAY = re.compile(r"\bsame\s+day$", re.IGNORECASE)


def _same_day_as_the_meeting_before(drafts: list[_Draft], sentence_of, dates) -> None:
    """'Defence ministers met in Brussels a day after ... The contact group met the same day':
    the day of the meeting reported in the sentences just before, rather than the date the
    text wrote last (another meeting's Friday), unless that date comes after the meeting ("an
    address next Monday, and Rutte is expected at the White House the same day")."""
    for draft in drafts:
        expr = draft.date
        if expr is None or expr.start < 0 or not _SAME_DAY.search(expr.text) or draft.borrowed:
            continue
        at = sentence_of(expr.start)
        before = [
            (max(i for i in other.sentences if at - 3 <= i <= at), n)
            for n, other in enumerate(drafts)
            if other is not draft and any(at - 3 <= i <= at for i in other.sentences)
        ]
        if not before:
            continue
        sentence, n = max(before)
        other = drafts[n]
        span = _span(other.date, other.end_override)
        if span is None or span[0] != span[1] or _SAME_DAY.search(other.date.text):
            continue  # undated, or days of which "the same day" does not say which
        written = [d for d in dates if d.start < expr.start and d.value and d.basis != "unresolved"]
        if written and sentence_of(written[-1].start) > sentence:
            continue  # the day the text wrote last is the nearer one
        shift = span[0] - date.fromisoformat(expr.value) if expr.value else None
        if draft.end_override is not None and shift is not None:
            draft.end_override += shift  # "began a two-day meeting on the same day"
        draft.date = other.date


# "The summit came a day after Modi held talks with Zelensky", "The call comes two days after
# defence ministers met": the meeting of the clause is that many days before (after) the one the
# sentence begins with.
_DAYS_APART = re.compile(r"days?\s+(?P<dir>after|before)\b")  # (a literal start: a fast scan)
# ... read back from "days after": the verb and the number before it.
_DAYS_APART_VERB = re.compile(
    r"\b(?:came|comes|took\s+place|was\s+held|is\s+held|began|opened|started)\s+"
    r"(?:just\s+|only\s+)?(?P<n>a|one|two|three|four|five)\s+\Z"
)
_APART_DAYS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _days_apart_from_the_meeting(
    text: str, sentences: list[tuple[int, int]], drafts: list[_Draft], sentence_of
) -> None:
    for days in _DAYS_APART.finditer(text):
        match = _DAYS_APART_VERB.search(text, max(0, days.start() - 40), days.start())
        if match is None:
            continue
        at = sentence_of(match.start())
        # The sentence's subject: the meeting named last before the verb, with its days known.
        subject = max(
            (
                (max(p for p in d.at[at] if p < match.start()), d)
                for d in drafts
                if any(p < match.start() for p in d.at.get(at, []))
            ),
            key=lambda pair: pair[0],
            default=(None, None),
        )[1]
        if subject is None:  # "Trump and Putin spoke on Friday. The call came a day after"
            subject = _meeting_named_before(text, drafts, at, match.start(), sentence_of)
        span = _span(subject.date, subject.end_override) if subject is not None else None
        if span is None:
            continue
        # The clause's meeting: named first after "after"/"before", with no date of its own in it.
        after = [
            (min(p for p in d.at[at] if p > days.end()), d)
            for d in drafts
            if d is not subject and any(p > days.end() for p in d.at.get(at, []))
        ]
        if not after:
            continue
        draft = min(after, key=lambda pair: pair[0])[1]
        if not _weakly_dated(draft, drafts, sentences[at]):
            # "a day after ministers met on Friday": its own day (not that of "the G7 summit,
            # which ran from June 13 to 15" named after it, nor a neighbouring sentence's)
            continue
        shift = timedelta(days=_APART_DAYS[match["n"]])
        day = span[0] - shift if days["dir"] == "after" else span[1] + shift
        base = subject.date
        draft.date = replace(
            base,
            value=day.isoformat(),
            end_value=day.isoformat(),
            basis="relative" if base.basis == "explicit" else base.basis,
            precision="day",
        )
        draft.end_override = None
        draft.borrowed = True


def _rounds_of_the_series(drafts: list[_Draft]) -> None:
    """'Third round of Istanbul talks' ... 'direct talks in Istanbul on July 23' ... 'The first
    round of the talks, on May 16': a numbered meeting of no type of its own is a round of the
    talks the article reports, when it reports talks of one type only."""
    talks = {d.type.id: d.type for d in drafts if d.type.kind == "talks" and not d.type.generic}
    if len(talks) != 1:
        return
    [kind] = talks.values()
    for draft in drafts:
        if draft.type.generic and draft.ordinal is not None:
            draft.type = kind


def _weakly_dated(draft: _Draft, drafts: list[_Draft], sentence: tuple[int, int]) -> bool:
    """Undated, dated by a neighbouring sentence, or by a date of `sentence` that another
    meeting has too ("the G7 summit, which ran from June 13 to 15")."""
    if draft.date is None or draft.date.value is None or draft.borrowed:
        return True
    return sentence[0] <= draft.date.start < sentence[1] and any(
        other is not draft and other.date is not None and other.date.start == draft.date.start
        for other in drafts
    )


_THE_NOUN_BEFORE = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+)?"
    r"(?P<noun>summit|meeting|call|conversation|visit|talks|conference|session|gathering|trip)\s*$",
    re.IGNORECASE,
)


def _meeting_named_before(text: str, drafts: list[_Draft], at: int, before: int, sentence_of):
    """'The call' a sentence begins with: the call reported last before it."""
    start = max(0, before - 60)
    noun = _THE_NOUN_BEFORE.search(text, start, before)
    if noun is None or sentence_of(noun.start()) != at:
        return None
    kind = noun["noun"].lower()
    # The one reported most (the story's call, not "a call next week" named since), then last.
    earlier = [
        (len(d.sentences), max(i for i in d.sentences if i < at), n)
        for n, d in enumerate(drafts)
        if any(i < at for i in d.sentences)
        and (
            (kind in ("call", "conversation")) == bool(d.type.remote)
            and (kind != "summit" or "summit" in d.type.id)
        )
    ]
    return drafts[max(earlier)[2]] if earlier else None


def _date_from_known_events(
    drafts: list[_Draft], dates: list[DateExpr], events: dict[str, list[KnownEvent]]
) -> None:
    """A page with no date of its own ("NATO foreign ministers gathered at the alliance's
    headquarters on Tuesday for a two-day meeting ... after the strike of November 21"): the
    known meeting of that type (gazetteer.events) that has a Tuesday and is the only one in the
    45 days after the latest day the page writes. Date basis `known_event`; nothing when the
    page is dated (its weekdays resolve) or when two known meetings would do."""
    if any(d.basis == "relative" and d.value for d in dates):
        return  # the page has a date: its weekdays were resolved against it
    days = [
        date.fromisoformat(d.end_value or d.value)
        for d in dates
        if d.value and d.precision == "day" and d.basis in ("explicit", "year_inferred")
    ]
    if not days:
        return
    latest = max(days)
    for draft in drafts:
        dated = draft.date is not None and draft.date.value is not None and not draft.borrowed
        if draft.weekday is None or dated:
            continue
        found = [
            event
            for event in events.get(draft.type.kind, [])
            if event.type == draft.type.id
            and latest <= event.start <= latest + KNOWN_EVENT_REACH
            and any(
                (event.start + timedelta(days=i)).weekday() == draft.weekday
                for i in range(((event.end or event.start) - event.start).days + 1)
            )
        ]
        if len(found) != 1:
            continue  # (a date borrowed from the sentence beside it stays)
        event = found[0]
        draft.date = DateExpr(
            text=event.name,
            start=-1,
            end=-1,
            value=event.start.isoformat(),
            end_value=(event.end or event.start).isoformat(),
            basis="known_event",
        )
        draft.end_override = None  # the known meeting's own days, not "two-day" from another date
        draft.place = draft.place or event.place


def _weekday_hint(text: str, sentences, draft: _Draft, dates_by_sentence) -> None:
    """An undated report 'on Thursday' can still be matched to a dated one later."""
    if draft.date is not None and draft.date.value is not None and not draft.borrowed:
        return
    for index in draft.sentences:
        for expr in dates_by_sentence.get(index, []):
            word = expr.text.split()[-1].lower()
            for candidate in expr.text.lower().split():
                if candidate in WEEKDAYS:
                    draft.weekday = WEEKDAYS.index(candidate)
                    return
            if word in WEEKDAYS:
                draft.weekday = WEEKDAYS.index(word)
                return


def _attendance(
    text: str,
    sentences: list[tuple[int, int]],
    drafts: list[_Draft],
    people: list[tuple[int, int, str]],
    others: list[int],
    places_by_sentence,
    matcher: MeetingMatcher,
    sentence_of,
) -> None:
    by_sentence: dict[int, list[_Draft]] = {}
    for draft in drafts:
        for index in dict.fromkeys(draft.sentences):
            by_sentence.setdefault(index, []).append(draft)
    cues: dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    windows = _sentences_with_people(sentences, people)
    absent_spans, attend_spans = _cue_spans(text, matcher.cues, windows)
    for span in absent_spans:
        cues.setdefault(sentence_of(span[0]), ([], []))[0].append(span)
    for start, end in attend_spans:
        if not any(a < end and start < b for a, b in absent_spans):
            cues.setdefault(sentence_of(start), ([], []))[1].append((start, end))
    for index in sorted(cues):
        start, end = sentences[index]
        absent, attend = cues[index]
        in_sentence = people[bisect_left(people, (start,)) : bisect_left(people, (end,))]
        governed = [
            (
                kind,
                cue_start,
                cue_end,
                _governed(text, in_sentence, cue_start, cue_end, end, others),
            )
            for kind, spans in (("absent", absent), ("attend", attend))
            for cue_start, cue_end in spans
        ]
        governed = _overruled_absences(text, governed)
        here = by_sentence.get(index)
        if here is None:
            # No meeting named here: "Rubio's absence" is about the meeting he was already
            # reported for, else the meeting just before.
            named = {n for *_, names in governed for n in names}
            draft = next((d for d in drafts if named & set(d.attendees + d.absentees)), None)
            draft = draft or _nearby_draft(index, drafts, places_by_sentence)
            if draft is None:
                continue
            here = [draft]
        chosen = [
            here[0] if len(here) == 1 else _nearest_to_cue(text, here, index, cue_start, cue_end)
            for _, cue_start, cue_end, _ in governed
        ]
        for (kind, cue_start, cue_end, names), draft in zip(governed, chosen, strict=True):
            if kind == "absent" and _NOT_IN.search(text, cue_start, cue_end):
                # "Austin, who chaired the contact group, was not in Munich": absent from the
                # meeting in Munich, not from the one he attends in the same sentence.
                attended = {
                    id(d)
                    for g, d in zip(governed, chosen, strict=True)
                    if g[0] == "attend" and set(g[3]) & set(names)
                }
                draft = _held_in(cue_end, places_by_sentence.get(index, []), here, drafts, attended)
                if draft is None:
                    continue
            targets = [draft]
            if kind == "absent" and _NOR.match(text, cue_start):
                # "did not sit at the table of the summit nor attended the dinner": absent from
                # the meeting named before "nor" too.
                before = [
                    (max(p for p in d.at[index] if p < cue_start), n)
                    for n, d in enumerate(here)
                    if d is not draft and any(p < cue_start for p in d.at.get(index, []))
                ]
                if before:
                    targets.append(here[max(before)[1]])
            for target in targets:
                bucket = target.absentees if kind == "absent" else target.attendees
                for name in names:
                    if name not in bucket:
                        bucket.append(name)
        for draft in here:
            # Someone reported both ways in one article is absent ("will attend in Rubio's place").
            draft.attendees = [n for n in draft.attendees if n not in draft.absentees]


_NOT_IN = re.compile(r"\bnot\s+in\s*$", re.IGNORECASE)
_NOR = re.compile(r"nor\b", re.IGNORECASE)
_BUT = re.compile(r"\b(?:but|instead)\b", re.IGNORECASE)


def _overruled_absences(text: str, governed: list) -> list:
    """'will not come to Brussels personally, but will join by video': a later attendance
    cue after 'but' or 'instead' says how the person takes part, so the absence is dropped."""
    absences = [g for g in governed if g[0] == "absent" and g[3]]
    if not absences:
        return governed
    out = []
    for kind, cue_start, cue_end, names in governed:
        if kind == "absent":
            names = [
                n
                for n in names
                if not any(
                    other[0] == "attend"
                    and n in other[3]
                    and other[1] > cue_end
                    and _BUT.search(text, cue_end, other[1])
                    for other in governed
                )
            ]
        out.append((kind, cue_start, cue_end, names))
    return out


def _held_in(
    cue_end: int,
    places: list[tuple[int, str, bool, int]],
    here: list[_Draft],
    drafts: list[_Draft],
    attended: set[int],
) -> _Draft | None:
    """The meeting held in the place named right after "was not in", preferring the ones named
    in the sentence, never one the person attends; None when the article reports none there."""
    place = next((p[1] for p in places if cue_end <= p[0] <= cue_end + 4), None)
    if place is None:
        return None
    for candidates in (here, drafts):
        for draft in candidates:
            if id(draft) not in attended and place in (draft.place, draft.type.default_place):
                return draft
    return None


def _nearest(drafts: list[_Draft], sentence: int, offset: int) -> _Draft:
    """Of the meetings named in one sentence, the one whose name stands nearest `offset`:
    "X and Y held a call on the 19th, a day after X met Z at the summit"."""
    return min(
        drafts,
        key=lambda d: min((abs(at - offset) for at in d.at.get(sentence, ())), default=1 << 30),
    )


def _nearest_to_cue(text: str, drafts: list[_Draft], sentence: int, start: int, end: int) -> _Draft:
    """`_nearest` the cue at `start`..`end`, but not across a "but" when a meeting is named
    after the cue: "attended the dinner but will not take part in Wednesday's session"."""
    nearest = _nearest(drafts, sentence, start)
    before = [at for at in nearest.at.get(sentence, ()) if at < start]
    if before and _BUT.search(text, max(before), start):
        after = [d for d in drafts if any(at >= end for at in d.at.get(sentence, ()))]
        if after:
            return min(after, key=lambda d: min(at for at in d.at[sentence] if at >= end))
    return nearest


# How far a cue may run past the end of its sentence ("accompanied ... by" runs longest).
_CUE_REACH = 60


def _sentences_with_people(
    sentences: list[tuple[int, int]], people: list[tuple[int, int, str]]
) -> list[tuple[int, int]]:
    """The spans of the sentences that name a person, consecutive ones merged: a cue word
    elsewhere governs no one, so the cues are only looked for there."""
    starts = [p[0] for p in people]
    windows: list[tuple[int, int]] = []
    previous = -2
    for index, (start, end) in enumerate(sentences):
        first = bisect_left(starts, start)
        if first == len(starts) or starts[first] >= end:
            continue
        if index == previous + 1:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
        previous = index
    return windows


def _cue_spans(
    text: str, cues: PatternSet, windows: list[tuple[int, int]]
) -> list[list[tuple[int, int]]]:
    """Per pattern of `cues`, its non-overlapping matches starting in the windows (one may run
    past its window's end)."""
    found = cues.finditer_windows(text, windows, reach=_CUE_REACH, stop_at_end=True)
    return [[match.span() for match in matches] for matches in found]


def _nearby_draft(index: int, drafts: list[_Draft], places_by_sentence) -> _Draft | None:
    places = {p[1] for p in places_by_sentence.get(index, []) if p[3] == 0}
    for draft in drafts:
        if draft.place and draft.place in places:
            return draft
    before = [
        d
        for d in drafts
        if min(d.sentences) <= index and index - max(s for s in d.sentences if s <= index) <= 3
    ]
    return before[-1] if before else None


def _governed(
    text: str,
    people: list[tuple[int, int, str]],
    cue_start: int,
    cue_end: int,
    sentence_end: int,
    others: list[int],
) -> list[str]:
    """The people a cue word is about (`others`: where the names of countries and bodies end,
    in order)."""
    names: list[str] = []
    cue = text[cue_start:cue_end].lower()
    passive = cue.endswith(" by") or "represented by" in cue
    # "the meeting between the Chancellor, Zelensky, Macron ...", "the delegation included
    # Yermak, Sybiha ...": only the names after it.
    listing = cue.endswith(_LISTING)
    before = [p for p in people if p[1] <= cue_start]
    if before and not passive and not listing:
        nearest = before[-1]
        # "Rubio, who chaired a call with Rutte on Wednesday, was not in Sofia": the subject
        # before the relative clause, not a name inside it.
        clause = (
            _RELATIVE_CLAUSE.search(text, max(0, cue_start - 200), cue_start)
            if "who" in text[max(0, cue_start - 200) : cue_start]  # mostly not: no regex
            else None
        )
        if clause is not None:
            subject = [p for p in before if p[1] <= clause.start() and clause.start() - p[1] <= 1]
            if subject:
                nearest = subject[-1]
                before = before[: before.index(nearest) + 1]
        clause = text[nearest[1] : cue_start]
        # "hosted by Amherd, but Russia was not invited and China did not attend": a country
        # or a body just before the cue is what it is about.
        other = bisect_left(others, cue_start) - 1 if others else -1
        if (
            other >= 0
            and others[other] >= nearest[1]
            and _SUBJECT_GAP.fullmatch(text, others[other], cue_start)
        ):
            pass
        elif not _CLAUSE_END.search(clause) and not _excluded(text, nearest[0]):
            names.append(nearest[2])
            # "Rubio and Danish Foreign Minister Rasmussen met": coordinated subjects.
            for previous, current in zip(reversed(before[:-1]), reversed(before[1:]), strict=False):
                if _COORDINATION.match(text[previous[1] : current[0]]) and not _excluded(
                    text, previous[0]
                ):
                    names.append(previous[2])
                else:
                    break
    after = [p for p in people if p[0] >= cue_end and p[0] < sentence_end]
    if after and not _excluded(text, after[0][0]):
        gap = text[cue_end : after[0][0]]
        linked = bool(_AFTER_CUE.search(text, cue_start, after[0][0])) and not _SEPARATED.search(
            gap
        )
        # "Trump will host Ukrainian President Volodymyr Zelensky", "Macron received Trump":
        # the guest, named right after the verb (titles between).
        if not linked and not passive and _HOSTS.search(cue) and _TITLE_GAP.fullmatch(gap):
            linked = True
        if ((passive or listing) and len(gap) < 60) or linked:
            names.append(after[0][2])
            for previous, current in zip(after, after[1:], strict=False):
                if not _COORDINATION.match(text[previous[1] : current[0]]) or _excluded(
                    text, current[0]
                ):
                    break
                names.append(current[2])
    return list(dict.fromkeys(names))


def _excluded(text: str, start: int) -> bool:
    """'in Rubio's place', 'instead of Rubio': not the one attending."""
    return bool(_EXCLUDED_BEFORE.search(text[max(0, start - 20) : start]))


def _belongs(text: str, refs: list[_Ref], match: re.Match[str], draft: _Draft, index: int) -> bool:
    """Whether a length or a count found in sentence `index` is `draft`'s: "the call with Putin,
    which lasted two hours, set up the Budapest summit" (the meeting named nearest before it);
    "The talks in Jeddah were preceded by a meeting in London, where leaders of 18 countries"
    (London's, not Jeddah's). A sentence that names no meeting speaks of the one reported."""
    starts = [r.start for r in refs]
    before = [start for start in starts if start < match.start()]
    owner = max(before) if before else min(starts, default=None)
    # "a 90-minute phone call": the meeting the length is an adjective of; not "The first round
    # was a two-hour session" (a word for the meeting named before).
    inside = [r for r in refs if match.start() <= r.start < match.end()]
    if inside and not (
        inside[0].type.generic and _IS_A.search(text, max(0, match.start() - 12), match.start())
    ):
        owner = inside[0].start
    return owner is None or owner in draft.at.get(index, ())


def _mention(
    text: str,
    sentences,
    draft: _Draft,
    article_id: str,
    matcher: MeetingMatcher,
    refs_by_sentence: dict[int, list[_Ref]],
) -> MeetingMention:
    span = _span(draft.date, draft.end_override)
    participants = matcher.participants
    counts: list[str] = []
    lengths: list[str] = []
    if matcher.lengths is not None:
        # Only the meeting's own sentences, and one just after that speaks of it as "the call"
        # and of no other meeting: a length elsewhere is as often another meeting's.
        after = {
            i + 1
            for i in draft.sentences
            if i + 1 < len(sentences)
            and i + 1 not in refs_by_sentence
            and _THE_MEETING.match(text, sentences[i + 1][0])
        }
        for index in sorted(set(draft.sentences) | after):
            for match in _lengths_near_units(text, sentences[index], matcher.lengths):
                if length_in(match) in lengths:
                    continue
                if _belongs(text, refs_by_sentence.get(index, []), match, draft, index):
                    lengths.append(length_in(match))
    if participants is not None:
        # "... at the gathering. Defense officials from about 40 countries attended."
        after = {i + 1 for i in draft.sentences if i + 1 < len(sentences)} - set(refs_by_sentence)
        for index in sorted(set(draft.sentences) | after):
            if not _has_count(text, *sentences[index]):
                continue  # no number before a counted noun: the full patterns need not run
            match = participants.search(text, *sentences[index])
            if (
                match
                and participants_in(match) not in counts
                and _belongs(text, refs_by_sentence.get(index, []), match, draft, index)
            ):
                counts.append(participants_in(match))
                if index not in draft.sentences:
                    draft.sentences.append(index)  # a source of the meeting, as it counts it
    basis = draft.date.basis if draft.date is not None else "unresolved"
    if span is None:
        basis = "unresolved"
    name = draft.type.name
    if (draft.type.generic or draft.type.name_with_place) and draft.place:
        name = f"{draft.type.name} in {draft.place}"
    return MeetingMention(
        type_id=draft.type.id,
        name=name,
        kind=draft.type.kind,
        place=draft.place or draft.type.default_place,
        start=span[0].isoformat() if span else None,
        end=span[1].isoformat() if span else None,
        date_basis=basis,
        attendees=draft.attendees,
        absentees=draft.absentees,
        sources=[
            Source(
                article_id,
                text[sentences[i][0] : sentences[i][1]],
                sentences[i][0],
                sentences[i][1],
            )
            for i in sorted(set(draft.sentences))
        ],
        weekday_hint=draft.weekday,
        precision=draft.date.precision if span and draft.date else "day",
        ordinal=draft.ordinal,
        participants=counts,
        days=draft.days,
        lengths=lengths,
    )
