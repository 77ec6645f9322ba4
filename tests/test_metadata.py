"""Title, published date, authors and outlet inferred from what the text states."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.core.cleaning import CleanRules, clean_lines
from tui.core.metadata import infer_metadata, parse_explicit_date


@pytest.fixture(scope="module")
def infer(shipped_rules):
    rules = CleanRules.from_config(shipped_rules.cleaning)

    def run(text: str):
        return infer_metadata(clean_lines(text, rules), shipped_rules.metadata)

    return run


TITLE = "Rubio To Skip The NATO Foreign Ministers Meeting"


# --- datelines ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "published", "place"),
    [
        (
            "Brussels,Belgium – November 28,2025 – In a move raising eyebrows, ministers met.",
            dt.date(2025, 11, 28),
            "Brussels, Belgium",
        ),
        ("Brussels, Belgium — April 3, 2025", dt.date(2025, 4, 3), "Brussels, Belgium"),
        ("BRUSSELS — April 3, 2025 — NATO ministers met.", dt.date(2025, 4, 3), "BRUSSELS"),
        (
            "Antalya, Turkey - 14 May 2025 - Ministers arrive.",
            dt.date(2025, 5, 14),
            "Antalya, Turkey",
        ),
        ("WASHINGTON – Nov. 3rd, 2024 – Votes were counted.", dt.date(2024, 11, 3), "WASHINGTON"),
    ],
)
def test_dateline(infer, line, published, place):
    found = infer(f"{TITLE}\n\n{line}\n\nMore text.")
    assert found.published == published
    assert found.dateline_place == place


def test_glued_dateline_read_before_cleaning(shipped_rules):
    # The dateline parser does not rely on the comma repair done by cleaning.
    lines = [TITLE, "", "Brussels,Belgium – November 28,2025 – In a move"]
    assert infer_metadata(lines, shipped_rules.metadata).published == dt.date(2025, 11, 28)


def test_place_only_dateline_has_no_date(infer):
    found = infer(
        f"{TITLE}\n\nBRUSSELS – The top US diplomat and his NATO counterparts met on Thursday."
    )
    assert found.published is None
    assert found.dateline_place == "BRUSSELS"


def test_no_date_in_text_means_unknown_never_today(infer):
    found = infer(f"{TITLE}\n\nThe minister will attend on Thursday, officials said next week.")
    assert found.published is None
    assert found.dateline_place is None


def test_a_date_in_a_sentence_is_not_a_dateline(infer):
    found = infer(f"{TITLE}\n\nOn April 3, 2025 the ministers will meet in Brussels.")
    assert found.published is None


def test_dateline_is_only_looked_for_near_the_top(infer, shipped_rules):
    limit = shipped_rules.metadata.dateline_max_line
    filler = "\n\n".join(f"Paragraph {n} says nothing of dates." for n in range(limit + 1))
    found = infer(f"{TITLE}\n\n{filler}\n\nBrussels, Belgium — April 3, 2025")
    assert found.published is None


def test_first_dateline_wins(infer):
    text = f"{TITLE}\n\nBrussels, Belgium — April 3, 2025\n\nLondon, UK — May 9, 2024"
    assert infer(text).published == dt.date(2025, 4, 3)


def test_impossible_date_is_not_a_date(infer):
    assert infer(f"{TITLE}\n\nBrussels, Belgium — February 30, 2025").published is None


# --- parse_explicit_date --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 28, 2025", dt.date(2025, 11, 28)),
        ("November 28,2025", dt.date(2025, 11, 28)),
        ("November 28 2025", dt.date(2025, 11, 28)),
        ("28 November 2025", dt.date(2025, 11, 28)),
        ("3rd April, 2025", dt.date(2025, 4, 3)),
        ("Sept. 9, 2024", dt.date(2024, 9, 9)),
        ("2025-04-03", dt.date(2025, 4, 3)),
        ("published on Apr 3, 2025 at noon", dt.date(2025, 4, 3)),
        ("February 30, 2025", None),
        ("November 2025", None),
        ("Thursday", None),
        ("next week", None),
        ("", None),
    ],
)
def test_parse_explicit_date(text, expected):
    assert parse_explicit_date(text) == expected


# --- bylines --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("by James Carter Senior News Editor", ["James Carter"]),
        ("By James Carter", ["James Carter"]),
        ("Source: Alex Raufoglu", ["Alex Raufoglu"]),
        ("Written by Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By: Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Author: Marie-Claire O’Neil", ["Marie-Claire O’Neil"]),
    ],
)
def test_byline(infer, line, authors):
    assert infer(f"{TITLE}\n\n{line}\n\nThe text of the article.").authors == authors


def test_byline_at_the_end_and_no_duplicates(infer):
    text = f"{TITLE}\n\nBy Alex Raufoglu\n\nThe text.\n\nSource: Alex Raufoglu"
    assert infer(text).authors == ["Alex Raufoglu"]


@pytest.mark.parametrize(
    "line",
    [
        "The deal was backed by NATO allies and by the European Union.",
        "by the end of the year, allies will pay more.",
        "Source: two U.S. officials who spoke on the condition of anonymity said the plan failed.",
    ],
)
def test_sentences_are_not_bylines(infer, line):
    assert infer(f"{TITLE}\n\n{line}").authors == []


# --- title and outlet -----------------------------------------------------------------------------


def test_title_is_the_first_line(infer):
    assert infer(f"Home » News » {TITLE}\n\n{TITLE}\n\nText.").title == TITLE


def test_a_sentence_is_not_a_title(infer):
    assert infer("The ministers met in Brussels on Thursday.\n\nMore.").title is None


def test_outlet_from_correspondent_phrase(infer):
    text = f"{TITLE}\n\nMinisters met, Kyiv Post’s Washington correspondent reports."
    assert infer(text).outlet == "Kyiv Post"
    assert infer(f"{TITLE}\n\nMinisters met.").outlet is None


def test_glued_bylines_give_their_authors_and_date(infer):
    found = infer(
        f"{TITLE}\n\nBy Julia Hartmann and Pieter van der LindeFebruary 13, 20254:12 PM GMT+1"
        "Updated 3 hours ago\n\nBRUSSELS, Feb 13 (Reuters) - Ministers met before the pre-2014 talk."
    )
    assert found.authors == ["Julia Hartmann", "Pieter van der Linde"]
    assert found.published == dt.date(2025, 2, 13)


def test_one_word_byline_parts_are_places_or_agencies(infer):
    assert infer(f"{TITLE}\n\nBy Tamsin Reyes with AP, Reuters\n\nText.").authors == [
        "Tamsin Reyes"
    ]
    assert infer(f"{TITLE}\n\nby Markus Lehner, Washington\n\nText.").authors == ["Markus Lehner"]
    assert infer(
        f"{TITLE}\n\nFrom Lukas Brandtner and Sophie Albrecht, Munich\n\nText."
    ).authors == [
        "Lukas Brandtner",
        "Sophie Albrecht",
    ]
    # Left in the page's language by a machine translation.
    assert infer(
        f"{TITLE}\n\nVon Matthias Brenner und Lena Hofstetter, München\n\nText."
    ).authors == ["Matthias Brenner", "Lena Hofstetter"]
    assert infer(f"{TITLE}\n\nVon Katharina Albrecht, Berlin\n\nText.").authors == [
        "Katharina Albrecht"
    ]


def test_a_yearless_dateline_with_a_country_and_a_bare_agency(infer):
    found = infer(f"{TITLE}\n\nLA MALBAIE, Canada, March 14 Kyodo - Ministers met on Friday.")
    assert (found.published, found.published_partial) == (None, "03-14")
    assert found.dateline_place == "LA MALBAIE, Canada"


def test_a_year_inside_a_compound_word_does_not_date_a_yearless_dateline(infer):
    found = infer(
        f"{TITLE}\n\nKYIV, Feb 13 (Reuters) - A return to pre-2014 borders is unrealistic."
    )
    assert found.published is None and found.published_partial == "02-13"


@pytest.mark.parametrize(
    ("line", "published", "place"),
    [
        (
            "BRUSSELS, June 21, 2025 - The NATO summit will be held.",
            dt.date(2025, 6, 21),
            "BRUSSELS",
        ),
        ("ANKARA, Dec. 3, 2024 (AA) - Fidan met Blinken.", dt.date(2024, 12, 3), "ANKARA"),
        ("KYIV, Ukraine, 3 April 2025 — Officials said.", dt.date(2025, 4, 3), "KYIV, Ukraine"),
    ],
)
def test_a_dateline_with_a_comma_before_its_full_date(infer, line, published, place):
    found = infer(f"{TITLE}\n\n{line}\n\nMore text.")
    assert (found.published, found.dateline_place) == (published, place)


@pytest.mark.parametrize(
    ("line", "published", "authors"),
    [
        ("NIKOS STAVROU06.03.2025 • 22:40", dt.date(2025, 3, 6), ["Nikos Stavrou"]),
        ("Ugnė Vaitkutė, LRT.lt, BNS2024.12.03 14:22", dt.date(2024, 12, 3), ["Ugnė Vaitkutė"]),
    ],
)
def test_header_lines_with_a_name_glued_to_a_numeric_date(infer, line, published, authors):
    found = infer(f"{TITLE}\n\n{line}\n\nMinisters met in Brussels on Thursday.")
    assert (found.published, found.authors) == (published, authors)


def test_a_place_a_dash_and_a_day_without_a_year(infer):
    found = infer(f"{TITLE}\n\nBRUSSELS – Oct 18\n\nMinisters met in Brussels on Friday.")
    assert (found.published, found.published_partial) == (None, "10-18")


@pytest.mark.parametrize(
    ("header", "partial"),
    [
        ("19.8. 10:32 •Updated 19.8. 12:05", "08-19"),
        ("3.12.", "12-03"),
        ("Thursday, February 13th", "02-13"),
        ("13 February", "02-13"),
    ],
)
def test_a_header_day_and_month_without_a_year_is_a_partial_date(infer, header, partial):
    found = infer(f"{TITLE}\n\n{header}\n\nAnna Virtanen, Yle News\n\nMinisters met on Monday.")
    assert (found.published, found.published_partial) == (None, partial)


def test_a_decimal_in_a_sentence_is_no_header_date(infer):
    found = infer(f"{TITLE}\n\nGrowth was 3.5. 10 ministers met.\n\nMore text.")
    assert found.published_partial is None


@pytest.mark.parametrize(
    ("lines", "authors"),
    [
        ("By Johannes WendlerMunich, 17 February 2025 · 08:31", ["Johannes Wendler"]),
        ("By HARUKA MORIYAMA/ Staff Writer", ["Haruka Moriyama"]),
        ("KENJI NAKAMURA, Nikkei staff writer", ["Kenji Nakamura"]),
        ("Besa Kolonja | BIRN | Tirana | May 16, 2025 | 15:34", ["Besa Kolonja"]),
        ("By Sarah McDonald, 17 February 2025", ["Sarah McDonald"]),
        ("Tom HartleyBrussels, 4 June 2025", ["Tom Hartley"]),
    ],
)
def test_more_bylines_as_pages_glue_and_set_them(infer, lines, authors):
    found = infer(f"{TITLE}\n\n{lines}\n\nMinisters met in Brussels on Thursday.")
    assert found.authors == authors


def test_a_name_alone_glued_to_a_dateline_is_split(shipped_rules):
    rules = CleanRules.from_config(shipped_rules.cleaning)
    lines = clean_lines(f"{TITLE}\n\nAyşe DemirkolISTANBUL\n\nTalks began on Monday.", rules)
    assert "Ayşe Demirkol" in lines and "ISTANBUL" in lines


def test_a_name_alone_glued_to_a_dateline_in_title_case_is_split(shipped_rules):
    rules = CleanRules.from_config(shipped_rules.cleaning)
    lines = clean_lines(
        f"{TITLE}\n\nLucía Ortega MoraLondon - MAR 03, 2025 - 05:40 CET\n\nTalks began.", rules
    )
    assert "Lucía Ortega Mora" in lines
    assert any(line.startswith("London - MAR 03, 2025") for line in lines)


@pytest.mark.parametrize(
    ("lines", "published", "authors"),
    [
        (
            "Teri Schultz in Brussels02/13/2025February 13, 2025",
            dt.date(2025, 2, 13),
            ["Teri Schultz"],
        ),
        ("Yohannes Lowe\nSun 2 Mar 2025 18.47 GMT", dt.date(2025, 3, 2), ["Yohannes Lowe"]),
        ("World News\nSun 2 Mar 2025 18.47 GMT", dt.date(2025, 3, 2), []),
        ("2025-06-25 16:42\nDelfi, BNS", dt.date(2025, 6, 25), []),
        # A space before the comma, as a CMS writes it.
        ("Published: 18 February ,2025: 09:14 PM GST", dt.date(2025, 2, 18), []),
    ],
)
def test_header_dates_glued_iso_and_a_name_above_them(infer, lines, published, authors):
    menu = "\n".join(["Skip to navigation", "News Opinion Sport", "Support us"] * 4)
    found = infer(f"{TITLE}\n{menu}\n\n{lines}\n\nMinisters met in Brussels on Thursday.")
    assert (found.published, found.authors) == (published, authors)


def test_a_live_page_header_far_down_with_its_writers_and_a_standfirst(infer):
    menu = "\n".join(["Skip to main content", "News", "Opinion", "Sport", "World"] * 4)
    found = infer(
        f"{menu}\nNato summit live: Biden hosts Starmer at White House as allies pledge air "
        "defences\n\nLeaders of the 32-member alliance adopt the Washington declaration on the "
        "second day of the 9-11 July summit; Zelenskyy to sit down with leaders at the "
        "Nato-Ukraine Council on Thursday\n\nEleni Varga in Washington and Owen Pritchard "
        "(earlier)\nWed 10 Jul 2024 22.14 BST\n\nLeaders are now sitting down to dinner."
    )
    assert found.published == dt.date(2024, 7, 10)
    assert found.authors == ["Eleni Varga", "Owen Pritchard"]
    assert found.title.startswith("Nato summit live: Biden hosts Starmer")


def test_the_headline_under_a_menu_is_the_title(infer):
    found = infer(
        "Yahoo News\nSign in\nNews Finance Sports\n\nExclusive-Hegseth To Skip Contact Group "
        "Meeting, A First\n\nAndrew Gray and Phil Stewart\nTue, June 3, 2025 at 7:14 PM GMT+2\n\n"
        "Ministers met in Brussels on Thursday."
    )
    assert found.title == "Exclusive-Hegseth To Skip Contact Group Meeting, A First"
    assert found.authors == ["Andrew Gray", "Phil Stewart"]
    assert found.published == dt.date(2025, 6, 3)


@pytest.mark.parametrize(
    ("lines", "published", "authors"),
    [
        # Below a cookie banner, a menu and share buttons: the byline is 25 lines down.
        (
            "By Clara Weiss and Tomas HendriksFebruary 13, 2025 6:02 pm CET",
            dt.date(2025, 2, 13),
            ["Clara Weiss", "Tomas Hendriks"],
        ),
        ("By Yuliya Savchenko\n2025-03-11T21:58:00Z", dt.date(2025, 3, 11), ["Yuliya Savchenko"]),
        ("DAILY SABAH WITH AAISTANBULDEC 05, 2024 - 3:41 PM GMT+3", dt.date(2024, 12, 5), []),
    ],
)
def test_header_dates_far_down_with_a_time_or_in_capitals(infer, lines, published, authors):
    menu = "\n\n".join(["We value your privacy", "Accept all | Reject all", "Share", "X"] * 3)
    found = infer(f"{TITLE}\n{menu}\n\n{lines}\n\nMinisters met in Brussels on Thursday.")
    assert (found.published, found.authors) == (published, authors)


def test_a_header_day_and_month_with_a_time_is_a_partial_date(infer):
    found = infer(f"{TITLE}\n\n3 June, 14:20\nShare: Facebook\n\nMinisters will meet on Wednesday.")
    assert (found.published, found.published_partial) == (None, "06-03")


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("Publié le 4 septembre 2025 à 19:51. Modifié le 5 septembre 2025 à 07:12.", "2025-09-04"),
        ("Maria Rossi11 luglio 2025", "2025-07-11"),
        ("Madrid, 4 de septiembre de 2025", "2025-09-04"),
        ("3 czerwca 2025, 14:20", "2025-06-03"),
    ],
)
def test_a_header_date_in_the_original_language(infer, header, published):
    text = f"Coalition promises soldiers for the day after a ceasefire\n\n{header}\n\nThe body.\n"
    assert infer(text).published == dt.date.fromisoformat(published)


def test_a_byline_glued_to_a_place_and_a_date_in_capitals(infer):
    text = f"{TITLE}\n\nLucía Ortega MoraLondon - MAR 03, 2025 - 05:40 CET\n\nThe body.\n"
    assert infer(text).published == dt.date(2025, 3, 3)


def test_a_header_day_and_month_in_capitals_leave_the_year_to_the_text(infer):
    text = f"{TITLE}\n\n4 DEC, 18:25\n\nThe body.\n"
    assert infer(text).published_partial == "12-04"


# --- undated pages: headline, site name, a date the text calls today ------------------------------

UNDATED_PAGE = """The Telegraph
News   Sport   Business   Money   Opinion   Ukraine   US   Royals
We value your privacy. We use cookies. [Accept all]
World News  |  Nato
TRENDING:   Trump transition   Government funding   Syria   NATO
Support the Telegraph — become a member and read without ads →

