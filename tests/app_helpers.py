"""Helpers for the dashboard tests: build the app on a corpus, wait for it to load, read it."""

from __future__ import annotations

import asyncio
from functools import lru_cache
from pathlib import Path

from textual.pilot import Pilot

from tui.app import NatoApp
from tui.core.config import LoadedConfig, load_config
from tui.core.paths import shipped_config_path, shipped_data_dir
from tui.screens import DashboardScreen

LOAD_TIMEOUT = 60.0  # seconds; extraction of the seeds takes well under one


@lru_cache(maxsize=1)
def shipped_config() -> LoadedConfig:
    return load_config(shipped_config_path())


def seeds_app(data: Path | None = None, config: LoadedConfig | None = None) -> NatoApp:
    """The dashboard on the shipped corpus (or `data`) with the shipped config (or `config`)."""
    return NatoApp(loaded=config or shipped_config(), data_dir=data or shipped_data_dir())


def dashboard(app: NatoApp) -> DashboardScreen:
    return next(s for s in app.screen_stack if isinstance(s, DashboardScreen))


async def wait_loaded(pilot: Pilot, previous=None) -> DashboardScreen:
    """Wait until the dashboard shows a corpus (a new one when `previous` is given)."""
    screen = dashboard(pilot.app)
    waited = 0.0
    while screen.view is None or screen.view is previous or not screen.view.linked:
        if screen.status.error:
            raise AssertionError(f"loading failed: {screen.status.error}")
        await asyncio.sleep(0.05)
        waited += 0.05
        if waited > LOAD_TIMEOUT:
            raise AssertionError("the corpus did not load")
    await pilot.pause()
    return screen


async def snapshot_ready(pilot: Pilot) -> None:
    """run_before for snapshots: the corpus is on screen and the UI is idle."""
    await wait_loaded(pilot)
    await pilot.pause()


def write_corpus(root: Path, files: dict[str, str | bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root
