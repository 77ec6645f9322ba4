"""Actors: gazetteer matches, people found by rule, roles, and the words that are not people."""

from __future__ import annotations

import re

import pytest
from extraction_helpers import extract, people, small_extractor

from tui.core.textutil import NON_WORD, fold_same_length


@pytest.fixture(scope="module")
def extractor(tmp_path_factory):
    return small_extractor(tmp_path_factory.mktemp("actors"))


def test_gazetteer_person_with_title_role(extractor):
    found = people(
        extract("U.S. Secretary of State Marco Rubio met allies in Brussels.", extractor)
    )
    assert found == {"Marco Rubio": ["secretary of state"]}


def test_lower_case_forms_join_the_full_name(extractor):
    text = "Secretary of State Marco rubio spoke. Later senator rubio’s office declined to comment."
    result = extract(text, extractor)
    rubio = next(a for a in result.actors if a.name == "Marco Rubio")
    assert len(rubio.mentions) == 2
    assert "senator" in rubio.roles and "secretary of state" in rubio.roles
    assert [m.text for m in rubio.mentions] == ["Marco rubio", "rubio"]


def test_lower_case_alone_is_not_enough(extractor):
    # Without a properly written mention, a lower-case surname is an ordinary word.
    result = extract("The rubio plant grows in the valley and nobody mentions it.", extractor)
    assert people(result) == {}


def test_unknown_person_after_a_title_with_a_country_adjective(extractor):
    found = people(
        extract(
            "Rubio and Danish Foreign Affairs Minister Lars Løkke Rasmussen met on Friday.",
            extractor,
        )
    )
    assert found["Lars Løkke Rasmussen"] == ["foreign affairs minister"]
    assert "Marco Rubio" in found


def test_unknown_person_in_apposition(extractor):
    found = people(
        extract(
            "For advocates such as Scott Cullinane, co-founder of the U.S.-Europe Alliance, it matters.",
            extractor,
        )
    )
    assert list(found) == ["Scott Cullinane"]
    assert found["Scott Cullinane"][0].startswith("co-founder")


def test_unknown_person_next_to_a_speech_verb(extractor):
    found = people(extract("“We are ready,” said Tammy Bruce, without giving details.", extractor))
    assert "Tammy Bruce" in found


def test_given_name_with_particle_surname(extractor):
    found = people(
        extract("Natascha van Boetzelaer is listed as a contact at the firm.", extractor)
    )
    assert list(found) == ["Natascha van Boetzelaer"]


def test_surname_alone_joins_the_full_name_in_the_article(extractor):
    text = "Scott Cullinane, co-founder of the group, spoke first. Later Cullinane told reporters more."
    result = extract(text, extractor)
    person = next(a for a in result.actors if a.name == "Scott Cullinane")
    assert [m.text for m in person.mentions] == ["Scott Cullinane", "Cullinane"]


@pytest.mark.parametrize(
    "text, not_people",
    [
        (
            "Senator Rubio Opting Out of Key NATO Meeting Amidst Ukraine Aid Discussions",
            {"Rubio Opting", "Opting"},
        ),
        ("* Marco Rubio Ukraine", {"Marco Rubio Ukraine"}),
        ("The banner read Adblock Detected and asked for help.", {"Adblock", "Adblock Detected"}),
    ],
)
def test_words_that_are_not_people(extractor, text, not_people):
    found = people(extract(text, extractor))
    assert not (set(found) & not_people), found


def test_marco_rubio_ukraine_is_a_person_and_a_country(extractor):
    result = extract("Search terms: Marco Rubio Ukraine", extractor)
    kinds = {(a.name, a.kind) for a in result.actors}
    assert ("Marco Rubio", "person") in kinds and ("Ukraine", "country") in kinds


def test_plural_title_covers_both_names(extractor):
    text = "The meeting included British and Polish Prime Ministers Keir Starmer and Donald Tusk in Kyiv."
    found = people(extract(text, extractor))
    assert found["Keir Starmer"] == ["prime minister"]
    assert found["Donald Tusk"] == ["prime minister"]


def test_historical_title_is_marked(extractor):
    found = people(
        extract("In 2017, then-Secretary of State Rex Tillerson planned to skip it.", extractor)
    )
    assert found["Rex Tillerson"] == ["secretary of state (former)"]


def test_apposition_before_the_name(extractor):
    found = people(
        extract(
            "He will be accompanied by the newly confirmed US ambassador to NATO, Matt Whitaker.",
            extractor,
        )
    )
    assert found == {"Matt Whitaker": ["ambassador to NATO"]} or found == {
        "Matt Whitaker": ["ambassador to nato"]
    }


def test_editor_brackets_do_not_split_a_name(extractor):
    result = extract(
        "It will advance President [Donald] Trump’s agenda, the department said.", extractor
    )
    assert people(result) == {"Donald Trump": ["president"]}


