"""Plain data types shared by the core, the cache, the CLI and the TUI.

Everything here is a dataclass of builtins so it round-trips through JSON (`to_dict` /
`from_dict`), which is how the cache stores it and how `natotui extract` prints it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

# How sure a value is: from front matter, from a dateline, from the text, from the rest of the
# corpus, or not known at all.
BASES = ("metadata", "dateline", "text", "corpus", "unknown")


@dataclass(slots=True)
class Article:
    """A cleaned article and what is known about it."""

    id: str
    path: str
    text: str
    title: str | None = None
    title_basis: str = "unknown"
    published: str | None = None  # ISO date
    published_basis: str = "unknown"
    authors: list[str] = field(default_factory=list)
    authors_basis: str = "unknown"
    outlet: str | None = None
    outlet_basis: str = "unknown"
    url: str | None = None
    # "June 24" from a dateline without a year: completed with the corpus's year (basis "corpus").
    published_partial: str | None = None
    # Where the day of `published_partial` was read: a dateline, or the text ("tomorrow, June 25").
    published_partial_basis: str = "dateline"
    sentences: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def published_date(self) -> date | None:
        return date.fromisoformat(self.published) if self.published else None

    def sentence_at(self, offset: int) -> tuple[int, int] | None:
        """The (start, end) of the sentence holding character `offset`."""
        for start, end in self.sentences:
            if start <= offset < end:
                return start, end
        return None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sentences"] = [list(s) for s in self.sentences]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        data = dict(data)
        data["sentences"] = [tuple(s) for s in data.get("sentences", [])]
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class ActorRef:
    """An actor as one article mentions it."""

    name: str
    kind: str  # person | organization | country | place
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    known: bool = False  # in the gazetteer
    # Where each role is stated: [role, offset of the mention, historical ("then-", "former")].
    role_evidence: list[list] = field(default_factory=list)


@dataclass(slots=True)
class DateExpr:
    """A date expression in an article with its normalised value."""

    text: str
    start: int
    end: int
    value: str | None  # ISO date, first day
    end_value: str | None  # ISO date, last day (same as value for a single day)
    basis: str  # explicit | relative | year_inferred | unresolved
    precision: str = "day"  # day | week | month | year


@dataclass(slots=True)
class Source:
    """A sentence of an article that backs a meeting or a claim."""

    article: str
    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class MeetingMention:
    """One article's report of a meeting."""

    type_id: str
    name: str
    kind: str
    place: str | None
    start: str | None
    end: str | None
    date_basis: str
    attendees: list[str]
    absentees: list[str]
    sources: list[Source]
    weekday_hint: int | None = None  # "on Thursday" with no date: 0=Monday
    precision: str = "day"
    ordinal: int | None = None  # "the third round", "the 27th meeting": its number in a series
    # "nearly 50 countries": how many took part, as each sentence that counts them writes it.
    participants: list[str] = field(default_factory=list)
    days: int | None = None  # "a one-day summit": the length the report says it has
    # "lasted almost an hour": how long it lasted, as each sentence that says so writes it.
    lengths: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Claim:
    """A typed statement: subject has attribute = value, at a time."""

    subject: str
    attribute: str
    value: str  # normalised, compared
    text_value: str  # as written
    source: Source
    when: str | None  # ISO date the statement is about (usually the article's date)
    period: str = "current"  # current | past | proposed


@dataclass(slots=True)
class ArticleExtraction:
    """Everything extracted from one article."""

    article_id: str
    actors: list[ActorRef]
    dates: list[DateExpr]
    meetings: list[MeetingMention]
    claims: list[Claim]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleExtraction:
        def source(d: dict[str, Any]) -> Source:
            return Source(**d)

        return cls(
            article_id=data["article_id"],
            actors=[
                ActorRef(**{**a, "mentions": [Mention(**m) for m in a["mentions"]]})
                for a in data["actors"]
            ],
            dates=[DateExpr(**d) for d in data["dates"]],
            meetings=[
                MeetingMention(**{**m, "sources": [source(s) for s in m["sources"]]})
                for m in data["meetings"]
            ],
            claims=[Claim(**{**c, "source": source(c["source"])}) for c in data["claims"]],
        )


@dataclass(slots=True)
class Meeting:
    """A meeting of the corpus: one or more articles' reports merged."""

    id: str
    name: str
    kind: str
    place: str | None
    start: str | None
    end: str | None
    date_basis: str
    attendees: list[str]
    absentees: list[str]
    sources: list[Source]
    precision: str = "day"
    # What each article said of it: [article, start, end, place]; they may disagree.
    reports: list[list] = field(default_factory=list)


@dataclass(slots=True)
class ConflictSide:
    article: str
    sentence: str
    value: str
    start: int
    end: int


@dataclass(slots=True)
class Conflict:
    id: str
    subject: str
    attribute: str
    a: ConflictSide
    b: ConflictSide


@dataclass(slots=True)
class CorpusActor:
    """An actor across the corpus."""

    name: str
    kind: str
    roles: list[str]
    mentions: int
    articles: list[str]
    country: str | None = None


@dataclass(slots=True)
class Corpus:
    """The linked result of a whole corpus."""

    articles: list[Article]
    extractions: dict[str, ArticleExtraction]
    actors: list[CorpusActor]
    meetings: list[Meeting]
    conflicts: list[Conflict]
    warnings: list[str] = field(default_factory=list)  # files that could not be loaded

    def article(self, article_id: str) -> Article | None:
        for article in self.articles:
            if article.id == article_id:
                return article
        return None
