"""Full-text search over titles and texts: SQLite FTS5 when there is one, plain Python otherwise.

A query is what a person types after `/`:

- words: every one must match (`rubio brussels`), whole words, case and accents ignored;
- "quoted phrases": the words in this order (`"foreign ministers"`);
- prefixes: `minist*` (or, with `live=True`, the word being typed);
- exclusions: `-word`, `-"a phrase"` or `NOT word`; `OR` between two terms: either.

Anything else is read as words: punctuation separates words as FTS5's tokenizer does, so stray
quotes, brackets, colons, `*`, emoji or SQL are never a syntax error, and the expression handed
to FTS5 is built from quoted tokens only. Matches come back as character offsets into the clean
text (`Query.spans`), which is what the reader highlights.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import cache as cache_module
from .cache import Cache
from .models import Article

MAX_TERMS = 32
TITLE_WEIGHT = cache_module.TITLE_WEIGHT  # a title match counts as ten in the text, as for bm25
SNIPPET_WIDTH = 120

_WORD = re.compile(r"[^\W_]+")
_ITEM = re.compile(r'([-+]?)"([^"]*)("?)(\*?)|(\S+)')
# Combining marks go, as FTS5's "remove_diacritics 2" drops them: "Geoană" matches "geoana".
_MARKS = (
    {c: None for c in range(0x300, 0x370)}
    | {c: None for c in range(0x1AB0, 0x1B00)}
    | {c: None for c in range(0x1DC0, 0x1E00)}
    | {c: None for c in range(0x20D0, 0x2100)}
    | {c: None for c in range(0xFE20, 0xFE30)}
)


def fold(text: str) -> str:
    """Lower case without accents, offsets not kept (for matching, not for highlighting)."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFD", text).translate(_MARKS).lower()


def tokens(text: str) -> list[str]:
    """The words of `text` as the index sees them."""
    return [fold(word) for word in _WORD.findall(text)]


@lru_cache(maxsize=256)
def _compile(words: tuple[str, ...], prefix: bool) -> re.Pattern[str]:
    body = r"[\W_]+".join(re.escape(t) for t in words)
    end = r"[^\W_]*" if prefix else r"(?![^\W_])"
    return re.compile(r"(?<![^\W_])" + body + end)


@dataclass(frozen=True, slots=True)
class Term:
    """One word, or a phrase of several; `prefix` lets the last word be the start of one."""

    tokens: tuple[str, ...]
    prefix: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.tokens) + ("*" if self.prefix else "")

    def fts(self) -> str:
        # Tokens are letters and digits only: inside double quotes nothing is an operator.
        return '"' + " ".join(self.tokens) + '"' + ("*" if self.prefix else "")

    def pattern(self) -> re.Pattern[str]:
        """A regex over `fold`ed text."""
        return _compile(self.tokens, self.prefix)

    def spans(self, words: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
        """(start, end) of each match among the (start, end, folded word) of a text."""
        found, n = [], len(self.tokens)
        last = n - 1
        for i in range(len(words) - last):
            for j, token in enumerate(self.tokens):
                word = words[i + j][2]
                if not (word == token or (self.prefix and j == last and word.startswith(token))):
                    break
            else:
                found.append((words[i][0], words[i + last][1]))
        return found


@dataclass(frozen=True)
class Query:
    """A parsed query: every clause must match (any of its terms), no excluded term may."""

    clauses: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.clauses)

    @property
    def terms(self) -> list[str]:
        """The positive terms as text (for a legend or a status line)."""
        return [term.text for clause in self.clauses for term in clause]

    def fts(self) -> str | None:
        """The FTS5 MATCH expression, or None when nothing is searched."""
        if not self.clauses:
            return None
        positive = " AND ".join(
            "(" + " OR ".join(term.fts() for term in clause) + ")" for clause in self.clauses
        )
        if not self.excluded:
            return positive
        return f"({positive}) NOT (" + " OR ".join(term.fts() for term in self.excluded) + ")"

    def score(self, title: str | None, text: str | None) -> float:
        """How well an article matches (0: it does not); the plain-Python ranking."""
        if not self.clauses:
            return 0.0
        title, text = fold(title or ""), fold(text or "")
        if any(t.pattern().search(title) or t.pattern().search(text) for t in self.excluded):
            return 0.0
        total = 0.0
        for clause in self.clauses:
            clause_score = 0.0
            for term in clause:
                pattern = term.pattern()
                clause_score += TITLE_WEIGHT * len(pattern.findall(title))
                clause_score += len(pattern.findall(text))
            if not clause_score:
                return 0.0
            total += clause_score
        return total

    def matches(self, title: str | None, text: str | None) -> bool:
        return self.score(title, text) > 0

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) in `text` of every match of a positive term, in order, not overlapping."""
        if not self.clauses:
            return []
        words = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
        found = sorted(
            span for clause in self.clauses for term in clause for span in term.spans(words)
        )
        merged: list[tuple[int, int]] = []
        for start, end in found:
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged


def parse_query(text: str, live: bool = False) -> Query:
    """Read what a person typed; never fails. `live`: the last word, still being typed, is a
    prefix (so results show as one types)."""
    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    negate_next = or_next = False
    items = list(_ITEM.finditer(text or ""))
    for index, match in enumerate(items):
        sign, phrase, _closed, star, word = match.groups()
        if word is not None:
            if word == "AND":
                continue
            if word == "OR":
                or_next = bool(clauses)
                continue
            if word == "NOT":
                negate_next = True
                continue
            negated = word.startswith("-") and len(word) > 1
            word = word[1:] if word[:1] in "-+" and len(word) > 1 else word
            prefix = word.endswith("*")
            being_typed = live and index == len(items) - 1 and not text[-1:].isspace()
            prefix = prefix or (being_typed and not negated)
            found = tokens(word)
        else:
            negated = sign == "-"
            prefix = star == "*"
            found = tokens(phrase)
        if not found:
            negate_next = or_next = False
            continue
        term = Term(tuple(found), prefix)
        if negated or negate_next:
            excluded.append(term)
        elif or_next:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        negate_next = or_next = False
        if len(clauses) + len(excluded) >= MAX_TERMS:
            break
    return Query(tuple(tuple(c) for c in clauses), tuple(excluded))


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An article that matches, best first: a line around the first match, matches marked."""

    article_id: str
    score: float  # higher is better (bm25 with FTS5, match counts without)
    snippet: str
    spans: tuple[tuple[int, int], ...]  # matches within `snippet`
    terms: tuple[str, ...]


