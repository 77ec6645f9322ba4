"""Find date expressions and pin them to the calendar.

A fast scan with a handful of regular expressions finds candidates that can only be dates
(a capitalised month next to a day, a year or a preposition; a weekday; "next week"), so "may"
the verb, "$61", "a 5%" or "the 51st" are never candidates. Each candidate is then resolved
against the article's published date: weekdays by the tense of their clause (a "will ... on
Wednesday" looks ahead, a "said on Thursday" looks back, the publication day itself counts),
yearless dates into the year that fits the tense, or else the article's or the corpus's year
(marked `year_inferred`). "Three weeks ago"-style phrases are handed to dateparser. What cannot be
pinned stays `unresolved`; the machine's clock is never consulted.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from .models import DateExpr
from .textutil import (
    MONTHS,
    WEEKDAYS,
    WORD_START,
    Caseless,
    PatternSet,
    after_character,
    first_characters,
    lower_same_length,
    words_in,
)

if TYPE_CHECKING:  # the models pull in pydantic; only validation needs it at run time
    from .config_models import DateRules

_M = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Sept|Aug|Oct|Nov|Dec|Jan|Feb)"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d\d"
_TO = r"\s*(?:-|–|—|\bto\b|\band\b|\buntil\b|\bthrough\b|\bthru\b)\s*"
_NOT_QUANTITY = r"(?!\s*(?:%|percent|per cent|billion|million|trillion|troops|soldiers|people|years|km|miles)\b)"

# Ordered most specific first; overlapping later matches are dropped.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dotted", re.compile(rf"{WORD_START}(?P<d>[0-3]?\d)\.(?P<mn>[01]?\d)\.(?P<y>{_Y})\b")),
    ("iso", re.compile(rf"{WORD_START}(?P<y>{_Y})-(?P<mn>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b")),
    (
        "cross_dm",
        re.compile(
            rf"{WORD_START}(?P<d1>{_D})\s+(?P<m1>{_M}){_TO}(?P<d2>{_D})\s+(?P<m2>{_M})\b(?:,?\s+(?P<y>{_Y})\b)?"
        ),
    ),
    (
        "cross_md",
        re.compile(
            rf"{WORD_START}(?P<m1>{_M})\s+(?P<d1>{_D}){_TO}(?P<m2>{_M})\s+(?P<d2>{_D})\b(?:,?\s+(?P<y>{_Y})\b)?"
        ),
    ),
    (
        "range_dm",
        re.compile(
            rf"{WORD_START}(?P<d1>{_D})\.?{_TO}(?P<d2>{_D})\.?\s+(?:of\s+)?(?P<m>{_M})(?!\w)(?:,?\s+(?P<y>{_Y})\b)?"
        ),
    ),
    (
        "range_md",
        re.compile(
            rf"{WORD_START}(?P<m>{_M})\s+(?P<d1>{_D}){_TO}(?P<d2>{_D})\b{_NOT_QUANTITY}(?:,?\s+(?P<y>{_Y})\b)?"
        ),
    ),
    (
        "md",
        re.compile(
            rf"{WORD_START}(?P<m>{_M})\s+(?P<d>{_D})\b{_NOT_QUANTITY}(?:,?\s+(?P<y>{_Y})\b)?"
        ),
    ),
    (
        "dm",
        re.compile(
            rf"{WORD_START}(?P<d>{_D})\.?\s+(?:of\s+)?(?P<m>{_M})(?!\w)(?:,?\s+(?P<y>{_Y})\b)?"
        ),
    ),
    (
        "my",
        re.compile(
            rf"{WORD_START}(?:(?P<q>(?i:early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of|the middle of))[\s-]*)?\b(?P<m>{_M})(?!\w),?\s+(?P<y>{_Y})\b"
        ),
    ),
    (
        "month",
        re.compile(
            rf"{WORD_START}(?:(?P<pre>(?i:in|on|this|last|next|since|until|by|from|during|before|after|through|an?|the|of|for|coming|past))\s+(?:(?P<q>(?i:early|mid|late))[\s-]+)?(?P<m>{_M})(?!\w)(?!\.?\s*\d)"
            rf"|(?P<q2>(?i:early|mid|late))[\s-]+(?P<m2>{_M})(?!\w)(?!\.?\s*\d))"
        ),
    ),
    (
        "weekday_range",
        re.compile(
            WORD_START
            + r"(?:(?P<pre>(?i:on|this|next|last|from))\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            r"\s*(?:-|–|\band\b|\bto\b|\bthrough\b)\s*(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            WORD_START
            + r"(?:(?P<pre>(?i:on|this|last|next|coming|past|since|until|till|through|by|from|early|late))\s+)?"
            r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
        ),
    ),
    (
        "relative",
        re.compile(
            # not "the Ukraine of today", "the East Asia of tomorrow": a time of history
            WORD_START + r"(?i:(?P<rel>(?<!of )(?:today|tonight|yesterday|tomorrow|last\s+night)"
            r"|(?:this|next|last|past|coming)\s+(?:week|month|year|weekend)"
            r"|(?:earlier|later)\s+this\s+(?:week|month|year)"
            r"|the\s+(?:day\s+before\s+yesterday|day\s+after\s+tomorrow)"
            # "The day before, Macron had ...", not "the day before the summit" (a day
            # before a meeting named after it) nor "the next day after the vote"
            r"|the\s+(?:day\s+before|following\s+day|next\s+day|previous\s+day)"
            r"(?!\s+(?:the|a|an|its|his|her|their|this|that|after|before|of)\b)"
            r"|(?:the\s+)?same\s+day"
            r"|(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a)\s+(?:days?|weeks?|months?|years?)\s+(?:ago|earlier|later|from\s+now)"
            # "said on Wednesday, a day after the talks": the talks a day before that Wednesday
            # (found in the window of that day's anchor, as it stands before it)
            r"|(?:one|two|three|a)\s+days?\s+after"
            r"|in\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?:days?|weeks?|months?)(?!\s+(?:time|of)\b)))\b"
        ),
    ),
    (
        "year",
        re.compile(
            rf"{WORD_START}(?P<pre>(?i:in|since|by|until|from|before|after|during|prior to|through|the end of|early|late|mid-?|of))\s+(?P<y>{_Y})\b(?![-–]\d){_NOT_QUANTITY}"
        ),
    ),
    # "ministers will meet in Brussels on the 5th to approve ...": a day of the month around the
    # publication; not "the 51st", "on the 24th meeting", "on the 5th of June" (a `dm`).
    (
        "day_ordinal",
        re.compile(
            rf"{WORD_START}(?<=\b[Oo]n the )(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
            # "held on the 10th and 11th in Washington": two days, one meeting
            r"(?:\s*(?:and|to|through|-|–)\s*(?:the\s+)?(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b)?"
            r"(?=\s*(?:[,.;:)]|$)|\s+(?:to|and|in|at|with|when|for|as|after|before|but)\b)"
        ),
    ),
]

_WORD_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
_QUALIFIER_DAYS = {"early": (1, 10), "beginning of": (1, 10), "start of": (1, 10), "mid": (11, 20),
                   "middle of": (11, 20), "late": (21, 31), "end of": (21, 31)}  # fmt: skip


@dataclass
class DateResolver:
    """Compiled date rules."""

    future: Caseless
    past: Caseless
    window: int

    @classmethod
    def from_config(cls, rules: DateRules) -> DateResolver:
        return cls(words_in(rules.future_cues), words_in(rules.past_cues), rules.year_window_days)


@dataclass
class _Candidate:
    kind: str
    start: int
    end: int
    groups: dict[str, str | None]


# Every date expression holds one of these; the patterns only run in windows around them.
# The anchors written in any case: all start with a letter of `_ANCHOR_LOWER`.
_ANCHOR_WORDS = [
    "today",
    "tonight",
    r"last night\b",
    "yesterday",
    "tomorrow",
    "week",
    "month",
    "year",
    r"ago\b",
    "from now",
    "same day",
    # "a day after the talks" (the talks on the day before the one just named)
    r"day after\b",
    r"days after\b",
    # "The day before, Macron had gathered ...": the day before the one just reported
    r"day before\b",
    "following day",
    "next day",
    "previous day",
]
# The anchors written as they are (capitalised names, numbers), in the order they are tried.
_ANCHOR_CASED = [
    *_M[3:-1].split("|"),
    r"(?:19|20)\d\d\b",
    r"\d\d?\.\d\d?\.(?:19|20)\d\d",
    r"\d\d?(?:st|nd|rd|th)\b",
    *(day.capitalize() for day in WEEKDAYS),
]
_ANCHOR_BODY = rf"(?:{'|'.join(_ANCHOR_CASED)}|(?i:{'|'.join(_ANCHOR_WORDS)}))"
# The anchors found fast: a pattern that starts by taking a character of a set lets the engine
# skip (in C) to the next character of the set, here the characters an anchor can start with:
# a digit, the capitals of month and weekday names, and the first letters (either case) of the
# words. Then: at a word start (`(?<!\w.)`), the anchor read from that character, in a group.
_ANCHOR = re.compile(rf"[\dJFMASONDTWYLtywmafsdnpl](?<!\w.)(?<=(?=(?P<anchor>{_ANCHOR_BODY})).)")
# Faster: the anchors at a capital or a digit by a scan that skips every other character; at a
# lower-case letter an anchor is one of the words, found by a plain search of the lower-cased
# text and read there by the anchor pattern.
_ANCHOR_LOWER = "tywmafsdnpl"
_ANCHOR_UPPER_FIRST = "0123456789JFMASONDTWYL"


def _anchor_at_upper() -> re.Pattern[str]:
    """`_ANCHOR_BODY` at a word start holding a character of `_ANCHOR_UPPER_FIRST`, a branch
    per character: the scan skips (in C) to the next of them, the branch is picked in one
    comparison and holds only what can start with that character, in the body's order (at a
    position the first that matches wins, as in the body)."""
    branches = []
    for char in _ANCHOR_UPPER_FIRST:
        rests = []
        for source in _ANCHOR_CASED:
            starts = first_characters(source)
            if starts is None:
                raise ValueError(f"anchor with unknown first characters: {source}")
            chars, classes = starts
            if char in chars or (classes and re.fullmatch(f"[{''.join(classes)}]", char)):
                rest = after_character(source, char)
                if rest is None:
                    raise ValueError(f"anchor not read on after its first character: {source}")
                rests.append(rest)
        # The words any case (at a capital here; at a lower-case letter see `_anchors`).
        rests += [f"(?i:{w[1:]})" for w in _ANCHOR_WORDS if w[0] == char.lower()]
        if rests:
            branches.append(rf"{re.escape(char)}(?:{'|'.join(rests)})")
    # As `_ANCHOR`: the match takes the first character only (anchors may overlap), the anchor
    # is read in a lookaround, which now picks its branch by that character at once.
    first = "".join(map(re.escape, _ANCHOR_UPPER_FIRST))
    return re.compile(rf"[{first}](?<!\w.)(?<=(?=(?P<anchor>{'|'.join(branches)})).)")


_ANCHOR_UPPER = _anchor_at_upper()
_ANCHOR_AT = re.compile(rf"(?<!\w)(?P<anchor>{_ANCHOR_BODY})")
_ANCHOR_FINDS = [word.removesuffix(r"\b") for word in _ANCHOR_WORDS]


def _anchors(text: str) -> list[tuple[int, int]]:
    """The spans of the anchors `_ANCHOR` finds, in text order."""
    lowered = lower_same_length(text)
    if lowered is None:
        return [found.span("anchor") for found in _ANCHOR.finditer(text)]
    spans = [found.span("anchor") for found in _ANCHOR_UPPER.finditer(text)]
    lower = set()
    for word in _ANCHOR_FINDS:
        at = lowered.find(word)
        while at >= 0:
            if text[at] in _ANCHOR_LOWER:
                lower.add(at)
            at = lowered.find(word, at + 1)
    if lower:
        spans += [
            found.span("anchor")
            for found in map(_ANCHOR_AT.match, [text] * len(lower), sorted(lower))
            if found is not None
        ]
        spans.sort()
    return spans


def _windows(text: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    last_end = 0
    for start, end in _anchors(text):
        if start < last_end:
            continue  # inside the anchor before, as a scan for the anchors themselves would skip
        last_end = end
        lo, hi = max(0, start - 40), min(len(text), end + 40)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def _combined() -> tuple[PatternSet, list[str], list[list[tuple[str, str]]]]:
    """Every pattern in one alternation (their groups renamed apart), in priority order: at one
    position the most specific kind that matches wins. One pass instead of one per kind, and
    that by the `PatternSet`'s scan of the lower-cased text: the engine tries the lists of
    case-insensitive words ("in", "on", "early" ...) much faster there, and the exact pattern
    decides where that scan finds something.
    Also returns, per kind, its (renamed, own) group names, to read a match's groups by name."""
    parts, kinds, names = [], [], []
    for index, (kind, pattern) in enumerate(_PATTERNS):
        # The alternation starts at a word already: a word-start test per kind would be repeated.
        source = pattern.pattern.removeprefix(WORD_START).replace("(?P<", f"(?P<k{index}_")
        parts.append(f"(?P<k{index}>{source})")
        kinds.append(kind)
        names.append([(f"k{index}_{name}", name) for name in pattern.groupindex])
    return (
        PatternSet([WORD_START + "(?:" + "|".join(parts) + ")"], case_sensitive=True),
        kinds,
        names,
    )


