"""Search: `/` filters the list by title and text; matches are marked in the reader."""

from __future__ import annotations

from app_helpers import seeds_app, wait_loaded

from tui.widgets import ArticleTable, Reader, SearchBar


async def test_search_antalya_finds_the_turkey_article():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        await pilot.press("slash")
        search = app.query_one(SearchBar)
        assert search.display and app.focused is search
        await pilot.press(*"Antalya")
        table = app.query_one(ArticleTable)
        assert table.ids == ["003_2554c36447359ec9"]
        assert screen.status.search == "Antalya" and screen.status.shown == 1
        reader = app.query_one(Reader)
        assert reader.display  # the reader shows below the list, matches marked
        assert reader.article.id == "003_2554c36447359ec9"
        match = reader.get_component_rich_style("reader--match", partial=True)
        marked = [s for s in reader._document.text.spans if s.style == match]
        assert marked and all(
            reader._document.text.plain[s.start : s.end].casefold() == "antalya" for s in marked
        )
        # Enter goes to the list; Enter again reads the article.
        await pilot.press("enter")
        assert app.focused is table
        await pilot.press("enter")
        assert app.focused is reader
        # Esc (from anywhere) clears the search.
        await pilot.press("escape")
        assert table.row_count == 5 and not search.display and screen.search_query == ""


async def test_a_search_with_no_match_says_so_and_esc_in_the_field_clears_it():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"zzzqqq")
        table = app.query_one(ArticleTable)
        assert table.row_count == 0
        assert "No article matches the search" in app.query_one(Reader).plain_text
        await pilot.press("escape")
        assert table.row_count == 5
        assert app.focused is table
