"""Look-ups the dashboard needs on a linked corpus, indexed once after loading.

The corpus comes from a `CorpusSource`: the cache-backed `store.Store` in the dashboard (article
summaries in memory, texts and extractions read by id), or `InMemorySource` around a `Corpus`
(tests, exports). An article shows its actors, meetings and conflicts; an actor lists the
articles that mention it. Building the indexes once keeps each selection cheap on a large corpus.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from .calendar_index import CalendarIndex, index_meetings
from .models import Article, ArticleExtraction, Conflict, Corpus, CorpusActor, Meeting

KINDS = ("person", "organization", "country", "place")


class ArticleRow(Protocol):
    """What the list shows of an article (`Article` and `store.ArticleSummary` have it)."""

    id: str
    title: str | None
    published: str | None
    published_basis: str
    outlet: str | None
    path: str

    @property
    def authors(self) -> Sequence[str]: ...

    @property
    def warnings(self) -> Sequence[str]: ...


class CorpusSource(Protocol):
    """A loaded corpus: summaries and the linked result in memory, the rest by id."""

    articles: Sequence[ArticleRow]
    actors: list[CorpusActor]
    meetings: list[Meeting]
    conflicts: list[Conflict]
    warnings: list[str]
    linked: bool

    def article(self, article_id: str | None) -> Article | None: ...

    def extraction(self, article_id: str | None) -> ArticleExtraction | None: ...

    def matching_ids(self, query: str, live: bool = False) -> set[str]: ...

    def close(self) -> None: ...


class InMemorySource:
    """A `Corpus` already in memory, seen as a `CorpusSource`."""

    linked = True

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.articles = corpus.articles
        self.actors, self.meetings = corpus.actors, corpus.meetings
        self.conflicts, self.warnings = corpus.conflicts, corpus.warnings
        self._by_id = {a.id: a for a in corpus.articles}

    def article(self, article_id: str | None) -> Article | None:
        return self._by_id.get(article_id) if article_id else None

    def extraction(self, article_id: str | None) -> ArticleExtraction | None:
        return self.corpus.extractions.get(article_id) if article_id else None

    def matching_ids(self, query: str, live: bool = False) -> set[str]:
        from .search import find_articles

        return set(find_articles(self.articles, query, live))

    def close(self) -> None:
        pass


@dataclass(frozen=True, slots=True)
class ActorRow:
    """One line of the actors pane."""

    name: str
    kind: str
    roles: tuple[str, ...]
    mentions: int
    articles: tuple[str, ...]
    country: str | None = None


@dataclass
class CorpusView:
    """A corpus source with the indexes the panes read."""

    source: CorpusSource
    # By id; from a store, a mapping that reads a large list snapshot only where looked up.
    articles: Mapping[str, ArticleRow] = field(default_factory=dict)
    actor_articles: dict[str, list[str]] = field(default_factory=dict)
    corpus_actors: list[ActorRow] = field(default_factory=list)
    conflicts_by_article: dict[str, list[Conflict]] = field(default_factory=dict)
    meetings_by_article: dict[str, list[Meeting]] = field(default_factory=dict)
    calendar: CalendarIndex = field(default_factory=CalendarIndex)

    @classmethod
    def build(cls, source: CorpusSource | Corpus) -> CorpusView:
        if isinstance(source, Corpus):
            source = InMemorySource(source)
        view = cls(source)
        summaries = getattr(source, "summaries", None)
        view.articles = summaries if summaries is not None else {a.id: a for a in source.articles}
        rows: dict[str, ActorRow] = {}
        for actor in source.actors:
            # The same name can be two kinds (a person and a place); the first one listed wins.
            if actor.name in rows:
                view.actor_articles[actor.name].extend(
                    a for a in actor.articles if a not in view.actor_articles[actor.name]
                )
                continue
            view.actor_articles[actor.name] = list(actor.articles)
            rows[actor.name] = ActorRow(
                actor.name,
                actor.kind,
                tuple(actor.roles),
                actor.mentions,
                tuple(actor.articles),
                actor.country,
            )
        view.corpus_actors = sort_actors(rows.values())
        for conflict in source.conflicts:
            for article_id in dict.fromkeys((conflict.a.article, conflict.b.article)):
                view.conflicts_by_article.setdefault(article_id, []).append(conflict)
        for meeting in source.meetings:
            for article_id in dict.fromkeys(s.article for s in meeting.sources):
                view.meetings_by_article.setdefault(article_id, []).append(meeting)
        view.calendar = index_meetings(source.meetings)
        return view

    @property
    def linked(self) -> bool:
        """Actors, meetings and conflicts are there (a large corpus links after listing)."""
        return self.source.linked

    @property
    def warnings(self) -> list[str]:
        return self.source.warnings

    def article_warning_count(self) -> int:
        """Load warnings of all the articles together."""
        count = getattr(self.source, "article_warning_count", None)
        if count is not None:
            return count()
        return sum(len(a.warnings) for a in self.articles.values())

    def article_dates(self) -> list[str | None]:
        """The articles' publication dates, each distinct one once."""
        dates = getattr(self.source, "published_values", None)
        if dates is not None:
            return dates()
        return list(dict.fromkeys(a.published for a in self.articles.values()))

    def summary(self, article_id: str | None) -> ArticleRow | None:
        return self.articles.get(article_id) if article_id else None

    def article(self, article_id: str | None) -> Article | None:
        """The article with its text (read from the store when it is not in memory)."""
        return self.source.article(article_id) if article_id in self.articles else None

    def extraction(self, article_id: str | None) -> ArticleExtraction | None:
        return self.source.extraction(article_id) if article_id in self.articles else None

    def article_actors(self, article_id: str) -> list[ActorRow]:
        """The actors of one article: its roles and mentions, with the corpus article count."""
        extraction = self.extraction(article_id)
        if extraction is None:
            return []
        rows = [
            ActorRow(
                actor.name,
                actor.kind,
                tuple(actor.roles),
                len(actor.mentions),
                tuple(self.actor_articles.get(actor.name, [article_id])),
                actor.country,
            )
            for actor in extraction.actors
        ]
        return sort_actors(rows)

    def articles_mentioning(self, name: str) -> list[str]:
        return list(self.actor_articles.get(name, []))

    def conflicts(self, article_id: str | None = None) -> list[Conflict]:
        """Conflicts involving `article_id`, or every conflict of the corpus (not a copy)."""
        if article_id is None:
            return self.source.conflicts
        return list(self.conflicts_by_article.get(article_id, []))

    def meeting_ids_of(self, article_id: str | None) -> set[str]:
        if not article_id:
            return set()
        return {m.id for m in self.meetings_by_article.get(article_id, [])}


def date_sort_key(article: ArticleRow, order: int, newest_first: bool) -> tuple:
    """Dated articles by date (newest or oldest first); undated ones after, in file order."""
    if not article.published:
        return (1, 0, order)
    ordinal = int(article.published.replace("-", "")[:8] or 0)
    return (0, -ordinal if newest_first else ordinal, order)


def sort_actors(rows) -> list[ActorRow]:
    """Most mentioned first; people before organisations, countries and places on ties."""
    rank = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(rows, key=lambda r: (-r.mentions, rank.get(r.kind, 9), r.name.casefold()))
