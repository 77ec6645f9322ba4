"""Cleaning scraped text: escape codes, junk lines, breadcrumbs, SEO tails, repeated titles, commas."""

from __future__ import annotations

import pytest

from tui.core.cleaning import CleanRules, clean_lines, join_lines, strip_control
from tui.core.config_models import Cleaning


@pytest.fixture(scope="module")
def rules(shipped_rules) -> CleanRules:
    return CleanRules.from_config(shipped_rules.cleaning)


def clean(text: str, rules: CleanRules) -> str:
    return join_lines(clean_lines(text, rules))


# --- commas ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Brussels,Belgium is a city.", "Brussels, Belgium is a city."),
        ("given Rubio’s absence,the context matters", "given Rubio’s absence, the context matters"),
        ("the alliance,U.S. Secretary of State", "the alliance, U.S. Secretary of State"),
        ("the NATO alliance,citing “his views”", "the NATO alliance, citing “his views”"),
        ("Zürich,Genève and Kraków,Łódź", "Zürich, Genève and Kraków, Łódź"),
        ("November 28,2025 – In a move", "November 28, 2025 – In a move"),
        ("on Nov. 18th,2025 the plan", "on Nov. 18th, 2025 the plan"),
        ("it cost 1,000 dollars", "it cost 1,000 dollars"),
        ("a 1,250,000-strong army", "a 1,250,000-strong army"),
        ("scores of 28,2025 and 3,5", "scores of 28,2025 and 3,5"),
        ("the 2,4-D herbicide", "the 2,4-D herbicide"),
        ("already spaced, fine", "already spaced, fine"),
    ],
)
def test_glued_commas(rules, raw, expected):
    assert clean(raw, rules) == expected


def test_comma_after_closing_quote_before_word(rules):
    assert clean("he said “no”,and left", rules) == "he said “no”, and left"
    assert clean("the “Alliance”,“a pillar”", rules) == "the “Alliance”, “a pillar”"


def test_lost_apostrophe_of_a_possessive(rules):
    assert clean("miss next weekS NATO meeting", rules) == "miss next week’s NATO meeting"
    assert clean("the USS Ford and NATOS", rules) == "the USS Ford and NATOS"


# --- repeated titles ------------------------------------------------------------------------------

TITLE = "NATO chief diplomats meet in Brussels, Rubio confronts allies alarmed by Trump's moves"


def test_repeated_title_kept_once(rules):
    text = f"{TITLE}\n\n{TITLE}\n\nOn April 3, ministers met."
    assert clean(text, rules) == f"{TITLE}\n\nOn April 3, ministers met."


def test_repeated_title_cut_short_kept_once(rules):
    text = f"{TITLE}\n\nNATO chief diplomats meet in Brussels, Rubio confronts allies alarmed by\n\nBody."
    assert clean(text, rules) == f"{TITLE}\n\nBody."


def test_repeated_title_cut_with_ellipsis(rules):
    text = f"{TITLE}\n\nNATO chief diplomats meet in Brussels, Rubio…\n\nBody."
    assert clean(text, rules) == f"{TITLE}\n\nBody."


def test_title_repeated_after_junk_lines(rules):
    text = f"Flash News\n\nBota\n\n{TITLE}\n\n\n\n{TITLE}\n\nBody."
    assert clean(text, rules) == f"{TITLE}\n\nBody."


def test_different_subtitle_is_kept(rules):
    text = f"{TITLE}\n\nRubio to Miss Key NATO Meeting as Ukraine Deal Concerns escalate\n\nBody."
    assert clean(text, rules) == text


def test_title_quoted_far_below_is_kept(rules):
    body = "\n\n".join(f"Paragraph {n} of the story." for n in range(6))
    text = f"{TITLE}\n\n{body}\n\n{TITLE}"
    assert clean(text, rules).count(TITLE) == 2


