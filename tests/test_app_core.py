"""The plain-Python helpers behind the dashboard: saved state, word diff, calendar index,
safe text, corpus look-ups. None of them imports Textual."""

from __future__ import annotations

import json
import os
from datetime import date

import pytest

from tui.core.calendar_index import dates_label, index_meetings, shift_month
from tui.core.corpus_view import CorpusView
from tui.core.models import (
    ActorRef,
    Article,
    ArticleExtraction,
    Conflict,
    ConflictSide,
    Corpus,
    CorpusActor,
    Meeting,
    Mention,
    Source,
)
from tui.core.safe_text import one_line, visible
from tui.core.state import ReadState, default_state_path, write_json_atomic
from tui.core.word_diff import word_diff

# --- state --------------------------------------------------------------------------------------


def test_state_round_trips_per_corpus(tmp_path):
    path = tmp_path / "state.json"
    first = ReadState("/corpus/one", path)
    first.set_read("a")
    first.toggle_star("b")
    first.set_last_article("b", save=True)
    other = ReadState("/corpus/two", path)
    other.set_read("z")
    again = ReadState("/corpus/one", path)
    assert again.read == {"a"} and again.starred == {"b"} and again.last_article == "b"
    assert ReadState("/corpus/two", path).read == {"z"}
    assert not first.set_read("a")  # unchanged: no write needed


def test_state_lives_in_the_user_data_dir():
    assert default_state_path().parent == default_state_path().parent.resolve()
    assert str(default_state_path()).startswith(os.environ["NATOTUI_STATE_DIR"])


def test_a_corrupt_state_file_is_kept_aside_not_fatal(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("{not json", encoding="utf-8")
    state = ReadState("/c", path)
    assert state.problem and "could not read" in state.problem
    assert state.read == set()
    state.set_read("a")
    assert json.loads(path.read_text())["corpora"]["/c"]["read"] == ["a"]
    assert (tmp_path / "state.json.corrupt").read_text() == "{not json"


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path):
    path = tmp_path / "state.json"
    write_json_atomic(path, {"ok": 1})
    with pytest.raises(TypeError):
        write_json_atomic(path, {"bad": object()})
    assert json.loads(path.read_text()) == {"ok": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


# --- word diff ----------------------------------------------------------------------------------


def test_word_diff_marks_the_differing_words_on_each_side():
    a = "U.S. Secretary of State Marco rubio is expected to miss the meeting."
    b = "Senator Marco Rubio (R-FL) is expected to miss the meeting."
    spans_a, spans_b = word_diff(a, b)
    assert [a[s:e] for s, e in spans_a] == ["U.S. Secretary of State"]
    assert [b[s:e] for s, e in spans_b] == ["Senator", "(R-FL)"]
    assert word_diff("same words", "Same Words") == ([], [])


# --- calendar -----------------------------------------------------------------------------------


def meeting(mid, start, end=None, precision="day", name="m"):
    return Meeting(
        mid, name, "ministerial", "Brussels", start, end, "explicit", [], [], [], precision
    )


def test_calendar_index_by_day_month_and_undated():
    meetings = [
        meeting("a", "2025-04-03", "2025-04-04"),
        meeting("b", "2025-04-11"),
        meeting("c", "2025-06-01", "2025-06-30", precision="month"),
        meeting("d", None),
        meeting("e", "2025-04-03"),
    ]
    index = index_meetings(meetings)
    assert [m.id for m in index.on_day(date(2025, 4, 3))] == ["a", "e"]
    assert [m.id for m in index.on_day(date(2025, 4, 4))] == ["a"]
    assert [m.id for m in index.in_month((2025, 4))] == ["a", "e", "b"]
    assert [m.id for m in index.month_only[(2025, 6)]] == ["c"]
    assert [m.id for m in index.undated] == ["d"]
    assert index.first_month() == (2025, 4)
    assert dates_label(meetings[0]) == "3–4 April 2025"
    assert dates_label(meetings[2]) == "June 2025"
    assert dates_label(meetings[3]) == "no date"
    assert shift_month((2025, 12), 1) == (2026, 1) and shift_month((2025, 1), -1) == (2024, 12)


# --- safe text ----------------------------------------------------------------------------------


def test_visible_keeps_length_and_neutralises_controls():
    raw = "a\x1b[31mb\tc\x07d\x9be\u202ef\n"
    shown = visible(raw)
    assert len(shown) == len(raw)
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert "\u202e" not in shown and shown.endswith("\n")
    assert shown.startswith("a␛[31mb c")
    assert one_line("a\nb") == "a b"


# --- corpus look-ups ----------------------------------------------------------------------------


def test_corpus_view_links_articles_actors_conflicts_and_meetings():
    one = Article("one", "one.txt", "Marco Rubio met Rutte.", title="One")
    two = Article("two", "two.txt", "Senator Rubio spoke.", title="Two")
    rubio_one = ActorRef(
        "Marco Rubio", "person", ["secretary of state"], [Mention(0, 11, "Marco Rubio")]
    )
    rubio_two = ActorRef("Marco Rubio", "person", ["senator"], [Mention(8, 13, "Rubio")])
    rutte = ActorRef("Mark Rutte", "person", [], [Mention(16, 21, "Rutte")])
    side_a = ConflictSide("one", "Marco Rubio met Rutte.", "secretary of state", 0, 22)
    side_b = ConflictSide("two", "Senator Rubio spoke.", "senator", 0, 20)
    corpus = Corpus(
        articles=[one, two],
        extractions={
            "one": ArticleExtraction("one", [rubio_one, rutte], [], [], []),
            "two": ArticleExtraction("two", [rubio_two], [], [], []),
        },
        actors=[
            CorpusActor(
                "Marco Rubio", "person", ["secretary of state", "senator"], 2, ["one", "two"]
            ),
            CorpusActor("Mark Rutte", "person", [], 1, ["one"]),
        ],
        meetings=[
            Meeting(
                "m1",
                "Talks",
                "bilateral",
                None,
                "2025-04-03",
                None,
                "explicit",
                [],
                [],
                [Source("one", "Marco Rubio met Rutte.", 0, 22)],
            )
        ],
        conflicts=[Conflict("c1", "Marco Rubio", "role", side_a, side_b)],
    )
    view = CorpusView.build(corpus)
    assert [r.name for r in view.corpus_actors] == ["Marco Rubio", "Mark Rutte"]
    assert view.articles_mentioning("Marco Rubio") == ["one", "two"]
    assert view.articles_mentioning("Mark Rutte") == ["one"]
    rows = {r.name: r for r in view.article_actors("two")}
    assert rows["Marco Rubio"].roles == ("senator",) and len(rows["Marco Rubio"].articles) == 2
    assert [c.id for c in view.conflicts("two")] == ["c1"] and view.conflicts() == corpus.conflicts
    assert view.meeting_ids_of("one") == {"m1"} and view.meeting_ids_of("two") == set()
    assert view.calendar.on_day(date(2025, 4, 3))[0].id == "m1"
