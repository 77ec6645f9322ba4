"""The article list: one row per article, newest first, with read/star marks.

A line-API widget: only the rows on screen are rendered, and the list itself is a list of ids in
display order, so 100,000 articles cost a sort and nothing per row. The rows are `ArticleSummary`
objects of the store (any object with `Article`'s id, title, published, published_basis,
authors and outlet will do).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..core.corpus_view import date_sort_key
from .fixed_viewport import FixedViewport
from .literal import literal_line
from .quick_scrollbar import QuickScrollbars
from .row_cursor import RowCursor

# The date column says how sure the date is: "~" inferred (dateline, text, corpus), "?" unknown.
INFERRED_MARK = "~"
UNKNOWN_MARK = "?"
UNREAD_MARK = "●"
STAR_MARK = "★"
# Below this width the outlet/author column narrows to leave room for titles.
COMPACT_WIDTH = 70
SOURCE_WIDTH = {False: 16, True: 10}
MARK_WIDTH, DATE_WIDTH = 2, 11
HEADER_LINES = 1
SCAN_FIRST = 1_000  # rows `row_of` looks through before it indexes the list


def date_cell(article) -> Text:
    if not article.published:
        return Text(f"{'unknown':>10}{UNKNOWN_MARK}", style="dim")
    if article.published_basis == "metadata":
        return Text(f"{article.published} ")
    return Text.assemble(article.published, (INFERRED_MARK, "bold"))


def source_cell(article, width: int = 16) -> Text:
    if article.outlet:
        return literal_line(article.outlet, limit=width)
    if article.authors:
        return literal_line(article.authors[0], style="italic", limit=width)
    return Text("—", style="dim")


class ArticleTable(RowCursor, QuickScrollbars, FixedViewport, ScrollView, can_focus=True):
    """The corpus as a list with a header line; rows are identified by article id."""

    COMPONENT_CLASSES = {"article-table--header", "article-table--cursor"}

    DEFAULT_CSS = """
    ArticleTable {
        background: $surface;
        & > .article-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .article-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .article-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    BINDINGS = [
        Binding("enter", "select_cursor", "Read", id="articles.open"),
        Binding("down,j", "cursor_down", "Next", show=False, id="articles.down"),
        Binding("up,k", "cursor_up", "Previous", show=False, id="articles.up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="articles.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="articles.page_up"),
        Binding("home,g", "scroll_top", "First article", show=False, id="articles.first"),
        Binding("end,G", "scroll_bottom", "Last article", show=False, id="articles.last"),
        Binding("d", "toggle_sort", "Sort by date", id="articles.sort"),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor moved to `article_id` (None: the list is empty)."""

        table: ArticleTable
        article_id: str | None

        @property
        def control(self) -> ArticleTable:
            return self.table

    @dataclass
    class Chosen(Message):
        """Enter (or a click on the cursor row) on `article_id`."""

        table: ArticleTable
        article_id: str

        @property
        def control(self) -> ArticleTable:
            return self.table

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.newest_first = True
        self.cursor_row = 0
        self._by_id: Mapping[str, object] = {}
        self._corpus_order: dict[str, int] | None = None
        self._sorted: dict[bool, list[str]] = {}  # every article, by date, per direction
        self._allowed: set[str] | None = None
        self._ids: list[str] = []  # what is listed, in display order
        self._index: dict[str, int] | None = None
        self._is_read: Callable[[str], bool] = lambda _id: False
        self._is_starred: Callable[[str], bool] = lambda _id: False
        self._strips: dict[int, Strip] = {}
        self._last_highlighted: str | None = None

    # --- what is listed -----------------------------------------------------------------------

    def set_articles(
        self,
        articles: Sequence | Mapping[str, object],
        is_read: Callable[[str], bool],
        is_starred: Callable[[str], bool],
        newest_first: list[str] | None = None,
    ) -> None:
        """The whole corpus (in file order; or by id, iterating in file order); `show` then
        picks what is listed. `newest_first`: the ids already in date order (a large corpus's
        store keeps it): then only the rows on screen are looked up in `articles`."""
        self._by_id = articles if isinstance(articles, Mapping) else {a.id: a for a in articles}
        self._corpus_order = None  # made when a sort needs it
        self._sorted.clear()
        if newest_first is not None:
            self._sorted[True] = newest_first
        self._is_read, self._is_starred = is_read, is_starred

    def show(self, allowed: Iterable[str] | None = None, keep: str | None = None) -> None:
        """List the articles in `allowed` (None: all of them), the cursor on `keep` if listed."""
        self._allowed = None if allowed is None else set(allowed)
        self._relist(keep)

    def _relist(self, keep: str | None) -> None:
        ordered = self._sorted.get(self.newest_first)
        if ordered is None:
            if self._corpus_order is None:
                self._corpus_order = {article_id: i for i, article_id in enumerate(self._by_id)}
            newest, order = self.newest_first, self._corpus_order
            ordered = sorted(
                self._by_id, key=lambda i: date_sort_key(self._by_id[i], order[i], newest)
            )
            self._sorted[self.newest_first] = ordered
        allowed = self._allowed
        self._ids = ordered if allowed is None else [i for i in ordered if i in allowed]
        self._index = None
        self._strips.clear()
        self.virtual_size = Size(self.size.width, len(self._ids) + HEADER_LINES)
        row = self.row_of(keep) if keep is not None else None
        self._move(row if row is not None else 0, force_message=True)
        self.refresh()

    @property
    def ids(self) -> list[str]:
        """The listed article ids, top to bottom (do not modify)."""
        return self._ids

    @property
    def row_count(self) -> int:
        return len(self._ids)

    @property
    def current_id(self) -> str | None:
        return self._ids[self.cursor_row] if self._ids else None

    def row_of(self, article_id: str) -> int | None:
        if self._index is None:
            # The article looked for is most often near the top (the one read last, the first
            # of a new filter): a look there spares indexing 100,000 ids for it.
            with suppress(ValueError):
                return self._ids.index(article_id, 0, SCAN_FIRST)
            self._index = {article_id: row for row, article_id in enumerate(self._ids)}
        return self._index.get(article_id)

    def neighbours(self, article_id: str) -> list[str]:
        """The articles listed right above and below `article_id`."""
        row = self.cursor_row if article_id == self.current_id else self.row_of(article_id)
        if row is None:
            return []
        return [self._ids[r] for r in (row + 1, row - 1) if 0 <= r < len(self._ids)]

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self.row_of(article_id) is not None

    def cells(self, article_id: str) -> dict[str, Text]:
        """The cells of an article's row by column: mark, date, source, title."""
        article = self._by_id[article_id]
        return {
            "mark": self._mark_cell(article_id),
            "date": date_cell(article),
            "source": source_cell(article, SOURCE_WIDTH[self._compact]),
            "title": literal_line(
                article.title or article.id, style="" if self._is_read(article_id) else "bold"
            ),
        }

    def refresh_article(self, article_id: str) -> None:
        """Redraw an article's row (after read/star changes)."""
        row = self.row_of(article_id)
        if row is not None:
            self._strips.pop(row, None)
            self._refresh_row(row)

    def _refresh_row(self, row: int) -> None:
        """Repaint one row if it is on screen (the header line stays put above the rows)."""
        y = row + HEADER_LINES - int(self.scroll_offset.y)
        if HEADER_LINES <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    # --- cursor -------------------------------------------------------------------------------

    def move_to(self, article_id: str) -> bool:
        """Put the cursor on `article_id`; False when it is not listed."""
        row = self.row_of(article_id)
        if row is None:
            return False
        self._move(row)
        return True

    def _move(self, row: int, force_message: bool = False) -> None:
        row = max(0, min(row, len(self._ids) - 1)) if self._ids else 0
        changed_rows: tuple[int, ...] = ()
        if row != self.cursor_row:
            previous, self.cursor_row = self.cursor_row, row
            changed_rows = (previous, row)
            for changed in changed_rows:
                self._strips.pop(changed, None)
        current = self.current_id
        if force_message or current != self._last_highlighted:
            self._last_highlighted = current
            if self.is_mounted:
                # The screen updates every pane for the new article; the cursor is repainted
                # after that, so that the list and the panes change in one frame (painted as
                # the cursor moved, the list took a frame of its own: ~1.5 ms more a press).
                self.screen.post_message(self.Highlighted(self, current))
                self.screen.call_next(self._show_cursor, changed_rows)
                return
            self.post_message(self.Highlighted(self, current))
        self._show_cursor(changed_rows)

    def _show_cursor(self, changed_rows: tuple[int, ...]) -> None:
        # Only the two rows change, unless the list scrolls (which repaints it all).
        for changed in changed_rows:
            self._refresh_row(changed)
        self._scroll_to_cursor()

    HEADER_ROWS = HEADER_LINES

    def _row_count(self) -> int:
        return len(self._ids)

    def action_select_cursor(self) -> None:
        if self._ids:
            self.post_message(self.Chosen(self, self._ids[self.cursor_row]))

    def action_toggle_sort(self) -> None:
        """Newest first <-> oldest first (undated articles stay last)."""
        self.newest_first = not self.newest_first
        self._relist(self.current_id)

    def on_click(self, event: events.Click) -> None:
        if event.y < HEADER_LINES:
            if event.x >= MARK_WIDTH + 1 and event.x < MARK_WIDTH + DATE_WIDTH + 2:
                self.action_toggle_sort()
            return
        row = event.y - HEADER_LINES + int(self.scroll_offset.y)
        if 0 <= row < len(self._ids):
            if row == self.cursor_row and event.chain > 1:
                self.action_select_cursor()
            else:
                self._move(row)

    # --- rendering ----------------------------------------------------------------------------

    @property
    def _compact(self) -> bool:
        return 0 < self.size.width < COMPACT_WIDTH

    def _mark_cell(self, article_id: str) -> Text:
        star = STAR_MARK if self._is_starred(article_id) else " "
        unread = " " if self._is_read(article_id) else UNREAD_MARK
        return Text.assemble((star, "bold"), (unread, "bold"))

    def _line(self, cells: Iterable[tuple[Text, int | None]], width: int) -> Text:
        """Cells side by side, each cut or padded to its width, one space between."""
        line = Text(no_wrap=True, overflow="ellipsis")
        for cell, cell_width in cells:
            if line:
                line.append(" ")
            if cell_width is None:
                cell_width = max(0, width - line.cell_len)
            cell.truncate(cell_width, overflow="ellipsis", pad=True)
            line.append_text(cell)
        return line

    def _header(self, width: int) -> Text:
        source = "Source" if self._compact else "Outlet/author"
        return self._line(
            (
                (Text(" "), MARK_WIDTH),
                (Text("Published" + ("↓" if self.newest_first else "↑")), DATE_WIDTH),
                (Text(source), SOURCE_WIDTH[self._compact]),
                (Text("Title"), None),
            ),
            width,
        )

    def _row(self, article_id: str, width: int) -> Text:
        cells = self.cells(article_id)
        return self._line(
            (
                (cells["mark"], MARK_WIDTH),
                (cells["date"], DATE_WIDTH),
                (cells["source"], SOURCE_WIDTH[self._compact]),
                (cells["title"], None),
            ),
            width,
        )

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y < HEADER_LINES:  # kept as row -1 (cleared with the rows)
            header = self._strips.get(-1)
            if header is None or header.cell_length != width:
                style = self.rich_style + self.get_component_rich_style("article-table--header")
                header = self._strips[-1] = self._strip(self._header(width), width, style)
            return header
        row = y - HEADER_LINES + int(self.scroll_offset.y)
        if row >= len(self._ids):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(row)
        if strip is None or strip.cell_length != width:
            style = self.rich_style
            if row == self.cursor_row:
                style = style + self.get_component_rich_style("article-table--cursor")
            strip = self._strips[row] = self._strip(self._row(self._ids[row], width), width, style)
        return strip

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        segments = list(text.render(self.app.console, end=""))
        return Strip(Segment.apply_style(segments, style)).extend_cell_length(width, style)

    def on_resize(self) -> None:
        self._strips.clear()
        self.virtual_size = Size(self.size.width, len(self._ids) + HEADER_LINES)
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self._strips.pop(self.cursor_row, None)
        self._strips.pop(-1, None)
        self.refresh()

    def on_blur(self) -> None:
        self._strips.pop(self.cursor_row, None)
        self._strips.pop(-1, None)
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
