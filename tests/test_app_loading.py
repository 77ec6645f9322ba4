"""Loading: the screen appears before the corpus, load warnings are counted and listed, `r`
reloads."""

from __future__ import annotations

from app_helpers import seeds_app, wait_loaded, write_corpus

from tui.screens import WarningsScreen
from tui.screens.dashboard import DashboardScreen
from tui.widgets import ArticleTable, Reader, StatusLine
from tui.widgets.status_line import Status, progress_bar, status_text

GOOD = "A title\n\nBrussels, Belgium — April 3, 2025\n\nNATO ministers met in Brussels.\n"


async def test_load_warnings_are_counted_and_listed(tmp_path):
    data = write_corpus(
        tmp_path / "corpus",
        {
            "good.txt": GOOD,
            "empty.txt": "",
            "binary.txt": b"\x00\x01\x02binary\x00",
            "latin.txt": "Caf\xe9 in Brussels, NATO talks.\n\nMore text here.\n".encode("latin-1"),
        },
    )
    app = seeds_app(data=data)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        assert app.query_one(ArticleTable).row_count == 2
        assert screen.status.load_warnings == 2
        assert screen.status.article_warnings == 1  # decoded as ... (not UTF-8)
        line = str(app.query_one(StatusLine).content)
        assert "⚠ 3 warnings (w)" in line
        await pilot.press("w")
        assert isinstance(app.screen, WarningsScreen)
        assert any("empty.txt" in w for w in app.screen.load_warnings)
        assert any("binary.txt" in w for w in app.screen.load_warnings)
        assert [w[0] for w in app.screen.article_warnings] == ["latin"]
        # Enter on the article's warning opens it.
        await pilot.press("end", "enter")
        assert not isinstance(app.screen, WarningsScreen)
        assert app.query_one(Reader).article.id == "latin"


async def test_reload_picks_up_new_files_and_keeps_the_selection(tmp_path):
    data = write_corpus(
        tmp_path / "corpus", {"one.txt": GOOD, "two.txt": GOOD.replace("A title", "B title")}
    )
    app = seeds_app(data=data)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        await pilot.press("j")
        selected = screen.selected
        before = screen.view
        write_corpus(data, {"three.txt": GOOD.replace("A title", "C title")})
        await pilot.press("r")
        await wait_loaded(pilot, previous=before)
        assert app.query_one(ArticleTable).row_count == 3
        assert screen.selected == selected


async def test_the_screen_is_up_before_the_corpus(tmp_path, monkeypatch):
    import threading

    from tui.core.store import Store

    release = threading.Event()
    real = Store.open

    def slow(*args, **kwargs):
        kwargs["on_progress"](1, 3)
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(Store, "open", slow)
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):  # the loading worker reports progress as soon as it runs
            await pilot.pause(0.05)
            screen = app.screen
            if isinstance(screen, DashboardScreen) and screen.status.loading == (1, 3):
                break
        assert isinstance(screen, DashboardScreen) and screen.view is None
        assert "Loading" in app.query_one(Reader).plain_text
        assert screen.status.loading == (1, 3)
        assert "1/3 articles" in str(app.query_one(StatusLine).content)
        release.set()
        await wait_loaded(pilot)
        assert app.query_one(ArticleTable).row_count == 5


def test_progress_bar_and_status_text():
    assert progress_bar(0, 10) == "▱" * 12
    assert progress_bar(10, 10) == "▰" * 12
    status = Status(articles=5, shown=5, unread=2, starred=1, load_warnings=1)
    assert "5 articles · 2 unread · 1★ · ⚠ 1 warning (w)" in status_text(status).plain
    status.error = "boom [red]"
    assert status_text(status).plain.startswith("Load failed: boom [red]")


async def test_the_next_launch_shows_the_last_list_then_the_files_as_they_are(tmp_path):
    import asyncio

    data = write_corpus(
        tmp_path / "corpus", {"one.txt": GOOD, "two.txt": GOOD.replace("A title", "B title")}
    )
    async with seeds_app(data=data).run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
    # Unchanged files: the snapshot is shown and confirmed; nothing is replaced.
    app = seeds_app(data=data)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        first = screen.view
        for _ in range(200):
            if not first.source.from_snapshot:
                break
            await asyncio.sleep(0.05)
        await pilot.pause()
        assert first.source.extracted == -1  # it was opened from the snapshot...
        assert not first.source.from_snapshot and screen.view is first  # ...and confirmed
        assert screen.status.loading is None
    # A file edited and one added between two launches: the list catches up by itself.
    write_corpus(data, {"two.txt": GOOD.replace("A title", "B title, edited")})
    write_corpus(data, {"three.txt": GOOD.replace("A title", "C title")})
    app = seeds_app(data=data)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        for _ in range(200):
            if screen.view.articles.keys() >= {"one", "two", "three"}:
                break
            await asyncio.sleep(0.05)
        await pilot.pause()
        table = app.query_one(ArticleTable)
        assert table.row_count == 3
        assert table.cells("two")["title"].plain.startswith("B title, edited")
        assert screen.status.loading is None


async def test_a_snapshot_whose_first_article_cannot_be_read_loads_as_usual(monkeypatch):
    # The list snapshot is opened before the first paint; a cache that fails to give the first
    # article then must not stop the dashboard: the loading worker opens the corpus as usual.
    from tui.core.store import Store

    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)  # writes the snapshot
    calls = []
    original = Store.extraction

    def failing(self, article_id):
        if getattr(self, "from_snapshot", False) and not calls:
            calls.append(article_id)
            raise OSError("disk gone")
        return original(self, article_id)

    monkeypatch.setattr(Store, "extraction", failing)
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        assert calls and len(screen.view.articles) == 5


async def test_garbage_collection_is_on_at_the_key_press_threshold_once_shown():
    import gc

    from tui.app import YOUNG_OBJECTS

    gc.set_threshold(700, 10, 10)
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_threshold() == (YOUNG_OBJECTS, 10, 10)
