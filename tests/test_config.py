"""config.yaml: validation, line-numbered errors, include and `extends: shipped`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tui.cli import main
from tui.core.config import ConfigError, load_config
from tui.core.paths import shipped_config_path

REPOSITORY = Path(__file__).resolve().parent.parent


# Each broken config: (id, files {name: text}, expected line, expected key or None, words of the
# problem). The first file is the one given to natotui.
BROKEN = [
    (
        "bad-yaml-syntax",
        {
            "c.yaml": "cleaning:\n  boilerplate_lines:\n    - subscribe\n    - [unclosed\nmetadata: {}\n"
        },
        ("c.yaml", 4),
        "cleaning.boilerplate_lines[1]",
        "invalid YAML",
    ),
    (
        "tab-indentation",
        {"c.yaml": "dates:\n\tyear_window_days: 3\n"},
        ("c.yaml", 2),
        "dates",
        "invalid YAML",
    ),
    (
        "wrong-type",
        {"c.yaml": "dates:\n  year_window_days: many\n"},
        ("c.yaml", 2),
        "dates.year_window_days",
        "integer",
    ),
    (
        "scalar-instead-of-list",
        {"c.yaml": "cleaning:\n  boilerplate_lines: subscribe us\n"},
        ("c.yaml", 2),
        "cleaning.boilerplate_lines",
        "list",
    ),
    (
        "unknown-top-level-key",
        {"c.yaml": "cleaning: {}\ndates: {}\ncolour: blue\n"},
        ("c.yaml", 3),
        "colour",
        "unknown key",
    ),
    (
        "unknown-nested-key",
        {
            "c.yaml": "gazetteer:\n  people:\n    - name: Marco Rubio\n      aliases: [Rubio]\n"
            "      nickname: Little Marco\n"
        },
        ("c.yaml", 5),
        "gazetteer.people[0].nickname",
        "unknown key",
    ),
    (
        "bad-date-in-role",
        {
            "c.yaml": "gazetteer:\n  people:\n    - name: Marco Rubio\n      roles:\n"
            "        - title: Secretary of State\n          from: next year\n"
        },
        ("c.yaml", 6),
        "gazetteer.people[0].roles[0].from",
        "date",
    ),
    (
        "invalid-regex-boilerplate",
        {
            "c.yaml": "cleaning:\n  boilerplate_lines:\n    - 'subscribe us'\n    - '(unclosed group'\n"
        },
        ("c.yaml", 4),
        "cleaning.boilerplate_lines[1]",
        "invalid regular expression",
    ),
    (
        "missing-required-key",
        {
            "c.yaml": "meetings:\n  types:\n    - id: nato_fmm\n      name: NATO Foreign Ministers\n"
            "      kind: ministerial\n"
        },
        ("c.yaml", 3),
        "meetings.types[0].patterns",
        "required key is missing",
    ),
    (
        "missing-include",
        {"c.yaml": "# my rules\ninclude:\n  - gazetteers/mine.yaml\n"},
        ("c.yaml", 3),
        "include[0]",
        "no such file",
    ),
    (
        "broken-included-file",
        {
            "c.yaml": "include:\n  - more/extra.yaml\n",
            "more/extra.yaml": "dates:\n  year_window_days: 30\n  year_window_dayz: 3\n",
        },
        ("more/extra.yaml", 3),
        "dates.year_window_dayz",
        "unknown key",
    ),
    (
        "include-cycle",
        {"c.yaml": "include: [b.yaml]\n", "b.yaml": "dates: {}\ninclude:\n  - c.yaml\n"},
        ("b.yaml", 3),
        "include[0]",
        "cycle",
    ),
    (
        "top-level-list",
        {"c.yaml": "- cleaning\n- dates\n"},
        ("c.yaml", 1),
        None,
        "top level must be a mapping",
    ),
    (
        "claim-rule-regex",
        {
            "c.yaml": "conflicts:\n  claims:\n    - id: spending\n      subject: NATO\n"
            "      attribute: spending target\n      patterns:\n        - '(?P<value>\\d+'\n"
        },
        ("c.yaml", 7),
        "conflicts.claims[0].patterns[0]",
        "invalid regular expression",
    ),
    (
        "claim-pattern-starting-at-no-word",
        {
            "c.yaml": "conflicts:\n  claims:\n    - id: aid\n      subject: US aid\n"
            "      attribute: amount\n      patterns:\n"
            "        - '(?P<value>\\d+) billion'\n        - '\\$(?P<value>\\d+) billion'\n"
        },
        ("c.yaml", 8),
        "conflicts.claims[0].patterns[1]",
        "never match",
    ),
    (
        "extends-not-shipped",
        {"c.yaml": "# start from mine\nextends: ./mine.yaml\n"},
        ("c.yaml", 2),
        "extends",
        "shipped",
    ),
]


def write_files(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return (root / next(iter(files))).resolve()


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NATOTUI_")}
    env["PYTHONPATH"] = str(REPOSITORY)
    env.update(extra)
    return env


def check_message(stderr: str, root: Path, where: tuple[str, int], key: str | None, words: str):
    name, line = where
    assert f"{(root / name).resolve()}:{line}: " in stderr, stderr
    if key is not None:
        assert f":{line}: {key}: " in stderr, stderr
    assert words in stderr
    assert "Traceback" not in stderr
    assert len([row for row in stderr.splitlines() if row.strip()]) == 1, stderr


@pytest.mark.parametrize(
    ("files", "where", "key", "words"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_broken_config_error_names_file_line_and_key(tmp_path, files, where, key, words):
    path = write_files(tmp_path, files)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    error = caught.value
    assert (error.path, error.line) == ((tmp_path / where[0]).resolve(), where[1])
    assert error.key == key
    assert words in str(error)


@pytest.mark.parametrize(
    ("files", "where", "key", "words"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_broken_config_through_the_commands(tmp_path, capsys, files, where, key, words):
    path = write_files(tmp_path, files)
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.txt").write_text("An Article Title For The Test\n\nText.\n")
    assert main(["check-config", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    check_message(captured.err, tmp_path, where, key, words)
    # A real process: nothing escapes as a traceback, the status is 2.
    run = subprocess.run(
        [sys.executable, "-m", "tui", "articles", "--config", str(path), "--data", str(data)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
        timeout=60,
    )
    assert run.returncode == 2, run.stderr
    assert run.stdout == ""
    check_message(run.stderr, tmp_path, where, key, words)


def test_broken_config_in_process_with_extract_and_dashboard(tmp_path, capsys):
    name, files, where, key, words = BROKEN[5]
    path = write_files(tmp_path, files)
    for argv in (
        ["extract", "--config", str(path)],
        ["--config", str(path)],
        ["--config", str(path), "articles"],
    ):
        assert main(argv) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        check_message(captured.err, tmp_path, where, key, words)


def test_missing_config_file(tmp_path, capsys):
    missing = tmp_path / "nope.yaml"
    assert main(["check-config", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "nope.yaml" in err and "not found" in err


def test_shipped_config_is_ok(capsys):
    assert main(["check-config"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{shipped_config_path()}: OK")
    loaded = load_config()
    raw = yaml.safe_load(shipped_config_path().read_text(encoding="utf-8"))
    assert len(loaded.files) == 1 + len(raw.get("include", []))
    assert loaded.config.cleaning.boilerplate_lines


def test_check_config_defaults_to_natotui_config(tmp_path, monkeypatch, capsys):
    path = write_files(tmp_path, {"mine.yaml": "dates:\n  year_window_days: 30\n"})
    monkeypatch.setenv("NATOTUI_CONFIG", str(path))
    assert main(["check-config"]) == 0
    assert capsys.readouterr().out == f"{path}: OK\n"
    assert main(["--config", str(path), "check-config"]) == 0
    assert capsys.readouterr().out == f"{path}: OK\n"


def test_extends_shipped_adds_to_the_shipped_rules(tmp_path):
    path = write_files(
        tmp_path,
        {
            "mine.yaml": "extends: shipped\ncleaning:\n  boilerplate_lines:\n    - 'my own junk line'\n"
            "dates:\n  year_window_days: 90\n"
        },
    )
    shipped = load_config()
    mine = load_config(path)
    assert mine.config.cleaning.boilerplate_lines == [
        *shipped.config.cleaning.boilerplate_lines,
        "my own junk line",
    ]
    assert mine.config.dates.year_window_days == 90
    assert mine.config.metadata == shipped.config.metadata
    assert mine.config.gazetteer == shipped.config.gazetteer
    assert mine.files[0] == path
    assert set(shipped.files) < set(mine.files)
    assert mine.digest != shipped.digest


def test_extends_shipped_through_the_command(tmp_path, capsys):
    path = write_files(
        tmp_path,
        {"mine.yaml": "extends: shipped\ncleaning:\n  boilerplate_lines: ['my own junk line']\n"},
    )
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.txt").write_text(
        "An Article Title For The Test\n\nMy own junk line\n\nSubscribe Us\n\nThe text stays.\n"
    )
    assert main(["articles", "--config", str(path), "--data", str(data), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "The text stays." in out
    assert "My own junk line" not in out  # the user's rule
    assert "Subscribe Us" not in out  # the shipped rule, kept


def test_include_is_relative_and_merges(tmp_path):
    path = write_files(
        tmp_path,
        {
            "main.yaml": "include: [parts/a.yaml, parts/b.yaml]\ndates:\n  year_window_days: 10\n"
            "cleaning:\n  boilerplate_lines: [main]\n",
            "parts/a.yaml": "cleaning:\n  boilerplate_lines: [a]\ndates:\n  year_window_days: 20\n",
            "parts/b.yaml": "cleaning:\n  stop_sections: [b]\ngazetteer:\n  people:\n    - name: Jane Doe\n",
        },
    )
    loaded = load_config(path)
    assert loaded.config.cleaning.boilerplate_lines == ["a", "main"]
    assert loaded.config.cleaning.stop_sections == ["b"]
    assert loaded.config.dates.year_window_days == 10  # the including file has the last word
    assert [p.name for p in loaded.files] == ["main.yaml", "a.yaml", "b.yaml"]
    assert [p.name for p in loaded.config.gazetteer.people] == ["Jane Doe"]


def test_digest_follows_the_content(tmp_path):
    path = write_files(tmp_path, {"c.yaml": "dates:\n  year_window_days: 10\n"})
    first = load_config(path).digest
    assert load_config(path).digest == first
    path.write_text("dates:\n  year_window_days: 11\n")
    assert load_config(path).digest != first


def test_empty_config_is_valid_with_defaults(tmp_path):
    path = write_files(tmp_path, {"c.yaml": "# nothing yet\n"})
    config = load_config(path).config
    assert config.cleaning.boilerplate_lines == []
    assert config.dates.year_window_days > 0
