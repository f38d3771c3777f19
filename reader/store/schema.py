"""The shape of the library file, its schema version and the migrations between versions.

The file is one JSON object of TinyDB tables (``{"table": {"doc id": {...}}}``):

- ``_meta``: one document ``schema`` with ``version`` (int) and ``created``;
- ``migrations``: one document per migration applied to this file (id = target version);
- ``articles``: one document per article, id derived from its source (never its body);
- ``notes``: highlighted passages with W3C selectors, note text and tags;
- ``tags``: every tag in use, id = the tag name (for completion, rename, merge);
- ``settings``: one document per setting (``{"value": ...}``), e.g. the theme;
- ``texts``: the *only* place article text may be kept, and only when asked for explicitly
  (``store_text=True``, meant for fetched web pages that cannot be re-read later).

A file that is not this shape is refused, never "repaired" by overwriting it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.errors import ReaderError

SCHEMA_VERSION = 1
META = "_meta"
MIGRATIONS_TABLE = "migrations"
TABLES = ("articles", "notes", "tags", "settings", "texts")

#: ``MIGRATIONS[n]`` turns a version-``n`` database (the raw tables dict) into version ``n + 1``
#: in place. Empty while the schema is at version 1; add one entry per future change.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], None]] = {}


class LibraryFileError(ReaderError):
    """The library file cannot be used as it is; it is left untouched."""


def now() -> str:
    """The current time as ISO 8601 UTC with microseconds (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_database() -> dict[str, Any]:
    """The tables of an empty library at the current schema version."""
    data: dict[str, Any] = {META: {"schema": {"version": SCHEMA_VERSION, "created": now()}},
                            MIGRATIONS_TABLE: {}}
    for name in TABLES:
        data[name] = {}
    return data


def refuse(path: Path | str, reason: str, remedy: str | None = None) -> LibraryFileError:
    """A one-line error naming the file, what is wrong and how to go on."""
    remedy = remedy or ("it was left untouched: move it aside to start a new library, "
                        "or choose another file with --db")
    return LibraryFileError(f"{path}: {reason}; {remedy}")


def schema_version(data: dict[str, Any]) -> int:
    """The schema version recorded in ``data`` (which :func:`check` has accepted)."""
    return int(data[META]["schema"]["version"])


def check(data: Any, path: Path | str) -> None:
    """Raise :class:`LibraryFileError` unless ``data`` is a library this version can use."""
    if not isinstance(data, dict):
        raise refuse(path, "not a reader library (the JSON is not an object)")
    meta = data.get(META)
    schema = meta.get("schema") if isinstance(meta, dict) else None
    version = schema.get("version") if isinstance(schema, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refuse(path, "not a reader library (no schema version)")
    if version > SCHEMA_VERSION:
        raise refuse(path, f"written by a newer reader (schema {version}; this one knows up to "
                           f"{SCHEMA_VERSION})", "it was left untouched: upgrade reader, or use another file "
                                                 "with --db")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise refuse(path, f"not a reader library (table {str(name)[:40]!r} is not an object)")
        for doc in table.values():
            if not isinstance(doc, dict):
                raise refuse(path, f"damaged (a record in table {str(name)[:40]!r} is not an object)")


def migrate(data: dict[str, Any]) -> list[int]:
    """Bring ``data`` up to :data:`SCHEMA_VERSION` in place; return the versions reached."""
    reached: list[int] = []
    version = schema_version(data)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ReaderError(f"no migration from library schema {version} to {version + 1}")
        step(data)
        version += 1
        data[META]["schema"]["version"] = version
        data.setdefault(MIGRATIONS_TABLE, {})[str(version)] = {"from": version - 1, "applied": now()}
        reached.append(version)
    for name in TABLES:
        data.setdefault(name, {})
    return reached


def text_field(value: Any, default: str = "") -> str:
    """A stored field read as text: ``value`` if it is a string, else ``default`` (a hand-edited or
    damaged record is read as far as it goes, never trusted to have the right types)."""
    return value if isinstance(value, str) else default


def count_field(value: Any) -> int:
    """A stored field read as a count or offset: ``value`` if it is an int >= 0 (not a bool), else 0."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0
