"""The reader's document: metadata with its basis, then the clean text with highlights.

Built with Rich only: the article text goes into `Text` as-is and highlights are applied by
character offsets, so nothing in an article can be read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rich.style import Style
from rich.text import Text

from ..core.models import Article, ArticleExtraction
from ..core.safe_text import visible
from .literal import literal

BASIS_WORDS = {
    "metadata": "from front matter",
    "dateline": "from the dateline",
    "text": "from the text",
    "corpus": "inferred from the corpus",
    "unknown": "not stated",
}
KIND_LABELS = {
    "person": "person",
    "organization": "organisation",
    "country": "country",
    "place": "place",
}
LABEL_WIDTH = 11


@dataclass
class ReaderStyles:
    """Styles by highlight name (the reader's component classes, so they follow the theme)."""

    styles: dict[str, Style] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Style:
        return self.styles.get(name, Style())


@dataclass
class Document:
    """The text to show and where the article body starts in it."""

    text: Text
    body_start: int


def _field(label: str, value: Text, basis: str | None, styles: ReaderStyles) -> Text:
    line = Text.assemble((f"{label:<{LABEL_WIDTH}}", styles["label"]), value)
    if basis is not None:
        line.append(f"  · {BASIS_WORDS.get(basis, basis)}", style=styles["basis"])
    return line


def header_lines(article: Article, styles: ReaderStyles) -> list[Text]:
    lines = [literal(article.title or article.id, styles["title"])]
    published = literal(article.published) if article.published else Text("unknown", style="dim")
    lines.append(_field("Published", published, article.published_basis, styles))
    authors = literal(", ".join(article.authors)) if article.authors else Text("—", style="dim")
    lines.append(_field("Authors", authors, article.authors_basis, styles))
    outlet = literal(article.outlet) if article.outlet else Text("—", style="dim")
    lines.append(_field("Outlet", outlet, article.outlet_basis, styles))
    if article.url:
        lines.append(_field("URL", literal(article.url), None, styles))
    file_name = article.id + Path(article.path).suffix
    lines.append(
        _field("File", Text.assemble(literal(file_name), f" · {article.words} words"), None, styles)
    )
    for warning in article.warnings:
        lines.append(
            Text.assemble(
                (f"{'Warning':<{LABEL_WIDTH}}", styles["warning"]),
                literal(warning, styles["warning"]),
            )
        )
    legend = Text(f"{'Legend':<{LABEL_WIDTH}}", style=styles["label"])
    for kind, label in KIND_LABELS.items():
        legend.append(label, style=styles[kind])
        legend.append(" ")
    legend.append("date", style=styles["date"])
    legend.append(" ")
    legend.append("unresolved date", style=styles["date-unresolved"])
    lines.append(legend)
    return lines


def build_document(
    article: Article,
    extraction: ArticleExtraction | None,
    styles: ReaderStyles,
    target: tuple[int, int] | None = None,
    query: str = "",
    focus_actor: str | None = None,
) -> Document:
    """Header and body of `article`, highlights applied by offset."""
    header = Text("\n").join(header_lines(article, styles))
    header.append("\n\n")
    body_start = len(header)
    body = Text(visible(article.text))
    size = len(body)

    def mark(start: int, end: int, style: Style) -> None:
        start, end = max(0, start), min(size, end)
        if start < end:
            body.stylize(style, start, end)

    if extraction is not None:
        for date in extraction.dates:
            name = "date" if date.value else "date-unresolved"
            mark(date.start, date.end, styles[name])
        for actor in extraction.actors:
            style = styles[actor.kind] if actor.kind in KIND_LABELS else styles["person"]
            for mention in actor.mentions:
                mark(mention.start, mention.end, style)
            if focus_actor and actor.name == focus_actor:
                for mention in actor.mentions:
                    mark(mention.start, mention.end, styles["actor-focus"])
    if query:
        from ..core.search import match_spans  # only with a search on: not at start-up

        for start, end in match_spans(article.text, query, live=True):
            mark(start, end, styles["match"])
    if target is not None:
        mark(target[0], target[1], styles["target"])
    header.append_text(body)
    return Document(header, body_start)
