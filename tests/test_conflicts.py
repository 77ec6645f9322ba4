"""Corpus linking: meetings merged across sources, and conflicting statements."""

from __future__ import annotations

import pytest
from extraction_helpers import article, shipped_corpus, small_extractor

from tui.core.linking import link_corpus
from tui.core.pipeline import extract_all


@pytest.fixture(scope="module")
def extractor(tmp_path_factory):
    return small_extractor(tmp_path_factory.mktemp("conflicts"))


def corpus(extractor, *texts_and_dates):
    articles = [
        article(text, extractor, published, f"a{i}")
        for i, (text, published) in enumerate(texts_and_dates)
    ]
    return link_corpus(articles, extract_all(articles, extractor), extractor, [])


def test_role_conflict_within_one_article(extractor):
    c = corpus(
        extractor,
        (
            "Secretary of State Marco Rubio will skip the meeting. Later, Senator Marco Rubio (R-FL) declined to attend.",
            "2025-11-28",
        ),
    )
    [conflict] = [x for x in c.conflicts if x.attribute == "role"]
    assert conflict.subject == "Marco Rubio"
    assert {conflict.a.value, conflict.b.value} == {"secretary of state", "senator"}
    assert conflict.a.article == conflict.b.article == "a0"
    assert "Senator Marco Rubio" in (conflict.a.sentence + conflict.b.sentence)


def test_roles_in_different_periods_do_not_conflict(extractor):
    c = corpus(
        extractor,
        ("Senator Marco Rubio criticised the aid bill.", "2023-03-01"),
        ("Secretary of State Marco Rubio met allies.", "2025-04-03"),
    )
    assert [x for x in c.conflicts if x.attribute == "role"] == []


def test_spending_targets_conflict_across_articles(extractor):
    c = corpus(
        extractor,
        ("Some allies have committed to a 5% defense spending target.", None),
        (
            "Rutte is pushing the idea that each ally commit to spending at least 3.7 percent on defense.",
            None,
        ),
    )
    [conflict] = [x for x in c.conflicts if x.subject == "NATO defence spending target"]
    assert {conflict.a.value, conflict.b.value} == {"5%", "3.7%"}
    assert {conflict.a.article, conflict.b.article} == {"a0", "a1"}


def test_equal_values_written_differently_do_not_conflict(extractor):
    c = corpus(
        extractor,
        ("Allies committed to a 5% defense spending target.", None),
        ("He called for a pathway toward meeting the 5 percent defense spending target.", None),
        ("Allies agreed to a five percent defence spending goal.", None),
    )
    assert [x for x in c.conflicts if x.subject == "NATO defence spending target"] == []


def test_current_value_is_another_period(extractor):
    c = corpus(
        extractor,
        (
            "Leaders will decide whether to raise the defense spending target from the current minimum of 2 percent of gross domestic product.",
            None,
        ),
        ("Allies committed to a 5% defense spending target.", None),
    )
    assert [x for x in c.conflicts if x.subject == "NATO defence spending target"] == []


def test_one_meeting_from_three_sources(extractor):
    c = corpus(
        extractor,
        ("On April 3, NATO foreign ministers will begin a two-day meeting in Brussels.", None),
        (
            "Secretary of State Marco Rubio met NATO Secretary General Mark Rutte in Brussels today. "
            "It was his first foreign ministers' meeting.",
            "2025-04-03",
        ),
        (
            "BRUSSELS – Marco Rubio and his NATO counterparts on Thursday wrapped up the first day of NATO "
            "Foreign Ministerial meetings in Brussels, in which Rubio participated.",
            None,
        ),
    )
    [fm] = [m for m in c.meetings if m.name.startswith("NATO Foreign Ministers")]
    assert (fm.start, fm.end, fm.place) == ("2025-04-03", "2025-04-04", "Brussels")
    assert {s.article for s in fm.sources} == {"a0", "a1", "a2"}
    assert "Marco Rubio" in fm.attendees


def test_summit_dates_reported_differently_conflict(extractor):
    c = corpus(
        extractor,
        ("NATO leaders will gather at the NATO summit in The Hague on 24-25 June 2025.", None),
        ("The NATO summit in The Hague will be held on 25-26 June 2025.", None),
    )
    summits = [m for m in c.meetings if m.kind == "summit"]
    assert len(summits) == 1
    [conflict] = [x for x in c.conflicts if x.attribute == "dates"]
    assert {conflict.a.value, conflict.b.value} == {
        "2025-06-24..2025-06-25",
        "2025-06-25..2025-06-26",
    }