_COMBINED, _KINDS, _GROUPS = _combined()


def scan(text: str) -> list[_Candidate]:
    """Candidate date expressions, without overlaps, in text order."""
    found: list[_Candidate] = []
    for match in _COMBINED.finditer_windows(text, _windows(text))[0]:
        index = int(match.lastgroup[1:])
        groups = {name: match.group(renamed) for renamed, name in _GROUPS[index]}
        candidate = _Candidate(_KINDS[index], match.start(), match.end(), groups)
        if candidate.kind in ("cross_md", "cross_dm"):
            found += _two_dates(text, candidate)
        else:
            found.append(candidate)
    return found


_AND = re.compile(r"\s+and\s+")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _two_dates(text: str, c: _Candidate) -> list[_Candidate]:
    """ "held on May 16 and June 2": two days, not the weeks between them ("between May 16 and
    June 2" and "from 30 June to 2 July" are spans)."""
    joint = _AND.search(text, c.start, c.end)
    if joint is None or _BETWEEN.search(text, max(0, c.start - 10), c.start):
        return [c]
    g = c.groups
    first = _safe_date(2024, _month(g["m1"]), _day(g["d1"]))
    last = _safe_date(2024 + (_month(g["m2"]) < _month(g["m1"])), _month(g["m2"]), _day(g["d2"]))
    if first and last and 0 < (last - first).days <= 2:
        return [c]  # "on 30 June and 1 July": the days of one meeting
    kind = "md" if c.kind == "cross_md" else "dm"
    return [
        _Candidate(kind, c.start, joint.start(), {"m": g["m1"], "d": g["d1"], "y": g["y"]}),
        _Candidate(kind, joint.end(), c.end, {"m": g["m2"], "d": g["d2"], "y": g["y"]}),
    ]


