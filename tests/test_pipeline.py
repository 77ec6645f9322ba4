"""The pipeline: the same corpus whichever way it is built (cache, processes, light linking)."""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import time
from pathlib import Path

import pytest

import tui.core.parallel as parallel
from tui.cli import main
from tui.core.config import load_config
from tui.core.export import corpus_document
from tui.core.extraction import Extractor
from tui.core.linking import link_corpus
from tui.core.loading import iter_files, load_corpus
from tui.core.paths import shipped_config_path
from tui.core.pipeline import build_corpus, corpus_year, extract_all, scan
from tui.core.store import Store

REPOSITORY = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def loaded():
    return load_config(shipped_config_path())


def make_corpus(n: int, out: Path) -> Path:
    """The benchmark's generator (bench/make_corpus.py): sample sentences, new names and dates."""
    spec = importlib.util.spec_from_file_location(
        "make_corpus", REPOSITORY / "bench" / "make_corpus.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.make_corpus(n, out, seed=7)
    # Files written a moment ago are hashed again on the next run (their mtime cannot be
    # trusted yet); dated an hour back, a second run is warm whatever the clock says.
    an_hour_ago = time.time_ns() - 3600 * 10**9
    for path in out.rglob("*.*"):
        os.utime(path, ns=(an_hour_ago, an_hour_ago))
    return out


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    return make_corpus(40, tmp_path_factory.mktemp("generated") / "corpus")


def old_pipeline(paths: list[Path], loaded) -> dict:
    """What build_corpus did before the cache: load, extract in order, link."""
    result = load_corpus(paths, loaded.config)
    extractor = Extractor.for_config(loaded)
    extractions = extract_all(result.articles, extractor)
    return corpus_document(link_corpus(result.articles, extractions, extractor, result.warnings))


def test_build_corpus_gives_what_the_plain_pipeline_gives(seeds_dir, loaded):
    expected = old_pipeline([seeds_dir], loaded)
    assert corpus_document(build_corpus([seeds_dir], loaded, jobs=1)) == expected  # cold
    assert corpus_document(build_corpus([seeds_dir], loaded, jobs=1)) == expected  # warm
    assert corpus_document(build_corpus([seeds_dir], loaded, use_cache=False)) == expected


def test_a_generated_corpus_too(generated, loaded):
    expected = old_pipeline([generated], loaded)
    assert expected["meetings"] and expected["conflicts"]
    assert corpus_document(build_corpus([generated], loaded, jobs=1)) == expected
    assert corpus_document(build_corpus([generated], loaded, jobs=1)) == expected


def test_the_generator_is_deterministic(tmp_path):
    one = make_corpus(25, tmp_path / "one")
    two = make_corpus(25, tmp_path / "two")
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert len(files) == 25
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)
    texts = [(one / f).read_text(encoding="utf-8") for f in files]
    assert sum(t.startswith("---\n") for t in texts) not in (0, 25)  # some with front matter


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_parallel_ingest_gives_the_serial_corpus(start, generated, loaded, monkeypatch):
    serial = build_corpus([generated], loaded, use_cache=False, jobs=1)
    if start == "fork" and not parallel._can_fork():
        pytest.skip("forking is for single-threaded processes on Linux")
    monkeypatch.setattr(parallel, "_can_fork", lambda: start == "fork")
    started = []
    start = parallel.Runner._start

    def spy(runner):
        started.append(runner.jobs)
        return start(runner)

    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FORKED", 1)
    monkeypatch.setattr(parallel.Runner, "_start", spy)
    together = build_corpus([generated], loaded, jobs=2)
    assert started and started[0] == 2  # the work did go to the processes
    assert together.warnings == []
    assert corpus_document(together) == corpus_document(serial)
    # The rows the workers made serve a warm start in this process.
    started.clear()
    warm = build_corpus([generated], loaded, jobs=2)
    assert started == [] and corpus_document(warm) == corpus_document(serial)


def test_a_failing_pool_finishes_in_process_with_a_notice(generated, loaded, monkeypatch, tmp_path):
    config = tmp_path / "mine.yaml"
    config.write_text("extends: shipped\n")
    mine = load_config(config)
    config.write_text("extends: shipped\ncleaning:\n  boilerplate_lines: ['x']\n")  # now stale
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)
    monkeypatch.setattr(parallel, "_can_fork", lambda: False)  # spawned workers read the file
    result = build_corpus([generated], mine, use_cache=False, jobs=2)
    assert any("continued in one process" in w for w in result.warnings)
    serial = build_corpus([generated], mine, use_cache=False, jobs=1)
    assert corpus_document(result)["articles"] == corpus_document(serial)["articles"]


def test_small_corpora_stay_in_process(seeds_dir, loaded, monkeypatch):
    def refuse(runner):
        raise AssertionError("no processes for five articles")

    monkeypatch.setattr(parallel.Runner, "_start", refuse)
    assert len(build_corpus([seeds_dir], loaded, jobs=8).articles) == 5


