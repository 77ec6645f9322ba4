"""Layout: usable at 80x24 with panes switched by number; more side by side when larger."""

from __future__ import annotations

import pytest
from app_helpers import seeds_app, wait_loaded

PANES = ("#articles-pane", "#reader", "#actors-pane", "#calendar-pane", "#conflicts-pane")


def shown(app) -> set[str]:
    return {selector for selector in PANES if app.query_one(selector).display}


async def test_narrow_shows_the_list_and_one_pane():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        assert app.screen.has_class("-narrow")
        assert shown(app) == {"#articles-pane", "#reader"}
        for key, selector in (
            ("3", "#actors-pane"),
            ("4", "#calendar-pane"),
            ("5", "#conflicts-pane"),
            ("2", "#reader"),
        ):
            await pilot.press(key)
            assert shown(app) == {"#articles-pane", selector}
        # Tab walks every pane in turn and back to the list.
        await pilot.press("1")
        visited = []
        for _ in range(6):
            await pilot.press("tab")
            visited.append(app.focused.id)
        assert visited == [
            "reader",
            "actor-table",
            "month-grid",
            "agenda",
            "conflicts-pane",
            "article-table",
        ]
        await pilot.press("shift+tab")
        assert app.focused.id == "conflicts-pane"
        # Every pane fits: nothing is squeezed to nothing.
        for selector in shown(app):
            region = app.query_one(selector).region
            assert region.width >= 78 and region.height >= 8


@pytest.mark.parametrize(
    ("size", "layout", "count"), [((120, 40), "-wide", 4), ((180, 50), "-xwide", 5)]
)
async def test_larger_terminals_show_more_panes(size, layout, count):
    app = seeds_app()
    async with app.run_test(size=size) as pilot:
        await wait_loaded(pilot)
        assert app.screen.has_class(layout)
        assert len(shown(app)) == count
        await pilot.press("5")
        assert "#conflicts-pane" in shown(app) and "#reader" in shown(app)
        assert len(shown(app)) == count


async def test_resizing_switches_layout_and_keeps_focus_visible():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("3")
        assert app.screen.has_class("-wide")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.has_class("-narrow") and not app.screen.has_class("-wide")
        assert app.focused is not None and app.focused.region.area > 0
        # A resize to the size the screen has is not laid out again; a real one still is.
        from textual.geometry import Size

        from tui.screens import DashboardScreen

        layouts = []
        original = DashboardScreen._refresh_layout
        app.screen._refresh_layout = lambda *a, **k: (
            layouts.append(1),
            original(app.screen, *a, **k),
        )
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert layouts == []
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert layouts and app.screen.size == Size(100, 30)
        assert app.query_one("#panes").region.width == 100


async def test_a_deferred_pane_removed_before_it_is_built_builds_quietly():
    # Quitting right after the first paint removes the panes while their contents are still
    # to be built: building one then must not look for contents that were never mounted.
    from textual.app import App

    from tui.widgets import CalendarPane

    class Host(App[None]):
        def compose(self):
            yield CalendarPane(deferred=True, id="calendar-pane")

    app = Host()
    async with app.run_test() as pilot:
        pane = app.query_one(CalendarPane)
        await pane.remove()
        await pane.build()  # raised NoMatches (MonthGrid) before
        await pilot.pause()
        assert pane.built and not pane.children
