"""Pane 5: conflicting statements side by side, the differing words marked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from ..core.corpus_view import ArticleRow
from ..core.models import Conflict, ConflictSide
from ..core.word_diff import word_diff
from .conflict_diff import side_text
from .literal import literal_line


class ConflictsPane(VerticalScroll, can_focus=True):
    """One conflict at a time: n/p to move, ←/→ to pick a side, Enter to read it."""

    COMPONENT_CLASSES = {"conflicts--differ", "conflicts--value"}

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
        self.side_texts: tuple[Text, Text] = (Text(), Text())  # what the two sides show
        self._shown: tuple | None = None  # what is drawn now (see `_render_conflict`)

    def compose(self) -> ComposeResult:
        yield Static(id="conflict-header")
        with Horizontal(id="conflict-sides"):
            yield Static(id="conflict-a", classes="conflict-side")
            yield Static(id="conflict-b", classes="conflict-side")

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
        for number, name in enumerate(("#conflict-a", "#conflict-b")):
            widget = self.query_one(name)
            if widget.region.contains(event.screen_x, event.screen_y):
                self.side = number
                self._render_conflict()
                self.action_jump()

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
        header = self.query_one("#conflict-header", Static)
        sides = (self.query_one("#conflict-a", Static), self.query_one("#conflict-b", Static))
        if conflict is None:
            message = Text(f"No conflicting statements in {scope}.", style="bold")
            if not self.corpus_scope:
                message.append(f"  a: whole corpus ({len(self._corpus_conflicts)})", style="dim")
            header.update(message)
            for side in sides:
                side.update("")
                side.display = False
            self.side_texts = (Text(), Text())
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
        header.update(line)
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
        for number, (side, text) in enumerate(zip(sides, texts, strict=True)):
            side.display = True
            side.set_class(number == self.side, "-selected")
            side.update(text)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._shown = None  # the theme changed: draw again with its colours

    def _style(self, name: str):
        return self.get_component_rich_style(f"conflicts--{name}", partial=True)
