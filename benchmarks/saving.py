"""Saving one note with 1,000 and 10,000 notes in the library, against an SQLite insert with fsync.

reader's figures come from ``benchmarks.store_speed.measure()`` (written with the store) when it
exists. Its result holds medians in milliseconds, keyed by the number of notes already saved; the
in-app figure under ``api_save_ms`` (or ``in_app_ms``), the whole-process one under ``cli_save_ms``
(or ``process_ms``); flat keys such as ``api_save_ms_10000`` are read too::

    {"api_save_ms": {1000: 1.2, 10000: 1.4}, "cli_save_ms": {1000: 310.0, 10000: 330.0}, ...}

The floors are measured here: one row inserted and committed in its own transaction into an
SQLite file that already holds N notes, with ``synchronous=FULL`` (an fsync per commit), both
in this process and as a whole bare Python process that does only that.
"""

from __future__ import annotations

import importlib
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from benchmarks.stats import Measured
from benchmarks.throughput import module_available

SIZES = (1000, 10000)
KINDS = ("in_app", "process")
KEYS = {"in_app": ("api_save_ms", "in_app_ms"), "process": ("cli_save_ms", "process_ms")}

_SCHEMA = ("CREATE TABLE notes (id INTEGER PRIMARY KEY, article TEXT NOT NULL, start INTEGER NOT NULL, "
           "end INTEGER NOT NULL, body TEXT NOT NULL, created REAL NOT NULL)")
_INSERT = "INSERT INTO notes (article, start, end, body, created) VALUES (?, ?, ?, ?, ?)"
_PROCESS_SCRIPT = (
    "import sqlite3, sys, time\n"
    "db = sqlite3.connect(sys.argv[1]); db.execute('PRAGMA synchronous=FULL')\n"
    f"db.execute({_INSERT!r}, ('article', 1, 2, 'a note', time.time())); db.commit(); db.close()\n"
)


def _note(index: int) -> tuple[str, int, int, str, float]:
    return (f"article-{index % 97}", index * 10, index * 10 + 40, f"note number {index} about the passage", 0.0)


def prepare_db(path: Path, notes: int) -> None:
    """An SQLite file holding ``notes`` notes (filled in one transaction, not timed)."""
    db = sqlite3.connect(path)
    db.execute(_SCHEMA)
    db.execute("CREATE INDEX notes_article ON notes (article)")
    db.executemany(_INSERT, (_note(i) for i in range(notes)))
    db.commit()
    db.close()


def sqlite_floor(notes: int, runs: int, workdir: Path) -> Measured:
    """Milliseconds for one committed insert with fsync into a file of ``notes`` notes."""
    path = workdir / f"floor-{notes}.sqlite"
    prepare_db(path, notes)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=FULL")
    times = []
    for index in range(runs):
        started = time.perf_counter()
        db.execute(_INSERT, _note(notes + index))
        db.commit()
        times.append((time.perf_counter() - started) * 1000)
    db.close()
    return Measured(times)


def sqlite_process_floor(notes: int, runs: int, workdir: Path) -> Measured:
    """Milliseconds for a bare Python process that opens the file, inserts one note and commits."""
    path = workdir / f"process-floor-{notes}.sqlite"
    prepare_db(path, notes)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _PROCESS_SCRIPT, str(path)], capture_output=True, timeout=60)
        elapsed = (time.perf_counter() - started) * 1000
        if done.returncode != 0:
            return Measured.missing(f"the SQLite process floor failed: {done.stderr.decode(errors='replace')[-200:]}")
        times.append(elapsed)
    return Measured(times)


def _lookup(result: Mapping[str, Any], kind: str, notes: int) -> float | None:
    for key in KEYS[kind]:
        nested = result.get(key)
        value = nested.get(notes, nested.get(str(notes))) if isinstance(nested, Mapping) else result.get(f"{key}_{notes}")
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    return None


def store_figures(result: Any) -> dict[tuple[str, int], Measured]:
    """reader's note-save figures, keyed by (kind, notes), from a ``store_speed.measure()`` result."""
    figures = {}
    for kind in KINDS:
        for notes in SIZES:
            value = _lookup(result, kind, notes) if isinstance(result, Mapping) else None
            figures[(kind, notes)] = (Measured([value]) if value is not None else
                                      Measured.missing(f"store_speed.measure() gave no {KEYS[kind][0]} for {notes} notes"))
    return figures


def reader_note_save() -> dict[tuple[str, int], Measured]:
    """Call ``benchmarks.store_speed.measure()`` if it exists; otherwise every figure is n/a."""
    if not module_available("benchmarks.store_speed"):
        missing = Measured.missing("not available: benchmarks.store_speed does not exist yet")
        return {(kind, notes): missing for kind in KINDS for notes in SIZES}
    try:
        result = importlib.import_module("benchmarks.store_speed").measure()
    except Exception as exc:  # a broken module is reported, not allowed to stop the bench
        failed = Measured.missing(f"benchmarks.store_speed failed: {type(exc).__name__}: {exc}")
        return {(kind, notes): failed for kind in KINDS for notes in SIZES}
    return store_figures(result)


def floors(runs: int, cache: Path) -> dict[tuple[str, int], Measured]:
    """The SQLite floors for both kinds and both sizes, in a scratch folder on the project's disk."""
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as scratch:
        workdir = Path(scratch)
        return {
            **{("in_app", n): sqlite_floor(n, runs, workdir) for n in SIZES},
            **{("process", n): sqlite_process_floor(n, runs, workdir) for n in SIZES},
        }
