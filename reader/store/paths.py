"""Where the library file lives by default."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "reader"
DB_FILENAME = "library.json"


def default_db_path() -> Path:
    """The library in the platform's user data folder (e.g. ``~/.local/share/reader/library.json``)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME
