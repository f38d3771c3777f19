"""Where the library file lives by default."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "reader"
DB_FILENAME = "library.json"


def default_db_path() -> Path:
    """``$READER_DB`` if set, else the library in the platform's user data folder
    (e.g. ``~/.local/share/reader/library.json``): every caller that passes no path gets the same file."""
    chosen = os.environ.get("READER_DB")
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME
