"""Fixtures shared by the test modules.

Every test runs with natotui's environment variables pointing into a temporary directory, so no
test reads the developer's own config or data, or writes to their state or cache.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tui.core.config_models import Config
from tui.core.paths import shipped_config_path, shipped_data_dir

REPOSITORY = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No NATOTUI_CONFIG / NATOTUI_DATA from outside; state and cache in a temporary folder."""
    home = tmp_path_factory.mktemp("natotui-home")
    monkeypatch.delenv("NATOTUI_CONFIG", raising=False)
    monkeypatch.delenv("NATOTUI_DATA", raising=False)
    monkeypatch.setenv("NATOTUI_STATE_DIR", str(home / "state"))
    monkeypatch.setenv("NATOTUI_CACHE_DIR", str(home / "cache"))
    return home


@pytest.fixture(scope="session")
def shipped_rules() -> Config:
    """The shipped config.yaml without its included gazetteers: the cleaning and metadata rules.

    Loading, cleaning, metadata and sentence tests use it so that they test the shipped rules
    without depending on the gazetteer files.
    """
    data = yaml.safe_load(shipped_config_path().read_text(encoding="utf-8"))
    data.pop("include", None)
    return Config.model_validate(data)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The shipped sample corpus."""
    return shipped_data_dir()
