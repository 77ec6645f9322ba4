"""Meetings within one article: kind, dates, place, attendees and absentees."""

from __future__ import annotations

import pytest
from extraction_helpers import extract, small_extractor


@pytest.fixture(scope="module")
def extractor(tmp_path_factory):
    return small_extractor(tmp_path_factory.mktemp("meetings"))


def meetings(text, extractor, published=None, corpus_year=None):
    return extract(text, extractor, published, corpus_year).meetings


def test_named_meeting_with_place_two_day_duration_and_attendees(extractor):
    text = (
        "On April 3, NATO foreign ministers will begin a two-day meeting in Brussels. "
        "US Secretary of State Marco Rubio is expected to attend the meeting along with "
        "Ukrainian Foreign Minister Andriy Sybiha and European Union foreign policy chief Kaja Kallas."
    )
    [meeting] = meetings(text, extractor, corpus_year=2025)
    assert (meeting.type_id, meeting.place, meeting.start, meeting.end) == (
        "nato_foreign_ministers",
        "Brussels",
        "2025-04-03",
        "2025-04-04",
    )
    assert meeting.date_basis == "year_inferred"
    assert meeting.attendees == ["Marco Rubio", "Andriy Sybiha", "Kaja Kallas"]
    assert len(meeting.sources) == 2


def test_absent_and_the_stand_in(extractor):
    text = (
        "U.S. Secretary of State Marco rubio is expected to miss next week’s NATO foreign ministers meeting in Brussels. "
        "Deputy Secretary of State Christopher Landau will represent the United States at the December 3rd gathering. "
        "Landau, who will attend in Rubio’s place, previously expressed skepticism."
    )
    [meeting] = meetings(text, extractor, published="2025-11-28")
    assert (meeting.start, meeting.end, meeting.place) == ("2025-12-03", "2025-12-03", "Brussels")
    assert meeting.absentees == ["Marco Rubio"]
    assert meeting.attendees == ["Christopher Landau"]


def test_declined_to_attend_is_absence_not_attendance(extractor):
    text = "Senator Marco Rubio has reportedly declined to attend an upcoming NATO meeting in Brussels."
    [meeting] = meetings(text, extractor, published="2024-02-01")
    assert meeting.absentees == ["Marco Rubio"] and meeting.attendees == []


def test_range_and_venue_city(extractor):
    text = "Rubio met Rutte at NATO Headquarters today. The informal meeting is scheduled from 14 to 16 May."
    found = meetings(text, extractor, published="2025-05-12")
    kinds = {m.type_id: m for m in found}
    assert kinds["bilateral"].place == "Brussels"
    assert kinds["bilateral"].start == "2025-05-12"
    assert (kinds["informal_foreign_ministers"].start, kinds["informal_foreign_ministers"].end) == (
        "2025-05-14",
        "2025-05-16",
    )


def test_last_and_next_meeting_are_two_meetings(extractor):
    text = (
        "The US no longer chairs the Contact Group for the Defence of Ukraine, known as the Ramstein Group. "
        "The UK chaired the group's last meeting in February, and the next meeting, scheduled for April 11, could be co-chaired."
    )
    found = meetings(text, extractor, corpus_year=2025)
    dated = sorted((m.type_id, m.start, m.end) for m in found)
    assert dated == [
        ("ukraine_defence_contact_group", "2025-02-01", "2025-02-28"),
        ("ukraine_defence_contact_group", "2025-04-11", "2025-04-11"),
    ]


def test_undated_meeting_keeps_its_weekday(extractor):
    text = "BRUSSELS – Ministers on Thursday wrapped up the first day of NATO Foreign Ministerial meetings in Brussels."
    [meeting] = meetings(text, extractor)
    assert meeting.start is None and meeting.weekday_hint == 3
    assert meeting.date_basis == "unresolved"


def test_call_participants(extractor):
    text = "On Sunday, Rubio spoke with British Foreign Secretary David Lammy and German Chancellor Friedrich Merz in separate calls."
    [call] = meetings(text, extractor, published="2025-05-12")
    assert call.kind == "call"
    assert call.start == "2025-05-11"
    assert call.attendees == ["Marco Rubio", "David Lammy", "Friedrich Merz"]


def test_no_meeting_words_no_meeting(extractor):
    assert (
        meetings("Rutte insisted that the US remains committed to the alliance.", extractor) == []
    )


def test_a_place_belongs_to_the_meeting_it_follows(extractor):
    text = (
        "Foreign ministers gather at NATO Headquarters on Thursday. "
        "The April 3-4 meeting is the last gathering before the leaders' summit in Antalya in June."
    )
    found = {m.type_id: m for m in meetings(text, extractor, corpus_year=2025)}
    assert found["summit"].place == "Antalya"
    assert found["nato_foreign_ministers"].place == "Brussels"
    assert (found["nato_foreign_ministers"].start, found["nato_foreign_ministers"].end) == (
        "2025-04-03",
        "2025-04-04",
    )


def test_the_ministers_of_the_alliance_as_a_body_are_their_meeting(extractor):
    from datetime import date

    text = (
        "NATO defence ministers on Thursday approved new capability targets, paving the way "
        "for leaders to agree a new goal at their summit in Antalya later this month."
    )
    found = {m.type_id: m for m in meetings(text, extractor, published=date(2025, 6, 5))}
    assert (found["nato_defence_ministers"].start, found["nato_defence_ministers"].place) == (
        "2025-06-05",
        None,
    )
    assert found["summit"].place == "Antalya"


def test_a_meeting_that_wrapped_up_on_a_day_began_before_it(extractor):
    from datetime import date

    text = (
        "LA MALBAIE - Group of Seven foreign ministers on Friday wrapped up a three-day meeting "
        "in the Canadian resort town of Antalya."
    )
    [meeting] = meetings(text, extractor, published=date(2025, 3, 14))
    assert (meeting.type_id, meeting.start, meeting.end, meeting.place) == (
        "g7_foreign_ministers",
        "2025-03-12",
        "2025-03-14",
        "Antalya",
    )


def test_the_conference_is_the_conference_not_the_meeting_before_it(extractor):
    from datetime import date

    text = (
        "Zelensky spoke at the Munich Security Conference. "
        "On Saturday he met Marco Rubio in Brussels on the sidelines. "
        "The conference, which runs from 16 to 18 February, was overshadowed by the news."
    )
    found = {m.type_id: m for m in meetings(text, extractor, published=date(2024, 2, 17))}
    assert (found["munich_security_conference"].start, found["munich_security_conference"].end) == (
        "2024-02-16",
        "2024-02-18",
    )
    assert (found["bilateral"].start, found["bilateral"].end) == ("2024-02-17", "2024-02-17")


def test_the_meeting_of_a_named_group_is_one_meeting(extractor):
    from datetime import date

    text = (
        "Umerov informed about the 26th meeting of the Ukraine Defense Contact Group, which took "
        "place on Wednesday at NATO Headquarters. He held a bilateral meeting with Marco Rubio "
        "on the sidelines of the Ramstein meeting."
    )
    found = meetings(text, extractor, published=date(2025, 2, 12))
    assert [(m.type_id, m.start, m.place) for m in found] == [
        ("ukraine_defence_contact_group", "2025-02-12", "Brussels"),
        ("bilateral", "2025-02-12", "Brussels"),
    ]


@pytest.mark.parametrize(
    ("text", "type_id", "start", "end"),
    [
        ("Antony Blinken met Marco Rubio on Friday.", "bilateral", "2025-02-14", "2025-02-14"),
        (
            "NATO leaders will meet in Antalya on June 24-25.",
            "nato_summit",
            "2025-06-24",
            "2025-06-25",
        ),
        (
            "The consultations took place on Sunday, 23 November, in Brussels.",
            "meeting",
            "2025-11-23",
            "2025-11-23",
        ),
        (
            "The Russian side was headed by Medinsky, as in the first round on May 16.",
            "peace_talks",
            "2025-05-16",
            "2025-05-16",
        ),
    ],
)
def test_more_ways_of_reporting_a_meeting(extractor, text, type_id, start, end):
    from datetime import date

    published = date(2025, 11, 25) if "November" in text else date(2025, 2, 15)
    if "May 16" in text:
        published = date(2025, 6, 2)
    found = [(m.type_id, m.start, m.end) for m in meetings(text, extractor, published=published)]
    assert (type_id, start, end) in found


def test_a_place_naming_another_meeting_is_that_meetings(extractor):
    from datetime import date

    text = "NATO defence ministers approve new targets ahead of Antalya summit"
    found = {m.type_id: m for m in meetings(text, extractor, published=date(2025, 6, 5))}
    assert found["nato_defence_ministers"].place is None
    assert found["summit"].place == "Antalya"


def test_a_country_in_the_name_of_a_body_is_not_where_a_meeting_is(extractor):
    from datetime import date

    text = "Lee, a fellow at the Denmark Institute for Studies, said the summit on Friday helps."
    [meeting] = meetings(text, extractor, published=date(2025, 6, 5))
    assert (meeting.type_id, meeting.place, meeting.start) == ("summit", None, "2025-05-30")


def test_a_date_belongs_to_the_meeting_it_stands_next_to(extractor):
    from datetime import date

    text = "Monday's meeting came three days after Trump's summit with Putin in Antalya on Friday."
    found = {m.type_id: m for m in meetings(text, extractor, published=date(2025, 8, 18))}
    assert (found["summit"].start, found["summit"].place) == ("2025-08-15", "Antalya")


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky and Trump held a positive phone call on March 19.",
        "During the March 19 call, Putin agreed to a halt.",
        "Witkoff was received in the Kremlin by Putin on March 19.",
    ],
)
def test_calls_and_receptions_are_meetings(extractor, text):
    from datetime import date

    found = meetings(text, extractor, published=date(2025, 3, 20))
    assert ("2025-03-19", "2025-03-19") in {(m.start, m.end) for m in found}


def test_a_call_on_someone_is_not_a_call(extractor):
    from datetime import date

    text = "The letter is a call on allies to spend more on Monday."
    assert meetings(text, extractor, published=date(2025, 3, 20)) == []


@pytest.mark.parametrize(
    ("text", "type_id", "start", "end"),
    [
        (
            "Macron received on Monday at the Elysee the heads of government of Germany and Italy.",
            "leaders_meeting",
            "2025-02-17",
            "2025-02-17",
        ),
        (
            "Leaders meet again in Brussels for the regular European Council on March 20-21.",
            "eu_summit",
            "2025-03-20",
            "2025-03-21",
        ),
        (
            "It is the final gathering before the Washington summit on July 9-11.",
            "summit",
            "2025-07-09",
            "2025-07-11",
        ),
        (
            "This gathering takes place on the eve of a meeting in Riyadh, on Tuesday.",
            "meeting",
            "2025-02-18",
            "2025-02-18",
        ),
    ],
)
def test_leaders_councils_and_dates_after_before(extractor, text, type_id, start, end):
    from datetime import date

    found = [
        (m.type_id, m.start, m.end) for m in meetings(text, extractor, published=date(2025, 2, 17))
    ]
    assert (type_id, start, end) in found


def test_who_held_a_call_and_who_led_the_delegations(extractor):
    text = (
        "Ukrainian President Volodymyr Zelensky and U.S. President Donald Trump held what both "
        "sides described as a positive phone call on March 19. "
        "At the talks in Brussels on March 20 the Ukrainian delegation was led by Defence "
        "Minister Rustem Umerov, while the Russian side was headed by presidential aide "
        "Vladimir Medinsky. Turkish Foreign Minister Hakan Fidan opened the meeting."
    )
    call, talks = meetings(text, extractor, published="2025-03-21")
    assert (call.kind, call.start, call.attendees) == (
        "call",
        "2025-03-19",
        ["Donald Trump", "Volodymyr Zelensky"],
    )
    assert (talks.place, talks.start) == ("Brussels", "2025-03-20")
    assert talks.attendees == ["Rustem Umerov", "Vladimir Medinsky", "Hakan Fidan"]


def test_a_cue_goes_to_the_meeting_named_nearest_it(extractor):
    text = (
        "Rubio attended the NATO foreign ministers meeting in Brussels on April 3, and on "
        "April 5 British Foreign Secretary David Lammy hosted a call of European ministers."
    )
    ministerial, call = meetings(text, extractor, published="2025-04-06")
    assert ministerial.attendees == ["Marco Rubio"]
    assert call.attendees == ["David Lammy"]


