"""TextLines: text drawn through the line API, repainted only when it changes."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from tui.widgets.text_lines import TextLines


class OneLine(App):
    CSS = "TextLines { height: 2; width: 12; }"

    def compose(self) -> ComposeResult:
        yield TextLines(Text("first words that wrap", style="bold"), id="lines")


async def test_text_lines_wrap_update_and_skip_the_same_text():
    app = OneLine()
    async with app.run_test(size=(20, 4)) as pilot:
        lines = app.query_one(TextLines)
        rows = [lines.render_line(y) for y in range(2)]
        assert [row.text for row in rows] == ["first words ", "that wrap   "]
        assert all(row.cell_length == 12 for row in rows)
        assert any(segment.style and segment.style.bold for segment in rows[0])
        assert str(lines.content) == "first words that wrap"

        repaints = []
        original = lines.refresh
        lines.refresh = lambda *a, **k: repaints.append(1) or original(*a, **k)
        lines.update(Text("first words that wrap", style="bold"))
        assert repaints == []  # the same text: nothing to repaint
        lines.update("other")
        await pilot.pause()
        assert repaints and lines.render_line(0).text == "other       "
        assert lines.render_line(1).text.strip() == ""


async def test_text_lines_cut_short_end_with_an_ellipsis():
    app = OneLine()
    async with app.run_test(size=(20, 4)) as pilot:
        lines = app.query_one(TextLines)
        lines.update("one two three four five six seven")
        await pilot.pause()
        assert [lines.render_line(y).text for y in range(2)] == ["one two     ", "three four… "]
