"""Cursor movement shared by the line-API tables (the article list and the actor table)."""

from __future__ import annotations


class RowCursor:
    """Up, down, page and ends for a table of rows under a fixed header, drawn by a ScrollView.

    The table provides `cursor_row`, `HEADER_ROWS`, `_row_count()` and `_move(row)` (which clamps,
    repaints the rows that change and calls `_scroll_to_cursor`).
    """

    cursor_row: int
    HEADER_ROWS: int = 1

    def _row_count(self) -> int:
        raise NotImplementedError

    def _move(self, row: int) -> None:
        raise NotImplementedError

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - self.HEADER_ROWS)

    def _scroll_to_cursor(self) -> None:
        top, page = int(self.scroll_offset.y), self._page()
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + page:
            self.scroll_to(y=self.cursor_row - page + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self._move(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor_row - 1)

    def action_page_down(self) -> None:
        self._move(self.cursor_row + self._page())

    def action_page_up(self) -> None:
        self._move(self.cursor_row - self._page())

    def action_scroll_top(self) -> None:
        self._move(0)

    def action_scroll_bottom(self) -> None:
        self._move(self._row_count() - 1)
