"""The extraction cache: warm runs redo nothing, changes are picked up, a bad cache never hurts."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

import tui.core.parallel as parallel
from tui.core import cache as cache_module
from tui.core.cache import SCHEMA_VERSION
from tui.core.config import load_config
from tui.core.export import corpus_document
from tui.core.extraction import Extractor
from tui.core.paths import shipped_config_path
from tui.core.pipeline import build_corpus
from tui.core.store import Store

ARTICLE = """---
title: {title}
published: {published}
outlet: Test Wire
---

Brussels, Belgium — {published}

NATO foreign ministers will meet in Brussels on April 3. Secretary of State Marco Rubio will
attend the meeting, and {who} will represent {country}.
"""
AN_HOUR = 3600 * 10**9


@pytest.fixture(scope="module")
def loaded():
    return load_config(shipped_config_path())


@pytest.fixture
def cache_file(isolated_environment) -> Path:
    return Path(os.environ["NATOTUI_CACHE_DIR"]) / "cache.sqlite3"


def write(root: Path, name: str, text: str | bytes, age_ns: int = AN_HOUR) -> Path:
    """Write a file dated `age_ns` ago: old enough for its mtime to be trusted on the next run."""
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    when = time.time_ns() - age_ns
    os.utime(path, ns=(when, when))
    return path


def article(
    title: str, published: str = "2025-03-20", who: str = "Mark Rutte", country: str = "NATO"
) -> str:
    return ARTICLE.format(title=title, published=published, who=who, country=country)


@pytest.fixture
def corpus(tmp_path) -> Path:
    root = tmp_path / "corpus"
    write(root, "one.txt", article("First"))
    write(root, "two.md", article("Second", who="Christopher Landau", country="the US"))
    write(root, "sub/three.txt", article("Third", published="2025-04-01"))
    return root


class Counter:
    """Counts calls of Extractor.extract and of reading an article file (in this process)."""

    def __init__(self, monkeypatch):
        self.extracted: list[str] = []
        self.read: list[str] = []
        extract, load = Extractor.extract, parallel.load_article

        def counting_extract(extractor, article, year):
            self.extracted.append(article.id)
            return extract(extractor, article, year)

        def counting_load(path, *args, **kwargs):
            self.read.append(Path(path).name)
            return load(path, *args, **kwargs)

        monkeypatch.setattr(Extractor, "extract", counting_extract)
        monkeypatch.setattr(parallel, "load_article", counting_load)

    def reset(self) -> None:
        self.extracted.clear()
        self.read.clear()


@pytest.fixture
def counter(monkeypatch) -> Counter:
    return Counter(monkeypatch)


def document(corpus) -> dict:
    """The JSON document of `natotui extract`, without the cache's notices."""
    data = corpus_document(corpus)
    data["warnings"] = [w for w in data["warnings"] if not w.startswith("cache:")]
    return data


def reference(root: Path, loaded) -> dict:
    return document(build_corpus([root], loaded, use_cache=False, jobs=1))


def run(root: Path, loaded, **kwargs):
    return build_corpus([root], loaded, jobs=1, **kwargs)


# --- warm runs -----------------------------------------------------------------------------------


def test_a_second_run_reads_and_extracts_nothing(corpus, loaded, counter, cache_file):
    first = run(corpus, loaded)
    assert sorted(counter.extracted) == ["one", "sub/three", "two"]
    assert cache_file.exists()
    counter.reset()
    second = run(corpus, loaded)
    assert counter.extracted == [] and counter.read == []
    assert document(second) == document(first) == reference(corpus, loaded)
    assert second.warnings == []


def test_a_touched_file_is_read_again_but_not_extracted(corpus, loaded, counter):
    run(corpus, loaded)
    counter.reset()
    os.utime(corpus / "one.txt")  # now: a new mtime, the same content
    run(corpus, loaded)
    assert counter.read == ["one.txt"] and counter.extracted == []
    counter.reset()
    run(corpus, loaded)  # just touched: too recent to trust its mtime yet, hashed again
    assert counter.extracted == []