def test_progress_is_reported_by_stage(generated, loaded):
    stages, calls = [], []
    build_corpus(
        [generated],
        loaded,
        jobs=1,
        on_progress=lambda d, t: calls.append((d, t)),
        on_stage=lambda name, total: stages.append((name, total)),
    )
    assert stages == [("reading", 40), ("extracting", 40)]
    assert calls[0] == (1, 40) and calls[-1] == (40, 40) and len(calls) == 80
    stages.clear()
    calls.clear()
    build_corpus(
        [generated],
        loaded,
        jobs=1,
        on_progress=lambda d, t: calls.append((d, t)),
        on_stage=lambda name, total: stages.append((name, total)),
    )
    assert stages == [] and calls == []  # warm: nothing to report


def test_scan_lists_files_as_the_loader_does(tmp_path, monkeypatch):
    root = tmp_path / "c"
    for name in (
        "b.txt",
        "a.md",
        "A.TXT",
        "sub/x.txt",
        "sub-dir/y.txt",
        "sub.d/v.txt",
        ".hidden/z.txt",
        ".dot.txt",
        "notes.pdf",
        "sub/deeper/w.md",
        "u.Md",
        "folder.txt/inside.txt",
        "é/ü.txt",
        "x y/z w.txt",
    ):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text")
    (root / "link.txt").symlink_to(root / "b.txt")
    (root / "dangling.md").symlink_to(root / "nowhere.md")
    (root / "linked-dir").symlink_to(root / "sub", target_is_directory=True)
    (root / "dir-link.txt").symlink_to(root / "sub", target_is_directory=True)
    single = root / "b.txt"

    def listing(paths):
        return [(str(base), str(path)) for base, path in iter_files(paths)]

    expected = listing([root, single])
    assert [(e.base, e.path) for e in scan([root, single])] == expected
    assert len(expected) == 14
    monkeypatch.chdir(tmp_path)  # relative roots keep their spelling, as Path prints them
    for spelling in ("c", "./c", "c/", "c/sub/.."):
        assert [(e.base, e.path) for e in scan([Path(spelling)])] == listing([Path(spelling)])
    monkeypatch.chdir(root)
    assert [(e.base, e.path) for e in scan([Path(".")])] == listing([Path(".")])
    keys = [e.key[1] for e in scan([Path(".")])]
    assert keys == [os.path.abspath(p) for _, p in listing([Path(".")])]
    with pytest.raises(FileNotFoundError):
        scan([root / "missing"])


def test_corpus_year_and_extract_all_keep_their_contract(seeds_dir, loaded):
    articles = load_corpus([seeds_dir], loaded.config).articles
    assert corpus_year(articles) == 2025
    assert corpus_year([]) is None
    calls = []
    extract_all(articles[:2], Extractor.for_config(loaded), lambda d, t: calls.append((d, t)))
    assert calls == [(1, 2), (2, 2)]


def test_the_store_links_generated_corpora_like_build_corpus(
    generated, loaded, isolated_environment
):
    full = build_corpus([generated], loaded, use_cache=False, jobs=1)
    Store.open([generated], loaded, jobs=1).close()
    with sqlite3.connect(isolated_environment / "cache" / "cache.sqlite3") as db:
        db.execute("DELETE FROM corpora")  # link again from the light payloads
    store = Store.open([generated], loaded, jobs=1)
    assert store.actors == full.actors
    assert store.meetings == full.meetings
    assert store.conflicts == full.conflicts
    store.close()