def test_attendance_disagreement_is_a_conflict(extractor):
    c = corpus(
        extractor,
        (
            "Marco Rubio will attend the NATO foreign ministers meeting in Brussels on December 3, 2025.",
            None,
        ),
        (
            "Marco Rubio will miss the NATO foreign ministers meeting in Brussels on December 3, 2025.",
            None,
        ),
    )
    assert [x.subject for x in c.conflicts if x.attribute.startswith("attendance")] == [
        "Marco Rubio"
    ]


def test_alex_and_alexander_are_not_a_conflict(extractor):
    c = corpus(
        extractor,
        ("Source: Alex Raufoglu\n\nRutte said allies agreed.", None),
        ("Source: Alexander Raufoglu\n\nRutte said allies agreed.", None),
    )
    assert c.conflicts == []


def test_two_holders_of_one_office_at_one_time(extractor):
    c = corpus(
        extractor,
        ("NATO Secretary General Jens Stoltenberg opened the meeting.", "2025-06-24"),
        ("NATO Secretary General Mark Rutte opened the meeting.", "2025-06-24"),
    )
    holders = [x for x in c.conflicts if x.attribute == "holder"]
    assert len(holders) == 1
    assert {holders[0].a.value, holders[0].b.value} == {"Jens Stoltenberg", "Mark Rutte"}


def test_two_current_holders_of_one_office_in_one_article_conflict(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Istanbul talks\n\nISTANBUL, June 2, 2025 - Ukrainian Foreign Minister Dmytro Kuleba "
            "wrote that Kyiv had a roadmap. Later, Foreign Minister Andriy Sybiha said it was late. "
            "Then U.S. Secretary of Defense Lloyd Austin and Secretary of Defense Pete Hegseth met."
        ),
    )
    holders = {
        (c.subject, frozenset((c.a.value, c.b.value)))
        for c in corpus.conflicts
        if c.attribute == "holder"
    }
    assert ("UA foreign minister", frozenset({"Dmytro Kuleba", "Andriy Sybiha"})) in holders
    # "then U.S. Secretary of Defense" names a predecessor: no conflict
    assert not any("defense secretary" in s or "secretary of defense" in s for s, _ in holders)


def test_a_country_spending_is_not_the_alliance_target(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Spending\n\nWARSAW, Feb 13, 2025 - Poland plans to spend 4.7 percent of GDP on defence, "
            "far above NATO's guideline of 2.5 percent of GDP. Several allies remain below the "
            "2 percent target."
        ),
    )
    values = {frozenset((c.a.value, c.b.value)) for c in corpus.conflicts}
    assert values == {frozenset({"2.5%", "2%"})}


def test_reports_of_one_summit_merge_and_their_disagreement_is_kept(tmp_path):
    texts = {
        "a": "Summit\n\nTHE HAGUE, June 20, 2025 - Leaders go to the summit in The Hague on June 24-25.",
        "b": "Summit\n\nBRUSSELS, June 21, 2025 - The NATO summit will be held on June 24-25.",
        "c": "Summit\n\nBUDAPEST, June 22, 2025 - The NATO summit will be held on June 25-26.",
    }
    corpus = shipped_corpus(tmp_path, **texts)
    summits = [m for m in corpus.meetings if m.kind == "summit"]
    assert [(m.place, m.start, m.end) for m in summits] == [
        ("The Hague", "2025-06-24", "2025-06-25")
    ]
    assert {s.article for s in summits[0].sources} == {"a", "b", "c"}
    dates = [c for c in corpus.conflicts if c.attribute == "dates"]
    assert {frozenset((c.a.value, c.b.value)) for c in dates} == {
        frozenset({"2025-06-24..2025-06-25", "2025-06-25..2025-06-26"})
    }


def test_an_article_that_gives_a_meeting_two_spans_contradicts_itself(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Ministers meet\n\nBRUSSELS, December 3, 2024 - The meeting of NATO foreign ministers takes "
            "place on December 3-4 in Brussels. Rubio spoke.\n\nThe ministerial, which lasts on "
            "4-5 December, is the last for Antony Blinken."
        ),
    )
    dates = {frozenset((c.a.value, c.b.value)) for c in corpus.conflicts if c.attribute == "dates"}
    assert dates == {frozenset({"2024-12-03..2024-12-04", "2024-12-04..2024-12-05"})}


