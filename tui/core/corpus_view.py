"""Look-ups the dashboard needs on a linked `Corpus`, indexed once after loading.

An article shows its actors, meetings and conflicts; an actor lists the articles that mention
it. Building the indexes once keeps each selection cheap on a large corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .calendar_index import CalendarIndex, index_meetings
from .models import Article, Conflict, Corpus, Meeting

KINDS = ("person", "organization", "country", "place")


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
    """A corpus with the indexes the panes read."""

    corpus: Corpus
    articles: dict[str, Article] = field(default_factory=dict)
    actor_articles: dict[str, list[str]] = field(default_factory=dict)
    corpus_actors: list[ActorRow] = field(default_factory=list)
    conflicts_by_article: dict[str, list[Conflict]] = field(default_factory=dict)
    meetings_by_article: dict[str, list[Meeting]] = field(default_factory=dict)
    calendar: CalendarIndex = field(default_factory=CalendarIndex)

    @classmethod
    def build(cls, corpus: Corpus) -> CorpusView:
        view = cls(corpus)
        view.articles = {a.id: a for a in corpus.articles}
        order = {a.id: i for i, a in enumerate(corpus.articles)}
        mentions: dict[str, int] = {}
        kinds: dict[str, str] = {}
        roles: dict[str, list[str]] = {}
        countries: dict[str, str | None] = {}
        for article in corpus.articles:
            extraction = corpus.extractions.get(article.id)
            for actor in extraction.actors if extraction else []:
                ids = view.actor_articles.setdefault(actor.name, [])
                if not ids or ids[-1] != article.id:
                    ids.append(article.id)
                mentions[actor.name] = mentions.get(actor.name, 0) + len(actor.mentions)
                kinds.setdefault(actor.name, actor.kind)
                countries.setdefault(actor.name, actor.country)
                known = roles.setdefault(actor.name, [])
                known.extend(r for r in actor.roles if r not in known)
        # The linked corpus actors are the reference; per-article extractions fill the gaps.
        rows: dict[str, ActorRow] = {}
        for actor in corpus.actors:
            articles = sorted(
                set(actor.articles) | set(view.actor_articles.get(actor.name, [])),
                key=lambda a: order.get(a, len(order)),
            )
            view.actor_articles[actor.name] = articles
            rows[actor.name] = ActorRow(
                actor.name,
                actor.kind,
                tuple(actor.roles),
                actor.mentions,
                tuple(articles),
                actor.country,
            )
        for name, articles in view.actor_articles.items():
            if name not in rows:
                rows[name] = ActorRow(
                    name,
                    kinds[name],
                    tuple(roles[name]),
                    mentions[name],
                    tuple(articles),
                    countries.get(name),
                )
        view.corpus_actors = sort_actors(rows.values())
        for conflict in corpus.conflicts:
            for article_id in dict.fromkeys((conflict.a.article, conflict.b.article)):
                view.conflicts_by_article.setdefault(article_id, []).append(conflict)
        for meeting in corpus.meetings:
            for article_id in dict.fromkeys(s.article for s in meeting.sources):
                view.meetings_by_article.setdefault(article_id, []).append(meeting)
        view.calendar = index_meetings(corpus.meetings)
        return view

    def article(self, article_id: str | None) -> Article | None:
        return self.articles.get(article_id) if article_id else None

    def article_actors(self, article_id: str) -> list[ActorRow]:
        """The actors of one article: its roles and mentions, with the corpus article count."""
        extraction = self.corpus.extractions.get(article_id)
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
            return self.corpus.conflicts
        return list(self.conflicts_by_article.get(article_id, []))

    def meeting_ids_of(self, article_id: str | None) -> set[str]:
        if not article_id:
            return set()
        return {m.id for m in self.meetings_by_article.get(article_id, [])}


def sort_actors(rows) -> list[ActorRow]:
    """Most mentioned first; people before organisations, countries and places on ties."""
    rank = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(rows, key=lambda r: (-r.mentions, rank.get(r.kind, 9), r.name.casefold()))
