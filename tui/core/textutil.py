"""Small text helpers shared by the extraction stages."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NAMES = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

APOSTROPHES = "'’"
# Put before a pattern whose matches start at a word: the engine then tries the alternatives only
# at word starts, not at every character (about 5x faster on long alternations).
WORD_START = r"(?<!\w)(?=\w)"


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def fold(text: str) -> str:
    """Lower-case and strip accents: 'Løkke' -> 'lokke', 'Erdoğan' -> 'erdogan'."""
    text = text.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    text = text.replace("ß", "ss").replace("æ", "ae").replace("đ", "d").replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in (
        list(range(0x41, 0x5B))
        + list(range(0xC0, 0x250))
        + list(range(0x370, 0x530))
        + list(range(0x1E00, 0x1F00))
    ):
        char = chr(code)
        folded = fold(char)
        if len(folded) == 1 and folded != char:
            table[code] = folded
        elif len(char.lower()) == 1 and char.lower() != char:
            table[code] = char.lower()
    return table


_FOLD_TABLE = _build_fold_table()
_FOLDABLE = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD_TABLE) if c > 127) + "]"
)


def fold_same_length(text: str) -> str:
    """Like `fold`, one character for one character, so offsets into the result are offsets
    into `text` ('Løkke' -> 'lokke'; a character without a one-letter form is lower-cased)."""
    lowered = text.lower()  # fast in C; only accented letters need the (slower) table
    if len(lowered) != len(text):
        return text.translate(_FOLD_TABLE)
    if lowered.isascii() or not _FOLDABLE.search(lowered):
        return lowered
    return lowered.translate(_FOLD_TABLE)


@lru_cache(maxsize=16)
def lower_same_length(text: str) -> str | None:
    """`text` lower-cased, or None when that changes its length (a dotted capital I), which
    would shift offsets. Cached: several stages match the same article's text."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


class LowerCasePattern:
    """A pattern written in lower case, without case-sensitive parts, run over the lower-cased
    text instead of case-insensitively.

    Python's regex engine skips an alternative whose first letter differs in one step, but not
    under IGNORECASE, where each letter is compared by its case folding: on a long alternation
    such as the titles' trie the lower-case run takes half the time. Matches are read from the
    lower-cased text (their offsets are the text's). A text whose lower-case form has another
    length is matched case-insensitively instead."""

    def __init__(self, source: str) -> None:
        self.plain = re.compile(source)
        self.any_case = re.compile(source, re.IGNORECASE)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        lowered = lower_same_length(text)
        if lowered is None:
            return self.any_case.finditer(text, pos, endpos)
        return self.plain.finditer(lowered, pos, endpos)


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def words_in(pattern_words: list[str]) -> re.Pattern[str]:
    """A case-insensitive pattern matching any of the words/phrases (longest wins)."""
    body = trie_pattern(pattern_words)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def trie_pattern(phrases: list[str], space: str = r"\s+") -> str:
    """An alternation of `phrases` factored by common prefixes.

    Python's regex engine tries alternatives one by one; sharing prefixes ("secretary of state",
    "secretary general") makes a list of hundreds of titles cost little more than one.
    A space in a phrase matches `space`; a hyphen matches a hyphen or a space.
    """
    trie: dict = {}
    for phrase in {p.strip().lower() for p in phrases if p.strip()}:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = True
    if not trie:
        return r"(?!x)x"

    def char_pattern(char: str) -> str:
        if char == " ":
            return space
        if char == "-":
            return r"[\s-]"
        return re.escape(char)

    def build(node: dict) -> str:
        end = "" in node
        branches = [char_pattern(c) + build(child) for c, child in sorted(node.items()) if c != ""]
        if not branches:
            return ""
        # Longer alternatives first so the longest phrase wins; an end here makes the rest optional.
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)