def test_numbered_rounds_are_separate_meetings_but_counts_and_days_are_not_numbers(extractor):
    text = (
        "Delegations met in Brussels on July 23 for a third round of direct peace talks. "
        "The first round of talks took place on May 16. On the first day of the talks, "
        "the delegations agreed on a prisoner exchange, as in the first two rounds."
    )
    rounds = meetings(text, extractor, published="2025-07-24")
    assert sorted((m.start, m.ordinal) for m in rounds) == [("2025-05-16", 1), ("2025-07-23", 3)]


def test_a_count_of_meetings_is_not_the_first_meeting(extractor):
    text = (
        "Ministers of the Ukraine Defense Contact Group met in Brussels on April 11. "
        "Lloyd Austin had chaired the first 25 meetings before the chair passed to Britain."
    )
    [udcg] = meetings(text, extractor, published="2025-04-12")
    assert (udcg.start, udcg.ordinal, len(udcg.sources)) == ("2025-04-11", None, 2)


def test_a_meeting_of_another_year_is_another_meeting(extractor):
    text = (
        "NATO leaders on Wednesday wrapped up a two-day summit in Brussels. Diplomats wanted to "
        "avoid a repeat of the 2018 Brussels summit, when Trump threatened to walk out. Days "
        "before the summit, Rutte wrote to the allies. The next summit will be held in Sofia in 2026."
    )
    found = meetings(text, extractor, published="2025-06-25")
    dated = [m for m in found if m.start]
    assert [(m.start, m.end, m.place) for m in dated] == [("2025-06-24", "2025-06-25", "Brussels")]
    assert len(dated[0].sources) == 2  # the summit, and "days before the summit"
    assert len(found) == 3  # the 2018 summit and the next one are listed, undated


def test_the_day_of_a_possessive_dates_its_own_noun(extractor):
    text = (
        "The NATO summit in Brussels was held on 24-25 June. President Zelensky attended "
        "Tuesday's dinner and met Trump on the sidelines on Wednesday, a 50-minute conversation."
    )
    talks = [m for m in meetings(text, extractor, published="2025-06-26") if m.kind == "bilateral"]
    assert [(m.start, m.place) for m in talks] == [("2025-06-25", "Brussels")]


def test_a_date_before_a_named_meeting_after_since_is_its_date(extractor):
    text = (
        "The Brussels meeting on March 11 was the first contact since a February 28 Oval Office "
        "meeting between Trump and Zelensky."
    )
    found = meetings(text, extractor, published="2025-03-12")
    assert sorted(m.start for m in found) == ["2025-02-28", "2025-03-11"]


def test_a_known_meeting_gives_its_place_to_a_report_that_names_none(extractor):
    ext = small_extractor_with_events(extractor)
    text = "Leaders wrapped up a two-day NATO summit on Wednesday with a pledge on spending."
    [summit] = meetings(text, ext, published="2025-06-25")
    assert (summit.start, summit.end, summit.place) == ("2025-06-24", "2025-06-25", "The Hague")


def small_extractor_with_events(extractor):
    from dataclasses import replace

    from tui.core.config_models import KnownEvent
    from tui.core.meetings import MeetingMatcher

    event = KnownEvent(
        name="NATO Summit 2025",
        type="nato_summit",
        place="The Hague",
        start="2025-06-24",
        end="2025-06-25",
    )
    matcher = MeetingMatcher.from_config(extractor.config.meetings, [event])
    return replace(extractor, meeting_matcher=matcher)


def test_two_who_met_for_hours_on_a_day_met_then(extractor):
    text = (
        "US President Donald Trump and Russian President Vladimir Putin met for nearly three "
        "hours at an air base on Friday but failed to agree. Their demands were met on Saturday."
    )
    [talks] = meetings(text, extractor, published="2025-08-16")
    assert (talks.kind, talks.start) == ("bilateral", "2025-08-15")


def test_following_a_meeting_on_a_weekday_looks_back(extractor):
    text = (
        "Trump said troops will stay in Poland, following a meeting at the White House in "
        "Brussels on Wednesday with Polish President Karol Nawrocki."
    )
    [meeting] = meetings(text, extractor, published="2025-09-04")
    assert meeting.start == "2025-09-03"


def test_a_meeting_told_its_place_later_and_a_contact_group_reported_on_two_days(extractor):
    text = (
        "Pete Hegseth on Wednesday skipped the meeting of the Ukraine Defense Contact Group, the "
        "Ramstein-format coalition that coordinates military aid to Kyiv. The meeting, held at "
        "NATO headquarters in Brussels on June 4, was co-chaired by John Healey. At the June 5 "
        "contact group meeting, Umerov presented a list of needs."
    )
    found = meetings(text, extractor, corpus_year=2025)
    assert sorted((m.type_id, m.start, m.place) for m in found) == [
        ("ukraine_defence_contact_group", "2025-06-04", "Brussels"),
        ("ukraine_defence_contact_group", "2025-06-05", "Brussels"),  # the same one, misdated
    ]


def test_a_place_inside_a_meetings_name_is_its_name_not_its_place(extractor):
    text = "Hegseth Skips Ramstein Meeting\n\nHegseth skipped the Ramstein meeting on April 11."
    [udcg] = meetings(text, extractor, published="2025-04-12")
    assert (udcg.type_id, udcg.place) == ("ukraine_defence_contact_group", None)


def test_who_gets_aid_is_not_where_a_meeting_is(extractor):
    text = "The contact group met on June 4 to coordinate military aid to Brussels."
    [udcg] = meetings(text, extractor, published="2025-06-05")
    assert udcg.place is None


def test_runs_until_a_day_ends_the_meeting_on_that_day(extractor):
    text = "The NATO summit in Brussels begins on Friday and runs until Sunday."
    [summit] = meetings(text, extractor, published="2025-02-13")
    assert (summit.start, summit.end) == ("2025-02-14", "2025-02-16")


