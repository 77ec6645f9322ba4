"""The footer: the keys of the focused pane, the command palette's key at the right, clickable."""

from __future__ import annotations

from app_helpers import seeds_app, wait_loaded

from tui.screens import HelpScreen
from tui.widgets import KeyFooter


def footer_line(app) -> str:
    footer = app.query_one(KeyFooter)
    return footer.render().plain


async def test_the_footer_shows_the_keys_of_the_focused_pane():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        line = footer_line(app)
        assert line.startswith(" ⏎ Read  d Sort by date  / Search ")
        assert line.rstrip().endswith("▏^p Commands")
        assert len(line) == 80
        await pilot.press("4")
        await pilot.pause()
        line = footer_line(app)
        assert "Next month" in line and "Sort by date" not in line
        assert line.rstrip().endswith("▏^p Commands")


async def test_keys_that_do_nothing_now_stay_out_of_the_footer():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        assert "Clear filter" not in footer_line(app)
        await pilot.press("slash", *"antalya", "enter")
        await pilot.pause()
        assert "Clear filter" in footer_line(app)


async def test_a_click_on_a_key_presses_it():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        footer = app.query_one(KeyFooter)
        line = footer_line(app)
        column = line.index("Help")
        await pilot.click(KeyFooter, offset=(column, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert footer.render().plain  # still drawn under the help screen
