"""Full-text search: query parsing, FTS5 safety with odd input, ranking, offsets, the fallback."""

from __future__ import annotations

import random
import sqlite3

import pytest

from tui.core import cache as cache_module
from tui.core.cache import Cache, Record
from tui.core.models import Article
from tui.core.search import (
    SearchIndex,
    find_articles,
    match_spans,
    parse_query,
    query_terms,
    snippet,
)

NASTY = [
    '"',
    '""',
    '"""',
    '"unbalanced quote',
    'rubio "foreign',
    "*",
    "**",
    "nato*",
    "*nato",
    "NOT",
    "NOT NOT",
    "rubio NOT",
    "NOT rubio",
    "-",
    "--",
    "-rubio",
    "AND",
    "OR",
    "OR rubio",
    "rubio OR",
    "rubio AND OR NOT",
    ":",
    "title:",
    "title:nato",
    "text : rubio",
    "(",
    ")",
    "(rubio",
    "rubio)",
    "((((",
    "{}[]^~",
    "NEAR(rubio nato, 2)",
    "rubio + nato",
    "🙂",
    "rubio 🙂 nato",
    "🇺🇦 ukraine",
    "'; DROP TABLE files; --",
    "1=1; SELECT * FROM files",
    "\\",
    "\x00",
    "a" * 5000,
    " ".join(["nato"] * 200),
    "",
    "   ",
    "Løkke",
    "\u202eevil",
    "r\u0301ubio",
]


@pytest.fixture
def fts_table():
    """A bare FTS5 table: any expression the parser builds must be valid FTS5 syntax."""
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(title, text)")
    connection.execute(
        "INSERT INTO t(title, text) VALUES ('Rubio in Brussels', 'NATO foreign ministers met.')"
    )
    return connection


@pytest.mark.parametrize("text", NASTY)
def test_odd_input_never_makes_an_fts_syntax_error(text, fts_table):
    query = parse_query(text)
    expression = query.fts()
    if expression is not None:
        fts_table.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()
    # The plain-Python side accepts it too.
    query.score("Rubio in Brussels", "NATO foreign ministers met.")
    query.spans("NATO foreign ministers met.")
    parse_query(text, live=True).fts()


def test_random_input_never_makes_an_fts_syntax_error(fts_table):
    alphabet = list("abcNOTANDOR \"*-+():^{}[];'\\,.!?🙂é\t") + ["NOT", "AND", "OR", "NEAR"]
    rng = random.Random(5)
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        expression = parse_query(text, live=rng.random() < 0.5).fts()
        if expression is not None:
            fts_table.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


def test_what_a_query_means():
    query = parse_query(
        'rubio "foreign ministers" minist* -antalya NOT "the hague" nato OR alliance'
    )
    assert [[t.text for t in clause] for clause in query.clauses] == [
        ["rubio"],
        ["foreign ministers"],
        ["minist*"],
        ["nato", "alliance"],
    ]
    assert [t.text for t in query.excluded] == ["antalya", "the hague"]
    # Punctuation separates words as the index does: "U.S." is the phrase "u s".
    assert parse_query("U.S.").terms == ["u s"]
    assert parse_query("'; DROP TABLE files; --").terms == ["drop", "table", "files"]
    # Nothing positive: nothing searched.
    assert not parse_query("-rubio")
    assert not parse_query("NOT AND OR")
    assert not parse_query('🙂 "" * -')
    # An unbalanced quote runs to the end.
    assert parse_query('"foreign ministers').terms == ["foreign ministers"]
    # Live: the word being typed is a prefix, a finished one is not.
    assert parse_query("antal", live=True).terms == ["antal*"]
    assert parse_query("antal ", live=True).terms == ["antal"]
    assert query_terms('rubio "foreign ministers" nato') == ["rubio", "foreign ministers", "nato"]


# --- offsets for the reader ----------------------------------------------------------------------


def test_spans_are_offsets_of_the_matching_words():
    text = "Rubio met Rutte. Foreign ministers, foreign Ministers and ministerial talks; rubio's."
    spans = match_spans(text, 'rubio "foreign ministers"')
    assert [text[s:e] for s, e in spans] == [
        "Rubio",
        "Foreign ministers",
        "foreign Ministers",
        "rubio",
    ]
    assert [text[s:e] for s, e in match_spans(text, "minist*")] == [
        "ministers",
        "Ministers",
        "ministerial",
    ]
    # Whole words only, and excluded terms are not marked.
    assert match_spans(text, "rub") == []
    assert [text[s:e] for s, e in match_spans(text, "rutte -rubio")] == ["Rutte"]


def test_case_and_accents_are_ignored():
    text = "Mircea Geoană met Lars Løkke Rasmussen in Reykjavík."
    assert [text[s:e] for s, e in match_spans(text, "geoana reykjavik")] == ["Geoană", "Reykjavík"]
    assert [text[s:e] for s, e in match_spans(text, "LØKKE")] == ["Løkke"]
    assert match_spans("Antalya, antalya", "ANTALYA") == [(0, 7), (9, 16)]


def test_snippet_marks_the_matches_inside_it():
    text = "Intro words. " * 30 + "NATO foreign ministers met in Brussels. " + "Outro. " * 30
    line, spans = snippet(text, parse_query('"foreign ministers" brussels'), width=80)
    assert len(line) <= 82 and line.startswith("…") and line.endswith("…")
    assert [line[s:e] for s, e in spans] == ["foreign ministers", "Brussels"]


