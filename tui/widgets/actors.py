"""Pane 3: the actors of the selected article or of the whole corpus."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..core.corpus_view import KINDS, ActorRow
from .article_document import KIND_LABELS
from .deferred import DeferredContents
from .fixed_viewport import FixedViewport
from .literal import literal_line
from .quick_scrollbar import QuickScrollbars
from .row_cursor import RowCursor
from .text_lines import TextLines

KIND_FILTERS = (None, *KINDS)
SHORT_KINDS = {"person": "person", "organization": "org", "country": "country", "place": "place"}
NAME_WIDTH = 24
COLUMNS = ("name", "kind", "mentions", "articles", "roles")
HEADERS = (
    Text("Name"),
    Text("Kind"),
    Text("Mentions", justify="right"),
    Text("Articles", justify="right"),
    Text("Roles"),
)
COLUMN_WIDTHS = (NAME_WIDTH, 7, 8, 8)  # the roles column is as wide as its widest cell
CELL_PADDING = 1  # a space either side of each cell
HEADER_LINES = 1


def actor_cells(row: ActorRow) -> tuple[Text, ...]:
    """An actor's cells, in the order of `COLUMNS`."""
    return (
        literal_line(row.name, style="bold" if row.kind == "person" else "", limit=NAME_WIDTH),
        Text(SHORT_KINDS.get(row.kind, row.kind), style="dim"),
        Text(str(row.mentions), justify="right"),
        Text(str(len(row.articles)), justify="right"),
        literal_line("; ".join(row.roles), limit=60),
    )


@lru_cache(maxsize=4096)
def _drawn_cell(
    plain: str, style: str | Style, justify, width: int, console, row: Style, over: Style | None
) -> tuple[Segment, ...]:
    """A cell without spans (actor names, kinds and counts repeat from article to article),
    padded to `width` and drawn in the row's style with the cursor's colours `over` it."""
    cell = Text(plain, style=style, justify=justify)
    rendered = padded_cell(cell, width).render(console, end="")
    return tuple(Segment.simplify(Segment.apply_style(rendered, row, over)))


def padded_cell(cell: Text, width: int) -> Text:
    """`cell` cut or filled to `width`, a space either side (as a `DataTable` pads a cell)."""
    text = cell.copy()
    text.truncate(width, overflow="crop")
    gap = width - text.cell_len
    line = Text(" " * CELL_PADDING)
    if cell.justify == "right":
        text.pad_left(gap)
        line.append_text(text)
    else:
        line.append_text(text)
        line.append(" " * gap)
    line.append(" " * CELL_PADDING)
    return line


