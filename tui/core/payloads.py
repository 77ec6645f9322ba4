"""How articles, extractions and linked corpora are written into the cache and read back.

Dataclasses are stored as JSON lists of their field values in declaration order (no keys), the
nested dataclasses found from the type hints: several times faster than `asdict` and half the
size. The cache key holds a hash of the core's source (`pipeline.code_version`), so a field added
to a model never meets a payload written before it.

An article is stored as its clean text (a column of its own, which the full-text index reads)
plus the other fields. An extraction is stored whole, and again as the light part corpus linking
reads (actor names and mention counts, meetings, claims), so that re-linking a large corpus
does not decode every mention and date.
"""

from __future__ import annotations

import gc
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from functools import cache
from operator import attrgetter
from typing import Any

from .cache import Record, pack, unpack
from .models import (
    ActorRef,
    Article,
    ArticleExtraction,
    Claim,
    Conflict,
    ConflictSide,
    Corpus,
    CorpusActor,
    Meeting,
    MeetingMention,
    Mention,
    Source,
)

# Linking only counts an actor's mentions: one shared placeholder stands for each of them.
_MENTION = Mention(0, 0, "")


@contextmanager
def bulk() -> Iterator[None]:
    """No cyclic garbage collection while millions of small objects are made (decoding or
    linking a large corpus): the collector would walk them again and again, for nothing, as
    they hold no cycles. Three times faster on a 3k corpus."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _nested(hint: Any) -> tuple[str, Any] | None:
    """How a field differs from plain JSON: ('one', T) a dataclass, ('list', T) a list of them,
    ('tuples', None) a list of tuples (JSON gives lists back); None: it does not."""
    if is_dataclass(hint):
        return "one", hint
    if typing.get_origin(hint) is list:
        (item,) = typing.get_args(hint) or (None,)
        if is_dataclass(item):
            return "list", item
        if typing.get_origin(item) is tuple:
            return "tuples", None
    return None


def _convert(how: str, inner: Callable | None, item: Any) -> Any:
    if how == "one":
        return inner(item)
    if how == "list":
        return [inner(x) for x in item]
    return [tuple(x) for x in item] if inner is None else item


@cache
def encoder(cls: type) -> Callable[[Any], list]:
    """A function from an instance of dataclass `cls` to a JSON-able list."""
    hints = typing.get_type_hints(cls)
    names = [f.name for f in fields(cls)]
    get = attrgetter(*names)
    nested = [(i, _nested(hints[name])) for i, name in enumerate(names)]
    nested = [
        (i, how, encoder(t))
        for i, spec in nested
        if spec and spec[0] != "tuples"
        for how, t in [spec]
    ]
    if not nested:
        return lambda value: list(get(value))

    def encode(value: Any) -> list:
        row = list(get(value))
        for i, how, inner in nested:
            item = row[i]
            if item is not None:
                row[i] = _convert(how, inner, item)
        return row

    return encode


@cache
def decoder(cls: type) -> Callable[[list], Any]:
    """The inverse of `encoder(cls)`."""
    hints = typing.get_type_hints(cls)
    names = [f.name for f in fields(cls)]
    nested = [(i, _nested(hints[name])) for i, name in enumerate(names)]
    nested = [
        (i, how, decoder(t) if t is not None else None)
        for i, spec in nested
        if spec
        for how, t in [spec]
    ]
    if not nested:
        return lambda row: cls(*row)

    def decode(row: list) -> Any:
        row = list(row)
        for i, how, inner in nested:
            item = row[i]
            if item is not None:
                row[i] = _convert(how, inner, item)
        return cls(*row)

    return decode


_ARTICLE_FIELDS = [f.name for f in fields(Article)]
_TEXT, _PATH = _ARTICLE_FIELDS.index("text"), _ARTICLE_FIELDS.index("path")


def article_payload(article: Article) -> tuple[str, bytes]:
    """(clean text, the other fields) as stored; the path is the one of each run."""
    row = encoder(Article)(article)
    row[_TEXT] = row[_PATH] = None
    return article.text, pack(row)


def decode_article(text: str, row: list, path: str) -> Article:
    row = list(row)
    row[_TEXT], row[_PATH] = text, path
    return decoder(Article)(row)


def decode_record(record: Record, path: str) -> tuple[Article, ArticleExtraction]:
    """The article and extraction of a record fresh from a worker."""
    article = decode_article(record.text or "", unpack(record.article), path)
    return article, decode_extraction(unpack(record.extraction))


def extraction_payloads(extraction: ArticleExtraction) -> tuple[bytes, bytes]:
    """(the whole extraction, the part linking reads) as stored."""
    link = [
        [[a.name, a.kind, a.roles, len(a.mentions), a.country, a.known] for a in extraction.actors],
        [encoder(MeetingMention)(m) for m in extraction.meetings],
        [encoder(Claim)(c) for c in extraction.claims],
    ]
    return pack(encoder(ArticleExtraction)(extraction)), pack(link)


def decode_extraction(row: list) -> ArticleExtraction:
    return decoder(ArticleExtraction)(row)


def decode_link(article_id: str, row: list) -> ArticleExtraction:
    """An extraction with what linking reads: no dates, actors' mentions as placeholders."""
    actors, meetings, claims = row
    return ArticleExtraction(
        article_id,
        [
            ActorRef(name, kind, roles, [_MENTION] * mentions, country, known)
            for name, kind, roles, mentions, country, known in actors
        ],
        [],
        [decoder(MeetingMention)(m) for m in meetings],
        [decoder(Claim)(c) for c in claims],
    )