def find_dates(
    text: str,
    sentences: list[tuple[int, int]],
    published: date | None,
    corpus_year: int | None,
    resolver: DateResolver,
) -> list[DateExpr]:
    """Every date expression of `text`, resolved where it can be."""
    candidates = scan(text)
    # Only full dates say which year an article is about; "March 2022" may be history.
    explicit_years = Counter(
        int(c.groups["y"]) for c in candidates if c.groups.get("y") and c.kind not in ("year", "my")
    )
    year_hint = explicit_years.most_common(1)[0][0] if explicit_years else corpus_year
    starts = [s for s, _ in sentences]  # for `_sentence_index`, worked out once
    sentence_years = _sentence_years(candidates, starts, text)
    cues = _TenseCues(text, sentences, resolver)
    tenses = [_tense(candidate, cues) for candidate in candidates]
    _tense_from_the_story(candidates, tenses, starts)
    out = []
    for candidate, tense in zip(candidates, tenses, strict=True):
        # "in 2017, when ... an April meeting": the year written in the sentence wins.
        own_year, year_at = sentence_years.get(_sentence_index(starts, candidate.start), (None, 0))
        # Only a year written before a month and day dates them; weekdays and "next week"
        # count from the published day ("the forum it created in 2022" dates no Friday).
        if (
            own_year is not None
            and year_at < candidate.start
            and candidate.kind not in _FROM_PUBLISHED
            and not candidate.groups.get("y")
        ):
            expr = _resolve(text, candidate, None, own_year, tense)
        elif candidate.kind == "relative" and _ANAPHORIC.search(candidate.groups.get("rel") or ""):
            # "A day later", "two days earlier": counted from the day reported last, not from
            # the published day.
            # A clause in the past ("The day before, Macron had gathered ...") counts from a
            # day already past, not from a date still ahead that the text wrote last.
            latest = published.isoformat() if published and tense == "past" else "9999"
            previous = next(
                (
                    e
                    for e in reversed(out)
                    if e.value
                    and e.precision == "day"
                    and e.basis != "unresolved"
                    and e.value <= latest
                ),
                None,
            )
            if candidate.groups["rel"].lower().endswith("after") and (
                previous is None
                or _sentence_index(starts, previous.start)
                != _sentence_index(starts, candidate.start)
            ):
                continue  # "a day after" what, when? Only the day said before it in the sentence

            base = date.fromisoformat(previous.end_value or previous.value) if previous else None
            expr = _resolve(text, candidate, base, year_hint, tense)
            if expr is not None and previous is not None and expr.basis == "relative":
                expr = replace(
                    expr, basis=previous.basis if previous.basis != "explicit" else "relative"
                )
        else:
            expr = _resolve(text, candidate, published, year_hint, tense)
            if candidate.kind == "weekday" and _LATER_ON.search(
                text, max(0, candidate.start - 16), candidate.start
            ):
                # "met Weidel on Friday ... was set to meet Vance later on Friday": that Friday
                # (the one written last), whatever the tense says.
                expr = _same_weekday_as_before(out, expr) or expr
        if expr is not None:
            out.append(expr)
    return out


