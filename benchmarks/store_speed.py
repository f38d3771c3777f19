"""How fast the library saves a note and lists articles.

Run it alone (``python benchmarks/store_speed.py``, prints JSON) or call :func:`measure`.
Everything happens in a temporary folder; the user's library is never touched.

Measured (milliseconds, medians):

- ``api_save_ms[N]``: ``Library.add_note`` (a durable save) with N notes already in the
  library, the way the app saves a note (the library is open, its data cached): median of
  ``API_SAVES`` saves;
- ``cli_save_ms[N]``: a whole ``reader note add`` process (start, load article, find quote, save):
  median of ``CLI_SAVES`` runs;
- ``sqlite_insert_fsync_ms``: one SQLite insert committed with fsync (WAL, synchronous=FULL),
  the floor a database could reach on this disk;
- ``list_1000_ms``: ``Library.articles()`` over 1,000 articles, from a freshly opened library
  (``cold``, parses the file) and again (``warm``);
- ``open_ms[N]``: opening the library and reading its notes once (parsing the file).
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.document import load
from reader.store import Library

SIZES = (1_000, 10_000)
API_SAVES = 25
CLI_SAVES = 5
ARTICLES_FOR_NOTES = 100
ARTICLES_FOR_LIST = 1_000
WORDS = ["the", "minister", "said", "budget", "critics", "parliament", "audit", "treasury", "spokesman", "markets", "currency", "dollar", "opposition", "leader", "figures", "spring", "decision", "protests", "union", "city", "reporters"]


def _article_text(seed: int, sentences: int = 40) -> str:
    words = [WORDS[(seed * 7 + i * 13) % len(WORDS)] for i in range(sentences * 12)]
    return "\n\n".join(" ".join(words[i:i + 12]).capitalize() + f" (ref {seed}-{i})."
                       for i in range(0, len(words), 12))


def _write_articles(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = folder / f"article-{i:04d}.txt"
        path.write_text(f"Article {i}\n\n{_article_text(i)}\n", encoding="utf-8")
        paths.append(path)
    return paths


def _library_with_notes(folder: Path, notes: int) -> tuple[Path, list[str], list[str]]:
    """A library of ARTICLES_FOR_NOTES articles holding ``notes`` notes; returns db, ids, texts."""
    db = folder / "library.json"
    library = Library.open(db)
    articles = [load(str(p)) for p in _write_articles(folder, ARTICLES_FOR_NOTES)]
    records = library.add_articles(articles, tags=["bench"])
    with library.batch():
        for i in range(notes):
            article = articles[i % len(articles)]
            start = (i * 37) % (len(article.text) - 80)
            library.add_note(records[i % len(records)].id, start, start + 20 + i % 60, article.text,
                             note=f"note {i} on this passage", tags=["bench", f"t{i % 20}"])
    return db, [r.id for r in records], [a.text for a in articles]


def _time_api_saves(db: Path, ids: list[str], texts: list[str]) -> float:
    library = Library.open(db)
    library.all_notes()  # the app has the library open and parsed already
    times = []
    for i in range(API_SAVES):
        text = texts[i % len(texts)]
        start = (i * 101) % (len(text) - 60)
        began = time.perf_counter()
        library.add_note(ids[i % len(ids)], start, start + 40, text, note="a new note", tags=["fresh"])
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def _time_cli_saves(db: Path, ids: list[str], texts: list[str]) -> float:
    times = []
    for i in range(CLI_SAVES):
        text = texts[i % len(texts)]
        quote = text[100 + i * 10:140 + i * 10]
        command = [sys.executable, "-m", "reader", "--db", str(db), "note", "add", ids[i % len(ids)],
                   "--quote", quote, "--note", "from the command line"]
        began = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def _time_open(db: Path) -> float:
    times = []
    for _ in range(5):
        began = time.perf_counter()
        Library.open(db).all_notes()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def _time_sqlite(folder: Path) -> float:
    connection = sqlite3.connect(folder / "floor.sqlite", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE notes (id TEXT PRIMARY KEY, article TEXT, quote TEXT, note TEXT)")
    times = []
    for i in range(API_SAVES):
        began = time.perf_counter()
        connection.execute("BEGIN")
        connection.execute("INSERT INTO notes VALUES (?, ?, ?, ?)", (f"n{i}", "a", "a quoted passage", "a note"))
        connection.execute("COMMIT")
        times.append(time.perf_counter() - began)
    connection.close()
    return statistics.median(times) * 1000


def _time_list(folder: Path) -> dict[str, float]:
    db = folder / "list.json"
    articles = [load(str(p)) for p in _write_articles(folder, ARTICLES_FOR_LIST)]
    Library.open(db).add_articles(articles, tags=["bench"])
    began = time.perf_counter()
    library = Library.open(db)
    records = library.articles()
    cold = time.perf_counter() - began
    assert len(records) == ARTICLES_FOR_LIST
    warm = []
    for _ in range(5):
        began = time.perf_counter()
        library.articles(sort="title")
        library.note_counts()
        warm.append(time.perf_counter() - began)
    return {"cold": cold * 1000, "warm": statistics.median(warm) * 1000}


def measure() -> dict[str, object]:
    """Run every measurement; returns milliseconds (medians) and file sizes, rounded."""
    result: dict[str, object] = {"api_save_ms": {}, "cli_save_ms": {}, "open_ms": {}, "file_kib": {}}
    for notes in SIZES:
        with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
            db, ids, texts = _library_with_notes(Path(tmp), notes)
            result["file_kib"][notes] = round(os.path.getsize(db) / 1024)  # type: ignore[index]
            result["open_ms"][notes] = round(_time_open(db), 2)  # type: ignore[index]
            result["api_save_ms"][notes] = round(_time_api_saves(db, ids, texts), 2)  # type: ignore[index]
            result["cli_save_ms"][notes] = round(_time_cli_saves(db, ids, texts), 1)  # type: ignore[index]
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        result["sqlite_insert_fsync_ms"] = round(_time_sqlite(Path(tmp)), 3)
        result["list_1000_ms"] = {k: round(v, 2) for k, v in _time_list(Path(tmp)).items()}
    result["goal_api_save_10000_under_30ms"] = result["api_save_ms"][10_000] < 30  # type: ignore[index]
    return result


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
