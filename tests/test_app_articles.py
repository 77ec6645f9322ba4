"""Article list: moving through the five seeds, reading each, read/star marks, sort, restore."""

from __future__ import annotations

import json

from app_helpers import dashboard, seeds_app, wait_loaded

from tui.core.state import default_state_path
from tui.widgets import ArticleTable, Reader
from tui.widgets.article_list import INFERRED_MARK, STAR_MARK, UNKNOWN_MARK, UNREAD_MARK

SEED_TITLES = {
    "000_c83c6cd05dbd5e0f": "Rubio Declines NATO Meeting During Critical Ukrainian Aid Discussions",
    "001_9a710b5906e88b3e": "Rubio, NATO Allies Express ‘Overwhelming’ Support for Ukraine",
    "002_be7ed0f8fad02e0f": "Secretary of State Marco Rubio Meets with NATO Secretary General",
    "003_2554c36447359ec9": "Trump Sending Rubio to Turkey For Informal NATO Talks",
    "004_26966cb500e5a3b7": "NATO chief diplomats meet in Brussels, Rubio confronts allies",
}


async def test_move_through_the_five_articles_and_read_each():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        table = app.query_one(ArticleTable)
        reader = app.query_one(Reader)
        assert table.row_count == 5
        assert app.focused is table
        seen = []
        for step in range(5):
            if step:
                await pilot.press("j")
            assert reader.article is not None
            assert reader.article.id == table.current_id == screen.selected
            assert SEED_TITLES[reader.article.id] in reader.plain_text
            seen.append(reader.article.id)
        assert sorted(seen) == sorted(SEED_TITLES)
        # k goes back up, the down arrow forward again.
        await pilot.press("k")
        assert reader.article.id == seen[3]
        await pilot.press("down")
        assert reader.article.id == seen[4]
        # Enter opens the article in the reader: the reader pane shows, takes focus, and the
        # article is marked read.
        await pilot.press("enter")
        assert app.focused is reader
        assert reader.display
        assert app.query_one("#actors-pane").display is False
        assert screen.state.is_read(seen[4])
        # Reading scrolls.
        await pilot.press("space")
        assert reader.scroll_y > 0


async def test_dates_carry_marks_for_inferred_and_unknown():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        table = app.query_one(ArticleTable)
        date_of = {i: table.cells(i)["date"].plain for i in table.ids}
        # 000 and 002 give their date in a dateline (inferred), the others do not say.
        assert date_of["000_c83c6cd05dbd5e0f"] == "2025-11-28" + INFERRED_MARK
        assert date_of["002_be7ed0f8fad02e0f"] == "2025-04-03" + INFERRED_MARK
        assert date_of["003_2554c36447359ec9"].strip().endswith(UNKNOWN_MARK)
        # The reader states the basis.
        reader = app.query_one(Reader)
        assert "from the dateline" in reader.plain_text


async def test_sort_by_date_puts_undated_last():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        table = app.query_one(ArticleTable)
        order = table.ids
        assert order[:2] == ["000_c83c6cd05dbd5e0f", "002_be7ed0f8fad02e0f"]  # newest first
        await pilot.press("d")
        order = table.ids
        assert order[:2] == ["002_be7ed0f8fad02e0f", "000_c83c6cd05dbd5e0f"]  # oldest first
        assert set(order[2:]) == {
            "001_9a710b5906e88b3e",
            "003_2554c36447359ec9",
            "004_26966cb500e5a3b7",
        }


async def test_read_and_star_are_saved_and_the_last_article_comes_back():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        table = app.query_one(ArticleTable)
        await pilot.press("j", "j")
        chosen = table.current_id
        assert table.cells(chosen)["mark"].plain == " " + UNREAD_MARK
        await pilot.press("s")  # star
        await pilot.press("u")  # mark read
        assert table.cells(chosen)["mark"].plain == STAR_MARK + " "
        assert screen.status.unread == 4 and screen.status.starred == 1
        await pilot.press("u")  # and unread again, then read by opening it
        await pilot.press("enter")
        assert screen.state.is_read(chosen)
    saved = json.loads(default_state_path().read_text(encoding="utf-8"))
    (entry,) = saved["corpora"].values()
    assert entry["starred"] == [chosen] and entry["read"] == [chosen]
    assert entry["last_article"] == chosen
    # No temporary files are left behind by the atomic writes.
    assert [p.name for p in default_state_path().parent.iterdir()] == ["state.json"]

    again = seeds_app()
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        table = again.query_one(ArticleTable)
        assert table.current_id == chosen
        assert again.query_one(Reader).article.id == chosen
        assert table.cells(chosen)["mark"].plain == STAR_MARK + " "
        assert dashboard(again).status.unread == 4


async def test_the_last_selected_article_is_restored_after_quitting():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        await pilot.press("j", "j", "j")
        chosen = screen.selected
        await pilot.press("q")
    assert not app.is_running
    again = seeds_app()
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        assert screen.selected == chosen
        assert again.query_one(ArticleTable).current_id == chosen


async def test_the_next_article_is_read_ahead_from_the_store():
    # Once a selection is painted, the articles above and below it are read from the store and
    # laid out: the next move in the list waits for neither.
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        store = screen.view.source
        reads: list[str] = []
        read = store._read
        store._recent.clear()

        def counted(summary, row):
            reads.append(summary.id)
            return read(summary, row)

        store._read = counted
        table = app.query_one(ArticleTable)
        await pilot.press("down")
        await pilot.pause()
        selected = screen.selected
        assert selected == table.ids[1]
        assert set(reads) == {table.ids[0], table.ids[1], table.ids[2]}
        reads.clear()
        import tui.widgets.reader as reader_module

        built: list[str] = []
        build = reader_module.build_document
        reader_module.build_document = lambda article, *a, **k: (
            built.append(article.id) or build(article, *a, **k)
        )
        try:
            await pilot.press("down")
            await pilot.pause()
        finally:
            reader_module.build_document = build
        assert screen.selected == table.ids[2]
        assert table.ids[2] not in reads  # it was read ahead
        # ... and laid out ahead: shown without building its document, the same text.
        assert table.ids[2] not in built and built
        reader = app.query_one(Reader)
        expected = build(
            screen.view.article(table.ids[2]),
            screen.view.extraction(table.ids[2]),
            reader._styles(),
        )
        assert reader.article.id == table.ids[2]
        assert reader.plain_text == expected.text.plain
        assert reader._document.text.spans == expected.text.spans