def test_aid_totals_and_member_counts_are_compared_as_written(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Aid\n\nWASHINGTON, February 28, 2025 - Trump said the United States had given Ukraine "
            '"$350 billion." The Kiel Institute puts total US assistance at about $120 billion. '
            "NATO's 32 members met. Hungary, one of the 31 allies, objected."
        ),
    )
    values = {(c.attribute, frozenset((c.a.value, c.b.value))) for c in corpus.conflicts}
    assert ("amount", frozenset({"$350 billion", "$120 billion"})) in values
    assert ("member count", frozenset({"31", "32"})) in values


def test_one_numbered_round_reported_on_two_days_is_one_meeting_in_conflict(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Talks\n\nISTANBUL, July 23, 2025 - Russian and Ukrainian delegations met in Istanbul "
            "on Wednesday for a third round of direct peace talks. The first round of talks took "
            "place on May 16."
        ),
        b=(
            "Talks\n\nKYIV, August 7, 2025 - The third round of direct Ukrainian-Russian "
            "negotiations took place in Istanbul on 22 July."
        ),
    )
    talks = [m for m in corpus.meetings if m.place == "Istanbul"]
    assert len(talks) == 2  # the first round, and the third reported twice
    third = next(m for m in talks if m.start != "2025-05-16")
    assert third.start in ("2025-07-22", "2025-07-23")
    assert {s.article for s in third.sources} == {"a", "b"}
    dates = [c for c in corpus.conflicts if c.attribute == "dates"]
    assert len(dates) == 1
    assert {dates[0].a.value, dates[0].b.value} == {"2025-07-23", "2025-07-22"}


def test_rounds_with_other_numbers_never_merge(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a="Talks\n\nISTANBUL, June 2, 2025 - The second round of peace talks opened in Istanbul on June 2.",
        b="Talks\n\nISTANBUL, June 3, 2025 - The third round of peace talks in Istanbul began on June 2.",
    )
    talks = [m for m in corpus.meetings if m.place == "Istanbul"]
    assert len(talks) == 2
    assert not [c for c in corpus.conflicts if c.attribute == "dates"]


def test_one_countrys_spending_reported_twice_conflicts_but_another_year_does_not(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Spending\n\nWARSAW, Sept 4, 2025 - Poland, which this year will spend 4.7% of GDP on "
            "defence, was held up as a model. Nawrocki's office said that Poland spends 4.12% of "
            "GDP on its armed forces. Estonia plans to spend 5.4 percent of GDP on defense next "
            "year, and Estonia spends 3.4 percent of GDP on defence now."
        ),
    )
    values = {
        (c.subject, frozenset((c.a.value, c.b.value)))
        for c in corpus.conflicts
        if c.attribute == "share of GDP"
    }
    assert values == {("Poland defence spending", frozenset({"4.7%", "4.12%"}))}


def test_an_office_named_with_its_body_has_one_holder(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Summit\n\nBRUSSELS, March 6, 2025 - Leaders published the text under the authority "
            "of the European Council president, António Costa. European Council president "
            "Charles Michel said leaders would return to defence in March."
        ),
    )
    holders = [c for c in corpus.conflicts if c.attribute == "holder"]
    assert [(c.subject, {c.a.value, c.b.value}) for c in holders] == [
        ("european council president", {"António Costa", "Charles Michel"})
    ]


def test_a_city_and_its_country_are_one_place(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a="Summit\n\nBRUSSELS, June 20, 2025 - The NATO summit in The Hague is on June 10-11.",
        b="Summit\n\nSEOUL, June 21, 2025 - The NATO summit is on June 10-11 in the Dutch city.",
    )
    [summit] = [m for m in corpus.meetings if m.kind == "summit"]
    assert summit.place in ("The Hague", "Netherlands") and len(summit.sources) == 4
    assert not [c for c in corpus.conflicts if c.attribute == "place"]


def test_an_article_that_dates_a_meeting_twice_a_day_apart_conflicts(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Talks\n\nTIRANA, May 16, 2025 - Russian and Ukrainian delegations held direct peace "
            "talks in Istanbul on Friday, the first in three years. Later, Zelensky said the talks "
            "in Istanbul on Thursday ended without a ceasefire."
        ),
    )
    dates = [c for c in corpus.conflicts if c.attribute == "dates"]
    assert [{c.a.value, c.b.value} for c in dates] == [{"2025-05-16", "2025-05-15"}]


