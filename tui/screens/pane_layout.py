"""Which panes the dashboard shows at a given terminal size.

narrow (under 120 columns or 32 rows): the article list on top, one of the other four below,
switched with 2-5 or Tab. wide: list and actors on the left, the reader on the right above
calendar or conflicts. extra wide (170x36 and up): all five at once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pane:
    name: str
    title: str
    key: str
    selector: str  # the pane's container
    focus: str  # the widget that takes focus when the pane is chosen


PANES = (
    Pane("articles", "Articles", "1", "#articles-pane", "#article-table"),
    Pane("reader", "Reader", "2", "#reader", "#reader"),
    Pane("actors", "Actors", "3", "#actors-pane", "#actor-table"),
    Pane("calendar", "Calendar", "4", "#calendar-pane", "#month-grid"),
    Pane("conflicts", "Conflicts", "5", "#conflicts-pane", "#conflicts-pane"),
)
BY_NAME = {pane.name: pane for pane in PANES}

# Tab visits these in order, showing the pane each belongs to.
FOCUS_STOPS = (
    ("articles", "#search"),
    ("articles", "#article-table"),
    ("reader", "#reader"),
    ("actors", "#actor-table"),
    ("calendar", "#month-grid"),
    ("calendar", "#agenda"),
    ("conflicts", "#conflicts-pane"),
)

WIDE = (120, 32)
EXTRA_WIDE = (170, 36)

# Panes sharing one place on screen, by layout; only one of them shows at a time.
SHARED = {
    "narrow": ("reader", "actors", "calendar", "conflicts"),
    "wide": ("calendar", "conflicts"),
    "xwide": (),
}


def layout_for(width: int, height: int) -> str:
    if width >= EXTRA_WIDE[0] and height >= EXTRA_WIDE[1]:
        return "xwide"
    if width >= WIDE[0] and height >= WIDE[1]:
        return "wide"
    return "narrow"


def visible_panes(layout: str, shown: str) -> set[str]:
    """Names of the panes on screen when `shown` is the chosen one of the shared place."""
    shared = SHARED[layout]
    return {p.name for p in PANES if p.name not in shared or p.name == shown}


def pane_title(pane: Pane, layout: str, shown: str) -> str:
    """Border title; a shared place lists its panes like tabs, the shown one highlighted.

    Built from fixed names only, so the markup is safe.
    """
    shared = SHARED[layout]
    if pane.name not in shared:
        return f"[b]{pane.key}[/b] {pane.title}"
    parts = []
    for other in PANES:
        if other.name in shared:
            if other.name == shown:
                parts.append(f"[reverse b] {other.key} {other.title} [/]")
            else:
                parts.append(f"[dim]{other.key} {other.title}[/]")
    return " ".join(parts)