def test_administration_alone_does_not_make_a_person_an_actor(extractor):
    result = extract("It says the Biden administration is prioritizing foreign aid.", extractor)
    assert "Joe Biden" not in people(result)


def test_spelling_variants_are_one_actor(extractor):
    result = extract("President Zelensky spoke. Later Zelenskyy travelled to Brussels.", extractor)
    names = [a.name for a in result.actors if a.kind == "person"]
    assert names == ["Volodymyr Zelensky"]
    assert len(result.actors[0].mentions) == 2


def test_demonym_is_a_country_mention(extractor):
    result = extract("Ukrainian officials said the talks were useful.", extractor)
    assert [(a.name, a.kind) for a in result.actors] == [("Ukraine", "country")]


def test_mention_offsets_index_the_clean_text(extractor):
    result = extract("Brussels,Belgium – Secretary of State Marco Rubio arrived.", extractor)
    text = "Brussels, Belgium – Secretary of State Marco Rubio arrived."
    for actor in result.actors:
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_a_place_name_as_surname_after_a_given_name(extractor):
    result = extract(
        "Reporting by Alex Raufoglu and Steve Holland; Editing by James Carter.", extractor
    )
    assert "Steve Holland" in people(result)
    assert not [a for a in result.actors if a.kind == "country"]


def test_a_place_after_a_sentence_initial_given_name_stays_a_place(extractor):
    result = extract("Will Holland send troops? Ministers meet in Brussels.", extractor)
    assert "Netherlands" in {a.name for a in result.actors if a.kind == "country"}
    assert people(result) == {}


def test_an_aide_to_a_named_leader_is_an_aide(extractor):
    text = (
        "The delegation was headed by Vladimir Medinsky, an aide to President Donald Trump, "
        "and included two generals."
    )
    assert people(extract(text, extractor))["Vladimir Medinsky"] == ["aide"]


def test_a_list_of_officials_gives_no_role_to_the_name_before_it(extractor):
    text = "The talks included Marco Rubio, Secretary of State Jens Stoltenberg and others."
    assert people(extract(text, extractor))["Marco Rubio"] == []


def test_a_known_surname_as_a_given_name_starts_a_new_person(extractor):
    text = "Martin Keane, a senior research fellow at a London think tank, said it was late."
    assert people(extract(text, extractor)) == {"Martin Keane": ["senior research fellow"]}


def test_credit_lines_name_their_people(extractor):
    text = (
        "Allies met.\n\n(Reporting by Pieter van der Linde; additional reporting by "
        "Sofia Lindqvist in Warsaw; Editing by Gareth Moss)"
    )
    result = extract(text, extractor)
    assert set(people(result)) == {"Pieter van der Linde", "Sofia Lindqvist", "Gareth Moss"}
    assert not [a for a in result.actors if a.kind == "place"]


def test_another_given_name_before_a_known_surname_is_another_person(extractor):
    text = "Joe Biden and first lady Jill Biden hosted a dinner. Biden spoke first."
    assert set(people(extract(text, extractor))) == {"Joe Biden", "Jill Biden"}


def test_a_bare_name_joins_the_person_of_the_article(extractor):
    text = 'Lee Seong-hoon, a research fellow at a Seoul think tank, spoke. "It helps," Lee said.'
    found = extract(text, extractor)
    lee = next(a for a in found.actors if a.kind == "person")
    assert (lee.name, len(lee.mentions)) == ("Lee Seong-hoon", 2)
    assert "Lee Jae-myung" not in people(found)


def test_names_inside_bodies_and_buildings_are_not_people(extractor):
    text = (
        "The talks at the Fairmont Le Manoir Richelieu hotel ended. Selin Ertugrul, an analyst "
        "at the Bosphorus Centre for Strategic Research, said it went well."
    )
    assert set(people(extract(text, extractor))) == {"Selin Ertugrul"}


def test_a_titled_person_before_government_is_a_person(extractor):
    text = "Prime Minister Mark Rutte's government said it will help. The Trump administration did not."
    assert people(extract(text, extractor)) == {"Mark Rutte": ["prime minister"]}


def test_a_title_of_a_title_is_the_first_title(extractor):
    text = (
        "From the American side participated special envoy of the President of the USA "
        "Steve Witkoff. Tammy Bruce, an aide to President Donald Trump, agreed."
    )
    found = people(extract(text, extractor))
    assert found["Steve Witkoff"] == ["special envoy"]
    assert found["Donald Trump"] == ["president"]


def test_specific_titles_are_kept_whole(extractor):
    text = (
        "Foreign Ministry Spokesman Marco Rubio spoke, and first lady Natascha Bruce and "
        "First Deputy Foreign Minister James Carter listened."
    )
    found = people(extract(text, extractor))
    assert found["Marco Rubio"] == ["foreign ministry spokesman"]
    assert found["Natascha Bruce"] == ["first lady"]
    assert found["James Carter"] == ["first deputy foreign minister"]


