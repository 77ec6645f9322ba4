"""Link per-article extractions into a corpus (stub)."""

from __future__ import annotations

from .models import Article, ArticleExtraction, Corpus


def link_corpus(articles: list[Article], extractions: dict[str, ArticleExtraction], extractor, warnings: list[str]) -> Corpus:
    return Corpus(articles, extractions, [], [], [], list(warnings))
