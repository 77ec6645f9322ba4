"""Process pools under an application that captures stderr (the dashboard)."""

from __future__ import annotations

import sys
import threading

_TRACKER_LOCK = threading.Lock()


def start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the real stderr, before a pool spawns.

    Spawning, multiprocessing first starts its tracker process and hands it `sys.stderr`'s file
    descriptor; an application that captures stderr in an object without one (Textual's
    `fileno()` is -1) made that fail ("bad value(s) in fds_to_keep"), and every cold ingest in
    the dashboard ran in one process. Once started, the tracker serves every later pool.
    """
    from multiprocessing import resource_tracker

    with _TRACKER_LOCK:
        captured = sys.stderr
        try:
            valid = captured is not None and captured.fileno() >= 0
        except (AttributeError, OSError, ValueError):
            valid = False
        if valid or sys.__stderr__ is None:
            resource_tracker.ensure_running()
            return
        sys.stderr = sys.__stderr__
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = captured
