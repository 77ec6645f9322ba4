"""Small text helpers shared by the extraction stages."""

from __future__ import annotations

import re
import unicodedata

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NAMES = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

APOSTROPHES = "'’"


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def fold(text: str) -> str:
    """Lower-case and strip accents: 'Løkke' -> 'lokke', 'Erdoğan' -> 'erdogan'."""
    text = text.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    text = text.replace("ß", "ss").replace("æ", "ae").replace("đ", "d").replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def words_in(pattern_words: list[str]) -> re.Pattern[str]:
    """A case-insensitive pattern matching any of the words/phrases, longest first."""
    ordered = sorted({w.strip() for w in pattern_words if w.strip()}, key=len, reverse=True)
    if not ordered:
        return re.compile(r"(?!x)x")
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
