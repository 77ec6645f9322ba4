"""Line breaking for the line-API panes: where Rich's `Text.wrap` breaks, found faster.

Rich measures every character's cell width; text of one-cell characters (nearly all news) is
measured here with `len`, several times faster, and the breaks are the same (a test compares
them on random text)."""

from __future__ import annotations

import re

from rich._wrap import divide_line
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

_WORD = re.compile(r"\s*\S+\s*")  # rich's words: leading spaces (first only), trailing ones


# Characters one cell wide, by Rich's measure too: Rich's own list (Latin, Greek, Cyrillic, box
# drawing) and the punctuation news is typeset with (’ “ ” – — …), which Rich measures one by
# one. Not the zero-width characters (U+200B-U+200F) or the line and paragraph separators.
_ONE_CELL = frozenset(
    [chr(c) for c in range(0x20, 0x7F)]
    + [chr(c) for c in range(0xA0, 0xAD)]
    + [chr(c) for c in range(0xAE, 0x300)]
    + [chr(c) for c in range(0x370, 0x483)]
    + [chr(c) for c in range(0x2010, 0x2028)]
    + [chr(c) for c in range(0x2030, 0x205F)]
).issuperset


def one_cell_text(text: str) -> bool:
    """Every character of `text` is one cell wide (so its length in cells is `len(text)`)."""
    return (text.isascii() and text.isprintable()) or _ONE_CELL(text)


def _divide_line(text: str, width: int) -> list[int]:
    """`rich._wrap.divide_line(text, width, fold=True)`: where `text` breaks to fit `width`.
    Text of characters one cell wide is measured with `len`, several times faster."""
    if not one_cell_text(text):
        return divide_line(text, width, fold=True)
    if len(text.rstrip()) <= width:
        return []  # the paragraph fits (most do at this width, or the wrap is one line)
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        length = len(match.group().rstrip())
        if width - offset >= length:
            offset += end - start
        elif length > width:  # folded: pieces of `width` characters, spaces included
            size = end - start
            while True:
                if start:
                    breaks.append(start)
                if size <= width:
                    offset = size
                    break
                start += width
                size -= width
        elif offset and start:
            breaks.append(start)
            offset = end - start
    return breaks


def line_spans(plain: str, width: int) -> tuple[list[int], list[int]]:
    """Where each wrapped line of `plain` starts and ends (paragraphs split at newlines, as
    `Text.split("\\n", allow_blank=True)` makes them), at `width`."""
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for paragraph in plain.split("\n"):
        starts.append(position)
        for at in _divide_line(paragraph, width):
            ends.append(position + at)
            starts.append(position + at)
        ends.append(position + len(paragraph))
        position += len(paragraph) + 1
    return starts, ends


def wrap(text: Text, width: int) -> list[Text]:
    """`text.wrap(console, width)` for text without tabs: the wrapped lines, trailing spaces
    past `width` trimmed, in one `divide` of the text rather than one per paragraph."""
    starts, ends = line_spans(text.plain, width)
    offsets: list[int] = []
    for start, end in zip(starts, ends, strict=True):
        offsets += (start, end)
    lines = text.divide(offsets)[1::2]
    for line in lines:
        line.rstrip_end(width)
    return list(lines)


def line_segments(line: Text, width: int, base: Style, console: Console) -> list[Segment]:
    """A wrapped line as Textual draws text: trailing spaces dropped (an underlined space would
    show), `base` under its styles, cut or padded with the background to `width` cells."""
    line.rstrip()
    # A `Text` without spans renders without its own style: put it under the segments too.
    under = base + console.get_style(line.style, default=Style.null())
    segments = list(Segment.apply_style(line.render(console, end=""), under))
    length = line.cell_len
    if length > width:
        return list(Segment.adjust_line_length(segments, width))
    if length < width:
        segments.append(Segment(" " * (width - length), Style(bgcolor=base.bgcolor)))
    return segments
