"""Progress of a corpus load: to a callback (the TUI's status line) and/or a bar on stderr.

A load has two stages, each reported from 0 to its own total: "reading" (files whose content
may have changed are read and cleaned, which gives the corpus year) and "extracting". A warm
start with nothing to do reports nothing.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

ProgressCallback = Callable[[int, int], None]
StageCallback = Callable[[str, int], None]

STAGE_LABELS = {"reading": "Reading", "extracting": "Extracting"}


class Progress:
    """Fans progress out to `on_progress(done, total)`, `on_stage(name, total)` and a bar."""

    def __init__(
        self,
        on_progress: ProgressCallback | None = None,
        on_stage: StageCallback | None = None,
        bar: bool = False,
    ) -> None:
        self.on_progress = on_progress
        self.on_stage = on_stage
        self._bar = StderrBar() if bar and sys.stderr.isatty() else None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def stage(self, name: str, total: int) -> None:
        if not total:
            return
        if self.on_stage:
            self.on_stage(name, total)
        if self._bar:
            self._bar.stage(STAGE_LABELS.get(name, name), total)

    def update(self, done: int, total: int) -> None:
        if self.on_progress:
            self.on_progress(done, total)
        if self._bar:
            self._bar.update(done, total)

    def close(self) -> None:
        if self._bar:
            self._bar.close()
            self._bar = None


class StderrBar:
    """A Rich progress bar on stderr, refreshed at most ten times a second, gone when done."""

    def __init__(self) -> None:
        self._progress: Any = None
        self._task: Any = None
        self._last = 0.0

    def stage(self, label: str, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        if self._progress is None:
            self._progress = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
                auto_refresh=False,
            )
            self._progress.start()
        if self._task is not None:
            self._progress.remove_task(self._task)
        self._task = self._progress.add_task(label, total=total)
        self._progress.refresh()

    def update(self, done: int, total: int) -> None:
        if self._progress is None or self._task is None:
            return
        now = time.monotonic()
        if done == total or now - self._last >= 0.1:
            self._last = now
            self._progress.update(self._task, completed=done, total=total)
            self._progress.refresh()

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