def test_a_meeting_closed_on_a_day_takes_the_range_next_to_it_ending_then(extractor):
    text = (
        "When the chairman closed the NATO summit in Brussels on Sunday, his voice broke. "
        "Few of the delegates who had filled the hotel from 14 to 16 February had expected it."
    )
    [summit] = meetings(text, extractor, published="2025-02-17")
    assert (summit.start, summit.end) == ("2025-02-14", "2025-02-16")


def test_a_range_next_to_a_meeting_that_began_on_a_day_is_not_its_span(extractor):
    text = (
        "On Tuesday evening the ministers will meet in the NATO-Ukraine Council. The ministerial "
        "in Brussels takes place on December 3-4."
    )
    council = next(
        m
        for m in meetings(text, extractor, published="2024-12-03")
        if m.type_id == "nato_ukraine_council"
    )
    assert (council.start, council.end) == ("2024-12-03", "2024-12-03")


def test_a_bodys_seat_is_a_venue(extractor):
    ext = extractor
    text = "Witkoff was received in the Kremlin by President Vladimir Putin on Wednesday."
    [meeting] = meetings(text, ext, published="2025-08-07")
    assert (meeting.start, meeting.place) == ("2025-08-06", "Moscow")


def test_the_date_in_the_meetings_clause_beats_one_in_the_clause_before(extractor):
    text = (
        "Modi had spent Wednesday and Thursday in Poland, where he held talks with Prime "
        "Minister Donald Tusk in Warsaw on Thursday."
    )
    [meeting] = meetings(text, extractor, published="2024-08-23")  # a Friday
    assert (meeting.start, meeting.end) == ("2024-08-22", "2024-08-22")


def test_a_visit_is_a_meeting_with_its_place_and_dates(extractor):
    text = "The visit came six weeks after Modi's visit to Antalya on July 8-9, 2024."
    found = [m for m in meetings(text, extractor) if m.kind == "visit"]
    assert [(m.place, m.start, m.end) for m in found] == [("Antalya", "2024-07-08", "2024-07-09")]


def test_a_visit_to_a_country_says_where_and_the_visiting_minister_is_no_visit(extractor):
    found = meetings(
        "Rutte paid a state visit to Ukraine on 5 March 2025. The visiting minister spoke.",
        extractor,
    )
    assert [(m.kind, m.place, m.start) for m in found] == [("visit", "Ukraine", "2025-03-05")]


@pytest.mark.parametrize(
    ("text", "published", "start"),
    [
        (
            "It was agreed after the February 28 Oval Office clash with Trump.",
            "2025-03-11",
            "2025-02-28",
        ),
        (
            "It came after Friday's scenes in the Oval Office with Trump.",
            "2025-03-02",
            "2025-02-28",
        ),
    ],
)
def test_an_oval_office_clash_is_a_meeting_in_washington(extractor, text, published, start):
    found = [m for m in meetings(text, extractor, published) if m.kind == "bilateral"]
    assert [m.start for m in found] == [start]


def test_two_leaders_who_signed_a_treaty_met_and_a_welcome_is_a_meeting(extractor):
    found = meetings(
        "Trump and Zelensky signed a treaty in Brussels on June 19, 2024. On 2 March 2025 "
        "Rutte was welcomed by Trump in Brussels.",
        extractor,
    )
    assert sorted((m.kind, m.start) for m in found) == [
        ("bilateral", "2024-06-19"),
        ("bilateral", "2025-03-02"),
    ]


def test_the_days_given_within_next_week_date_the_meeting(extractor):
    text = "NATO leaders meet next week in Brussels, June 24 to 25, to agree a new target."
    [meeting] = [m for m in meetings(text, extractor, published="2025-06-17") if m.kind == "summit"]
    assert (meeting.start, meeting.end) == ("2025-06-24", "2025-06-25")


@pytest.mark.parametrize(
    "sentence",
    [
        "Marco Rubio did not take part in the NATO foreign ministers' meeting on 3 December 2025.",
        "Marco Rubio took part neither in person nor online in the NATO foreign ministers' "
        "meeting on 3 December 2025.",
    ],
)
def test_not_taking_part_is_absence(extractor, sentence):
    [meeting] = meetings(sentence, extractor)
    assert meeting.absentees == ["Marco Rubio"] and meeting.attendees == []


def test_a_later_report_of_an_undated_meeting_takes_the_days_next_to_it(extractor):
    text = (
        "Merz defended the result at the end of the two-day NATO summit in The Hague. "
        "The allies had agreed on 24. and 25. June to spend five percent. "
        "Zelensky met Trump on Wednesday on the sidelines of the summit."
    )
    headline = "The chancellor defended the new goal at the NATO summit. "
    [summit] = [
        m
        for m in meetings(headline + text, extractor, published="2025-06-25")
        if m.kind == "summit"
    ]
    assert (summit.start, summit.end) == ("2025-06-24", "2025-06-25")


def test_a_schedule_in_the_present_tense_looks_ahead(extractor):
    text = "NATO leaders arrive in Brussels on Tuesday for the summit."
    [summit] = [m for m in meetings(text, extractor, published="2025-06-23") if m.kind == "summit"]
    assert summit.start == "2025-06-24"


def test_the_meeting_of_a_named_group_is_that_group_not_the_meeting_before(extractor):
    text = (
        "The conference continues tomorrow with sessions on energy. "
        "The next meeting of the Ukraine Defense Contact Group is expected to be held by video "
        "on July 21."
    )
    found = meetings(text, extractor, published="2025-07-10")
    [group] = [m for m in found if m.kind == "contact_group"]
    assert (group.start, group.end) == ("2025-07-21", "2025-07-21")


def test_the_pages_published_line_does_not_date_the_meeting_in_the_headline(extractor):
    text = (
        "Austin's last Ramstein meeting ends with Zelensky pressing allies\n\n"
        "Published: 10 Jan. 2025, 07:12\n\n"
        "Lloyd Austin chaired his final meeting of the Ukraine Defense Contact Group at Ramstein "
        "on Thursday. The gathering, the 25th since Austin launched the coalition in April 2022, "
        "brought together officials from some 50 countries."
    )
    found = meetings(text, extractor, published="2025-01-10")
    groups = [m for m in found if m.kind == "contact_group"]
    assert {(m.start, m.end) for m in groups} == {("2025-01-09", "2025-01-09")}
    assert [m.participants for m in groups] == [["some 50 countries"]]


