"""One side of a conflict: where it comes from, the value it gives, the sentence with the words
that differ from the other side marked."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from ..core.corpus_view import ArticleRow
from ..core.models import ConflictSide
from ..core.safe_text import one_line
from .literal import literal_line


def value_span(sentence: str, value: str) -> tuple[int, int] | None:
    """Where the stated value sits in the sentence (case-insensitive), if it is there."""
    if not value:
        return None
    found = sentence.casefold().find(value.casefold())
    return (found, found + len(value)) if found >= 0 else None


def side_text(
    label: str,
    side: ConflictSide,
    article: ArticleRow | None,
    differing: list[tuple[int, int]],
    diff_style: Style,
    value_style: Style,
) -> Text:
    """The block shown for one statement: value, sentence, then where it comes from."""
    text = Text(f"{label} ", style="bold")
    text.append_text(literal_line(side.value, value_style))
    text.append("\n“")
    sentence = Text(one_line(side.sentence))
    for start, end in differing:
        sentence.stylize(diff_style, start, end)
    span = value_span(side.sentence, side.value)
    if span is not None:
        sentence.stylize(value_style, *span)
    text.append_text(sentence)
    text.append("”\n— ")
    title = article.title if article and article.title else side.article
    text.append_text(literal_line(title, "italic", limit=80))
    source = []
    if article is not None:
        if article.outlet:
            source.append(article.outlet)
        elif article.authors:
            source.append(", ".join(article.authors))
        published = article.published or "date unknown"
        if article.published and article.published_basis != "metadata":
            published += "~"
        source.append(published)
    if source:
        text.append("\n  ")
        text.append_text(literal_line(" · ".join(source), "dim"))
    return text
