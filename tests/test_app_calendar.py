"""Calendar: April 2025 holds the Brussels ministerial with its sources; Enter on a source opens
that article at that sentence; undated and month-only meetings are listed too."""

from __future__ import annotations

from datetime import date

from app_helpers import seeds_app, wait_loaded

from tui.widgets import Agenda, CalendarPane, MonthGrid, Reader
from tui.widgets.agenda import prompt_text


async def go_to_month(pilot, grid: MonthGrid, year: int, month: int) -> None:
    for _ in range(48):
        if grid.month == (year, month):
            return
        await pilot.press(
            "right_square_bracket" if grid.month < (year, month) else "left_square_bracket"
        )
    assert grid.month == (year, month)


def brussels_ministerial(pane: CalendarPane):
    for meeting in pane.index.on_day(date(2025, 4, 3)):
        if (meeting.place or "").casefold() == "brussels" and "minister" in meeting.name.casefold():
            return meeting
    return None


async def test_april_2025_holds_the_brussels_ministerial_with_its_sources():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_loaded(pilot)
        await pilot.press("4")
        pane = app.query_one(CalendarPane)
        grid = app.query_one(MonthGrid)
        assert pane.display and app.focused is grid
        await go_to_month(pilot, grid, 2025, 4)
        await pilot.press("home", "right", "right")
        assert grid.day == date(2025, 4, 3)
        assert date(2025, 4, 3) in grid.meeting_days
        meeting = brussels_ministerial(pane)
        assert meeting is not None, [m.name for m in pane.index.on_day(date(2025, 4, 3))]
        assert meeting.start == "2025-04-03" and meeting.end == "2025-04-04"
        assert "Marco Rubio" in meeting.attendees
        assert len({source.article for source in meeting.sources}) >= 3
        # It spans both days.
        assert meeting in pane.index.on_day(date(2025, 4, 4))

        # The agenda of the day lists it, each source below it.
        agenda = app.query_one(Agenda)
        ids = [agenda.get_option_at_index(i).id or "" for i in range(agenda.option_count)]
        assert any(i.endswith(f":{meeting.id}") and i.startswith("m") for i in ids)
        source_ids = [i for i in ids if i.startswith("s") and f":{meeting.id}:" in i]
        assert len(source_ids) == len(meeting.sources)

        # Tab to the agenda, down to the meeting's first source, Enter: the reader opens there.
        await pilot.press("tab")
        assert app.focused is agenda
        for _ in range(agenda.option_count):
            if agenda.get_option_at_index(agenda.highlighted).id == source_ids[0]:
                break
            await pilot.press("j")
        source = agenda.source_at(source_ids[0])
        await pilot.press("enter")
        reader = app.query_one(Reader)
        assert app.focused is reader
        assert reader.article.id == source.article == screen.selected
        start, end = reader.target
        assert reader.article.text[start:end] == source.sentence
        top = reader.scroll_y
        assert top <= reader.line_of_offset(start) < top + reader.scrollable_content_region.height


async def test_month_agenda_and_meetings_without_a_day():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")
        pane = app.query_one(CalendarPane)
        grid = app.query_one(MonthGrid)
        await go_to_month(pilot, grid, 2025, 4)
        await pilot.press("m")
        assert pane.month_view
        agenda = app.query_one(Agenda)
        prompts = [
            prompt_text(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count)
        ]
        assert prompts[0].startswith("April 2025, all meetings")
        listed = {m.id for m in pane.index.in_month((2025, 4))}
        assert listed and all(
            any(
                m_id in (agenda.get_option_at_index(i).id or "") for i in range(agenda.option_count)
            )
            for m_id in listed
        )
        # Undated meetings are listed under their own heading, month-only ones under their month.
        if pane.index.undated:
            assert any(p.startswith("Undated") for p in prompts)
        june = pane.index.month_only.get((2025, 6), [])
        await go_to_month(pilot, grid, 2025, 6)
        prompts = [
            prompt_text(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count)
        ]
        summit = [m for m in june + pane.index.in_month((2025, 6)) if "summit" in m.name.casefold()]
        assert summit, "the June 2025 Hague summit"
        assert any("summit" in p.casefold() for p in prompts)


async def test_arrow_keys_and_next_meeting():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")
        grid = app.query_one(MonthGrid)
        await go_to_month(pilot, grid, 2025, 4)
        await pilot.press("home")
        assert grid.day == date(2025, 4, 1)
        await pilot.press("down", "right", "left", "left")
        assert grid.day == date(2025, 4, 7)
        await pilot.press("up")
        assert grid.day == date(2025, 3, 31)
        await pilot.press("n")
        assert grid.day in grid.meeting_days and grid.day > date(2025, 3, 31)
        await pilot.press("right_square_bracket")
        assert grid.month == (2025, 5)