def test_people_counted_in_the_sentence_after_the_meeting(extractor):
    text = (
        "The Ukraine Recovery Conference in Rome closed on Friday. "
        "More than 3,500 participants registered, organisers said."
    )
    [conference] = [
        m for m in meetings(text, extractor, published="2025-07-11") if m.kind == "conference"
    ]
    assert conference.participants == ["more than 3,500 participants"]


def test_a_demonym_after_in_is_not_where_a_meeting_is(extractor):
    text = (
        "The conference continued on Friday with sessions on the energy system, which lost half "
        "its capacity in American strikes."
    )
    found = meetings(text, extractor, published="2025-07-11")
    assert [m.place for m in found] == [None]


def test_the_conference_continues_tomorrow_extends_the_one_reported(extractor):
    text = (
        "The fourth recovery conference opened in Brussels on Thursday. "
        "Ministers signed memoranda on energy and housing. "
        "The conference continues tomorrow with sessions on human capital."
    )
    [conference] = meetings(text, extractor, published="2025-07-10")
    assert (conference.start, conference.end, conference.place) == (
        "2025-07-10",
        "2025-07-11",
        "Brussels",
    )


def test_a_continuation_days_later_is_not_the_same_meeting(extractor):
    text = (
        "The conference opened in Brussels on Monday. "
        "The conference continues on Friday with a closing session."
    )
    spans = [(m.start, m.end) for m in meetings(text, extractor, published="2025-07-07")]
    assert ("2025-07-07", "2025-07-07") in spans and ("2025-07-07", "2025-07-11") not in spans


def test_a_video_meeting_of_the_coalition_of_the_willing_is_that_meeting(extractor):
    text = (
        "Zelensky was received by the pope on Wednesday. "
        "On Thursday Zelensky joined a video meeting of the so-called 'coalition of the willing'."
    )
    found = {m.type_id: m for m in meetings(text, extractor, published="2025-07-10")}
    assert found["coalition_of_the_willing"].start == "2025-07-10"
    assert found["coalition_of_the_willing"].attendees == ["Volodymyr Zelensky"]


def test_one_meeting_named_twice_in_a_sentence_keeps_the_date_of_either_name(extractor):
    text = (
        "The next meeting of the Ukraine Defense Contact Group, the 29th in the so-called "
        "Ramstein format, is expected to be held by video on July 21."
    )
    [group] = meetings(text, extractor, published="2025-07-10")
    assert (group.type_id, group.start, group.end) == (
        "ukraine_defence_contact_group",
        "2025-07-21",
        "2025-07-21",
    )


def test_a_two_day_meeting_which_ended_today_began_yesterday(extractor):
    text = "The two-day meeting of the defence ministers of NATO countries, which ended today, was held in Brussels."
    [ministers] = meetings(text, extractor, published="2024-10-18")
    assert (ministers.type_id, ministers.start, ministers.end) == (
        "nato_defence_ministers",
        "2024-10-17",
        "2024-10-18",
    )


def test_a_bilateral_with_someone_else_is_another_meeting(extractor):
    text = (
        "Zelensky was received by Trump at the White House on Wednesday, officials said. "
        "Zelensky, who met Rutte at the conference venue earlier on Thursday, described their "
        "talks as substantive."
    )
    found = [m for m in meetings(text, extractor, published="2025-07-10") if m.kind == "bilateral"]
    assert sorted(m.start for m in found) == ["2025-07-09", "2025-07-10"]
    assert [m.kind for m in meetings(text, extractor, published="2025-07-10")].count(
        "conference"
    ) == 0


@pytest.mark.parametrize(
    ("text", "type_id", "place", "attendees"),
    [
        (
            "Trump and Zelensky spoke by phone on Friday about air defence.",
            "call",
            None,
            ["Donald Trump", "Volodymyr Zelensky"],
        ),
        (
            "Rubio met in Brussels with Mark Rutte on Friday.",
            "bilateral",
            "Brussels",
            ["Marco Rubio", "Mark Rutte"],
        ),
        ("Zelensky is due at the White House on Friday.", "visit", "Washington", None),
        ("The two delegations met in Antalya on Friday.", "peace_talks", "Antalya", None),
    ],
)
def test_calls_visits_and_delegations_said_in_other_words(
    extractor, text, type_id, place, attendees
):
    from datetime import date

    # Published on a Saturday: a past "on Friday" is the day before, "is due on Friday" next week.
    found = {m.type_id: m for m in meetings(text, extractor, published=date(2025, 2, 15))}
    meeting = found[type_id]
    start = "2025-02-21" if "due" in text else "2025-02-14"
    assert (meeting.start, meeting.place) == (start, place)
    if attendees is not None:
        assert sorted(meeting.attendees) == attendees


def test_a_phone_call_has_no_place_even_beside_a_city(extractor):
    from datetime import date

    text = (
        "Rutte arrived in Brussels on Thursday. "
        "Trump and Zelensky spoke by phone on Friday in a call from Brussels."
    )
    [call] = [m for m in meetings(text, extractor, published=date(2025, 2, 15)) if m.kind == "call"]
    assert (call.start, call.place) == ("2025-02-14", None)


def test_a_summit_meeting_is_the_summit(extractor):
    from datetime import date

    text = "The NATO summit meeting was held on the 10th and 11th in Sofia."
    found = [
        (m.kind, m.start, m.end) for m in meetings(text, extractor, published=date(2024, 7, 12))
    ]
    assert found == [("summit", "2024-07-10", "2024-07-11")]


def test_an_undated_meeting_in_the_place_of_the_one_dated_meeting_is_that_meeting(extractor):
    from datetime import date

    text = (
        "Antalya talks produce a refined framework as Rubio attends\n\n"
        "The United States and Ukraine said after talks in Antalya on Sunday that they had "
        "drawn up a refined framework."
    )
    found = meetings(text, extractor, published=date(2025, 5, 19))
    assert [(m.start, m.place) for m in found] == [("2025-05-18", "Antalya")]


def test_a_videoconference_is_a_call_without_a_place(extractor):
    from datetime import date

    text = "Starmer will hold a new videoconference of the coalition leaders in London on Saturday."
    [call] = meetings(text, extractor, published=date(2025, 3, 11))
    assert (call.kind, call.start, call.place) == ("call", "2025-03-15", None)


def test_took_part_and_a_delegation_that_included_someone_attend(extractor):
    from datetime import date

    text = (
        "The talks in Antalya on Tuesday lasted nine hours. The US delegation was led by "
        "Secretary of State Marco Rubio, and included special envoy Steve Witkoff. "
        "Ukrainian President Volodymyr Zelensky took part in the talks."
    )
    [talks] = meetings(text, extractor, published=date(2025, 3, 12))
    assert talks.attendees == ["Marco Rubio", "Steve Witkoff", "Volodymyr Zelensky"]


def test_not_in_the_place_not_expected_to_travel_and_never_sat_down_are_absences(extractor):
    from datetime import date

    text = (
        "The talks in Antalya on Tuesday lasted nine hours. US special envoy Steve Witkoff "
        "was not in Antalya. Marco Rubio is not expected to make the trip. Mark Rutte "
        "never sat down with the delegations."
    )
    [talks] = meetings(text, extractor, published=date(2025, 3, 12))
    assert talks.absentees == ["Steve Witkoff", "Marco Rubio", "Mark Rutte"]
    assert talks.attendees == []


def test_not_in_a_place_is_absence_from_the_meeting_there_not_the_one_attended(extractor):
    from datetime import date

    text = (
        "The NATO summit in Sofia runs from 16 to 18 February. Marco Rubio, who chaired "
        "a call with Mark Rutte on Wednesday, was not in Sofia."
    )
    found = meetings(text, extractor, published=date(2024, 2, 17))
    [summit] = [m for m in found if m.kind == "summit"]
    assert summit.absentees == ["Marco Rubio"]
    [call] = [m for m in found if m.kind == "call"]
    assert "Marco Rubio" in call.attendees and "Marco Rubio" not in call.absentees


def test_not_coming_in_person_but_joining_by_video_is_attending(extractor):
    from datetime import date

    text = (
        "The Ramstein-format meeting is in Brussels on Wednesday. Marco Rubio will not come "
        "to Brussels personally, but will join by video."
    )
    [meeting] = meetings(text, extractor, published=date(2025, 6, 3))
    assert (meeting.attendees, meeting.absentees) == (["Marco Rubio"], [])


def test_an_undated_report_joins_the_dated_meeting_of_its_kind_in_that_place(extractor):
    from datetime import date

    text = (
        "On Monday Zelensky met Mark Rutte in Antalya. The talks in Antalya on Tuesday "
        "lasted eight hours.\n\nMarco Rubio attended the talks in Antalya."
    )
    found = meetings(text, extractor, published=date(2025, 3, 11))
    talks = [m for m in found if m.start == "2025-03-11"]
    assert len(talks) == 1 and "Marco Rubio" in talks[0].attendees
    assert all(m.start for m in found)  # no undated copy of the talks left


def test_a_meeting_always_held_in_one_city_keeps_it(extractor):
    from datetime import date

    text = (
        "Marco Rubio spoke at the Munich Security Conference on Friday. Meanwhile Washington "
        "prepares talks with Moscow in Antalya. To Munich Mark Rutte did not come."
    )
    found = meetings(text, extractor, published=date(2025, 2, 15))
    [conference] = [m for m in found if m.type_id == "munich_security_conference"]
    assert conference.place == "Munich"
    assert conference.absentees == ["Mark Rutte"]


def test_a_page_time_stamp_beside_a_headline_does_not_date_the_meeting_in_it(extractor):
    from datetime import date

    text = (
        "Rutte To Skip NATO Summit In Sofia\n\n18:34 JST, June 21\n\n"
        "Mark Rutte has decided not to attend the NATO summit to be held in Sofia on June 24 "
        "and 25, sources said Saturday."
    )
    found = meetings(text, extractor, published=date(2025, 6, 21))
    assert [(m.start, m.end) for m in found if m.kind == "summit"] == [("2025-06-24", "2025-06-25")]


def test_a_short_line_of_words_with_a_date_is_a_headline_not_a_time_stamp(extractor):
    from datetime import date

    # Only times, zones, weekdays and labels make a stamp: "Summit opens in Sofia" dates it.
    text = "Leaders summit opens in Sofia on June 24\n\nThe leaders arrived in the city."
    found = meetings(text, extractor, published=date(2025, 6, 21))
    assert [(m.start, m.place) for m in found if m.kind == "summit"] == [("2025-06-24", "Sofia")]


def test_a_country_just_before_an_absence_cue_is_its_subject_not_the_host_before_it(extractor):
    from datetime import date

    text = (
        "Delegations from 90 countries took part in the summit in Antalya on June 15-16, hosted "
        "by Mark Rutte, but Russia was not invited and Denmark did not attend."
    )
    [summit] = meetings(text, extractor, published=date(2024, 6, 16))
    assert (summit.attendees, summit.absentees) == (["Mark Rutte"], [])


def test_a_meeting_that_ended_after_so_many_minutes_lasted_that_long(extractor):
    from datetime import date

    text = "The talks in Antalya on Friday ended after 90 minutes."
    [talks] = meetings(text, extractor, published=date(2025, 5, 17))
    assert talks.lengths == ["90 minutes"]


def test_the_same_day_is_the_day_of_the_meeting_reported_just_before(extractor):
    from datetime import date

    text = (
        "NATO defence ministers met in Brussels on Wednesday. Zelensky arrives in Washington "
        "on Friday. The call came a day after NATO defence ministers met. The Ukraine Defence "
        "Contact Group met the same day at NATO headquarters."
    )
    found = meetings(text, extractor, published=date(2025, 10, 16))
    [group] = [m for m in found if m.type_id == "ukraine_defence_contact_group"]
    assert group.start == "2025-10-15"  # the ministers' Wednesday, not the Friday written first


def test_a_meeting_a_day_before_the_summit_takes_the_day_before_its_first(extractor):
    from datetime import date

    text = (
        "The peace summit at Bürgenstock was held on June 15-16. The summit came a day after "
        "Modi held talks with Zelensky on the margins of the G7 summit in Italy, which ran "
        "from June 13 to 15."
    )
    found = meetings(text, extractor, published=date(2024, 6, 17))
    [talks] = [m for m in found if m.type_id == "bilateral"]
    assert (talks.start, talks.end) == ("2024-06-14", "2024-06-14")


