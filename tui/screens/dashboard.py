"""The dashboard: five linked panes over one corpus, loaded in a worker."""

from __future__ import annotations

import contextlib
import gc
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.message import Message
from textual.widgets import Input
from textual.worker import Worker, WorkerState, get_current_worker

from ..widgets import (
    ActorsPane,
    Agenda,
    ArticlesPane,
    ArticleTable,
    CalendarPane,
    ConflictsPane,
    KeyFooter,
    Reader,
    SearchBar,
    Status,
    StatusLine,
)
from ..widgets.calendar import opening_day
from ..widgets.literal import literal_line
from .pane_layout import SHARED, layout_for, visible_panes
from .pane_navigation import PaneNavigation

if TYPE_CHECKING:
    from ..core.config import LoadedConfig
    from ..core.corpus_view import CorpusView
    from ..core.models import Source
    from ..core.state import ReadState

PROGRESS_INTERVAL = 0.1  # seconds between progress messages from the loading thread
# A corpus this small is linked before it is shown (a second or so); a larger one is listed
# first and links in the background, unless the cache holds the linked corpus.
LINK_BEFORE_SHOWING = 2_000
# Linking holds every claim in memory: above this many articles it would take minutes and
# gigabytes (bench/link.py, bench/memory.py), so the dashboard lists and reads such a corpus
# without corpus-wide actors, meetings and conflicts, and says so.
LINK_LIMIT = 30_000
SNAPSHOT_CHECK_DELAY = 2.0  # seconds the check of a list snapshot waits for it to be painted


