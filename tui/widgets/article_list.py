"""The article list: one row per article, newest first, with read/star marks."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from ..core.models import Article
from .literal import literal_line

# The date column says how sure the date is: "~" inferred (dateline, text, corpus), "?" unknown.
INFERRED_MARK = "~"
UNKNOWN_MARK = "?"
UNREAD_MARK = "●"
STAR_MARK = "★"
# Below this width the outlet/author column narrows to leave room for titles.
COMPACT_WIDTH = 70
SOURCE_WIDTH = {False: 16, True: 10}


def date_cell(article: Article) -> Text:
    if not article.published:
        return Text(f"{'unknown':>10}{UNKNOWN_MARK}", style="dim")
    if article.published_basis == "metadata":
        return Text(f"{article.published} ")
    return Text.assemble(article.published, (INFERRED_MARK, "bold"))


def source_cell(article: Article, width: int = 16) -> Text:
    if article.outlet:
        return literal_line(article.outlet, limit=width)
    if article.authors:
        return literal_line(article.authors[0], style="italic", limit=width)
    return Text("—", style="dim")


def date_sort_key(article: Article, order: int, newest_first: bool) -> tuple:
    """Dated articles by date (newest or oldest first); undated ones after, in file order."""
    if not article.published:
        return (1, 0, order)
    ordinal = int(article.published.replace("-", "")[:8] or 0)
    return (0, -ordinal if newest_first else ordinal, order)


class ArticleTable(DataTable):
    """The corpus as a table; the row key is the article id."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Read", id="articles.open"),
        Binding("down,j", "cursor_down", "Next", show=False, id="articles.down"),
        Binding("up,k", "cursor_up", "Previous", show=False, id="articles.up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="articles.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="articles.page_up"),
        Binding("home,g", "scroll_top", "First article", show=False, id="articles.first"),
        Binding("end,G", "scroll_bottom", "Last article", show=False, id="articles.last"),
        Binding("d", "toggle_sort", "Sort by date", id="articles.sort"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.newest_first = True
        self._articles: list[Article] = []
        self._is_read: Callable[[str], bool] = lambda _id: False
        self._is_starred: Callable[[str], bool] = lambda _id: False
        self._compact = False

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        self.add_column(Text(" "), key="mark", width=2)
        self.add_column(self._date_label(), key="date", width=11)
        label = "Source" if self._compact else "Outlet/author"
        self.add_column(Text(label), key="source", width=SOURCE_WIDTH[self._compact])
        self.add_column(Text("Title"), key="title")

    def on_resize(self) -> None:
        compact = self.size.width < COMPACT_WIDTH
        if compact != self._compact:
            self._compact = compact
            keep = self.current_id
            self.clear(columns=True)
            self._add_columns()
            self._fill(keep)

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def mark_cell(self, article_id: str) -> Text:
        star = STAR_MARK if self._is_starred(article_id) else " "
        unread = " " if self._is_read(article_id) else UNREAD_MARK
        return Text.assemble((star, "bold"), (unread, "bold"))

    def show(
        self,
        articles: Iterable[Article],
        is_read: Callable[[str], bool],
        is_starred: Callable[[str], bool],
        keep: str | None = None,
    ) -> None:
        """Fill the table with `articles` (sorted by date) and put the cursor on `keep`."""
        self._articles = list(articles)
        self._is_read, self._is_starred = is_read, is_starred
        self._fill(keep)

    def _fill(self, keep: str | None) -> None:
        order = {a.id: i for i, a in enumerate(self._articles)}
        ordered = sorted(
            self._articles, key=lambda a: date_sort_key(a, order[a.id], self.newest_first)
        )
        with self.app.batch_update():
            self.clear()
            self.add_rows_with_keys(
                (
                    a.id,
                    (
                        self.mark_cell(a.id),
                        date_cell(a),
                        source_cell(a, SOURCE_WIDTH[self._compact]),
                        literal_line(a.title or a.id, style="" if self._is_read(a.id) else "bold"),
                    ),
                )
                for a in ordered
            )
            if keep is not None and keep in self.rows:
                self.move_cursor(row=self.get_row_index(keep), animate=False, scroll=True)

    def add_rows_with_keys(self, rows: Iterable[tuple[str, tuple]]) -> None:
        for key, cells in rows:
            self.add_row(*cells, key=key)

    def refresh_article(self, article: Article) -> None:
        """Redraw the marks and title weight of one row (after read/star changes)."""
        if article.id not in self.rows:
            return
        self.update_cell(article.id, "mark", self.mark_cell(article.id))
        weight = "" if self._is_read(article.id) else "bold"
        self.update_cell(article.id, "title", literal_line(article.title or article.id, weight))

    def _date_label(self) -> Text:
        return Text("Published" + ("↓" if self.newest_first else "↑"))

    def action_toggle_sort(self) -> None:
        """Newest first <-> oldest first (undated articles stay last)."""
        self.newest_first = not self.newest_first
        self.columns["date"].label = self._date_label()
        self._fill(self.current_id)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        if event.column_key == "date":
            event.stop()
            self.action_toggle_sort()
