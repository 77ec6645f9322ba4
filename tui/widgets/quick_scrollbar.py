"""A vertical scrollbar that paints its column in one step, for panes that change on every key."""

from __future__ import annotations

from math import ceil

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.strip import Strip


class QuickScrollBar(ScrollBar):
    """Textual's scrollbar, drawn without the per-line styling pipeline.

    A scrollbar is one glyph per line, yet Textual renders it as any widget: every line through
    the styles cache, its padding, borders and filters. A pane whose content changes with each
    article (reader, actor table) repaints its bar on every key press: about a third of the
    lines drawn per press at 170x36, about 4 ms. Here the bar's column is worked out once per
    size and position with Textual's own `render_bar` (same glyphs, colours and mouse actions)
    and reused until one of them (or a colour) changes.
    """

    _quick_key: tuple | None = None
    _quick_lines: list[Strip] = []

    def render_lines(self, crop: Region) -> list[Strip]:
        if not self.vertical or self.parent is None or self.screen.styles.scrollbar_color.a == 0:
            return super().render_lines(crop)
        background, color = self._colours()
        width, height = self.size
        window = self.window_size if self.window_size < self.window_virtual_size else 0
        # Under each glyph the bar's own style (colours), as Textual's pipeline lays it.
        base, own = self.background_colors
        under = self.rich_style + Style(bgcolor=(base + own).rich_color)
        key = (self.window_virtual_size, window, self.position, width, height, color, under)
        if key != self._quick_key:
            bar = self.renderer.render_bar(
                size=height,
                virtual_size=ceil(self.window_virtual_size),
                window_size=ceil(window),
                position=self.position,
                thickness=width,
                vertical=True,
                back_color=background.rich_color,
                bar_color=color.rich_color,
            )
            filters = self.get_line_filters()
            # A bar has a handful of distinct cells (track above, thumb, track below, the
            # thumb's ends): each styled and filtered once, the lines share them.
            cells: dict[Segment, Strip] = {}
            lines = []
            for segment in bar.segments:
                if segment.text == "\n":
                    continue
                line = cells.get(segment)
                if line is None:
                    line = Strip([Segment(segment.text, under + segment.style)], width)
                    for line_filter in filters:
                        line = line.apply_filter(line_filter, background)
                    cells[segment] = line
                lines.append(line)
            self._quick_key, self._quick_lines = key, lines
        lines = self._quick_lines[crop.y : crop.bottom]
        if crop.x or crop.width != width:
            lines = [line.crop(crop.x, crop.right) for line in lines]
        return lines

    def _colours(self):
        """(background, colour) of the bar as `ScrollBar.render` works them out."""
        styles = self.parent.styles
        if self.grabbed:
            background, color = styles.scrollbar_background_active, styles.scrollbar_color_active
        elif self.mouse_over:
            background, color = styles.scrollbar_background_hover, styles.scrollbar_color_hover
        else:
            background, color = styles.scrollbar_background, styles.scrollbar_color
        if background.a < 1:
            base_background, _ = self.parent.background_colors
            background = base_background + background
        return background, background + color


class QuickScrollbars:
    """Mixin for a scrolling widget: its vertical scrollbar is a `QuickScrollBar`.

    Put it before the widget class in the bases."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        # As Textual's own property, with the quicker bar.
        if self._vertical_scrollbar is None:  # type: ignore[attr-defined]
            bar = QuickScrollBar(
                vertical=True,
                name="vertical",
                thickness=self.scrollbar_size_vertical,  # type: ignore[attr-defined]
            )
            bar.display = False
            self._vertical_scrollbar = bar
            self.app._start_widget(self, bar)  # type: ignore[attr-defined]
        return self._vertical_scrollbar  # type: ignore[attr-defined]
