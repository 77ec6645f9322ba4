"""Pane 5: conflicting statements side by side, the differing words marked.

A line-API widget: the header and the two boxed statements are drawn as lines, so showing
another conflict repaints this pane only. (As widgets of their own, statements of another
height made Textual lay out the whole screen on every move in the article list.)"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..core.corpus_view import ArticleRow
from ..core.models import Conflict, ConflictSide
from ..core.word_diff import word_diff
from .conflict_diff import side_text
from .fixed_viewport import FixedViewport
from .literal import literal_line
from .quick_scrollbar import QuickScrollbars
from .text_wrap import line_segments, wrap

# The boxes around the two statements: Textual's `round` border, one cell of padding inside.
BOX = ("╭", "─", "╮", "│", "╰", "╯")
BOX_PADDING = 1


class ConflictsPane(QuickScrollbars, FixedViewport, ScrollView, can_focus=True):
    """One conflict at a time: n/p to move, ←/→ to pick a side, Enter to read it."""

    COMPONENT_CLASSES = {
        "conflicts--differ",
        "conflicts--value",
        "conflicts--side",
        "conflicts--side-selected",
    }

    BINDINGS = [
        Binding("n", "step(1)", "Next conflict", id="conflicts.next"),
        Binding("p", "step(-1)", "Previous conflict", id="conflicts.previous"),
        Binding("left,h", "side(0)", "Left statement", show=False, id="conflicts.left"),
        Binding("right,l", "side(1)", "Right statement", show=False, id="conflicts.right"),
        Binding("enter", "jump", "Read sentence", id="conflicts.jump"),
        Binding("a", "toggle_scope", "Article/corpus", id="conflicts.scope"),
        Binding("down,j", "scroll_down", "Scroll down", show=False, id="conflicts.down"),
        Binding("up,k", "scroll_up", "Scroll up", show=False, id="conflicts.up"),
    ]

    @dataclass
    class JumpRequested(Message):
        """Open the article of `side` at its sentence."""

        pane: ConflictsPane
        side: ConflictSide

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.corpus_scope = False
        self.index = 0
        self.side = 0
        self._article_conflicts: list[Conflict] = []
        self._corpus_conflicts: list[Conflict] = []
        self._lookup: Callable[[str], ArticleRow | None] = lambda _id: None
        self.header_text = Text()  # the conflict, or that there is none
        self.side_texts: tuple[Text, Text] = (Text(), Text())  # what the two sides show
        self._shown: tuple | None = None  # what is drawn now (see `_render_conflict`)
        self._header: list[Text] = []  # the header's wrapped lines, and each box's (`_draw`)
        self._box_lines: tuple[list[Text], list[Text]] = ([], [])
        self._height = 0
        self._strips: dict[int, Strip] = {}  # the lines made so far, by index
        self._base = Style()
        self._borders = (Style(), Style())
        self._drawn_width = 0
        self._sides_top = 0  # first line of the boxes, and their columns
        self._side_columns: tuple[tuple[int, int], tuple[int, int]] = ((0, 0), (0, 0))
        self._side_heights = (0, 0)

    @property
    def conflicts(self) -> list[Conflict]:
        return self._corpus_conflicts if self.corpus_scope else self._article_conflicts

    @property
    def current(self) -> Conflict | None:
        conflicts = self.conflicts
        return conflicts[self.index] if 0 <= self.index < len(conflicts) else None

    def set_conflicts(
        self,
        article_conflicts: list[Conflict],
        corpus_conflicts: list[Conflict],
        lookup: Callable[[str], ArticleRow | None],
    ) -> None:
        unchanged = self.corpus_scope and corpus_conflicts is self._corpus_conflicts
        keep = self.current.id if self.current else None
        self._article_conflicts, self._corpus_conflicts = article_conflicts, corpus_conflicts
        self._lookup = lookup
        if unchanged:  # the corpus list does not change with the article
            return
        ids = [c.id for c in self.conflicts]
        self.index = ids.index(keep) if keep in ids else 0
        self._render_conflict()

    def action_step(self, delta: int) -> None:
        if self.conflicts:
            self.index = (self.index + delta) % len(self.conflicts)
            self._render_conflict()
            self.scroll_home(animate=False)

    def action_side(self, side: int) -> None:
        self.side = side
        self._render_conflict()

    def action_toggle_scope(self) -> None:
        keep = self.current.id if self.current else None
        self.corpus_scope = not self.corpus_scope
        ids = [c.id for c in self.conflicts]
        self.index = ids.index(keep) if keep in ids else 0
        self._render_conflict()

    def action_jump(self) -> None:
        conflict = self.current
        if conflict is not None:
            self.post_message(self.JumpRequested(self, conflict.b if self.side else conflict.a))

    def on_click(self, event) -> None:
        for number, region in enumerate(self.side_regions()):
            if region.contains(event.screen_x, event.screen_y):
                self.side = number
                self._render_conflict()
                self.action_jump()

    def side_regions(self) -> tuple[Region, Region]:
        """Where the two boxes are on screen (empty when there is no conflict)."""
        if self.current is None:
            return (Region(), Region())
        content = self.scrollable_content_region
        top = content.y + self._sides_top - int(self.scroll_offset.y)
        return tuple(  # type: ignore[return-value]
            Region(content.x + start, top, width, height)
            for (start, width), height in zip(self._side_columns, self._side_heights, strict=True)
        )

    def _render_conflict(self) -> None:
        scope = "whole corpus" if self.corpus_scope else "this article"
        conflict = self.current
        # Moving through the articles mostly shows the same thing ("no conflicts"): the
        # statements change height, so drawing them again costs a layout of the screen.
        shown = (
            scope,
            conflict,
            self.index,
            len(self.conflicts),
            self.side,
            len(self._corpus_conflicts),
            self._lookup,
        )
        if shown == self._shown:
            return
        self._shown = shown
        if conflict is None:
            message = Text(f"No conflicting statements in {scope}.", style="bold")
            if not self.corpus_scope:
                message.append(f"  a: whole corpus ({len(self._corpus_conflicts)})", style="dim")
            self.header_text = message
            self.side_texts = (Text(), Text())
            self._redraw()
            return
        line = Text.assemble(
            (f"Conflict {self.index + 1} of {len(self.conflicts)}", "bold"),
            f" in {scope}  ",
            ("n/p  ←/→ side  Enter read", "dim"),
            "\n",
        )
        line.append_text(literal_line(conflict.subject, "bold"))
        line.append(" · ")
        line.append_text(literal_line(conflict.attribute))
        line.append(": ")
        line.append_text(literal_line(conflict.a.value, self._style("value")))
        line.append("  ≠  ")
        line.append_text(literal_line(conflict.b.value, self._style("value")))
        self.header_text = line
        diff_a, diff_b = word_diff(conflict.a.sentence, conflict.b.sentence)
        texts = tuple(
            side_text(
                label,
                statement,
                self._lookup(statement.article),
                diff,
                self._style("differ"),
                self._style("value"),
            )
            for label, statement, diff in (("A", conflict.a, diff_a), ("B", conflict.b, diff_b))
        )
        self.side_texts = texts  # type: ignore[assignment]
        self._redraw()

    # --- drawing ----------------------------------------------------------------------------

    def _redraw(self) -> None:
        self._drawn_width = 0
        self._draw(self.scrollable_content_region.width)
        self.refresh()

    def _draw(self, width: int) -> None:
        """Lay out the lines at `width`: the header, a blank line, the two boxes side by side.

        Only where the lines break is worked out here (the height sets the scrollbar); a line
        becomes segments when it is shown (`_make_line`), as one strip for the whole width.
        """
        if width == self._drawn_width or width <= 0:
            return
        self._drawn_width = width
        self._strips = {}
        self._base = base = self.rich_style  # (rich_style walks the ancestors: once, here)
        self._borders = tuple(
            base + self._style("side-selected" if number == self.side else "side")
            for number in (0, 1)
        )
        self._header = wrap(self.header_text, width)
        self._sides_top = len(self._header) + 1  # a blank line under the header
        if self.current is not None:
            left = width // 2  # as Textual splits two `1fr` widths
            self._side_columns = ((0, left), (left, width - left))
            inner = [max(box_width - 2 - 2 * BOX_PADDING, 1) for _, box_width in self._side_columns]
            self._box_lines = tuple(
                wrap(text, size) for text, size in zip(self.side_texts, inner, strict=True)
            )
            self._side_heights = tuple(len(lines) + 2 for lines in self._box_lines)
        else:
            self._side_columns, self._side_heights = ((0, 0), (0, 0)), (0, 0)
            self._box_lines = ([], [])
        self._height = self._sides_top + max(self._side_heights)
        self.virtual_size = Size(width, self._height)

    def _make_line(self, index: int, width: int) -> Strip:
        base = self._base
        background = _background(base)
        if index < len(self._header):
            return Strip(line_segments(self._header[index], width, base, self.app.console), width)
        row = index - self._sides_top
        if row < 0 or self.current is None:
            return Strip.blank(width, background)
        segments: list[Segment] = []
        for number, ((_, box_width), lines) in enumerate(
            zip(self._side_columns, self._box_lines, strict=True)
        ):
            segments += self._box_row(number, row, lines, box_width, base)
        return Strip(segments, width)

    def _box_row(
        self, number: int, row: int, lines: list[Text], width: int, base: Style
    ) -> list[Segment]:
        """Row `row` of side `number`'s box: a border, a line of the statement, or blank below."""
        top_left, horizontal, top_right, vertical, bottom_left, bottom_right = BOX
        border = self._borders[number]
        if row == 0:
            return [Segment(top_left + horizontal * (width - 2) + top_right, border)]
        if row == len(lines) + 1:
            return [Segment(bottom_left + horizontal * (width - 2) + bottom_right, border)]
        if row > len(lines) + 1:
            return [Segment(" " * width, _background(base))]
        inner = max(width - 2 - 2 * BOX_PADDING, 1)
        pad = Segment(" " * BOX_PADDING, _background(base))
        return [
            Segment(vertical, border),
            pad,
            *line_segments(lines[row - 1], inner, base, self.app.console),
            pad,
            Segment(vertical, border),
        ]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        self._draw(width)
        index = y + int(self.scroll_offset.y)
        if index >= self._height:
            return Strip.blank(width, _background(self.rich_style))
        strip = self._strips.get(index)
        if strip is None:
            strip = self._strips[index] = self._make_line(index, width)
        return strip

    def on_resize(self) -> None:
        self._draw(self.scrollable_content_region.width)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._shown = None  # the theme changed: draw again with its colours
        self._drawn_width = 0

    def _style(self, name: str):
        return self.get_component_rich_style(f"conflicts--{name}", partial=True)


def _background(style: Style) -> Style:
    """Only the background of `style`: what Textual fills empty cells with."""
    return Style(bgcolor=style.bgcolor)
