"""Key press to every pane updated: moving down the article list, at 10k and 100k articles.

    python bench/keypress.py [--n 10000 100000] [--presses 300]

The dashboard runs headless at 170x36, where all five panes are on screen, on a warm cache
(bench/corpora/.cache/corpus-N; the corpus is ingested first if need be, not measured). For
each press of `down` the clock runs from the key event reaching the app to the last frame
written for it: the dashboard has selected the next article (reader, actors, calendar and
conflicts are updated in that same handler), every widget has done the work it puts off until
idle, and the screen has been laid out and rendered (at once if the 60 Hz tick has not come
yet, rather than adding up to 16 ms of idle waiting). Work done after that last frame while
the app is idle (reading ahead the neighbouring articles) is not counted; it would delay the
next press if it were still running, and that press counts it. Printed: median and 95th
percentile, and frames written per press, beside the shipped five-article corpus.

Goal (issue 5): median <= 16 ms and p95 <= 50 ms at 100k.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time

from common import ROOT, cache_dir, corpus, host_speed, load, median, percentile

SIZE = (170, 36)
SETTLE_TIMEOUT = 600.0  # seconds to wait for the corpus (and its snapshot check)


async def measure(data, presses: int) -> tuple[list[float], list[int], str]:
    """Per measured press: milliseconds to its last frame, and frames written."""
    from textual import events

    from tui.app import NatoApp
    from tui.core.config import load_config
    from tui.screens import DashboardScreen
    from tui.widgets import ArticleTable

    app = NatoApp(loaded=load_config(None), data_dir=data)
    timings: list[float] = []
    counts: list[int] = []
    async with app.run_test(size=SIZE) as pilot:
        screen = next(s for s in app.screen_stack if isinstance(s, DashboardScreen))
        waited = 0.0
        while screen.view is None or getattr(screen.view.source, "from_snapshot", False):
            await asyncio.sleep(0.1)
            waited += 0.1
            if waited > SETTLE_TIMEOUT:
                raise SystemExit("the corpus did not load")
        await pilot.pause()
        table = app.query_one(ArticleTable)
        table.focus()
        await pilot.pause()
        note = "linked" if screen.view.linked else "listed, linking in the background"
        frames = watch_frames(screen)
        for index in range(presses + 20):  # the first 20 warm up
            if table.cursor_row >= table.row_count - 1:
                table.action_scroll_top()
                await pilot.pause()
            expected = table.ids[table.cursor_row + 1]
            frames.clear()
            started = time.perf_counter()
            app._driver.send_message(events.Key("down", None))
            while screen.selected != expected or not settled(app):
                await asyncio.sleep(0)
            render_now(app.screen)
            if index >= 20 and frames:
                timings.append((frames[-1] - started) * 1000)
                counts.append(len(frames))
            await asyncio.sleep(0.02)  # as a person pressing keys: let timers and idle run
    return timings, counts, note


def watch_frames(screen) -> list[float]:
    """When each frame is written (the screen's compositor refresh returns): a press is done
    when its last frame is, whatever runs after it once the screen is idle (the read-ahead of
    the neighbouring articles) is not what the person waits for."""
    frames: list[float] = []
    refresh = screen._compositor_refresh

    def timed() -> None:
        refresh()
        frames.append(time.perf_counter())

    screen._compositor_refresh = timed
    return frames


def settled(app) -> bool:
    """Every widget has handled its messages, and the work widgets put off until they are idle
    (a DataTable measures its new rows then) is done: what follows is only painting."""
    from textual.widgets import DataTable

    for widget in app.screen.walk_children(with_self=True):
        if not widget._message_queue.empty():
            return False
        if isinstance(widget, DataTable) and (
            widget._require_update_dimensions or widget._updated_cells
        ):
            return False
    return True


def render_now(screen) -> None:
    """Lay out and paint what changed at once, rather than at the next 60 Hz tick (which would
    add up to 16 ms of idle waiting), until nothing is left to lay out or paint."""
    for _ in range(5):
        screen._on_timer_update()
        if not (screen._layout_required or screen._repaint_required or screen._dirty_widgets):
            return


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--presses", type=int, default=300)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        timings, counts, note = asyncio.run(measure(args.child, args.presses))
        frames = sum(counts) / len(counts)
        print(
            f"{median(timings):.2f} {percentile(timings, 95):.2f} {max(timings):.2f}"
            f" {frames:.2f} {note}"
        )
        return 0

    import subprocess
    import tempfile

    print(
        f"key press (down) to every pane updated, {args.presses} presses, load {load()},"
        f" host reference loop {host_speed()}"
    )
    print(f"{'articles':>9} {'median':>8} {'p95':>8} {'max':>8} {'frames':>6}  corpus")
    state = tempfile.mkdtemp(prefix="natotui-keys-")
    for n in [5, *args.n]:
        data = ROOT / "data" if n == 5 else corpus(n)
        env = {k: v for k, v in os.environ.items() if not k.startswith("NATOTUI_")}
        env["NATOTUI_CACHE_DIR"] = str(cache_dir(f"corpus-{n}"))
        env["NATOTUI_STATE_DIR"] = state
        command = [sys.executable, __file__, "--child", str(data), "--presses", str(args.presses)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            print(f"{n:>9,} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        med, p95, worst, frames, note = done.stdout.split(maxsplit=4)
        print(
            f"{n:>9,} {float(med):6.1f}ms {float(p95):6.1f}ms {float(worst):6.1f}ms"
            f" {float(frames):6.2f}  {note.strip()}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