def test_one_article_that_dates_its_summit_twice_conflicts_but_two_calls_do_not(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Summit\n\nSYDNEY, Aug 16, 2025 - Trump and Putin have ended Saturday's summit in "
            "Brussels without a deal. The summit, on Friday local time, was the first in years."
        ),
        b=(
            "Calls\n\nKYIV, March 20, 2025 - Trump held a phone call with Putin on March 18. "
            "Zelensky held a phone call with Trump on March 19."
        ),
    )
    dates = [c for c in corpus.conflicts if c.attribute == "dates"]
    assert [(c.a.article, {c.a.value, c.b.value}) for c in dates] == [
        ("a", {"2025-08-15", "2025-08-16"})
    ]


def test_the_alliances_size_and_a_council_secretary_called_minister(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Summit\n\nVILNIUS, June 25, 2025 - The leaders of the Alliance, which unites 31 "
            "countries, agreed. Later all 32 allies signed. National Security and Defense "
            "Council Secretary Rustem Umerov spoke, and Defense Minister Rustem Umerov agreed."
        ),
    )
    found = {(c.subject, c.attribute, frozenset((c.a.value, c.b.value))) for c in corpus.conflicts}
    assert ("NATO", "member count", frozenset({"31", "32"})) in found
    assert any(s == "Rustem Umerov" and a == "role" for s, a, _ in found)


def test_this_years_plan_is_this_years_spending_and_it_is_the_country_before(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Spending\n\nWARSAW, March 2, 2025 - Poland is the biggest spender in the alliance. "
            "This year it plans to allocate 4.7% of GDP to defence, up from 4.1% last year."
        ),
        b=(
            "Spending\n\nVILNIUS, March 3, 2025 - Poland, which this year plans to spend 4.2 "
            "percent of its GDP for defence, leads the region."
        ),
    )
    values = {
        (c.subject, frozenset((c.a.value, c.b.value)))
        for c in corpus.conflicts
        if c.attribute == "share of GDP"
    }
    assert values == {("Poland defence spending", frozenset({"4.7%", "4.2%"}))}


def test_an_office_with_a_two_letter_scope_has_one_holder(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "OSCE\n\nVALLETTA, Dec. 5, 2024 - EU foreign policy chief Josep Borrell welcomed the "
            "appointments. Kaja Kallas, who took over as the EU's top diplomat on Sunday, met "
            "Sybiha."
        ),
    )
    holders = [c for c in corpus.conflicts if c.attribute == "holder"]
    assert [(c.subject, {c.a.value, c.b.value}) for c in holders] == [
        ("eu high representative", {"Josep Borrell", "Kaja Kallas"})
    ]


def test_two_outlets_a_day_apart_on_a_summit_in_a_city_and_its_region_conflict(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Summit\n\nHONG KONG, Aug 16, 2025 - Trump and Putin met for a summit in Anchorage "
            "on Saturday and reached no deal."
        ),
        b=(
            "Summit\n\nHELSINKI, Aug 19, 2025 - Stubb said the summit in Alaska last Friday "
            "had changed little."
        ),
    )
    [summit] = [m for m in corpus.meetings if m.kind == "summit"]
    assert {s.article for s in summit.sources} == {"a", "b"}
    dates = [c for c in corpus.conflicts if c.attribute == "dates"]
    assert [{c.a.value, c.b.value} for c in dates] == [{"2025-08-15", "2025-08-16"}]
    assert not [c for c in corpus.conflicts if c.attribute == "place"]  # Anchorage is in Alaska


def test_two_single_days_of_a_summit_reported_with_both_days_do_not_conflict(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a="Summit\n\nBRUSSELS, June 20, 2025 - The NATO summit in The Hague is on June 24-25.",
        b="Summit\n\nSEOUL, June 21, 2025 - Lee will skip the NATO summit on June 24.",
        c="Summit\n\nTOKYO, June 21, 2025 - Ishiba will attend the NATO summit on June 25.",
    )
    [summit] = [m for m in corpus.meetings if m.kind == "summit"]
    assert len({s.article for s in summit.sources}) == 3
    assert not [c for c in corpus.conflicts if c.attribute == "dates"]