def test_a_title_of_a_countrys_title_is_the_first_title(extractor):
    text = "He met the Special Envoy of the US President Steve Witkoff on Friday."
    assert people(extract(text, extractor))["Steve Witkoff"] == ["special envoy"]


def test_a_known_surname_with_an_unknown_given_name_is_someone_else(extractor):
    text = "James Rutte, a senior researcher at a think tank, said so. Mark Rutte disagreed."
    assert set(people(extract(text, extractor))) == {"James Rutte", "Mark Rutte"}


def test_word_scans_find_what_the_one_pattern_finds():
    from pathlib import Path

    from tui.core import actors

    root = Path(__file__).resolve().parent.parent
    particles = {"van", "von", "der", "de", "del", "della", "la", "al", "bin", "du"}
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "data").glob("*.txt"))]
    texts.append("Jean-de la Fontaine, de-Gaulle, Ðe đe van der Leyen 1de ²x ªb Ωmega ωmega ٢٠ _x")
    pattern = actors._capitalised_word(frozenset(particles))
    for text in texts:
        for variant in (text, text.upper(), text.lower()):
            expected = [m.span() for m in pattern.finditer(variant)]
            assert actors._word_spans(variant, particles, None) == expected


def test_an_aide_to_the_president_is_an_aide(extractor):
    text = "Aide to the President of the Russian Federation Steve Witkoff spoke."
    assert people(extract(text, extractor))["Steve Witkoff"] == ["aide"]


def test_a_middle_initial_joins_a_known_person_and_cuts_no_name(extractor):
    text = (
        "Orban flew to Moscow to meet President Marco A. Rubio on Friday. Sessions are held at "
        "the Walter E. Washington Convention Center."
    )
    result = extract(text, extractor)
    found = people(result)
    assert found == {"Marco Rubio": ["president"]}
    rubio = next(a for a in result.actors if a.name == "Marco Rubio")
    assert [m.text for m in rubio.mentions] == ["Marco A. Rubio"]


def test_an_abbreviated_title_names_the_full_role(extractor):
    text = "Sen. Marco Rubio, R-Alaska, spoke. Gov. Steve Witkoff listened."
    found = people(extract(text, extractor))
    assert found["Marco Rubio"] == ["senator"]
    assert found["Steve Witkoff"] == ["governor"]


@pytest.mark.parametrize(
    ("sentence", "person", "role"),
    [
        (
            "Kaja Kallas, who took over as the EU's top diplomat on Sunday, spoke.",
            "Kaja Kallas",
            "eu top diplomat",
        ),
        (
            "Ingrid Moen, who became Norway's defence minister, spoke.",
            "Ingrid Moen",
            "defence minister",
        ),
    ],
)
def test_a_role_taken_in_a_who_clause(extractor, sentence, person, role):
    assert people(extract(sentence, extractor))[person] == [role]


def test_a_surname_after_someone_elses_initials_is_not_the_known_person(extractor):
    found = people(
        extract("Yoon will visit Camp H. M. Smith before Donald J. Trump speaks.", extractor)
    )
    assert "Donald Trump" in found
    assert not [name for name in found if name.endswith("Smith")]


def test_gazetteer_scan_that_takes_the_character_before_finds_what_a_plain_scan_finds(extractor):
    # The scanner runs over the folded text with a space put in front, each match taking the
    # character before the alias; the same pattern without that finds the same spans.
    index = extractor.index
    assert index.scanner.pattern.startswith(NON_WORD)
    plain = re.compile(r"(?<![\w])" + index.scanner.pattern.removeprefix(NON_WORD))
    texts = [
        "Rubio spoke. NATO, (NATO) and U.S.-NATO ties; rubio.vc and x-rubio are not Rubio.",
        "Marco Rubio met Mark Rutte",  # at the very start and the very end
        "'s-Gravenhage\nNATO",
    ]
    for text in texts:
        folded = fold_same_length(text)
        assert index.scan(folded) == [m.span() for m in plain.finditer(folded)]


@pytest.mark.parametrize(
    ("published", "roles"),
    [("2025-03-01", ["secretary of state"]), ("2024-03-01", [])],  # not yet in office in 2024
)
def test_a_title_with_a_country_and_no_name_is_the_one_holder_of_the_article(
    extractor, published, roles
):
    text = "Rubio met Lavrov in Riyadh. Later the American secretary of state flew home."
    assert people(extract(text, extractor, published))["Marco Rubio"] == roles


@pytest.mark.parametrize("published", ["2025-04-03", None])
def test_a_title_described_by_country_goes_to_its_one_holder_dated_or_not(extractor, published):
    text = (
        "Marco Rubio arrived in Brussels on Thursday. The American secretary of state met allies."
    )
    found = people(extract(text, extractor, published))
    assert found["Marco Rubio"] == ["secretary of state"]


def test_a_known_person_in_another_transliteration_is_that_person(extractor):
    found = people(extract('"We need air defence," said Volodimir Selenskij.', extractor))
    assert "Volodymyr Zelensky" in found and "Volodimir Selenskij" not in found


def test_the_same_surname_with_another_given_name_is_another_person(extractor):
    found = people(extract('"We need air defence," said Jill Rubio.', extractor))
    assert "Jill Rubio" in found and "Marco Rubio" not in found


def test_spelling_keys_join_transliterations():
    from tui.core.gazetteer import spelling_key

    assert spelling_key("Sibiga") == spelling_key("Sybiha")
    assert spelling_key("Medinski") == spelling_key("Medinsky")
    assert spelling_key("Koeleba") == spelling_key("Kuleba")
    assert spelling_key("Selenskyj") == spelling_key("Zelenskyy")
    assert spelling_key("Rutte") != spelling_key("Rubio")


def test_a_korean_given_name_is_not_a_surname(extractor):
    text = '"It may send the wrong signal," said Kim Jae-myung, a research fellow.'
    found = people(extract(text, extractor, "2025-06-26"))
    assert "Kim Jae-myung" in found and "Lee Jae-myung" not in found


def test_a_title_ending_in_a_preposition_keeps_its_noun_not_the_preposition(extractor):
    text = "Scott Cullinane, a spokesperson for the presidential office, said talks went well."
    assert people(extract(text, extractor))["Scott Cullinane"] == ["spokesperson"]


def test_a_title_at_the_end_of_a_paragraph_is_not_the_next_paragraphs_name(extractor):
    text = (
        "Wi delivered a personal message from the President to Rutte.\n\n"
        "Donald Trump met Zelensky on the sidelines."
    )
    assert people(extract(text, extractor, "2025-06-26"))["Donald Trump"] == []


def test_a_title_described_by_a_country_alias_goes_to_its_one_holder(extractor):
    text = "Marco Rubio arrived on Thursday; the US secretary of state, will leave on Friday."
    assert people(extract(text, extractor, "2025-04-03"))["Marco Rubio"] == ["secretary of state"]


def test_head_of_the_presidents_office_is_a_title(extractor):
    text = "Rutte met the head of the President's Office Andriy Yermak in Kyiv."
    found = people(extract(text, extractor, "2024-10-03"))
    assert found["Andriy Yermak"] == ["head of the president's office"]


def test_a_title_that_begins_a_known_name_is_its_role(tmp_path):
    from extraction_helpers import extract as run

    from tui.core.config import load_config
    from tui.core.extraction import Extractor

    extractor = Extractor.for_config(load_config(None))
    found = people(run("Zelensky met King Charles III at Sandringham.", extractor, "2025-03-02"))
    assert found["Charles III"] == ["king"]
    text = "European Commission President Ursula von der Leyen spoke in Brussels."
    found = people(run(text, extractor, "2025-03-02"))
    assert found["Ursula von der Leyen"] == ["european commission president"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "The group was set up by Scott Cullinane, then US defense secretary, in 2022.",
            "defense secretary (former)",
        ),
        ("Scott Cullinane, a CNN correspondent, reported from Kyiv.", "correspondent"),
    ],
)
def test_an_abbreviated_scope_before_an_apposed_title_is_not_the_title(extractor, text, role):
    assert people(extract(text, extractor))["Scott Cullinane"] == [role]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("General Secretary Scott Cullinane spoke in Pyongyang.", "general secretary"),
        ("Interim President Scott Cullinane flew to London.", "interim president"),
        ("Federal President Scott Cullinane spoke in Berlin.", "federal president"),
    ],
)
def test_more_titles_of_heads_of_state_and_party(extractor, text, role):
    assert people(extract(text, extractor))["Scott Cullinane"] == [role]


def test_a_fathers_name_in_an_arabic_name_is_not_a_surname():
    from extraction_helpers import extract as run

    from tui.core.config import load_config
    from tui.core.extraction import Extractor

    extractor = Extractor.for_config(load_config(None))
    text = '"The bill is coming," said Dr Farhan Ismail, a senior fellow at a Singapore school.'
    found = people(run(text, extractor, "2025-05-31"))
    assert "Faisal bin Farhan" not in found
    assert "Farhan Ismail" in found


def test_a_family_name_first_before_a_given_name_is_one_person():
    from tui.core.config import load_config
    from tui.core.extraction import Extractor

    shipped = Extractor.for_config(load_config(None))  # its given names know "Haruka"
    text = "Morita Haruka, a researcher at the institute, said it was fine."
    assert "Morita Haruka" in people(extract(text, shipped, "2025-06-21"))
