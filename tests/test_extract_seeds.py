"""`natotui extract` on the shipped corpus with the shipped config: the contract and the calendar."""

from __future__ import annotations

import json

import pytest

from tui.cli import main


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    import os

    os.environ["NATOTUI_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    capture = tmp_path_factory.mktemp("out") / "extract.json"
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["extract", "--format", "json"]) == 0
    capture.write_text(buffer.getvalue(), encoding="utf-8")
    return json.loads(buffer.getvalue())


def test_contract_fields(document):
    assert document["version"] == 1
    assert set(document) >= {"version", "articles", "meetings", "conflicts"}
    for article in document["articles"]:
        assert set(article) >= {
            "id",
            "path",
            "title",
            "published",
            "published_basis",
            "authors",
            "outlet",
            "actors",
            "dates",
        }
        for actor in article["actors"]:
            assert set(actor) >= {"name", "kind", "roles", "mentions"}
            assert actor["kind"] in {"person", "organization", "country", "place"}
        for d in article["dates"]:
            assert set(d) >= {"text", "start", "end", "value", "end_value", "basis"}
            assert d["basis"] in {"explicit", "relative", "year_inferred", "unresolved"}
    for meeting in document["meetings"]:
        assert set(meeting) >= {
            "id",
            "name",
            "kind",
            "place",
            "start",
            "end",
            "date_basis",
            "attendees",
            "absentees",
            "sources",
        }
        for source in meeting["sources"]:
            assert set(source) == {"article", "sentence"}
    for conflict in document["conflicts"]:
        assert set(conflict) >= {"id", "subject", "attribute", "a", "b"}
        assert set(conflict["a"]) == {"article", "sentence", "value"}


def test_offsets_and_sentences_index_the_clean_text(document, tmp_path):
    from tui.core.config import load_config
    from tui.core.loading import load_corpus
    from tui.core.paths import shipped_data_dir

    texts = {a.id: a.text for a in load_corpus([shipped_data_dir()], load_config().config).articles}
    for article in document["articles"]:
        text = texts[article["id"]]
        for actor in article["actors"]:
            for m in actor["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"]
        for d in article["dates"]:
            assert text[d["start"] : d["end"]] == d["text"]
    for meeting in document["meetings"]:
        for source in meeting["sources"]:
            assert source["sentence"] in texts[source["article"]]


def _meeting(document, start, end, place=None):
    for m in document["meetings"]:
        if m["start"] == start and m["end"] == end and (place is None or m["place"] == place):
            return m
    raise AssertionError(
        f"no meeting {start}..{end} {place}: {[(m['start'], m['end'], m['place']) for m in document['meetings']]}"
    )


def test_calendar_of_the_seeds(document):
    april = _meeting(document, "2025-04-03", "2025-04-04", "Brussels")
    assert len({s["article"] for s in april["sources"]}) >= 3
    assert "Marco Rubio" in april["attendees"]
    ramstein = _meeting(document, "2025-04-11", "2025-04-11")
    assert "Ramstein" in ramstein["name"] or "Contact Group" in ramstein["name"]
    antalya = _meeting(document, "2025-05-14", "2025-05-16", "Antalya")
    assert antalya["date_basis"] == "year_inferred"
    summit = next(
        m
        for m in document["meetings"]
        if m["kind"] == "summit" and (m["start"] or "").startswith("2025-06")
    )
    assert summit["place"] == "The Hague"
    december = _meeting(document, "2025-12-03", "2025-12-03", "Brussels")
    assert "Marco Rubio" in december["absentees"]
    assert "Christopher Landau" in december["attendees"]


def test_gold_conflicts_of_the_seeds(document):
    pairs = {
        (c["subject"], frozenset((c["a"]["value"], c["b"]["value"]))) for c in document["conflicts"]
    }
    assert ("Marco Rubio", frozenset({"secretary of state", "senator"})) in pairs
    assert ("NATO defence spending target", frozenset({"5%", "3.7%"})) in pairs


def test_no_false_positive_dates(document):
    bad = {"$61", "may", "we", "a 5%", "75 years may", "the 51st", "$20"}
    for article in document["articles"]:
        for d in article["dates"]:
            assert d["text"].lower() not in bad


def test_people_of_the_seeds(document):
    names = {
        a["name"]
        for article in document["articles"]
        for a in article["actors"]
        if a["kind"] == "person"
    }
    for expected in [
        "Marco Rubio",
        "Christopher Landau",
        "Donald Trump",
        "Mark Rutte",
        "Lars Løkke Rasmussen",
        "Tammy Bruce",
        "Scott Cullinane",
        "Natascha van Boetzelaer",
        "Andriy Sybiha",
        "Kaja Kallas",
        "James Carter",
        "Alex Raufoglu",
        "Rex Tillerson",
    ]:
        assert expected in names
    for wrong in ["Adblock", "Rubio Opting", "Marco Rubio Ukraine", "Joe Biden"]:
        assert wrong not in names


def test_table_format_is_readable(capsys):
    assert main(["extract", "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "Meetings" in out and "Conflicts" in out and "Marco Rubio" in out
