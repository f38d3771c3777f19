"""SVG snapshots of the seed article with its analysis shown, and in every bundled theme.

Deterministic: ``run_before`` waits for the analysis worker and its paint; nothing uses a
clock. Regenerate with ``pytest tests/inreader --snapshot-update`` after an intended change.
"""

from __future__ import annotations

import pytest

from reader.themes import bundled_themes_dir
from reader.tui.app import ReaderApp
from tests.inreader.helpers import SEED, wait_for_analysis

SIZE = (100, 30)
BUNDLED = sorted(path.stem for path in bundled_themes_dir().glob("*.toml"))


def test_seed_with_highlights(snap_compare) -> None:
    assert snap_compare(ReaderApp([str(SEED)]), terminal_size=SIZE, run_before=wait_for_analysis,
                        press=["right_square_bracket"])


def test_seed_with_sources_panel(snap_compare) -> None:
    assert snap_compare(ReaderApp([str(SEED)]), terminal_size=SIZE, run_before=wait_for_analysis,
                        press=["s", "down", "enter"])


@pytest.mark.parametrize("theme", BUNDLED)
def test_seed_with_highlights_in_theme(snap_compare, theme: str) -> None:
    assert snap_compare(ReaderApp([str(SEED)], theme_name=theme), terminal_size=SIZE,
                        run_before=wait_for_analysis, press=["space", "greater_than_sign"])


def test_seed_cursor_after_one_line_down(snap_compare) -> None:
    """One ``j`` puts the blank line after the headline on top: the cursor bar moves to the first
    paragraph instead of vanishing with the headline (issue 15, friction 4)."""
    assert snap_compare(ReaderApp([str(SEED)]), terminal_size=SIZE, run_before=wait_for_analysis, press=["j"])