_MEETING_SOURCES = [f.name for f in fields(Meeting)].index("sources")
_ACTOR_ARTICLES = [f.name for f in fields(CorpusActor)].index("articles")


def encode_linked(corpus: Corpus) -> list:
    """Actors, meetings and conflicts, with article ids, sentences and values in a table of
    strings: one sentence is quoted by many conflicts, and is stored (and later held) once."""
    table: dict[str, int] = {}

    def ref(text: str) -> int:
        return table.setdefault(text, len(table))

    actors = []
    for actor in corpus.actors:
        row = encoder(CorpusActor)(actor)
        row[_ACTOR_ARTICLES] = [ref(i) for i in actor.articles]
        actors.append(row)
    meetings = []
    for meeting in corpus.meetings:
        row = encoder(Meeting)(meeting)
        row[_MEETING_SOURCES] = [
            [ref(s.article), ref(s.sentence), s.start, s.end] for s in meeting.sources
        ]
        meetings.append(row)
    conflicts = [
        [
            c.id,
            ref(c.subject),
            ref(c.attribute),
            *(
                [ref(side.article), ref(side.sentence), ref(side.value), side.start, side.end]
                for side in (c.a, c.b)
            ),
        ]
        for c in corpus.conflicts
    ]
    return [list(table), actors, meetings, conflicts]


def decode_linked(
    row: list, ids: dict[str, str] | None = None
) -> tuple[list[CorpusActor], list[Meeting], list[Conflict]]:
    """Actors, meetings and conflicts as stored by `encode_linked`. Article ids are the strings
    of `ids` (id -> itself) when given, so the corpus holds one copy of each."""
    strings, actor_rows, meeting_rows, conflict_rows = row
    if ids is not None:
        strings = [ids.get(text, text) for text in strings]
    actors = []
    for data in actor_rows:
        data = list(data)
        data[_ACTOR_ARTICLES] = [strings[i] for i in data[_ACTOR_ARTICLES]]
        actors.append(CorpusActor(*data))
    meetings = []
    for data in meeting_rows:
        data = list(data)
        data[_MEETING_SOURCES] = [
            Source(strings[a], strings[s], start, end)
            for a, s, start, end in data[_MEETING_SOURCES]
        ]
        meetings.append(Meeting(*data))

    def side(data: list) -> ConflictSide:
        article, sentence, value, start, end = data
        return ConflictSide(strings[article], strings[sentence], strings[value], start, end)

    conflicts = [
        Conflict(c[0], strings[c[1]], strings[c[2]], side(c[3]), side(c[4])) for c in conflict_rows
    ]
    return actors, meetings, conflicts


def share_ids(
    ids: dict[str, str],
    actors: list[CorpusActor],
    meetings: list[Meeting],
    conflicts: list[Conflict],
) -> None:
    """Point every article id at the one string of `ids` (id -> itself), so that a large corpus
    does not hold a copy of an id for each mention of the article."""
    same = ids.setdefault
    for actor in actors:
        actor.articles = [same(i, i) for i in actor.articles]
    for meeting in meetings:
        for source in meeting.sources:
            source.article = same(source.article, source.article)
    for conflict in conflicts:
        conflict.a.article = same(conflict.a.article, conflict.a.article)
        conflict.b.article = same(conflict.b.article, conflict.b.article)
