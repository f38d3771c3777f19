"""The README's screenshot is the app as it is: the reader snapshot test's own SVG, byte for byte."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests/inreader/__snapshots__/test_inreader_snapshots/test_seed_with_sources_panel.svg"
SCREENSHOT = ROOT / "docs/reader-sources-panel.svg"


def test_the_readme_screenshot_is_the_current_snapshot() -> None:
    assert "docs/reader-sources-panel.svg" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert SCREENSHOT.read_bytes() == SNAPSHOT.read_bytes(), "run 'make screenshot' after updating snapshots"


def test_the_readme_states_the_layout_numbers_the_code_uses() -> None:
    from reader.services.config import DEFAULT_MEASURE, MEASURE_RANGE
    from reader.tui.widgets.sources_panel import OVERLAY_BELOW

    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"Below {OVERLAY_BELOW} columns the sources panel lies over the text" in text
    assert f"({MEASURE_RANGE[0]} to {MEASURE_RANGE[1]}, default {DEFAULT_MEASURE};" in text
    assert f"its measure ({DEFAULT_MEASURE} cells unless `[reading] measure`" in text
