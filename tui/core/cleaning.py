"""Turn scraped text into clean text: no escape codes, no junk lines, no glued commas."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .textutil import MONTH_NAMES, UPPER_MONTH_NAMES

if TYPE_CHECKING:  # the models pull in pydantic; only validation needs it at run time
    from .config_models import Cleaning

# Terminal escape sequences: CSI (colours, cursor), OSC (titles, hyperlinks), and two-byte ESC
# sequences. They are removed before any other step so nothing from a file reaches the terminal.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]"  # two-byte and charset (ESC c, ESC 7, ESC ( B)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# "Brussels,Belgium" -> "Brussels, Belgium"; letters on both sides, so "1,000" stays.
_GLUED_COMMA = re.compile(r"(?<=[^\W\d_]|[”’\")]),(?=[^\W\d_]|[“‘])")
# "November 28,2025" -> "November 28, 2025": a day then a year is a date, not a number.
_GLUED_DATE_COMMA = re.compile(rf"\b({MONTH_NAMES}\s+\d{{1,2}}(?:st|nd|rd|th)?),(?=\d{{4}}\b)")
# "with partners.For the first time": a sentence glued to the one before (not "U.S.", "Rubio.vc").
_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
# "next weekS NATO meeting": a scraper dropped the apostrophe of a possessive.
_LOST_APOSTROPHE = re.compile(r"\b([a-z]{3,})S\b")
_PROSE_WORDS = 15
_SENTENCE_ENDS = (".", "!", "?", '"', "”")
_EMPTY_BULLET = re.compile(r"^[*•\-–—·]+$")


@dataclass(frozen=True)
class CleanRules:
    """Compiled cleaning rules."""

    boilerplate: re.Pattern[str]
    prefixes: list[re.Pattern[str]]
    tails: list[re.Pattern[str]]
    stops: re.Pattern[str]

    @classmethod
    def from_config(cls, config: Cleaning) -> CleanRules:
        def any_of(patterns: list[str]) -> re.Pattern[str]:
            if not patterns:
                return re.compile(r"(?!x)x")
            return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

        return cls(
            boilerplate=any_of(patterns=config.boilerplate_lines),
            prefixes=[re.compile(p, re.IGNORECASE) for p in config.line_prefixes],
            tails=[re.compile(p, re.IGNORECASE) for p in config.line_tails],
            stops=any_of(config.stop_sections),
        )


def strip_control(text: str) -> str:
    """Remove terminal escape sequences and control characters (newlines and tabs survive)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    return _CONTROL.sub("", text)


# "By Andrew GrayBRUSSELS, June 24 (Reuters) -": a byline glued to a capitalised dateline;
# "Ayşe DemirkolISTANBUL": a name alone on its line glued to one; "By Johannes WendlerMunich,
# 17 February 2025": to a place written in title case, a date after it (three lower-case
# letters before the glue: "McDonald" and "MacDonald" are names).
_GLUED_DATELINE = re.compile(
    r"^((?:[Bb]y|BY|[Ss]ource:)\s.*?[a-z])([A-Z]{3,}(?:\s[A-Z]{3,})?\b[,\s(–—-])"
    r"|^((?:[^\W\d_]+\s){1,2}[^\W\d_]*[^\W\d_A-Z])([A-Z]{3,}(?:\s[A-Z]{3,})?)$"
    rf"|^((?:[Bb]y|BY)\s.*?[a-z]{{3}})([A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s*(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})\b)"
    # "Lucía Ortega MoraLondon - MAR 03, 2025": a name alone glued to a dateline in title case
    rf"|^((?:[^\W\d_]+\s){{1,3}}[^\W\d_]*[a-z]{{3}})([A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s*[-–—,|·]\s*"
    rf"(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES}|{UPPER_MONTH_NAMES})(?![a-z]))"
)


# "By Jane DoeFebruary 13, 20254:12 PM", "By JANE DOEUpdated 5:12 PM": a byline glued to the
# date line after it. Group 1 is the byline; what follows is the date line.
_GLUED_BYLINE_DATE = re.compile(
    rf"^((?:[Bb]y|BY)\s.*?(?:[a-z]|[A-Z]{{2}}))(?=(?:{MONTH_NAMES})\s+\d|(?:Updated|Published)\b)"
)
# "20254:12 PM": a year glued to a time.
_GLUED_YEAR_TIME = re.compile(r"\b((?:19|20)\d\d)(?=\d{1,2}:\d\d\b)")
# "GMT+1Updated 3 hours ago"
_GLUED_UPDATED = re.compile(r"(?<=[\w+])(?=(?:Updated|Published)\b)")


