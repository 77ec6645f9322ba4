"""The footer of key bindings: one line drawn by one widget, redrawn only when its keys change."""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class FooterEntry(NamedTuple):
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool


class KeyFooter(Widget, can_focus=False):
    """The keys of the screen's bindings on show, with the command palette's key at the right.

    It looks like Textual's `Footer`, which mounts a widget per key and mounts them all again at
    each focus change: styling those widgets was most of the cost of the dashboard's first paint
    and of every Tab. Here the keys are one line of text, redrawn when what they show changes.
    A click on a key presses it, as on the stock footer.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--separator",
        "key-footer--hover",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--separator {
            color: $foreground 20%;
        }
        & > .key-footer--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._keys: tuple[FooterEntry, ...] = ()
        self._palette: FooterEntry | None = None
        self._spans: list[tuple[int, int, FooterEntry]] = []  # cells of each key, as drawn
        self._hover: FooterEntry | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._update()

    async def update_keys(self) -> None:
        """Show the screen's keys now (the dashboard calls this as it shows a corpus, so that
        the paint that first shows the corpus has them)."""
        self._update()

    def _update(self) -> None:
        keys, palette = self._collect()
        if (keys, palette) != (self._keys, self._palette):
            self._keys, self._palette = keys, palette
            self.refresh()

    def _collect(self) -> tuple[tuple[FooterEntry, ...], FooterEntry | None]:
        """The keys the stock footer would show: one per action, in the order bound."""
        app = self.app
        bindings = self.screen.active_bindings
        keys: dict[str, FooterEntry] = {}
        for _node, binding, enabled, _tooltip in bindings.values():
            if binding.show and binding.action not in keys:
                keys[binding.action] = FooterEntry(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    enabled,
                )
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in bindings:
            _node, binding, enabled, _tooltip = bindings[app.COMMAND_PALETTE_BINDING]
            palette = FooterEntry(
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
            )
        return tuple(keys.values()), palette

    # --- drawing ----------------------------------------------------------------------------

    def _entry_text(self, entry: FooterEntry, compact: bool = False) -> Text:
        """` k Label ` (compact, as the stock footer draws the palette's key: `k Label`)."""
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        key, description = (
            (entry.display, f" {entry.description}")
            if compact
            else (f" {entry.display} ", f"{entry.description} ")
        )
        text = Text.assemble(
            (key, key_style), (description if entry.description else "", description_style)
        )
        if not entry.enabled:
            text.stylize(Style(dim=True))
        if entry == self._hover:
            hover = self.get_component_rich_style("key-footer--hover")
            text.stylize(Style(bgcolor=hover.bgcolor))
        return text

    def render(self) -> Text:
        width = self.size.width
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, FooterEntry]] = []
        palette = None
        if self._palette is not None:
            palette = Text.assemble(
                ("▏", self.get_component_rich_style("key-footer--separator")),
                self._entry_text(self._palette, compact=True),
                " ",  # the stock footer's right padding
            )
        room = width - (palette.cell_len if palette is not None else 0)
        for entry in self._keys:
            text = self._entry_text(entry)
            start = line.cell_len
            if start >= room:
                break
            spans.append((start, min(room, start + text.cell_len), entry))
            line.append_text(text)
        line.truncate(max(0, room), overflow="crop", pad=True)
        if palette is not None and room >= 0:
            spans.append((room + 1, width, self._palette))
            line.append_text(palette)
        self._spans = spans
        return line

    # --- mouse ------------------------------------------------------------------------------

    def _entry_at(self, x: int) -> FooterEntry | None:
        return next((entry for start, end, entry in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        entry = self._entry_at(event.x)
        if entry != self._hover:
            self._hover = entry
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        entry = self._entry_at(event.x)
        if entry is None:
            return
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()
