"""End to end: the installed `natotui` in a real terminal (tmux at 80x24), driven by keys and
read back with `capture-pane`, the way a person uses it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

WIDTH, HEIGHT = 80, 24
TIMEOUT = 30.0


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
GRID_TITLE = re.compile(r"‹\s*(" + "|".join(MONTHS) + r") (\d{4})\s*›")


def grid_month(screen: str) -> tuple[int, int] | None:
    """(year, month) shown by the calendar's month grid, if it is on screen."""
    found = GRID_TITLE.search(screen)
    return (int(found.group(2)), MONTHS.index(found.group(1)) + 1) if found else None


class Terminal:
    """A tmux session on a private socket running one command."""

    def __init__(
        self,
        tmux: str,
        command: list[str],
        env: dict[str, str],
        workdir: Path,
        size: tuple[int, int] = (WIDTH, HEIGHT),
    ):
        self.tmux = tmux
        self.socket = f"natotui-test-{uuid.uuid4().hex[:8]}"
        self.session = "natotui"
        # A private config: no user settings, and the pane stays after the program exits so
        # its last screen can be read.
        self.config = workdir / "tmux.conf"
        self.config.write_text("set-option -g remain-on-exit on\n", encoding="utf-8")
        environment = [f"-e{key}={value}" for key, value in env.items()]
        self._run(
            "new-session",
            "-d",
            "-s",
            self.session,
            "-x",
            str(size[0]),
            "-y",
            str(size[1]),
            *environment,
            "--",
            *command,
        )

    def _run(self, *args: str) -> str:
        done = subprocess.run(
            [self.tmux, "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            timeout=10,
        )
        assert done.returncode == 0, f"tmux {' '.join(args)}: {done.stderr}"
        return done.stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        for key in keys:
            self._run("send-keys", "-t", self.session, *(["-l"] if literal else []), key)
            time.sleep(0.15)

    def screen(self) -> str:
        return self._run("capture-pane", "-p", "-t", self.session)

    def wait_for(self, predicate: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            if self.dead():
                break
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{screen}")

    def dead(self) -> bool:
        return self._run("display-message", "-p", "-t", self.session, "#{pane_dead}").strip() == "1"

    def kill(self) -> None:
        subprocess.run(
            [self.tmux, "-L", self.socket, "kill-server"], capture_output=True, timeout=10
        )


@pytest.fixture
def terminal(tmp_path: Path):
    tmux = shutil.which("tmux")
    # Not a skip: CI installs tmux (.ci/run), so a missing tmux is a broken set-up.
    assert tmux, "tmux is required for the end-to-end test (apt-get install tmux)"
    natotui = shutil.which("natotui")
    assert natotui, "the natotui command is not installed (pip install -e .)"
    env = {
        "NATOTUI_STATE_DIR": str(tmp_path / "state"),
        "NATOTUI_CACHE_DIR": str(tmp_path / "cache"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    # The shipped corpus and config, whatever the developer's own environment says.
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NATOTUI_")}
    env["PATH"] = clean.get("PATH", "/usr/bin:/bin")
    session = Terminal(tmux, [natotui], env, tmp_path)
    try:
        yield session
    finally:
        session.kill()


def test_natotui_in_tmux_read_search_actors_help_and_quit(terminal: Terminal):
    screen = terminal.wait_for(lambda s: "5 articles" in s and "unread" in s, "the corpus")
    assert "1 Articles" in screen and "Reader" in screen
    assert "Rubio Declines NATO Meeting" in screen  # newest first, shown in the reader
    assert "Published" in screen

    # Down through the list: the reader follows.
    terminal.keys("j")
    terminal.wait_for(
        lambda s: "Secretary of State Marco Rubio Meets with NATO" in s and "April 3, 2025" in s,
        "the second article in the reader",
    )

    # Search for Antalya.
    terminal.keys("/")
    terminal.keys("Antalya", literal=True)
    screen = terminal.wait_for(lambda s: "1 article matching Antalya" in s, "the search result")
    assert "Trump Sending Rubio to Turkey" in screen
    assert "Rubio Declines NATO Meeting" not in screen
    terminal.keys("Escape")
    terminal.wait_for(lambda s: "5 articles" in s and "matching" not in s, "the search cleared")

    # Actors of the whole corpus: Marco Rubio is there.
    terminal.keys("3", "a")
    screen = terminal.wait_for(lambda s: "in whole corpus" in s, "the corpus actors")
    assert "Marco Rubio" in screen and "person" in screen

    # Calendar: [ and ] to April 2025, where the Brussels ministerial is.
    terminal.keys("4")
    screen = terminal.wait_for(lambda s: grid_month(s) is not None, "the calendar")
    for _ in range(36):
        shown = grid_month(screen)
        if shown == (2025, 4):
            break
        terminal.keys("[" if shown > (2025, 4) else "]")
        screen = terminal.wait_for(lambda s, old=shown: grid_month(s) != old, "another month")
    assert grid_month(screen) == (2025, 4)
    terminal.keys("home", "right", "right")
    screen = terminal.wait_for(lambda s: "Thursday 3 April 2025" in s, "the 3rd of April")
    assert "Brussels" in screen

    # Conflicts: the Rubio role conflict is in the first article.
    terminal.keys("1", "g", "5")
    screen = terminal.wait_for(lambda s: "Conflict" in s, "the conflicts pane")
    assert "Marco Rubio" in screen

    # Help lists the keys; Esc closes it; q quits.
    terminal.keys("?")
    screen = terminal.wait_for(lambda s: "natotui keys" in s, "the help screen")
    assert "Quit" in screen and "Search" in screen
    terminal.keys("Escape")
    terminal.wait_for(lambda s: "natotui keys" not in s, "help closed")
    terminal.keys("q")
    deadline = time.monotonic() + TIMEOUT
    while not terminal.dead():
        assert time.monotonic() < deadline, "natotui did not quit on q"
        time.sleep(0.2)