# The lines of a page that may hold its byline and dateline: below a cookie banner, a menu and
# share buttons they can be 25 lines down (blank lines counted).
HEADER_LINES = 40


def _unglue_header(raw_lines: list[str]) -> list[str]:
    """Split the bylines and datelines that scrapers glue together at the top of a page."""
    head: list[str] = []
    for raw in raw_lines[:HEADER_LINES]:
        line = raw.strip()
        glued = _GLUED_DATELINE.match(line) or _GLUED_BYLINE_DATE.match(line)
        if glued:
            first = next(i for i in range(1, (glued.re.groups or 1) + 1) if glued.group(i))
            parts = [glued.group(first), line[glued.end(first) :]]
        else:
            parts = [raw]
        if glued:
            parts[1] = _GLUED_UPDATED.sub(" ", _GLUED_YEAR_TIME.sub(r"\1 ", parts[1]))
        head.extend(parts)
    return head + raw_lines[HEADER_LINES:]


def clean_lines(text: str, rules: CleanRules) -> list[str]:
    """Clean scraped text into lines; an empty string marks a paragraph break."""
    lines: list[str] = []
    began = False  # a paragraph of prose has been seen: the article has started
    raw_lines = _unglue_header(strip_control(text).split("\n"))
    skip_to = 0
    for number, raw in enumerate(raw_lines):
        if number < skip_to:
            continue
        line = _SPACES.sub(" ", raw).strip()
        for prefix in rules.prefixes:
            line = prefix.sub("", line, count=1).strip()
        for tail in rules.tails:
            match = tail.search(line)
            if match:
                line = line[: match.start()].rstrip()
        if line and began and rules.stops.fullmatch(line):
            resume = _story_resumes(raw_lines, number + 1)
            if resume is None:
                break
            skip_to = resume  # "Related Content" and one link inside the story: skipped
            continue
        began = began or line.endswith(_SENTENCE_ENDS) or len(line.split()) >= _PROSE_WORDS
        if not line or rules.boilerplate.fullmatch(line) or _EMPTY_BULLET.match(line):
            if lines and lines[-1]:
                lines.append("")
            continue
        line = _GLUED_DATE_COMMA.sub(r"\1, ", line)
        line = _GLUED_COMMA.sub(", ", line)
        line = _GLUED_SENTENCE.sub(" ", line)
        line = _LOST_APOSTROPHE.sub(r"\1’s", line)
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return _drop_repeated_title(lines)


def _story_resumes(raw_lines: list[str], start: int) -> int | None:
    """Where prose starts again after a box of links that opens at `start` ("Related" and up to
    three headlines inside the story), or None when the page's chrome has begun."""
    links = 0
    for number in range(start, min(len(raw_lines), start + 8)):
        line = _SPACES.sub(" ", raw_lines[number]).strip()
        if not line:
            continue
        if len(line.split()) >= _PROSE_WORDS and line.endswith(_SENTENCE_ENDS):
            return number if links else None
        links += 1
        if links > 3:
            return None
    return None


def _drop_repeated_title(lines: list[str]) -> list[str]:
    """A title repeated at the top (whole or cut short) is kept once."""
    content = [i for i, line in enumerate(lines) if line]
    if len(content) < 2:
        return lines
    first = lines[content[0]]
    drop = set()
    for index in content[1:4]:
        candidate = lines[index].rstrip(" .…")
        if len(candidate) >= 20 and first.startswith(candidate):
            drop.add(index)
    if not drop:
        return lines
    kept = [line for i, line in enumerate(lines) if i not in drop]
    # Collapse the paragraph breaks the dropped lines leave behind.
    out: list[str] = []
    for line in kept:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return out


def join_lines(lines: list[str]) -> str:
    """Lines to text: each line its own paragraph, separated by a blank line."""
    return "\n\n".join(line for line in lines if line)
