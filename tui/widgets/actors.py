"""Pane 3: the actors of the selected article or of the whole corpus."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from ..core.corpus_view import KINDS, ActorRow
from .article_document import KIND_LABELS
from .deferred import DeferredContents
from .fixed_viewport import FixedViewport
from .literal import literal_line

KIND_FILTERS = (None, *KINDS)
SHORT_KINDS = {"person": "person", "organization": "org", "country": "country", "place": "place"}
NAME_WIDTH = 24


class ActorTable(FixedViewport, DataTable):
    """Actors, most mentioned first; the row key is the actor's name."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Filter articles", id="actors.filter"),
        Binding("down,j", "cursor_down", "Next", show=False, id="actors.down"),
        Binding("up,k", "cursor_up", "Previous", show=False, id="actors.up"),
        Binding("home,g", "scroll_top", "First", show=False, id="actors.first"),
        Binding("end,G", "scroll_bottom", "Last", show=False, id="actors.last"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", **kwargs)

    def on_mount(self) -> None:
        self.add_column(Text("Name"), key="name", width=NAME_WIDTH)
        self.add_column(Text("Kind"), key="kind", width=7)
        self.add_column(Text("Mentions", justify="right"), key="mentions", width=8)
        self.add_column(Text("Articles", justify="right"), key="articles", width=8)
        self.add_column(Text("Roles"), key="roles")

    @property
    def current_name(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value


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
        yield Static(id="actors-scope")
        yield ActorTable(id="actor-table")
        yield Static(id="actor-detail")

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
        keep = table.current_name
        rows = self.rows
        with self.app.batch_update():
            table.clear()
            for row in rows:
                table.add_row(
                    literal_line(
                        row.name, style="bold" if row.kind == "person" else "", limit=NAME_WIDTH
                    ),
                    Text(SHORT_KINDS.get(row.kind, row.kind), style="dim"),
                    Text(str(row.mentions), justify="right"),
                    Text(str(len(row.articles)), justify="right"),
                    literal_line("; ".join(row.roles), limit=60),
                    key=row.name,
                )
            if keep is not None and keep in table.rows:
                table.move_cursor(row=table.get_row_index(keep), animate=False)
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
        self.query_one("#actors-scope", Static).update(line, layout=False)

    def _show_detail(self, name: str | None) -> None:
        detail = self.query_one("#actor-detail", Static)
        row = next((r for r in self.rows if r.name == name), None)
        if row is None:
            empty = "No actors found" + ("" if self.corpus_scope else " in this article")
            detail.update(Text(empty, style="dim"), layout=False)
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
        detail.update(line, layout=False)

    @on(DataTable.RowHighlighted, "#actor-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        name = event.row_key.value if event.row_key is not None else None
        self._show_detail(name)
        self.post_message(self.Highlighted(name))

    @on(DataTable.RowSelected, "#actor-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Chosen(event.row_key.value))
