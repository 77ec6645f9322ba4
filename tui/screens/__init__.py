"""The dashboard's screens, one module each.

The names are imported on first use (PEP 562): start-up imports only the dashboard, not the
help and warnings screens it may never open.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dashboard import DashboardScreen
    from .help import HelpScreen
    from .load_warnings import WarningsScreen

_MODULES = {"DashboardScreen": "dashboard", "HelpScreen": "help", "WarningsScreen": "load_warnings"}

__all__ = ["DashboardScreen", "HelpScreen", "WarningsScreen"]


def __getattr__(name: str):
    if name in _MODULES:
        return getattr(import_module(f".{_MODULES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
