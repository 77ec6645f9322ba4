"""Moving between the dashboard's panes: layout by terminal size, number keys, Tab.

A mixin for the dashboard screen; which panes show at which size is in `pane_layout`.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget

from .pane_layout import BY_NAME, FOCUS_STOPS, PANES, SHARED, layout_for, pane_title, visible_panes


class PaneNavigation(Screen):
    """Shows the panes the terminal has room for and moves focus between them."""

    layout_name = "narrow"
    shown = "reader"  # the chosen pane of the shared place
    # The size Textual last laid the screen out at (on resuming, or for a resize), which the
    # screen's own size does not tell: it is already the new one when a resize arrives.
    laid_out_at: Size | None = None

    def on_resize(self, event: events.Resize) -> None:
        self._apply_layout(event.size.width, event.size.height)
        if event.size == self.laid_out_at:
            # The terminal reports its size again at start-up (twice): the screen is laid out
            # at that size already, and Textual's handler would lay it all out again for each.
            event.stop()
            event.prevent_default()
        else:
            self.laid_out_at = event.size

    def _apply_layout(self, width: int, height: int) -> None:
        layout = layout_for(width, height)
        if layout != self.layout_name:
            self.remove_class(f"-{self.layout_name}")
            self.layout_name = layout
        self.add_class(f"-{layout}")
        shared = SHARED[layout]
        if shared and self.shown not in shared:
            self.shown = shared[0]
        self._show_panes()

    async def build_panes(self, names: set[str] | None = None) -> None:
        """Mount the contents of deferred panes (`names`; None: all of them)."""
        for pane in PANES:
            widget = self.query_one(pane.selector)
            if (names is None or pane.name in names) and not getattr(widget, "built", True):
                await widget.build()  # type: ignore[attr-defined]

    def _show_panes(self) -> None:
        visible = visible_panes(self.layout_name, self.shown)
        for pane in PANES:
            widget = self.query_one(pane.selector)
            widget.display = pane.name in visible
            widget.border_title = pane_title(pane, self.layout_name, self.shown)
            if widget.display and not getattr(widget, "built", True):
                self.call_later(self.build_panes, {pane.name})
            elif widget.display and hasattr(widget, "catch_up"):
                widget.catch_up()
        focused = self.focused
        if focused is None or not self._on_screen(focused):
            self.call_after_refresh(self._refocus)

    @staticmethod
    def _on_screen(widget: Widget) -> bool:
        return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))

    def _refocus(self) -> None:
        focused = self.focused
        if focused is None or not self._on_screen(focused):
            self.query_one(BY_NAME["articles"].focus).focus()

    async def action_show_pane(self, name: str) -> None:
        """Bring pane `name` on screen and focus it."""
        await self.build_panes({name})
        self.show_pane(name)

    def show_pane(self, name: str) -> None:
        """`action_show_pane` for a pane whose contents are mounted (not deferred)."""
        pane = BY_NAME[name]
        if name in SHARED[self.layout_name]:
            self.shown = name
        self._focus_then_show(self.query_one(pane.focus))

    def _focus_then_show(self, widget: Widget) -> None:
        # Focus moves first: a focused widget that is hidden hands focus to its neighbour.
        self.set_focus(widget)
        self._show_panes()

    async def action_cycle_focus(self, step: int) -> None:
        """Tab: the next stop of the focus ring, switching the shared pane if need be."""
        # The search field is a stop only while it is open.
        stops = [
            (pane, selector)
            for pane, selector in FOCUS_STOPS
            if selector != "#search" or self.query_one(selector).display
        ]
        current = self.focused.id if self.focused is not None else None
        ids = [selector[1:] for _, selector in stops]
        index = ids.index(current) if current in ids else -1
        pane, selector = stops[(index + step) % len(stops)]
        await self.build_panes({pane})
        if pane in SHARED[self.layout_name]:
            self.shown = pane
        self._focus_then_show(self.query_one(selector))