def test_an_edited_file_is_extracted_again_alone(corpus, loaded, counter):
    run(corpus, loaded)
    counter.reset()
    write(corpus, "two.md", article("Second, edited", who="Kaja Kallas", country="the EU"))
    result = run(corpus, loaded)
    assert counter.extracted == ["two"]
    assert result.article("two").title == "Second, edited"
    names = {a.name for a in result.extractions["two"].actors}
    assert "Kaja Kallas" in names and "Christopher Landau" not in names
    assert document(result) == reference(corpus, loaded)


def test_an_edit_keeping_size_and_mtime_close_is_still_seen(corpus, loaded, counter):
    run(corpus, loaded)
    counter.reset()
    text = (corpus / "one.txt").read_text(encoding="utf-8")
    write(corpus, "one.txt", text.replace("First", "Fir5t"), age_ns=0)  # same size, just now
    result = run(corpus, loaded)
    assert counter.extracted == ["one"] and result.article("one").title == "Fir5t"


def test_a_deleted_file_leaves_the_corpus_and_the_cache(corpus, loaded, counter, cache_file):
    run(corpus, loaded)
    counter.reset()
    (corpus / "sub" / "three.txt").unlink()
    result = run(corpus, loaded)
    assert counter.extracted == []
    assert [a.id for a in result.articles] == ["one", "two"]
    assert document(result) == reference(corpus, loaded)
    with sqlite3.connect(cache_file) as db:
        paths = [p for (p,) in db.execute("SELECT path FROM files")]
    assert sorted(Path(p).name for p in paths) == ["one.txt", "two.md"]


def test_an_added_file_is_extracted_alone(corpus, loaded, counter):
    run(corpus, loaded)
    counter.reset()
    write(corpus, "four.txt", article("Fourth"))
    result = run(corpus, loaded)
    assert counter.extracted == ["four"]
    assert document(result) == reference(corpus, loaded)


def test_a_new_corpus_year_extracts_everything_again(corpus, loaded, counter):
    # Dates written without a year take the corpus's most common year: when that changes,
    # every article may read differently.
    run(corpus, loaded)
    counter.reset()
    for n in range(4):
        write(corpus, f"new{n}.txt", article(f"New {n}", published="2024-03-20"))
    result = run(corpus, loaded)
    assert sorted(counter.extracted) == sorted(a.id for a in result.articles)
    assert document(result) == reference(corpus, loaded)


def test_a_config_change_extracts_everything_again(corpus, loaded, counter, tmp_path):
    run(corpus, loaded)
    counter.reset()
    mine = tmp_path / "mine.yaml"
    mine.write_text("extends: shipped\ncleaning:\n  boilerplate_lines: ['outlet line']\n")
    other = load_config(mine)
    assert other.digest != loaded.digest
    run(corpus, other)
    assert len(counter.extracted) == 3
    counter.reset()
    run(corpus, other)
    assert counter.extracted == []
    run(corpus, loaded)  # and back: one row per file, so extracted again
    assert len(counter.extracted) == 3


def test_skipped_files_still_warn_on_warm_runs(corpus, loaded, counter):
    write(corpus, "empty.txt", "")
    write(corpus, "binary.txt", b"\x00\x01\x02binary\x00")
    first = run(corpus, loaded)
    counter.reset()
    second = run(corpus, loaded)
    assert counter.read == [] and counter.extracted == []
    warnings = [w for w in second.warnings if "skipped" in w]
    assert warnings == first.warnings and len(warnings) == 2
    assert any("empty.txt: skipped, empty file" in w for w in warnings)


def test_a_dangling_link_warns_every_time(corpus, loaded, counter):
    (corpus / "gone.txt").symlink_to(corpus / "nowhere.txt")
    for _ in range(2):
        result = run(corpus, loaded)
        assert any("gone.txt: skipped" in w for w in result.warnings)


def test_no_cache_writes_nothing(corpus, loaded, counter, cache_file):
    run(corpus, loaded, use_cache=False)
    run(corpus, loaded, use_cache=False)
    assert len(counter.extracted) == 6
    assert not cache_file.exists()


def test_two_folders_share_one_cache(corpus, loaded, counter, tmp_path):
    other = tmp_path / "other"
    write(other, "elsewhere.txt", article("Elsewhere"))
    run(corpus, loaded)
    run(other, loaded)
    counter.reset()
    assert [a.id for a in run(corpus, loaded).articles] == ["one", "sub/three", "two"]
    assert [a.id for a in run(other, loaded).articles] == ["elsewhere"]
    assert counter.extracted == []


