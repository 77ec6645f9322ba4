"""Search article titles and texts: the one function the dashboard's `/` calls.

This is a simple in-memory scan; the SQLite full-text index can replace the body of
`find_articles` without the dashboard changing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .models import Article

_TERM = re.compile(r'"([^"]+)"|(\S+)')


def query_terms(query: str) -> list[str]:
    """The terms of a query: words, or "quoted phrases" kept whole."""
    terms = []
    for phrase, word in _TERM.findall(query):
        term = (phrase or word).strip().strip('"')
        if term:
            terms.append(term)
    return terms


def _patterns(query: str) -> list[re.Pattern[str]]:
    return [
        re.compile(r"\s+".join(re.escape(part) for part in term.split()), re.IGNORECASE)
        for term in query_terms(query)
    ]


def find_articles(articles: Iterable[Article], query: str) -> list[str]:
    """Ids of the articles whose title or text holds every term, best match first.

    Matching ignores case. A title match counts more than a match in the body; ties keep the
    corpus order.
    """
    patterns = _patterns(query)
    if not patterns:
        return []
    scored: list[tuple[int, int, str]] = []
    for order, article in enumerate(articles):
        title = article.title or ""
        score = 0
        for pattern in patterns:
            in_title = len(pattern.findall(title))
            in_text = len(pattern.findall(article.text))
            if not in_title and not in_text:
                break
            score += 10 * in_title + in_text
        else:
            scored.append((-score, order, article.id))
    scored.sort()
    return [article_id for _, _, article_id in scored]


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) of every match of the query's terms in `text`, in order."""
    spans = [m.span() for pattern in _patterns(query) for m in pattern.finditer(text)]
    return sorted(spans)
