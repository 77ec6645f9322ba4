"""Rich `Text` from strings that come from articles: always literal, never markup.

Textual parses plain `str` as markup in tables, option lists, labels and notifications, so
everything taken from a corpus file goes through here first.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from ..core.safe_text import one_line, visible


def literal(text: str | None, style: str | Style = "") -> Text:
    """`text` shown exactly as written (control characters made visible)."""
    return Text(visible(text), style=style)


def literal_line(text: str | None, style: str | Style = "", limit: int | None = None) -> Text:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    line = one_line(text)
    if limit is not None and len(line) > limit:
        line = line[: max(limit - 1, 0)].rstrip() + "…"
    return Text(line, style=style)
