"""Read one setting from the library file cheaply, for the app's first paint.

The app needs the saved theme before it draws anything, but opening the library (TinyDB,
the lock, the shape checks) can wait until after the first paint. Writes are atomic renames,
so a plain read sees a whole file; anything unexpected just means "no saved value", and the
full open that follows reports real problems.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def peek_setting(path: Path, key: str) -> Any:
    """The saved value of setting ``key`` in the library at ``path``, or None."""
    import orjson

    try:
        data = orjson.loads(path.read_bytes())
        return data["settings"][key]["value"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
