"""Keep every test away from the real user's files: config (themes) and data (the library).

The app reads user themes and the saved theme setting at startup; without this a developer's
own themes or library would change what the UI tests and snapshots see. Tests that need a
particular folder still set it themselves (monkeypatch wins over this fixture).
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _hermetic_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(Path(home) / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(Path(home) / "data"))
    monkeypatch.setenv("READER_CONFIG_DIR", str(Path(home) / "config" / "reader"))
    monkeypatch.delenv("READER_DB", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(autouse=True)
def _background_work_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app waits a moment after mounting before it opens the library and analyses, so the
    first frame is written first; tests start them at once, so that waiting for workers waits
    for them."""
    from reader.tui.screens.analysis_view import AnalysisScreen
    from reader.tui.screens.library import LibraryScreen
    from reader.tui.screens.notes_reader import NotesReaderScreen

    monkeypatch.setattr(AnalysisScreen, "start_delay", 0.0)
    monkeypatch.setattr(NotesReaderScreen, "attach_delay", 0.0)
    monkeypatch.setattr(LibraryScreen, "index_delay", None)  # the tests that want it turn it on
