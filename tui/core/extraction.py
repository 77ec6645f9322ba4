"""Per-article extraction: actors, dates, meetings, claims (stub while the stages are written)."""

from __future__ import annotations

from dataclasses import dataclass

from .config import LoadedConfig
from .config_models import Config
from .models import Article, ArticleExtraction


@dataclass
class Extractor:
    config: Config
    digest: str

    @classmethod
    def for_config(cls, loaded: LoadedConfig) -> Extractor:
        return cls(loaded.config, loaded.digest)

    def extract(self, article: Article, corpus_year: int | None) -> ArticleExtraction:
        return ArticleExtraction(article.id, [], [], [], [])
