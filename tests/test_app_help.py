"""Help (? and F1) lists every binding; the command palette reaches every action; the keymap of
config.yaml rebinds keys by binding id."""

from __future__ import annotations

from app_helpers import seeds_app, wait_loaded

from tui.app import NatoApp
from tui.core.config import load_config
from tui.screens import HelpScreen
from tui.screens.binding_catalog import catalog
from tui.widgets import (
    ActorsPane,
    ActorTable,
    Agenda,
    ArticleTable,
    CalendarPane,
    ConflictsPane,
    MonthGrid,
    Reader,
    SearchBar,
)

OUR_CLASSES = (
    NatoApp,
    ArticleTable,
    SearchBar,
    Reader,
    ActorsPane,
    ActorTable,
    CalendarPane,
    MonthGrid,
    Agenda,
    ConflictsPane,
    HelpScreen,
)


def our_bindings():
    from tui.screens import DashboardScreen, WarningsScreen

    for cls in (*OUR_CLASSES, DashboardScreen, WarningsScreen):
        yield from ((cls, b) for b in cls.__dict__.get("BINDINGS", []))


def test_every_binding_has_an_id_and_a_description():
    ids = []
    for cls, binding in our_bindings():
        assert binding.id, f"{cls.__name__}: {binding.key} has no id"
        assert binding.description, f"{cls.__name__}: {binding.key} has no description"
        ids.append(binding.id)
    assert len(ids) == len(set(ids)), "binding ids are unique"


async def test_help_lists_every_binding_and_closes():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = app.screen.plain_text
        from tui.screens import DashboardScreen

        for cls, binding in our_bindings():
            if cls in (HelpScreen,) or cls.__name__ == "WarningsScreen":
                continue
            assert binding.description in listed, f"{binding.id} is missing from help"
        for needle in ("q Quit", "/ Search", "r Reload", "^p Commands", "tab Next pane"):
            assert needle in listed, needle
        assert DashboardScreen
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_offers_every_action_and_runs_one():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_loaded(pilot)
        from tui.commands import DashboardCommands

        provider = DashboardCommands(screen)
        texts = [text for text, _help, _run in provider._commands()]
        for entry in catalog(screen):
            if entry.action != "command_palette":
                assert f"{entry.context}: {entry.description}" in texts
        assert any(t.startswith("Open article: Trump Sending Rubio") for t in texts)

        grid = app.query_one(MonthGrid)
        before = grid.month
        await pilot.press("ctrl+p")
        await pilot.press(*"Month grid: Next month")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert grid.month != before
        assert app.query_one(CalendarPane).display


async def test_keymap_in_config_rebinds_keys(tmp_path):
    config = tmp_path / "keys.yaml"
    config.write_text(
        "extends: shipped\nkeymap:\n  pane.calendar: c\n  help: h\n  quit: ctrl+x\n",
        encoding="utf-8",
    )
    loaded = load_config(config)
    assert loaded.config.keymap["pane.calendar"] == "c"
    app = NatoApp(loaded=loaded, data_dir=seeds_app().data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("c")
        assert app.query_one(CalendarPane).display
        assert app.focused is app.query_one(MonthGrid)
        await pilot.press("4")  # no longer bound
        await pilot.press("1", "h")
        assert isinstance(app.screen, HelpScreen)
        assert "c Calendar pane" in app.screen.plain_text
        await pilot.press("escape", "q")  # q is free now: nothing happens
        assert app.is_running
        await pilot.press("ctrl+x")
    assert not app.is_running
