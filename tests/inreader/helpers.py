"""Shared helpers for the in-reader analysis tests."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from reader.tui.screens.analysis_view import AnalysisScreen

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sample_articles" / "aleppo-evacuation.txt"


async def wait_for_analysis(pilot: Pilot) -> None:
    """Let the first paint happen, the analysis worker finish and its result be painted."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    if isinstance(screen, AnalysisScreen) and screen.analysis_index is None:  # started after the first wait
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