def snippet(
    text: str, query: Query, width: int = SNIPPET_WIDTH
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About `width` characters of `text` around the first match, on one line."""
    spans = query.spans(text)
    anchor = spans[0][0] if spans else 0
    start = max(0, anchor - width // 3)
    if start:
        space = text.find(" ", start, anchor)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", max(start, spans[0][1] if spans else start), end)
        end = space if space > start else end
    lead = "…" if start else ""
    line = lead + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")
    shift = len(lead) - start
    inside = tuple((s + shift, min(e, end) + shift) for s, e in spans if s >= start and s < end)
    return line, inside


class SearchIndex:
    """Ranked search over the articles of one corpus in the cache.

    `rowids` maps the cache rows of the corpus to article ids (rows of other corpora in the same
    cache are not answered). With FTS5 the index answers; without it, texts are scanned.
    """

    def __init__(self, cache: Cache, rowids: dict[int, str], lock: threading.Lock | None = None):
        self.cache = cache
        self.rowids = rowids
        self.lock = lock or threading.Lock()
        self._order = {rowid: i for i, rowid in enumerate(rowids)}

    def search(self, query: str | Query, limit: int = 50, live: bool = False) -> list[SearchHit]:
        """The `limit` best matches of `query`, best first, each with a snippet."""
        parsed = query if isinstance(query, Query) else parse_query(query, live)
        if not parsed or limit <= 0:
            return []
        with self.lock:
            if self.cache.fts:
                ranked = self._fts_ranked(parsed, limit)
            else:
                ranked = self._scan(parsed)[:limit]
            texts = {
                rowid: text for rowid, _title, text in self.cache.texts([r for r, _ in ranked])
            }
        hits = []
        for rowid, score in ranked:
            line, spans = snippet(texts.get(rowid) or "", parsed)
            hits.append(SearchHit(self.rowids[rowid], score, line, spans, tuple(parsed.terms)))
        return hits

    def matching_ids(self, query: str | Query, live: bool = False) -> set[str]:
        """Every article of the corpus that matches, unranked (for filtering a list)."""
        parsed = query if isinstance(query, Query) else parse_query(query, live)
        if not parsed:
            return set()
        with self.lock:
            if self.cache.fts:
                rowids = self.rowids
                found = self.cache.fts_rowids(parsed.fts() or "")
                return {rowids[r] for r in found if r in rowids}
            return {self.rowids[r] for r, _ in self._scan(parsed)}

    def _fts_ranked(self, query: Query, limit: int) -> list[tuple[int, float]]:
        expression = query.fts() or ""
        fetch = limit
        while True:
            rows = self.cache.fts_rows(expression, ranked=True, limit=fetch)
            ranked = [(rowid, -rank) for rowid, rank in rows if rowid in self.rowids]
            if len(ranked) >= limit or len(rows) < fetch:
                return ranked[:limit]
            fetch *= 4

    def _scan(self, query: Query) -> list[tuple[int, float]]:
        scored = []
        for rowid, title, text in self.cache.texts(list(self.rowids)):
            score = query.score(title, text)
            if score:
                scored.append((rowid, score))
        scored.sort(key=lambda item: (-item[1], self._order[item[0]]))
        return scored


# --- in memory: without the cache (tests, small corpora) -------------------------------------------------


def find_articles(articles: Iterable[Article], query: str, live: bool = False) -> list[str]:
    """Ids of the articles that match `query`, best first (title matches count ten times); ties
    keep the corpus order."""
    parsed = parse_query(query, live)
    if not parsed:
        return []
    scored = []
    for order, article in enumerate(articles):
        score = parsed.score(article.title, article.text)
        if score:
            scored.append((-score, order, article.id))
    scored.sort()
    return [article_id for _, _, article_id in scored]


def match_spans(text: str, query: str, live: bool = False) -> list[tuple[int, int]]:
    """(start, end) of every match of the query's terms in `text`, in order."""
    return parse_query(query, live).spans(text)


def query_terms(query: str) -> list[str]:
    """The positive terms of a query as text."""
    return parse_query(query).terms