# --- a bad cache ---------------------------------------------------------------------------------


def test_a_corrupt_cache_file_is_rebuilt_with_a_notice(corpus, loaded, counter, cache_file):
    run(corpus, loaded)
    cache_file.write_bytes(b"this is not a database " * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{cache_file}{suffix}").unlink(missing_ok=True)
    result = run(corpus, loaded)
    assert document(result) == reference(corpus, loaded)
    assert any(
        w.startswith("cache:") and "damaged" in w and "rebuilt" in w for w in result.warnings
    )
    counter.reset()
    again = run(corpus, loaded)  # rebuilt for real: warm again
    assert counter.extracted == [] and again.warnings == []


def test_garbage_inside_the_cache_file_never_crashes(corpus, loaded, cache_file):
    run(corpus, loaded)
    with sqlite3.connect(cache_file) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = cache_file.stat().st_size
    with cache_file.open("r+b") as handle:
        for offset in range(4096, size, 4096 * 3):  # every third page after the first
            handle.seek(offset + 100)
            handle.write(os.urandom(2000))
    result = run(corpus, loaded)
    assert document(result) == reference(corpus, loaded)


def test_a_damaged_payload_is_rebuilt(corpus, loaded, counter, cache_file):
    run(corpus, loaded)
    with sqlite3.connect(cache_file) as db:
        db.execute(
            "UPDATE contents SET extraction = x'00ff00'"
            " WHERE id = (SELECT id FROM files WHERE path LIKE '%one.txt')"
        )
    counter.reset()
    result = run(corpus, loaded)
    assert document(result) == reference(corpus, loaded)
    assert any("damaged" in w for w in result.warnings)


@pytest.mark.parametrize("old", ["old-schema", "foreign-database"])
def test_an_old_format_cache_is_rebuilt_with_a_notice(old, corpus, loaded, counter, cache_file):
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(cache_file) as db:
        if old == "old-schema":
            db.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
            db.execute("INSERT INTO meta VALUES ('schema', '0')")
            db.execute("CREATE TABLE files(path TEXT, blob BLOB)")
        else:
            db.execute("CREATE TABLE notes(body TEXT)")
    assert SCHEMA_VERSION != "0"
    result = run(corpus, loaded)
    assert document(result) == reference(corpus, loaded)
    assert any(w.startswith("cache:") and "rebuilt" in w for w in result.warnings)
    counter.reset()
    again = run(corpus, loaded)
    assert counter.extracted == [] and again.warnings == []


def test_a_locked_cache_is_worked_around_with_a_notice(
    corpus, loaded, counter, cache_file, monkeypatch
):
    run(corpus, loaded)
    monkeypatch.setenv(cache_module.TIMEOUT_ENV, "0.05")
    holder = sqlite3.connect(cache_file, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program writing, for longer than we wait
    try:
        counter.reset()
        result = run(corpus, loaded)
        assert len(counter.extracted) == 3  # in memory this time
        assert document(result) == reference(corpus, loaded)
        assert any("running without the cache" in w for w in result.warnings)
        store = Store.open([corpus], loaded, jobs=1)  # the dashboard too
        assert len(store) == 3 and store.article("one").title == "First"
        assert any("running without the cache" in w for w in store.warnings)
        store.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    counter.reset()
    after = run(corpus, loaded)
    assert counter.extracted == [] and after.warnings == []


def test_an_exclusive_locking_mode_holder_is_worked_around(corpus, loaded, cache_file, monkeypatch):
    run(corpus, loaded)
    monkeypatch.setenv(cache_module.TIMEOUT_ENV, "0.05")
    holder = sqlite3.connect(cache_file, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("SELECT count(*) FROM files").fetchone()
    try:
        result = run(corpus, loaded)
        assert document(result) == reference(corpus, loaded)
        assert any("running without the cache" in w for w in result.warnings)
    finally:
        holder.close()


def test_an_unusable_cache_place_is_worked_around(corpus, loaded, cache_file):
    cache_file.mkdir(parents=True)  # a folder where the file should be
    (cache_file / "x").write_text("keep me")
    result = run(corpus, loaded)
    assert document(result) == reference(corpus, loaded)
    assert any("running without the cache" in w for w in result.warnings)
    assert (cache_file / "x").read_text() == "keep me"


# --- the store: summaries in memory, the rest by id ----------------------------------------------


def test_the_store_gives_what_build_corpus_gives(corpus, loaded):
    full = build_corpus([corpus], loaded, use_cache=False, jobs=1)
    for attempt in ("cold", "warm"):
        store = Store.open([corpus], loaded, jobs=1)
        assert store.extracted == (3 if attempt == "cold" else 0)
        assert [a.id for a in store.articles] == [a.id for a in full.articles]
        for summary, article in zip(store.articles, full.articles, strict=True):
            assert (summary.title, summary.published, summary.published_basis) == (
                article.title,
                article.published,
                article.published_basis,
            )
            assert list(summary.authors) == article.authors and summary.outlet == article.outlet
            assert store.article(article.id) == article
            assert store.extraction(article.id) == full.extractions[article.id]
        assert (store.actors, store.meetings, store.conflicts) == (
            full.actors,
            full.meetings,
            full.conflicts,
        )
        assert corpus_document(store.corpus()) == corpus_document(full)
        assert store.article("nope") is None and "nope" not in store
        store.close()


def test_the_store_links_again_from_light_payloads(corpus, loaded, cache_file, seeds_dir, tmp_path):
    # The seeds have merged meetings and conflicts: the light payloads must link the same.
    root = tmp_path / "seeds"
    shutil.copytree(seeds_dir, root)
    full = build_corpus([root], loaded, use_cache=False, jobs=1)
    assert full.meetings and full.conflicts
    Store.open([root], loaded, jobs=1).close()
    with sqlite3.connect(cache_file) as db:
        db.execute("DELETE FROM corpora")
    store = Store.open([root], loaded, jobs=1)
    assert (store.actors, store.meetings, store.conflicts) == (
        full.actors,
        full.meetings,
        full.conflicts,
    )
    store.close()


def test_the_store_reads_a_row_replaced_under_it_from_the_file(corpus, loaded, cache_file):
    store = Store.open([corpus], loaded, jobs=1)
    expected = build_corpus([corpus], loaded, use_cache=False, jobs=1)
    with sqlite3.connect(cache_file) as db:  # another natotui, another config
        db.execute("UPDATE files SET config = 'other'")
        db.execute("UPDATE contents SET extraction = x'00'")
    assert store.article("two") == expected.article("two")
    assert store.extraction("two") == expected.extractions["two"]
    store.close()


def test_search_follows_edits_and_deletes(corpus, loaded, cache_file):
    store = Store.open([corpus], loaded, jobs=1)
    assert store.matching_ids("landau") == {"two"}
    assert [h.article_id for h in store.search("rubio")] and store.search("") == []
    store.close()
    write(corpus, "two.md", article("Second", who="Kaja Kallas", country="the EU"))
    (corpus / "one.txt").unlink()
    store = Store.open([corpus], loaded, jobs=1)
    assert store.matching_ids("landau") == set()
    assert store.matching_ids("kallas") == {"two"}
    assert store.matching_ids("first") == set()
    assert {h.article_id for h in store.search("rubio")} == {"two", "sub/three"}
    store.close()
    with sqlite3.connect(cache_file) as db:  # the index agrees with the texts it indexes
        db.execute("INSERT INTO fts(fts, rank) VALUES ('integrity-check', 1)")
        assert db.execute("SELECT count(*) FROM contents").fetchone() == (2,)


def test_one_linked_corpus_is_kept_per_folder(corpus, loaded, cache_file, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("extends: shipped\ncleaning:\n  boilerplate_lines: ['outlet line']\n")
    run(corpus, loaded)
    run(corpus, load_config(mine))
    with sqlite3.connect(cache_file) as db:
        assert db.execute("SELECT count(*) FROM corpora").fetchone() == (1,)


def test_the_store_can_open_before_linking(corpus, loaded):
    full = build_corpus([corpus], loaded, use_cache=False, jobs=1)
    store = Store.open([corpus], loaded, jobs=1, link=False)
    assert not store.linked and store.conflicts == [] and store.meetings == []
    assert [a.id for a in store.articles] == [a.id for a in full.articles]
    assert store.matching_ids("rubio") == {a.id for a in full.articles}
    store.link()
    assert store.linked
    assert (store.actors, store.meetings, store.conflicts) == (
        full.actors,
        full.meetings,
        full.conflicts,
    )
    store.close()
