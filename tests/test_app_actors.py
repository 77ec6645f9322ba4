"""Actors: Marco Rubio with his roles; Enter filters the list to his articles; Esc clears."""

from __future__ import annotations

from app_helpers import seeds_app, wait_loaded

from tui.widgets import ActorsPane, ActorTable, ArticleTable, Reader


async def move_to_row(pilot, table, key: str) -> None:
    for _ in range(table.row_count):
        if table.current_name == key:
            return
        await pilot.press("j")
    assert table.current_name == key, f"{key} is not in the table"


async def test_marco_rubio_with_roles_and_filtering_the_list():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        await pilot.press("3")
        pane = app.query_one(ActorsPane)
        actors = app.query_one(ActorTable)
        assert pane.display and app.focused is actors
        # The first article's actors, then the whole corpus.
        assert not pane.corpus_scope
        names = actors.names
        assert "Marco Rubio" in names
        await pilot.press("a")
        assert pane.corpus_scope
        rubio = next(row for row in pane.rows if row.name == "Marco Rubio")
        roles = {role.casefold() for role in rubio.roles}
        assert "secretary of state" in roles
        assert rubio.kind == "person" and len(rubio.articles) >= 4
        assert actors.cell("Marco Rubio", "kind").plain == "person"

        await move_to_row(pilot, actors, "Marco Rubio")
        detail = str(app.query_one("#actor-detail").content)
        assert "Marco Rubio" in detail and "secretary of state" in detail.casefold()
        await pilot.press("enter")
        table = app.query_one(ArticleTable)
        listed = set(table.ids)
        assert screen.actor_filter == "Marco Rubio"
        assert listed == set(screen.view.articles_mentioning("Marco Rubio"))
        assert all("rubio" in screen.view.article(i).text.casefold() for i in listed)
        assert app.focused is table
        assert screen.status.actor_filter == "Marco Rubio"
        # His mentions stand out in the reader.
        assert app.query_one(Reader)._focus_actor == "Marco Rubio"

        await pilot.press("escape")
        assert screen.actor_filter is None
        assert table.row_count == 5


async def test_an_actor_of_one_article_filters_the_list_to_it():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_loaded(pilot)
        await pilot.press("3", "a")
        actors = app.query_one(ActorTable)
        await move_to_row(pilot, actors, "Christopher Landau")
        await pilot.press("enter")
        table = app.query_one(ArticleTable)
        assert table.ids == ["000_c83c6cd05dbd5e0f"]
        assert screen.status.shown == 1
        await pilot.press("escape")
        assert table.row_count == 5


async def test_kind_filter_cycles():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("3", "a", "t")
        pane = app.query_one(ActorsPane)
        assert pane.kind == "person"
        assert pane.rows and all(row.kind == "person" for row in pane.rows)
        for _ in range(4):
            await pilot.press("t")
        assert pane.kind is None
