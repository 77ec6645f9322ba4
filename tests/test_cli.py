"""The `natotui` command: help and version, where data and config come from, output, pipes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tui import __version__
from tui.cli import main

REPOSITORY = Path(__file__).resolve().parent.parent
COMMANDS = [[], ["articles"], ["extract"], ["check-config"]]
ARTICLE = (
    "{title}\n\nBrussels, Belgium — April 3, 2025\n\nMy own junk line\n\nNATO ministers met.\n"
)


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NATOTUI_")}
    env.update(extra)
    return env


def corpus(root: Path, *titles: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for number, title in enumerate(titles):
        (root / f"article{number}.txt").write_text(ARTICLE.format(title=title), encoding="utf-8")
    return root


def config_dropping_junk(root: Path) -> Path:
    path = root / "mine.yaml"
    path.write_text("extends: shipped\ncleaning:\n  boilerplate_lines: ['my own junk line']\n")
    return path


def articles_json(argv: list[str], capsys) -> list[dict]:
    assert main([*argv, "--format", "json"] if "articles" in argv else argv) == 0
    return json.loads(capsys.readouterr().out)


# --- help and version -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", COMMANDS, ids=["natotui", "articles", "extract", "check-config"]
)
def test_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: natotui {' '.join(command)}".rstrip())
    assert "--version" in out
    if command != ["check-config"]:
        assert "--config" in out


@pytest.mark.parametrize(
    "command", COMMANDS, ids=["natotui", "articles", "extract", "check-config"]
)
def test_version(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"natotui {__version__}\n"


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in ("articles", "extract", "check-config"):
        assert name in out


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["frobnicate"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_installed_command_runs_from_anywhere(tmp_path):
    script = Path(sys.executable).parent / "natotui"
    assert script.exists(), "the natotui script is missing: pip install -e '.[test]'"
    for flag in ("--version", "--help"):
        run = subprocess.run(
            [str(script), flag],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=clean_env(),
            timeout=60,
        )
        assert run.returncode == 0, run.stderr
        assert "natotui" in run.stdout
    run = subprocess.run(
        [str(script), "articles"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "5 articles" in run.stdout


def test_python_dash_m(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "tui", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(PYTHONPATH=str(REPOSITORY)),
        timeout=60,
    )
    assert (run.returncode, run.stdout) == (0, f"natotui {__version__}\n")


def test_a_spawned_worker_importing_the_main_module_starts_no_natotui(tmp_path):
    # A parallel ingest under `python -m tui` spawns workers that import tui.__main__ again as
    # `__mp_main__`: it must not run the command (it opened a second dashboard, the pool broke
    # and a 100,000-article ingest ran in one process).
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import runpy, sys; sys.argv = ['natotui', '--version']; "
            "runpy.run_module('tui.__main__', run_name='__mp_main__'); print('imported')",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(PYTHONPATH=str(REPOSITORY)),
        timeout=60,
    )
    assert (run.returncode, run.stdout) == (0, "imported\n")


# --- where data and config come from --------------------------------------------------------------


def test_default_is_the_shipped_corpus(capsys):
    rows = articles_json(["articles"], capsys)
    assert len(rows) == 5
    assert all(Path(row["path"]).parent.name == "data" for row in rows)


def test_natotui_data_and_data_option(tmp_path, monkeypatch, capsys):
    corpus(tmp_path / "env", "The Article Found Through The Variable")
    corpus(tmp_path / "opt", "The Article Found Through The Option")
    monkeypatch.setenv("NATOTUI_DATA", str(tmp_path / "env"))
    rows = articles_json(["articles"], capsys)
    assert [r["title"] for r in rows] == ["The Article Found Through The Variable"]
    for argv in (
        ["articles", "--data", str(tmp_path / "opt")],
        ["--data", str(tmp_path / "opt"), "articles"],
    ):
        rows = articles_json(argv, capsys)
        assert [r["title"] for r in rows] == ["The Article Found Through The Option"]


def test_natotui_config_and_config_option(tmp_path, monkeypatch, capsys):
    data = corpus(tmp_path / "data", "An Article With A Junk Line")
    mine = config_dropping_junk(tmp_path)
    monkeypatch.setenv("NATOTUI_DATA", str(data))

    (row,) = articles_json(["articles"], capsys)
    assert "My own junk line" in row["text"]  # the shipped config knows nothing of it

    monkeypatch.setenv("NATOTUI_CONFIG", str(mine))
    (row,) = articles_json(["articles"], capsys)
    assert "My own junk line" not in row["text"]
    assert "NATO ministers met." in row["text"]

    plain = tmp_path / "plain.yaml"
    plain.write_text("dates: {}\n")
    for argv in (["articles", "--config", str(plain)], ["--config", str(plain), "articles"]):
        (row,) = articles_json(argv, capsys)
        assert "My own junk line" in row["text"], argv  # the option beats the variable


def test_environment_in_a_real_process(tmp_path):
    data = corpus(tmp_path / "data", "An Article Read In A Subprocess")
    mine = config_dropping_junk(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "tui", "articles", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(
            PYTHONPATH=str(REPOSITORY),
            NATOTUI_DATA=str(data),
            NATOTUI_CONFIG=str(mine),
            NATOTUI_CACHE_DIR=str(tmp_path / "cache"),
            NATOTUI_STATE_DIR=str(tmp_path / "state"),
        ),
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    (row,) = json.loads(run.stdout)
    assert row["title"] == "An Article Read In A Subprocess"
    assert row["published"] == "2025-04-03"
    assert "My own junk line" not in row["text"]


def test_missing_data_folder_is_an_error_not_a_traceback(tmp_path, capsys):
    for argv in (
        ["articles", "--data", str(tmp_path / "nowhere")],
        ["--data", str(tmp_path / "nowhere")],
    ):
        assert main(argv) == 2
        captured = capsys.readouterr()
        assert "nowhere" in captured.err
        assert captured.out == ""


# --- output ---------------------------------------------------------------------------------------


def test_articles_table(tmp_path, capsys):
    data = corpus(tmp_path / "data", "[bold red]x[/] Markup Stays Literal In Titles")
    (data / "undated.txt").write_text("A Title Of An Undated Article\n\nText.\n")
    assert main(["articles", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "2 articles" in out
    assert "[bold red]x[/]" in out
    assert "2025-04-03 (dateline)" in out
    assert "unknown" in out


def test_articles_warnings_on_stderr(tmp_path, capsys):
    data = corpus(tmp_path / "data", "A Good Article That Loads Fine")
    (data / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (data / "latin.txt").write_bytes("Løkke In Zürich For The Talks\n\nText.\n".encode("latin-1"))
    (data / "front.md").write_text("---\ntitle: [oops\n---\nThe Body Title Of This File\n\nText.\n")
    assert main(["articles", "--data", str(data), "--format", "json"]) == 0
    captured = capsys.readouterr()
    rows = {Path(r["path"]).name: r for r in json.loads(captured.out)}
    assert sorted(rows) == ["article0.txt", "front.md", "latin.txt"]
    err = captured.err.splitlines()
    assert f"warning: {data / 'binary.txt'}: skipped, binary file (holds NUL bytes)" in err
    assert any(
        line.startswith(f"warning: {data / 'latin.txt'}: ") and "not UTF-8" in line for line in err
    )
    assert any(line.startswith(f"warning: {data / 'front.md'}: front matter") for line in err)
    assert len(err) == 3
    assert rows["latin.txt"]["title"] == "Løkke In Zürich For The Talks"
    assert rows["latin.txt"]["warnings"] and rows["article0.txt"]["warnings"] == []


def test_extract_prints_the_json_document(tmp_path, capsys):
    data = corpus(tmp_path / "data", "NATO Foreign Ministers Meet In Brussels")
    assert main(["extract", str(data), "--no-cache"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["version"] == 1
    assert {"articles", "meetings", "conflicts"} <= set(document)
    (article,) = document["articles"]
    assert article["id"] == "article0"
    assert article["published"] == "2025-04-03"


@pytest.mark.parametrize(
    "command",
    [["articles", "--format", "json"], ["articles"], ["extract", "--no-cache"]],
    ids=["articles-json", "articles-table", "extract"],
)
def test_closed_pipe_is_quiet(tmp_path, command):
    """`natotui ... | head`: the reader goes away; no BrokenPipeError traceback."""
    data = corpus(tmp_path / "data", *(f"Article Number {n} For The Pipe Test" for n in range(30)))
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", *command, "--data", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=clean_env(PYTHONPATH=str(REPOSITORY), NATOTUI_CACHE_DIR=str(tmp_path / "cache")),
    )
    process.stdout.close()  # before natotui writes anything: every write meets a closed pipe
    err = process.stderr.read().decode()
    # Not everything was written: a failure status (141 as if killed by SIGPIPE; Rich, which
    # prints the table, handles the pipe itself and exits with 1), but quietly.
    assert process.wait(timeout=120) in (1, 141)
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err
    assert "Exception ignored" not in err


# --- the installed package ----------------------------------------------------------------------


def test_a_built_wheel_carries_the_corpus_and_config(tmp_path):
    """After `pip install .` (not editable) natotui still finds its sample corpus and config."""
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(dist)],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("natotui-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(site)
    assert "tui/_shipped/config.yaml" in names
    assert len([n for n in names if n.startswith("tui/_shipped/data/")]) == 5
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    probe = (
        "import sys, tui; from tui.cli import main; "
        f"assert tui.__file__.startswith({str(site)!r}), tui.__file__; "
        "sys.exit(main(sys.argv[1:]))"
    )
    env = clean_env(PYTHONPATH=str(site), NATOTUI_CACHE_DIR=str(tmp_path / "cache"))
    run = subprocess.run(
        [sys.executable, "-c", probe, "check-config"],
        capture_output=True, text=True, cwd=elsewhere, env=env, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(str(site / "tui" / "_shipped" / "config.yaml") + ": OK")
    run = subprocess.run(
        [sys.executable, "-c", probe, "articles", "--format", "json"],
        capture_output=True, text=True, cwd=elsewhere, env=env, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert len(rows) == 5
    assert all(row["path"].startswith(str(site / "tui" / "_shipped" / "data")) for row in rows)
