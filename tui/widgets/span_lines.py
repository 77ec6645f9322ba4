"""Lines cut from one long Rich `Text` (the reader's document), drawn as segments directly.

Cutting the document into a `Text` per line and rendering each (`Text.divide`, `Text.render`)
was most of the reader's cost on every move in the article list. Here a line is drawn from the
plain text and the spans over it, with Rich's rules: the styles of the spans over a character
combine in the order the spans were added, over the text's own style; a line with no span over
it has no style of its own. A test compares the result with Rich's on random documents.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from .text_wrap import one_cell_text

_TRAILING_SPACE = re.compile(r"\s+$")


class SpanLines:
    """The wrapped lines of `text` (line i is `plain[starts[i]:ends[i]]`), drawn on demand."""

    def __init__(self, text: Text, starts: list[int], ends: list[int], console: Console) -> None:
        self.plain = text.plain
        self.starts, self.ends = starts, ends
        get_style = console.get_style
        self._spans = [
            (span.start, span.end, get_style(span.style, default=Style.null()))
            for span in text.spans
        ]
        self._text_style = get_style(text.style, default=Style.null())
        self._by_line: list[list[int]] | None = None  # span indexes over each line
        self._combined: dict[tuple[int, ...], Style] = {}  # by span indexes, under the base
        self._base: Style | None = None

    def _spans_by_line(self) -> list[list[int]]:
        if self._by_line is None:
            starts = self.starts
            by_line: list[list[int]] = [[] for _ in starts]
            for index, (start, end, _) in enumerate(self._spans):
                if end <= start:
                    continue
                first = max(0, bisect_right(starts, start) - 1)
                last = bisect_left(starts, end) - 1  # the last line starting before `end`
                for line in range(first, last + 1):
                    by_line[line].append(index)
            self._by_line = by_line
        return self._by_line

    def line_end(self, index: int, width: int) -> int:
        """Where line `index` ends once the spaces past `width` are dropped (`rstrip_end`)."""
        start, end = self.starts[index], self.ends[index]
        if end - start > width:
            trailing = _TRAILING_SPACE.search(self.plain, start, end)
            if trailing is not None:
                end -= min(trailing.end() - trailing.start(), end - start - width)
        return end

    def segments(self, index: int, width: int, base: Style) -> tuple[list[Segment], int]:
        """Line `index` at `width` with `base` under every style, and its length in cells."""
        if base is not self._base:
            self._base, self._combined = base, {}
        start, end = self.starts[index], self.line_end(index, width)
        plain = self.plain
        text = plain[start:end]
        cells = len(text) if one_cell_text(text) else cell_len(text)
        spans = self._spans
        over = [
            i for i in self._spans_by_line()[index] if spans[i][0] < end and spans[i][1] > start
        ]
        if not over:
            return [Segment(text, base)], cells
        cuts = {start, end}
        for i in over:
            cuts.add(max(start, spans[i][0]))
            cuts.add(min(end, spans[i][1]))
        points = sorted(cuts)
        segments = []
        for left, right in zip(points, points[1:], strict=False):
            active = tuple(i for i in over if spans[i][0] <= left < spans[i][1])
            segments.append(Segment(plain[left:right], self._style(active)))
        return segments, cells

    def _style(self, active: tuple[int, ...]) -> Style:
        style = self._combined.get(active)
        if style is None:
            assert self._base is not None
            style = self._base + Style.combine(
                [self._text_style, *(self._spans[i][2] for i in active)]
            )
            self._combined[active] = style
        return style