def test_the_call_a_sentence_begins_with_is_the_call_reported_before(extractor):
    from datetime import date

    text = (
        "Trump and Putin spoke by phone on Friday. The call came two days after NATO defence "
        "ministers met in Brussels."
    )
    found = meetings(text, extractor, published=date(2025, 10, 18))
    [ministers] = [m for m in found if m.type_id == "nato_defence_ministers"]
    assert ministers.start == "2025-10-15"


def test_a_meeting_days_apart_keeps_a_day_its_own_clause_gives(extractor):
    from datetime import date

    text = (
        "Trump and Putin spoke by phone on Friday. The call came two days after NATO defence "
        "ministers met in Brussels on Tuesday."
    )
    found = meetings(text, extractor, published=date(2025, 10, 18))
    [ministers] = [m for m in found if m.type_id == "nato_defence_ministers"]
    assert ministers.start == "2025-10-14"  # as written (not two days before the Friday)


def test_the_same_day_after_a_later_date_is_that_date(extractor):
    from datetime import date

    text = (
        "NATO defence ministers met in Brussels on Wednesday. Trump has announced a statement "
        "for next Monday, and Mark Rutte is expected at the White House on the same day."
    )
    found = meetings(text, extractor, published=date(2025, 7, 11))
    [visit] = [m for m in found if m.type_id != "nato_defence_ministers"]
    assert visit.start == "2025-07-14"


def test_the_foreign_ministers_of_the_twenty_seven_are_the_foreign_affairs_council(extractor):
    from datetime import date

    text = (
        "The ground had been prepared on Monday 20 October in Brussels, where the foreign "
        "ministers of the Twenty-Seven unblocked the package."
    )
    [council] = meetings(text, extractor, published=date(2025, 10, 24))
    assert (council.type_id, council.start, council.place) == (
        "eu_foreign_affairs_council",
        "2025-10-20",
        "Brussels",
    )


def test_translated_phrasings_of_a_ministerial_and_of_a_reception(extractor):
    from datetime import date

    text = (
        "In Brussels on Wednesday the ministers of foreign affairs of the NATO countries met. "
        "Steve Witkoff and Jared Kushner were received on Tuesday evening in the Kremlin by "
        "Vladimir Putin."
    )
    found = {m.type_id: m for m in meetings(text, extractor, published=date(2025, 12, 3))}
    assert (found["nato_foreign_ministers"].start, found["nato_foreign_ministers"].place) == (
        "2025-12-03",
        "Brussels",
    )
    assert (found["bilateral"].start, found["bilateral"].place) == ("2025-12-02", "Moscow")


def test_an_informal_meeting_of_leaders_is_no_meeting_of_nato_foreign_ministers(extractor):
    from datetime import date

    text = (
        "French President Emmanuel Macron hosted the leaders of eight countries for an informal "
        "meeting in Paris on Monday."
    )
    [meeting] = meetings(text, extractor, published=date(2025, 2, 17))
    assert meeting.type_id != "informal_foreign_ministers"
    assert meeting.participants == ["eight countries"]


def test_nor_attended_is_an_absence_and_met_on_an_afternoon_with_a_bilateral(extractor):
    from datetime import date

    text = (
        "Pedro Sánchez arrived at the summit of the Atlantic Alliance in The Hague on Wednesday. "
        "Volodymyr Zelensky did not sit at the table of the summit nor attended the dinner. "
        "Zelensky met on Wednesday afternoon with Donald Trump for almost an hour."
    )
    found = {m.type_id: m for m in meetings(text, extractor, published=date(2025, 6, 25))}
    assert found["nato_summit"].absentees == ["Volodymyr Zelensky"]
    assert found["bilateral"].lengths == ["almost an hour"]


def test_the_days_a_meeting_takes_place_on_beat_the_day_someone_travels_to_it(extractor):
    from datetime import date

    text = (
        "Scholz travels on Sunday to the summit in Rio de Janeiro, which takes place next "
        "Monday and Tuesday."
    )
    [summit] = meetings(text, extractor, published=date(2024, 11, 15))
    assert (summit.start, summit.end) == ("2024-11-18", "2024-11-19")


def test_each_round_keeps_its_own_length_when_one_sentence_gives_two(extractor):
    from datetime import date

    text = (
        "Negotiators met in Istanbul on July 23 in talks that lasted about 40 minutes. The "
        "first round of the talks, on May 16, was a two-hour session that produced an exchange; "
        "the second, on June 2, lasted just over an hour."
    )
    found = {m.start: m.lengths for m in meetings(text, extractor, published=date(2025, 7, 24))}
    assert found == {
        "2025-07-23": ["about 40 minutes"],
        "2025-05-16": ["two-hour"],
        "2025-06-02": ["just over an hour"],
    }


def test_an_hour_long_phone_conversation_is_a_call_with_its_length(extractor):
    from datetime import date

    text = (
        "As reported, on February 12 Donald Trump held an hour-long phone conversation with "
        "Vladimir Putin."
    )
    [call] = meetings(text, extractor, published=date(2025, 2, 13))
    assert (call.type_id, call.start, call.lengths) == ("call", "2025-02-12", ["hour-long"])


@pytest.fixture(scope="module")
def shipped():
    """The extractor of the shipped config (its gazetteer knows Ankara, Canada, The Hague)."""
    from tui.core.config import load_config
    from tui.core.extraction import Extractor

    return Extractor.for_config(load_config(None))


def test_a_date_and_place_in_an_aside_with_its_own_meeting_are_not_the_main_meeting_s(shipped):
    from datetime import date

    text = (
        "NATO leaders met in The Hague on Tuesday. U.S. President Donald Trump, who cut short "
        "his attendance at the June 16-17 G7 summit in Canada last week, met Ukrainian "
        "President Volodymyr Zelensky on Wednesday."
    )
    found = meetings(text, shipped, published=date(2025, 6, 25))
    [talks] = [m for m in found if m.type_id == "bilateral"]
    assert talks.start == "2025-06-25" and talks.place != "Canada"
    [g7] = [m for m in found if m.type_id == "g7_summit"]
    assert (g7.start, g7.end) == ("2025-06-16", "2025-06-17")