Nato summit: Rutte's 5pc gamble as allies gather in The Hague

The alliance chief hopes a slimmed-down declaration will keep the US president on side

By Harriet Cole

Mark Rutte has spent months writing a summit for an audience of one, and the gathering, which
opens this evening and concludes tomorrow, Wednesday June 25, has been stripped back to the
essentials with a single working session of barely two and a half hours at the World Forum.
"""


def test_an_undated_page_takes_its_headline_not_its_menu_and_the_site_is_the_outlet(infer):
    found = infer(UNDATED_PAGE)
    assert found.title == "Nato summit: Rutte's 5pc gamble as allies gather in The Hague"
    assert found.outlet == "The Telegraph"


def test_a_date_the_text_calls_tomorrow_dates_an_undated_page(infer):
    found = infer(UNDATED_PAGE)
    assert (found.published, found.published_partial) == (None, "06-24")


@pytest.mark.parametrize(
    ("sentence", "published", "partial"),
    [
        ("Leaders meet today (Monday, 3 March 2025) in London.", dt.date(2025, 3, 3), None),
        ("The talks ended yesterday, Sunday May 18, in Istanbul.", None, "05-19"),
        ("Ministers will meet on Wednesday, June 25, in Brussels.", None, None),
    ],
)
def test_only_a_date_tied_to_today_dates_the_page(infer, sentence, published, partial):
    found = infer("Some Site\n\nA headline about talks in a city\n\n" + sentence + "\n")
    assert (found.published, found.published_partial) == (published, partial)


def test_a_title_case_menu_is_not_a_headline(infer):
    text = (
        "EUobserver\nLatest  Europe  Foreign Affairs  Green Economy  Health & Society  Rule of Law\n"
        "\nEU Leaders Back 'ReArm Europe' Plan, But Orbán Blocks Joint Ukraine Text\n\n"
        "EU leaders on Thursday endorsed a plan to mobilise up to 800 billion euros for defence "
        "at a special summit in Brussels called after the row in the Oval Office last week.\n"
    )
    found = infer(text)
    assert found.title == "EU Leaders Back 'ReArm Europe' Plan, But Orbán Blocks Joint Ukraine Text"
    assert found.outlet == "EUobserver"


def test_a_headline_written_twice_is_the_title_even_under_a_menu(infer):
    text = (
        "Main | Politics | Economic | Society | Kyiv | Regions | Press Center | All news\n"
        "Zelensky after the call: pressure on Russia works\n"
        "Zelensky after the call: pressure on Russia works\n"
        "07.08.2025 14:02\n\n"
        "President Volodymyr Zelensky said on Thursday that pressure on Russia was working and "
        "that a ceasefire was needed before any meeting of leaders could take place.\n"
    )
    assert infer(text).title == "Zelensky after the call: pressure on Russia works"


@pytest.mark.parametrize(("first", "outlet"), [("CNA", "CNA"), ("Menu", None), ("Europe", None)])
def test_a_site_name_on_the_first_line_is_the_outlet_a_section_is_not(infer, first, outlet):
    text = (
        f"{first}\n\nNATO cannot yet confirm North Korean troops in Russia, says Rutte\n\n"
        "18 Oct 2024 10:56PM\n\nNATO Secretary-General Mark Rutte said on Friday that the "
        "alliance could not yet confirm that North Korean troops had been sent to Russia.\n"
    )
    assert infer(text).outlet == outlet


def test_a_date_the_text_calls_tomorrow_is_marked_as_read_from_the_text(infer):
    assert infer(UNDATED_PAGE).published_partial_basis == "text"


def test_a_cookie_notice_or_a_bar_of_links_above_the_date_is_not_the_title(infer):
    text = (
        "Kommersant\n"
        "Log in | Subscribe | RU | EN\n"
        "We use cookies. By continuing to use the site you agree to this. [OK]\n"
        "19.02.2025, 00:14\n\n"
        "The delegations met for four and a half hours in the Diriyah palace on Tuesday, the "
        "first meeting of the two foreign ministers since the war began three years ago.\n"
    )
    assert infer(text).title == "Kommersant"


def test_a_partial_date_completed_by_a_known_year_keeps_where_its_day_was_read():
    from tui.core.extraction import complete_partial_date
    from tui.core.models import Article

    article = Article(id="a", path="a.txt", text="x")
    article.published_partial, article.published_partial_basis = "06-24", "text"
    complete_partial_date(article, corpus_year=2025, known_year=2025)
    assert (article.published, article.published_basis) == ("2025-06-24", "text")
    other = Article(id="b", path="b.txt", text="x")
    other.published_partial = "06-24"
    complete_partial_date(other, corpus_year=2025)
    assert (other.published, other.published_basis) == ("2025-06-24", "corpus")


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Lena Hoffmann with Reuters, AFP, dpa", ["Lena Hoffmann"]),
        ("Harriet Cole Political Correspondent", ["Harriet Cole"]),
        ("RAMSTEIN AIR BASE", []),  # the dateline's place in capitals
    ],
)
def test_the_line_above_a_header_date_is_its_byline_with_agencies_or_a_job(infer, byline, authors):
    found = infer(
        "Skip to main menu\nNews\n\nStarmer unveils a coalition of the willing after London "
        f"summit\n\n{byline}\nSunday 02 March 2025 19:48 GMT\n\nThe prime minister spoke."
    )
    assert found.authors == authors
    assert found.published == dt.date(2025, 3, 2)


def test_two_capitalised_words_above_a_date_in_another_language_are_no_byline(infer):
    found = infer(
        "CORRIERE DELLA SERA\nAbbonati   Accedi\nLunedì 23 giugno 2025\n\nMeloni leaves for the "
        "summit tomorrow, the premier said.\n\ndi Lorenzo Bellandi\n\nROME — Meloni spoke."
    )
    assert "Abbonati Accedi" not in found.authors


def test_a_text_by_label_names_the_writer(infer):
    found = infer(
        "Leaders split at Paris meeting\n\nIssued on: 17/02/2025 - 08:14\n\nText by: Aurore "
        "Vidal\n\nLeaders met."
    )
    assert found.authors == ["Aurore Vidal"]


def test_a_month_in_lower_case_in_a_header_dates_the_page(infer):
    found = infer(
        "Sánchez resists alone the Thirty-Two\n\nMarta Izquierdo\nThe Hague - 25 jun 2025 - "
        "19:02 CEST\n\nThe President arrived at the summit."
    )
    assert found.published == dt.date(2025, 6, 25)


def test_the_headline_not_the_skip_link_nor_the_longer_standfirst_under_it(infer):
    found = infer(
        "Skip to main menu\nNews\nUK Politics\n\nStarmer unveils 'coalition of the willing' to "
        "defend Ukraine after London summit\n\nPrime minister says Europe must do 'the heavy "
        "lifting' as he announces a £1.6bn missile deal for Kyiv\n\nHarriet Cole Political "
        "Correspondent\nSunday 02 March 2025 19:48 GMT\n\nThe prime minister spoke."
    )
    assert found.title == (
        "Starmer unveils 'coalition of the willing' to defend Ukraine after London summit"
    )


def test_the_headline_above_a_photo_caption_and_a_byline_of_names_and_a_job(infer):
    found = infer(
        "THE STRAITS TIMES\nSubscribe | Log in\nShangri-La Dialogue 2025\nHegseth urges Asian "
        "allies to match Europe on defence spending, heads to Nato next\nUS Defense Secretary "
        "Pete Hegseth delivering his speech at the Shangri-La Dialogue on May 31. ST PHOTO\n"
        "Melissa Teo Jia Hui\nRegional Correspondent\nPublished May 31, 2025, 10:48 PM\n\n"
        "SINGAPORE – US Defense Secretary Pete Hegseth on May 31 told Asian allies they should "
        "spend more on their own defence."
    )
    assert found.title == (
        "Hegseth urges Asian allies to match Europe on defence spending, heads to Nato next"
    )


def test_a_year_glued_to_the_time_dates_the_page_and_the_headline_beats_the_motto(infer):
    found = infer(
        "Exclusive news, data and analytics for financial market professionals\nReuters\n"
        "World Business Markets\nWorld\nEurope\nTrump says he and Putin agreed to start "
        "Ukraine talks 'immediately'\nBy Daniel Whitcombe and Marta Kovac\n"
        "February 12, 202510:41 PM GMT+1Updated 23 min ago\n\n"
        "WASHINGTON, Feb 12 (Reuters) - Trump said he had a lengthy phone call with Putin."
    )
    assert found.published == dt.date(2025, 2, 12)
    assert found.title == "Trump says he and Putin agreed to start Ukraine talks 'immediately'"


def test_the_headline_under_the_date_when_none_reads_like_one_above(infer):
    found = infer(
        "ERR News\nEstonia World Politics Economy\nEesti | English\n\nNews | 25.06.2025 19:04\n\n"
        "Michal: Estonia to spend 5.4 percent of GDP on defense next year\n\n"
        "Prime Minister Kristen Michal (Reform) in The Hague. Source: Government Office\n\n"
        "NATO leaders meeting in The Hague agreed on Wednesday to raise defense spending."
    )
    assert found.title == "Michal: Estonia to spend 5.4 percent of GDP on defense next year"


def test_no_listen_notice_nor_a_date_under_the_date_is_the_headline(infer):
    found = infer(
        "POLITICO\nNATO\n\nBiden rallies NATO at 75 as allies try to Trump-proof Ukraine aid\n\n"
        "Press play to listen to this article\nVoiced by artificial intelligence.\n\n"
        "July 10, 2024 4:02 am CET\nBy Clea Marchetti and Owen Radley\n\nLeaders met."
    )
    assert found.title == "Biden rallies NATO at 75 as allies try to Trump-proof Ukraine aid"
    below = infer(
        "Site\nMenu Home World\n\nPublished May 31, 2025, 10:48 PM\nUpdated Jun 1, 2025, 09:05 AM"
        "\n\nSINGAPORE – US Defense Secretary Pete Hegseth on May 31 told allies to spend more."
    )
    assert below.title != "Updated Jun 1, 2025, 09:05 AM"
