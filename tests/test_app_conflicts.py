"""Conflicts: Rubio 'Secretary of State' vs 'Senator' side by side, the difference marked, and a
jump to each sentence."""

from __future__ import annotations

from app_helpers import seeds_app, wait_loaded

from tui.core.word_diff import word_diff
from tui.widgets import ArticleTable, ConflictsPane, Reader

ROLES = {"secretary of state", "senator"}


def is_rubio_role(conflict) -> bool:
    return (
        conflict is not None
        and conflict.subject == "Marco Rubio"
        and {conflict.a.value.casefold(), conflict.b.value.casefold()} == ROLES
    )


async def find_rubio_conflict(pilot, pane: ConflictsPane) -> None:
    if not pane.corpus_scope:
        await pilot.press("a")
    for _ in range(len(pane.conflicts)):
        if is_rubio_role(pane.current):
            return
        await pilot.press("n")
    assert is_rubio_role(pane.current), [(c.subject, c.a.value, c.b.value) for c in pane.conflicts]


def assert_painted_side_by_side(pane: ConflictsPane, conflict) -> None:
    pane.scroll_to(y=0, animate=False, immediate=True)
    width = pane.scrollable_content_region.width
    rows = [pane.render_line(y) for y in range(pane.virtual_size.height)]
    assert rows and all(row.cell_length == width for row in rows)
    texts = [row.text for row in rows]
    top = next(y for y, text in enumerate(texts) if text.startswith("╭"))
    assert "Marco Rubio" in " ".join(texts[:top]) and not texts[top - 1].strip()
    assert texts[top].count("╭") == 2 and texts[top].index("╭", 1) == width // 2
    assert texts[-1].rstrip().endswith("╯")
    for (start, end), sentence in (
        ((0, width // 2), conflict.a.sentence),
        (
            (width // 2, width),
            conflict.b.sentence,
        ),
    ):
        inside = " ".join(text[start:end].strip().strip("│").strip() for text in texts[top + 1 :])
        assert " ".join(sentence.split()) in " ".join(inside.split())
    selected = pane.get_component_rich_style("conflicts--side-selected", partial=True)
    corners = [segment.style for segment in rows[top] if segment.text.startswith("╭")]
    assert [selected.color == style.color for style in corners] == [
        pane.side == 0,
        pane.side == 1,
    ]


async def test_rubio_role_conflict_side_by_side_with_marked_difference_and_jumps():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        await pilot.press("5")
        pane = app.query_one(ConflictsPane)
        assert pane.display and app.focused is pane
        await find_rubio_conflict(pilot, pane)
        conflict = pane.current
        header = pane.header_text.plain
        assert "Marco Rubio" in header and "role" in header.casefold()
        left, right = pane.side_texts
        assert conflict.a.sentence in left.plain and conflict.b.sentence in right.plain
        # Side by side: both statements are on screen, next to each other.
        a, b = pane.side_regions()
        assert a and b and a.y == b.y and a.right <= b.x
        assert pane.content_region.contains_region(a.intersection(pane.content_region))
        # The words that differ are marked on each side, and the value stands out.
        differ = pane.get_component_rich_style("conflicts--differ", partial=True)
        diff_a, diff_b = word_diff(conflict.a.sentence, conflict.b.sentence)
        assert diff_a and diff_b
        for text, sentence, spans in (
            (left, conflict.a.sentence, diff_a),
            (right, conflict.b.sentence, diff_b),
        ):
            base = text.plain.index(sentence)
            marked = {(s.start - base, s.end - base) for s in text.spans if s.style == differ}
            assert marked == set(spans)
        value_words = {v.casefold() for v in (conflict.a.value, conflict.b.value)}
        marked_words = {conflict.a.sentence[s:e].casefold() for s, e in diff_a} | {
            conflict.b.sentence[s:e].casefold() for s, e in diff_b
        }
        assert any(word in marked for word in value_words for marked in marked_words)

        # What is painted: every line the pane's width, the header, then two boxes side by side
        # holding the two sentences (wrapped), the selected side's border styled as such.
        assert_painted_side_by_side(pane, conflict)
        await pilot.press("right")
        assert_painted_side_by_side(pane, conflict)

        # Enter reads the left statement, → then Enter the right one.
        reader = app.query_one(Reader)
        for key, side in (("left", conflict.a), ("right", conflict.b)):
            await pilot.press("5", key, "enter")
            assert app.focused is reader
            assert reader.article.id == side.article == screen.selected
            start, end = reader.target
            assert reader.article.text[start:end] == side.sentence
            top = reader.scroll_y
            assert (
                top <= reader.line_of_offset(start) < top + reader.scrollable_content_region.height
            )
            assert app.query_one(ArticleTable).current_id == side.article


async def test_conflicts_are_scoped_to_the_selected_article():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_loaded(pilot)
        pane = app.query_one(ConflictsPane)
        assert not pane.corpus_scope
        article = screen.selected
        assert all(article in (c.a.article, c.b.article) for c in pane.conflicts)
        assert len(pane.conflicts) == len(screen.view.conflicts(article))
        await pilot.press("5", "a")
        assert pane.corpus_scope and len(pane.conflicts) == len(screen.view.conflicts())
        count = len(pane.conflicts)
        if count > 1:
            first = pane.current
            await pilot.press("n")
            assert pane.current is not first
            await pilot.press("p")
            assert pane.current is first
