"""Pane 2: the reader, a line-API view of one article that can scroll to any character offset."""

from __future__ import annotations

from bisect import bisect_right

from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..core.models import Article, ArticleExtraction
from .article_document import Document, ReaderStyles, build_document
from .fixed_viewport import FixedViewport
from .quick_scrollbar import QuickScrollbars
from .span_lines import SpanLines
from .text_wrap import line_spans

HIGHLIGHTS = (
    "title", "label", "basis", "warning", "person", "organization", "country", "place",
    "date", "date-unresolved", "actor-focus", "match", "target",
)  # fmt: skip


PREPARED = 4  # articles laid out ahead of being shown


class Reader(QuickScrollbars, FixedViewport, ScrollView, can_focus=True):
    """Shows an article with its metadata; only the lines on screen are rendered."""

    COMPONENT_CLASSES = {f"reader--{name}" for name in HIGHLIGHTS}

    BINDINGS = [
        Binding("down,j", "scroll_down", "Scroll down", show=False, id="reader.down"),
        Binding("up,k", "scroll_up", "Scroll up", show=False, id="reader.up"),
        Binding("pagedown,space", "page_down", "Page down", id="reader.page_down"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="reader.page_up"),
        Binding("home,g", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("end,G", "scroll_end", "Bottom", show=False, id="reader.bottom"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article: Article | None = None
        self._extraction: ArticleExtraction | None = None
        self._target: tuple[int, int] | None = None
        self._query = ""
        self._focus_actor: str | None = None
        self._placeholder = "Loading the corpus…"
        self._document: Document | None = None
        self._lines: SpanLines | None = None  # draws the wrapped lines
        self._line_starts: list[int] = []  # where each wrapped line starts and ends in the text
        self._line_ends: list[int] = []
        self._wrap_width = 0
        self._strips: dict[int, Strip] = {}
        self._pending: int | None = None  # document position to bring into view
        self._highlight_styles: ReaderStyles | None = None
        self._pass_width: int | None = None
        self._rich_base = None
        # Articles laid out ahead (see `prepare`), by what their layout depends on.
        self._prepared: dict[tuple, tuple] = {}

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())

    # --- what to show -----------------------------------------------------------------------

    def show_article(
        self,
        article: Article | None,
        extraction: ArticleExtraction | None = None,
        target: tuple[int, int] | None = None,
        query: str = "",
        focus_actor: str | None = None,
    ) -> None:
        """Show `article`; with a `target` (start, end) highlight that span and scroll to it."""
        same = article is not None and self.article is not None and article.id == self.article.id
        self.article, self._extraction, self._target = article, extraction, target
        self._query, self._focus_actor = query, focus_actor
        self._rebuild()
        if target is not None:
            self.scroll_to_offset(target[0])
        elif not same:
            self._pending = None
            self.scroll_to(0, 0, animate=False, immediate=True)

    def show_placeholder(self, message: str) -> None:
        self.article, self._extraction, self._target = None, None, None
        self._pending = None
        self._placeholder = message
        self._rebuild()
        self.scroll_to(0, 0, animate=False)

    def set_query(self, query: str) -> None:
        if query != self._query:
            self._query = query
            self._rebuild()

    def set_focus_actor(self, name: str | None) -> None:
        if name != self._focus_actor:
            self._focus_actor = name
            self._rebuild()

    @property
    def plain_text(self) -> str:
        """Everything the reader shows, as plain text (for tests and copying)."""
        return self._document.text.plain if self._document else self._placeholder

    @property
    def target(self) -> tuple[int, int] | None:
        return self._target

    def line_of_offset(self, offset: int) -> int:
        """The wrapped line holding character `offset` of the article text."""
        if self._document is None:
            return 0
        return self._line_of_position(self._document.body_start + offset)

    def _line_of_position(self, position: int) -> int:
        return max(0, bisect_right(self._line_starts, position) - 1)

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the line holding `offset` sits near the top, with a line of context."""
        self._pending = (self._document.body_start if self._document else 0) + offset
        self._apply_pending()
        # Hidden or not yet laid out, the reader wraps again once it has its real width.
        self.call_after_refresh(self._apply_pending)

    def _apply_pending(self) -> None:
        if self._pending is None:
            return
        self._wrap(self._content_width())
        line = self._line_of_position(self._pending)
        self.scroll_to(y=max(0, line - 1), animate=False, force=True, immediate=True)
        if self.display and self.size.height > 0:
            self._pending = None

    # --- layout and rendering ---------------------------------------------------------------

    def _styles(self) -> ReaderStyles:
        # Looked up once per stylesheet change, not per article (13 lookups on every key).
        if self._highlight_styles is None:
            self._highlight_styles = ReaderStyles(
                {
                    name: self.get_component_rich_style(f"reader--{name}", partial=True)
                    for name in HIGHLIGHTS
                }
            )
        return self._highlight_styles

    @property
    def _base_style(self):
        """`rich_style` (which walks the ancestors each time), kept until the styles change."""
        if self._rich_base is None:
            self._rich_base = self.rich_style
        return self._rich_base

    def _restyle(self) -> None:
        # Theme variables are resolved after the new stylesheet applies.
        self.call_after_refresh(self._restyled)

    def _restyled(self) -> None:
        self._highlight_styles = None
        self._rich_base = None
        self._prepared.clear()
        self._rebuild()

    def prepare(self, article: Article, extraction: ArticleExtraction | None) -> None:
        """Lay out `article` (its document and line breaks) ahead of being shown: the dashboard
        prepares the articles next to the selection once it is painted, so that moving to one
        costs only its paint (about 1 ms less per key press)."""
        if not self.display or not self.size.width:
            return  # off screen (a narrow terminal): its width is not known
        width = self._content_width()
        key = self._layout_key(article, None, width)
        if key in self._prepared:
            return
        document = build_document(
            article, extraction, self._styles(), None, self._query, self._focus_actor
        )
        starts, ends = line_spans(document.text.plain, width)
        self._prepared[key] = (article, extraction, document, starts, ends)
        while len(self._prepared) > PREPARED:
            self._prepared.pop(next(iter(self._prepared)))

    def _layout_key(self, article: Article, target: tuple[int, int] | None, width: int) -> tuple:
        # (A theme change clears what was laid out: its colours are in the documents.)
        return (article.id, target, self._query, self._focus_actor, width)

    def _rebuild(self) -> None:
        width = self._content_width()
        if self.article is None:
            self._document = None
        else:
            prepared = self._prepared.pop(self._layout_key(self.article, self._target, width), None)
            if prepared is not None and prepared[:2] == (self.article, self._extraction):
                self._document, starts, ends = prepared[2:]
                self._lay_out(width, starts, ends)
                self.refresh()
                return
            self._document = build_document(
                self.article,
                self._extraction,
                self._styles(),
                self._target,
                self._query,
                self._focus_actor,
            )
        self._wrap_width = 0
        self._wrap(width)
        self.refresh()

    def _content_width(self) -> int:
        return max(self.scrollable_content_region.width, 10)

    def _shown_text(self) -> Text:
        return self._document.text if self._document else Text(self._placeholder, style="dim")

    def _wrap(self, width: int) -> None:
        if width != self._wrap_width:
            # Where the lines break is worked out for the whole text (the scrollbar needs the
            # line count); the lines themselves are drawn when they are shown.
            self._lay_out(width, *line_spans(self._shown_text().plain, width))

    def _lay_out(self, width: int, starts: list[int], ends: list[int]) -> None:
        self._wrap_width = width
        self._strips.clear()
        self._lines = SpanLines(self._shown_text(), starts, ends, self.app.console)
        self._line_starts, self._line_ends = starts, ends
        self.virtual_size = Size(width, len(starts))

    def on_resize(self) -> None:
        if (
            self._pending is None
            and self._line_starts
            and self._wrap_width != self._content_width()
        ):
            # Keep the reading position when the width changes.
            top = min(int(self.scroll_y), len(self._line_starts) - 1)
            self._pending = self._line_starts[top]
        self._apply_pending()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass_width = self.scrollable_content_region.width  # once per repaint, not per line
        try:
            return super().render_lines(crop)
        finally:
            self._pass_width = None

    def render_line(self, y: int) -> Strip:
        region_width = self._pass_width
        if region_width is None:
            region_width = self.scrollable_content_region.width
        width = max(region_width, 10)
        self._wrap(width)
        index = y + self.scroll_offset.y
        if index >= len(self._line_starts):
            return Strip.blank(region_width, self._base_style)
        strip = self._strips.get(index)
        if strip is None:
            base = self._base_style
            assert self._lines is not None
            segments, cells = self._lines.segments(index, width, base)
            if cells < width:
                segments.append(Segment(" " * (width - cells), base))
            strip = self._strips[index] = Strip(segments, max(cells, width))
        return strip.crop(0, region_width)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._highlight_styles = None
        self._rich_base = None
        self._strips.clear()
        self._prepared.clear()
