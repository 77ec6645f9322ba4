"""Reader: metadata with its basis, highlights by kind, and article text shown literally."""

from __future__ import annotations

from app_helpers import seeds_app, wait_loaded, write_corpus

from tui.core.models import ActorRef, Article, ArticleExtraction, DateExpr, Mention
from tui.core.safe_text import visible
from tui.widgets import ArticleTable, Reader

MARKUP = "[bold red]x[/]"
HOSTILE = (
    "---\n"
    'title: "Title with [b]markup[/b] and [link=https://example.com]a link[/link]"\n'
    'outlet: "[reverse]Outlet[/reverse]"\n'
    "---\n"
    "Title with markup\n\n"
    f"The text holds Rich markup {MARKUP} and an escape \x1b[31mred\x1b[0m sequence.\n\n"
    "A bell \x07 and a [link=file:///etc/passwd]link[/link] too.\n"
)


def screen_lines(reader: Reader) -> list[str]:
    """What the reader paints, line by line, as plain text (escape characters kept)."""
    return [
        "".join(segment.text for segment in reader.render_line(y))
        for y in range(reader.scrollable_content_region.height)
    ]


async def test_markup_and_escape_sequences_in_articles_are_shown_literally(tmp_path):
    data = write_corpus(
        tmp_path / "corpus", {"hostile.txt": HOSTILE, "plain.txt": "Plain\n\nText.\n"}
    )
    app = seeds_app(data=data)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        table = app.query_one(ArticleTable)
        reader = app.query_one(Reader)
        await pilot.press("2")  # focus the reader
        if reader.article.id != "hostile":
            await pilot.press("1", "j")
        assert reader.article.id == "hostile"
        painted = "\n".join(screen_lines(reader))
        assert MARKUP in painted
        assert "[link=file:///etc/passwd]link[/link]" in painted
        assert "Title with [b]markup[/b] and [link=https://example.com]a link[/link]" in (
            reader.plain_text
        )
        assert "[b]markup[/b]" in painted and "[link=https://example.com]a link[/link]" in painted
        assert "[reverse]Outlet[/reverse]" in painted
        assert "\x1b" not in painted and "\x07" not in painted
        # The list shows the title as written too.
        assert table.cells("hostile")["title"].plain.startswith("Title with [b]markup[/b]")
        assert table.cells("hostile")["source"].plain.startswith("[reverse]")
        # Nothing was styled by the would-be markup: no span of the title is bold red/reverse.
        title_cell = table.cells("hostile")["title"]
        assert all("red" not in str(span.style) for span in title_cell.spans)


async def test_escape_characters_that_reach_the_reader_are_made_visible():
    # The loader strips control characters; the reader does not rely on it.
    text = "Before \x1b[2J\x1b]0;owned\x07 after \x9b31m end"
    article = Article(id="raw", path="raw.txt", text=text, title="Raw \x1b[5mblink")
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        reader = app.query_one(Reader)
        reader.show_article(article, None)
        await pilot.pause()
        painted = "\n".join(screen_lines(reader))
        assert "\x1b" not in painted and "\x07" not in painted and "\x9b" not in painted
        assert visible(text) in painted
        assert "␛[2J" in painted


async def test_highlights_follow_offsets_with_a_style_per_kind():
    text = "Marco Rubio met NATO in Brussels with France on 3 April 2025 and soon."
    article = Article(
        id="t",
        path="t.txt",
        text=text,
        title="T",
        published="2025-04-03",
        published_basis="metadata",
    )

    def ref(name: str, kind: str) -> ActorRef:
        start = text.index(name)
        return ActorRef(name, kind, mentions=[Mention(start, start + len(name), name)])

    extraction = ArticleExtraction(
        "t",
        actors=[
            ref("Marco Rubio", "person"),
            ref("NATO", "organization"),
            ref("France", "country"),
            ref("Brussels", "place"),
        ],
        dates=[
            DateExpr(
                "3 April 2025",
                text.index("3 April"),
                text.index("3 April") + 12,
                "2025-04-03",
                "2025-04-03",
                "explicit",
            ),
            DateExpr("soon", text.index("soon"), text.index("soon") + 4, None, None, "unresolved"),
        ],
        meetings=[],
        claims=[],
    )
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        reader = app.query_one(Reader)
        reader.show_article(article, extraction)
        await pilot.pause()
        document = reader._document
        body = document.body_start

        def style_at(word: str):
            start = body + text.index(word)
            styles = [span.style for span in document.text.spans if span.start <= start < span.end]
            return styles[-1] if styles else None

        kinds = {
            word: style_at(word)
            for word in ("Marco Rubio", "NATO", "France", "Brussels", "3 April", "soon")
        }
        assert all(style is not None for style in kinds.values()), kinds
        assert len({str(style) for style in kinds.values()}) == 6, kinds
        assert style_at("met") is None
        # The metadata and its basis are at the top.
        assert "Published  2025-04-03  · from front matter" in reader.plain_text


async def test_seed_reader_highlights_marco_rubio_as_a_person():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        reader = app.query_one(Reader)
        extraction = screen.view.extraction(reader.article.id)
        rubio = [a for a in extraction.actors if a.name == "Marco Rubio"]
        assert rubio and rubio[0].kind == "person"
        mention = rubio[0].mentions[0]
        position = reader._document.body_start + mention.start
        person = reader.get_component_rich_style("reader--person", partial=True)
        assert any(
            span.start <= position < span.end and span.style == person
            for span in reader._document.text.spans
        )


async def test_highlights_follow_the_theme():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        reader = app.query_one(Reader)
        before = reader.get_component_rich_style("reader--person", partial=True)
        app.theme = "textual-light"
        await pilot.pause(0.2)
        after = reader.get_component_rich_style("reader--person", partial=True)
        assert after != before
        styles = {span.style for span in reader._document.text.spans}
        assert after in styles and before not in styles
    # The choice is remembered for the next launch.
    again = seeds_app()
    assert again.theme == "textual-light"