def test_short_prefix_of_title_is_not_taken_for_a_repeat(rules):
    # "NATO chief" is how the title starts, but as a paragraph it is content, not a cut title.
    text = f"{TITLE}\n\nNATO chief\n\nBody."
    assert clean(text, rules) == text


# --- breadcrumbs, SEO tails, boilerplate, stop sections -------------------------------------------


def test_breadcrumb_and_seo_tail_removed(rules):
    raw = (
        "Home » News » Rubio Declines NATO Meeting During Critical Ukrainian Aid Discussions, "
        "Sources Indicate For a more effective title, consider: “Senator Rubio Opting Out of Key "
        "NATO Meeting Amidst Ukraine Aid Discussions, per Sources."
    )
    assert clean(raw, rules) == (
        "Rubio Declines NATO Meeting During Critical Ukrainian Aid Discussions, Sources Indicate"
    )


@pytest.mark.parametrize(
    "crumb",
    [
        "Home » News » ",
        "Home › World › Europe › ",
        "Home > Politics > ",
        "HOME / NEWS / ",
        "Home » ",
    ],
)
def test_breadcrumb_variants(rules, crumb):
    assert clean(f"{crumb}Allies Meet In Brussels", rules) == "Allies Meet In Brussels"


def test_home_inside_a_sentence_is_not_a_breadcrumb(rules):
    line = "Home secretaries met in London."
    assert clean(line, rules) == line


@pytest.mark.parametrize(
    "junk",
    [
        "Subscribe Us",
        "Post a Comment",
        "0 Comments",
        "12 comments",
        "Flash News",
        "Bota",
        "Latest news",
        "Leave a Comment",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Adblock Detected",
        "Please support us by disabling your AdBlocker extension from your browsers for our website.",
        "  SUBSCRIBE US  ",
    ],
)
def test_boilerplate_lines_removed(rules, junk):
    assert clean(f"Real paragraph one.\n\n{junk}\n\nReal paragraph two.", rules) == (
        "Real paragraph one.\n\nReal paragraph two."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Readers who subscribe us are told first.",
        "He refused to post a comment on the plan.",
        "The bill drew 300 comments from allies.",
        "The latest news from Brussels is grim.",
        "Bota said the talks went well.",
    ],
)
def test_boilerplate_words_inside_a_sentence_stay(rules, line):
    assert clean(line, rules) == line


def test_stop_section_ends_the_article(rules):
    text = "The story.\n\nYou may also like\n\nAnother story teaser\n\nLeave a Comment"
    assert clean(text, rules) == "The story."
    text = "The story.\n\nKey Search Terms & Related Queries\n\n* Ukraine aid package"
    assert clean(text, rules) == "The story."


def test_empty_bullets_and_blank_runs(rules):
    text = "One.\n\n*\n\n\n\n  \n•\nTwo.\n\n\n"
    assert clean(text, rules) == "One.\n\nTwo."
    assert clean_lines(text, rules) == ["One.", "", "Two."]


def test_spaces_collapsed_and_lines_trimmed(rules):
    assert (
        clean("  Two\u00a0\u00a0spaces\tand\u2009thin   ones.  ", rules)
        == "Two spaces and thin ones."
    )


def test_rules_come_from_config():
    rules = CleanRules.from_config(
        Cleaning(
            boilerplate_lines=["share on mastodon"],
            line_prefixes=["^from the wires:\\s*"],
            line_tails=["\\s*\\(updated.*$"],
            stop_sections=["the end"],
        )
    )
    text = "From the wires: Story (updated 3pm)\n\nShare on Mastodon\n\nBody.\n\nThe End\n\nTail."
    assert clean(text, rules) == "Story\n\nBody."
    # With no rules at all, only the built-in steps run.
    bare = CleanRules.from_config(Cleaning())
    assert clean("Subscribe Us\n\nBody,text.", bare) == "Subscribe Us\n\nBody, text."