# "later on Friday", "earlier on Friday", "later Friday": a day the text has already named.
_LATER_ON = re.compile(r"\b(?:later|earlier)\s+(?:on\s+|that\s+|this\s+)?\Z", re.IGNORECASE)


def _same_weekday_as_before(out: list[DateExpr], expr: DateExpr | None) -> DateExpr | None:
    if expr is None or not expr.value:
        return None
    weekday = date.fromisoformat(expr.value).weekday()
    for previous in reversed(out):
        if (
            previous.value
            and previous.precision == "day"
            and previous.basis != "unresolved"
            and (previous.end_value or previous.value) == previous.value
            and date.fromisoformat(previous.value).weekday() == weekday
        ):
            return replace(expr, value=previous.value, end_value=previous.value)
    return None


def _tense_from_the_story(candidates: list[_Candidate], tenses: list, starts: list[int]) -> None:
    """A weekday in a line with no verb ("Saudi talks on Tuesday", a subheading) takes the
    tense the next sentence or two give the same weekday ("are due to meet ... on Tuesday")."""
    for i, candidate in enumerate(candidates):
        if tenses[i] is not None or candidate.kind != "weekday":
            continue
        at = _sentence_index(starts, candidate.start)
        for j in range(i + 1, len(candidates)):
            other = candidates[j]
            if _sentence_index(starts, other.start) > at + 2:
                break
            if (
                other.kind == "weekday"
                and tenses[j] is not None
                and _sentence_index(starts, other.start) > at
                and (other.groups.get("wd") or "").lower()
                == (candidate.groups.get("wd") or "").lower()
            ):
                tenses[i] = tenses[j]
                break


