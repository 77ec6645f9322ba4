"""The natotui application: wires the dashboard, the help screen and the command palette."""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from .core.config import LoadedConfig
from .core.state import ReadState
from .screens.dashboard import DashboardScreen

# Set to a file path, natotui writes the wall-clock time of the first complete paint with the
# corpus shown to that file and exits: bench/startup.py measures start-up with it.
EXIT_AFTER_PAINT_ENV = "NATOTUI_EXIT_AFTER_PAINT"
GC_OFF_AT_MOST = 5.0  # seconds of start-up without garbage collection
# Objects made between two collections of the youngest generation (Python's default: 700). A
# key press makes and frees some 5,000 to 10,000 (the strips of the lines it draws): with the
# default the collector ran 8 times a press, 1.7 ms of 17, and found nothing to free. At this
# threshold it runs every few dozen presses (bench/keypress.py at 100k: median 17.4 -> 16.3 ms).
YOUNG_OBJECTS = 20_000


def _dashboard_commands():
    """The command palette's provider, imported when the palette first opens."""
    from .commands import DashboardCommands

    return DashboardCommands


class NatoApp(App[None]):
    """A terminal dashboard for diplomacy and defence news."""

    CSS_PATH = "natotui.tcss"
    TITLE = "natotui"
    COMMANDS = App.COMMANDS | {_dashboard_commands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding(
            "ctrl+p", "command_palette", "Commands", show=False, priority=True, id="command_palette"
        ),
    ]

    def __init__(
        self, loaded: LoadedConfig, data_dir: Path, state: ReadState | None = None
    ) -> None:
        super().__init__()
        self.loaded = loaded
        self.data_dir = Path(data_dir)
        self.state = state or ReadState(str(self.data_dir.resolve()))
        self.set_keymap(loaded.keymap)
        if self.state.theme in self.available_themes:
            self.theme = self.state.theme
        self._exit_after_paint = os.environ.get(EXIT_AFTER_PAINT_ENV)

    def get_default_screen(self) -> DashboardScreen:
        return DashboardScreen(self.loaded, self.data_dir, self.state)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, lambda theme: self.state.set_theme(theme.name))
        # The command line turns garbage collection off for the start-up; should the corpus
        # never be painted (it failed to load), it is back on after this long all the same.
        self.set_timer(GC_OFF_AT_MOST, _collect_garbage)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        dashboard = next(s for s in self.screen_stack if isinstance(s, DashboardScreen))
        self.push_screen(HelpScreen(dashboard))

    def corpus_shown(self) -> None:
        """Called by the dashboard each time a corpus has been painted on screen."""
        if self._exit_after_paint:
            self._record_first_paint()
        _collect_garbage()  # off for the start-up (see tui.cli.main)

    def _record_first_paint(self) -> None:
        Path(self._exit_after_paint).write_text(f"{time.time():.6f}\n")
        self._exit_after_paint = None
        self.exit()

    def on_unmount(self) -> None:
        # The last article is saved on the way out; marks and stars are saved as they change.
        self.state.save()


def _collect_garbage() -> None:
    """Garbage collection back on, at the threshold a key press needs (see YOUNG_OBJECTS)."""
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])
    gc.enable()
