"""How articles, extractions and linked corpora are written into the cache and read back.

An article is stored as its clean text (a column of its own, which the full-text index reads)
plus the rest of `Article.to_dict()`. An extraction is stored whole, and again as the light part
corpus linking reads (actor names and mention counts, meetings, claims), so that re-linking a
large corpus does not decode every mention and date.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .cache import pack
from .models import (
    ActorRef,
    Article,
    ArticleExtraction,
    Conflict,
    ConflictSide,
    Corpus,
    CorpusActor,
    Meeting,
    Mention,
    Source,
)

# Linking only counts an actor's mentions: one shared placeholder stands for each of them.
_MENTION = Mention(0, 0, "")


def article_payload(article: Article) -> tuple[str, bytes]:
    """(clean text, the rest of the article) as stored."""
    data = article.to_dict()
    text = data.pop("text")
    data.pop("path")
    return text, pack(data)


def decode_article(text: str, data: dict[str, Any], path: str) -> Article:
    """The article back from its stored parts; `path` as this run lists the file."""
    return Article.from_dict({**data, "text": text, "path": path})


def extraction_payloads(extraction: ArticleExtraction) -> tuple[bytes, bytes]:
    """(the whole extraction, the part linking reads) as stored."""
    data = extraction.to_dict()
    link = {
        "actors": [
            [a["name"], a["kind"], a["roles"], len(a["mentions"]), a["country"], a["known"]]
            for a in data["actors"]
        ],
        "meetings": data["meetings"],
        "claims": data["claims"],
    }
    return pack(data), pack(link)


def decode_extraction(data: dict[str, Any]) -> ArticleExtraction:
    return ArticleExtraction.from_dict(data)


def decode_link(article_id: str, data: dict[str, Any]) -> ArticleExtraction:
    """An extraction with what linking reads: no dates, actors' mentions as placeholders."""
    extraction = ArticleExtraction.from_dict(
        {"article_id": article_id, "actors": [], "dates": [], "meetings": data["meetings"],
         "claims": data["claims"]}
    )
    extraction.actors = [
        ActorRef(name, kind, roles, [_MENTION] * mentions, country, known)
        for name, kind, roles, mentions, country, known in data["actors"]
    ]
    return extraction


def encode_linked(corpus: Corpus) -> dict[str, Any]:
    return {
        "actors": [asdict(a) for a in corpus.actors],
        "meetings": [asdict(m) for m in corpus.meetings],
        "conflicts": [asdict(c) for c in corpus.conflicts],
    }


def decode_linked(
    data: dict[str, Any], ids: dict[str, str] | None = None
) -> tuple[list[CorpusActor], list[Meeting], list[Conflict]]:
    """Actors, meetings and conflicts; article ids shared with `ids` (id -> the one in memory)."""
    ids = ids if ids is not None else {}

    def same(article_id: str) -> str:
        return ids.setdefault(article_id, article_id)

    def source(s: dict[str, Any]) -> Source:
        return Source(same(s["article"]), s["sentence"], s["start"], s["end"])

    def side(s: dict[str, Any]) -> ConflictSide:
        return ConflictSide(same(s["article"]), s["sentence"], s["value"], s["start"], s["end"])

    actors = [
        CorpusActor(**{**a, "articles": [same(i) for i in a["articles"]]}) for a in data["actors"]
    ]
    meetings = [
        Meeting(**{**m, "sources": [source(s) for s in m["sources"]]}) for m in data["meetings"]
    ]
    conflicts = [
        Conflict(c["id"], c["subject"], c["attribute"], side(c["a"]), side(c["b"]))
        for c in data["conflicts"]
    ]
    return actors, meetings, conflicts