class ActorTable(RowCursor, QuickScrollbars, FixedViewport, ScrollView, can_focus=True):
    """Actors, most mentioned first, one row per actor; rows are identified by the actor's name.

    A line-API widget drawn as the `DataTable` it replaces was (same columns, padding and
    styles): only the rows on screen are rendered, and new rows cost no idle measurement.
    """

    COMPONENT_CLASSES = {"actor-table--header", "actor-table--cursor"}

    DEFAULT_CSS = """
    ActorTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .actor-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .actor-table--header { background-tint: $foreground 5%; }
        }
        & > .actor-table--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .actor-table--header { background: ansi_bright_blue; color: ansi_default; }
        & > .actor-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    BINDINGS = [
        Binding("enter", "select_cursor", "Filter articles", id="actors.filter"),
        Binding("down,j", "cursor_down", "Next", show=False, id="actors.down"),
        Binding("up,k", "cursor_up", "Previous", show=False, id="actors.up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="actors.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="actors.page_up"),
        Binding("home,g", "scroll_top", "First", show=False, id="actors.first"),
        Binding("end,G", "scroll_bottom", "Last", show=False, id="actors.last"),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor is on `name` (None: the table is empty)."""

        table: ActorTable
        name: str | None

        @property
        def control(self) -> ActorTable:
            return self.table

    @dataclass
    class Chosen(Message):
        """Enter (or a click on the cursor row) on `name`."""

        table: ActorTable
        name: str

        @property
        def control(self) -> ActorTable:
            return self.table

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.cursor_row = 0
        self._names: list[str] = []
        self._cells: list[tuple[Text, ...]] = []
        self._widths: tuple[int, ...] = COLUMN_WIDTHS + (len(HEADERS[-1].plain),)
        self._strips: dict[int, Strip] = {}
        self._pass_style: Style | None = None  # `rich_style`, looked up once per repaint

    # --- what is listed -----------------------------------------------------------------------

    def set_rows(self, rows: Iterable[ActorRow], keep: str | None = None) -> None:
        """List `rows`, the cursor on `keep` if listed (else on the first row)."""
        names, cells = [], []
        for row in rows:
            names.append(row.name)
            cells.append(actor_cells(row))
        self._names, self._cells = names, cells
        roles = max((c[-1].cell_len for c in cells), default=0)
        self._widths = COLUMN_WIDTHS + (max(roles, len(HEADERS[-1].plain)),)
        self._strips.clear()
        self.virtual_size = Size(self._table_width, len(names) + HEADER_LINES)
        row = names.index(keep) if keep in names else 0
        self.cursor_row = -1  # the cursor row is drawn anew
        self._move(row)
        self.refresh()

    @property
    def names(self) -> list[str]:
        """The listed actors' names, top to bottom (do not modify)."""
        return self._names

    @property
    def row_count(self) -> int:
        return len(self._names)

    @property
    def current_name(self) -> str | None:
        return self._names[self.cursor_row] if self._names else None

    def cell(self, name: str, column: str) -> Text:
        """The cell of an actor's row in a column (name, kind, mentions, articles, roles)."""
        return self._cells[self._names.index(name)][COLUMNS.index(column)]

    @property
    def _table_width(self) -> int:
        return sum(self._widths) + 2 * CELL_PADDING * len(self._widths)

    # --- cursor -------------------------------------------------------------------------------

    def _move(self, row: int) -> None:
        row = max(0, min(row, len(self._names) - 1)) if self._names else 0
        if row == self.cursor_row:
            return
        previous, self.cursor_row = self.cursor_row, row
        for changed in (previous, row):
            self._strips.pop(changed, None)
            y = changed + HEADER_LINES - int(self.scroll_offset.y)
            if HEADER_LINES <= y < self.size.height:
                self.refresh(Region(0, y, self.size.width, 1))
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, self.current_name))

    HEADER_ROWS = HEADER_LINES

    def _row_count(self) -> int:
        return len(self._names)

    def action_select_cursor(self) -> None:
        if self._names:
            self.post_message(self.Chosen(self, self._names[self.cursor_row]))

    def on_click(self, event: events.Click) -> None:
        row = event.y - HEADER_LINES + int(self.scroll_offset.y)
        if event.y >= HEADER_LINES and 0 <= row < len(self._names):
            if row == self.cursor_row:
                self.action_select_cursor()
            else:
                self._move(row)

    # --- rendering ----------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass_style = None  # styles may have changed since the last repaint
        try:
            return super().render_lines(crop)
        finally:
            self._pass_style = None

    @property
    def _style(self) -> Style:
        """`rich_style` (it walks the ancestors), once per repaint rather than per line."""
        if self._pass_style is None:
            return self.rich_style
        return self._pass_style

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if self._pass_style is None:
            self._pass_style = self.rich_style
        if y < HEADER_LINES:  # kept as row -1 (cleared with the rows)
            strip = self._strips.get(-1)
            if strip is None or strip.cell_length != width:
                header = self.get_component_rich_style("actor-table--header")
                strip = self._strips[-1] = self._strip(HEADERS, header, Style.null())
            return strip
        row = y - HEADER_LINES + int(self.scroll_offset.y)
        if row >= len(self._names):
            return Strip.blank(width, self._style)
        strip = self._strips.get(row)
        if strip is None or strip.cell_length != width:
            cursor = Style.null()
            if row == self.cursor_row:
                cursor = self.get_component_rich_style("actor-table--cursor")
            cells = self._cells[row]
            strip = self._strips[row] = self._strip(cells, self._style, cursor)
        return strip

    def _strip(self, cells: Sequence[Text], style: Style, cursor: Style) -> Strip:
        """A row (or the header) as a `DataTable` draws it: the cells padded to their columns
        in `style`, the cursor's style over them (its colours over the cells' own), the rest of
        the line in the row's style. (A click finds its row from its line: no meta.)"""
        console, width = self.app.console, self.size.width
        row_style = style + cursor
        over = Style.from_color(cursor.color, cursor.bgcolor) if cursor else None
        segments: list[Segment] = []
        drawn = 0
        for cell, cell_width in zip(cells, self._widths, strict=True):
            if drawn >= width:
                break  # the rest of the row is off the edge
            drawn += cell_width + 2 * CELL_PADDING
            if cell.spans:
                rendered = padded_cell(cell, cell_width).render(console, end="")
                segments.extend(Segment.apply_style(rendered, row_style, over))
            else:
                segments.extend(
                    _drawn_cell(
                        cell.plain, cell.style, cell.justify, cell_width, console, row_style, over
                    )
                )
        if drawn < width:
            segments.append(Segment(" " * (width - drawn), row_style))
            return Strip(segments, width)
        return Strip(segments, drawn).crop(0, width)

    def on_resize(self) -> None:
        self._strips.clear()
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self._strips.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()


class ActorsPane(DeferredContents, Vertical):
    """Scope line, the actor table, and the highlighted actor in full."""

    BINDINGS = [
        Binding("a", "toggle_scope", "Article/corpus", id="actors.scope"),
        Binding("t", "cycle_kind", "Kind filter", id="actors.kind"),
    ]

    @dataclass
    class Chosen(Message):
        """Enter on an actor: filter the articles to those that mention it."""

        name: str

    @dataclass
    class Highlighted(Message):
        """The cursor is on an actor (None when the table is empty)."""

        name: str | None

    def __init__(self, deferred: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.corpus_scope = False
        self.kind: str | None = None
        self._article_rows: list[ActorRow] = []
        self._corpus_rows: list[ActorRow] = []
        self._defer(deferred)
        self._stale = False  # rows came while off screen

    def compose(self) -> ComposeResult:
        if not self.built:
            return
        yield TextLines(id="actors-scope")
        yield ActorTable(id="actor-table")
        yield TextLines(id="actor-detail")

    def _built(self) -> None:
        self._fill()

    @property
    def table(self) -> ActorTable:
        return self.query_one(ActorTable)

    @property
    def rows(self) -> list[ActorRow]:
        rows = self._corpus_rows if self.corpus_scope else self._article_rows
        return [r for r in rows if self.kind is None or r.kind == self.kind]

    def set_rows(self, article_rows: list[ActorRow], corpus_rows: list[ActorRow]) -> None:
        unchanged = self.corpus_scope and corpus_rows is self._corpus_rows
        self._article_rows, self._corpus_rows = article_rows, corpus_rows
        if not unchanged:  # the corpus list does not change with the article
            self._fill()

    def action_toggle_scope(self) -> None:
        self.corpus_scope = not self.corpus_scope
        self._fill()

    def action_cycle_kind(self) -> None:
        self.kind = KIND_FILTERS[(KIND_FILTERS.index(self.kind) + 1) % len(KIND_FILTERS)]
        self._fill()

    def catch_up(self) -> None:
        """The pane is coming on screen: fill it if rows came while it was off screen."""
        if self._stale:
            self._fill()

    def _fill(self) -> None:
        if not self.built:
            return  # filled when built
        if not self.display:
            # Off screen (a narrow terminal shows one pane at a time): a move in the article
            # list costs no table rebuild; `catch_up` fills it when it shows.
            self._stale = True
            return
        self._stale = False
        table = self.table
        rows = self.rows
        table.set_rows(rows, keep=table.current_name)
        self._show_scope(len(rows))
        self._show_detail(table.current_name)

    def _show_scope(self, count: int) -> None:
        scope = "whole corpus" if self.corpus_scope else "this article"
        line = Text.assemble(
            (f"{count} actor{'s' if count != 1 else ''}", "bold"), " in ", (scope, "bold")
        )
        if self.kind:
            line.append(f" · {KIND_LABELS[self.kind]}s only")
        line.append(
            "  a: " + ("this article" if self.corpus_scope else "whole corpus"), style="dim"
        )
        line.append("  t: kind  Enter: filter the list", style="dim")
        self.query_one("#actors-scope", TextLines).update(line)

    def _show_detail(self, name: str | None) -> None:
        detail = self.query_one("#actor-detail", TextLines)
        row = next((r for r in self.rows if r.name == name), None)
        if row is None:
            empty = "No actors found" + ("" if self.corpus_scope else " in this article")
            detail.update(Text(empty, style="dim"))
            return
        line = Text.assemble(
            literal_line(row.name, "bold"), f" · {KIND_LABELS.get(row.kind, row.kind)}"
        )
        if row.country:
            line.append(" · ")
            line.append_text(literal_line(row.country))
        line.append(f" · {row.mentions} mention{'s' if row.mentions != 1 else ''}")
        line.append(f" in {len(row.articles)} article{'s' if len(row.articles) != 1 else ''}")
        line.append("\nRoles: ", style="dim")
        line.append_text(literal_line("; ".join(row.roles) or "none stated"))
        detail.update(line)

    @on(ActorTable.Highlighted, "#actor-table")
    def _highlighted(self, event: ActorTable.Highlighted) -> None:
        event.stop()
        self._show_detail(event.name)
        self.post_message(self.Highlighted(event.name))

    @on(ActorTable.Chosen, "#actor-table")
    def _selected(self, event: ActorTable.Chosen) -> None:
        event.stop()
        self.post_message(self.Chosen(event.name))
