"""The `/` search field above the article list."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """Type to filter the articles by title and text; Enter goes to the list, Esc clears."""

    BINDINGS = [
        Binding("escape", "cancel", "Clear search", id="search.clear"),
        Binding("down", "done", "To the list", show=False, id="search.to_list"),
    ]

    @dataclass
    class Cancelled(Message):
        """The user cleared the search."""

        search_bar: SearchBar

    @dataclass
    class Done(Message):
        """The user is done typing and wants the results."""

        search_bar: SearchBar

    def __init__(self, **kwargs) -> None:
        super().__init__(
            placeholder='search titles and text ("quoted phrase" keeps words together)',
            **kwargs,
        )

    def action_cancel(self) -> None:
        self.value = ""
        self.post_message(self.Cancelled(self))

    def action_done(self) -> None:
        self.post_message(self.Done(self))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done(self))
