"""The `natotui extract` outputs: the JSON document of DESIGN.md and a table for people."""

from __future__ import annotations

from typing import Any

from .models import Corpus

DOCUMENT_VERSION = 1


def corpus_document(corpus: Corpus) -> dict[str, Any]:
    """The machine-readable contract (field names fixed by DESIGN.md; extras may be added)."""
    articles = []
    for article in corpus.articles:
        extraction = corpus.extractions.get(article.id)
        articles.append(
            {
                "id": article.id,
                "path": article.path,
                "title": article.title,
                "published": article.published,
                "published_basis": article.published_basis,
                "authors": article.authors,
                "outlet": article.outlet,
                "actors": [
                    {
                        "name": actor.name,
                        "kind": actor.kind,
                        "roles": actor.roles,
                        "mentions": [
                            {"start": m.start, "end": m.end, "text": m.text} for m in actor.mentions
                        ],
                    }
                    for actor in (extraction.actors if extraction else [])
                ],
                "dates": [
                    {
                        "text": d.text,
                        "start": d.start,
                        "end": d.end,
                        "value": d.value,
                        "end_value": d.end_value,
                        "basis": d.basis,
                        "precision": d.precision,
                    }
                    for d in (extraction.dates if extraction else [])
                ],
                "warnings": article.warnings,
            }
        )
    return {
        "version": DOCUMENT_VERSION,
        "articles": articles,
        "meetings": [
            {
                "id": m.id,
                "name": m.name,
                "kind": m.kind,
                "place": m.place,
                "start": m.start,
                "end": m.end,
                "date_basis": m.date_basis,
                "precision": m.precision,
                "attendees": m.attendees,
                "absentees": m.absentees,
                "sources": [{"article": s.article, "sentence": s.sentence} for s in m.sources],
                "reports": [
                    {"article": r[0], "start": r[1], "end": r[2], "place": r[3]} for r in m.reports
                ],
            }
            for m in corpus.meetings
        ],
        "conflicts": [
            {
                "id": c.id,
                "subject": c.subject,
                "attribute": c.attribute,
                "a": {"article": c.a.article, "sentence": c.a.sentence, "value": c.a.value},
                "b": {"article": c.b.article, "sentence": c.b.sentence, "value": c.b.value},
            }
            for c in corpus.conflicts
        ],
        "warnings": corpus.warnings,
    }


def print_table(corpus: Corpus) -> None:
    """A readable summary: articles, people, meetings, conflicts."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    people = [a for a in corpus.actors if a.kind == "person"]
    table = Table(title=f"People ({len(people)})", title_justify="left")
    for column in ("name", "roles", "mentions", "articles"):
        table.add_column(column, overflow="fold")
    for actor in people:
        table.add_row(
            Text(actor.name),
            Text(", ".join(actor.roles)),
            str(actor.mentions),
            str(len(actor.articles)),
        )
    console.print(table)

    table = Table(title=f"Meetings ({len(corpus.meetings)})", title_justify="left")
    for column in ("dates", "meeting", "place", "attending", "absent", "sources"):
        table.add_column(column, overflow="fold")
    for m in corpus.meetings:
        dates = m.start or "undated"
        if m.end and m.end != m.start:
            dates += f"..{m.end}"
        if m.start and m.date_basis not in ("explicit",):
            dates += f" ({m.date_basis})"
        table.add_row(
            Text(dates),
            Text(m.name),
            Text(m.place or ""),
            Text(", ".join(m.attendees)),
            Text(", ".join(m.absentees)),
            Text(", ".join(sorted({s.article for s in m.sources}))),
        )
    console.print(table)

    table = Table(title=f"Conflicts ({len(corpus.conflicts)})", title_justify="left")
    for column in ("subject", "attribute", "a", "b"):
        table.add_column(column, overflow="fold")
    for c in corpus.conflicts:
        table.add_row(
            Text(c.subject),
            Text(c.attribute),
            Text(f"{c.a.value} ({c.a.article})"),
            Text(f"{c.b.value} ({c.b.article})"),
        )
    console.print(table)