# "a day later", "two weeks earlier", "the same day": relative to the event just reported.
_ANAPHORIC = re.compile(
    r"\b(?:(?:days?|weeks?|months?)\s+(?:later|earlier|after)|same\s+day|day\s+before"
    r"|(?:following|next|previous)\s+day)$",
    re.IGNORECASE,
)


def _sentence_index(starts: list[int], offset: int) -> int:
    """The sentence holding `offset`, by the sentences' `starts`."""
    return bisect_right(starts, offset) - 1


_FROM_PUBLISHED = ("weekday", "weekday_range", "relative", "day_ordinal")
_WEEK_PREFIXES = ("next", "coming", "last", "past")  # "last Tuesday and Wednesday"


_FOUNDED_BEFORE = re.compile(
    r"\b(?:founded|established|created|formed|set up|launched)\s+$", re.IGNORECASE
)


def _sentence_years(
    candidates: list[_Candidate], starts: list[int], text: str = ""
) -> dict[int, tuple[int, int]]:
    """Sentences that state exactly one year on its own ('in 2017'): the year and where."""
    years: dict[int, dict[int, int]] = {}
    for c in candidates:
        # "in 2017, when ... an April meeting"; not "since 2014, hands over on Oct. 1", nor
        # "founded in 1991 ..., revived since Tusk returned last December".
        if (
            c.kind == "year"
            and (c.groups.get("pre") or "").lower() in ("in", "during")
            and not (text and _FOUNDED_BEFORE.search(text, max(0, c.start - 30), c.start))
        ):
            found = years.setdefault(_sentence_index(starts, c.start), {})
            found.setdefault(int(c.groups["y"]), c.start)
    return {i: ys.popitem() for i, ys in years.items() if len(ys) == 1}


