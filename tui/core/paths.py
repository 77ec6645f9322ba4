"""Where natotui finds its shipped files and keeps the user's state and cache.

The sample corpus and config live at the top of the repository; an installed wheel carries copies
in `tui/_shipped/`. Environment variables point elsewhere (tests use them to stay in a temporary
directory).
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_REPOSITORY = _PACKAGE.parent


def _shipped(name: str) -> Path:
    in_repository = _REPOSITORY / name
    if in_repository.exists() and (_REPOSITORY / "pyproject.toml").exists():
        return in_repository
    return _PACKAGE / "_shipped" / name


def shipped_config_path() -> Path:
    """natotui's own config.yaml."""
    return _shipped("config.yaml")


def shipped_data_dir() -> Path:
    """The sample corpus."""
    return _shipped("data")


def default_config_path() -> Path:
    """$NATOTUI_CONFIG, else the shipped config."""
    env = os.environ.get("NATOTUI_CONFIG")
    return Path(env).expanduser() if env else shipped_config_path()


def default_data_dir() -> Path:
    """$NATOTUI_DATA, else the sample corpus."""
    env = os.environ.get("NATOTUI_DATA")
    return Path(env).expanduser() if env else shipped_data_dir()


def user_data_dir() -> Path:
    """Read/unread marks and other state: $NATOTUI_STATE_DIR or the platform's data directory."""
    env = os.environ.get("NATOTUI_STATE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("natotui", appauthor=False))


def user_cache_dir() -> Path:
    """The extraction cache: $NATOTUI_CACHE_DIR or the platform's cache directory."""
    env = os.environ.get("NATOTUI_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("natotui", appauthor=False))


def root_key(root: Path | str) -> str:
    """How the cache knows a corpus folder: its absolute path."""
    return os.path.abspath(root)
