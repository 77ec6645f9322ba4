"""The dashboard's screens, one module each."""

from .dashboard import DashboardScreen
from .help import HelpScreen
from .load_warnings import WarningsScreen

__all__ = ["DashboardScreen", "HelpScreen", "WarningsScreen"]