class _TenseCues:
    """The future and past cue words of each sentence of one text, found once per sentence
    (a sentence often holds several dates)."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], resolver: DateResolver):
        self.text = text
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        self.resolver = resolver
        self.cues: dict[tuple[int, int], list[tuple[int, int, str]]] = {}

    def around(self, offset: int) -> list[tuple[int, int, str]]:
        """(start, end, tense) of the cues in the sentence holding `offset` (future cues first),
        or in the whole text for an offset outside every sentence."""
        index = bisect_right(self.starts, offset) - 1
        if index >= 0 and offset < self.sentences[index][1]:
            lo, hi = self.sentences[index]
        else:
            lo, hi = 0, len(self.text)
        cues = self.cues.get((lo, hi))
        if cues is None:
            cues = [
                (match.start(), match.end(), tense)
                for tense, pattern in (
                    ("future", self.resolver.future),
                    ("past", self.resolver.past),
                )
                for match in pattern.finditer(self.text, lo, hi)
            ]
            self.cues[(lo, hi)] = cues
        return cues


# "held talks on Wednesday and is scheduled to meet Lammy on Friday": a second verb after "and"
# begins a clause of its own.
_NEW_CLAUSE = re.compile(
    r"\band that\b|;|\bbut\b|\bwhile\b|\bwhereas\b"
    r"|\band (?:is|are|was|were|will|would|has|have|had)\b"
)


def _tense(c: _Candidate, cues: _TenseCues) -> str | None:
    """'future', 'past' or None, from the cue word nearest the expression in its sentence."""
    best: tuple[int, str] | None = None
    around = cues.around(c.start)
    # "After meeting Zelenskyy on Friday, Modi said": with no cue before the date, the report's
    # verb is the only tense the sentence gives it.
    cue_before = any(end <= c.start for _, end, _ in around)
    for start, end, tense in around:
        if c.start <= start < c.end:
            continue
        # "had held a call on Wednesday and that talks would start": a cue after the date in
        # another clause is about that clause.
        if start >= c.end and _NEW_CLAUSE.search(cues.text, c.end, end):
            continue
        # "was in Ankara for talks on Tuesday, said Kyiv would not take part": a cue after the
        # report's verb is of what is reported.
        if start >= c.end and tense == "future" and _REPORTED.search(cues.text, c.end, start):
            continue
        # "the first chaired by Costa", "hosted by Macron": a participle, no tense of its own.
        if tense == "past" and _BY_AFTER.match(cues.text, end):
            continue
        # "will hold a videoconference on Saturday, Downing Street said": the report's verb
        # after the date is not the tense of what it reports.
        if (
            tense == "past"
            and cue_before
            and start >= c.end
            and cues.text[start:end].lower() in _REPORTING
            and _ATTRIBUTION_GAP.fullmatch(cues.text, c.end, start)
        ):
            continue
        distance = c.start - end if end <= c.start else (start - c.end) * 2
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else None


_BY_AFTER = re.compile(r"\s+by\b")
_REPORTED = re.compile(r",\s+(?:\w+\s+){0,3}?(?:said|told|added|stated|wrote)\b")
_REPORTING = {"said", "told", "announced", "reported", "stated", "added", "noted", "wrote"}
_ATTRIBUTION_GAP = re.compile(r"\s*,\s*(?:[\w.’'-]+\s+){0,4}")


def _month(name: str | None) -> int:
    return MONTHS[(name or "").lower().rstrip(".")]


_NON_DIGITS = re.compile(r"\D")


def _day(value: str | None) -> int:
    return int(_NON_DIGITS.sub("", value or "0"))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _pick_year(
    month: int, day: int, published: date | None, year_hint: int | None, tense: str | None
) -> tuple[int | None, str]:
    """The year of a yearless date, and the basis."""
    if published is not None:
        options = [
            y
            for y in (published.year - 1, published.year, published.year + 1)
            if _safe_date(y, month, min(day, 28))
        ]
        dated = [(y, date(y, month, min(day, calendar.monthrange(y, month)[1]))) for y in options]
        slack = timedelta(days=3)
        if tense == "future":
            ahead = [y for y, d in dated if d >= published - slack]
            if ahead:
                return ahead[0], "year_inferred"
        elif tense == "past":
            behind = [y for y, d in dated if d <= published + slack]
            if behind:
                return behind[-1], "year_inferred"
        return min(dated, key=lambda yd: abs((yd[1] - published).days))[0], "year_inferred"
    if year_hint is not None:
        return year_hint, "year_inferred"
    return None, "unresolved"


def _resolve(
    text: str, c: _Candidate, published: date | None, year_hint: int | None, tense: str | None
) -> DateExpr | None:
    g = c.groups
    surface = text[c.start : c.end]

    def expr(value: date | None, end: date | None, basis: str, precision: str = "day") -> DateExpr:
        return DateExpr(
            text=surface,
            start=c.start,
            end=c.end,
            value=value.isoformat() if value else None,
            end_value=(end or value).isoformat() if value else None,
            basis=basis,
            precision=precision,
        )

    if c.kind in ("iso", "dotted"):  # 2025-06-24, and the European 24.06.2025
        value = _safe_date(int(g["y"]), int(g["mn"]), int(g["d"]))
        return expr(value, None, "explicit") if value else None

    if c.kind in ("md", "dm", "range_dm", "range_md", "cross_dm", "cross_md"):
        if c.kind in ("md", "dm"):
            m1 = m2 = _month(g["m"])
            d1 = d2 = _day(g["d"])
        elif c.kind in ("range_dm", "range_md"):
            m1 = m2 = _month(g["m"])
            d1, d2 = _day(g["d1"]), _day(g["d2"])
        else:
            m1, m2 = _month(g["m1"]), _month(g["m2"])
            d1, d2 = _day(g["d1"]), _day(g["d2"])
        if g.get("y"):
            year, basis = int(g["y"]), "explicit"
        else:
            year, basis = _pick_year(m1, d1, published, year_hint, tense)
        if year is None:
            return expr(None, None, "unresolved")
        first = _safe_date(year, m1, d1)
        last = _safe_date(year + (1 if m2 < m1 else 0), m2, d2)
        if first is None or last is None or last < first:
            return None
        return expr(first, last, basis)

    if c.kind in ("my", "month"):
        month = _month(g.get("m") or g.get("m2"))
        qualifier = (g.get("q") or g.get("q2") or "").lower().removeprefix("the ").strip()
        if g.get("y"):
            year, basis = int(g["y"]), "explicit"
        else:
            pre = (g.get("pre") or "").lower()
            if published is not None:
                if pre == "this":
                    year, basis = published.year, "relative"
                elif pre == "next":
                    year, basis = (
                        published.year + (1 if month <= published.month else 0),
                        "relative",
                    )
                elif pre in ("last", "past"):
                    year, basis = (
                        published.year - (1 if month >= published.month else 0),
                        "relative",
                    )
                elif month == published.month:
                    year, basis = (
                        published.year,
                        "year_inferred",
                    )  # "before the end of June", in June
                else:
                    year, basis = _pick_year(month, 15, published, year_hint, tense)
            else:
                year, basis = _pick_year(month, 15, None, year_hint, tense)
        if year is None:
            return expr(None, None, "unresolved", "month")
        last_day = calendar.monthrange(year, month)[1]
        lo, hi = _QUALIFIER_DAYS.get(qualifier, (1, last_day))
        return expr(date(year, month, lo), date(year, month, min(hi, last_day)), basis, "month")

    if c.kind == "year":
        year = int(g["y"])
        return expr(date(year, 1, 1), date(year, 12, 31), "explicit", "year")

    if c.kind == "weekday_range":
        # "Tuesday and Wednesday": the first day resolved like a weekday, the range after it.
        first = _resolve(
            text,
            _Candidate("weekday", c.start, c.end, {"pre": g.get("pre"), "wd": g["wd"]}),
            published,
            year_hint,
            tense,
        )
        if first is None or first.value is None:
            return expr(None, None, "unresolved")
        start = date.fromisoformat(first.value)
        span = (WEEKDAYS.index(g["wd2"].lower()) - start.weekday()) % 7
        if published is not None and (g.get("pre") or "").lower() not in _WEEK_PREFIXES:
            # "is being held from Wednesday through Friday", written on the Thursday: the
            # days around the publication, whatever the tense.
            back = (published.weekday() - WEEKDAYS.index(g["wd"].lower())) % 7
            if back <= span:
                start = published - timedelta(days=back)
        return expr(start, start + timedelta(days=span), "relative")

    if c.kind == "weekday":
        weekday = WEEKDAYS.index(g["wd"].lower())
        result = expr(None, None, "unresolved")
        if published is not None:
            pre = (g.get("pre") or "").lower()
            offset = (weekday - published.weekday()) % 7
            if pre == "next" or pre == "coming":
                value = published + timedelta(days=offset or 7)
            elif pre in ("last", "past"):
                value = published - timedelta(days=((published.weekday() - weekday) % 7) or 7)
            elif (
                tense == "future"
                or pre in ("until", "till", "through", "by")
                or (pre == "this" and tense != "past")
            ):
                value = published + timedelta(days=offset)
            else:  # news reports what happened: looking back is the default
                value = published - timedelta(days=(published.weekday() - weekday) % 7)
            result = expr(value, None, "relative")
        return result

    if c.kind == "day_ordinal":
        if published is None:
            return expr(None, None, "unresolved")
        day = _day(g["d"])
        this_month = _safe_date(published.year, published.month, day)
        if tense == "future":
            value = this_month if this_month and this_month >= published else None
            if value is None:
                year, month = divmod(published.year * 12 + published.month, 12)
                value = _safe_date(year, month + 1, day)
        else:  # looking back, as news does by default
            value = this_month if this_month and this_month <= published else None
            if value is None:
                year, month = divmod(published.year * 12 + published.month - 2, 12)
                value = _safe_date(year, month + 1, day)
        if value is None:
            return expr(None, None, "unresolved")
        last = _safe_date(value.year, value.month, _day(g["d2"])) if g.get("d2") else None
        return expr(value, last if last and last > value else None, "relative")

    if c.kind == "relative":
        if published is None:
            return expr(None, None, "unresolved", _relative_precision(g["rel"]))
        span = _relative(g["rel"].lower(), published, tense)
        if span is None:
            return expr(None, None, "unresolved")
        first, last, precision = span
        return expr(first, last, "relative", precision)
    return None


def _relative_precision(phrase: str) -> str:
    for unit in ("week", "month", "year"):
        if phrase.lower().endswith(unit):
            return unit if unit != "week" else "week"
    return "day"


def _relative(phrase: str, base: date, tense: str | None = None) -> tuple[date, date, str] | None:
    phrase = re.sub(r"\s+", " ", phrase)
    if phrase in ("today", "tonight", "same day", "the same day"):
        return base, base, "day"
    if phrase in ("yesterday", "last night"):
        return base - timedelta(1), base - timedelta(1), "day"
    if phrase == "tomorrow":
        return base + timedelta(1), base + timedelta(1), "day"
    if phrase == "the day before yesterday":
        return base - timedelta(2), base - timedelta(2), "day"
    if phrase == "the day after tomorrow":
        return base + timedelta(2), base + timedelta(2), "day"
    if phrase in ("the day before", "the previous day"):
        return base - timedelta(1), base - timedelta(1), "day"
    if phrase in ("the following day", "the next day"):
        return base + timedelta(1), base + timedelta(1), "day"
    words = phrase.split()
    if words[-1] in ("week", "weekend", "month", "year") and words[0] in (
        "this",
        "next",
        "last",
        "past",
        "coming",
        "earlier",
        "later",
    ):
        step = {
            "this": 0,
            "earlier": 0,
            "later": 0,
            "next": 1,
            "coming": 1,
            "last": -1,
            "past": -1,
        }[words[0]]
        unit = words[-1]
        if unit == "week":
            if step == 0 and tense == "future":
                return base, base + timedelta(6), "week"  # "the summit this week", said on a Sunday
            monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
            return monday, monday + timedelta(6), "week"
        if unit == "weekend":
            saturday = base + timedelta(days=(5 - base.weekday()) % 7)
            if step < 0 or (step == 0 and base.weekday() == 0):
                saturday -= timedelta(7)
            return saturday, saturday + timedelta(1), "week"
        if unit == "month":
            month_index = base.year * 12 + base.month - 1 + step
            year, month = divmod(month_index, 12)
            return (
                date(year, month + 1, 1),
                date(year, month + 1, calendar.monthrange(year, month + 1)[1]),
                "month",
            )
        year = base.year + step
        return date(year, 1, 1), date(year, 12, 31), "year"
    parsed = _dateparser_relative(phrase, base)
    if parsed is None:
        return None
    precision = "day"
    if "month" in phrase:
        precision = "month"
    elif "year" in phrase:
        precision = "year"
    elif "week" in phrase:
        precision = "week"
    return parsed, parsed, precision


@lru_cache(maxsize=4096)
def _dateparser_relative(phrase: str, base: date) -> date | None:
    """'three weeks ago', 'in two days': dateparser's relative arithmetic, against `base`."""
    import dateparser

    phrase = re.sub(r"\b(earlier|after)\b", "ago", phrase)
    phrase = re.sub(r"\blater\b", "", phrase)
    phrase = re.sub(r"\bfrom now\b", "", phrase).strip()
    if not phrase.startswith("in ") and not phrase.endswith("ago"):
        phrase = "in " + phrase
    words = phrase.split()
    words = [str(_WORD_NUMBERS.get(w, w)) if w in _WORD_NUMBERS else w for w in words]
    result = dateparser.parse(
        " ".join(words),
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day, 12),
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return result.date() if result else None
