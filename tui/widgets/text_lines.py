"""A few lines of text (a scope line, an actor's details, a title), drawn through the line API.

Textual's `Static` renders its content through the visual pipeline on every update, about ten
times the cost of a line-API line; these lines change on every move in the article list.
"""

from __future__ import annotations

from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from .text_wrap import line_segments, wrap


class TextLines(Widget):
    """Shows a Rich `Text`, wrapped to the widget's width; `update` repaints only this widget."""

    DEFAULT_CSS = "TextLines { height: auto; }"

    def __init__(self, text: Text | str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self._text = Text(text) if isinstance(text, str) else text
        self._lines: list[Text] | None = None  # the text wrapped at `_wrapped_at`
        self._wrapped_at = 0
        self._strips: dict[int, Strip] = {}

    @property
    def content(self) -> Text:
        """What is shown (a copy: changing it does not change the widget)."""
        return self._text.copy()

    def update(self, text: Text | str) -> None:
        """Show `text` instead (nothing is repainted when it is the same)."""
        text = Text(text) if isinstance(text, str) else text
        if _same(text, self._text):
            return
        self._text = text
        self._lines = None
        self._strips.clear()
        self.refresh()

    def _wrapped(self, width: int) -> list[Text]:
        if self._lines is None or width != self._wrapped_at:
            self._lines = wrap(self._text.copy(), max(width, 1))
            self._wrapped_at = width
            self._strips.clear()
        return self._lines

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._wrapped(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        lines = self._wrapped(width)
        strip = self._strips.get(y)
        if strip is None:
            base = self.rich_style
            if y >= len(lines):
                strip = Strip.blank(width, base)
            else:
                line = lines[y]
                if y == self.content_size.height - 1 and len(lines) > y + 1 and width > 1:
                    # More text than lines: the last one shown says so.
                    line = line.copy()
                    line.rstrip()
                    line.truncate(width - 1)
                    line.append("…")
                strip = Strip(line_segments(line, width, base, self.app.console), width)
            self._strips[y] = strip
        return strip

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # the theme changed: its colours are in the strips


def _same(a: Text, b: Text) -> bool:
    return a.plain == b.plain and a.spans == b.spans and a.style == b.style
