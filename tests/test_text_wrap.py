"""The panes' fast line breaking gives Rich's breaks and Rich's wrapped lines."""

from __future__ import annotations

import random

from rich._wrap import divide_line
from rich.console import Console
from rich.text import Text

from tui.widgets.text_wrap import _divide_line, line_spans, wrap

ALPHABET = "abc def ghij  klmno ’“”–—…øéßЖ\u00a0"


def test_line_breaks_are_richs():
    # One-cell text is measured with len (faster); the breaks must be those of Rich's
    # divide_line, for ASCII and for the typeset punctuation of news alike.
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(ALPHABET + "\t") for _ in range(rng.randint(0, 140)))
        width = rng.randint(1, 70)
        assert _divide_line(text, width) == divide_line(text, width, fold=True), (text, width)


def test_wrapped_lines_and_their_styles_are_richs():
    console = Console(width=200)
    rng = random.Random(11)
    for _ in range(3_000):
        plain = "".join(rng.choice(ALPHABET + "\n") for _ in range(rng.randint(0, 160)))
        text = Text(plain)
        for _ in range(rng.randint(0, 4)):  # styled spans across the line breaks
            start = rng.randint(0, len(plain))
            text.stylize("bold", start, rng.randint(start, len(plain)))
        width = rng.randint(1, 50)
        ours = wrap(text, width)
        theirs = text.wrap(console, width)
        assert [line.plain for line in ours] == [line.plain for line in theirs], (plain, width)
        assert [line.spans for line in ours] == [line.spans for line in theirs], (plain, width)


def test_line_spans_cover_each_paragraph():
    starts, ends = line_spans("one two three\n\nfour", 8)
    assert list(zip(starts, ends, strict=True)) == [(0, 8), (8, 13), (14, 14), (15, 19)]


def cells_of(segments) -> list[tuple[str, object]]:
    """Each character with the style it is drawn in: what the terminal shows."""
    return [(char, segment.style) for segment in segments for char in segment.text]


def test_span_lines_draw_what_rich_draws():
    from rich.segment import Segment
    from rich.style import Style

    from tui.widgets.span_lines import SpanLines

    console = Console(width=200)
    styles = [Style(bold=True), Style(color="red"), Style(italic=True, color="blue"), "dim"]
    base = Style(color="#aaaaaa", bgcolor="#111111")
    rng = random.Random(5)
    for _ in range(2_000):
        plain = "".join(rng.choice(ALPHABET + "\n  ") for _ in range(rng.randint(0, 200)))
        text = Text(plain, style=rng.choice(["", "italic"]))
        for _ in range(rng.randint(0, 8)):  # overlapping spans, some across lines, some empty
            start = rng.randint(0, len(plain))
            text.stylize(rng.choice(styles), start, rng.randint(start, len(plain)))
        width = rng.randint(1, 40)
        starts, ends = line_spans(plain, width)
        lines = SpanLines(text, starts, ends, console)
        offsets: list[int] = []
        for start, end in zip(starts, ends, strict=True):
            offsets += (start, end)
        pieces = text.divide(offsets)[1::2]
        for index, piece in enumerate(pieces):
            piece.rstrip_end(width)
            expected = list(Segment.apply_style(piece.render(console, end=""), base))
            ours, cells = lines.segments(index, width, base)
            assert cells_of(ours) == cells_of(expected), (plain, width, index)
            assert cells == piece.cell_len
