"""Cache files next to the library: JSON, written atomically under a lock, rebuilt when damaged.

A cache only ever holds what can be computed again (article texts, analyses), so a file that
does not parse, has the wrong shape or was written for another format version is treated as
empty and overwritten: never an error. The notes file is never touched from here.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import filelock
import orjson

FORMAT = 1


def cache_dir(library_path: Path) -> Path:
    """The cache folder of the library at ``library_path``: ``<library>.cache`` beside it."""
    return library_path.with_name(library_path.name + ".cache")


def read_json(path: Path) -> Any:
    """The JSON at ``path``, or None if it is missing or damaged."""
    try:
        return orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None


def write_json(path: Path, data: Any) -> bool:
    """Write ``data`` to ``path`` atomically (temp file, fsync, rename). False if it could not be written.

    A cache that cannot be written (read-only folder, full disk) only costs time later.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = orjson.dumps(data)
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        return True
    except (OSError, TypeError, orjson.JSONEncodeError):
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
        return False


class TableFile:
    """One cache file of ``{"format": 1, "entries": {key: entry}}`` shared by processes.

    :meth:`entries` reads without a lock (writes are atomic renames); :meth:`update` merges
    changes under ``<file>.lock`` after re-reading, so two processes never drop each other's
    entries.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._cached: tuple[tuple[int, int, int], dict[str, Any]] | None = None

    def _key(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def entries(self) -> dict[str, Any]:
        """Every entry (empty if the file is missing or damaged); do not change the result."""
        key = self._key()
        if key is None:
            return {}
        if self._cached is not None and self._cached[0] == key:
            return self._cached[1]
        data = read_json(self.path)
        entries = data.get("entries") if isinstance(data, dict) and data.get("format") == FORMAT else None
        entries = {k: v for k, v in entries.items() if isinstance(v, dict)} if isinstance(entries, dict) else {}
        self._cached = (key, entries)
        return entries

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            lock = filelock.FileLock(self.path.with_name(self.path.name + ".lock"), timeout=10)
            lock.acquire()
        except (OSError, filelock.Timeout):
            yield  # no lock, no shared cache: the write below may still succeed, or not matter
            return
        try:
            yield
        finally:
            lock.release()

    def update(self, changes: dict[str, Any | None]) -> None:
        """Set (or, for None, drop) entries, merged into what is on disk now."""
        if not changes:
            return
        with self._locked():
            self._cached = None
            entries = dict(self.entries())
            for key, value in changes.items():
                if value is None:
                    entries.pop(key, None)
                else:
                    entries[key] = value
            write_json(self.path, {"format": FORMAT, "entries": entries})
            self._cached = None
