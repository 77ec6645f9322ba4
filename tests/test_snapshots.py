"""Snapshots of every pane and the help screen at 80x24 and 120x40 (pytest-textual-snapshot).

Baselines live in tests/__snapshots__; after a deliberate change to what the dashboard shows,
regenerate them with `pytest tests/test_snapshots.py --snapshot-update` and review the report.
"""

from __future__ import annotations

import pytest
from app_helpers import seeds_app, snapshot_ready

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
VIEWS = {
    "articles": ["1"],
    "reader": ["2"],
    "actors": ["3"],
    "calendar": ["4"],
    "conflicts": ["5"],
    "help": ["question_mark"],
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", VIEWS)
def test_dashboard_snapshot(snap_compare, view: str, size: str):
    assert snap_compare(
        seeds_app(), press=VIEWS[view], terminal_size=SIZES[size], run_before=snapshot_ready
    )