def test_counts_of_participants_that_cannot_both_be_true_conflict(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Ramstein\n\nKYIV, June 3, 2025 - The Ukraine Defense Contact Group meets in Brussels "
            "on June 4. Representatives of 40 countries will take part in the meeting."
        ),
        b=(
            "Ramstein\n\nKYIV, June 4, 2025 - The Ukraine Defense Contact Group met in Brussels "
            "on Wednesday. Nearly 50 countries took part in the meeting."
        ),
        c=(
            "Ramstein\n\nBERLIN, June 4, 2025 - The Ukraine Defense Contact Group met in Brussels "
            "on Wednesday. About 45 countries attended the meeting."
        ),
    )
    counts = [c for c in corpus.conflicts if c.attribute == "participants"]
    assert [{c.a.value, c.b.value} for c in counts] == [{"40 countries", "nearly 50 countries"}]
    assert "Nearly 50 countries" in (counts[0].a.sentence + counts[0].b.sentence)


def test_a_one_day_summit_and_a_two_day_report_of_it_conflict(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Summit\n\nPARIS, Dec 7, 2024 - EU leaders will meet in Brussels on 19 December for a "
            "one-day summit."
        ),
        b=(
            "Summit\n\nBRUSSELS, Dec 8, 2024 - Zelensky is expected at the European Council of "
            "19 and 20 December, the first chaired by Costa."
        ),
    )
    dates = [c for c in corpus.conflicts if c.attribute == "dates"]
    assert [{c.a.value, c.b.value} for c in dates] == [{"2024-12-19", "2024-12-19..2024-12-20"}]


def test_a_count_in_the_sentence_after_the_meeting_is_shown_with_its_sentence(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Ramstein\n\nKYIV, Jan 10, 2025 - Austin hosted his last meeting of the Ukraine "
            "Defense Contact Group at Ramstein on Thursday. Officials from some 50 countries came."
        ),
        b=(
            "Ramstein\n\nTAIPEI, Jan 10, 2025 - Austin chaired the Ukraine Defense Contact Group "
            "at Ramstein on Thursday. Defense officials from about 40 countries attended."
        ),
    )
    [count] = [c for c in corpus.conflicts if c.attribute == "participants"]
    assert {count.a.value, count.b.value} == {"some 50 countries", "about 40 countries"}
    assert "50 countries" in (count.a.sentence + count.b.sentence)
    assert "40 countries" in (count.a.sentence + count.b.sentence)


def test_a_title_the_gazetteer_has_ended_beside_a_former_title_is_stale(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Summit\n\nLONDON, March 1, 2025 - Romanian President Klaus Iohannis will attend "
            "the summit."
        ),
        b=(
            "Summit\n\nMADRID, March 3, 2025 - Romania was represented by interim president Ilie "
            "Bolojan, who took over from former president Klaus Iohannis."
        ),
        # a term that began between the two statements: both true
        c="Transition\n\nWASHINGTON, Jan 15, 2025 - Former president Donald Trump spoke.",
        d="Orders\n\nWASHINGTON, Jan 22, 2025 - President Donald Trump signed orders.",
    )
    stale = [c for c in corpus.conflicts if c.attribute == "role" and "former" in c.b.value]
    assert [(c.subject, c.a.value, c.b.value) for c in stale] == [
        ("Klaus Iohannis", "president", "former president")
    ]


def test_lengths_of_one_meeting_that_cannot_both_be_true_conflict(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Talks\n\nKYIV, March 12, 2025 - The US-Ukraine talks in Jeddah on Tuesday lasted "
            "about eight hours, a source said."
        ),
        b=(
            "Talks\n\nDUBAI, March 12, 2025 - The US-Ukraine talks in Jeddah on Tuesday went on for "
            "nine hours, officials said."
        ),
        c=(
            "Talks\n\nLONDON, March 12, 2025 - The US-Ukraine talks in Jeddah on Tuesday lasted almost "
            "nine hours."
        ),
    )
    lengths = [c for c in corpus.conflicts if c.attribute == "length"]
    assert [{c.a.value, c.b.value} for c in lengths] == [{"about eight hours", "nine hours"}]


def test_one_call_of_two_callers_reported_by_month_and_by_day_is_one_call_of_two_lengths(
    tmp_path,
):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Call\n\nBERLIN, November 15, 2024 - For the first time in two years, Chancellor Olaf "
            "Scholz has telephoned with Russian President Vladimir Putin on Friday. The "
            "conversation lasted about one hour, the spokesman said."
        ),
        b=(
            "Ministers\n\nBRUSSELS, December 3, 2024 - Diplomats discussed German Chancellor Olaf "
            "Scholz's 90-minute phone call with Vladimir Putin last month."
        ),
    )
    [call] = [m for m in corpus.meetings if m.kind == "call"]
    assert (call.start, sorted(call.attendees)) == ("2024-11-15", ["Olaf Scholz", "Vladimir Putin"])
    lengths = [c for c in corpus.conflicts if c.attribute == "length"]
    assert [{c.a.value, c.b.value} for c in lengths] == [{"about one hour", "90-minute"}]


def test_one_page_that_gives_one_call_two_lengths_contradicts_itself(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Live\n\nWASHINGTON, August 18, 2025 - Yuri Ushakov said the 40-minute phone call "
            "between Donald Trump and Vladimir Putin on Monday was frank. Friedrich Merz said "
            "the talks were interrupted so that Trump could take a half-hour call with Putin."
        ),
    )
    lengths = [c for c in corpus.conflicts if c.attribute == "length"]
    assert [{c.a.value, c.b.value} for c in lengths] == [{"40-minute", "half-hour"}]


def test_calls_of_other_callers_in_one_month_stay_apart(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Call\n\nBERLIN, November 15, 2024 - Chancellor Olaf Scholz held a phone call with "
            "Vladimir Putin on Friday."
        ),
        b=(
            "Call\n\nWASHINGTON, December 3, 2024 - Joe Biden's phone call with Volodymyr "
            "Zelensky last month was short."
        ),
    )
    calls = [m for m in corpus.meetings if m.kind == "call"]
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("written", "minutes"),
    [
        ("almost an hour", (54.0, 60.0)),
        ("1 hour 40 minutes", (100.0, 100.0)),
        ("about two and a half hours", (135.0, 165.0)),
        ("more than 40 minutes", (40.4, 52.0)),
        ("an hour and a half", (90.0, 90.0)),
        ("90-minute", (90.0, 90.0)),
        ("two-and-a-half-hour", (150.0, 150.0)),
        ("well over an hour", (66.0, 96.0)),
        ("hour-long", (60.0, 60.0)),
        ("half-hour", (30.0, 30.0)),
        ("forty winks", None),
    ],
)
def test_lengths_as_written_in_minutes(written, minutes):
    from tui.core.linking import _length_range

    found = _length_range(written)
    assert found == minutes or (
        found and minutes and all(abs(x - y) < 1e-6 for x, y in zip(found, minutes, strict=True))
    )


def test_the_core_part_of_a_spending_target_is_not_the_target(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Summit\n\nTHE HAGUE, June 24, 2025 - Allies will spend 5 per cent of GDP on defence "
            "by 2035: 3.5 per cent on core military spending and 1.5 per cent on resilience."
        ),
    )
    assert not [c for c in corpus.conflicts if c.attribute == "share of GDP"]


def test_two_titles_joined_by_and_are_held_at_once(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Summit\n\nANCHORAGE, Aug 15, 2025 - Trump is joined by Secretary of State and "
            "national security adviser Marco Rubio."
        ),
        b="Talks\n\nANKARA, Aug 16, 2025 - Secretary of State Marco Rubio met Hakan Fidan.",
    )
    assert not [c for c in corpus.conflicts if c.attribute == "role"]


def test_a_meeting_in_a_city_and_a_summit_there_that_day_are_one_and_their_counts_conflict(
    tmp_path,
):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Jeddah\n\nKYIV, March 11, 2025 - The talks were preceded by a meeting in London on "
            "2 March, hosted by Prime Minister Keir Starmer, where leaders of 18 countries met."
        ),
        b=(
            "Jeddah\n\nDUBAI, March 12, 2025 - The meeting followed a summit of European "
            "leaders hosted by British Prime Minister Keir Starmer in London on March 2, attended "
            "by leaders from 15 countries."
        ),
    )
    london = [m for m in corpus.meetings if m.place == "London"]
    assert [(m.start, len({s.article for s in m.sources})) for m in london] == [("2025-03-02", 2)]
    counts = [c for c in corpus.conflicts if c.attribute == "participants"]
    assert [{c.a.value, c.b.value} for c in counts] == [{"18 countries", "15 countries"}]


def test_a_summit_in_a_country_and_the_summit_in_its_town_are_one(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a="Summit\n\nGENEVA, June 14, 2025 - Leaders meet at the summit in Antalya on June 15-16.",
        b="Summit\n\nANKARA, June 14, 2025 - The summit in Turkey will be held on June 15-16.",
        c="Talks\n\nANKARA, June 14, 2025 - The talks in Istanbul and Ankara on June 15 went on.",
    )
    summits = [m for m in corpus.meetings if m.kind == "summit"]
    assert [(m.place, m.start, len({s.article for s in m.sources})) for m in summits] == [
        ("Antalya", "2025-06-15", 2)
    ]


def test_a_stale_title_months_after_the_term_ended_beside_a_former_title_is_stale(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Ramstein\n\nKYIV, September 6, 2024 - Former foreign minister Dmytro Kuleba, who "
            "resigned this week, was not there."
        ),
        b=(
            "Call\n\nBERLIN, November 15, 2024 - Ukrainian Foreign Minister Dmytro Kuleba "
            "criticised the call."
        ),
    )
    stale = [c for c in corpus.conflicts if c.attribute == "role" and "former" in c.b.value]
    assert [(c.subject, c.a.value, c.b.value) for c in stale] == [
        ("Dmytro Kuleba", "foreign minister", "former foreign minister")
    ]


def test_the_allies_yearly_pledge_in_euros_and_in_dollars_conflict_not_a_conversion(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Summit\n\nWASHINGTON, July 10, 2024 - NATO allies committed to a minimum baseline "
            "of €40 billion (about $43 billion) in military aid for Ukraine within the next year."
        ),
        b=(
            "Summit\n\nWARSAW, July 11, 2024 - The allies promise Kyiv at least $40 billion of "
            "military aid within a year, NATO said."
        ),
    )
    pledges = [c for c in corpus.conflicts if c.subject == "NATO military aid pledge for Ukraine"]
    assert [{c.a.value, c.b.value} for c in pledges] == [{"€40 billion", "$40 billion"}]


def test_counts_of_who_signed_are_compared_apart_from_counts_of_who_came(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Summit\n\nGENEVA, June 16, 2024 - Delegations from 92 countries attended the peace "
            "summit on June 15-16. The final communique, endorsed by 80 countries, focused on "
            "nuclear safety."
        ),
        b=(
            "Summit\n\nBERN, June 16, 2024 - Delegations from 92 countries took part in the "
            "peace summit on June 15-16. The final communique was signed by 84 countries."
        ),
    )
    counts = [c for c in corpus.conflicts if c.attribute == "participants"]
    assert [{c.a.value, c.b.value} for c in counts] == [
        {"80 countries signing", "84 countries signing"}
    ]


def test_talks_and_a_meeting_of_the_same_people_there_a_day_apart_are_one_dated_two_ways(
    tmp_path,
):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Talks\n\nTOKYO, March 11, 2025 - Marco Rubio attended the peace talks in Antalya "
            "on Monday."
        ),
        b=(
            "Meeting\n\nPRAGUE, March 12, 2025 - Marco Rubio attended a meeting in Antalya "
            "on Tuesday."
        ),
        c=(
            "Other\n\nPRAGUE, March 12, 2025 - Mark Rutte attended a meeting in Antalya on Tuesday."
        ),
    )
    dates = [c for c in corpus.conflicts if c.attribute == "dates"]
    assert [{c.a.value, c.b.value} for c in dates] == [{"2025-03-10", "2025-03-11"}]


def test_the_core_part_of_the_target_is_its_own_claim_and_a_country_timetable_is_not(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Summit\n\nROME, June 23, 2025 - NATO allies bring defence spending to 5% of GDP by "
            "2035, of which at least 3% for military expenditure in the strict sense."
        ),
        b=(
            "Summit\n\nTHE HAGUE, June 25, 2025 - NATO allies agreed on 5% of GDP, with 3.5% "
            "for core military spending. German Chancellor Friedrich Merz said Germany will "
            "reach 3.5% on core defence by 2029."
        ),
    )
    found = {(c.subject, c.attribute, frozenset((c.a.value, c.b.value))) for c in corpus.conflicts}
    assert found == {
        ("NATO core defence spending target", "share of GDP", frozenset({"3%", "3.5%"}))
    }


def test_how_many_allies_meet_the_two_percent_guideline_is_a_count_claim(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Summit\n\nWASHINGTON, July 10, 2024 - 23 of the alliance's 32 members will reach "
            "the target of spending 2% of GDP on defence this year, NATO said."
        ),
        b=(
            "Summit\n\nWARSAW, July 11, 2024 - According to NATO, already 24 of 32 allies meet "
            "the threshold of 2 percent. Twenty-three of the 32 allies now meet the 2% target."
        ),
    )
    counts = [c for c in corpus.conflicts if c.subject == "NATO allies at the 2% target"]
    assert [{c.a.value, c.b.value} for c in counts] == [{"23", "24"}]  # not "32"


def test_a_round_of_talks_with_no_place_is_the_talks_in_istanbul_of_that_day(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Talks\n\nISTANBUL, May 16, 2025 - Russian and Ukrainian delegations held direct "
            "talks in Istanbul on Friday. The meeting lasted around 90 minutes."
        ),
        b=(
            "Swap agreed in short third round of Istanbul talks\n\nKYIV, July 24, 2025 - "
            "Negotiators meeting in Istanbul on July 23 agreed to swap prisoners in talks that "
            "lasted about 40 minutes. Each side freed 1,200 prisoners. The first round of the "
            "talks, on May 16, was a two-hour session."
        ),
    )
    [may] = [m for m in corpus.meetings if m.start == "2025-05-16"]
    assert (may.kind, may.place) == ("talks", "Istanbul")
    assert {s.article for s in may.sources} == {"a", "b"}
    lengths = {(c.a.value, c.b.value) for c in corpus.conflicts if c.attribute == "length"}
    assert lengths in ({("around 90 minutes", "two-hour")}, {("two-hour", "around 90 minutes")})


def test_five_or_four_strategic_air_defence_systems_for_ukraine_disagree(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Biden opens summit\n\nWASHINGTON, July 10, 2024 - Biden announced that Ukraine will "
            "receive equipment for five additional strategic air defense systems."
        ),
        b=(
            "Duda in Washington\n\nWASHINGTON, July 11, 2024 - The allies decided to provide "
            "Ukraine with four additional strategic air defence systems. Germany will send two "
            "more IRIS-T air defence systems."
        ),
    )
    counts = [c for c in corpus.conflicts if c.subject.startswith("Strategic air defence")]
    assert [{c.a.value, c.b.value} for c in counts] == [{"5", "4"}]


def test_a_deadline_a_quote_away_from_the_spending_it_is_of_is_a_claim(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Ministers\n\nBRUSSELS, June 5, 2025 - Hegseth said allies were close to agreeing to "
            'spend 5% of GDP on defense. "We\'re here to finish the job," Hegseth said. '
            '"Deterrence is not cheap." Under a proposal Rutte circulated to capitals last '
            "month, allies would reach the target by 2032."
        ),
        b=(
            "Summit\n\nTHE HAGUE, June 25, 2025 - NATO leaders agreed on Wednesday to raise "
            "defense spending to 5 percent of GDP by 2035."
        ),
    )
    deadlines = [c for c in corpus.conflicts if c.attribute == "deadline"]
    assert [{c.a.value, c.b.value} for c in deadlines] == [{"2032", "2035"}]


def test_ministers_of_defense_of_nato_member_states_are_the_defence_ministerial(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Ramstein\n\nKYIV, 13.02.2025 - Ministers of defense of NATO member states gathered "
            "in Brussels on February 12-13."
        ),
    )
    [meeting] = corpus.extractions["a"].meetings
    assert (meeting.type_id, meeting.start, meeting.end) == (
        "nato_defence_ministers",
        "2025-02-12",
        "2025-02-13",
    )


def test_an_aid_tranche_is_compared_within_its_article_only(tmp_path):
    corpus = shipped_corpus(
        tmp_path,
        a=(
            "Ramstein\n\nRAMSTEIN, September 6, 2024 (VOA) - U.S. Defense Secretary Lloyd Austin "
            "announced a new $250 million package of military aid for Ukraine. The latest U.S. "
            "package, valued at $225 million, brings total U.S. assistance to more than $56 "
            "billion."
        ),
        b=(
            "Aid\n\nWASHINGTON, October 2, 2024 (AP) - The Pentagon announced a $425 million "
            "package of military aid for Ukraine, the Biden administration said."
        ),
    )
    amounts = [c for c in corpus.conflicts if c.subject == "US military aid package for Ukraine"]
    assert [{c.a.value, c.b.value} for c in amounts] == [{"$250 million", "$225 million"}]
    assert all(c.a.article == c.b.article == "a" for c in amounts)
