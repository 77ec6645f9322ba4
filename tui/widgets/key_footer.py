"""The footer of key bindings, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """Textual's `Footer`, made cheaper to keep up to date.

    The stock footer re-mounts every key each time the screen's bindings may have changed (each
    focus change, each `refresh_bindings`), and styles each new key three times (its `compact`
    default differs from the footer's). Styling is most of the cost of the dashboard's start-up
    and of a Tab, so here changes within one refresh are coalesced, the keys are rebuilt only
    when what they would show differs, and each key bound to the footer's `compact`
    starts with its value.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: tuple | None = None
        self._pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._update_keys)

    async def _update_keys(self) -> None:
        self._pending = False
        await self.update_keys()

    async def update_keys(self) -> None:
        """Rebuild the keys now if what they would show changed, rather than after the next
        paint: the dashboard calls this so that the paint that first shows a corpus has them."""
        self._bindings_ready = True
        if self._keys_shown() != self._shown:
            # Composed as if from the footer's own message loop, whoever calls (the keys bind
            # to the footer's reactives, which Textual looks up on the active message pump).
            with self._context():
                await self.recompose()

    def _keys_shown(self) -> tuple:
        """What `compose` would show: the key, label and state of each binding on show."""
        app = self.app
        keys = tuple(
            (key, app.get_key_display(binding), binding.description, binding.action)
            + (enabled, tooltip, binding.group, binding.show)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == app.COMMAND_PALETTE_BINDING
        )
        return (keys, self.compact, self.show_command_palette)

    def compose(self):
        self._shown = self._keys_shown() if self._bindings_ready else None
        for widget in super().compose():
            if isinstance(widget, FooterKey) and "compact" in (widget._reactive_connect or {}):
                # Bound to the footer's `compact`: start with its value, styled once.
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget
