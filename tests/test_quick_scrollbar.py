"""The quick scrollbar paints what Textual's scrollbar paints: glyphs, colours, mouse actions."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from tui.widgets.quick_scrollbar import QuickScrollBar, QuickScrollbars


class Lines(QuickScrollbars, ScrollView):
    DEFAULT_CSS = "Lines { height: 12; width: 30; }"

    def __init__(self, lines: int) -> None:
        super().__init__()
        self.lines = lines

    def on_mount(self) -> None:
        self.virtual_size = Size(28, self.lines)

    def render_line(self, y: int) -> Strip:
        return Strip.blank(self.size.width)


class OneList(App):
    def __init__(self, lines: int) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        yield Lines(self.lines)


def painted(strips: list[Strip]) -> list[list[tuple]]:
    return [
        [(s.text, s.style.color, s.style.bgcolor, s.style.reverse, s.style.meta) for s in strip]
        for strip in strips
    ]


@pytest.mark.parametrize(
    ("lines", "scroll_to"), [(100, 0), (100, 37), (100, 88), (13, 1), (40, 28)]
)
async def test_the_quick_bar_paints_what_textuals_bar_paints(lines, scroll_to):
    app = OneList(lines)
    async with app.run_test(size=(40, 16)) as pilot:
        view = app.query_one(Lines)
        await pilot.pause()
        view.scroll_to(y=scroll_to, animate=False)
        await pilot.pause()
        bar = view.vertical_scrollbar
        assert isinstance(bar, QuickScrollBar)
        whole = Region(0, 0, *bar.size)
        quick = bar.render_lines(whole)
        assert len(quick) == bar.size.height == 12 and bar.window_virtual_size == lines
        assert painted(quick) == painted(ScrollBar.render_lines(bar, whole))
        part = Region(0, 3, bar.size.width, 4)  # a crop, as the compositor asks for
        assert painted(bar.render_lines(part)) == painted(ScrollBar.render_lines(bar, part))


async def test_the_quick_bar_follows_a_change_of_colours():
    app = OneList(100)
    async with app.run_test(size=(40, 16)) as pilot:
        await pilot.pause()
        view = app.query_one(Lines)
        bar = view.vertical_scrollbar
        whole = Region(0, 0, *bar.size)
        before = painted(bar.render_lines(whole))
        view.styles.background = "darkred"  # as a pane that gains focus
        bar.styles.background = "darkred"
        await pilot.pause()
        after = painted(bar.render_lines(whole))
        assert after != before
        assert after == painted(ScrollBar.render_lines(bar, whole))
