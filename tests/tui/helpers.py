"""Helpers for the Pilot tests: read what is on screen as plain text."""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import App

from reader.tui.widgets.reading_pane import ReadingPane
from tests.textual_private import screen_strips


def screen_lines(app: App) -> list[str]:
    """The whole screen as plain text lines (what a user sees, without colours)."""
    strips = screen_strips(app)
    return ["".join(segment.text for segment in strip).rstrip() for strip in strips]


def screen_text(app: App) -> str:
    """The whole screen as one string."""
    return "\n".join(screen_lines(app))


def pane_lines(app: App) -> list[str]:
    """The visible lines of the reading pane, gutter stripped."""
    pane = app.screen.query_one(ReadingPane)
    region = pane.scrollable_content_region
    return ["".join(segment.text for segment in pane.render_line(y))[4:].rstrip() for y in range(region.height)]


def write_config(text: str) -> Path:
    """``config.toml`` in the test's config folder (conftest points READER_CONFIG_DIR at a temp dir)."""
    folder = Path(os.environ["READER_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path
