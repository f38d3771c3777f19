"""Keep every test away from the real user's files: home, config, data, cache, state, documents.

The whole session runs with ``HOME`` and every XDG and Windows profile variable pointing into one
temporary folder (:func:`_sandboxed_home`), set in ``os.environ`` so that the CLI subprocesses and
the tmux servers the terminal tests start inherit it too: an app export with no ``export_dir``
setting, a default library, a saved theme, all land in the sandbox and never in the real
``~/Documents/reader-notes`` or ``~/.local/share/reader``. ``tests/test_sandbox.py`` proves it.

The cache of compiled regular expressions (:mod:`reader.patterns`) is read when reader's modules are
imported, which test modules do as they are collected, before any fixture runs: so its folder,
``READER_CACHE_DIR``, is pointed at a temporary folder as this file is loaded, before pytest
collects anything, and removed at the session's end.

On top of that each test gets fresh config and data folders (:func:`_hermetic_user_folders`), so a
theme or library one test saves is never seen by the next. Tests that need a particular folder
still set it themselves (monkeypatch wins over these fixtures).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_PATTERN_CACHE = os.environ["READER_CACHE_DIR"] = tempfile.mkdtemp(prefix="reader-test-cache-")
"""Set before anything here imports reader (see the module's docstring)."""

from tests.cli_run import Run  # noqa: E402 - after the cache folder is set

REAL_HOME = os.path.expanduser("~")
"""The home folder of whoever runs the suite, read before the sandbox replaces ``HOME``."""

SANDBOX_VARIABLES = {
    "HOME": "home",
    "XDG_CONFIG_HOME": "home/.config",
    "XDG_DATA_HOME": "home/.local/share",
    "XDG_CACHE_HOME": "home/.cache",
    "XDG_STATE_HOME": "home/.local/state",
    "XDG_DOCUMENTS_DIR": "home/Documents",
    "XDG_DOWNLOAD_DIR": "home/Downloads",
    "USERPROFILE": "home",
    "APPDATA": "home/AppData/Roaming",
    "LOCALAPPDATA": "home/AppData/Local",
}
"""Every variable platformdirs (Linux, macOS, Windows) and ``~`` expansion read, and where it points."""


def pytest_unconfigure(config: pytest.Config) -> None:
    """The session's pattern cache folder goes with it."""
    shutil.rmtree(_PATTERN_CACHE, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _sandboxed_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point home and the platform folders into one temp folder for the whole session."""
    root = tmp_path_factory.mktemp("sandbox")
    with pytest.MonkeyPatch.context() as patch:
        for name, relative in SANDBOX_VARIABLES.items():
            folder = root / relative
            folder.mkdir(parents=True, exist_ok=True)
            patch.setenv(name, str(folder))
        for name in ("READER_DB", "READER_CONFIG_DIR", "XDG_CONFIG_DIRS", "XDG_DATA_DIRS"):
            patch.delenv(name, raising=False)
        yield root


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


@pytest.fixture
def run(db: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``reader --db DB ARGS...`` in-process, ``db`` being the test folder's library fixture;
    return (exit code, stdout, stderr)."""

    from reader.cli import main  # here, not at the top: the suite's sandbox is set up before reader loads

    def call(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return call
