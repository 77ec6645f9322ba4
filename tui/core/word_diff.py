"""Word-level difference of two statements, as character spans to mark in each."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

# Words (with inner apostrophes, dots and hyphens: "U.S.", "Rubio's") or single punctuation.
_TOKEN = re.compile(r"\w+(?:[.'’-]\w+)*\.?|[^\w\s]")

Spans = list[tuple[int, int]]


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def _merge(text: str, spans: Spans) -> Spans:
    """Join spans separated only by white space, so a changed phrase is marked as one."""
    merged: Spans = []
    for start, end in spans:
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def word_diff(a: str, b: str) -> tuple[Spans, Spans]:
    """Spans of `a` and of `b` that the other statement does not share, word by word.

    Comparison ignores case ("Marco rubio" and "Marco Rubio" are the same words).
    """
    tokens_a, tokens_b = _tokens(a), _tokens(b)
    words_a = [t.group().casefold() for t in tokens_a]
    words_b = [t.group().casefold() for t in tokens_b]
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    spans_a: Spans = []
    spans_b: Spans = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        spans_a.extend(t.span() for t in tokens_a[i1:i2])
        spans_b.extend(t.span() for t in tokens_b[j1:j2])
    return _merge(a, spans_a), _merge(b, spans_b)
