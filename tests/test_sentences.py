"""Sentence splitting with character offsets into the clean text."""

from __future__ import annotations

import pytest

from tui.core.loading import load_corpus
from tui.core.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def check_offsets(text: str, spans: list[tuple[int, int]]) -> None:
    """Spans are ordered, disjoint, trimmed, inside one paragraph, and cover all the words."""
    previous_end = 0
    covered = set()
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        assert "\n" not in piece
        covered.update(range(start, end))
        previous_end = end
    uncovered = [i for i, c in enumerate(text) if not c.isspace() and i not in covered]
    assert uncovered == [], text[uncovered[0] - 20 : uncovered[0] + 20]


@pytest.fixture(scope="module")
def seed_articles(seeds_dir, shipped_rules):
    return load_corpus([seeds_dir], shipped_rules).articles


def test_offsets_index_the_clean_text_of_the_seeds(seed_articles):
    assert len(seed_articles) == 5
    for article in seed_articles:
        assert article.sentences == split_sentences(article.text)
        check_offsets(article.text, article.sentences)
        assert len(article.sentences) > 10


def test_seed_sentences_with_abbreviations(seed_articles):
    by_id = {a.id: a for a in seed_articles}
    found = [
        by_id["000_c83c6cd05dbd5e0f"].text[s:e] for s, e in by_id["000_c83c6cd05dbd5e0f"].sentences
    ]
    assert (
        "Deputy Secretary of State Christopher Landau will represent the United States at the "
        "December 3rd gathering, according to two U.S. officials who spoke on the condition of "
        "anonymity."
    ) in found
    text = by_id["002_be7ed0f8fad02e0f"].text
    found = [text[s:e] for s, e in by_id["002_be7ed0f8fad02e0f"].sentences]
    assert (
        "U.S. Secretary of State Marco Rubio met with NATO Secretary General Mark Rutte at NATO "
        "Headquarters in Brussels today."
    ) in found
    assert (
        "He affirmed the U.S.'s active role in NATO, dismissing media speculation about the country's commitment."
        in found
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. Secretary of State Marco Rubio met Sen. Jeanne Shaheen. They discussed aid.",
            ["U.S. Secretary of State Marco Rubio met Sen. Jeanne Shaheen.", "They discussed aid."],
        ),
        (
            "Gen. Christopher Cavoli and Lt. Gen. Alexus Grynkewich attended. Mr. Rutte thanked them.",
            [
                "Gen. Christopher Cavoli and Lt. Gen. Alexus Grynkewich attended.",
                "Mr. Rutte thanked them.",
            ],
        ),
        (
            "John F. Kennedy spoke in Berlin. President Donald J. Trump did not.",
            ["John F. Kennedy spoke in Berlin.", "President Donald J. Trump did not."],
        ),
        (
            "Dr. Smith and Mrs. Jones met Prof. Lee. Lt. Col. Ann Lee (ret.) left.",
            ["Dr. Smith and Mrs. Jones met Prof. Lee.", "Lt. Col. Ann Lee (ret.) left."],
        ),
        (
            "The talks ended at 5 p.m. on Friday. No statement was issued.",
            ["The talks ended at 5 p.m. on Friday.", "No statement was issued."],
        ),
        (
            "The meeting moved to Dec. 3. Ministers will attend.",
            ["The meeting moved to Dec. 3.", "Ministers will attend."],
        ),
        (
            "Spending rose 3.5 percent in 2024. Allies want 5%. It is e.g. more than before.",
            [
                "Spending rose 3.5 percent in 2024.",
                "Allies want 5%.",
                "It is e.g. more than before.",
            ],
        ),
        (
            "Is NATO ready? Rutte said yes! Others disagreed... Then they voted.",
            ["Is NATO ready?", "Rutte said yes!", "Others disagreed...", "Then they voted."],
        ),
    ],
)
def test_abbreviations_initials_and_stops(text, expected):
    assert sentences(text) == expected
    check_offsets(text, split_sentences(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“Russia has not demonstrated a commitment to peace,” the official said. “We will see.”",
            [
                "“Russia has not demonstrated a commitment to peace,” the official said.",
                "“We will see.”",
            ],
        ),
        (
            'He said: "The Alliance is strong." Then he left.',
            ['He said: "The Alliance is strong."', "Then he left."],
        ),
        (
            "“Is it over?” she asked. ‘No.’ He smiled.",
            ["“Is it over?” she asked.", "‘No.’", "He smiled."],
        ),
        (
            "The plan (backed by the U.S.) failed. (Officials disagreed.) It ended.",
            ["The plan (backed by the U.S.) failed.", "(Officials disagreed.)", "It ended."],
        ),
    ],
)
def test_quotes_and_brackets(text, expected):
    assert sentences(text) == expected


def test_words_that_are_abbreviations_only_sometimes():
    assert sentences("It was item No. 5 on the list. The answer was No. He left.") == [
        "It was item No. 5 on the list.",
        "The answer was No.",
        "He left.",
    ]
    assert sentences("They met on Sun. Jan. 5 in Brussels. He looked at the sun. It was late.") == [
        "They met on Sun. Jan. 5 in Brussels.",
        "He looked at the sun.",
        "It was late.",
    ]


def test_lower_case_after_a_stop_is_not_a_new_sentence():
    text = "It was the U.S. delegation. the rest followed."
    assert sentences(text) == ["It was the U.S. delegation. the rest followed."]


def test_paragraphs_are_never_merged():
    text = "A heading without a stop\n\nThe first sentence. The second one\n\nLast paragraph"
    assert sentences(text) == [
        "A heading without a stop",
        "The first sentence.",
        "The second one",
        "Last paragraph",
    ]
    check_offsets(text, split_sentences(text))


def test_single_newline_also_separates():
    assert sentences("One line\nAnother line") == ["One line", "Another line"]


def test_offsets_with_surrounding_space_and_unicode():
    text = "  Løkke met Zürich’s mayor.   Erdoğan did not.  \n\n  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Løkke met Zürich’s mayor.", "Erdoğan did not."]
    assert spans[0] == (2, 2 + len("Løkke met Zürich’s mayor."))


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \n") == []


def test_sentence_at_finds_the_sentence(seed_articles):
    article = seed_articles[0]
    start, end = article.sentences[3]
    assert article.sentence_at(start) == (start, end)
    assert article.sentence_at(end - 1) == (start, end)
    assert article.sentence_at(len(article.text) + 5) is None
