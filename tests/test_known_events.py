"""Known events: the year of a yearless dateline from the meetings an article reports."""

from __future__ import annotations

from datetime import date

from extraction_helpers import shipped_corpus

from tui.core.config_models import KnownEvent
from tui.core.known_events import year_from_events

EVENTS = [
    KnownEvent(name="Vilnius", type="nato_summit", place="Vilnius", start=date(2023, 7, 11), end=date(2023, 7, 12)),
    KnownEvent(name="Washington", type="nato_summit", place="Washington", start=date(2024, 7, 9), end=date(2024, 7, 11)),
    KnownEvent(name="The Hague", type="nato_summit", place="The Hague", start=date(2025, 6, 24), end=date(2025, 6, 25)),
]  # fmt: skip


def test_the_summit_held_on_the_day_gives_its_year():
    assert year_from_events(7, 9, {"nato_summit"}, EVENTS) == 2024
    assert year_from_events(6, 20, {"nato_summit"}, EVENTS) == 2025


def test_the_city_the_text_names_wins_over_a_closer_summit():
    # July 12 is Vilnius's last day, a day after Washington's: the text says which.
    assert year_from_events(7, 12, {"nato_summit"}, EVENTS) == 2023
    assert year_from_events(7, 12, {"nato_summit"}, EVENTS, "Leaders met in Washington.") == 2024


def test_no_known_meeting_of_the_type_or_near_the_day_gives_nothing():
    assert year_from_events(7, 9, {"g7_summit"}, EVENTS) is None
    assert year_from_events(1, 15, {"nato_summit"}, EVENTS) is None


def test_a_yearless_dateline_on_a_known_summit_is_dated_by_it(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Yoon arrives for NATO summit\n\nWASHINGTON, July 9 (Yonhap) -- President Yoon Suk Yeol "
            "arrived on Tuesday to attend the NATO summit, following Madrid in 2022."
        ),
        b="Other news\n\nBRUSSELS, March 3, 2025 - Ministers met.",
    )
    article = next(a for a in corpus.articles if a.id == "a")
    assert (article.published, article.published_basis) == ("2024-07-09", "dateline")


def test_an_undated_page_dates_its_weekday_meeting_from_the_one_known_meeting_after_its_dates(
    tmp_path,
):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Budapest summit shelved\n\nThe plan was announced after the call of Thursday, "
            "October 16, 2025. EU foreign ministers discussed it at the Foreign Affairs Council "
            "on Monday."
        ),
        # A dated page: its Monday is its own, whatever the gazetteer knows.
        b=(
            "Council\n\nBRUSSELS, October 14, 2025 - EU foreign ministers met at the Foreign "
            "Affairs Council on Monday."
        ),
    )
    councils = {
        article: [(m.start, m.date_basis) for m in e.meetings if "Foreign Affairs" in m.name]
        for article, e in corpus.extractions.items()
    }
    # Not "October 16", the day of the sentence before.
    assert councils == {"a": [("2025-10-20", "known_event")], "b": [("2025-10-13", "relative")]}


def test_an_undated_page_resolves_its_other_weekdays_against_the_known_meeting_it_reports(
    tmp_path,
):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Trump and Putin speak\n\n- NATO defense chiefs met in Brussels Wednesday to press "
            "on aid\n\nThe leaders spoke in a phone call Thursday, weeks after a meeting of "
            "allies in Paris on Sept. 4, 2025. Zelensky, who arrives in Washington Friday, is "
            "seeking missiles. European Union foreign ministers meet Monday in Luxembourg."
        ),
    )
    found = {(m.type_id, m.start, m.date_basis) for m in corpus.extractions["a"].meetings}
    # The ministers of the known meeting of 15 October 2025 (a Wednesday); the page is read as
    # written the day after: its Thursday is the 16th, its coming Monday the 20th.
    assert ("nato_defence_ministers", "2025-10-15", "known_event") in found
    assert ("call", "2025-10-16", "known_event") in found
    assert ("eu_foreign_affairs_council", "2025-10-20", "known_event") in found
    article = next(a for a in corpus.articles if a.id == "a")
    assert article.published is None  # the page's own date stays unknown


def test_an_undated_page_with_no_known_meeting_leaves_its_weekdays_unresolved(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Talks\n\nThe two sides met in Geneva on Wednesday, after the summit in Anchorage on "
            "Aug. 15, 2025. Trump and Putin held a phone call on Thursday."
        ),
    )
    extraction = corpus.extractions["a"]
    weekdays = [d for d in extraction.dates if d.text.startswith("on ")]
    assert [(d.text, d.value) for d in weekdays] == [("on Wednesday", None), ("on Thursday", None)]
    assert all(m.date_basis != "known_event" for m in extraction.meetings)


def test_a_meeting_at_the_place_and_days_of_a_known_meeting_is_that_meeting(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Ministers\n\nBRUSSELS, December 3, 2024 - At an informal meeting in Prague on May "
            "30-31, Antony Blinken had spoken to reporters."
        ),
    )
    found = [(m.type_id, m.place, m.start) for m in corpus.extractions["a"].meetings]
    assert ("informal_foreign_ministers", "Prague", "2024-05-30") in found


def test_a_page_of_the_day_dates_the_named_meeting_it_does_not_date_itself(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Leaders arrive in Switzerland\n\nLUCERNE, June 15, 2024 - The weather was fine and "
            "the roads were closed. Delegations from more than 90 countries gather for the "
            "Ukraine peace summit at a mountain resort. Leaders spoke of the NATO summit in "
            "Turkey next year."
        ),
    )
    found = {m.type_id: m for m in corpus.extractions["a"].meetings}
    peace = found["peace_summit"]
    assert (peace.start, peace.end, peace.date_basis) == ("2024-06-15", "2024-06-16", "known_event")
    assert peace.place == "Bürgenstock"
    # another year's meeting, at another place: not the one of the page's days
    assert found["nato_summit"].start is None


def test_an_undated_page_s_weekday_falls_in_the_days_it_gives_its_summit(tmp_path):
    from extraction_helpers import shipped_corpus

    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Summit in Washington\n\nThe two-day summit of the North Atlantic Alliance (10-11 "
            "July 2024) in Washington is to give Ukraine a bridge to membership. On Thursday, "
            "the last day of the summit, Zelensky is to meet the leaders at the session of the "
            "NATO-Ukraine Council."
        ),
    )
    extraction = corpus.extractions["a"]
    [nuc] = [m for m in extraction.meetings if m.type_id == "nato_ukraine_council"]
    assert nuc.start == "2024-07-11"
    assert corpus.articles[0].published is None  # the page's own date stays unknown
