"""The help screen: every key, where it works, and what the marks and colours mean."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from .binding_catalog import BindingEntry, catalog

LEGEND = (
    ("2025-11-28", "published date stated in the front matter"),
    ("2025-11-28~", "published date inferred (dateline or text)"),
    ("   unknown?", "published date not stated anywhere"),
    ("●  ★", "unread · starred"),
    ("‹ April ›", "calendar: a marked day has meetings; ◆ the selected article reports it"),
)
LAYOUT = (
    "Under 120×32 the article list sits on top and one pane below it: 2-5 or Tab switch it. "
    "From 120×32 the list and actors are on the left, the reader on the right above the "
    "calendar or conflicts (4, 5). From 170×36 all five panes show at once."
)


class HelpScreen(ModalScreen[None]):
    """Lists every binding of the dashboard it was opened from."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
        Binding("down,j", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("up,k", "scroll('up')", "Scroll up", show=False, id="help.up"),
    ]

    def __init__(self, dashboard: Screen) -> None:
        super().__init__()
        self.entries: list[BindingEntry] = catalog(dashboard)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "natotui keys"
            body.border_subtitle = "Esc closes"
            yield Static(self._render_help(), id="help-text")

    def _render_help(self) -> Group:
        parts: list = [Text(LAYOUT, style="italic"), Text("")]
        context = None
        table: Table | None = None
        for entry in self.entries:
            if entry.context != context:
                context = entry.context
                parts.append(Text(context, style="bold underline"))
                table = Table.grid(padding=(0, 2))
                table.add_column(min_width=16, style="bold")
                table.add_column()
                parts.append(table)
            assert table is not None
            table.add_row(Text(" ".join(entry.keys)), Text(entry.description))
        parts.append(Text(""))
        parts.append(Text("Marks and colours", style="bold underline"))
        legend = Table.grid(padding=(0, 2))
        legend.add_column(min_width=16, style="bold")
        legend.add_column()
        for mark, meaning in LEGEND:
            legend.add_row(Text(mark), Text(meaning))
        legend.add_row(
            Text("reader"),
            Text(
                "people, organisations, countries, places and dates each have their own "
                "colour; the legend sits under the article's metadata"
            ),
        )
        parts.append(legend)
        parts.append(Text(""))
        parts.append(
            Text(
                "Rebind any key by its id in the keymap section of config.yaml, "
                "e.g.  keymap: {quit: ctrl+q}",
                style="dim",
            )
        )
        return Group(*parts)

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_down() if direction == "down" else body.scroll_up()

    @property
    def plain_text(self) -> str:
        """The help as plain text (for tests)."""
        return "\n".join(
            f"{entry.context}: {' '.join(entry.keys)} {entry.description}" for entry in self.entries
        )