class DashboardScreen(PaneNavigation):
    """Article list, reader, actors, calendar and conflicts; selecting in one updates the rest."""

    BINDINGS = [
        Binding("1", "show_pane('articles')", "Articles pane", show=False, id="pane.articles"),
        Binding("2", "show_pane('reader')", "Reader pane", show=False, id="pane.reader"),
        Binding("3", "show_pane('actors')", "Actors pane", show=False, id="pane.actors"),
        Binding("4", "show_pane('calendar')", "Calendar pane", show=False, id="pane.calendar"),
        Binding("5", "show_pane('conflicts')", "Conflicts pane", show=False, id="pane.conflicts"),
        Binding("tab", "cycle_focus(1)", "Next pane", show=False, id="pane.next"),
        Binding("shift+tab", "cycle_focus(-1)", "Previous pane", show=False, id="pane.previous"),
        Binding("slash", "search", "Search", id="search"),
        Binding("escape", "clear_filters", "Clear filter", id="clear_filter"),
        Binding("u", "toggle_read", "Read/unread", id="toggle_read"),
        Binding("s", "toggle_star", "Star", id="toggle_star"),
        Binding("w", "show_warnings", "Warnings", id="warnings"),
        Binding("r", "reload", "Reload", show=False, id="reload"),
    ]

    @dataclass
    class CorpusLoaded(Message):
        """The loading worker has the articles listed (`view.linked`: and linked)."""

        view: CorpusView
        seconds: float

    @dataclass
    class CorpusLinked(Message):
        """Actors, meetings and conflicts of a large corpus, linked after it was listed."""

        view: CorpusView
        seconds: float

    @dataclass
    class LinkSkipped(Message):
        """The corpus is too large to link in the dashboard."""

        articles: int

    class SnapshotConfirmed(Message):
        """The files are as the list snapshot said: nothing to change."""

    @dataclass
    class LoadProgress(Message):
        """`done` of `total` articles extracted."""

        done: int
        total: int

    def __init__(self, loaded: LoadedConfig, data_dir: Path, state: ReadState) -> None:
        super().__init__()
        self.loaded, self.data_dir, self.state = loaded, data_dir, state
        self.view: CorpusView | None = None
        self.selected: str | None = None
        self.actor_filter: str | None = None
        self.search_query = ""
        self.status = Status(loading=(0, 0), loading_message="Loading the corpus")
        self._first_load = True
        self._last_progress = 0.0
        self._footer_state: tuple[bool, bool, bool] | None = None
        self._painted = threading.Event()  # a corpus is on screen (for the snapshot check)
        self._resumed = False

    def compose(self) -> ComposeResult:
        # The layout class is set before the panes mount, so they are styled once.
        self.layout_name = layout_for(self.app.size.width, self.app.size.height)
        self.add_class(f"-{self.layout_name}")
        # Panes off screen at this size mount their contents after the first paint.
        visible = visible_panes(self.layout_name, self.shown)
        with Container(id="panes"):
            yield ArticlesPane(id="articles-pane", classes="pane")
            yield Reader(id="reader", classes="pane")
            yield ActorsPane(id="actors-pane", classes="pane", deferred="actors" not in visible)
            yield CalendarPane(
                id="calendar-pane", classes="pane", deferred="calendar" not in visible
            )
            yield ConflictsPane(id="conflicts-pane", classes="pane")
        yield StatusLine(id="status")
        yield KeyFooter(id="footer")

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Textual's own handler, which lays the screen out at the app's size.
        self.laid_out_at = self.app.size
        # The first time, every widget has just been styled as it mounted: restyling the whole
        # screen again would only cost start-up time.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    async def on_mount(self) -> None:
        self._apply_layout(self.app.size.width, self.app.size.height)
        self.query_one(ArticleTable).focus()
        # The list snapshot of the last session is a few milliseconds to open: shown before
        # the first paint, the screen is painted once, full, rather than empty and then again.
        from ..core.corpus_view import CorpusView

        shown = self._open_snapshot()
        if shown is None:
            self._show_status()
        else:
            await self._show_view(CorpusView.build(shown), 0.0)
        self.load_corpus(shown)

    def _open_snapshot(self):
        """The store as the list snapshot of the last session has it, or None."""
        from ..core.store import Store

        if not self._first_load:
            return None
        shown = Store.from_snapshot([self.data_dir], self.loaded)
        if shown is not None and len(shown):
            try:
                self._read_first_article(shown)
            except Exception:  # noqa: BLE001 - a cache that fails here: the worker loads as usual
                shown.close()
                return None
        return shown

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that do nothing right now stay out of the footer."""
        if action == "clear_filters":
            return bool(self.actor_filter or self.search_query.strip())
        if action == "show_warnings":
            return bool(self.status.load_warnings or self.status.article_warnings)
        if action in ("toggle_read", "toggle_star"):
            return self.selected is not None
        return True

    # --- loading ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="corpus", exit_on_error=False)
    def load_corpus(self, shown=None) -> None:
        """Open the corpus off the UI thread: the list first, then (when the cache does not
        hold it already) actors, meetings and conflicts.

        `shown`: the store of the list snapshot on screen (the first load); the files are
        checked against it once it is painted, and the list is replaced if they changed.
        """
        from ..core.store import Store

        started = time.perf_counter()
        worker = get_current_worker()
        paths = [self.data_dir]
        if shown is not None:
            # The check competes with the first paint for the interpreter: let it paint.
            self._painted.wait(SNAPSHOT_CHECK_DELAY)
            # The list decoded so far is what is on screen; the rest now, before the scan
            # of the files (a damaged snapshot: the check builds the list again).
            with contextlib.suppress(Exception):
                shown.materialise()
        # Checking a snapshot, `open` returns it itself when the files are as it lists them.
        store = Store.open(
            paths, self.loaded, on_progress=self._progress, link=False, expected=shown
        )
        if worker.is_cancelled:
            if store is not shown:
                store.close()
            return
        if shown is not None and store is shown:
            shown.from_snapshot = False
            self.post_message(self.SnapshotConfirmed())
            self._link_later(shown, started)
            return
        self._show_store(store, started)

    def _show_store(self, store, started: float, link: bool = True) -> None:
        """Post the store listed (and linked, if that is quick), then link it (`link`)."""
        from ..core.corpus_view import CorpusView

        if len(store) <= LINK_BEFORE_SHOWING:
            store.link()  # a second at most: shown complete at once
        if self._first_load and len(store):
            # Off the UI thread (the first read also sets up the decoding of extractions).
            self._read_first_article(store)
        self.post_message(self.CorpusLoaded(CorpusView.build(store), time.perf_counter() - started))
        if link:
            self._link_later(store, started)

    def _read_first_article(self, store) -> None:
        """Read the article the reader opens on; the store keeps it for the UI."""
        last = self.state.last_article
        store.extraction(last if last in store else store.newest_first()[0])

    def _link_later(self, store, started: float) -> None:
        """Link in a daemon thread: quitting never waits for it (an interrupted write of the
        linked corpus is rolled back by SQLite)."""
        from ..core.corpus_view import CorpusView

        if store.linked or get_current_worker().is_cancelled:
            return
        if len(store) > LINK_LIMIT:
            self.post_message(self.LinkSkipped(len(store)))
            return

        def link() -> None:
            try:
                store.link()
            except Exception as error:  # shown, not raised: the list and reader still work
                self.app.call_from_thread(
                    self.notify, f"Linking failed: {error}", severity="error", markup=False
                )
                return
            view = CorpusView.build(store)
            self.post_message(self.CorpusLinked(view, time.perf_counter() - started))

        threading.Thread(target=link, name="natotui-link", daemon=True).start()

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self.post_message(self.LoadProgress(done, total))

    def on_dashboard_screen_load_progress(self, message: LoadProgress) -> None:
        self.status.loading = (message.done, message.total)
        self._show_status()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "corpus" or event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        self.status.loading = None
        self.status.error = f"{type(error).__name__}: {error}"
        self._show_status()
        if self.view is None:
            self.query_one(Reader).show_placeholder(f"Could not load {self.data_dir}: {error}")
        self.notify(str(error), title="Loading failed", severity="error", markup=False)

    async def on_dashboard_screen_corpus_loaded(self, message: CorpusLoaded) -> None:
        await self._show_view(message.view, message.seconds)

    async def _show_view(self, view: CorpusView, seconds: float) -> None:
        """Fill every pane from `view` (a new corpus, or the same one reloaded)."""
        previous = self.view
        self.view = view
        if previous is not None and previous.source is not view.source:
            previous.source.close()
        self.log.info(f"corpus of {len(view.articles)} articles loaded in {seconds:.2f}s")
        checking = getattr(view.source, "from_snapshot", False)
        self.status.loading = None if view.linked and not checking else (0, 0)
        self.status.loading_message = (
            "Checking the files" if checking else "Linking actors, meetings and conflicts"
        )
        self.status.error = None
        self.status.articles = len(view.articles)
        self.status.load_warnings = len(view.warnings)
        self.status.article_warnings = view.article_warning_count()
        table = self.query_one(ArticleTable)
        newest_first = getattr(view.source, "newest_first", None)
        table.set_articles(
            view.articles,
            self.state.is_read,
            self.state.is_starred,
            newest_first() if newest_first else None,
        )
        keep = self.selected
        if self._first_load:
            keep = self.state.last_article
            if self.state.problem:
                self.notify(self.state.problem, severity="warning", markup=False)
        if self.actor_filter and self.actor_filter not in view.actor_articles:
            self.actor_filter = None
        calendar = self.query_one(CalendarPane)
        start = opening_day(view.calendar, view.article_dates()) if self._first_load else None
        calendar.set_index(view.calendar, self._describe_article, start)
        self.selected = None
        self._apply_filters(keep=keep)
        if not view.articles:
            self.query_one(Reader).show_placeholder(
                f"No articles in {self.data_dir}. Add .txt or .md files and press r."
            )
        self._first_load = False
        self._show_status()
        # The keys of the footer change with the corpus (u, s, w): in the same paint.
        await self.query_one(KeyFooter).update_keys()
        self.call_after_refresh(self._corpus_painted)

    def _corpus_painted(self) -> None:
        """The corpus is on screen: the list, and the selected article in every pane (a large
        corpus may still be linking its actors, meetings and conflicts; the status line says
        so). What was put off until then runs now."""
        # Frozen first: with collection back on, the start-up's objects are not walked.
        _freeze_heap()
        self.app.corpus_shown()  # type: ignore[attr-defined]
        self._painted.set()
        self.call_later(self.build_panes)

    def on_dashboard_screen_link_skipped(self, message: LinkSkipped) -> None:
        self.status.loading = None
        self._show_status()
        self.notify(
            f"{message.articles:,} articles: actors, meetings and conflicts are linked for up"
            f" to {LINK_LIMIT:,}. The list, search and reader work as usual.",
            title="Corpus not linked",
            severity="warning",
            timeout=10,
        )

    def on_dashboard_screen_snapshot_confirmed(self) -> None:
        if self.view is not None and self.view.linked:
            self.status.loading = None
        self._show_status()
        self.call_after_refresh(_freeze_heap)  # the whole list is decoded by now

    def on_dashboard_screen_corpus_linked(self, message: CorpusLinked) -> None:
        """The same articles, now with actors, meetings and conflicts: refresh those panes."""
        if self.view is None or message.view.source is not self.view.source:
            return
        view = self.view = message.view
        self.log.info(f"corpus linked in {message.seconds:.2f}s")
        self.status.loading = None
        if self.actor_filter and self.actor_filter not in view.actor_articles:
            self.actor_filter = None
        start = opening_day(view.calendar, view.article_dates())
        self.query_one(CalendarPane).set_index(view.calendar, self._describe_article, start)
        self._update_article_panes(self.selected)
        self._show_status()
        self.call_after_refresh(_freeze_heap)

    def action_reload(self) -> None:
        self.status.loading = (0, 0)
        self.status.loading_message = "Reloading"
        self.status.error = None
        self._show_status()
        self.load_corpus()

    # --- selection --------------------------------------------------------------------------

    def _allowed_articles(self) -> set[str] | None:
        """The ids the filters let through; None when nothing is filtered."""
        assert self.view is not None
        allowed: set[str] | None = None
        if self.actor_filter:
            allowed = set(self.view.articles_mentioning(self.actor_filter))
        query = self.search_query.strip()
        if query:
            # Full-text search (FTS5 in the cache); the word being typed counts as a prefix.
            found = self.view.source.matching_ids(query, live=True)
            allowed = found if allowed is None else allowed & found
        return allowed

    def _apply_filters(self, keep: str | None = None) -> None:
        """Refill the list from the filters; keep the cursor on `keep` when it is still there."""
        if self.view is None:
            return
        table = self.query_one(ArticleTable)
        table.show(self._allowed_articles(), keep=keep)
        shown = table.row_count
        self.status.shown = shown
        self.status.actor_filter = self.actor_filter
        self.status.search = self.search_query.strip() or None
        self._show_filter_line(shown)
        current = table.current_id
        if current is None:
            self.selected = None
            reason = "the search" if self.search_query.strip() else "the filter"
            if self.view.articles:
                self.query_one(Reader).show_placeholder(
                    f"No article matches {reason}. Esc clears it."
                )
            self._update_article_panes(None)
        else:
            self.select_article(current)
        self._update_counts()
        # The footer shows Esc only while a filter is on (see check_action); redrawing the
        # footer is not free, so only when that changes.
        footer_state = (
            bool(self.actor_filter or self.search_query.strip()),
            bool(self.status.load_warnings or self.status.article_warnings),
            self.selected is not None,
        )
        if footer_state != self._footer_state:
            self._footer_state = footer_state
            self.refresh_bindings()

    def _show_filter_line(self, count: int) -> None:
        parts = []
        if self.actor_filter:
            parts.append(Text.assemble("mentioning ", literal_line(self.actor_filter, "bold")))
        if self.search_query.strip():
            parts.append(Text.assemble("matching ", literal_line(self.search_query, "bold")))
        if not parts:
            self.query_one(ArticlesPane).show_filter(None)
            return
        line = Text(f"{count} article{'s' if count != 1 else ''} ")
        line.append_text(Text(" and ").join(parts))
        line.append("  Esc: clear", style="dim")
        self.query_one(ArticlesPane).show_filter(line)

    def select_article(self, article_id: str | None, force: bool = False) -> None:
        """Make `article_id` the article the reader, actors, calendar and conflicts are about."""
        if self.view is None or (article_id == self.selected and not force):
            return
        self.selected = article_id
        article = self.view.article(article_id)
        self.state.set_last_article(article_id)
        if article is not None:
            self.query_one(Reader).show_article(
                article,
                self.view.extraction(article.id),
                query=self.search_query.strip(),
                focus_actor=self.actor_filter,
            )
        self._update_article_panes(article.id if article is not None else None)
        if article is not None:
            self.call_after_refresh(self._read_ahead, article.id)

    def _read_ahead(self, article_id: str) -> None:
        """Once the selection is painted, read the articles above and below it from the store
        and lay them out in the reader, so that the next move in the list waits for neither
        (about 1 ms each at 100k)."""
        if self.view is None or article_id != self.selected:
            return  # the selection moved on meanwhile: its own read-ahead will follow
        reader = self.query_one(Reader)
        for neighbour in self.query_one(ArticleTable).neighbours(article_id):
            article = self.view.article(neighbour)
            if article is not None:
                reader.prepare(article, self.view.extraction(neighbour))

    def _update_article_panes(self, article_id: str | None) -> None:
        assert self.view is not None
        view = self.view
        self.query_one(ActorsPane).set_rows(
            view.article_actors(article_id) if article_id else [], view.corpus_actors
        )
        self.query_one(ConflictsPane).set_conflicts(
            view.conflicts(article_id) if article_id else [], view.conflicts(), view.summary
        )
        self.query_one(CalendarPane).set_article_meetings(view.meeting_ids_of(article_id))

    def open_article(self, article_id: str, target: tuple[int, int] | None = None) -> None:
        """Show an article in the reader (at `target` when given), focus the reader."""
        if self.view is None or self.view.article(article_id) is None:
            self.notify(
                f"Article {article_id} is not in the corpus", severity="warning", markup=False
            )
            return
        self.query_one(ArticleTable).move_to(article_id)
        self.select_article(article_id)
        if target is not None:
            reader = self.query_one(Reader)
            article = self.view.article(article_id)
            reader.show_article(
                article,
                self.view.extraction(article_id),
                target=target,
                query=self.search_query.strip(),
                focus_actor=self.actor_filter,
            )
        self.show_pane("reader")
        self._mark_read(article_id)

    def _describe_article(self, article_id: str) -> Text:
        article = self.view.summary(article_id) if self.view else None
        if article is None:
            return literal_line(article_id)
        text = literal_line(article.title or article.id, "bold", limit=48)
        date = article.published or "date unknown"
        text.append(f" · {date}", style="dim")
        return text

    @on(ArticleTable.Highlighted, "#article-table")
    def _article_highlighted(self, event: ArticleTable.Highlighted) -> None:
        if event.article_id is not None:
            self.select_article(event.article_id)

    @on(ArticleTable.Chosen, "#article-table")
    def _article_chosen(self, event: ArticleTable.Chosen) -> None:
        self.open_article(event.article_id)

    @on(ActorsPane.Chosen)
    def _actor_chosen(self, message: ActorsPane.Chosen) -> None:
        self.actor_filter = message.name
        self._apply_filters(keep=self.selected)
        self.show_pane("articles")

    @on(ActorsPane.Highlighted)
    def _actor_highlighted(self, message: ActorsPane.Highlighted) -> None:
        if self.focused is not None and self.focused.id == "actor-table":
            self.query_one(Reader).set_focus_actor(message.name or self.actor_filter)

    @on(Agenda.SourceChosen)
    def _source_chosen(self, message: Agenda.SourceChosen) -> None:
        self._open_source(message.source)

    @on(ConflictsPane.JumpRequested)
    def _conflict_jump(self, message: ConflictsPane.JumpRequested) -> None:
        side = message.side
        self.open_article(
            side.article, self._sentence_span(side.article, side.start, side.end, side.sentence)
        )

    def _open_source(self, source: Source) -> None:
        self.open_article(
            source.article,
            self._sentence_span(source.article, source.start, source.end, source.sentence),
        )

    def _sentence_span(
        self, article_id: str, start: int, end: int, sentence: str
    ) -> tuple[int, int]:
        """The sentence's offsets; found by its text when the offsets do not hold it."""
        article = self.view.article(article_id) if self.view else None
        if article is None or article.text[start:end] == sentence or not sentence:
            return (start, end)
        found = article.text.find(sentence)
        return (found, found + len(sentence)) if found >= 0 else (start, end)

    # --- search and filters -----------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one(SearchBar)
        search.display = True
        if "reader" in SHARED[self.layout_name]:
            self.shown = "reader"  # matches are highlighted in the reader
        self._focus_then_show(search)

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.search_query = event.value
        self._apply_filters(keep=self.selected)
        self.query_one(Reader).set_query(self.search_query.strip())

    @on(SearchBar.Done)
    def _search_done(self) -> None:
        self.query_one(ArticleTable).focus()

    @on(SearchBar.Cancelled)
    def _search_cancelled(self) -> None:
        self._close_search()
        self._apply_filters(keep=self.selected)
        self.query_one(Reader).set_query("")
        self.query_one(ArticleTable).focus()

    def _close_search(self) -> None:
        search = self.query_one(SearchBar)
        self.search_query = ""
        if search.value:
            with search.prevent(Input.Changed):
                search.value = ""
        search.display = False

    def action_clear_filters(self) -> None:
        if (
            not self.actor_filter
            and not self.search_query
            and not self.query_one(SearchBar).display
        ):
            return
        self.actor_filter = None
        self._close_search()
        self._apply_filters(keep=self.selected)
        reader = self.query_one(Reader)
        reader.set_focus_actor(None)
        reader.set_query("")

    # --- read and star ----------------------------------------------------------------------

    def _mark_read(self, article_id: str) -> None:
        if self.state.set_read(article_id, True):
            self._refresh_row(article_id)

    def _refresh_row(self, article_id: str) -> None:
        self.query_one(ArticleTable).refresh_article(article_id)
        self._update_counts()

    def action_toggle_read(self) -> None:
        if self.selected:
            read = self.state.toggle_read(self.selected)
            self._refresh_row(self.selected)
            self.notify("Marked read" if read else "Marked unread", timeout=1.5)

    def action_toggle_star(self) -> None:
        if self.selected:
            starred = self.state.toggle_star(self.selected)
            self._refresh_row(self.selected)
            self.notify("Starred" if starred else "Star removed", timeout=1.5)

    def _update_counts(self) -> None:
        if self.view is not None:
            # Counted from the marks (a few) rather than the articles (maybe 100,000).
            ids = self.view.articles
            self.status.unread = len(ids) - sum(1 for i in self.state.read if i in ids)
            self.status.starred = sum(1 for i in self.state.starred if i in ids)
        self._show_status()

    def _show_status(self) -> None:
        self.query_one(StatusLine).show(self.status)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        if isinstance(widget, Reader) and widget.article is not None:
            self._mark_read(widget.article.id)
        if widget.id != "actor-table":
            self.query_one(Reader).set_focus_actor(self.actor_filter)
        else:
            self.query_one(Reader).set_focus_actor(self.query_one(ActorsPane).table.current_name)

    # --- other screens ----------------------------------------------------------------------

    def action_show_warnings(self) -> None:
        from .load_warnings import WarningsScreen

        view = self.view
        self.app.push_screen(
            WarningsScreen(
                view.warnings if view else [],
                [(a.id, a.title or a.id, w) for a in view.articles.values() for w in a.warnings]
                if view
                else [],
            ),
            self._warning_chosen,
        )

    def _warning_chosen(self, article_id: str | None) -> None:
        if article_id:
            self.open_article(article_id)


def _freeze_heap() -> None:
    """Keep the corpus out of Python's cyclic garbage collection.

    A large corpus is millions of long-lived objects; a full collection walks them all (about
    150 ms at 100,000 articles), and the objects each key press makes trigger one every dozen
    presses or so. Frozen, they are still freed as usual when nothing refers to them.
    """
    gc.freeze()
