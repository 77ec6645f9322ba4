"""The warnings screen: files that were skipped and articles loaded with a problem."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..widgets.literal import literal, literal_line


class WarningsScreen(ModalScreen[str | None]):
    """Enter on an article's warning opens that article; Esc closes."""

    BINDINGS = [
        Binding("escape,q,w", "dismiss(None)", "Close", id="warnings.close"),
    ]

    def __init__(
        self, load_warnings: list[str], article_warnings: list[tuple[str, str, str]]
    ) -> None:
        super().__init__()
        self.load_warnings = load_warnings
        self.article_warnings = article_warnings

    def compose(self) -> ComposeResult:
        total = len(self.load_warnings) + len(self.article_warnings)
        with Vertical(id="warnings-body") as body:
            body.border_title = f"{total} warning{'s' if total != 1 else ''}"
            body.border_subtitle = "Enter: open article · Esc: close"
            yield Static(
                Text("Nothing went wrong while loading.", style="dim")
                if not total
                else Text(
                    "Files that could not be loaded, then articles loaded with a problem.",
                    style="dim",
                ),
            )
            yield OptionList(*self._options(), id="warnings-list")

    def _options(self) -> list[Option]:
        options: list[Option] = []
        if self.load_warnings:
            options.append(Option(Text("Skipped files", style="bold underline"), disabled=True))
            options.extend(Option(literal(w)) for w in self.load_warnings)
        if self.article_warnings:
            options.append(Option(Text("Articles", style="bold underline"), disabled=True))
            for number, (article_id, title, warning) in enumerate(self.article_warnings):
                prompt = Text.assemble(
                    literal_line(title, "bold", limit=80), "\n  ", literal(warning)
                )
                options.append(Option(prompt, id=f"a{number}:{article_id}"))
        return options

    @on(OptionList.OptionSelected, "#warnings-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id.startswith("a"):
            self.dismiss(option_id.split(":", 1)[1])
