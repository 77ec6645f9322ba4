"""Per-article extraction: the stages wired together, compiled once per config."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .actors import ActorRules, find_actors
from .claims import ClaimMatcher, quantity_claims, role_claims
from .config import LoadedConfig
from .dates import DateResolver, find_dates
from .gazetteer import GazetteerIndex
from .meetings import MeetingMatcher, find_meetings
from .models import Article, ArticleExtraction, DateExpr

if TYPE_CHECKING:  # the models pull in pydantic; only validation needs it at run time
    from .config_models import Config


def complete_partial_date(article: Article, corpus_year: int | None) -> None:
    """'June 24 (Reuters)' with no year: the corpus's year, marked as coming from the corpus."""
    if article.published or not article.published_partial or corpus_year is None:
        return
    candidate = f"{corpus_year}-{article.published_partial}"
    try:
        date.fromisoformat(candidate)
    except ValueError:
        return
    article.published, article.published_basis = candidate, "corpus"


def _date_of_content(dates: list[DateExpr]) -> str | None:
    """An undated article is about the time its own dates point to (the median day)."""
    days = sorted(
        d.value for d in dates if d.value and d.precision == "day" and d.basis != "unresolved"
    )
    return days[len(days) // 2] if days else None


@dataclass
class Extractor:
    """Compiled rules of one config; `extract` is pure and safe to run in any process."""

    config: Config
    digest: str
    index: GazetteerIndex
    actor_rules: ActorRules
    date_resolver: DateResolver
    meeting_matcher: MeetingMatcher
    claim_matcher: ClaimMatcher

    @classmethod
    def for_config(cls, loaded: LoadedConfig) -> Extractor:
        config = loaded.config
        return cls(
            config=config,
            digest=loaded.digest,
            index=GazetteerIndex(config.gazetteer),
            actor_rules=ActorRules.from_config(config.actors),
            date_resolver=DateResolver.from_config(config.dates),
            meeting_matcher=MeetingMatcher.from_config(config.meetings),
            claim_matcher=ClaimMatcher.from_config(config.conflicts),
        )

    def extract(self, article: Article, corpus_year: int | None) -> ArticleExtraction:
        complete_partial_date(article, corpus_year)
        text, sentences = article.text, article.sentences
        published = article.published_date
        actors = find_actors(
            text, sentences, self.index, self.actor_rules, article.authors, published
        )
        dates = find_dates(text, sentences, published, corpus_year, self.date_resolver)
        meetings = find_meetings(
            text, sentences, actors, dates, self.index, self.meeting_matcher, article.id
        )
        when = article.published or _date_of_content(dates)
        claims = role_claims(text, sentences, actors, article.id, when)
        claims += quantity_claims(text, sentences, self.claim_matcher, article.id, when)
        return ArticleExtraction(article.id, actors, dates, meetings, claims)
