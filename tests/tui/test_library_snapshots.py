"""SVG snapshots of the library screen and of the notes panel (no clock: dates are fixed).

Regenerate after an intended visual change with ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.document import load
from reader.store import schema
from reader.tui.app import ReaderApp
from tests.tui.library_fixtures import library_with, settle, write_article


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every date the library records is a fixed one, one day apart, in call order."""
    days = itertools.count(1)
    monkeypatch.setattr(schema, "now", lambda: f"2024-03-{min(next(days), 28):02d}T09:00:00.000000+00:00")


def build_library(tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "lib.json"
    harbour = write_article(tmp_path, "harbour.txt", "Harbour plan divides council")
    budget = write_article(tmp_path, "budget.txt", "Budget row deepens in parliament")
    ferry = write_article(tmp_path, "ferry.txt", "Ferry strike [b]ends[/b] after talks")  # markup stays text
    library = library_with(db, [harbour, budget, ferry], tags={harbour: ["politics", "ports"], ferry: ["ports"]})
    article = load(str(harbour))
    record = library.article(str(harbour))
    for quote, note in (("Members argued for two hours.", "Long meeting [i]indeed[/i]"),
                        ("Critics disagreed with her figures.", "Check the figures")):
        start = article.text.index(quote)
        library.add_note(record.id, start, start + len(quote), article.text, note=note, tags=["follow-up"])
    library.mark_opened(record.id, position=len(article.text) // 3)
    library.mark_opened(library.article(str(budget)).id)
    return db, harbour


async def settled(pilot: Pilot) -> None:
    await settle(pilot.app, pilot)  # type: ignore[arg-type]


def test_library_screen(snap_compare, tmp_path: Path, fixed_clock: None) -> None:
    db, _ = build_library(tmp_path)
    assert snap_compare(ReaderApp([], db=str(db)), run_before=settled, terminal_size=(100, 16))


def test_notes_panel_open(snap_compare, tmp_path: Path, fixed_clock: None) -> None:
    db, harbour = build_library(tmp_path)

    async def open_panel(pilot: Pilot) -> None:
        await settled(pilot)
        await pilot.press("g", "p")
        await settled(pilot)

    assert snap_compare(ReaderApp([str(harbour)], db=str(db)), run_before=open_panel, terminal_size=(100, 24))