# --- in memory (without the cache) --------------------------------------------------------------


def test_find_articles_ranks_titles_first_and_needs_every_term():
    articles = [
        Article("a", "a.txt", "Antalya is in Turkey. NATO met.", title="Other"),
        Article("b", "b.txt", "NATO ministers in Antalya.", title="Antalya talks"),
        Article("c", "c.txt", "Nothing here.", title="NATO"),
    ]
    assert find_articles(articles, "antalya") == ["b", "a"]
    assert find_articles(articles, "antalya nato") == ["b", "a"]
    assert find_articles(articles, '"ministers in"') == ["b"]
    assert find_articles(articles, '"in antalya"') == ["b"]
    assert find_articles(articles, "") == []
    assert find_articles(articles, "[bold]") == []
    assert find_articles(articles, "nato -turkey") == ["c", "b"]
    assert find_articles(articles, "turkey OR talks") == ["b", "a"]
    assert find_articles(articles, "anta", live=True) == ["b", "a"]
    assert query_terms('rubio "foreign ministers" nato') == ["rubio", "foreign ministers", "nato"]
    assert match_spans("Antalya, antalya", "ANTALYA") == [(0, 7), (9, 16)]


# --- the index -----------------------------------------------------------------------------------

ARTICLES = {
    "title": ("Rutte meets ministers", "The alliance met today."),
    "twice": ("Other news", "Rutte spoke. Later Rutte spoke again about ministers."),
    "once": ("More news", "Rutte spoke about ministers once, at length, with many other words."),
    "phrase": ("Phrase", "Foreign ministers gathered; ministers foreign reversed."),
    "reversed": ("Reversed", "The ministers foreign of nowhere."),
    "accents": ("Accents", "Mircea Geoană and Lars Løkke Rasmussen."),
}


def _index(fts: bool, monkeypatch) -> SearchIndex:
    monkeypatch.setattr(cache_module, "fts5_available", lambda: fts)
    cache = Cache.memory()
    assert cache.fts is fts
    records = [
        Record(
            ("root", f"/{article_id}.txt"),
            1,
            1,
            article_id,
            "article",
            article_id=article_id,
            title=title,
            text=text,
        )
        for article_id, (title, text) in ARTICLES.items()
    ]
    # Another corpus in the same cache: never answered.
    records.append(
        Record(
            ("other", "/x.txt"),
            1,
            1,
            "x",
            "article",
            article_id="x",
            title="Rutte",
            text="Rutte ministers Rutte",
        )
    )
    cache.put(records, "config", "version", 0)
    cache.commit()
    rowids = {
        rowid: path.strip("/").removesuffix(".txt")
        for rowid, path in cache.connection.execute(
            "SELECT id, path FROM files WHERE root = 'root' ORDER BY id"
        )
    }
    return SearchIndex(cache, rowids)


@pytest.mark.parametrize("fts", [True, False], ids=["fts5", "plain-python"])
def test_ranking_title_first_then_more_matches(fts, monkeypatch):
    if fts and not cache_module.fts5_available():
        pytest.skip("this SQLite has no FTS5")
    index = _index(fts, monkeypatch)
    hits = index.search("rutte", limit=10)
    assert [h.article_id for h in hits] == ["title", "twice", "once"]
    assert hits[0].score > hits[1].score > hits[2].score
    assert [h.article_id for h in index.search("rutte", limit=2)] == ["title", "twice"]
    assert all(h.snippet[s:e].lower() == "rutte" for h in hits[1:] for s, e in h.spans)
    assert hits[0].terms == ("rutte",)


@pytest.mark.parametrize("fts", [True, False], ids=["fts5", "plain-python"])
def test_phrases_prefixes_exclusions_and_accents(fts, monkeypatch):
    if fts and not cache_module.fts5_available():
        pytest.skip("this SQLite has no FTS5")
    index = _index(fts, monkeypatch)
    assert index.matching_ids('"foreign ministers"') == {"phrase"}
    assert index.matching_ids('"ministers foreign"') == {"phrase", "reversed"}
    assert index.matching_ids("minist*") == {"title", "twice", "once", "phrase", "reversed"}
    assert index.matching_ids("ministers -rutte") == {"phrase", "reversed"}
    assert index.matching_ids("ministers NOT rutte NOT foreign") == set()
    assert index.matching_ids("geoana") == {"accents"}
    assert index.matching_ids("løkke rasmussen") == {"accents"}
    assert index.matching_ids("alliance OR gathered") == {"title", "phrase"}
    assert index.matching_ids("ruTTe", live=True) == {"title", "twice", "once"}
    assert index.matching_ids("rut", live=True) == {"title", "twice", "once"}
    assert index.matching_ids("rut") == set()


@pytest.mark.parametrize("fts", [True, False], ids=["fts5", "plain-python"])
@pytest.mark.parametrize("text", NASTY)
def test_the_index_takes_any_input(fts, text, monkeypatch):
    if fts and not cache_module.fts5_available():
        pytest.skip("this SQLite has no FTS5")
    index = _index(fts, monkeypatch)
    index.search(text)
    index.matching_ids(text, live=True)
    # The cache is still there and whole after the SQL-looking input.
    assert index.cache.connection.execute("SELECT count(*) FROM files").fetchone() == (7,)