# --- control characters and escape sequences ------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b[38;2;255;0;0mtrue colour\x1b[m", "true colour"),
        ("a\x1b]0;window title\x07b", "ab"),
        ("a\x1b]0;window title\x1b\\b", "ab"),
        ("\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),  # DCS (sixel)
        ("a\x1bcb", "ab"),  # RIS, full reset
        ("a\x1b7b\x1b8", "ab"),  # save and restore the cursor
        ("\x1b(Bplain\x1b)0", "plain"),  # character set designation
        ("a\x9b2Jb", "ab"),  # 8-bit CSI
        ("bell\x07 back\x08 nul\x00 del\x7f", "bell back nul del"),
        ("zero\u200bwidth \u202eevil\u202c", "zerowidth evil"),
        ("line one\r\nline two\rline three", "line one\nline two\nline three"),
        ("tab\there", "tab\there"),
        ("[bold red]x[/] stays", "[bold red]x[/] stays"),
    ],
)
def test_strip_control(raw, expected):
    assert strip_control(raw) == expected


def test_clean_text_has_no_controls(rules):
    raw = "Title Of A Dirty Article Here\x1b[2J\n\nBody\x01\x02 text\x1b[1m bold\x1b[0m.\x0c"
    text = clean(raw, rules)
    assert text == "Title Of A Dirty Article Here\n\nBody text bold."
    assert all(c == "\n" or c >= " " for c in text)


def test_a_stop_section_in_the_menu_at_the_top_does_not_end_the_article(rules):
    text = (
        "Ukrinform\nNews\nRead also\nPartners confirmed new air defense for Ukraine\n\n"
        "Minister Rustem Umerov informed about the results of the meeting.\n\n"
        "Read also: Healey: Britain will support Ukraine\n\nMore text.\n\nRead also\n\nTeaser"
    )
    assert clean(text, rules) == (
        "Ukrinform\n\nNews\n\nRead also\n\nPartners confirmed new air defense for Ukraine\n\n"
        "Minister Rustem Umerov informed about the results of the meeting.\n\nMore text."
    )


def test_a_byline_glued_to_its_date_line_is_split(rules):
    text = (
        "By Julia Hartmann and Pieter van der LindeFebruary 13, 20254:12 PM GMT+1Updated 3 hours ago\n"
        "By DANA HOLLOWAY and YUSUF KARIMOVUpdated 5:12 PM GMT+3, February 18, 2025\n\nText."
    )
    assert clean_lines(text, rules)[:3] == [
        "By Julia Hartmann and Pieter van der Linde",
        "February 13, 2025 4:12 PM GMT+1 Updated 3 hours ago",
        "By DANA HOLLOWAY and YUSUF KARIMOV",
    ]


def test_glued_sentences_are_separated(rules):
    text = (
        "We had a discussion with partners.For the first time Healey.We thank the U.S. and Rubio.vc"
    )
    assert clean(text, rules) == (
        "We had a discussion with partners. For the first time Healey. We thank the U.S. and Rubio.vc"
    )


STORY = (
    "Allies met in Brussels on Tuesday to discuss air defence for Ukraine before the winter "
    "months, officials said."
)


def test_related_headlines_at_the_end_are_not_the_article(rules):
    text = (
        f"{STORY}\n\nRelated\nFriedrich Merz: Europe must be ready to defend itself\n"
        "Elon Musk backs AfD ahead of German election\nCzytaj także:\nMore news"
    )
    assert "Merz" not in clean(text, rules)


def test_a_box_of_one_related_link_inside_the_story_is_skipped_not_the_end(rules):
    later = (
        "Mr. Biden, who is to hold a rare solo news conference on Thursday, will be watched "
        "closely by allies and rivals alike."
    )
    text = f"{STORY}\n\nRelated Content\nBiden's NATO Test: Proving He Is Still Up to the Job\n\n{later}"
    cleaned = clean(text, rules)
    assert "solo news conference" in cleaned
    assert "Proving He Is Still Up" not in cleaned
