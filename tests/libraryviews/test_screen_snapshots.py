"""SVG snapshots of the notes and speakers screens, in every bundled theme (dates fixed).

Regenerate after an intended visual change with ``pytest tests/libraryviews --snapshot-update``.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.cli import main
from reader.store import schema
from reader.themes import bundled_themes_dir
from reader.tui.app import ReaderApp
from tests.tui.library_fixtures import settle, until

BUNDLED = sorted(path.stem for path in bundled_themes_dir().glob("*.toml"))
SIZE = (100, 14)


@pytest.fixture
def library(db: Path, articles: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    days = itertools.count(1)
    monkeypatch.setattr(schema, "now", lambda: f"2024-03-{min(next(days), 28):02d}T09:00:00.000000+00:00")
    main(["--db", str(db), "add", str(articles[0]), str(articles[1])])
    main(["--db", str(db), "note", "add", str(articles[0]), "--quote", "business was slow",
          "--note", "[b]markup[/b] stays text", "--tag", "port"])
    main(["--db", str(db), "note", "add", str(articles[1]), "--quote", "dead on arrival", "--note", "harsh"])
    return db


def _opener(key: str):  # type: ignore[no-untyped-def]
    async def open_screen(pilot: Pilot) -> None:
        app = pilot.app
        await settle(app, pilot)  # type: ignore[arg-type]
        await pilot.press(key)
        await until(app, pilot, lambda: getattr(app.screen, "loaded", False) and app.screen.title != "Library")  # type: ignore[arg-type]

    return open_screen


@pytest.mark.parametrize("theme", BUNDLED)
def test_notes_screen(snap_compare, library: Path, theme: str) -> None:
    assert snap_compare(ReaderApp([], db=str(library), theme_name=theme), run_before=_opener("N"), terminal_size=SIZE)


@pytest.mark.parametrize("theme", BUNDLED)
def test_speakers_screen(snap_compare, library: Path, theme: str) -> None:
    assert snap_compare(ReaderApp([], db=str(library), theme_name=theme), run_before=_opener("S"), terminal_size=SIZE)
