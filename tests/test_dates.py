"""Dates: candidates, ranges, weekdays by tense, inferred years, and words that are not dates."""

from __future__ import annotations

import pytest
from extraction_helpers import extract, small_extractor


@pytest.fixture(scope="module")
def extractor(tmp_path_factory):
    return small_extractor(tmp_path_factory.mktemp("dates"))


def dates(text, extractor, published=None, corpus_year=None):
    return [
        (d.text, d.value, d.end_value, d.basis)
        for d in extract(text, extractor, published, corpus_year).dates
    ]


def test_explicit_dates(extractor):
    found = dates("It was signed on November 28, 2025 and again on 3 April 2025.", extractor)
    assert found == [
        ("November 28, 2025", "2025-11-28", "2025-11-28", "explicit"),
        ("3 April 2025", "2025-04-03", "2025-04-03", "explicit"),
    ]


@pytest.mark.parametrize(
    "phrase, start, end",
    [
        ("from 14 to 16 May", "2025-05-14", "2025-05-16"),
        ("on May 14-15, 2025", "2025-05-14", "2025-05-15"),
        ("on 24-25 June", "2025-06-24", "2025-06-25"),
        ("from 30 June to 2 July", "2025-06-30", "2025-07-02"),
    ],
)
def test_ranges_are_one_value(extractor, phrase, start, end):
    found = dates(f"The meeting runs {phrase}.", extractor, corpus_year=2025)
    assert len(found) == 1
    assert found[0][1:3] == (start, end)


def test_missing_year_from_the_published_date_by_tense(extractor):
    found = dates(
        "Landau will represent the US at the December 3rd gathering.",
        extractor,
        published="2025-11-28",
    )
    assert found == [("December 3rd", "2025-12-03", "2025-12-03", "year_inferred")]
    found = dates(
        "The plan, published November 18th, drew criticism.", extractor, published="2026-01-05"
    )
    assert found[0][1] == "2025-11-18"


def test_missing_year_from_the_corpus_is_marked(extractor):
    found = dates(
        "The informal meeting is scheduled from 14 to 16 May.", extractor, corpus_year=2025
    )
    assert found == [("14 to 16 May", "2025-05-14", "2025-05-16", "year_inferred")]


def test_without_any_year_a_date_stays_unresolved(extractor):
    found = dates("The informal meeting is scheduled from 14 to 16 May.", extractor)
    assert found == [("14 to 16 May", None, None, "unresolved")]


def test_year_written_in_the_sentence_wins(extractor):
    found = dates(
        "In 2017, the minister planned to skip an April meeting.", extractor, published="2025-11-28"
    )
    april = [d for d in found if "April" in d[0]][0]
    assert april[1:3] == ("2017-04-01", "2017-04-30")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Rubio will meet them on Wednesday.", "2025-04-09"),  # looks ahead
        (
            "The official said on Thursday that talks went well.",
            "2025-04-03",
        ),  # publication day counts
        ("Allies said on Monday that talks went well.", "2025-03-31"),  # looks back
        ("They meet next Thursday.", "2025-04-10"),
        ("They met last Thursday.", "2025-03-27"),
    ],
)
def test_weekdays_by_tense(extractor, sentence, expected):
    # 2025-04-03 is a Thursday.
    found = dates(sentence, extractor, published="2025-04-03")
    assert found[0][1] == expected
    assert found[0][3] == "relative"


def test_relative_expressions(extractor):
    found = dates(
        "He met Rutte today. Ministers meet next week. It was agreed three weeks ago.",
        extractor,
        published="2025-11-28",
    )
    values = {d[0]: (d[1], d[2]) for d in found}
    assert values["today"] == ("2025-11-28", "2025-11-28")
    assert values["next week"] == ("2025-12-01", "2025-12-07")
    assert values["three weeks ago"] == ("2025-11-07", "2025-11-07")


def test_weekday_without_a_published_date_is_unresolved(extractor):
    assert dates("The official said on Thursday that allies agreed.", extractor) == [
        ("on Thursday", None, None, "unresolved")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine may have to make concessions.",
        "A stalled $61 billion aid package and $20 billion in military aid.",
        "Some allies committed to a 5% defense spending target.",
        "Canada as the 51st U.S. state.",
        "We are committed to NATO.",
        "NATO as it has existed for 75 years may no longer be relevant.",
        "May I ask a question?",
    ],
)
def test_words_that_only_look_like_dates(extractor, text):
    assert dates(text, extractor, published="2025-04-03") == []


def test_clock_is_never_used(extractor, monkeypatch):
    import datetime as real

    class Frozen(real.date):
        @classmethod
        def today(cls):  # pragma: no cover - called only if the code wrongly reads the clock
            raise AssertionError("the clock was read")

    monkeypatch.setattr("tui.core.dates.date", Frozen)
    found = dates("The ministers meet on Thursday and next week.", extractor)
    assert all(d[3] == "unresolved" for d in found)


def test_offsets_index_the_clean_text(extractor):
    text = "On April 3, NATO foreign ministers will begin a two-day meeting in Brussels."
    result = extract(text, extractor, corpus_year=2025)
    for d in result.dates:
        assert text[d.start : d.end] == d.text


def test_a_year_later_in_the_sentence_does_not_date_its_days(extractor):
    from datetime import date

    text = (
        "The summit runs from 9 to 11 July and marks the alliance founded in 1949. "
        "Hegseth joined Friday's meeting of the group Washington created in 2022."
    )
    found = dates(text, extractor, published=date(2025, 7, 11))
    assert ("9 to 11 July", "2025-07-09", "2025-07-11", "year_inferred") in found
    assert ("Friday", "2025-07-11", "2025-07-11", "relative") in found


def test_a_year_before_the_day_still_dates_it(extractor):
    from datetime import date

    found = dates("In 2017, Tillerson skipped an April 5 meeting.", extractor, date(2025, 11, 28))
    assert ("April 5", "2017-04-05", "2017-04-05", "year_inferred") in found


def test_a_meeting_that_ends_on_a_weekday_looks_ahead(extractor):
    from datetime import date

    found = dates("On Sunday the conference ends with a panel.", extractor, date(2024, 2, 17))
    assert found == [("On Sunday", "2024-02-18", "2024-02-18", "relative")]


def test_abbreviated_months_with_a_dot_after_a_preposition(extractor):
    from datetime import date

    found = dates(
        "Trump held a call with Putin on Feb. 12. The council will be held on Dec. 5-6.",
        extractor,
        date(2025, 2, 18),
    )
    assert found == [
        ("Feb. 12", "2025-02-12", "2025-02-12", "year_inferred"),
        ("Dec. 5-6", "2025-12-05", "2025-12-06", "year_inferred"),
    ]


def test_anchors_found_in_two_scans_are_those_of_the_one_pattern():
    from pathlib import Path

    from tui.core import dates

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "data").glob("*.txt"))]
    texts.append("Today, TONIGHT and tOmorrow: a week ago, 3 weeks from now; Chicago's agony. 2025")
    texts.append("İstanbul, ſ: a year ago")  # lower-cased, these would not keep their offsets
    for text in texts:
        for variant in (text, text.upper(), text.lower()):
            expected = [m.span("anchor") for m in dates._ANCHOR.finditer(variant)]
            assert dates._anchors(variant) == expected


def test_a_day_later_counts_from_the_day_reported_before_it(extractor):
    text = (
        "At the contact group on Wednesday, 12 February, Hegseth spoke. A day later, he told "
        "the allies more. Two weeks earlier he had said nothing. Three days ago he spoke again."
    )
    found = {text: value for text, value, _, _ in dates(text, extractor, published="2025-02-17")}
    assert found["A day later"] == "2025-02-13"
    assert found["Two weeks earlier"] == "2025-01-30"  # two weeks before the day just reported
    assert found["Three days ago"] == "2025-02-14"  # "ago" counts from the published day


def test_a_day_after_an_event_dates_it_the_day_before_the_day_just_named(extractor):
    text = (
        "The Kremlin said on Wednesday it would wait for details of a proposal for a 30-day "
        "ceasefire, a day after nine hours of talks in Jeddah ended. Two days after the "
        "election, he resigned."
    )
    found = {text: value for text, value, _, _ in dates(text, extractor, published="2025-03-12")}
    assert found["a day after"] == "2025-03-11"
    # After what, when? No day named before it in its sentence: no date.
    assert "Two days after" not in found


def test_the_same_day_is_the_day_reported_before_it(extractor):
    text = "Hegseth spoke in Brussels on Wednesday. Ministers began a meeting on the same day."
    found = {text: value for text, value, _, _ in dates(text, extractor, published="2025-02-13")}
    assert found["on Wednesday"] == "2025-02-12"
    assert found["the same day"] == "2025-02-12"
    alone = dates("They met on the same day.", extractor, published="2025-02-13")
    assert [(t, v) for t, v, _, _ in alone] == [("the same day", None)]


def test_a_future_word_in_the_next_clause_does_not_turn_a_weekday_ahead(extractor):
    text = (
        'Trump announced he had held a "lengthy and highly productive" phone call with Russian '
        'President Vladimir Putin on Wednesday and that negotiations would start "immediately."'
    )
    [(_, value, _, _)] = dates(text, extractor, published="2025-02-13")
    assert value == "2025-02-12"


def test_a_verb_after_and_begins_a_clause_of_its_own(extractor):
    # 2025-03-13 is a Thursday: the talks were held on the Wednesday before, not after.
    found = dates(
        "Iwaya held talks with Joly on Wednesday evening and is scheduled to meet Lammy on Friday.",
        extractor,
        published="2025-03-13",
    )
    assert [d[1] for d in found] == ["2025-03-12", "2025-03-14"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The gathering is being held from Wednesday through Friday.",
        "The gathering was held from Wednesday through Friday.",
    ],
)
def test_a_weekday_range_around_the_publication_day_is_the_current_one(extractor, sentence):
    found = dates(sentence, extractor, published="2025-03-13")  # a Thursday
    assert found[0][1:3] == ("2025-03-12", "2025-03-14")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Defence ministers will meet in Brussels on the 5th to approve targets.", "2025-06-05"),
        ("Defence ministers met in Brussels on the 28th.", "2025-05-28"),
        ("Ministers will meet on the 1st, the foreign ministry said.", "2025-07-01"),
    ],
)
def test_a_day_of_the_month_alone_is_around_the_publication(extractor, sentence, expected):
    found = dates(sentence, extractor, published="2025-06-02")
    assert [d[1] for d in found] == [expected]


@pytest.mark.parametrize(
    "text", ["It would be the 51st state.", "On the 24th meeting they agreed.", "the 75th year"]
)
def test_ordinals_that_are_no_day_of_the_month(extractor, text):
    assert dates(text, extractor, published="2025-06-02") == []


def test_a_day_written_with_a_dot_before_the_month(extractor):
    found = dates(
        "The allies had agreed on 24. and 25. June, and will meet again on 3. July.",
        extractor,
        published="2025-06-26",
    )
    assert [(d[1], d[2]) for d in found] == [
        ("2025-06-24", "2025-06-25"),
        ("2025-07-03", "2025-07-03"),
    ]


def test_two_days_joined_by_and_are_two_dates_unless_a_span():
    from tui.core.dates import scan

    def found(text: str) -> list[str]:
        return [text[c.start : c.end] for c in scan(text)]

    assert found("the first two rounds, held on May 16 and June 2, ended") == ["May 16", "June 2"]
    assert found("talks between May 16 and June 2") == ["May 16 and June 2"]
    assert found("the summit on 30 June and 1 July 2025") == ["30 June and 1 July 2025"]


def test_a_participle_with_by_has_no_tense_of_its_own(extractor):
    text = "Zelensky is expected at the European Council of 19 and 20 December, the first chaired by Costa."
    [found] = [
        d for d in extract(text, extractor, published="2024-12-08").dates if "December" in d.text
    ]
    assert (found.value, found.end_value) == ("2024-12-19", "2024-12-20")


def test_two_days_of_the_month_alone_are_one_range(extractor):
    found = dates(
        "The summit was held on the 10th and 11th in Washington. On the 11th, the council met.",
        extractor,
        published="2024-07-12",
    )
    assert [(d[1], d[2]) for d in found] == [
        ("2024-07-10", "2024-07-11"),
        ("2024-07-11", "2024-07-11"),
    ]


def test_the_today_of_a_country_is_no_date(extractor):
    text = '"Ukraine of today may be East Asia of tomorrow," he said. He flies home tomorrow.'
    found = dates(text, extractor, published="2024-07-12")
    assert [d[:2] for d in found] == [("tomorrow", "2024-07-13")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Starmer will hold a new video call of the coalition leaders on Saturday, Downing Street said.",
            "2025-03-15",
        ),
        ("Ministers met on Saturday, the ministry said.", "2025-03-08"),
        # No cue before the date: the report's verb is the only tense it has.
        ("After meeting Zelensky on Saturday, Modi said India would help.", "2025-03-08"),
    ],
)
def test_the_reporting_verb_after_a_date_is_not_its_tense(extractor, sentence, expected):
    found = dates(sentence, extractor, published="2025-03-11")  # a Tuesday
    assert [d[1] for d in found] == [expected]


def test_later_on_a_weekday_is_the_one_the_text_named_before(extractor):
    found = dates(
        "Vance met Weidel on Friday. Zelensky was set to meet Vance later on Friday, two days "
        "after Trump held a call with Putin.",
        extractor,
        published="2025-02-15",  # a Saturday: a plain "was set to ... Friday" would look ahead
    )
    assert [d[1] for d in found] == ["2025-02-14", "2025-02-14", "2025-02-12"]


def test_the_day_before_counts_from_the_day_reported_last_not_from_a_meeting_named_after_it(
    extractor,
):
    from datetime import date

    found = {
        text: value
        for text, value, _, _ in dates(
            "US and Russian officials met in Riyadh on Tuesday. The day before, Macron had "
            "gathered leaders in Paris. On Saturday, the day before the summit, Zelensky was in "
            "London.",
            extractor,
            published=date(2025, 2, 18),
        )
    }
    assert found["The day before"] == "2025-02-17"
    # "the day before the summit": a day before a meeting whose day is not known here
    assert "the day before" not in found


def test_a_weekday_in_a_subheading_takes_the_tense_the_story_gives_it(extractor):
    from datetime import date

    found = dates(
        "Saudi talks on Tuesday\n\nMarco Rubio is due to meet Sergei Lavrov in Riyadh on Tuesday.",
        extractor,
        published=date(2025, 2, 17),  # a Monday
    )
    assert [value for _, value, _, _ in found] == ["2025-02-18", "2025-02-18"]


def test_a_founding_year_is_not_the_year_of_the_sentence(extractor):
    from datetime import date

    found = dates(
        "The Weimar Triangle, founded in 1991, was revived when Tusk returned last December.",
        extractor,
        published=date(2024, 11, 19),
    )
    assert ("last December", "2023-12-01", "2023-12-31", "relative") in found


def test_a_cue_in_what_a_report_says_is_not_the_tense_of_a_date_before_it(extractor):
    found = dates(
        "Zelensky, who was in Ankara for talks on Tuesday, said Kyiv would not take part.",
        extractor,
        published="2025-02-19",  # a Wednesday
    )
    assert [d[1] for d in found] == ["2025-02-18"]


def test_last_night_is_the_day_before_the_page(extractor):
    found = dates(
        "Last night's royal dinner brought the leaders together. Rutte spoke last night.",
        extractor,
        published="2025-06-25",
    )
    assert [(d[0], d[1]) for d in found] == [
        ("Last night", "2025-06-24"),
        ("last night", "2025-06-24"),
    ]


def test_a_yearless_month_after_a_past_of_office_is_this_year_s(extractor):
    found = dates(
        "From 1 October he will be replaced by Mark Rutte, whom the council appointed in June.",
        extractor,
        published="2024-07-11",
    )
    assert [d[1] for d in found] == ["2024-10-01", "2024-06-01"]
