"""Every key binding of the dashboard, grouped by where it works, as the keymap leaves it.

The help screen lists these and the command palette offers each as a command.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

# (context title, selector of the widget whose bindings apply there; "" is the screen, "app")
CONTEXTS = (
    ("Everywhere", "app"),
    ("Dashboard", ""),
    ("Article list", "#article-table"),
    ("Search field", "#search"),
    ("Reader", "#reader"),
    ("Actors", "#actors-pane"),
    ("Actor table", "#actor-table"),
    ("Calendar", "#calendar-pane"),
    ("Month grid", "#month-grid"),
    ("Agenda", "#agenda"),
    ("Conflicts", "#conflicts-pane"),
)
# Which pane a context belongs to, so a command can bring it on screen first.
CONTEXT_PANES = {
    "#article-table": "articles",
    "#search": "articles",
    "#reader": "reader",
    "#actors-pane": "actors",
    "#actor-table": "actors",
    "#calendar-pane": "calendar",
    "#month-grid": "calendar",
    "#agenda": "calendar",
    "#conflicts-pane": "conflicts",
}


@dataclass
class BindingEntry:
    """One action in one context, with every key that triggers it."""

    context: str
    selector: str
    node: DOMNode
    action: str
    description: str
    keys: list[str]
    binding_id: str | None

    @property
    def pane(self) -> str | None:
        return CONTEXT_PANES.get(self.selector)


def _own_class_bindings(node: DOMNode) -> list[Binding]:
    """The node's bindings (inherited ones included), with the app's keymap applied."""
    bindings = node._bindings.copy()
    keymap = node.app._keymap
    if keymap:
        bindings.apply_keymap(keymap)
    return [binding for _key, binding in bindings]


def catalog(screen: Screen) -> list[BindingEntry]:
    """Every binding with a description, in context order, keys merged per action."""
    app = screen.app
    entries: list[BindingEntry] = []
    for context, selector in CONTEXTS:
        if selector == "app":
            node: DOMNode = app
        elif selector == "":
            node = screen
        else:
            found = screen.query(selector)
            if not found:
                continue
            node = found.first()
        by_action: dict[str, BindingEntry] = {}
        for binding in _own_class_bindings(node):
            if binding.system or not binding.description:
                continue
            key = app.get_key_display(binding)
            entry = by_action.get(binding.action)
            if entry is None:
                entry = by_action[binding.action] = BindingEntry(
                    context, selector, node, binding.action, binding.description, [], binding.id
                )
            if binding.id and not entry.binding_id:
                entry.description, entry.binding_id = binding.description, binding.id
            if key not in entry.keys:
                entry.keys.append(key)
        entries.extend(by_action.values())
    return entries