def test_extract_command_jobs_and_cache(generated, capsys):
    assert main(["extract", str(generated), "--jobs", "1"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["extract", str(generated), "--jobs", "2"]) == 0  # warm: same answer
    captured = capsys.readouterr()
    assert json.loads(captured.out) == first
    assert captured.err == ""  # no bar when stderr is not a terminal, no notices
    with pytest.raises(SystemExit):
        main(["extract", "--jobs", "0"])


def test_a_large_document_is_written_one_item_a_line(seeds_dir, capsys, monkeypatch):
    import tui.cli as cli

    assert main(["extract", str(seeds_dir)]) == 0
    pretty = capsys.readouterr().out
    monkeypatch.setattr(cli, "PRETTY_ITEMS", 0)
    assert main(["extract", str(seeds_dir)]) == 0
    compact = capsys.readouterr().out
    assert json.loads(compact) == json.loads(pretty)
    articles = json.loads(compact)["articles"]
    assert len(compact.splitlines()) < len(pretty.splitlines())
    assert all(json.dumps(a, ensure_ascii=False) in compact for a in articles)


# --- the list snapshot ---------------------------------------------------------------------------


def test_a_list_snapshot_reopens_the_store_as_it_was(seeds_dir, loaded):
    assert Store.from_snapshot([seeds_dir], loaded) is None  # never opened: nothing to show
    opened = Store.open([seeds_dir], loaded, jobs=1, link=False)
    again = Store.from_snapshot([seeds_dir], loaded)
    assert again is not None and again.from_snapshot and not opened.from_snapshot
    assert again.articles == opened.articles and again.same_as(opened)
    first = opened.articles[0].id
    assert again.article(first).text == opened.article(first).text  # read through the cache
    assert again.link_from_cache() is False  # linking was not asked for: nothing cached
    opened.close(), again.close()


def test_a_list_snapshot_is_read_a_page_at_a_time(seeds_dir, loaded, monkeypatch):
    from tui.core import store as store_module

    monkeypatch.setattr(store_module, "PAGE_ROWS", 2)  # five articles: three pages
    opened = Store.open([seeds_dir], loaded, jobs=1, link=False)
    snapshot = Store.from_snapshot([seeds_dir], loaded)
    assert snapshot is not None and snapshot._pages is not None
    newest = opened.newest_first()
    assert snapshot.newest_first() == newest and len(snapshot) == len(opened) == 5
    first = newest[0]
    assert snapshot.summary(first) == opened.summary(first)
    assert snapshot.article(first).text == opened.article(first).text
    assert list(snapshot._pages._decoded) == [0]  # only the page on screen was decoded
    assert first in snapshot and "no such article" not in snapshot
    assert snapshot.summaries.get(newest[4]) == opened.summary(newest[4])
    assert snapshot.article_warning_count() == opened.article_warning_count()
    assert sorted(snapshot.published_values(), key=str) == sorted(
        opened.published_values(), key=str
    )
    assert snapshot._pages is not None  # none of that decoded the whole list
    assert snapshot.articles == opened.articles and snapshot._pages is None
    assert snapshot.same_as(opened) and snapshot.summary(first) == opened.summary(first)
    assert list(snapshot.summaries) == [a.id for a in opened.articles]  # corpus order
    opened.close(), snapshot.close()


def test_a_list_snapshot_is_checked_against_the_files(tmp_path, loaded):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title A\n\nRubio met Rutte in Brussels on 3 April 2025.\n")
    (corpus / "b.txt").write_text("Title B\n\nThe summit opened in The Hague.\n")
    Store.open([corpus], loaded, jobs=1, link=False).close()
    (corpus / "b.txt").write_text("Title B, edited\n\nThe summit closed in The Hague.\n")
    (corpus / "c.txt").write_text("Title C\n\nA new article.\n")
    snapshot = Store.from_snapshot([corpus], loaded)
    assert snapshot is not None and len(snapshot) == 2  # as last time: not looked at the files
    fresh = Store.open([corpus], loaded, jobs=1, link=False)
    assert not snapshot.same_as(fresh)
    texts = sorted(fresh.article(a.id).text for a in fresh.articles)
    assert len(texts) == 3 and "summit closed" in texts[1] and "A new article" in texts[2]
    newer = Store.from_snapshot([corpus], loaded)
    assert newer is not None and newer.same_as(fresh)
    snapshot.close(), fresh.close(), newer.close()


def test_checking_a_snapshot_returns_it_when_the_files_are_as_it_lists(tmp_path, loaded):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title A\n\nRubio met Rutte in Brussels on 3 April 2025.\n")
    (corpus / "b.txt").write_text("Title B\n\nThe summit opened in The Hague.\n")
    Store.open([corpus], loaded, jobs=1, link=False).close()
    snapshot = Store.from_snapshot([corpus], loaded)
    assert Store.open([corpus], loaded, jobs=1, link=False, expected=snapshot) is snapshot
    assert snapshot.article(snapshot.articles[0].id).text  # its own cache is still open
    (corpus / "b.txt").write_text("Title B, edited\n\nThe summit closed in The Hague.\n")
    fresh = Store.open([corpus], loaded, jobs=1, link=False, expected=snapshot)
    assert fresh is not snapshot and not snapshot.same_as(fresh)
    assert "summit closed" in fresh.article(fresh.articles[1].id).text
    newer = Store.from_snapshot([corpus], loaded)  # the changed list was written again
    assert newer is not None and newer.same_as(fresh)
    snapshot.close(), fresh.close(), newer.close()


def test_a_damaged_or_foreign_snapshot_is_ignored(seeds_dir, loaded, isolated_environment):
    Store.open([seeds_dir], loaded, jobs=1, link=False).close()
    (snapshot,) = (isolated_environment / "cache" / "lists").glob("*.marshal")
    snapshot.write_bytes(b"\x00not marshal at all")
    assert Store.from_snapshot([seeds_dir], loaded) is None
    other = load_config(shipped_config_path())
    Store.open([seeds_dir], loaded, jobs=1, link=False).close()
    other.digest = "another config"
    assert Store.from_snapshot([seeds_dir], other) is None


def test_an_older_snapshot_is_shown_then_written_again_once_confirmed(
    seeds_dir, loaded, isolated_environment
):
    import marshal

    from tui.core import store as store_module

    opened = Store.open([seeds_dir], loaded, jobs=1, link=False)
    (path,) = (isolated_environment / "cache" / "lists").glob("*.marshal")
    assert path.read_bytes().startswith(store_module.SNAPSHOT_MAGIC)
    assert store_module.SNAPSHOT_FORMAT == 3
    # Format 1 was one marshal tuple; authors and warnings were lists, each article's its own.
    o = opened._opened
    head = (1, o.config, o.version, o.year, list(o.roots), o.corpus_key, o.state, o.complete)
    old = []
    for a in opened.articles:
        row = opened._rows[a.id]
        fields = (a.title, a.published, a.published_basis, list(a.authors), a.outlet, a.path)
        old.append((a.id, *fields, list(a.warnings), row.rowid, row.content_hash, row.base))
    path.write_bytes(marshal.dumps((head, old, opened.warnings)))
    opened.close()
    shown = Store.from_snapshot([seeds_dir], loaded)
    assert shown is not None and all(isinstance(a.authors, tuple) for a in shown.articles)
    assert Store.open([seeds_dir], loaded, jobs=1, link=False, expected=shown) is shown
    assert path.read_bytes().startswith(store_module.SNAPSHOT_MAGIC)  # written again, format 3
    again = Store.from_snapshot([seeds_dir], loaded)
    assert again is not None and again.same_as(shown) and again.articles == shown.articles
    shown.close(), again.close()


SPAWN_UNDER_CAPTURED_STDERR = """
import io, multiprocessing, sys
from concurrent.futures import ProcessPoolExecutor

class Captured(io.StringIO):  # as Textual captures stderr: no file descriptor
    def fileno(self):
        return -1

if __name__ == "__main__":
    sys.stderr = Captured()
    if sys.argv[1:] == ["tracker"]:
        from tui.core.processes import start_resource_tracker
        start_resource_tracker()
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        print(pool.submit(abs, -3).result())
"""


@pytest.mark.parametrize(("argument", "output"), [("tracker", "3\n"), ("none", "")])
def test_a_pool_spawns_under_a_stderr_without_a_file_descriptor(tmp_path, argument, output):
    # The dashboard's cold ingest spawns workers from a thread while Textual holds stderr:
    # multiprocessing failed to start ("bad value(s) in fds_to_keep") unless its resource
    # tracker was started with the real stderr first.
    import subprocess
    import sys

    script = tmp_path / "spawn.py"
    script.write_text(SPAWN_UNDER_CAPTURED_STDERR)
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
    run = subprocess.run(
        [sys.executable, str(script), argument], capture_output=True, text=True, env=env, timeout=60
    )
    assert run.stdout == output


# --- the export kept beside the cache --------------------------------------------------------


def test_a_second_extract_of_unchanged_files_writes_the_kept_document(
    tmp_path, capsys, monkeypatch
):
    import shutil

    import tui.core.pipeline as pipeline

    corpus = tmp_path / "corpus"
    shutil.copytree(shipped_data_dir_path(), corpus)
    assert main(["extract", str(corpus)]) == 0
    first = capsys.readouterr().out

    def no_assembly(*args, **kwargs):
        raise AssertionError("the corpus was assembled again")

    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "_assemble", no_assembly)
        assert main(["extract", str(corpus)]) == 0
    assert capsys.readouterr().out == first  # byte for byte, without assembling

    # An edited file makes the kept document stale: the next one says what the file says now.
    victim = sorted(corpus.glob("*.txt"))[0]
    victim.write_text("Ministers Meet Again\n\n" + victim.read_text())
    os.utime(victim, ns=(time.time_ns() - 10**10, time.time_ns() - 10**10))
    assert main(["extract", str(corpus)]) == 0
    edited = capsys.readouterr().out
    assert edited != first
    assert json.loads(edited)["articles"] != json.loads(first)["articles"]


def test_a_damaged_kept_export_is_made_again(tmp_path, capsys):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(shipped_data_dir_path(), corpus)
    assert main(["extract", str(corpus)]) == 0
    first = capsys.readouterr().out
    [kept] = (Path(os.environ["NATOTUI_CACHE_DIR"]) / "exports").glob("*.z")
    kept.write_bytes(kept.read_bytes()[:200])  # cut short
    assert main(["extract", str(corpus)]) == 0
    assert capsys.readouterr().out == first
    assert kept.stat().st_size > 200  # written whole again


def shipped_data_dir_path() -> Path:
    from tui.core.paths import shipped_data_dir

    return shipped_data_dir()
