"""How fast the app shows the library and saves a note (in the running app, through Pilot).

Run it alone (``python benchmarks/library_screen.py``, prints JSON) or call :func:`measure`.
Everything happens in a temporary folder; the user's library is never touched.

Measured (milliseconds, medians):

- ``library_first_paint_ms``: from creating the app to the first paint of the library screen
  with its table filled, over 1,000 articles (``LIBRARY_RUNS`` runs, a fresh app each time);
- ``note_save_store_ms``: the store call the app makes to save a note (``Library.add_note``
  in the app's worker thread, wall time: includes the fsyncs and waiting for the GIL while the
  UI repaints) with 10,000 notes already in the library (``NOTE_SAVES`` saves);
  ``note_save_store_cpu_ms`` is the CPU time of that thread for the same calls;
- ``note_save_ui_ms``: from Ctrl+S in the note editor until the note is in the notes panel
  (the store call plus Pilot's key handling and a repaint).
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from reader.document import Article, load, parse_text
from reader.store import Library
from reader.tui.app import ReaderApp

ARTICLES = 1_000
NOTES = 10_000
NOTE_ARTICLES = 100
LIBRARY_RUNS = 5
NOTE_SAVES = 15
SIZE = (120, 40)
WORDS = ["the", "minister", "said", "budget", "critics", "parliament", "audit", "treasury", "spokesman",
         "markets", "currency", "opposition", "leader", "figures", "spring", "decision", "union", "city"]


def _text(seed: int, paragraphs: int = 12) -> str:
    words = [WORDS[(seed * 7 + i * 13) % len(WORDS)] for i in range(paragraphs * 24)]
    return "\n\n".join(" ".join(words[i:i + 12]).capitalize() + f" (ref {seed}-{i}). " +
                       " ".join(words[i + 12:i + 24]).capitalize() + "."
                       for i in range(0, len(words), 24))


def _articles(folder: Path, count: int) -> list[Article]:
    return [parse_text(f"Article number {i} title\n\n{_text(i)}", source=str(folder / f"a{i:04d}.txt"))
            for i in range(count)]


async def _first_paint(db: Path) -> float:
    start = time.perf_counter()
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        while not getattr(screen, "loaded", False):
            await pilot.pause()
            screen = app.screen
        await pilot.pause()  # the repaint with the rows
        elapsed = time.perf_counter() - start
    return elapsed * 1000


def _library_first_paint(folder: Path) -> float:
    db = folder / "library.json"
    Library.open(db).add_articles(_articles(folder, ARTICLES))
    return statistics.median(asyncio.run(_first_paint(db)) for _ in range(LIBRARY_RUNS))


def _library_with_notes(folder: Path) -> tuple[Path, Path]:
    """A library of NOTE_ARTICLES articles and NOTES notes, plus one article on disk to open."""
    db = folder / "library.json"
    library = Library.open(db)
    path = folder / "open-me.txt"
    path.write_text(f"The article opened for notes\n\n{_text(9999, 40)}\n", encoding="utf-8")
    opened = load(str(path))
    articles = [*_articles(folder, NOTE_ARTICLES - 1), opened]
    with library.batch():
        records = library.add_articles(articles)
        for n in range(NOTES):
            article, record = articles[n % len(articles)], records[n % len(records)]
            start = (n * 37) % max(1, len(article.text) - 40)
            library.add_note(record.id, start, start + 30, article.text, note=f"note {n}")
    return db, path


async def _note_saves(db: Path, path: Path) -> tuple[list[float], list[float], list[float]]:
    from reader.tui.screens.notes_reader import NotesReaderScreen

    store_ms: list[float] = []
    cpu_ms: list[float] = []
    ui_ms: list[float] = []
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesReaderScreen) and screen.record is not None
        library = app.library.library
        assert library is not None
        original = library.add_note

        def timed(*args: Any, **kwargs: Any) -> Any:
            begin, cpu = time.perf_counter(), time.thread_time()
            try:
                return original(*args, **kwargs)
            finally:
                store_ms.append((time.perf_counter() - begin) * 1000)
                cpu_ms.append((time.thread_time() - cpu) * 1000)

        library.add_note = timed  # type: ignore[method-assign]
        for _ in range(NOTE_SAVES):
            await pilot.press("right_parenthesis", "a")
            count = len(screen.notes)
            begin = time.perf_counter()
            await pilot.press("ctrl+s")
            while len(screen.notes) == count:  # wait without spinning the event loop against the worker
                await app.workers.wait_for_complete()
                await pilot.pause()
            ui_ms.append((time.perf_counter() - begin) * 1000)
    return store_ms, cpu_ms, ui_ms


def measure() -> dict[str, object]:
    """Run both measurements in temporary folders; returns medians in milliseconds."""
    result: dict[str, object] = {"articles": ARTICLES, "notes": NOTES}
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        result["library_first_paint_ms"] = round(_library_first_paint(Path(tmp)), 1)
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        db, path = _library_with_notes(Path(tmp))
        result["library_file_kib"] = round(os.path.getsize(db) / 1024)
        store_ms, cpu_ms, ui_ms = asyncio.run(_note_saves(db, path))
        result["note_save_store_ms"] = round(statistics.median(store_ms), 2)
        result["note_save_store_cpu_ms"] = round(statistics.median(cpu_ms), 2)
        result["note_save_ui_ms"] = round(statistics.median(ui_ms), 1)
    result["goal_in_app_save_10000_under_30ms"] = result["note_save_store_ms"] < 30  # type: ignore[operator]
    return result


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
