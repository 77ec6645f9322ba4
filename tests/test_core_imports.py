"""The import contract: the core never imports Textual (harlequin's test, in a fresh process)."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import tui.core

REPOSITORY = Path(__file__).resolve().parent.parent

PROBE = """
import importlib, json, pkgutil, sys
import tui.core
found = {}
for info in pkgutil.walk_packages(tui.core.__path__, "tui.core."):
    importlib.import_module(info.name)
    found[info.name] = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
for name in sys.argv[1:]:
    importlib.import_module(name)
    found[name] = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(json.dumps(found))
"""


def run_probe(*extra: str) -> dict[str, list[str]]:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, *extra],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_every_core_module_imports_without_textual():
    found = run_probe()
    expected = {info.name for info in pkgutil.walk_packages(tui.core.__path__, "tui.core.")}
    assert set(found) == expected
    assert {"tui.core.loading", "tui.core.config", "tui.core.sentences"} <= expected
    offenders = {name: modules for name, modules in found.items() if modules}
    assert offenders == {}, f"these core modules pull in Textual: {offenders}"


def test_the_command_line_loads_textual_only_for_the_dashboard():
    # `natotui articles`, `extract` and `check-config` start fast: the CLI module defers the app.
    found = run_probe("tui.cli")
    assert found["tui.cli"] == []


WARM_START = """
import sys
from tui.core.config import load_config
from tui.core.paths import shipped_data_dir
from tui.core.store import Store

store = Store.from_snapshot([shipped_data_dir()], load_config(None))
assert store is not None and len(store) == 5, store
heavy = ("yaml", "pydantic", "tui.core.pipeline", "tui.core.extraction", "tui.core.linking")
print(sorted(m for m in heavy if m in sys.modules))
"""


def test_a_warm_start_opens_the_list_snapshot_without_the_pipeline():
    # The start-up path (bench/startup.py): config remembered, list snapshot written by an
    # earlier open; neither YAML, the config models nor extraction and linking are imported.
    from tui.core.config import load_config
    from tui.core.paths import shipped_data_dir
    from tui.core.store import Store

    Store.open([shipped_data_dir()], load_config(None)).close()
    run = subprocess.run(
        [sys.executable, "-c", WARM_START],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