def test_the_meeting_in_an_aside_keeps_its_day_and_an_aside_goes_on_after_where(shipped):
    from datetime import date

    text = (
        "Ukrainian President Volodymyr Zelensky, who was in Ankara for talks with Turkish "
        "President Recep Tayyip Erdogan on Tuesday, said Kyiv would not take part in any "
        "negotiations held behind its back."
    )
    found = meetings(text, shipped, published=date(2025, 2, 19))
    assert any(m.start == "2025-02-18" and m.place == "Ankara" for m in found)
    text = (
        "Fidan, who attended the BRICS foreign ministers' meeting in Nizhny Novgorod on June 11, "
        "where he held talks with Russian Foreign Minister Sergey Lavrov, said little."
    )
    found = meetings(text, shipped, published=date(2024, 6, 17))
    assert any(m.start == "2024-06-11" and "Sergey Lavrov" in m.attendees for m in found)
    assert not any(m.type_id == "nato_foreign_ministers" for m in found)  # BRICS ministers


def test_the_dinner_the_evening_before_is_a_meeting_of_its_own_not_the_session(shipped):
    from datetime import date

    text = (
        "The summit opened with a dinner hosted by King Willem-Alexander at Huis ten Bosch "
        "palace on Tuesday evening. Zelensky attended the dinner but will not take part in "
        "Wednesday's session."
    )
    found = {m.type_id: m for m in meetings(text, shipped, published=date(2025, 6, 25))}
    assert (found["dinner"].start, found["dinner"].end) == ("2025-06-24", "2025-06-24")
    assert "Volodymyr Zelensky" in found["dinner"].attendees
    assert all(m.type_id != "dinner" or m.start == "2025-06-24" for m in found.values())


def test_delegations_that_negotiated_with_someone_met(shipped):
    from datetime import date

    text = (
        "The plan was prepared last month in Geneva, where on 23 November the delegations of "
        "the USA and Ukraine worked on the 28 points. Earlier, on Sunday, the Ukrainian "
        "delegation led by Rustem Umerov negotiated in Hallandale Beach near Miami with "
        "Marco Rubio."
    )
    found = {m.start for m in meetings(text, shipped, published=date(2025, 12, 3))}
    assert {"2025-11-23", "2025-11-30"} <= found


def test_a_meeting_on_the_last_day_of_the_summit_takes_the_day_not_the_summit(shipped):
    from datetime import date

    text = (
        "On Thursday, the last day of the summit, Zelensky is to meet the leaders at the "
        "session of the NATO-Ukraine Council. The summit is the last for Stoltenberg, whom "
        "the North Atlantic Council appointed in 2014; Rutte was appointed in June."
    )
    found = meetings(text, shipped, published=date(2024, 7, 11))
    [nuc] = [m for m in found if m.type_id == "nato_ukraine_council"]
    assert nuc.start == "2024-07-11"


def test_the_guest_a_host_receives_attends_and_a_white_house_visit_is_a_meeting(shipped):
    from datetime import date

    text = (
        "Trump will host Ukrainian President Volodymyr Zelenskyy at the White House on Monday. "
        "European Council President Antonio Costa will also join the meeting. Erdogan met "
        "Ukrainian President Volodymyr Zelensky in Ankara on Tuesday."
    )
    found = meetings(text, shipped, published=date(2025, 8, 17))
    [visit] = [m for m in found if m.start == "2025-08-18"]
    assert (visit.place, set(visit.attendees)) == (
        "Washington",
        {"Donald Trump", "Volodymyr Zelensky", "António Costa"},
    )
    [ankara] = [m for m in found if m.place == "Ankara"]
    assert set(ankara.attendees) == {"Recep Tayyip Erdoğan", "Volodymyr Zelensky"}


def test_a_section_name_and_a_time_stamp_line_dates_no_meeting_of_the_headline(shipped):
    from datetime import date

    text = (
        "Trump to host Zelenskyy at White House after Alaska summit with Putin\n\n"
        "All News 07:41 August 18, 2025\n\n"
        "Trump will host Zelenskyy at the White House on Monday."
    )
    found = meetings(text, shipped, published=date(2025, 8, 18))
    assert not any(m.type_id == "summit" and m.start == "2025-08-18" for m in found)


def test_a_day_said_for_a_talk_on_the_sidelines_narrows_the_conference_s_days(shipped):
    from datetime import date

    text = (
        "Vance spoke at the Munich Security Conference (February 14-16) on Friday. Scholz said "
        "he would not meet the vice president during the conference, and on Friday Vance "
        "instead held a half-hour meeting with Alice Weidel on the sidelines. Zelenskyy was "
        "set to meet Vance later on Friday."
    )
    found = meetings(text, shipped, published=date(2025, 2, 15))
    [talk] = [m for m in found if m.type_id == "bilateral"]
    assert (talk.start, talk.end, talk.lengths) == ("2025-02-14", "2025-02-14", ["half-hour"])


def test_a_length_said_of_the_talks_paragraphs_later_is_the_dated_talks_length(shipped):
    from datetime import date

    text = (
        "Ukraine agrees to US proposal after Jeddah talks\n\n"  # the headline, undated
        "Ukraine accepted the proposal after talks between the delegations in Jeddah, Saudi "
        "Arabia, on Tuesday, 11 March. This is stated in the joint statement published after "
        "the meeting.\n\nThe United States will resume assistance. The talks at the "
        "Ritz-Carlton hotel lasted about eight hours, a source told reporters."
    )
    found = [m for m in meetings(text, shipped, published=date(2025, 3, 11)) if m.lengths]
    assert [(m.place, m.start, m.lengths) for m in found] == [
        ("Jeddah", "2025-03-11", ["about eight hours"])
    ]


def test_a_count_of_countries_goes_to_the_meeting_named_nearest_before_it(shipped):
    from datetime import date

    text = (
        "The talks in Jeddah on 11 March were preceded by a meeting in London on 2 March, "
        "where leaders of 18 countries discussed support for Ukraine."
    )
    found = {m.place: m.participants for m in meetings(text, shipped, published=date(2025, 3, 12))}
    assert found == {"Jeddah": [], "London": ["18 countries"]}
