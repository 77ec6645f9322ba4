"""Start-up time: natotui's first complete paint on the shipped corpus beside an empty Textual app.

Both run as fresh processes in a real pseudo-terminal (80x24), alternately, in the same run.
Each writes the wall-clock time of its first paint to a file and exits: natotui does this when
NATOTUI_EXIT_AFTER_PAINT is set, after the first paint with the corpus on screen (list, reader,
status line and the footer's keys); the empty app right after its first screen is painted.
natotui's bytecode is compiled first, as an install leaves it (`--source`: not). The figure is that time minus the moment
the process was started, so interpreter start-up and imports are included for both.

    python bench/startup.py [--runs 9] [--config FILE] [--data DIR]

Goal (issue 4): natotui at most 1.5x the empty app.
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import os
import pty
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 80, 24
TIMEOUT = 120.0

EMPTY_APP = """
import sys, time
from textual.app import App

class Empty(App):
    def on_mount(self):
        self.call_after_refresh(self.painted)

    def painted(self):
        with open(sys.argv[1], "w") as out:
            out.write(f"{time.time():.6f}\\n")
        self.exit()

Empty().run()
"""


PHASES = """
import sys, time
from pathlib import Path
started = time.perf_counter()
marks = []
def mark(name):
    marks.append((name, time.perf_counter()))
import textual.app
mark("import textual")
import tui.cli
from tui.core.config import load_config
mark("import the CLI and config models")
from tui.core.paths import default_config_path, default_data_dir
loaded = load_config(Path(sys.argv[1]) if sys.argv[1] else default_config_path())
mark("load the config")
import tui.app
mark("import the app, screens and widgets")
from tui.core.store import Store
mark("import the store (not the pipeline)")
store = Store.from_snapshot([Path(sys.argv[2]) if sys.argv[2] else default_data_dir()], loaded)
store.link()
mark("open the list snapshot, linked corpus from the cache")
from tui.core.corpus_view import CorpusView
view = CorpusView.build(store)
view.extraction(store.newest_first()[0])
mark("index it for the panes, read the first article")
previous = started
for name, at in marks:
    print(f"    {(at - previous) * 1000:7.0f} ms  {name}")
    previous = at
"""


def phases(config: str | None, data: str | None, env: dict[str, str]) -> str:
    """Where natotui's time goes before its first paint, measured in one fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", PHASES, config or "", data or ""],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPOSITORY,
        timeout=TIMEOUT,
    )
    return done.stdout if done.returncode == 0 else done.stderr


def natotui_command(config: str | None, data: str | None) -> list[str]:
    command = shutil.which("natotui")
    base = [command] if command else [sys.executable, "-m", "tui"]
    if config:
        base += ["--config", config]
    if data:
        base += ["--data", data]
    return base


def _drain(fd: int) -> None:
    while True:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def first_paint(command: list[str], env: dict[str, str], marker: Path) -> float:
    """Seconds from starting `command` in a pseudo-terminal to the paint it records."""
    marker.unlink(missing_ok=True)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
    reader = threading.Thread(target=_drain, args=(master,), daemon=True)
    reader.start()
    started = time.time()
    process = subprocess.Popen(
        command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=REPOSITORY,
        start_new_session=True,
    )
    os.close(slave)
    try:
        process.wait(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)
        reader.join(timeout=1)
    if process.returncode != 0 or not marker.exists():
        raise SystemExit(f"{' '.join(command)} exited with {process.returncode} before painting")
    return float(marker.read_text()) - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="measured runs of each (default 9)")
    parser.add_argument("--config", help="config file for natotui (default: the shipped one)")
    parser.add_argument("--data", help="corpus folder for natotui (default: the shipped one)")
    parser.add_argument(
        "--source",
        action="store_true",
        help="do not compile natotui's bytecode first (with PYTHONDONTWRITEBYTECODE set and no "
        "__pycache__, every run then compiles natotui's modules from source)",
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="natotui-startup-"))
    marker = work / "painted"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NATOTUI_")}
    env.update(
        TERM=env.get("TERM", "xterm-256color")
        if env.get("TERM") not in (None, "dumb")
        else "xterm-256color",
        NATOTUI_STATE_DIR=str(work / "state"),
        NATOTUI_CACHE_DIR=str(work / "cache"),
    )
    natotui_env = {**env, "NATOTUI_EXIT_AFTER_PAINT": str(marker)}
    empty = [sys.executable, "-c", EMPTY_APP, str(marker)]
    natotui = natotui_command(args.config, args.data)

    # Bytecode of natotui's own modules, as `pip install` leaves it (Textual's is there): with
    # PYTHONDONTWRITEBYTECODE set and an editable install nothing writes it, and every run
    # would compile some 40 modules from source (about 30 ms) that the empty app never does.
    if not args.source:
        compileall.compile_dir(str(REPOSITORY / "tui"), quiet=1)
    # One run of each first: fills the OS file cache and natotui's extraction cache, so the
    # figures are of a warm start, the usual case.
    load_before = os.getloadavg()[0]
    first_paint(empty, env, marker)
    cold = first_paint(natotui, natotui_env, marker)
    times: dict[str, list[float]] = {"empty": [], "natotui": []}
    for _ in range(args.runs):
        times["empty"].append(first_paint(empty, env, marker))
        times["natotui"].append(first_paint(natotui, natotui_env, marker))

    empty_median = statistics.median(times["empty"])
    natotui_median = statistics.median(times["natotui"])
    print(
        f"first complete paint at {WIDTH}x{HEIGHT}, median of {args.runs} runs each "
        f"(alternating, fresh processes; load {load_before:.2f} before, "
        f"{os.getloadavg()[0]:.2f} after):"
    )
    print(
        f"  empty Textual app       {empty_median * 1000:7.0f} ms"
        f"   (min {min(times['empty']) * 1000:.0f}, max {max(times['empty']) * 1000:.0f})"
    )
    print(
        f"  natotui, shipped corpus {natotui_median * 1000:7.0f} ms"
        f"   (min {min(times['natotui']) * 1000:.0f}, max {max(times['natotui']) * 1000:.0f})"
    )
    print(f"  natotui first run       {cold * 1000:7.0f} ms   (cold caches)")
    ratio = natotui_median / empty_median
    print(
        f"  ratio                   {ratio:7.2f}x   (goal <= 1.5x: {'met' if ratio <= 1.5 else 'not met'})"
    )
    print(
        "where natotui's warm start goes (one process, no terminal; compose and paint not"
        " included):"
    )
    print(phases(args.config, args.data, env), end="")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
